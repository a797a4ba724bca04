package main

import (
	"database/sql"
	"fmt"
	"os"

	_ "github.com/marcboeker/go-duckdb"
)

func main() {
	db, _ := sql.Open("duckdb", "")
	rows, err := db.Query(os.Args[1])
	if err != nil {
		fmt.Println(err)
		return
	}
	cols, _ := rows.Columns()
	fmt.Println(cols)
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		rows.Scan(ptrs...)
		fmt.Println(vals...)
	}
}
