package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runDocs runs `zoomsetup docs` in-process and returns its stderr and error.
func runDocs(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out, errw bytes.Buffer
	argv := append([]string{"zoomsetup", "docs", "--out", t.TempDir()}, args...)
	err := newApp(&out, &errw, func(string) string { return "" }).RunContext(context.Background(), argv)
	return errw.String(), err
}

// docsCopy copies the committed docs/ to a folder of the test's, so that a
// check that wrote by mistake could not change the committed guide.
func docsCopy(t *testing.T) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "docs")
	if err := os.CopyFS(dst, os.DirFS("../../docs")); err != nil {
		t.Fatal(err)
	}
	return dst
}

// hashes is the SHA-256 of every file under dir, by its path under dir.
func hashes(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	h := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		h[rel] = sha256.Sum256(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// sameFiles fails the test when after differs from before: a file added,
// removed or changed.
func sameFiles(t *testing.T, before, after map[string][32]byte) {
	t.Helper()
	for f, h := range after {
		if b, ok := before[f]; !ok {
			t.Errorf("--check added %s", f)
		} else if b != h {
			t.Errorf("--check changed %s", f)
		}
	}
	for f := range before {
		if _, ok := after[f]; !ok {
			t.Errorf("--check removed %s", f)
		}
	}
}

// TestDocsCheck runs docs --check on a copy of the committed guide, as it
// is and with a heading of the simulated MEETS page renamed: it passes on
// the first, fails on the second naming the pictures that show it, and
// writes nothing either way (every file hashed before and after).
func TestDocsCheck(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the browser")
	}
	cases := []struct {
		name  string
		args  []string
		fails string // a picture the failure names; "" when the check passes
	}{
		{"the committed guide", nil, ""},
		{"a label changed", []string{"--relabel", "Sitewide Settings=Site Settings"}, "meets-enter-credentials.png"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			docs := docsCopy(t)
			before := hashes(t, docs)
			if len(before) < 10 {
				t.Fatalf("the copy holds %d files", len(before))
			}
			log, err := runDocs(t, append([]string{"--check", "--docs", docs}, c.args...)...)
			switch {
			case c.fails == "" && err != nil:
				t.Fatalf("docs --check on the committed guide: %v\n%s", err, log)
			case c.fails != "" && (err == nil || exitCode(err) != exitUnexpected):
				t.Fatalf("docs --check passed after a label changed (err %v)\n%s", err, log)
			case c.fails != "" && !strings.Contains(err.Error(), c.fails):
				t.Fatalf("the error does not name the changed picture: %v", err)
			}
			sameFiles(t, before, hashes(t, docs))
		})
	}
}

func TestDocsTwiceGivesIdenticalImages(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the browser")
	}
	docs := t.TempDir()
	if log, err := runDocs(t, "--docs", docs); err != nil {
		t.Fatalf("%v\n%s", err, log)
	}
	first := map[string][]byte{}
	files, _ := filepath.Glob(filepath.Join(docs, "images", "*.png"))
	if len(files) < 10 {
		t.Fatalf("only %d images", len(files))
	}
	for _, f := range files {
		first[f], _ = os.ReadFile(f)
	}
	log, err := runDocs(t, "--docs", docs)
	if err != nil {
		t.Fatalf("%v\n%s", err, log)
	}
	for f, b := range first {
		again, _ := os.ReadFile(f)
		if !bytes.Equal(b, again) {
			t.Errorf("%s differs between two runs", filepath.Base(f))
		}
	}
	if !bytes.Contains([]byte(log), []byte("0 changed")) {
		t.Errorf("second run reported changes:\n%s", log)
	}
}
