package content

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CheckSegments reports the first segment of the slash-separated site path
// p (a url or an alias from front matter) that cannot name a file or
// folder of the output on every system a site is built on; nil when there
// is none. Empty and "." segments ("/a//./b/", the leading "/") are
// allowed here: path.Clean removes them. See segmentProblem for the rules.
func CheckSegments(p string) error {
	for seg := range strings.SplitSeq(p, "/") {
		if seg == "" || seg == "." {
			continue
		}
		if msg := segmentProblem(seg); msg != "" {
			return fmt.Errorf("segment %q %s", seg, msg)
		}
	}
	return nil
}

// segmentProblem says why seg, one segment of an output path, is unsafe,
// or returns "" when it is safe. A path that front matter chooses becomes
// a folder or file name in the output, which is built on Linux, macOS and
// Windows and copied to any host, so a segment must be a name all of them
// read the same way:
//
//   - not "." or "..", which would leave the folder;
//   - valid UTF-8, as fs.ValidPath and every host want;
//   - no NUL or other control character, which file systems refuse or
//     terminals show misleadingly;
//   - none of \ : * ? " < > |, which Windows refuses in names (\ is its
//     separator, "C:" a drive, "x:y" an NTFS stream);
//   - not ending in "." or " ", which Windows drops, so that "a." and "a"
//     would be one file;
//   - not a device name Windows reserves (CON, PRN, AUX, NUL, COM0–COM9,
//     LPT0–LPT9, also with superscript digits and with any extension, in
//     any case): "con/index.html" cannot be created there.
func segmentProblem(seg string) string {
	switch {
	case seg == "." || seg == "..":
		return "leads out of its folder"
	case !utf8.ValidString(seg):
		return "is not valid UTF-8"
	case strings.ContainsFunc(seg, unicode.IsControl):
		return "holds a control character"
	case strings.ContainsAny(seg, `\:*?"<>|`):
		return `holds one of \ : * ? " < > |, which Windows does not allow in file names`
	case strings.HasSuffix(seg, ".") || strings.HasSuffix(seg, " "):
		return `ends in "." or " ", which Windows drops from file names`
	case reservedName(seg):
		return "is a device name Windows reserves"
	}
	return ""
}

// reservedName reports whether seg is a Windows device name, alone or
// followed by an extension ("nul", "COM1.txt", "aux.tar.gz").
func reservedName(seg string) bool {
	base, _, _ := strings.Cut(seg, ".")
	base = strings.ToUpper(strings.TrimRight(base, " "))
	switch base {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	if len(base) < 4 || (base[:3] != "COM" && base[:3] != "LPT") {
		return false
	}
	switch base[3:] {
	case "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³":
		return true
	}
	return false
}
