package career

// Text returns the prose of d that a page shows beside its body, in the
// order of the fields: a job's responsibilities, requirements and nice to
// have; a certification's prerequisites, verdict, pros and cons. The
// search index reads it as body text, so a reader who searches "incident
// response" finds the job that asks for it. Names, codes, numbers and
// dates are left out: they are not what a reader searches a page by.
func (d Data) Text() []string {
	var out []string
	if j := d.Job; j != nil {
		out = append(out, j.Responsibilities...)
		out = append(out, j.Requirements...)
		out = append(out, j.NiceToHave...)
	}
	if c := d.Certification; c != nil {
		if c.Credential != nil {
			out = append(out, c.Credential.Prerequisites...)
		}
		if r := c.Review; r != nil {
			if r.Verdict != "" {
				out = append(out, r.Verdict)
			}
			out = append(out, r.Pros...)
			out = append(out, r.Cons...)
		}
	}
	return out
}
