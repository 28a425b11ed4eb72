package summarize

import (
	"fmt"
	"reflect"
	"slices"
)

// analysisTypes are the types whose values live in an analysis: a pointer
// to one, or a slice of them (or of pointers to them), points into an
// analysis.
var analysisTypes = []reflect.Type{
	reflect.TypeFor[Analysis](), reflect.TypeFor[Quote](), reflect.TypeFor[Deadline](), reflect.TypeFor[Revision](),
	reflect.TypeFor[Event](), reflect.TypeFor[Person](), reflect.TypeFor[Sentence](),
}

// analysisPointers walks v (every field, exported or not, through
// pointers, slices, arrays, maps and interfaces) and returns the paths
// of the values that point into an analysis: pointers to analysisTypes
// and slices of them or of pointers to them. Strings are not followed.
func analysisPointers(v any) []string {
	w := pointerWalk{seen: map[uintptr]bool{}}
	w.walk(reflect.ValueOf(v), "v")
	return w.found
}

type pointerWalk struct {
	seen  map[uintptr]bool
	found []string
}

// intoAnalysis reports whether a value of type t (a pointer or a slice)
// points into an analysis.
func intoAnalysis(t reflect.Type) bool {
	e := t.Elem()
	if t.Kind() == reflect.Slice && e.Kind() == reflect.Pointer {
		e = e.Elem()
	}
	return slices.Contains(analysisTypes, e)
}

// scalar reports whether values of kind k hold no pointer.
func scalar(k reflect.Kind) bool {
	return k >= reflect.Bool && k <= reflect.Complex128 || k == reflect.String
}

func (w *pointerWalk) walk(v reflect.Value, path string) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		if intoAnalysis(v.Type()) {
			w.found = append(w.found, path+" ("+v.Type().String()+")")
		}
		if w.seen[v.Pointer()] {
			return
		}
		w.seen[v.Pointer()] = true
		w.walk(v.Elem(), "(*"+path+")")
	case reflect.Interface:
		if !v.IsNil() {
			w.walk(v.Elem(), path)
		}
	case reflect.Slice:
		if v.IsNil() {
			return
		}
		if intoAnalysis(v.Type()) {
			w.found = append(w.found, path+" ("+v.Type().String()+")")
		}
		if scalar(v.Type().Elem().Kind()) {
			return
		}
		for i := range v.Len() {
			w.walk(v.Index(i), fmt.Sprintf("%s[%d]", path, i))
		}
	case reflect.Array:
		if scalar(v.Type().Elem().Kind()) {
			return
		}
		for i := range v.Len() {
			w.walk(v.Index(i), fmt.Sprintf("%s[%d]", path, i))
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			w.walk(it.Key(), path+"{key}")
			w.walk(it.Value(), fmt.Sprintf("%s[%v]", path, it.Key()))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			w.walk(v.Field(i), path+"."+v.Type().Field(i).Name)
		}
	}
}
