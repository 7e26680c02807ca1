// Package hugofile reads the files of a Hugo site as Hugo 0.111 reads
// them: a content file split into its front matter (YAML between "---",
// TOML between "+++", or a leading JSON object) and its body, kept byte for
// byte; configuration and front matter decoded into plain Go values
// (maps, slices, strings, numbers, times), an error at the file's
// line:col; and the date forms Hugo accepts. It knows nothing of
// careersite: internal/hugoimport turns what it reads into a careersite
// site.
package hugofile
