package figure

import (
	"bytes"
	"flag"
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
