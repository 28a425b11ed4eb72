package summarize

import (
	"sync"
	"unsafe"
)

// regScratch is the working memory of one registry beyond its token,
// span, mention and text arrays (pooled on their own): the registry, its
// document and chunker, their maps and per-sentence tables, and entities
// of earlier analyses to reuse. Analyze hands it back once the analysis
// points into none of it (releaseRegistry); a registry built elsewhere is
// simply left to the garbage collector.
type regScratch struct {
	reg   registry
	doc   tdoc
	ch    chunker
	spare []*entity // reset entities of earlier analyses, for newEntity
}

// maxPooledMap is the size past which a map of a registry is dropped
// rather than cleared for the next analysis: clearing costs as much as the
// map ever held, and one long article should not tax every later one.
const maxPooledMap = 1 << 12

// maxSpareEntities bounds the entities a scratch keeps for reuse.
const maxSpareEntities = 256

var regPool sync.Pool // *regScratch

// pooledRegistry returns a registry's working memory, reused when the pool
// has some: its maps empty, its tables empty but for their arrays.
func pooledRegistry() *regScratch {
	if sc, ok := regPool.Get().(*regScratch); ok {
		return sc
	}
	return &regScratch{reg: registry{byName: map[string]int{}, byWord: map[string][]int{}, unknown: map[string]nameSpan{}}}
}

// releaseRegistry empties the registry r (from newRegistryLow) and pools
// its working memory. The caller must have released its token, span,
// count, mention and text arrays, and must not use r, its document or
// anything cut from their tables afterwards; the strings of the analysis
// must not point into them (shareBody).
func releaseRegistry(r *registry) {
	sc := r.sc
	if sc == nil {
		return
	}
	for _, e := range r.ents {
		if len(sc.spare) == maxSpareEntities {
			break
		}
		clear(e.forms)
		clear(e.roles)
		*e = entity{forms: e.forms[:0], roles: e.roles[:0], sents: e.sents[:0]}
		sc.spare = append(sc.spare, e)
	}
	clear(r.ents)
	clear(r.spans)
	clear(r.ments)
	clear(r.frames)
	clear(r.frameBuf[:cap(r.frameBuf)])
	clear(r.surnames)
	clear(r.keyBuf)
	*r = registry{
		ents:     r.ents[:0],
		byName:   resetMap(r.byName),
		byWord:   resetMap(r.byWord),
		unknown:  resetMap(r.unknown),
		spans:    r.spans[:0],
		ments:    r.ments[:0],
		frames:   r.frames[:0],
		frameBuf: r.frameBuf[:0],
		keyBuf:   r.keyBuf[:0],
		surnames: r.surnames[:0],
	}
	d := &sc.doc
	*d = tdoc{sentTok: d.sentTok[:0], sentOff: d.sentOff[:0], quotes: d.quotes[:0], inQuote: d.inQuote[:0]}
	sc.ch = chunker{}
	regPool.Put(sc)
}

// resetMap returns m emptied, or a new map when m grew past maxPooledMap.
func resetMap[K comparable, V any](m map[K]V) map[K]V {
	if len(m) > maxPooledMap {
		return map[K]V{}
	}
	clear(m)
	return m
}

// newEntity returns an empty entity, one of an earlier analysis when the
// registry's scratch has one.
func (r *registry) newEntity() *entity {
	if sc := r.sc; sc != nil && len(sc.spare) > 0 {
		e := sc.spare[len(sc.spare)-1]
		sc.spare[len(sc.spare)-1] = nil
		sc.spare = sc.spare[:len(sc.spare)-1]
		return e
	}
	return &entity{}
}

// isUnknown reports whether the lower-case name low is among the
// registry's unclassified names.
func (r *registry) isUnknown(low string) bool {
	_, ok := r.unknown[low]
	return ok
}

// hasName reports whether the lower-case name low is a key of byName.
func (r *registry) hasName(low string) bool {
	_, ok := r.byName[low]
	return ok
}

// keyOf returns a copy of s for a key of the registry's maps, its bytes in
// keyBuf: one array for the keys of an article, not one a key. The bytes
// of a key are never written again while the registry lives; the pooled
// array is reused only once the maps are emptied (releaseRegistry).
func (r *registry) keyOf(s string) string {
	if s == "" {
		return ""
	}
	start := len(r.keyBuf)
	r.keyBuf = append(r.keyBuf, s...)
	return unsafe.String(&r.keyBuf[start], len(s))
}
