package career_test

import (
	"reflect"
	"testing"

	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/config"
)

// TestRefTags checks that every page reference field names the kind its
// pages must have.
func TestRefTags(t *testing.T) {
	refType := reflect.TypeFor[[]career.Ref]()
	for _, typ := range []reflect.Type{
		reflect.TypeFor[career.Job](),
		reflect.TypeFor[career.Role](),
		reflect.TypeFor[career.Certification](),
	} {
		for i := range typ.NumField() {
			sf := typ.Field(i)
			if sf.Type == refType && !config.IsKind(sf.Tag.Get("ref")) {
				t.Errorf("%s.%s: want a ref tag naming a kind, got %q", typ.Name(), sf.Name, sf.Tag.Get("ref"))
			}
		}
	}
}
