// Package photos draws the photographs of the image benchmark
// (bench/images.sh): deterministic pictures with what makes a real
// photograph cost something to scale and encode — smooth gradients, detail
// at every scale from value noise, hard edges (buildings, windows, a
// horizon) and per-pixel grain — so that neither a JPEG nor a WebP encoder
// finds them flat. Everything is integer arithmetic on a hash of the seed
// and the coordinates, so the same seed gives the same pixels on every
// machine and architecture (no floating point, which a compiler may fuse
// differently).
package photos

import (
	"image"
	"image/color"
)

// Draw returns photograph number n of the set seeded by seed, width×height.
func Draw(seed uint64, n, width, height int) *image.RGBA {
	p := newParams(mix(seed, uint64(n)), width, height)
	img := image.NewRGBA(image.Rect(0, 0, width, height))
	for y := range height {
		row := img.Pix[y*img.Stride : y*img.Stride+4*width]
		for x := range width {
			c := p.at(x, y)
			row[4*x], row[4*x+1], row[4*x+2], row[4*x+3] = c.R, c.G, c.B, 255
		}
	}
	return img
}

// params are one photograph's scene: a sky over ground, a horizon that
// wanders, and buildings with lit windows.
type params struct {
	seed          uint64
	width, height int
	sky, haze     [3]int // the sky's colour at the top and at the horizon
	ground, shade [3]int // the ground's colour near and far
	horizon       int    // mean height of the horizon, pixels from the top
	blocks        []block
}

// block is a building: a rectangle standing on the horizon, with windows.
type block struct {
	x0, x1, top int
	wall        [3]int
	window      [3]int
	pitch       int // window grid, pixels
}

func newParams(seed uint64, width, height int) *params {
	r := rng(seed)
	p := &params{seed: seed, width: width, height: height}
	p.sky = [3]int{r.in(40, 120), r.in(90, 170), r.in(160, 250)}
	p.haze = [3]int{r.in(180, 250), r.in(160, 230), r.in(140, 220)}
	p.ground = [3]int{r.in(30, 110), r.in(60, 130), r.in(20, 80)}
	p.shade = [3]int{r.in(80, 160), r.in(90, 150), r.in(60, 120)}
	p.horizon = height * r.in(35, 60) / 100
	for range r.in(4, 12) {
		w := r.in(width/30, width/8)
		x0 := r.in(0, width-w)
		b := block{x0: x0, x1: x0 + w, top: p.horizon - r.in(height/12, height/3),
			wall:   [3]int{r.in(40, 200), r.in(40, 200), r.in(40, 200)},
			window: [3]int{r.in(150, 255), r.in(150, 255), r.in(60, 200)},
			pitch:  r.in(12, 40)}
		p.blocks = append(p.blocks, b)
	}
	return p
}

// at is the colour of pixel x, y.
func (p *params) at(x, y int) color.RGBA {
	edge := p.horizon + (noise(p.seed^1, x, 0, 512)-128)*p.height/12/128 + (noise(p.seed^2, x, 0, 64)-128)*p.height/80/128
	var c [3]int
	switch {
	case y < edge:
		c = lerp3(p.sky, p.haze, y, edge)
		for i := range p.blocks {
			if b := &p.blocks[i]; x >= b.x0 && x < b.x1 && y >= b.top {
				c = b.shade(x, y)
				break
			}
		}
	default:
		c = lerp3(p.shade, p.ground, y-edge, p.height-edge)
	}
	// Detail at every scale: large soft blotches per channel, texture, grain.
	coarse := noise(p.seed^3, x, y, 256) - 128
	mid := noise(p.seed^4, x, y, 40) - 128
	fine := noise(p.seed^5, x, y, 6) - 128
	grain := int(hash(p.seed^6, x, y)&31) - 16
	detail := coarse*40/128 + mid*24/128 + fine*14/128 + grain
	tint := (noise(p.seed^7, x, y, 300) - 128) * 20 / 128
	return color.RGBA{clamp(c[0] + detail + tint), clamp(c[1] + detail), clamp(c[2] + detail - tint), 255}
}

// shade is a building's colour at x, y: its wall, or a lit window.
func (b *block) shade(x, y int) [3]int {
	gx, gy := (x-b.x0)%b.pitch, (y-b.top)%b.pitch
	if gx > b.pitch/4 && gx < b.pitch*3/4 && gy > b.pitch/4 && gy < b.pitch*3/4 && hash(uint64(b.x0), x/b.pitch, y/b.pitch)&3 != 0 {
		return b.window
	}
	return b.wall
}

// noise is value noise on a lattice of cell pixels: 0–255, smooth between
// the lattice points (smoothstep weights in 1/256ths).
func noise(seed uint64, x, y, cell int) int {
	cx, cy := x/cell, y/cell
	fx, fy := smooth((x%cell)*256/cell), smooth((y%cell)*256/cell)
	v := func(i, j int) int { return int(hash(seed, cx+i, cy+j) & 255) }
	top := v(0, 0)*(256-fx) + v(1, 0)*fx
	bottom := v(0, 1)*(256-fx) + v(1, 1)*fx
	return (top*(256-fy) + bottom*fy) >> 16
}

// smooth is smoothstep on t in 0–256.
func smooth(t int) int { return t * t * (768 - 2*t) >> 16 }

func lerp3(a, b [3]int, i, n int) [3]int {
	if n <= 0 {
		return a
	}
	var c [3]int
	for k := range c {
		c[k] = a[k] + (b[k]-a[k])*i/n
	}
	return c
}

func clamp(v int) uint8 { return uint8(max(0, min(255, v))) }

// hash mixes seed and a lattice point into 64 random-looking bits.
func hash(seed uint64, x, y int) uint64 {
	return mix(mix(seed, uint64(x)), uint64(y))
}

// mix is splitmix64's finaliser over a and b.
func mix(a, b uint64) uint64 {
	z := a ^ (b+0x9e3779b97f4a7c15)*0xbf58476d1ce4e5b9
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// rng is a splitmix64 stream for a scene's parameters.
type rng uint64

func (r *rng) next() uint64 {
	*r += 0x9e3779b97f4a7c15
	return mix(uint64(*r), 0)
}

// in returns a number in [lo, hi).
func (r *rng) in(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + int(r.next()%uint64(hi-lo))
}
