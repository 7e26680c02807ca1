package deps

// Rename records that the output old is written to the file cur now,
// reading what it read: a page moved to another URL (model.MoveURL)
// reads the same groups of the same pages through the same relations.
// What an output already named cur read is no more.
func (rs *Readers) Rename(old, cur string) {
	id, ok := rs.ids[old]
	if !ok || old == cur {
		return
	}
	if was, taken := rs.ids[cur]; taken {
		o := &rs.outs[was]
		o.gen++
		rs.live -= o.n
		rs.stale += o.n
		o.n = 0
	}
	delete(rs.ids, old)
	rs.ids[cur] = id
	rs.outs[id].name = cur
}
