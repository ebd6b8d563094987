package main

import (
	"bytes"
	"context"
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

func TestDocsCheckPassesOnTheCommittedGuide(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the browser")
	}
	if log, err := runDocs(t, "--check", "--docs", "../../docs"); err != nil {
		t.Fatalf("docs --check on the committed guide: %v\n%s", err, log)
	}
}

// TestDocsCheckFailsWhenALabelChanges renames one heading of the simulated
// MEETS page: the check must fail and name the pictures that show it.
func TestDocsCheckFailsWhenALabelChanges(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the browser")
	}
	log, err := runDocs(t, "--check", "--docs", "../../docs", "--relabel", "Sitewide Settings=Site Settings")
	if err == nil || exitCode(err) != exitUnexpected {
		t.Fatalf("docs --check passed after a label changed (err %v)\n%s", err, log)
	}
	if !strings.Contains(err.Error(), "meets-enter-credentials.png") {
		t.Fatalf("the error does not name the changed picture: %v", err)
	}
	if _, serr := os.Stat("../../docs/images/meets-enter-credentials.png"); serr != nil {
		t.Fatal(serr)
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
