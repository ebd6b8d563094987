package simulator

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"strings"
	"time"
)

// faults holds the random sources and memory of the injected faults; every
// access holds Sim.mu. Jitter and failures draw from separate streams, so
// polling /state (which is delayed too) never changes which requests fail.
type faults struct {
	jitter *rand.Rand
	fail   *rand.Rand
	drop   *rand.Rand

	// failedPath and failedCall remember the paths, and the method and path
	// pairs, whose last request was failed: the next one always gets through.
	failedPath map[string]bool
	failedCall map[string]bool

	// dropUntil holds, per path, when its dropping ends (the simulator's clock).
	dropUntil map[string]time.Time

	served      int           // responses replaced by an injected 5xx
	dropped     int           // requests left unanswered
	jitterAdded time.Duration // sum of the random delays

	fired      map[int]int          // Options.Faults[i] -> times it failed a request
	dropsUntil map[string]time.Time // a call a scripted drop closed, -> when dropping it ends (wall clock)
	scripted   int                  // requests failed by Options.Faults
	committed  int                  // of those, carried out before the failure
}

func newFaults(seed int64) *faults {
	return &faults{
		jitter:     rand.New(rand.NewPCG(uint64(seed), 3)),
		fail:       rand.New(rand.NewPCG(uint64(seed), 4)),
		drop:       rand.New(rand.NewPCG(uint64(seed), 5)),
		dropUntil:  map[string]time.Time{},
		failedPath: map[string]bool{},
		failedCall: map[string]bool{},
		fired:      map[int]int{},
		dropsUntil: map[string]time.Time{},
	}
}

// delay is how long the next response waits: Latency plus a random 0..Jitter.
func (s *Sim) delay() time.Duration {
	d := s.opts.Latency
	if s.opts.Jitter <= 0 {
		return d
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	j := time.Duration(s.w.faults.jitter.Int64N(int64(s.opts.Jitter) + 1))
	s.w.faults.jitterAdded += j
	return d + j
}

// failNow decides whether this request is answered with an injected 5xx and
// counts it. It never fails a request whose path, or whose method and path,
// failed last time, so that a retry always gets through.
func (s *Sim) failNow(r *http.Request) bool {
	if s.opts.FailRate <= 0 {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.w.faults
	path, call := r.URL.Path, r.Method+" "+r.URL.Path
	if f.failedPath[path] || f.failedCall[call] {
		delete(f.failedPath, path)
		delete(f.failedCall, call)
		return false
	}
	if f.fail.Float64() >= s.opts.FailRate {
		return false
	}
	f.failedPath[path] = true
	f.failedCall[call] = true
	f.served++
	return true
}

// failStatuses are the answers an injected Marketplace failure picks from.
var failStatuses = []int{http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable}

// mpFail answers a Marketplace API request with a random 5xx.
func (s *Sim) mpFail(w http.ResponseWriter) {
	s.mu.Lock()
	code := failStatuses[s.w.faults.fail.IntN(len(failStatuses))]
	s.mu.Unlock()
	writeJSON(w, code, mpError{Error: http.StatusText(code)})
}

// meetsDown reports whether MEETS is still down (Options.MeetsDownFor) and
// counts the refused request when it is.
func (s *Sim) meetsDown() bool {
	if s.opts.MeetsDownFor <= 0 {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.meetsDownLocked() {
		return false
	}
	s.w.faults.served++
	return true
}

// meetsDownLocked reports whether MEETS is still down; s.mu is held.
func (s *Sim) meetsDownLocked() bool {
	return s.opts.MeetsDownFor > 0 && s.now().Before(s.started.Add(s.opts.MeetsDownFor))
}

// meetsUnavailable answers 503 with a page that has a heading and a link that
// asks for the same address again.
func (s *Sim) meetsUnavailable(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Retry-After", "5")
	w.WriteHeader(http.StatusServiceUnavailable)
	again := r.URL.RequestURI()
	if !strings.HasPrefix(again, "/") {
		again = "/"
	}
	s.pages.meets.ExecuteTemplate(w, "unavailable.html", meetsPage{Title: "Service temporarily unavailable", Again: again, Variation: s.variation()})
}

// dropFor is how long a dropped path keeps failing: long enough that the
// browser's own immediate retry of a request on a closed connection fails
// too, so the failure shows as a network error page or a failed fetch.
const dropFor = 400 * time.Millisecond

// dropping wraps a site's handler with Options.DropRate: a drawn request
// gets no answer, its connection closed as a network failure looks, and its
// path keeps failing for dropFor, then gets through. Static files and the
// Marketplace's session probe are never dropped.
func (s *Sim) dropping(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/static/") || r.URL.Path == "/api/session" || !s.dropNow(r.URL.Path) {
			h.ServeHTTP(w, r)
			return
		}
		hangUp(w)
	})
}

// dropNow decides whether a request to path goes unanswered, and counts it.
func (s *Sim) dropNow(path string) bool {
	if s.opts.DropRate <= 0 {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.w.faults
	now := s.now()
	if until, ok := f.dropUntil[path]; ok {
		if now.Before(until) {
			f.dropped++
			return true
		}
		delete(f.dropUntil, path)
		return false
	}
	if f.drop.Float64() >= s.opts.DropRate {
		return false
	}
	f.dropUntil[path] = now.Add(dropFor)
	f.dropped++
	return true
}

// Fault is a failure scripted for one kind of request: a test says which
// request fails, whether it was carried out first, how it fails and how
// often, where FailRate and DropRate only draw at random among requests
// that change nothing.
type Fault struct {
	// Call is the method and path the fault applies to, with {name} for a
	// segment that varies: "POST /api/apps", "PUT /api/apps/{id}/scopes",
	// "POST /api/apps/{id}/activate", "POST /admin/conferencing".
	Call string
	// After carries the request out before failing it: the app is created,
	// the scopes or the credentials saved, and then the answer is lost.
	After bool
	// Drop closes the connection without an answer instead of answering
	// 5xx (the browser's immediate resend of the same call is dropped too).
	Drop bool
	// Times is how many matching requests in a row fail before the next
	// gets through; Forever fails every one.
	Times int
}

// Forever is the Times of a fault that never ends.
const Forever = -1

// check refuses a fault that cannot apply.
func (f Fault) check() error {
	method, path, ok := strings.Cut(f.Call, " ")
	switch {
	case !ok || method == "" || !strings.HasPrefix(path, "/"):
		return fmt.Errorf("fault %q: Call must be a method and a path, such as \"POST /api/apps\"", f.Call)
	case f.Times == 0 || f.Times < Forever:
		return fmt.Errorf("fault %q: Times must be at least 1, or Forever", f.Call)
	}
	return nil
}

// matches reports whether r is a request f applies to.
func (f Fault) matches(r *http.Request) bool {
	method, path, _ := strings.Cut(f.Call, " ")
	if method != r.Method {
		return false
	}
	want, got := strings.Split(path, "/"), strings.Split(r.URL.Path, "/")
	if len(want) != len(got) {
		return false
	}
	for i, w := range want {
		wild := strings.HasPrefix(w, "{") && strings.HasSuffix(w, "}")
		if (wild && got[i] == "") || (!wild && w != got[i]) {
			return false
		}
	}
	return true
}

// scriptedFault decides whether a scripted fault (Options.Faults) fails r,
// and counts it: the first fault that matches and has not run out.
func (s *Sim) scriptedFault(r *http.Request) (Fault, bool) {
	if len(s.opts.Faults) == 0 {
		return Fault{}, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.w.faults
	call := r.Method + " " + r.URL.Path
	if until, ok := f.dropsUntil[call]; ok {
		if s.wall().Before(until) {
			f.dropped++
			return Fault{Call: call, Drop: true}, true
		}
		delete(f.dropsUntil, call)
	}
	for i, sf := range s.opts.Faults {
		if !sf.matches(r) {
			continue
		}
		if sf.Times != Forever && f.fired[i] >= sf.Times {
			return Fault{}, false
		}
		f.fired[i]++
		f.scripted++
		if sf.After {
			f.committed++
		}
		if sf.Drop {
			f.dropped++
			f.dropsUntil[call] = s.wall().Add(dropFor)
		} else {
			f.served++
		}
		return sf, true
	}
	return Fault{}, false
}

// serveScripted serves r with h, unless a scripted fault fails it: then h
// runs first (its answer thrown away) when the fault comes after the fact,
// and fail answers, or the connection is closed.
func (s *Sim) serveScripted(w http.ResponseWriter, r *http.Request, h http.Handler, fail func(http.ResponseWriter, *http.Request)) {
	sf, ok := s.scriptedFault(r)
	if !ok {
		h.ServeHTTP(w, r)
		return
	}
	if sf.After {
		h.ServeHTTP(&bufferedWriter{header: http.Header{}, code: http.StatusOK}, r)
	}
	if !sf.Drop {
		fail(w, r)
		return
	}
	hangUp(w)
}

// hangUp closes the request's connection without an answer, as a network
// failure does.
func hangUp(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			conn.Close()
			return
		}
	}
	panic(http.ErrAbortHandler)
}
