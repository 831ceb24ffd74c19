// Command atlas builds the Asia–Latin America Subnational Atlas, a static
// research website, from the YAML records and Markdown content of a source
// directory.
//
// Usage:
//
//	atlas build [-src DIR] [-out DIR] [-base-url URL]
//	atlas check [-src DIR] [-base-url URL]
//	atlas new case [-src DIR] "Title"
//	atlas serve [-addr 127.0.0.1:8080] [-src DIR] [-base-url URL]
//
// Exit status: 0 on success; 1 when the input has problems (each printed as
// path:line:col: field: problem (expectation)); 2 on usage errors.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
