// Package data reads a site's data files, data/**/*.yaml|yml|json|toml|csv,
// into one tree of plain values for templates (.Site.Data).
//
// # Addressing
//
// Every folder under data/ is a map, and every file a key in its folder's
// map, named by Key: the file name without its extension, every run of
// characters other than letters, digits and "_" made one "_", and a "_" put
// in front of a leading digit. So data/salaries/oews-2024.csv is
//
//	.Site.Data.salaries.oews_2024
//
// which a template can write as a field chain; Hugo keeps the name as it is
// and needs index .Site.Data.salaries "oews-2024", which is harder to read
// and to get right. Folder names are made keys the same way. Two files or
// folders that make the same key in one folder (x.yaml and x.json,
// oews-2024.csv and oews_2024.csv, a folder x/ and a file x.toml) are an
// error at the second, in path order. Files and folders whose name starts
// with "." are skipped (editor and system files), and so are files with
// another extension (a README.md beside the data).
//
// # Values
//
// YAML, TOML and JSON are read as front matter is (content.Node) and decoded
// with decode.Node into map[string]any, []any, string, int, float64, bool,
// time.Time (YAML timestamps, TOML dates) and nil; a key given twice is an
// error. A CSV file must start with a header row of distinct, non-empty
// column names; it becomes a list of rows, each a map from column name to
// value, in file order. A column in which every non-empty cell is a number
// written in decimal (an optional sign, digits, an optional point and
// exponent: 133080, -2.5, 1e6) has numbers: int when every one is whole and
// fits, float64 otherwise; an empty cell in such a column is nil. Any other
// column has strings, as written. Every row must have as many cells as the
// header. A UTF-8 byte-order mark, as spreadsheets write, is dropped.
//
// # Errors and limits
//
// Every problem is a *diag.Error at its place, File the path from the site
// root ("data/salaries/oews-2024.csv:7:12: …"), and Load returns all of them
// at once, joined and sorted, with the tree of the files that were fine. A
// CSV row of the wrong width is placed at its first extra cell, or at its
// end when it is short; a quoted field that is never closed, at its opening
// quote (encoding/csv says the end of the file). A file larger than the
// front-matter limit (limits.front_matter in site.yaml, 1 MiB by default)
// is an error at its line 1 and is not parsed;
// TOML nests at most as deeply as front matter may, and YAML aliases expand
// as far as decode allows. A file that is not UTF-8 is an error.
package data

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/diag"
)

// Dir is the folder of data files, relative to the site root.
const Dir = "data"

// formats maps a file extension to the format it holds.
var formats = map[string]string{".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml", ".csv": "csv"}

// Files returns the data files of fsys (a site root), slash-separated
// paths from the root ("data/salaries/oews-2024.csv"), sorted: what a
// change to the data can come from. No data folder means no files.
func Files(fsys fs.FS) ([]string, error) {
	var files []string
	err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == Dir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return err
		}
		if p != Dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && formats[path.Ext(p)] != "" {
			files = append(files, p)
		}
		return nil
	})
	slices.Sort(files)
	return files, err
}

// Load reads every data file of fsys (a site root) into one tree. The
// limits are site.yaml's; files are read no further than the front-matter
// limit.
func Load(fsys fs.FS, lim config.Limits) (map[string]any, error) {
	files, err := Files(fsys)
	if err != nil {
		return nil, err
	}
	tree := map[string]any{}
	owner := map[string]string{} // key path -> the file or folder that made it
	var errs []*diag.Error
	for _, file := range files {
		v, ferrs := readFile(fsys, file, lim)
		errs = append(errs, ferrs...)
		if len(ferrs) > 0 {
			continue
		}
		if e := place(tree, owner, file, v); e != nil {
			errs = append(errs, e)
		}
	}
	return tree, diag.SortJoin(errs)
}

// place puts v into tree under the keys of file's folders and name.
func place(tree map[string]any, owner map[string]string, file string, v any) *diag.Error {
	parts := strings.Split(strings.TrimPrefix(file, Dir+"/"), "/")
	m, keyPath, dirPath := tree, "", Dir
	for i, name := range parts {
		last := i == len(parts)-1
		key := Key(strings.TrimSuffix(name, path.Ext(name)))
		if !last {
			key = Key(name)
		}
		keyPath = strings.TrimPrefix(keyPath+"."+key, ".")
		dirPath += "/" + name
		if prev, taken := owner[keyPath]; taken && (last || prev != dirPath) {
			return &diag.Error{File: file, Msg: fmt.Sprintf("its key %s is taken by %s", keyPath, prev)}
		}
		if last {
			owner[keyPath], m[key] = file, v
			return nil
		}
		owner[keyPath] = dirPath
		sub, ok := m[key].(map[string]any)
		if !ok {
			sub = map[string]any{}
			m[key] = sub
		}
		m = sub
	}
	return nil
}

// Key returns the key of a file or folder name (without extension) in the
// data tree: a name a template can write after a dot.
func Key(name string) string {
	var b strings.Builder
	under := false
	for _, r := range name {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' {
			b.WriteRune(r)
			under = false
			continue
		}
		if !under {
			b.WriteByte('_')
			under = true
		}
	}
	key := b.String()
	if r, _ := utf8.DecodeRuneInString(key); key == "" || unicode.IsDigit(r) {
		key = "_" + key
	}
	return key
}
