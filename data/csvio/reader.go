package csvio

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/tresp/tresp/data"
)

// DefaultMaxRecordBytes bounds the size of one record (all its cells).
const DefaultMaxRecordBytes = 1 << 20

// sniffBytes is how much of the file is inspected to detect the delimiter
// and to reject binary input.
const sniffBytes = 64 << 10

// Options adjusts reading. The zero value detects everything.
type Options struct {
	// Delimiter forces the field delimiter; 0 detects it.
	Delimiter rune
	// DecimalComma says how to read "8,5": "auto" (the default, on in
	// semicolon-separated files), "on" or "off".
	DecimalComma string
	// MaxRecordBytes bounds one record; 0 means DefaultMaxRecordBytes.
	MaxRecordBytes int
}

// Reader streams the records of one CSV file.
type Reader struct {
	name         string
	csv          *csv.Reader
	limit        *limitReader
	header       []string
	delim        rune
	decimalComma bool
	maxRecord    int
	lastLine     int // line where the last record read started
}

// NewReader reads the header of r, named name in messages, and returns a
// reader positioned at the first data row. Errors are *data.InputError.
func NewReader(r io.Reader, name string, opt Options) (*Reader, error) {
	br := bufio.NewReaderSize(r, sniffBytes)
	sample, err := br.Peek(sniffBytes)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, data.NewInputError(name, "read-error", "cannot read: "+err.Error(), "check the file exists and is readable")
	}
	sample = bytes.TrimPrefix(sample, []byte("\ufeff"))
	if len(bytes.TrimSpace(sample)) == 0 {
		return nil, data.NewInputError(name, "empty-file", "file is empty", "export the case table with a header row and at least one data row")
	}
	if err := checkText(name, sample, len(sample) < sniffBytes); err != nil {
		return nil, err
	}
	base := int64(0)
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\ufeff")) {
		br.Discard(3)
		base = 3
	}
	delim := opt.Delimiter
	if delim == 0 {
		delim = detectDelimiter(sample)
	}
	max := opt.MaxRecordBytes
	if max <= 0 {
		max = DefaultMaxRecordBytes
	}
	lr := &limitReader{r: &textReader{r: br, name: name, off: base, line: 1}, max: max}
	cr := csv.NewReader(lr)
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	rd := &Reader{name: name, csv: cr, limit: lr, delim: delim, maxRecord: max}
	switch strings.ToLower(opt.DecimalComma) {
	case "", "auto":
		rd.decimalComma = delim == ';'
	case "on", "true", "yes":
		rd.decimalComma = true
	case "off", "false", "no":
	default:
		return nil, data.NewInputError(name, "bad-option", fmt.Sprintf("decimal comma setting %q", opt.DecimalComma), "use auto, on or off")
	}
	header, _, err := rd.next()
	if err == io.EOF {
		return nil, data.NewInputError(name, "empty-file", "file is empty", "export the case table with a header row")
	}
	if err != nil {
		return nil, err
	}
	if err := checkDelimiter(name, header, delim, opt.Delimiter != 0); err != nil {
		return nil, err
	}
	rd.header = header
	return rd, nil
}

// delimiterNames name the delimiters in messages.
var delimiterNames = map[rune]string{',': "comma (,)", ';': "semicolon (;)", '\t': "tab", '|': "pipe (|)"}

// checkDelimiter refuses a header read as one column that holds another
// delimiter several times: the file uses that delimiter, and every row
// would otherwise be one cell. One message for the file, not one per row.
func checkDelimiter(name string, header []string, delim rune, forced bool) error {
	if len(header) != 1 {
		return nil
	}
	best, bestN := rune(0), 0
	for _, d := range []rune{',', ';', '\t', '|'} {
		if d == delim {
			continue
		}
		if n := strings.Count(header[0], string(d)); n > bestN {
			best, bestN = d, n
		}
	}
	if bestN == 0 {
		return nil
	}
	how := "detected"
	if forced {
		how = "given"
	}
	hint := "save the file with commas, or give --delimiter"
	switch best {
	case ',':
		hint = "give --delimiter , (or leave it to be detected)"
	case ';':
		hint = "give --delimiter ';' (or leave it to be detected)"
	case '\t':
		hint = "give --delimiter tab (or leave it to be detected)"
	case '|':
		hint = "leave the delimiter to be detected, or save the file with commas"
	}
	return data.NewInputError(name, "wrong-delimiter",
		fmt.Sprintf("the header is one column with the %s delimiter %s, but the file seems to use %s", how, delimiterNames[delim], delimiterNames[best]), hint)
}

// Header returns the header cells.
func (r *Reader) Header() []string { return r.header }

// Delimiter returns the delimiter in use.
func (r *Reader) Delimiter() rune { return r.delim }

// DecimalComma reports whether decimal commas are being read.
func (r *Reader) DecimalComma() bool { return r.decimalComma }

// Next returns the cells of the next record and the line it starts on. It
// returns io.EOF after the last record; any other error is a
// *data.InputError and ends the file.
func (r *Reader) Next() (cells []string, line int, err error) {
	cells, line, err = r.next()
	if err != nil {
		return nil, 0, err
	}
	if r.decimalComma {
		for i, c := range cells {
			cells[i] = fixDecimalComma(c)
		}
	}
	return cells, line, nil
}

func (r *Reader) next() ([]string, int, error) {
	r.limit.n = 0
	rec, err := r.csv.Read()
	if err == io.EOF {
		return nil, 0, io.EOF
	}
	if err != nil {
		var ie *data.InputError
		if errors.As(err, &ie) {
			return nil, 0, ie
		}
		var le *limitError
		if errors.As(err, &le) {
			line := r.lastLine + 1
			e := data.NewInputError(r.name, "record-too-large",
				fmt.Sprintf("a record larger than %d bytes (a cell this long is not a case-table value, or a quote is never closed)", r.maxRecord),
				"check for an unclosed quote near this line")
			e.Line = line
			return nil, 0, e
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			e := data.NewInputError(r.name, "csv-syntax", pe.Err.Error(),
				"quote cells that contain the delimiter, quotes or line breaks, doubling inner quotes")
			e.Line = pe.StartLine
			if e.Line == 0 {
				e.Line = pe.Line
			}
			return nil, 0, e
		}
		return nil, 0, data.NewInputError(r.name, "read-error", "cannot read: "+err.Error(), "")
	}
	line, _ := r.csv.FieldPos(0)
	r.lastLine = line
	for _, c := range rec {
		if !utf8.ValidString(c) {
			e := data.NewInputError(r.name, "not-utf8", "cell is not valid UTF-8 text", "re-save the file as \"CSV UTF-8\"")
			e.Line = line
			return nil, 0, e
		}
	}
	return rec, line, nil
}

// checkText rejects binary input: NUL bytes or invalid UTF-8 in the
// sample. complete says the sample is the whole file, so a trailing partial
// rune is an error too.
func checkText(name string, sample []byte, complete bool) error {
	if i := bytes.IndexByte(sample, 0); i >= 0 {
		return data.NewInputError(name, "binary", fmt.Sprintf("not a text file: NUL byte at offset %d", i),
			"give a CSV export or a .parquet file")
	}
	s := sample
	if !complete {
		// The sample may end inside a rune.
		for i := 0; i < utf8.UTFMax && len(s) > 0 && !utf8.RuneStart(s[len(s)-1]); i++ {
			s = s[:len(s)-1]
		}
		if len(s) > 0 && !utf8.FullRune(s[len(s)-1:]) {
			s = s[:len(s)-1]
		}
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && size == 1 {
			return data.NewInputError(name, "not-utf8", fmt.Sprintf("not UTF-8 text: invalid byte 0x%02x at offset %d", s[i], i),
				"re-save the file as \"CSV UTF-8\"")
		}
		i += size
	}
	return nil
}

// detectDelimiter picks the delimiter that occurs most often outside quotes
// on the first line; ties go to comma, then semicolon, then tab, then pipe.
func detectDelimiter(sample []byte) rune {
	counts := map[byte]int{}
	inQuote := false
	for _, b := range sample {
		if b == '"' {
			inQuote = !inQuote
			continue
		}
		if inQuote {
			continue
		}
		if b == '\n' || b == '\r' {
			break
		}
		switch b {
		case ',', ';', '\t', '|':
			counts[b]++
		}
	}
	best, bestN := byte(','), counts[',']
	for _, d := range []byte{';', '\t', '|'} {
		if counts[d] > bestN {
			best, bestN = d, counts[d]
		}
	}
	return rune(best)
}

// fixDecimalComma rewrites decimal commas as points, in a number cell
// ("8,5", "-0,25") and inside text ("2,5x1,5 cm", "1,5 months",
// "12,5 g IV"): a comma between digits becomes a point unless it is part of
// a list of three or more numbers ("1,2,3"), which is left as written.
func fixDecimalComma(s string) string {
	if strings.IndexByte(s, ',') < 0 {
		return s
	}
	isDigit := func(i int) bool { return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9' }
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] != ',' || !isDigit(i-1) || !isDigit(i+1) {
			continue
		}
		// Digits before and after this comma.
		start := i - 1
		for isDigit(start - 1) {
			start--
		}
		end := i + 1
		for isDigit(end + 1) {
			end++
		}
		list := (start > 0 && s[start-1] == ',' && isDigit(start-2)) || (end+1 < len(s) && s[end+1] == ',' && isDigit(end+2))
		if list {
			continue
		}
		if b == nil {
			b = []byte(s)
		}
		b[i] = '.'
	}
	if b == nil {
		return s
	}
	return string(b)
}

type limitError struct{}

func (*limitError) Error() string { return "record too large" }

// limitReader fails once more than max bytes were read since n was last
// reset, bounding the memory one record can take.
type limitReader struct {
	r   io.Reader
	n   int
	max int
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n > l.max {
		return 0, &limitError{}
	}
	if len(p) > 4096 {
		p = p[:4096]
	}
	n, err := l.r.Read(p)
	l.n += n
	return n, err
}

// textReader passes a CSV file's bytes on with every line ending made a
// LF: CRLF and LF are left to encoding/csv, and a lone CR (old Mac
// exports, or a mix) becomes LF, so that every line ending ends a record
// and line numbers count CR, LF and CRLF alike. It refuses, with the line
// and byte offset, a NUL byte or invalid UTF-8 anywhere in the file.
type textReader struct {
	r    io.Reader
	name string
	off  int64 // file offset of the next byte to check
	line int   // line of the next byte
	cr   bool  // the last byte checked was a CR
	buf  [32 << 10]byte
	tail []byte // an incomplete rune held back from the last read
	out  []byte
	err  error
}

func (t *textReader) Read(p []byte) (int, error) {
	for len(t.out) == 0 {
		if t.err != nil {
			return 0, t.err
		}
		n, err := t.r.Read(t.buf[:])
		chunk := append(t.tail, t.buf[:n]...)
		t.tail = nil
		if err == nil {
			k := incompleteSuffix(chunk)
			t.tail = append([]byte(nil), chunk[len(chunk)-k:]...)
			chunk = chunk[:len(chunk)-k]
		}
		var perr error
		t.out, perr = t.process(chunk)
		switch {
		case perr != nil:
			t.err = perr
		case err != nil:
			t.err = err
		}
	}
	n := copy(p, t.out)
	t.out = t.out[n:]
	return n, nil
}

// process checks chunk and rewrites its line endings in place, returning
// the bytes to pass on and the first problem found.
func (t *textReader) process(chunk []byte) ([]byte, error) {
	w := 0
	for i := 0; i < len(chunk); {
		b := chunk[i]
		switch {
		case b == '\n' && t.cr: // the LF of a CRLF whose CR was passed on as LF
			t.cr = false
			i++
			t.off++
			continue
		case b == '\r':
			chunk[w] = '\n'
			w++
			i++
			t.off++
			t.line++
			t.cr = true
			continue
		case b == '\n':
			t.line++
		case b == 0:
			return chunk[:w], t.problem("binary", "not a text file: NUL byte at byte offset %d", "give a CSV export or a .parquet file")
		case b >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(chunk[i:])
			if r == utf8.RuneError && size == 1 {
				return chunk[:w], t.problem("not-utf8", fmt.Sprintf("not UTF-8 text: invalid byte 0x%02x at byte offset %%d", b), "re-save the file as \"CSV UTF-8\"")
			}
			copy(chunk[w:], chunk[i:i+size])
			w += size
			i += size
			t.off += int64(size)
			t.cr = false
			continue
		}
		t.cr = false
		chunk[w] = b
		w++
		i++
		t.off++
	}
	return chunk[:w], nil
}

func (t *textReader) problem(code, format, hint string) error {
	e := data.NewInputError(t.name, code, fmt.Sprintf(format, t.off), hint)
	e.Line = t.line
	return e
}

// incompleteSuffix returns the length of an incomplete UTF-8 sequence at
// the end of b, 0 if none.
func incompleteSuffix(b []byte) int {
	for k := 1; k <= utf8.UTFMax-1 && k <= len(b); k++ {
		c := b[len(b)-k]
		if c < utf8.RuneSelf {
			return 0
		}
		if utf8.RuneStart(c) {
			if utf8.FullRune(b[len(b)-k:]) {
				return 0
			}
			return k
		}
	}
	return 0
}
