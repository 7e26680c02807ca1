package markdown

import (
	"sync"
	"time"

	"github.com/dlclark/regexp2/v2"
)

// regexp2, which chroma's lexers match with, checks its match timeouts
// (chromaMatchTimeout) against a clock of its own that a goroutine
// advances while some deadline is pending, and stops otherwise. A match
// that starts as the clock starts again can read a stale time, and then
// time out at once, long before the timeout: the block comes out
// highlighted differently, and its highlighting took too little time for
// highlight to try again. keepClock keeps that clock running for the
// life of the process, with one deadline a century away, so that a
// timeout means the time really passed.
var clockOnce sync.Once

func keepClock() {
	clockOnce.Do(func() {
		re := regexp2.MustCompile(`.`, regexp2.None)
		re.MatchTimeout = 100 * 365 * 24 * time.Hour
		re.MatchString("x")
	})
}
