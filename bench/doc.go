// Package bench holds careersite's speed measurements: Go benchmarks of
// each build stage and of a whole build on a generated site
// (bench_test.go), the site generator (gen, internal/sitegen), the
// library floor (floor) and the side-by-side comparison with Hugo
// (compare.sh), and the image benchmark (images.sh, imagegen,
// internal/photos). README.md says how to run them; RESULTS.md holds the
// figures.
package bench
