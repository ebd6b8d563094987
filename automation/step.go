package automation

import (
	"context"
	"time"

	"github.com/chromedp/chromedp"

	"zoomsetup/secret"
)

// Outcome is what a step did, in the words of the progress line and the manifest.
type Outcome string

// The outcomes of a step.
const (
	Done        Outcome = "done"        // the step changed something
	Already     Outcome = "already"     // the state was already as wanted
	Skipped     Outcome = "skipped"     // not asked for
	Failed      Outcome = "failed"      // it returned an error
	Interrupted Outcome = "interrupted" // the run was stopped during it
)

// Step is one named unit of a flow. It first looks at the page, then does
// only what is missing, and reports which. Name is stable and names its
// screenshot; Title is what the setup guide calls it.
type Step struct {
	Name  string
	Title string
	Run   func(ctx context.Context, s *Session) (Outcome, error)
	Mask  []Locator // elements to hide in the screenshot (secrets, identifiers)

	// Timeout replaces the runner's step deadline when set: a step that
	// waits for a person (assisted sign-in) needs minutes, not seconds.
	Timeout time.Duration

	// Entry marks a step that opens its site from nothing (a sign-in): a
	// run resumed in a new browser starts again at the last entry before
	// the step it stopped in.
	Entry bool
}

// EntryBefore is the index of the last Entry step at or before steps[i],
// or 0: where a run that stopped in steps[i] resumes in a new browser.
func EntryBefore(steps []Step, i int) int {
	for j := min(i, len(steps)-1); j > 0; j-- {
		if steps[j].Entry {
			return j
		}
	}
	return 0
}

// Session is what a step works with: the browser tab, the secrets to keep
// out of every output, and a place for notes.
type Session struct {
	Tab         context.Context // the tab; it has already run, so deadlines derived from it are safe
	Secrets     *secret.Redactor
	ShowSecrets bool                             // leave the secrets ShowInPictures names unmasked in screenshots (they stay out of text)
	Hidden      []Locator                        // where the sites show secrets: masked in every picture, whatever step took it, unless ShowSecrets
	Illustrator *Illustrator                     // set in documentation mode: steps then picture the moment before each action
	Logf        func(format string, args ...any) // notes on stderr; already redacted
	Live        *Live                            // serves hand-offs to a person anywhere; nil: the person uses the browser's window

	shown []string // the values ShowInPictures named
}

// ShowInPictures names a secret the user asked to see in the screenshots
// (--show-secret: the client secret). Under ShowSecrets it is left
// unmasked; every other secret (a password, an old API Secret) stays masked.
func (s *Session) ShowInPictures(v secret.Secret) {
	s.shown = append(s.shown, v.Reveal())
}

// Do runs actions in the step's context, in order.
func (s *Session) Do(ctx context.Context, actions ...chromedp.Action[chromedp.Void]) error {
	return chromedp.Do(ctx, actions...)
}

// Note writes a note about the step to stderr, with secrets redacted.
func (s *Session) Note(format string, args ...any) {
	if s.Logf != nil {
		s.Logf(format, args...)
	}
}
