package keptmodel

import (
	"slices"
	"strings"

	"github.com/careersite/careersite/internal/generate"
)

// This file changes the generated files of a model and its planned
// outputs together, and names the outputs changed in redo, the set of
// outputs whose keys must be made again.

// ReplaceFiles puts files in the place of the generated files of m of
// the same names, among its files and its planned items, and adds their
// names to redo.
func (m *Model) ReplaceFiles(files []generate.File, redo map[string]bool) {
	if len(files) == 0 {
		return
	}
	m.Files, m.Items = slices.Clone(m.Files), slices.Clone(m.Items)
	for _, f := range files {
		i, found := findFile(m.Files, f.Name)
		j, planned := FindItem(m.Items, f.Name)
		if !found || !planned {
			panic("keptmodel: a patched model has no file " + f.Name) // the same pages make the same files
		}
		m.Files[i] = f
		m.Items[j] = &Item{Name: f.Name, Gen: &m.Files[i]}
		redo[f.Name] = true
	}
}

// ChangeOutputs takes the outputs named gone out of m's files and items,
// and out of redo (a plan keys its items only, and counts them), puts
// files and the pages' items made in, and adds their names to redo. The
// files and items stay sorted, each put in its place: a keystroke changes
// a few of tens of thousands.
func (m *Model) ChangeOutputs(gone []string, files []generate.File, made []*Item, redo map[string]bool) {
	m.Files, m.Items = slices.Clone(m.Files), slices.Clone(m.Items)
	for _, name := range gone {
		delete(redo, name)
		if i, ok := findFile(m.Files, name); ok {
			m.Files = slices.Delete(m.Files, i, i+1)
		}
		if i, ok := FindItem(m.Items, name); ok {
			m.Items = slices.Delete(m.Items, i, i+1)
		}
	}
	for _, f := range files {
		i, _ := findFile(m.Files, f.Name)
		m.Files = slices.Insert(m.Files, i, f)
		redo[f.Name] = true
	}
	// The items of the files point into m.Files, which the insertions
	// above moved.
	add := slices.Clone(made)
	for _, f := range files {
		if !f.ClaimOnly {
			i, _ := findFile(m.Files, f.Name)
			add = append(add, &Item{Name: f.Name, Gen: &m.Files[i]})
		}
	}
	for _, it := range add {
		i, _ := FindItem(m.Items, it.Name)
		m.Items = slices.Insert(m.Items, i, it)
		redo[it.Name] = true
	}
}

// findFile returns the index of the file named name in files, sorted by
// name, and whether it is there.
func findFile(files []generate.File, name string) (int, bool) {
	return slices.BinarySearchFunc(files, name, func(f generate.File, name string) int { return strings.Compare(f.Name, name) })
}

// SetBodyFiles makes files, which hold the files made from page bodies
// anew (internal/site: bodyFiles) and m's other generated files, the
// generated files of m, and puts the files made from bodies among its
// items, their names in redo.
func (m *Model) SetBodyFiles(files []generate.File, redo map[string]bool) {
	m.Files = files
	items := slices.DeleteFunc(slices.Clone(m.Items), func(it *Item) bool { return it.Gen != nil && it.Gen.FromBodies })
	for i := range files {
		if files[i].FromBodies {
			items = append(items, &Item{Name: files[i].Name, Gen: &files[i]})
			redo[files[i].Name] = true
		}
	}
	SortItems(items)
	m.Items = items
}
