// Command examplephotos draws the example site's photograph-like pictures,
// which the project owns: scenes painted from value noise, with a film
// grain and a vignette so that they compress and scale like photographs
// rather than like flat drawings. It is deterministic: every random-looking
// value comes from a hash of its coordinates, so the same binary writes the
// same bytes.
//
//	go run ./internal/testsite/examplephotos assets/img/guides
//
// writes hill-path.jpg, home-desk.jpg, server-aisle.jpg, city-dusk.jpg and
// lake-dawn.jpg (1600×1000 each) into the folder. ux-review.jpg is drawn by
// internal/testsite/exampleimage.
package main

import (
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"os"
	"path/filepath"
)

const width, height = 1600, 1000

// scenes are the pictures, by file name.
var scenes = []struct {
	name string
	draw func(x, y float64) rgb // x, y in [0, 1), y downwards
}{
	{"hill-path.jpg", hillPath},
	{"home-desk.jpg", homeDesk},
	{"server-aisle.jpg", serverAisle},
	{"city-dusk.jpg", cityDusk},
	{"lake-dawn.jpg", lakeDawn},
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: examplephotos dir")
		os.Exit(2)
	}
	for _, s := range scenes {
		if err := write(filepath.Join(os.Args[1], s.name), paint(s.draw)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

func write(name string, img image.Image) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	err = jpeg.Encode(f, img, &jpeg.Options{Quality: 80})
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// paint samples scene at every pixel and adds grain and a vignette.
func paint(scene func(x, y float64) rgb) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, width, height))
	for py := range height {
		for px := range width {
			x, y := float64(px)/width, float64(py)/height
			c := scene(x, y)
			dx, dy := x-0.5, y-0.5
			c = c.scale(1 - 0.45*(dx*dx+dy*dy))         // vignette
			c = c.add(0.035 * (hash(px, py, 99) - 0.5)) // grain
			img.SetRGBA(px, py, c.rgba())
		}
	}
	return img
}

// rgb is a colour with channels in [0, 1].
type rgb struct{ r, g, b float64 }

func hex(v uint32) rgb {
	return rgb{float64(v>>16&255) / 255, float64(v>>8&255) / 255, float64(v&255) / 255}
}

func (c rgb) scale(f float64) rgb { return rgb{c.r * f, c.g * f, c.b * f} }
func (c rgb) add(d float64) rgb   { return rgb{c.r + d, c.g + d, c.b + d} }

// mix is a + (b-a)*t.
func mix(a, b rgb, t float64) rgb {
	t = clamp(t)
	return rgb{a.r + (b.r-a.r)*t, a.g + (b.g-a.g)*t, a.b + (b.b-a.b)*t}
}

func (c rgb) rgba() color.RGBA {
	u := func(v float64) uint8 { return uint8(math.Round(255 * clamp(v))) }
	return color.RGBA{u(c.r), u(c.g), u(c.b), 255}
}

func clamp(v float64) float64 { return max(0, min(1, v)) }

// smooth is the smoothstep of t between a and b.
func smooth(a, b, t float64) float64 {
	t = clamp((t - a) / (b - a))
	return t * t * (3 - 2*t)
}

// hash is a value in [0, 1) fixed by its arguments.
func hash(x, y, seed int) float64 {
	h := uint32(x)*374761393 + uint32(y)*668265263 + uint32(seed)*2246822519
	h = (h ^ h>>13) * 1274126177
	h ^= h >> 16
	return float64(h) / (1 << 32)
}

// noise is smooth value noise at (x, y), in [0, 1).
func noise(x, y float64, seed int) float64 {
	x0, y0 := math.Floor(x), math.Floor(y)
	ix, iy := int(x0), int(y0)
	fx, fy := x-x0, y-y0
	fx, fy = fx*fx*(3-2*fx), fy*fy*(3-2*fy)
	a := hash(ix, iy, seed) + (hash(ix+1, iy, seed)-hash(ix, iy, seed))*fx
	b := hash(ix, iy+1, seed) + (hash(ix+1, iy+1, seed)-hash(ix, iy+1, seed))*fx
	return a + (b-a)*fy
}

// fbm is noise summed over octaves, each twice as fine and half as strong.
func fbm(x, y float64, octaves, seed int) float64 {
	sum, amp, norm := 0.0, 0.5, 0.0
	for i := range octaves {
		sum += amp * noise(x, y, seed+i)
		norm += amp
		x, y, amp = x*2.03, y*2.03, amp/2
	}
	return sum / norm
}

// hillPath is a pale footpath winding up through three ridges of green
// hills towards an orange evening sky.
func hillPath(x, y float64) rgb {
	sky := mix(hex(0xf0a070), hex(0x2c3f7a), smooth(0.35, 0, y))
	cloud := smooth(0.55, 0.75, fbm(x*4, y*12, 5, 1)) * smooth(0.4, 0.1, y)
	c := mix(sky, hex(0xf4d8d0), cloud*0.7)
	ridges := []struct {
		base, amp float64
		col       rgb
	}{{0.36, 0.05, hex(0x56689a)}, {0.5, 0.06, hex(0x3f7450)}, {0.63, 0.05, hex(0x2f6b35)}}
	for i, r := range ridges {
		top := r.base - r.amp*fbm(x*3+float64(i)*7, 0.5, 4, 10+i)
		if y > top {
			tex := fbm(x*40, y*60, 4, 20+i)
			c = mix(r.col.scale(0.8+0.4*tex), hex(0xd8c9b0), 0.15*float64(2-i)*smooth(top, top+0.1, y))
		}
	}
	// The path: a curve whose centre drifts with height, wider nearby.
	if y > 0.5 {
		d := (y - 0.5) / 0.5
		centre := 0.42 + 0.12*math.Sin(d*3.4) + 0.05*d
		half := 0.012 + 0.09*d*d
		if math.Abs(x-centre) < half {
			c = hex(0xd9cfa8).scale(0.85 + 0.3*fbm(x*90, y*90, 3, 40))
		}
	}
	return c
}

// homeDesk is a wooden desk seen from above: a laptop showing lines of
// code, a notebook with ruled lines and a pen, and a mug of coffee.
func homeDesk(x, y float64) rgb {
	grain := fbm(x*3, y*40, 5, 50)
	wood := mix(hex(0x8a5a34), hex(0xc08850), 0.5+0.5*math.Sin(x*18+grain*9))
	c := wood.scale(0.9 + 0.2*fbm(x*60, y*8, 3, 51))
	shadow := func(x0, y0, x1, y1 float64) bool {
		return x > x0+0.012 && x < x1+0.012 && y > y0+0.02 && y < y1+0.02
	}
	// Laptop: a base, a screen with code.
	if shadow(0.12, 0.15, 0.6, 0.85) {
		c = c.scale(0.6)
	}
	if x > 0.12 && x < 0.6 && y > 0.15 && y < 0.85 {
		c = hex(0xb8bcc2).scale(0.95 + 0.05*fbm(x*30, y*30, 2, 52))
		if x > 0.15 && x < 0.57 && y > 0.18 && y < 0.52 {
			c = hex(0x1e2430)
			line := int((y - 0.2) / 0.025)
			indent := 0.17 + 0.02*float64(int(hash(line, 0, 53)*3))
			end := indent + 0.05 + 0.3*hash(line, 1, 53)
			if y > 0.2 && y < 0.5 && math.Mod(y-0.2, 0.025) < 0.012 && x > indent && x < end {
				c = []rgb{hex(0x7fb8f0), hex(0xe6c07b), hex(0x98c379), hex(0xd0d4da)}[int(hash(line, int(x*40), 54)*4)]
			}
		}
		if y > 0.58 && y < 0.8 && x > 0.16 && x < 0.56 { // keyboard
			if math.Mod(x-0.16, 0.025) < 0.021 && math.Mod(y-0.58, 0.044) < 0.038 {
				c = hex(0x3a3d42)
			}
		}
	}
	// Notebook with ruled lines and a pen.
	if shadow(0.66, 0.2, 0.9, 0.78) {
		c = c.scale(0.6)
	}
	if x > 0.66 && x < 0.9 && y > 0.2 && y < 0.78 {
		c = hex(0xf4f1e8)
		if math.Mod(y-0.2, 0.035) < 0.003 && y > 0.25 {
			c = hex(0x9fb6d6)
		}
		if math.Abs((x-0.7)-(y-0.3)*0.3) < 0.006 && y > 0.3 && y < 0.7 {
			c = hex(0x1b4fb3)
		}
	}
	// A mug of coffee.
	mx, my := (x-0.8)*1.6, y-0.88
	if r := math.Hypot(mx, my); r < 0.09 {
		c = hex(0xe8e4dc)
		if r < 0.07 {
			c = hex(0x4a2a16).scale(0.8 + 0.4*smooth(0.07, 0, r))
		}
	}
	return c
}

// serverAisle looks down an aisle between two rows of server racks under
// cold ceiling lights, status lights glowing green and blue.
func serverAisle(x, y float64) rgb {
	const vx, vy = 0.5, 0.45 // vanishing point
	dx, dy := x-vx, y-vy
	// Walls (racks) where |dx| is large against |dy|.
	if math.Abs(dx) > 0.28*math.Abs(dy)/0.55+0.04 {
		depth := 0.04 / math.Max(math.Abs(dx), 0.04) // 1 far, small near
		u := 1 / math.Abs(dx)                        // along the aisle
		vy2 := dy / math.Abs(dx)                     // height on the rack face
		c := hex(0x23272e).scale(0.7 + 0.5*depth)
		unit := math.Mod(u*1.2, 1)
		if unit < 0.06 {
			c = hex(0x111317) // gap between racks
		}
		row := math.Mod(vy2*8+8, 1)
		if row < 0.08 {
			c = c.scale(0.6)
		}
		if unit > 0.2 && unit < 0.3 && row > 0.3 && row < 0.45 {
			if hash(int(u*1.2), int(vy2*8+8), 60) > 0.4 {
				led := []rgb{hex(0x52e07a), hex(0x4aa8ff), hex(0x52e07a), hex(0xffb84a)}
				c = led[int(hash(int(u*1.2), int(vy2*8+8), 61)*4)]
			}
		}
		if math.Abs(vy2) > 1.2 {
			return hex(0x101216)
		}
		return c
	}
	if dy < 0 { // ceiling with light panels
		v := 1 / -dy
		if math.Mod(v*0.5, 1) < 0.3 && math.Abs(dx/dy) < 0.25 {
			return hex(0xe8f2ff)
		}
		return hex(0x3a4250).scale(0.7 + 0.3*smooth(0, -0.4, dy))
	}
	// Floor tiles, lighter under the lights.
	v, u := 1/dy, dx/dy
	c := hex(0x8c96a3).scale(0.55 + 0.45*smooth(0, 0.5, dy))
	if math.Mod(v*0.5, 1) < 0.03 || math.Mod(u*3+10, 1) < 0.03 {
		c = c.scale(0.75)
	}
	return c.scale(0.95 + 0.1*fbm(x*50, y*50, 3, 62))
}

// cityDusk is a city skyline at dusk, office windows lit, seen across a
// river that mirrors it.
func cityDusk(x, y float64) rgb {
	const water = 0.72
	mirrored := y > water
	if mirrored {
		x += 0.006 * math.Sin(y*400+fbm(x*10, y*80, 2, 70)*6)
		y = 2*water - y
	}
	c := mix(hex(0xf2a65e), hex(0x1c2552), smooth(0.7, 0.05, y))
	col := int(x * 28)
	top := water - 0.08 - 0.4*hash(col, 0, 71)*hash(col, 1, 71)
	if y > top {
		c = hex(0x1a1d29).scale(0.8 + 0.4*hash(col, 2, 71))
		wx, wy := math.Mod(x*28*5, 1), math.Mod((y-top)*90, 1)
		if wx > 0.3 && wx < 0.75 && wy > 0.35 && hash(int(x*140), int((y-top)*90), 72) > 0.55 {
			c = mix(hex(0xffd98a), hex(0xfff2c8), hash(int(x*140), int(y*90), 73))
		}
	}
	if mirrored {
		c = mix(c, hex(0x12203a), 0.35)
	}
	return c
}

// lakeDawn is a still lake at dawn: jagged blue mountains and their
// reflection under a pink sky with mist on the water.
func lakeDawn(x, y float64) rgb {
	const shore = 0.62
	mirrored := y > shore
	if mirrored {
		x += 0.003 * math.Sin(y*600)
		y = 2*shore - y
	}
	c := mix(hex(0xf6c1c0), hex(0x6f86c2), smooth(0.5, 0, y))
	far := 0.42 - 0.16*fbm(x*5, 1.5, 6, 80)
	near := 0.52 - 0.1*fbm(x*7, 3.5, 6, 81)
	if y > far {
		c = mix(hex(0x8d9cc8), hex(0x6a78a8), fbm(x*30, y*30, 3, 82))
	}
	if y > near {
		c = mix(hex(0x3d4e6e), hex(0x2d3b52), fbm(x*40, y*40, 3, 83))
	}
	if y > shore-0.02 { // dark pines along the shore
		if y > shore-0.02-0.03*hash(int(x*300), 0, 84) {
			c = hex(0x1f2a2a)
		}
	}
	if mirrored {
		c = mix(c, hex(0xc8d4e8), 0.25+0.15*fbm(x*8, y*40, 3, 85))
	}
	return c
}
