// Package outdir owns the output directory of a run: it writes into a
// temporary directory beside --out (Dir), swaps it into place atomically
// with a journal that the next run finishes or undoes after a kill
// (Commit, Recover), never deletes or changes a file tresp did not write
// (a marker file and manifest.json say which files are tresp's; Prepare
// stops on foreign files or moves them aside with --clean), refuses paths
// that hold more than an output (CheckPath), and keeps two runs from
// writing the same directory at once (AcquireLock).
package outdir
