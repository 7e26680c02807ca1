package schema

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/fields"
)

// TestJob: the job's schema names every key of a job, the values of its
// enumerations, the keys a salary requires and allows, and leaves the
// page open to keys of its own.
func TestJob(t *testing.T) {
	b, err := JSON(config.KindJob)
	if err != nil {
		t.Fatal(err)
	}
	var s Schema
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	for _, f := range fields.Page(config.KindJob) {
		if s.Properties[f.Key] == nil {
			t.Errorf("no property %q", f.Key)
		}
	}
	if got, want := s.Properties["seniority"].Enum, career.Seniority("").Values(); !slices.Equal(got, want) {
		t.Errorf("seniority enum = %q, want %q", got, want)
	}
	if got := s.Properties["employment_type"]; got.Type != "array" || !slices.Contains(got.Items.Enum, "FULL_TIME") {
		t.Errorf("employment_type = %+v", got)
	}
	salary := s.Properties["salary"]
	if !slices.Equal(salary.Required, []string{"currency", "min", "max", "period"}) || *salary.AdditionalProperties {
		t.Errorf("salary requires %q, additional %v", salary.Required, *salary.AdditionalProperties)
	}
	if s.Properties["related_roles"].Items.Pattern != "^/" {
		t.Errorf("related_roles = %+v", s.Properties["related_roles"])
	}
	if !*s.AdditionalProperties || s.Properties["salary"].Description != "What the job pays." {
		t.Errorf("page additional %v, salary described %q", *s.AdditionalProperties, s.Properties["salary"].Description)
	}
}
