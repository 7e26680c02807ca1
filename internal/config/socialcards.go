package config

import (
	"errors"
	"fmt"
	"image/color"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/socialcard"
)

// SocialCards is site.yaml's social_cards: whether pages without an image
// of their own get a drawn card (internal/socialcard) as their og:image,
// and its colours, each a CSS hex colour ("#1b4fb3" or "#fff"); a colour
// left out is the default theme's (socialcard.DefaultColors). The text and
// the accent colour must each have a contrast of at least 4.5:1 with the
// background: an error at the colour otherwise.
type SocialCards struct {
	Enabled    bool   `yaml:"enabled"`    // default true
	Background string `yaml:"background"` // default #ffffff
	Text       string `yaml:"text"`       // default #18202a
	Accent     string `yaml:"accent"`     // default #1b4fb3
}

// Colors returns the cards' colours; call it on a validated Config.
func (s SocialCards) Colors() socialcard.Colors {
	c := socialcard.DefaultColors()
	for _, x := range []struct {
		hex string
		to  *color.RGBA
	}{{s.Background, &c.Background}, {s.Text, &c.Text}, {s.Accent, &c.Accent}} {
		if col, err := socialcard.ParseHex(x.hex); err == nil {
			*x.to = col
		}
	}
	return c
}

// check reports a colour that is not a hex colour, at its value,
// and then colours without enough contrast, at the colour to change: the
// text or accent colour, or the background when only it was set.
func (s SocialCards) check(n *yaml.Node) []*diag.Error {
	var errs []*diag.Error
	for _, k := range []struct{ key, val string }{{"background", s.Background}, {"text", s.Text}, {"accent", s.Accent}} {
		if k.val == "" {
			continue
		}
		if _, err := socialcard.ParseHex(k.val); err != nil {
			errs = append(errs, at(value(n, k.key), "social_cards."+k.key, fmt.Sprintf("want a hex colour, #rrggbb or #rgb, got %q", k.val)))
		}
	}
	if len(errs) > 0 || !s.Enabled {
		return errs
	}
	var ce *socialcard.ContrastError
	if err := s.Colors().Check(); errors.As(err, &ce) {
		which := ce.Which
		if value(n, which) == nil {
			which = "background"
		}
		errs = append(errs, at(value(n, which), "social_cards."+which, strings.TrimPrefix(ce.Error(), "socialcard: ")))
	}
	return errs
}
