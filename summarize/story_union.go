package summarize

// storyUnion is the union-find of story clustering: the articles linked so
// far, in groups. A group's root is its earliest article (by the order
// given to newStoryUnion), whatever order the links come in.
type storyUnion struct {
	parent []int32
	rank   []int32 // an article's place in order
}

// newStoryUnion returns the union-find of order's articles (indices 0 to
// len(order)-1, earliest first), each alone.
func newStoryUnion(order []int) *storyUnion {
	u := &storyUnion{parent: make([]int32, len(order)), rank: make([]int32, len(order))}
	for r, i := range order {
		u.parent[i], u.rank[i] = int32(i), int32(r)
	}
	return u
}

// find returns the root of i's group, halving the path on the way.
func (u *storyUnion) find(i int) int {
	r := i
	for int(u.parent[r]) != r {
		r = int(u.parent[r])
	}
	for int(u.parent[i]) != r {
		u.parent[i], i = int32(r), int(u.parent[i])
	}
	return r
}

// union joins the groups of a and b.
func (u *storyUnion) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if u.rank[ra] > u.rank[rb] {
		ra, rb = rb, ra
	}
	u.parent[rb] = int32(ra)
}

// groups returns the groups, each with its members in order, one after the
// other in the order of their first members, and the size of each. The
// members of all groups share one slice.
func (u *storyUnion) groups(order []int) (members []int, sizes []int) {
	n := len(order)
	size := make([]int32, n)
	for i := range n {
		size[u.find(i)]++
	}
	at := make([]int32, n) // where a root's members go in members
	next := int32(0)
	for _, i := range order {
		if u.find(i) == i {
			at[i] = next
			next += size[i]
			sizes = append(sizes, int(size[i]))
		}
	}
	members = make([]int, n)
	for _, i := range order {
		r := u.find(i)
		members[at[r]] = i
		at[r]++
	}
	return members, sizes
}
