package bot

// recordNumbers numbers one kind of record (quotes, events) of every
// analysis in one sequence, article by article: record i of article a is
// number at[a]+i. The index files a record by its number, 4 bytes, and
// finds its article again from a table of one entry per refBlock numbers
// and a short walk over the articles that follow.
type recordNumbers struct {
	at    []int32 // article → the number of its first record; one more entry, the total
	block []int32 // k → the article holding number k·refBlock
}

// refBlock is how many record numbers share an entry of
// recordNumbers.block.
const refBlock = 64

// newRecordNumbers numbers the records of arts articles, article a
// having count(a) of them.
func newRecordNumbers(arts int, count func(a int) int) recordNumbers {
	n := recordNumbers{at: make([]int32, arts+1)}
	for a := range arts {
		n.at[a+1] = n.at[a] + int32(count(a))
	}
	total := n.at[arts]
	n.block = make([]int32, (total+refBlock-1)/refBlock)
	a := int32(0)
	for k := range n.block {
		for n.at[a+1] <= int32(k)*refBlock {
			a++
		}
		n.block[k] = a
	}
	return n
}

// number returns the number of record i of article art.
func (n *recordNumbers) number(art, i int32) int32 { return n.at[art] + i }

// ref returns the article of record number num and its place there.
func (n *recordNumbers) ref(num int32) (art, i int32) {
	art = n.block[num/refBlock]
	for n.at[art+1] <= num {
		art++
	}
	return art, num - n.at[art]
}
