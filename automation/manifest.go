package automation

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Manifest is the record of a run: what ran, in which order, with what
// outcome and evidence. It holds no secret and is rewritten after each step,
// so an interrupted run still leaves an accurate one.
type Manifest struct {
	mu sync.Mutex

	RunID        string       `json:"run_id"`
	Command      string       `json:"command"`
	Version      string       `json:"version"`
	Browser      string       `json:"browser,omitempty"`
	BrowserStart float64      `json:"browser_start_seconds,omitempty"`
	Started      time.Time    `json:"started"`
	Finished     *time.Time   `json:"finished,omitempty"`
	Outcome      Outcome      `json:"outcome,omitempty"`
	Error        string       `json:"error,omitempty"`
	Steps        []StepRecord `json:"steps"`
	Result       any          `json:"result,omitempty"`

	path string
}

// StepRecord is one step's line in the manifest.
type StepRecord struct {
	N          int       `json:"n"`
	Name       string    `json:"name"`
	Title      string    `json:"title"`
	Outcome    Outcome   `json:"outcome"`
	URL        string    `json:"url,omitempty"`
	Start      time.Time `json:"start"`
	Seconds    float64   `json:"seconds"`
	Screenshot string    `json:"screenshot,omitempty"`
	Masked     []Rect    `json:"masked,omitempty"`
	Error      string    `json:"error,omitempty"`
	Evidence   string    `json:"evidence,omitempty"`
}

// NewManifest starts the manifest of a run kept in dir.
func NewManifest(dir, runID, command, version string) *Manifest {
	return &Manifest{RunID: runID, Command: command, Version: version, Started: time.Now().UTC(),
		Steps: []StepRecord{}, path: filepath.Join(dir, "manifest.json")}
}

// Path is where the manifest is written.
func (m *Manifest) Path() string { return m.path }

// add appends a step record and saves.
func (m *Manifest) add(r StepRecord) error {
	m.mu.Lock()
	m.Steps = append(m.Steps, r)
	m.mu.Unlock()
	return m.Save()
}

// Finish records the end of the run and saves.
func (m *Manifest) Finish(outcome Outcome, errText string, result any) error {
	m.mu.Lock()
	now := time.Now().UTC()
	m.Finished, m.Outcome, m.Error, m.Result = &now, outcome, errText, result
	m.mu.Unlock()
	return m.Save()
}

// Save writes the manifest atomically (a reader never sees half a file).
func (m *Manifest) Save() error {
	m.mu.Lock()
	b, err := json.MarshalIndent(m, "", "  ")
	m.mu.Unlock()
	if err != nil {
		return err
	}
	return WriteFileAtomic(m.path, append(b, '\n'), 0o644)
}

// WriteFileAtomic writes data to a temporary file beside path with mode perm
// and renames it over path, so the file is never seen half written and never
// exists, even briefly, with a wider mode.
func WriteFileAtomic(path string, data []byte, perm os.FileMode) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-"+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	if err := f.Chmod(perm); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
