package hugourl

import (
	"path"
	"strconv"
	"strings"
)

// Expand returns Hugo's permalink pattern with p's values in place of its
// tokens (the package documentation lists them); a word after ":" that is
// not a token is kept as written, as Hugo 0.111 keeps it.
func Expand(pattern string, p Page) string {
	var b strings.Builder
	for i := 0; i < len(pattern); {
		if pattern[i] != ':' {
			b.WriteByte(pattern[i])
			i++
			continue
		}
		j := i + 1
		for j < len(pattern) && isTokenByte(pattern[j]) {
			j++
		}
		if v, ok := token(pattern[i+1:j], p); ok {
			b.WriteString(v)
		} else {
			b.WriteString(pattern[i:j])
		}
		i = j
	}
	return b.String()
}

func isTokenByte(c byte) bool { return 'a' <= c && c <= 'z' }

// token returns the value of the permalink token name for p.
func token(name string, p Page) (string, bool) {
	d := p.Date
	switch name {
	case "year":
		return strconv.Itoa(d.Year()), true
	case "month":
		return d.Format("01"), true
	case "monthname":
		return d.Format("January"), true
	case "day":
		return d.Format("02"), true
	case "weekday":
		return strconv.Itoa(int(d.Weekday())), true
	case "weekdayname":
		return d.Format("Monday"), true
	case "yearday":
		return strconv.Itoa(d.YearDay()), true
	case "section":
		return p.Section(), true
	case "sections":
		return path.Dir(bundleFree(p.File)), true
	case "title":
		return Config{}.Urlize(p.Title), true
	case "slug":
		return orElse(p.Slug, Config{}.Urlize(p.Title)), true
	case "slugorfilename":
		return orElse(p.Slug, fileName(p)), true
	case "filename":
		return fileName(p), true
	}
	return "", false
}

// fileName is :filename: the file's name without its extension, or a leaf
// bundle's folder name.
func fileName(p Page) string { return baseName(bundleFree(p.File)) }

// bundleFree returns the file a leaf bundle's index file stands for, its
// folder ("posts/b/index.md" → "posts/b"); other files as they are.
func bundleFree(file string) string {
	if (Page{File: file}).IsBundle() {
		return path.Dir(file)
	}
	return file
}

func orElse(s, dflt string) string {
	if s != "" {
		return s
	}
	return dflt
}
