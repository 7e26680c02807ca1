// Command vulnpolicy applies careersite's policy on known vulnerabilities
// to what govulncheck found, read as its JSON stream (govulncheck -format
// json) from standard input:
//
//   - A vulnerability in a module the build requires fails, whether or not
//     our code calls it: upgrade the module.
//   - One in the standard library is printed with the Go release that fixes
//     it. It fails when our code reaches it (govulncheck found a call path
//     to the vulnerable function) and a fixed Go release exists: raise the
//     pinned toolchain (the README's Go version policy). The Go vulnerability
//     database names a fixed version only once that release is out, and the
//     module proxy serves every Go release as a toolchain, so "a fix exists"
//     is "a fixed Go is available to the project".
//
// It prints one line for each vulnerability and exits 1 when any fails, 2
// when the stream does not read.
//
//	govulncheck -db file:///DB -format json ./... | go run ./scripts/vulnpolicy
package main

import (
	"fmt"
	"os"
)

func main() {
	vulns, err := read(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "vulnpolicy:", err)
		os.Exit(2)
	}
	failed := 0
	for _, v := range vulns {
		fmt.Println(v)
		if v.fails() {
			failed++
		}
	}
	fmt.Printf("%d known vulnerabilities, %d failing the policy\n", len(vulns), failed)
	if failed > 0 {
		os.Exit(1)
	}
}
