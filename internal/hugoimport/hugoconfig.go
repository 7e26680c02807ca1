package hugoimport

import (
	"errors"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/careersite/careersite/internal/hugofile"
)

// configFiles are the names Hugo 0.111 looks for its configuration under,
// at the root of a site, in its order: the first that exists is the one.
var configFiles = []string{
	"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
	"config.toml", "config.yaml", "config.yml", "config.json",
}

// configDir is the folder of Hugo's split configuration: hugo.toml or
// config.toml there holds root keys, any other file the key its name
// says (params.toml is params, menus.en.toml is menus).
const configDir = "config/_default"

// hugoConfig is a Hugo site's configuration, every key lower-cased, and
// the files it was read from.
type hugoConfig struct {
	values map[string]any
	files  []string
}

// readConfig reads the configuration of the Hugo site in src: the files
// of config/_default, then the root file, whose keys win. A site without
// either has an empty configuration (Hugo's defaults).
func readConfig(src fs.FS) (*hugoConfig, error) {
	c := &hugoConfig{values: map[string]any{}}
	var errs []error
	entries, err := fs.ReadDir(src, configDir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		errs = append(errs, err)
	}
	for _, e := range entries {
		if err := c.readSplit(src, path.Join(configDir, e.Name())); err != nil {
			errs = append(errs, err)
		}
	}
	for _, name := range configFiles {
		m, err := readConfigFile(src, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			errs = append(errs, err)
			c.files = append(c.files, name)
			break
		}
		maps.Copy(c.values, m)
		c.files = append(c.files, name)
		break
	}
	return c, errors.Join(errs...)
}

// readSplit reads one file of config/_default into c.
func (c *hugoConfig) readSplit(src fs.FS, name string) error {
	if _, ok := hugofile.FormatOf(name); !ok {
		return nil
	}
	key, _, _ := strings.Cut(path.Base(name), ".")
	key = strings.ToLower(key)
	m, err := readConfigFile(src, name)
	if err != nil {
		return err
	}
	c.files = append(c.files, name)
	if key == "params" {
		m, _ = decodeConfigFile(src, name) // params keep their case: see lowerKeys
	}
	if key == "hugo" || key == "config" {
		maps.Copy(c.values, m)
		return nil
	}
	c.values[key] = m
	return nil
}

// readConfigFile reads a configuration file, its keys lower-cased.
func readConfigFile(src fs.FS, name string) (map[string]any, error) {
	m, err := decodeConfigFile(src, name)
	if err != nil {
		return nil, err
	}
	return hugofile.LowerKeys(m), nil
}

func decodeConfigFile(src fs.FS, name string) (map[string]any, error) {
	f, _ := hugofile.FormatOf(name)
	data, err := fs.ReadFile(src, name)
	if err != nil {
		return nil, err
	}
	return hugofile.DecodeMap(name, 1, f, data)
}

// str returns the string at the dotted key path ("markup.goldmark.renderer.unsafe"), "" when there is none.
func (c *hugoConfig) str(key string) string {
	s, _ := c.get(key).(string)
	return s
}

// get returns the value at the dotted key path, nil when there is none.
func (c *hugoConfig) get(key string) any {
	var v any = c.values
	for k := range strings.SplitSeq(key, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// bool returns the bool at the dotted key path; false when there is none.
func (c *hugoConfig) bool(key string) bool {
	b, _ := c.get(key).(bool)
	return b
}

// int returns the whole number at the dotted key path; 0 when there is none.
func (c *hugoConfig) int(key string) int {
	switch n := c.get(key).(type) {
	case int:
		return n
	case float64:
		return int(n)
	}
	return 0
}

// mapAt returns the mapping at the dotted key path; nil when there is none.
func (c *hugoConfig) mapAt(key string) map[string]any {
	m, _ := c.get(key).(map[string]any)
	return m
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
