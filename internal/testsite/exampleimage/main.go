// Command exampleimage draws the example site's picture of a design
// review, assets/img/guides/ux-review.jpg, a page image (front matter
// image:) that the project owns. It is deterministic: the same binary
// writes the same bytes.
//
//	go run ./internal/testsite/exampleimage assets/img/guides/ux-review.jpg
package main

import (
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"os"
)

const width, height = 1200, 630

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: exampleimage out.jpg")
		os.Exit(2)
	}
	f, err := os.Create(os.Args[1])
	if err == nil {
		err = jpeg.Encode(f, draw(), &jpeg.Options{Quality: 82})
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// draw paints a wall lit from the left, a whiteboard with a wireframe of a
// sign-up form, and sticky notes in five colours beside it.
func draw() *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, width, height))
	for y := range height {
		for x := range width {
			// A warm wall, lighter towards the window on the left.
			light := 1 - 0.35*float64(x)/width - 0.15*float64(y)/height
			img.Set(x, y, shade(color.RGBA{232, 222, 205, 255}, light))
		}
	}
	rect(img, 140, 70, 760, 470, color.RGBA{250, 250, 248, 255}, 0.05) // the board
	frame(img, 140, 70, 760, 470, 8, color.RGBA{150, 155, 160, 255})
	// The wireframe: a title bar, three fields and a button.
	rect(img, 200, 120, 700, 150, color.RGBA{60, 70, 90, 255}, 0)
	for i := range 3 {
		frame(img, 200, 190+i*70, 560, 235+i*70, 3, color.RGBA{60, 70, 90, 255})
	}
	rect(img, 200, 400, 360, 440, color.RGBA{27, 79, 179, 255}, 0)
	notes := []color.RGBA{{255, 214, 92, 255}, {255, 145, 164, 255}, {130, 210, 160, 255}, {120, 185, 235, 255}, {250, 170, 90, 255}}
	for i := range 15 {
		x, y := 800+(i%3)*115, 90+(i/3)*100
		c := notes[(i*7)%len(notes)]
		rect(img, x+6, y+6, x+96, y+86, color.RGBA{0, 0, 0, 255}, 0.88) // shadow
		rect(img, x, y, x+90, y+80, c, 0.12)
	}
	rect(img, 0, 560, width, height, color.RGBA{110, 78, 52, 255}, 0.1) // the table's edge
	return img
}

// rect fills a rectangle with c, darker towards its bottom by up to fall.
func rect(img *image.RGBA, x0, y0, x1, y1 int, c color.RGBA, fall float64) {
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			if fall > 0.5 { // a shadow: darken what is there
				img.Set(x, y, shade(img.RGBAAt(x, y), fall))
				continue
			}
			img.Set(x, y, shade(c, 1-fall*float64(y-y0)/float64(y1-y0)))
		}
	}
}

// frame draws a rectangle's outline, w pixels wide.
func frame(img *image.RGBA, x0, y0, x1, y1, w int, c color.RGBA) {
	rect(img, x0, y0, x1, y0+w, c, 0)
	rect(img, x0, y1-w, x1, y1, c, 0)
	rect(img, x0, y0, x0+w, y1, c, 0)
	rect(img, x1-w, y0, x1, y1, c, 0)
}

func shade(c color.RGBA, f float64) color.RGBA {
	s := func(v uint8) uint8 { return uint8(min(255, float64(v)*f)) }
	return color.RGBA{s(c.R), s(c.G), s(c.B), 255}
}
