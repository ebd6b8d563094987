// Package report writes report.html beside a run's manifest: the steps in
// order with their outcomes, times, addresses and screenshots, the failure
// first when there is one, and the result without secrets. It is one file
// that works offline and reads on a phone.
package report

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"path/filepath"

	a "zoomsetup/automation"
)

// Row is one line of the result table, e.g. {"Client ID", "PahMf…"}.
type Row struct{ Key, Value string }

//go:embed report.html.tmpl
var page string

var tmpl = template.Must(template.New("report").Funcs(template.FuncMap{
	"secs":     func(s float64) string { return fmt.Sprintf("%.1fs", s) },
	"base":     filepath.Base,
	"failshot": func(r a.StepRecord) string { return fmt.Sprintf("failure/%02d-%s.png", r.N, r.Name) },
}).Parse(page))

// Name is the report's file name in the run folder.
const Name = "report.html"

// Write renders the report of m with the result rows into dir/report.html
// and returns its path. rows must hold no secret; the manifest holds none.
func Write(dir string, m *a.Manifest, rows []Row) (string, error) {
	var failed *a.StepRecord
	for i := range m.Steps {
		if m.Steps[i].Outcome == a.Failed || m.Steps[i].Outcome == a.Interrupted {
			failed = &m.Steps[i]
		}
	}
	var b bytes.Buffer
	err := tmpl.Execute(&b, struct {
		M      *a.Manifest
		Failed *a.StepRecord
		Rows   []Row
	}{m, failed, rows})
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, Name)
	return path, a.WriteFileAtomic(path, b.Bytes(), 0o644)
}
