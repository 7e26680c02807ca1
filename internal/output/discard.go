package output

// Discard is an output that keeps nothing (`careersite check`): it has
// no file of a last commit to publish again, and every build gives it
// every file.
type Discard struct{}

func (Discard) WriteFile(string, []byte) error    { return nil }
func (Discard) Reuse(string, Stamp) (bool, error) { return false, nil }
func (Discard) Update() bool                      { return false }
func (Discard) Remove(string) error               { return nil }
func (Discard) Commit() error                     { return nil }
func (Discard) Abort() error                      { return nil }
func (Discard) Stamps() map[string]Stamp          { return nil }

// Checked is the output of a session's checks (the language server): it
// keeps nothing, like Discard, but says it still holds every file of its
// last commit, as Memory does, so that a check after a change makes only
// the outputs whose keys changed, and judges links against the ids the
// build remembers of the others.
type Checked struct{}

func (Checked) WriteFile(string, []byte) error    { return nil }
func (Checked) Reuse(string, Stamp) (bool, error) { return true, nil }
func (Checked) Update() bool                      { return true }
func (Checked) Remove(string) error               { return nil }
func (Checked) Commit() error                     { return nil }
func (Checked) Abort() error                      { return nil }
func (Checked) Stamps() map[string]Stamp          { return nil }
