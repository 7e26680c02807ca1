// Command imagegen writes the image benchmark's site (bench/images.sh):
// N page bundles, each a page showing one generated photograph as a
// Markdown image, and optionally its Hugo twin. The photographs are drawn
// by bench/internal/photos; the same flags give the same bytes on every
// machine.
//
//	go run ./bench/imagegen -n 200 -out DIR [-hugo DIR2] [-size 3000x2000] [-seed S]
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/careersite/careersite/bench/internal/photos"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "imagegen:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fl := flag.NewFlagSet("imagegen", flag.ContinueOnError)
	n := fl.Int("n", 200, "number of photographs, one page each")
	out := fl.String("out", "", "the careersite site folder to write")
	hugo := fl.String("hugo", "", "also write the Hugo twin to this folder")
	size := fl.String("size", "3000x2000", "each photograph's width x height")
	seed := fl.Uint64("seed", 1, "random seed")
	if err := fl.Parse(args); err != nil {
		return err
	}
	o := photos.Options{Photos: *n, Seed: *seed, Widths: []int{480, 800, 1200, 1600}, Quality: 75}
	if _, err := fmt.Sscanf(*size, "%dx%d", &o.Width, &o.Height); err != nil || o.Width < 1 || o.Height < 1 {
		return fmt.Errorf("-size %q: want WIDTHxHEIGHT", *size)
	}
	if *out == "" || *n < 1 {
		return errors.New("want -out DIR and -n of at least 1")
	}
	for _, dir := range []string{*out, *hugo} {
		if dir == "" {
			continue
		}
		if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
			return fmt.Errorf("%s is not empty", dir)
		}
	}
	return photos.Write(*out, *hugo, o)
}
