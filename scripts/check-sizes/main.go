// Command check-sizes enforces the size limits of docs/architecture.md: no
// non-test Go file over 600 lines and no function (or method, or function
// literal assigned at package level) over 120 lines. Test files (_test.go)
// and generated files (a "// Code generated ... DO NOT EDIT." line before the
// package clause) are exempt. It walks the directories given as arguments
// (default "."), skipping .git, testdata, vendor and directories whose name
// starts with "." or "_", and exits 1 listing every file or function over
// its limit as file:line: message.
//
//	go run ./scripts/check-sizes [-max-file N] [-max-func N] [DIR...]
package main

import (
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	maxFile := flag.Int("max-file", 600, "most lines a non-test Go file may have")
	maxFunc := flag.Int("max-func", 120, "most lines a function may span, from func to closing brace")
	flag.Parse()
	roots := flag.Args()
	if len(roots) == 0 {
		roots = []string{"."}
	}
	problems, err := check(roots, *maxFile, *maxFunc)
	if err != nil {
		fmt.Fprintln(os.Stderr, "check-sizes:", err)
		os.Exit(2)
	}
	report(os.Stdout, problems, *maxFile, *maxFunc)
	if len(problems) > 0 {
		os.Exit(1)
	}
}

// problem is one file or function over its limit.
type problem struct {
	pos   token.Position
	what  string // "file" or the function's name
	lines int
	limit int
}

func report(w io.Writer, problems []problem, maxFile, maxFunc int) {
	for _, p := range problems {
		if p.what == "file" {
			fmt.Fprintf(w, "%s: file has %d lines (limit %d): split it by concern into files of the same package\n", p.pos.Filename, p.lines, p.limit)
		} else {
			fmt.Fprintf(w, "%s:%d: func %s has %d lines (limit %d): split it into functions\n", p.pos.Filename, p.pos.Line, p.what, p.lines, p.limit)
		}
	}
	if len(problems) > 0 {
		fmt.Fprintf(w, "check-sizes: %d over the limits (files %d lines, functions %d lines; tests and generated files exempt)\n", len(problems), maxFile, maxFunc)
	}
}

// check parses every non-test, non-generated Go file under roots and returns
// the files and functions over the limits, sorted by file and line.
func check(roots []string, maxFile, maxFunc int) ([]problem, error) {
	var problems []problem
	fset := token.NewFileSet()
	for _, root := range roots {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				name := d.Name()
				if path != root && (name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			ps, err := checkFile(fset, path, maxFile, maxFunc)
			problems = append(problems, ps...)
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	sort.SliceStable(problems, func(i, j int) bool {
		a, b := problems[i].pos, problems[j].pos
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		return a.Line < b.Line
	})
	return problems, nil
}

// checkFile returns the problems of one file; a generated file has none.
func checkFile(fset *token.FileSet, path string, maxFile, maxFunc int) ([]problem, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
	if err != nil {
		return nil, fmt.Errorf("%v (fix the syntax error first)", err)
	}
	if ast.IsGenerated(f) {
		return nil, nil
	}
	var problems []problem
	if n := countLines(src); n > maxFile {
		problems = append(problems, problem{pos: token.Position{Filename: path}, what: "file", lines: n, limit: maxFile})
	}
	ast.Inspect(f, func(n ast.Node) bool {
		var name string
		var body *ast.BlockStmt
		switch fn := n.(type) {
		case *ast.FuncDecl:
			name, body = funcName(fn), fn.Body
		case *ast.FuncLit:
			name, body = "literal", fn.Body
		default:
			return true
		}
		if body == nil {
			return true
		}
		start, end := fset.Position(n.Pos()), fset.Position(body.Rbrace)
		if lines := end.Line - start.Line + 1; lines > maxFunc {
			problems = append(problems, problem{pos: start, what: name, lines: lines, limit: maxFunc})
			// A long function literal inside an already reported function
			// is reported too: each needs its own split.
		}
		return true
	})
	return problems, nil
}

// funcName is "Name" for a function and "Recv.Name" for a method.
func funcName(fn *ast.FuncDecl) string {
	if fn.Recv == nil || len(fn.Recv.List) == 0 {
		return fn.Name.Name
	}
	t := fn.Recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	switch r := t.(type) {
	case *ast.IndexExpr:
		t = r.X
	case *ast.IndexListExpr:
		t = r.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name + "." + fn.Name.Name
	}
	return fn.Name.Name
}

// countLines counts lines as wc -l does, plus a last line without a newline.
func countLines(src []byte) int {
	n := strings.Count(string(src), "\n")
	if len(src) > 0 && src[len(src)-1] != '\n' {
		n++
	}
	return n
}
