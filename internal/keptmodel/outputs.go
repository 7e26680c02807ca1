package keptmodel

import (
	"slices"
	"strings"

	"github.com/careersite/careersite/internal/generate"
)

// This file changes the generated files of a model and its planned
// outputs together, and names the outputs changed in redo, the set of
// outputs whose keys must be made again.

// sortFiles sorts files by name.
func sortFiles(files []generate.File) {
	slices.SortFunc(files, func(a, b generate.File) int { return strings.Compare(a.Name, b.Name) })
}

// ReplaceFiles puts files in the place of the generated files of m of
// the same names, among its files and its planned items, and adds their
// names to redo.
func (m *Model) ReplaceFiles(files []generate.File, redo map[string]bool) {
	if len(files) == 0 {
		return
	}
	m.Files, m.Items = slices.Clone(m.Files), slices.Clone(m.Items)
	for _, f := range files {
		i, found := slices.BinarySearchFunc(m.Files, f.Name, func(g generate.File, name string) int { return strings.Compare(g.Name, name) })
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
// files and the pages' items made in, and adds their names to redo.
func (m *Model) ChangeOutputs(gone []string, files []generate.File, made []*Item, redo map[string]bool) {
	out := map[string]bool{}
	for _, name := range gone {
		out[name] = true
		delete(redo, name)
	}
	m.Files = slices.DeleteFunc(slices.Clone(m.Files), func(f generate.File) bool { return out[f.Name] })
	m.Files = append(m.Files, files...)
	sortFiles(m.Files)
	for _, f := range files {
		redo[f.Name] = true
	}
	items := slices.DeleteFunc(slices.Clone(m.Items), func(it *Item) bool { return out[it.Name] })
	for i := range m.Files {
		if f := &m.Files[i]; redo[f.Name] && !f.ClaimOnly {
			items = append(items, &Item{Name: f.Name, Gen: f})
		}
	}
	for _, it := range made {
		items = append(items, it)
		redo[it.Name] = true
	}
	SortItems(items)
	m.Items = items
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
