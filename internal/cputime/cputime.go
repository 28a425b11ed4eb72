// Package cputime reads the CPU time the process has used, for benchmarks
// that report it beside wall time: on a shared machine CPU time moves far
// less with the load of other processes than wall time does.
package cputime
