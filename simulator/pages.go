package simulator

import (
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"slices"
)

// pagesFS holds every rendering's pages, scripts and style sheets, so the
// simulator is one binary with no files to install and no external resources.
// pages/README.md says what a rendering must provide.
//
//go:embed pages
var pagesFS embed.FS

// Renderings are the ways the simulator can draw the same sites: the same
// state, the same HTTP semantics and the same words, with markup, scripts and
// styles of their own. A flow that works on one must work on all.
var Renderings = []string{"first", "second", "third", "fourth"}

// rendering is one set of pages: the templates each site executes and the
// static files it serves under /static/.
type rendering struct {
	zoom   *template.Template // signin.html, otp.html, profile.html, notfound.html; data zoomPage
	market *template.Template // index.html, the Marketplace's shell; data zoomPage
	meets  *template.Template // login.html, general.html, users.html, integrations.html, conferencing.html, unavailable.html; data meetsPage
	static http.Handler
}

// loadRendering parses the pages of the named rendering.
func loadRendering(name string) (*rendering, error) {
	if name == "" {
		name = Renderings[0]
	}
	if !slices.Contains(Renderings, name) {
		return nil, fmt.Errorf("unknown rendering %q (have %v)", name, Renderings)
	}
	root, err := fs.Sub(pagesFS, "pages/"+name)
	if err != nil {
		return nil, err
	}
	r := &rendering{}
	if r.zoom, err = template.ParseFS(root, "zoom/*.html"); err != nil {
		return nil, fmt.Errorf("rendering %q: %w", name, err)
	}
	if r.market, err = template.ParseFS(root, "marketplace/index.html", "zoom/banner.html"); err != nil {
		return nil, fmt.Errorf("rendering %q: %w", name, err)
	}
	if r.meets, err = template.ParseFS(root, "meets/*.html"); err != nil {
		return nil, fmt.Errorf("rendering %q: %w", name, err)
	}
	static, err := fs.Sub(root, "static")
	if err != nil {
		return nil, err
	}
	r.static = http.StripPrefix("/static/", http.FileServerFS(static))
	return r, nil
}

// idpPages is the identity provider's one page, its own look on its own
// origin, as a university's single sign-on would be; every rendering shares it.
var idpPages = template.Must(template.ParseFS(pagesFS, "pages/idp/*.html"))

// idpStatic serves the identity provider's style sheet.
func idpStatic() http.Handler {
	sub, err := fs.Sub(pagesFS, "pages/idp/static")
	if err != nil {
		panic(err) // embedded at build time
	}
	return http.StripPrefix("/static/", http.FileServerFS(sub))
}
