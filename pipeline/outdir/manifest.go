package outdir

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
)

// File is one output file: its slash-separated path relative to
// the output directory, the SHA-256 of its bytes and its size.
type File struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Bytes  int64  `json:"bytes"`
}

// HashFile returns the hex SHA-256 and the size of the file at p.
func HashFile(p string) (string, int64, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, err
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}
