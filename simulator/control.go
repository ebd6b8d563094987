package simulator

import (
	"net/http"
	"time"
)

// controlHandler serves the test-only control listener: GET /state returns
// the whole State as JSON, secrets included, so any process can check what
// changed on the server; POST /advance?by=DURATION moves the simulator's
// clock as Advance does, for a simulator running in another process.
func (s *Sim) controlHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /state", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, s.State())
	})
	mux.HandleFunc("POST /advance", func(w http.ResponseWriter, r *http.Request) {
		d, err := time.ParseDuration(r.URL.Query().Get("by"))
		if err != nil || d < 0 {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "by must be a duration such as 15s"})
			return
		}
		s.Advance(d)
		writeJSON(w, http.StatusOK, map[string]string{"advanced": d.String()})
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "not found"})
	})
	return mux
}
