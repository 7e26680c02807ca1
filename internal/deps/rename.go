package deps

// Rename records that the output old is written to the file cur now,
// reading what it read: a page moved to another URL (model.MoveURL)
// reads the same groups of the same pages through the same relations.
func (rs *Readers) Rename(old, cur string) {
	pages := rs.pages[old]
	if pages != nil {
		delete(rs.pages, old)
		rs.pages[cur] = pages
	}
	for _, p := range pages {
		list := rs.of[p]
		for i := range list {
			if list[i].name == old {
				list[i].name = cur
			}
		}
	}
	for _, names := range rs.shared {
		for i := range names {
			if names[i] == old {
				names[i] = cur
			}
		}
	}
	for i := range rs.all {
		if rs.all[i] == old {
			rs.all[i] = cur
		}
	}
}
