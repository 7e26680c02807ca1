package content

import (
	"github.com/careersite/careersite/internal/diag"
	"go.yaml.in/yaml/v3"
)

// Node parses a whole YAML, TOML or JSON document (format "yaml", "toml" or
// "json") into a yaml.Node tree with the positions of the text, exactly as
// front matter is parsed, for decode.Node to decode: one reader of these
// formats for the whole site, shared with the data files (internal/data).
// A syntax error is one *diag.Error at its line and column in src, without
// a File; so is a format that is none of the three.
func Node(format string, src []byte) (*yaml.Node, *diag.Error) {
	switch format {
	case "yaml", "toml", "json":
		return parts{format: format, raw: src}.node()
	}
	return nil, &diag.Error{Msg: "unknown format " + format}
}
