package figure

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"gonum.org/v1/plot/cmpimg"
)

var update = flag.Bool("update", false, "rewrite the pixel goldens in testdata/")

// goldenFigures are the figure kinds with a pixel golden, at NatureSingle.
var goldenFigures = map[string]func() Figure{
	"forest":  func() Figure { return sampleForest() },
	"bars":    func() Figure { return sampleBars() },
	"swimmer": func() Figure { return sampleSwimmer() },
	"cumresp": func() Figure { return sampleCum() },
	"dose":    func() Figure { return sampleDose(false) },
	// page 2 of a metafor-style forest split over pages: headings, weights,
	// diamonds with prediction intervals, heterogeneity lines that grid
	// lines stop at, and "Page 2 of n".
	"forest_page": func() Figure {
		pages, err := Paginate(manyDrugForest(12, 3), NatureSingle)
		if err != nil || len(pages) < 2 {
			panic(fmt.Sprintf("forest_page golden: %d pages, %v", len(pages), err))
		}
		return pages[1]
	},
	// a swimmer with more regimens than legend keys: the regimens with the
	// most lanes in colour, the others grey.
	"swimmer_keys": func() Figure { return manyRegimenSwimmer() },
}

// manyRegimenSwimmer has 11 regimens over 20 lanes: three with four
// lanes, eight with one.
func manyRegimenSwimmer() Swimmer {
	s := Swimmer{Unit: "months", SortByDuration: true}
	for i := 0; i < 20; i++ {
		reg := fmt.Sprintf("regimen %c", 'A'+rune(i%14))
		if i < 9 {
			reg = fmt.Sprintf("regimen %c", 'A'+rune(i%3))
		}
		ln := Lane{Study: fmt.Sprintf("Author%d et al. 20%02d", i%6, 10+i), Case: fmt.Sprint(i + 1), Regimen: reg,
			Duration: float64(2 + (i*7)%23), FollowUp: float64(4 + (i*11)%30)}
		if i%4 == 0 {
			ln.Events = append(ln.Events, LaneEvent{Time: 1, Kind: EventResponse})
		}
		s.Lanes = append(s.Lanes, ln)
	}
	return s
}

// TestPixelGoldens renders each figure kind at NatureSingle to PNG and
// compares it with testdata/golden_<kind>.png (gonum/plot's cmpimg, a YIQ
// colour distance of at most 0.01 per pixel), so that any change to the
// drawing shows in review: rewrite with go test ./reports/figure -run
// TestPixelGoldens -update and look at the new PNGs. A failure writes the
// new image and a difference image to the test's temporary directory.
func TestPixelGoldens(t *testing.T) {
	for name, mk := range goldenFigures {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Render(&b, mk(), NatureSingle, PNG); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "golden_"+name+".png")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			ok, err := cmpimg.EqualApprox("png", b.Bytes(), want, 0.01)
			if err != nil {
				t.Fatal(err)
			}
			if !ok {
				dir := t.TempDir()
				got := filepath.Join(dir, name+".png")
				_ = os.WriteFile(got, b.Bytes(), 0o644)
				g, _ := png.Decode(bytes.NewReader(b.Bytes()))
				w, _ := png.Decode(bytes.NewReader(want))
				if g != nil && w != nil {
					d := image.NewRGBA(g.Bounds().Union(w.Bounds()))
					draw.Draw(d, d.Bounds(), image.White, image.Point{}, draw.Src)
					cmpimg.Diff(d, g, w)
					var db bytes.Buffer
					_ = png.Encode(&db, d)
					_ = os.WriteFile(filepath.Join(dir, name+"_diff.png"), db.Bytes(), 0o644)
				}
				t.Errorf("%s differs from %s (new image and difference in %s; rewrite with -update if intended)", name, path, dir)
			}
		})
	}
}
