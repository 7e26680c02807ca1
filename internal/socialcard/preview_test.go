package socialcard

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var previewDir = flag.String("preview", "", "write the test cards as PNG files into this folder, to look at")

// TestPreview writes sample cards for a person to look at; it does nothing
// without -preview.
func TestPreview(t *testing.T) {
	if *previewDir == "" {
		t.Skip("no -preview folder")
	}
	for name, c := range samples() {
		b, err := c.Render()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(*previewDir, name+".png"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func samples() map[string]Card {
	job := Card{Site: "Career Atlas", Kind: "Job description", Title: "Senior Site Reliability Engineer",
		Salary: "$79,850–$211,450 a year", Colors: DefaultColors()}
	long := job
	long.Title = "Principal Machine Learning Infrastructure Engineer, Large-Scale Distributed Training Platforms and Developer Tooling"
	long.Salary = ""
	long.Kind = "Role guide"
	word := job
	word.Title = "Pneumonoultramicroscopicsilicovolcanoconiosisologistsupervisorcoordinator"
	japanese := job
	japanese.Title = "エンジニア"
	emoji := job
	emoji.Title = "Data engineer 🚀"
	dark := job
	dark.Colors.Background, _ = ParseHex("#0f1318")
	dark.Colors.Text, _ = ParseHex("#e6e9ee")
	dark.Colors.Accent, _ = ParseHex("#8db5ff")
	dark.Kind, dark.Title, dark.Salary = "Certification review", "AWS Certified Solutions Architect – Associate", "€1,234.50–€2,000 a month"
	return map[string]Card{"job": job, "long": long, "word": word, "japanese": japanese, "emoji": emoji, "dark": dark}
}
