package imaging

import (
	"image"
	"math"

	"golang.org/x/image/draw"
)

// scale draws the part sr of src onto all of dst (both at the origin's
// coordinates of their Pix) resampled with Catmull-Rom: the pixels of
//
//	draw.CatmullRom.Scale(dst, dst.Rect, src, sr, draw.Src, nil)
//
// to the bit (TestScaleMatchesDraw), by x/image/draw's own arithmetic —
// the same weights, summed in the same order, in float64 — but in a
// fraction of the memory. x/image/draw scales every row of the source
// horizontally into a buffer of 32 bytes per pixel of the result's width
// times the source's height (102 MB for a 1600-pixel result of a
// 3000×2000 photograph, per scaling in flight), then scales that buffer
// vertically, column by column. scale makes the result row by row, and
// keeps of the horizontal pass only the few source rows the kernel under
// the current row reaches (a ring of about 2×2×scale rows: 0.4 MB for
// the same photograph), each made once, when the kernel first reaches it.
// Going along rows also reads memory in order, where the column-wise pass
// jumped a whole buffer row per pixel.
func scale(dst, src *image.RGBA, sr image.Rectangle) {
	dw, dh := dst.Rect.Dx(), dst.Rect.Dy()
	if dw <= 0 || dh <= 0 || sr.Empty() {
		return
	}
	horizontal := newDistrib(int32(dw), int32(sr.Dx()))
	vertical := newDistrib(int32(dh), int32(sr.Dy()))
	ring := make([][][4]float64, vertical.span())
	for i := range ring {
		ring[i] = make([][4]float64, dw)
	}
	var rows [][][4]float64 // the rows of ring under the kernel, in cs's order
	next := int32(0)        // the next source row to scale horizontally
	for dy, s := range vertical.sources {
		cs := vertical.contribs[s.i:s.j]
		rows = rows[:0]
		for _, c := range cs {
			for ; next <= c.coord; next++ {
				horizontal.scaleRow(ring[int(next)%len(ring)], src, sr.Min.X, sr.Min.Y+int(next))
			}
			rows = append(rows, ring[int(c.coord)%len(ring)])
		}
		scaleColumns(dst.Pix[dy*dst.Stride:][:4*dw], rows, cs, s.invTotalWeight)
	}
}

// A distrib is how the source's columns (or rows) are spread over the
// result's: for each of the result's, a range of contribs and the inverse
// of their total weight. It is x/image/draw's type of the same name.
type distrib struct {
	sources  []source
	contribs []contrib
}

type source struct {
	i, j               int32
	invTotalWeight     float64
	invTotalWeightFFFF float64
}

type contrib struct {
	coord  int32
	weight float64
}

// newDistrib spreads sw source columns (or rows) over dw, widening the
// kernel when shrinking so that every source pixel is read: x/image/draw's
// newDistrib for draw.CatmullRom, line for line, so that the weights are
// the same bits. The float64 conversions, as there, keep the compiler from
// fusing a multiply and an add, which would round differently.
func newDistrib(dw, sw int32) distrib {
	q := draw.CatmullRom
	scale := float64(sw) / float64(dw)
	halfWidth, kernelArgScale := q.Support, 1.0
	if scale > 1 {
		halfWidth *= scale
		kernelArgScale = 1 / scale
	}
	n, sources := int32(0), make([]source, dw)
	for x := range sources {
		center := float64((float64(x)+0.5)*scale) - 0.5
		i := max(int32(math.Floor(center-halfWidth)), 0)
		j := int32(math.Ceil(center + halfWidth))
		if j > sw {
			j = max(sw, i)
		}
		sources[x] = source{i: i, j: j, invTotalWeight: center}
		n += j - i
	}
	contribs := make([]contrib, 0, n)
	for k, b := range sources {
		totalWeight := 0.0
		l := int32(len(contribs))
		for coord := b.i; coord < b.j; coord++ {
			t := math.Abs((b.invTotalWeight - float64(coord)) * kernelArgScale)
			if t >= q.Support {
				continue
			}
			weight := q.At(t)
			if weight == 0 {
				continue
			}
			totalWeight += weight
			contribs = append(contribs, contrib{coord, weight})
		}
		totalWeight = 1 / totalWeight
		sources[k] = source{i: l, j: int32(len(contribs)), invTotalWeight: totalWeight, invTotalWeightFFFF: totalWeight / 0xffff}
	}
	return distrib{sources, contribs}
}

// span is the most source rows (or columns) one result row reaches, from
// the first it reads to the last: the size of scale's ring, so that the
// rows one result row needs never share a place in it.
func (d distrib) span() int {
	n := 1
	for _, s := range d.sources {
		if cs := d.contribs[s.i:s.j]; len(cs) > 0 {
			n = max(n, int(cs[len(cs)-1].coord-cs[0].coord)+1)
		}
	}
	return n
}

// scaleRow scales the source row y (in src's Pix, x0 the left of the part
// scaled) horizontally into out, in 16-bit units: x/image/draw's
// scaleX_RGBA for one row.
func (d distrib) scaleRow(out [][4]float64, src *image.RGBA, x0, y int) {
	row := src.Pix[(y-src.Rect.Min.Y)*src.Stride:]
	for x, s := range d.sources {
		var pr, pg, pb, pa float64
		for _, c := range d.contribs[s.i:s.j] {
			p := row[(x0+int(c.coord)-src.Rect.Min.X)*4:][:4]
			pr += float64(float64(uint32(p[0])*0x101) * c.weight)
			pg += float64(float64(uint32(p[1])*0x101) * c.weight)
			pb += float64(float64(uint32(p[2])*0x101) * c.weight)
			pa += float64(float64(uint32(p[3])*0x101) * c.weight)
		}
		out[x] = [4]float64{pr * s.invTotalWeightFFFF, pg * s.invTotalWeightFFFF, pb * s.invTotalWeightFFFF, pa * s.invTotalWeightFFFF}
	}
}

// scaleColumns writes one result row, out, from the horizontally scaled
// source rows that cs weighs, rows[k] weighed by cs[k]: x/image/draw's
// scaleY_RGBA_Src for one row, premultiplied colour clamped to alpha as
// there.
func scaleColumns(out []byte, rows [][][4]float64, cs []contrib, invTotalWeight float64) {
	for x := range len(out) / 4 {
		var pr, pg, pb, pa float64
		for k, c := range cs {
			p := &rows[k][x]
			pr += float64(p[0] * c.weight)
			pg += float64(p[1] * c.weight)
			pb += float64(p[2] * c.weight)
			pa += float64(p[3] * c.weight)
		}
		pr, pg, pb = min(pr, pa), min(pg, pa), min(pb, pa)
		o := out[4*x:][:4]
		o[0] = uint8(ftou(pr*invTotalWeight) >> 8)
		o[1] = uint8(ftou(pg*invTotalWeight) >> 8)
		o[2] = uint8(ftou(pb*invTotalWeight) >> 8)
		o[3] = uint8(ftou(pa*invTotalWeight) >> 8)
	}
}

// ftou converts [0, 1] to [0, 0xffff], rounded, clamped: x/image/draw's.
func ftou(f float64) uint16 {
	i := int32(float64(0xffff*f) + 0.5)
	if i > 0xffff {
		return 0xffff
	}
	if i > 0 {
		return uint16(i)
	}
	return 0
}
