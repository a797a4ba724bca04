package main

import (
	_ "github.com/apache/arrow/go/v17/parquet/pqarrow"
	_ "github.com/spf13/pflag"
	_ "gonum.org/v1/gonum/stat/distuv"
	_ "gonum.org/v1/plot"
)

func main() {}
