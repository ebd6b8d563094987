package flows

import (
	"bytes"
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/template"

	a "zoomsetup/automation"
)

//go:embed guide.md.tmpl
var guideText string

var guideTmpl = template.Must(template.New("guide").Funcs(template.FuncMap{
	"img": func(string) (string, error) { return "", nil }, // replaced per run by Guide
	"scopeGroup": func(name string) string {
		g := strings.TrimPrefix(name, "zoom-scopes-")
		if t, ok := groupTitles[g]; ok {
			return t
		}
		return g
	},
}).Parse(guideText))

// groupTitles names the picker's products by the id prefix of their scopes.
var groupTitles = map[string]string{
	"meeting": "Meeting", "webinar": "Webinar", "cloud_recording": "Recording", "recording": "Recording",
	"user": "User", "report": "Report",
}

// Guide renders the setup guide from the pictures a documentation run took,
// in the order of the published MEETS guide.
func Guide(shots []a.Illustration) ([]byte, error) {
	files := map[string]string{}
	var scopes []a.Illustration
	for _, s := range shots {
		files[s.Name] = "images/" + s.File
		if strings.HasPrefix(s.Name, "zoom-scopes-") {
			scopes = append(scopes, s)
		}
	}
	t, err := guideTmpl.Clone()
	if err != nil {
		return nil, err
	}
	// A picture the run did not take is an error, not an empty link.
	t.Funcs(template.FuncMap{"img": func(name string) (string, error) {
		f, ok := files[name]
		if !ok {
			return "", fmt.Errorf("the run took no picture %q", name)
		}
		return f, nil
	}})
	var b bytes.Buffer
	err = t.Execute(&b, struct {
		Scopes []a.Illustration
	}{scopes})
	return b.Bytes(), err
}

// WriteGuide writes guide.md into dir unless it is already the same; it
// reports whether it differed. With dryRun it only compares.
func WriteGuide(dir string, shots []a.Illustration, dryRun bool) (bool, error) {
	md, err := Guide(shots)
	if err != nil {
		return false, err
	}
	path := filepath.Join(dir, "guide.md")
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, md) {
		return false, nil
	}
	if dryRun {
		return true, nil
	}
	return true, a.WriteFileAtomic(path, md, 0o644)
}
