package simulator

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
)

// relabeled serves h with every Options.Relabel replacement applied to the
// text it sends (HTML, scripts, JSON), so a test or a rehearsal can show what
// happens when Zoom or MEETS renames a button.
func (s *Sim) relabeled(h http.Handler) http.Handler {
	if len(s.opts.Relabel) == 0 {
		return h
	}
	pairs := make([]string, 0, 2*len(s.opts.Relabel))
	for old, repl := range s.opts.Relabel {
		pairs = append(pairs, old, repl)
	}
	rep := strings.NewReplacer(pairs...)
	text := func(ct string) bool {
		return strings.Contains(ct, "text/") || strings.Contains(ct, "javascript") || strings.Contains(ct, "json")
	}
	return rewriting(h, text, func(body []byte) []byte { return []byte(rep.Replace(string(body))) })
}

// rewriting serves h with its answers of a content type that when accepts
// passed through rewrite first: the simulator's way to change every page of
// every rendering alike (new words, the secret colour).
func rewriting(h http.Handler, when func(contentType string) bool, rewrite func([]byte) []byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		buf := &bufferedWriter{header: w.Header(), code: http.StatusOK}
		h.ServeHTTP(buf, r)
		body := buf.body.Bytes()
		ct := w.Header().Get("Content-Type")
		if ct == "" {
			ct = http.DetectContentType(body)
		}
		if when(ct) {
			body = rewrite(body)
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		}
		w.WriteHeader(buf.code)
		_, _ = w.Write(body)
	})
}

// bufferedWriter holds a response so it can be rewritten before it is sent.
type bufferedWriter struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func (b *bufferedWriter) Header() http.Header         { return b.header }
func (b *bufferedWriter) Write(p []byte) (int, error) { return b.body.Write(p) }
func (b *bufferedWriter) WriteHeader(code int)        { b.code = code }
