package simulator

import (
	"embed"
	"io/fs"
	"net/http"
)

// webFS holds every page, script and style sheet, so the simulator is one
// binary with no files to install and no external resources.
//
//go:embed web
var webFS embed.FS

// staticHandler serves web/static under /static/ on any listener.
func staticHandler() http.Handler {
	sub, err := fs.Sub(webFS, "web/static")
	if err != nil {
		panic(err) // the directory is embedded at build time
	}
	return http.StripPrefix("/static/", http.FileServerFS(sub))
}
