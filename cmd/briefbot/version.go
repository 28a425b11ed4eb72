package main

import (
	"cmp"
	"fmt"
	"runtime/debug"
)

// version is the release, set at link time:
//
//	go build -ldflags "-X main.version=v1.2.0" ./cmd/briefbot
//
// Without it the module version `go install …@v1.2.0` records is used.
// revision, set the same way (-X main.revision=…), stands in for the VCS
// revision when the build had no repository to read it from (a container
// build without .git).
var version, revision = "", ""

// versionLine returns "briefbot VERSION (REVISION[, modified], TIME, GO)"
// from the build information the Go toolchain embeds.
func versionLine(info *debug.BuildInfo, ok bool) string {
	v, rev, at, dirty := version, cmp.Or(revision, "unknown revision"), "", false
	goVersion := ""
	if ok {
		if v == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			v = info.Main.Version
		}
		goVersion = info.GoVersion
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				at = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
	}
	if v == "" {
		v = "devel"
	}
	line := "briefbot " + v + " (" + rev
	if dirty {
		line += ", modified"
	}
	if at != "" {
		line += ", " + at
	}
	if goVersion != "" {
		line += ", " + goVersion
	}
	return line + ")"
}

// runVersion prints the version and the VCS revision.
func runVersion(args []string, e env) int {
	if len(args) > 0 {
		fmt.Fprintf(e.stderr, "briefbot: version takes no argument, got %q\n", args[0])
		return exitUsage
	}
	fmt.Fprintln(e.stdout, versionLine(debug.ReadBuildInfo()))
	return exitOK
}
