package render

import (
	"bytes"
	"sync"
)

// The buffers pages and partials are executed into are kept between
// executions: growing a new buffer from empty for every page and every
// partial of it was most of the garbage a large build made while
// rendering, and the collector of a build near its memory limit marks
// such garbage as live while it runs.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxKeptBuffer is the largest buffer kept: the rare huge page does not
// pin its memory for the rest of the build.
const maxKeptBuffer = 1 << 20

func borrowBuffer() *bytes.Buffer { return buffers.Get().(*bytes.Buffer) }

func giveBackBuffer(b *bytes.Buffer) {
	if b.Cap() <= maxKeptBuffer {
		b.Reset()
		buffers.Put(b)
	}
}
