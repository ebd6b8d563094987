package simulator

import (
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
}

func newFaults(seed int64) *faults {
	return &faults{
		jitter:     rand.New(rand.NewPCG(uint64(seed), 3)),
		fail:       rand.New(rand.NewPCG(uint64(seed), 4)),
		drop:       rand.New(rand.NewPCG(uint64(seed), 5)),
		dropUntil:  map[string]time.Time{},
		failedPath: map[string]bool{},
		failedCall: map[string]bool{},
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
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.Close()
				return
			}
		}
		panic(http.ErrAbortHandler)
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
