# tresp — see README.md. `make run` and `make test` are the two set-up commands.
GO      ?= go
BIN     := bin/tresp
PKGS    := ./...
FUZZTIME ?= 10s
STATICCHECK := v0.8.2

.PHONY: all build run test unit lint layering sizes tools bench bench-duckdb fuzz clean outcomes-report

all: build

# The binary is rebuilt only when a source file changes, so that its
# identity (part of every stage-cache key) stays the same between runs.
SOURCES := $(shell find . -name '*.go' -not -path './.git/*') $(shell find data -name '*.csv' -o -name '*.tsv') go.mod go.sum

build: $(BIN)

$(BIN): $(SOURCES)
	$(GO) build -trimpath -o $(BIN) ./cmd/tresp

## run: the whole pipeline on the embedded example data set, writing out/
run: $(BIN)
	./$(BIN) run --out out

## test: lint, layering check and every test
test: tools lint unit

unit:
	$(GO) test -count=1 $(PKGS)

lint: layering sizes
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt -l lists:"; echo "$$out"; exit 1; fi
	$(GO) vet $(PKGS)
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK) $(PKGS)

## layering: the import direction cmd → pipeline → pipeline/* → {data, stats, reports} (docs/architecture.md)
layering:
	@$(GO) list -f '{{.ImportPath}} {{join .Imports " "}}' $(PKGS) | ./scripts/check-layering

## sizes: no non-test Go file over 600 lines and no function over 120 lines
## (generated files exempt; docs/architecture.md)
sizes:
	@$(GO) run ./scripts/check-sizes

## tools: external programs some tests use (poppler-utils for pdffonts and
## pdftoppm, LibreOffice for the DOCX conversion check). Installed with apt
## when missing; tests that need them skip with the reason when they cannot
## be installed.
tools:
	@./scripts/install-tools

## bench: ingest and normalisation throughput and memory on generated tables
bench: build
	$(GO) test -run '^$$' -bench . -benchtime 3x ./pipeline/ ./stats/... ./data/...
	@echo "make run, twice (the second run finds every stage up to date):"
	@./$(BIN) run -q --out out
	@bash -c 'time ./$(BIN) run --out out'
	$(GO) run ./scripts/benchingest -rows 1000000
	$(GO) run ./scripts/benchingest -rows 4000000

## bench-duckdb: tresp against DuckDB on generated 1, 4 and 10 M row tables (CSV and
## Parquet): wall time, peak RSS, rows counted and the ratio, per step. Its own module
## under bench/ (DuckDB via github.com/marcboeker/go-duckdb), so the main module never
## depends on it. ROWS and FORMATS narrow it, e.g. make bench-duckdb ROWS=1000000
ROWS ?= 1000000,4000000,10000000
FORMATS ?= csv,parquet
bench-duckdb: build
	cd bench && $(GO) run ./duckdb -rows $(ROWS) -formats $(FORMATS) -tresp ../$(BIN)

## bench-scale-sql: runs the distributed path of docs/scale.md with DuckDB, using the SQL as
## the document prints it, and checks its counts and rates against a single run
bench-scale-sql: build
	cd bench && $(GO) run ./scalesql -rows 20000 -tresp ../$(BIN) -doc ../docs/scale.md

## outcomes-report: the outcome reader on the labelled corpus (confusion matrix, agreement,
## flips, coverage, precision) for the tuning and held-out parts; MISSES=1 lists disagreements;
## PREFIX=i adds the same figures for the excerpts whose id starts with i (one gathering round)
outcomes-report:
	@OUTCOMES_REPORT=1 OUTCOMES_MISSES=$(MISSES) OUTCOMES_PREFIX=$(PREFIX) $(GO) test -v -count=1 -run '^(TestOutcome(Corpus|Cells|Sheets)|TestSpellingSlipsOnCorpus)$$' ./data/vocab/ | grep -v -E '^(ok|PASS|=== RUN|--- PASS)'

## fuzz: every fuzz target for FUZZTIME each
fuzz:
	@./scripts/fuzz-all $(FUZZTIME)

clean:
	rm -rf bin out
