package preview

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/testsite"
)

func TestZZServe10k(t *testing.T) {
	if os.Getenv("ZZ") == "" {
		t.Skip()
	}
	dir := t.TempDir()
	testsite.Write(dir, 10000, 1)
	page := testsite.Path(3)
	p := startServe(t, dir)
	p.next(t, "hello")
	original, _ := os.ReadFile(filepath.Join(dir, page))
	settled := regexp.MustCompile(`(?m)^updated \d+ site-wide files`)
	for i := range 8 {
		start := time.Now()
		p.write(t, page, string(original)+fmt.Sprintf("\nEdit number %d.\n", i))
		p.next(t, "reload")
		t.Logf("edit %d: %v", i, time.Since(start))
		p.out.waitCount(t, settled, i+1)
	}
	p.out.mu.Lock()
	t.Log(p.out.buf.String())
	p.out.mu.Unlock()
}
