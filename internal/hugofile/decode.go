package hugofile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"

	"github.com/careersite/careersite/internal/diag"
)

// Format is one of the three formats Hugo reads configuration and front
// matter in.
type Format string

const (
	TOML Format = "TOML"
	YAML Format = "YAML"
	JSON Format = "JSON"
)

// FormatOf returns the format of a file by its extension; ok is false for
// any other file.
func FormatOf(name string) (Format, bool) {
	switch {
	case strings.HasSuffix(name, ".toml"):
		return TOML, true
	case strings.HasSuffix(name, ".yaml"), strings.HasSuffix(name, ".yml"):
		return YAML, true
	case strings.HasSuffix(name, ".json"):
		return JSON, true
	}
	return "", false
}

// DecodeMap decodes text, a mapping in format f, into plain Go values:
// map[string]any, []any, string, int, float64, bool, time.Time. A problem
// is a *diag.Error at its line and column in file, counted from firstLine
// (the file line text starts on).
func DecodeMap(file string, firstLine int, f Format, text []byte) (map[string]any, error) {
	m := map[string]any{}
	var err error
	switch f {
	case TOML:
		_, err = toml.Decode(string(text), &m)
	case YAML:
		err = yaml.Unmarshal(text, &m)
	case JSON:
		d := json.NewDecoder(bytes.NewReader(text))
		d.UseNumber()
		err = d.Decode(&m)
	}
	if err != nil {
		line, col, msg := errorPlace(text, err)
		return nil, diag.At(file, firstLine+line-1, col, msg)
	}
	return plain(m).(map[string]any), nil
}

var yamlLine = regexp.MustCompile(`^yaml: (?:unmarshal errors:\n\s*)?line (\d+): `)

// errorPlace finds the line and column of a decoding error in text, and
// its message without the place.
func errorPlace(text []byte, err error) (line, col int, msg string) {
	var perr toml.ParseError
	var serr *json.SyntaxError
	var terr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &perr):
		return perr.Position.Line, perr.Position.Col, perr.Message
	case errors.As(err, &serr):
		line, col := lineCol(text, int(serr.Offset))
		return line, col, serr.Error()
	case errors.As(err, &terr):
		line, col := lineCol(text, int(terr.Offset))
		return line, col, terr.Error()
	}
	msg = err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n, 1, msg[len(m[0]):]
	}
	return 1, 1, msg
}

// lineCol returns the 1-based line and column of byte offset in text.
func lineCol(text []byte, offset int) (int, int) {
	offset = min(max(offset, 0), len(text))
	before := text[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	return line, offset - bytes.LastIndexByte(before, '\n')
}

// plain turns what the decoders give into the plain values DecodeMap
// promises: json.Number becomes int or float64, map[any]any and
// map[string]any[] become map[string]any, TOML's typed tables likewise.
func plain(v any) any {
	switch v := v.(type) {
	case json.Number:
		if n, err := v.Int64(); err == nil {
			return int(n)
		}
		f, _ := v.Float64()
		return f
	case int64:
		return int(v)
	case map[string]any:
		for k, e := range v {
			v[k] = plain(e)
		}
		return v
	case map[any]any:
		m := make(map[string]any, len(v))
		for k, e := range v {
			m[fmt.Sprint(k)] = plain(e)
		}
		return m
	case []map[string]any:
		l := make([]any, len(v))
		for i, e := range v {
			l[i] = plain(e)
		}
		return l
	case []any:
		for i, e := range v {
			v[i] = plain(e)
		}
		return v
	}
	return v
}

// LowerKeys returns m with every key lower-cased, at every depth, as
// Hugo's configuration keys are case-insensitive — but for what params
// holds, which keeps the case it was written in: careersite's templates
// and its param shortcode look params up as written ("minVersion").
func LowerKeys(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		k = strings.ToLower(k)
		if k != "params" {
			v = lowerValue(v)
		}
		out[k] = v
	}
	return out
}

func lowerValue(v any) any {
	switch v := v.(type) {
	case map[string]any:
		return LowerKeys(v)
	case []any:
		for i, e := range v {
			v[i] = lowerValue(e)
		}
	}
	return v
}
