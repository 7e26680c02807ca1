package sitefuncs

import (
	"errors"
	"strings"
	"testing"

	"github.com/careersite/careersite/internal/images"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/shortcode"
)

// Map holds every function the package comment lists, and no other.
func TestMapNames(t *testing.T) {
	var f Funcs
	want := []string{"relURL", "absURL", "asset", "slugify", "markdownify", "careerPathSVG", "image",
		"T", "formatDate", "formatNumber", "formatMoney"}
	m := f.Map()
	if len(m) != len(want) {
		t.Errorf("Map has %d functions, want %d", len(m), len(want))
	}
	for _, name := range want {
		if m[name] == nil {
			t.Errorf("Map has no %s", name)
		}
	}
}

// image outside a BeginPage/EndPage pair of the execution's page, and in
// a body whose images are not processed, fails with ErrImageOutsidePage;
// EndPage without BeginPage names nothing.
func TestImageOutsidePage(t *testing.T) {
	var f Funcs
	p := &model.Page{}
	for _, data := range []any{nil, p, "shortcode data", &shortcode.Context{}} {
		img := f.image(dataOf(data)).(func(string, ...any) (*images.Image, error))
		if _, err := img("team.jpg"); !errors.Is(err, ErrImageOutsidePage) {
			t.Errorf("image with data %v: err = %v, want ErrImageOutsidePage", data, err)
		}
	}
	if got := f.EndPage(p); got != nil {
		t.Errorf("EndPage without BeginPage = %v, want nil", got)
	}
}

func TestMarkdownifyUnconfigured(t *testing.T) {
	var f Funcs
	if _, err := f.markdownify("*x*"); err == nil || !strings.Contains(err.Error(), "not configured") {
		t.Errorf("markdownify without a converter: err = %v, want not configured", err)
	}
}

// dataOf is the data function an instance binds an ExecFunc with
// (render.ExecFunc), in an execution whose data is v.
func dataOf(v any) func() any { return func() any { return v } }
