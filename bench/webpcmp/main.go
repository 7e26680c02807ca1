// Command webpcmp compares WebP encoders on the image benchmark's
// photographs (bench/imagegen) scaled to 1600, 800 and 480 pixels wide with
// Catmull-Rom: the CPU time of each encoding (the least of three,
// interleaved, on one core), the size and PSNR of the output, and a digest
// of its bytes, so that two runs or two ways of running libwebp can be
// compared byte for byte (bench/RESULTS.md, issue 22).
//
//	webpcmp gen2brain|all PHOTO.jpg...
//
// gen2brain compares gen2brain/webp's methods 4, 3, 2 and 1 at quality 75,
// in the way it runs here: the system's libwebp.so through purego when it
// finds libwebp.so and libwebpdemux.so, else its WebAssembly build; all adds
// bep/gowebp (the cgo libwebp binding Hugo uses, photo preset, Hugo's
// default) and HugoSmits86/nativewebp (pure Go, lossless only).
//
// It is a module of its own so that its cgo dependency never reaches
// careersite's go.mod.
package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	"image/jpeg"
	"io"
	"math"
	"os"
	"runtime"
	"strings"
	"syscall"
	"time"

	xwebp "golang.org/x/image/webp"

	"github.com/HugoSmits86/nativewebp"
	"github.com/bep/gowebp/libwebp"
	"github.com/bep/gowebp/libwebp/webpoptions"
	gen2brain "github.com/gen2brain/webp"
	"golang.org/x/image/draw"
)

func cpu() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

type encoder struct {
	name string
	enc  func(io.Writer, image.Image) error
}

// psnr is the PSNR of b against a over R, G and B, in dB.
func psnr(a *image.RGBA, b image.Image) float64 {
	var se float64
	r := a.Rect
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			o := a.PixOffset(x, y)
			br, bg, bb, _ := b.At(x, y).RGBA()
			for c, v := range []uint32{br >> 8, bg >> 8, bb >> 8} {
				d := float64(a.Pix[o+c]) - float64(v)
				se += d * d
			}
		}
	}
	return 10 * math.Log10(255*255/(se/float64(3*r.Dx()*r.Dy())))
}

func main() {
	runtime.GOMAXPROCS(1)
	mode := "wasm (embedded WebAssembly)"
	if gen2brain.Dynamic() == nil {
		mode = "dynamic (system libwebp.so via purego)"
	}
	encoders := []encoder{
		{"gen2brain/webp m4 " + mode, func(w io.Writer, m image.Image) error {
			return gen2brain.Encode(w, m, gen2brain.Options{Quality: 75, Method: 4})
		}},
		{"gen2brain/webp m3 " + mode, func(w io.Writer, m image.Image) error {
			return gen2brain.Encode(w, m, gen2brain.Options{Quality: 75, Method: 3})
		}},
		{"gen2brain/webp m2 " + mode, func(w io.Writer, m image.Image) error {
			return gen2brain.Encode(w, m, gen2brain.Options{Quality: 75, Method: 2})
		}},
		{"gen2brain/webp m1 " + mode, func(w io.Writer, m image.Image) error {
			return gen2brain.Encode(w, m, gen2brain.Options{Quality: 75, Method: 1})
		}},
	}
	if len(os.Args) > 1 && os.Args[1] == "all" {
		encoders = append(encoders,
			encoder{"bep/gowebp (Hugo's; cgo) photo preset", func(w io.Writer, m image.Image) error {
				return libwebp.Encode(w, m, webpoptions.EncodingOptions{Quality: 75, EncodingPreset: webpoptions.EncodingPresetPhoto})
			}},
			encoder{"HugoSmits86/nativewebp (pure Go, lossless)", func(w io.Writer, m image.Image) error {
				return nativewebp.Encode(w, m, nil)
			}})
	}
	gen2brain.Init()
	var imgs []*image.RGBA
	for _, f := range os.Args[2:] {
		data, err := os.ReadFile(f)
		if err != nil {
			panic(err)
		}
		src, err := jpeg.Decode(bytes.NewReader(data))
		if err != nil {
			panic(err)
		}
		for _, w := range []int{1600, 800, 480} {
			b := src.Bounds()
			h := (b.Dy()*w + b.Dx()/2) / b.Dx()
			d := image.NewRGBA(image.Rect(0, 0, w, h))
			draw.CatmullRom.Scale(d, d.Rect, src, b, draw.Src, nil)
			imgs = append(imgs, d)
		}
	}
	best := make([][]time.Duration, len(encoders))
	size := make([][]int, len(encoders))
	sum := make([][][32]byte, len(encoders))
	for e := range encoders {
		best[e] = make([]time.Duration, len(imgs))
		size[e] = make([]int, len(imgs))
		sum[e] = make([][32]byte, len(imgs))
	}
	psnrSum := make([]float64, len(encoders))
	const reps = 3
	for r := 0; r < reps; r++ {
		for i, img := range imgs {
			for e, enc := range encoders {
				var buf bytes.Buffer
				t := cpu()
				if err := enc.enc(&buf, img); err != nil {
					panic(err)
				}
				d := cpu() - t
				if r == 0 || d < best[e][i] {
					best[e][i] = d
				}
				s := sha256.Sum256(buf.Bytes())
				if r > 0 && s != sum[e][i] {
					fmt.Printf("%s: image %d differs between two encodes\n", enc.name, i)
				}
				size[e][i], sum[e][i] = buf.Len(), s
				if r == 0 && !strings.Contains(enc.name, "lossless") {
					dec, err := xwebp.Decode(bytes.NewReader(buf.Bytes()))
					if err != nil {
						panic(err)
					}
					psnrSum[e] += psnr(img, dec)
				}
			}
		}
	}
	fmt.Printf("%d images (%d photographs at 1600, 800 and 480 wide), least CPU of %d encodes each, one core\n", len(imgs), len(imgs)/3, reps)
	for e, enc := range encoders {
		var t time.Duration
		var n int
		for i := range imgs {
			t += best[e][i]
			n += size[e][i]
		}
		d := sha256.New()
		for i := range imgs {
			d.Write(sum[e][i][:])
		}
		fmt.Printf("%-58s CPU %7.2f s  size %8.0f KiB  PSNR %5.2f dB  bytes %x\n", enc.name, t.Seconds(), float64(n)/1024, psnrSum[e]/float64(len(imgs)), d.Sum(nil)[:6])
	}
}
