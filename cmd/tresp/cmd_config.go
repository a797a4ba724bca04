package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/pflag"
	"github.com/tresp/tresp/pipeline/config"
)

type configOptions struct {
	out    string
	read   readOptions
	strict strictOptions
}

func (o *configOptions) AddFlags(fs *pflag.FlagSet) {
	fs.StringVarP(&o.out, "out", "o", "out", "output `DIR`")
	o.read.AddFlags(fs)
	o.strict.AddFlags(fs, "make warnings no allowance covers errors")
}

func configCommand() *command {
	o := &configOptions{}
	return &command{
		name:    "config",
		summary: "print the effective configuration (defaults < --config file < flags) as TOML",
		usage:   "tresp config [--config FILE] [flags] [INPUT...]",
		example: `  tresp config                                # the defaults
  tresp config --config proj/tresp.toml       # what 'tresp run --config proj/tresp.toml' would use
  tresp config --config proj/tresp.toml --decimal-comma on > effective.toml
`,
		flags: func(fs *pflag.FlagSet) func() error { o.AddFlags(fs); return nil },
		run: func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
			cfg, err := o.read.config(args)
			if err != nil {
				return err
			}
			if o.read.changed("out") {
				cfg.Out = o.out
			}
			if err := o.strict.apply(&cfg); err != nil {
				return err
			}
			if err := cfg.Validate(); err != nil {
				return err
			}
			fmt.Fprintln(stdout, "# effective tresp configuration: defaults < --config file < flags (docs/config.md)")
			fmt.Fprintln(stdout, "# paths are relative to the current directory")
			return config.Write(stdout, cfg, false)
		},
	}
}

type initOptions struct {
	force bool
}

func (o *initOptions) AddFlags(fs *pflag.FlagSet) {
	fs.BoolVar(&o.force, "force", false, "overwrite tresp.toml and cases.csv if they exist")
}

func initCommand() *command {
	o := &initOptions{}
	return &command{
		name:    "init",
		summary: "write a commented starter tresp.toml and a template cases.csv into a directory",
		usage:   "tresp init [--force] [DIR]",
		example: `  tresp init myreview        # creates myreview/ with tresp.toml and cases.csv
  tresp init                 # into the current directory
  tresp init --force .       # start again, overwriting both files
`,
		flags: func(fs *pflag.FlagSet) func() error { o.AddFlags(fs); return nil },
		run: func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
			if len(args) > 1 {
				return usagef("init takes one directory, got %d arguments", len(args))
			}
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			files := []struct {
				name string
				data []byte
			}{
				{"tresp.toml", config.Starter()},
				{"cases.csv", config.CaseTemplate()},
			}
			if !o.force {
				for _, f := range files {
					p := filepath.Join(dir, f.name)
					if _, err := os.Lstat(p); err == nil {
						return usagef("init: %s already exists; pass --force to overwrite it, or give another directory", p)
					} else if !errors.Is(err, os.ErrNotExist) {
						return usagef("init: %v", err)
					}
				}
			}
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return usagef("init: cannot create the directory: %v", err)
			}
			for _, f := range files {
				if err := os.WriteFile(filepath.Join(dir, f.name), f.data, 0o644); err != nil {
					return usagef("init: %v", err)
				}
			}
			cfg := filepath.Join(dir, "tresp.toml")
			fmt.Fprintf(stdout, "wrote %s and %s\nnext: replace the example rows of cases.csv, then\n  tresp validate --config %s\n  tresp run --config %s\n",
				cfg, filepath.Join(dir, "cases.csv"), cfg, cfg)
			return nil
		},
	}
}
