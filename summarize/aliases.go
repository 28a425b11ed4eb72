package summarize

import (
	"slices"
	"strings"
)

// Aliases: one entity per person or organisation, under its fullest name.

// promoteUnknown makes organisations of unclassified one-word names that
// recur and act as a subject or owner somewhere ("Airbus is ...", "Airbus's
// website"): the document-level evidence a model-free tagger has.
func (r *registry) promoteUnknown() {
	if len(r.unknown) == 0 {
		return
	}
	count := map[string]int{}
	evidence := map[string]bool{}
	for s := range r.spans {
		for _, ns := range r.spans[s] {
			if ns.nb-ns.na != 1 || ns.placePre {
				continue
			}
			// strings.ToLower(r.nameOf(ns)) of a one-word name, without
			// building it.
			key := r.d.toks[ns.na].lowerBase()
			if _, ok := r.unknown[key]; !ok {
				continue
			}
			count[key]++
			next := r.d.sentTok[s][1]
			if ns.nb < next {
				_, orgNoun := lx.orgNouns[r.d.toks[ns.nb].lower()]
				evidence[key] = evidence[key] || orgNoun || lx.docNouns[r.d.toks[ns.nb].lower()]
			}
			evidence[key] = evidence[key] || r.d.toks[ns.nb-1].poss || r.isSubject(s, ns.na, ns.nb)
		}
	}
	if len(count) == 0 {
		return
	}
	var buf [64]byte
	for s := range r.spans {
		for _, ns := range r.spans[s] {
			// The key looked up without building it first: most names
			// are not among the counted ones.
			if low := r.d.appendLowJoin(buf[:0], ns.na, ns.nb); count[string(low)] < 2 || !evidence[string(low)] {
				continue
			}
			key := strings.ToLower(r.nameOf(ns))
			if _, known := r.lookup(key); !known {
				ns.kind = nkOrg
				r.add(ns, s)
			}
			id, _ := r.lookup(key)
			r.mention(id, ns, s)
		}
	}
	for key := range count {
		if evidence[key] && count[key] > 1 {
			delete(r.unknown, key)
		}
	}
}

// mergeSurnames folds people who share a surname and a compatible first
// name ("Tim Cook", "Timothy D. Cook") into the earlier entry, under the
// fuller name.
func (r *registry) mergeSurnames() {
	groups := map[string][]int{}
	var order []string
	for i, e := range r.ents {
		if n, _, _, last := edgeFields(strings.ToLower(e.name)); !e.org && n > 1 {
			if _, ok := groups[last]; !ok {
				order = append(order, last)
			}
			groups[last] = append(groups[last], i)
		}
	}
	remap := map[int]int{}
	for _, last := range order {
		ids := groups[last]
		for x, i := range ids {
			for _, j := range ids[x+1:] {
				a, b := r.ents[i], r.ents[j]
				if a.name == "" || b.name == "" || !samePerson(a.name, b.name) {
					continue
				}
				r.fold(a, b)
				r.ents[j] = &entity{}
				remap[j] = i
			}
		}
	}
	if len(remap) == 0 {
		return
	}
	for k, id := range r.byName {
		if to, ok := remap[id]; ok {
			r.byName[k] = to
		}
	}
	for k, ids := range r.byWord {
		for n, id := range ids {
			if to, ok := remap[id]; ok {
				ids[n] = to
			}
		}
		slices.Sort(ids)
		r.byWord[k] = slices.Compact(ids)
	}
	for n, sn := range r.surnames {
		if to, ok := remap[sn.id]; ok {
			r.surnames[n].id = to
		}
	}
}

// fold merges b into a under the fuller of their names.
func (r *registry) fold(a, b *entity) {
	if len(strings.Fields(b.name)) > len(strings.Fields(a.name)) {
		a.name, b.name = b.name, a.name
	}
	a.forms = append(append(a.forms, b.name), b.forms...)
	for _, ro := range b.roles {
		if !slices.Contains(a.roles, ro) {
			a.roles = append(a.roles, ro)
		}
	}
	if b.descApp && !a.descApp || a.desc == "" {
		a.desc, a.descApp = b.desc, b.descApp
	}
	a.gender = max(a.gender, b.gender)
	a.mentions += b.mentions
}

// samePerson reports whether two full names share the surname and have
// compatible first names (equal, one a prefix of the other, or an initial).
func samePerson(a, b string) bool {
	wa, wb := strings.Fields(strings.ToLower(a)), strings.Fields(strings.ToLower(b))
	if wa[len(wa)-1] != wb[len(wb)-1] || len(wa) < 2 || len(wb) < 2 {
		return false
	}
	fa, fb := strings.TrimSuffix(wa[0], "."), strings.TrimSuffix(wb[0], ".")
	return strings.HasPrefix(fa, fb) || strings.HasPrefix(fb, fa)
}
