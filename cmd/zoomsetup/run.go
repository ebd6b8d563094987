package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/urfave/cli/v2"

	a "zoomsetup/automation"
	"zoomsetup/flows"
	"zoomsetup/report"
	"zoomsetup/secret"
)

// job is one browser run: its plan, its steps and where it writes.
type job struct {
	command  string
	plan     flows.Plan
	result   *flows.Result
	steps    func(flows.Plan, *flows.Result) []a.Step
	secrets  []secret.Secret // known before the run: passwords, TOTP seed, a loaded client secret
	pictures *a.Illustrator  // documentation mode: the guide's pictures
	scale    float64         // device scale factor of the screenshots

	browser a.BrowserOptions // filled by runJob from the flags
	live    *a.Live          // the live view of --assisted, listening; nil without
}

// newRunDir makes <out>/<run-id>, unique even for runs in the same second.
func newRunDir(out string) (string, string, error) {
	b := make([]byte, 3)
	_, _ = rand.Read(b)
	id := time.Now().Format("20060102-150405") + "-" + hex.EncodeToString(b)
	dir := filepath.Join(out, id)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", "", usage(fmt.Errorf("--out %q: %w", out, err))
	}
	return id, dir, nil
}

// runJob makes the run folder, has build fill the job for it, and runs it.
// Options are checked before, so bad input leaves no empty folder behind.
func runJob(c *cli.Context, env streams, build func(dir string) job) error {
	opts, err := browserOptions(c, env)
	if err != nil {
		return err
	}
	live, err := liveView(c)
	if err != nil {
		return err
	}
	if live != nil {
		defer live.Close()
	}
	id, dir, err := newRunDir(c.String("out"))
	if err != nil {
		return err
	}
	j := build(dir)
	j.browser, j.live = opts, live
	j.browser.Scale = j.scale
	return run(c.Context, c, env, j, id, dir)
}

// run starts Chrome, runs the job's steps with the runner, records the
// manifest and prints the result. It closes Chrome on every path.
func run(ctx context.Context, c *cli.Context, env streams, j job, id, dir string) error {
	redactor := &secret.Redactor{}
	for _, s := range j.secrets {
		redactor.Add(s)
	}
	note := func(format string, args ...any) {
		fmt.Fprintln(env.Err, "      · "+redactor.Redact(fmt.Sprintf(format, args...)))
	}
	man := a.NewManifest(dir, id, j.command, version)
	fmt.Fprintf(env.Err, "zoomsetup %s: run %s in %s\n", j.command, id, dir)

	opts := j.browser
	b, err := a.Launch(ctx, opts)
	if err != nil {
		if errors.Is(err, a.ErrNoBrowser) {
			return usage(err)
		}
		if opts.RemoteURL != "" {
			return usage(fmt.Errorf("--browser-url (or ZOOMSETUP_BROWSER_URL): %w", err))
		}
		return err
	}
	defer func() { b.Close() }()
	man.Browser, man.BrowserStart = b.Path, b.Start.Seconds()
	if b.Remote != "" {
		fmt.Fprintf(env.Err, "      · using the browser at %s, in a browser context of this run's (opened in %.1fs)\n", b.Remote, b.Start.Seconds())
	} else {
		fmt.Fprintf(env.Err, "      · chrome started in %.1fs\n", b.Start.Seconds())
	}

	envir := j.plan.Env(note, redactor)
	s := &a.Session{
		Tab:         a.WithEnv(b.Tab, envir),
		Secrets:     redactor,
		Logf:        note,
		ShowSecrets: j.plan.Zoom.ShowSecret,
		Hidden:      j.plan.Hidden(),
		Illustrator: j.pictures,
		Live:        j.live,
	}
	r := &a.Runner{Dir: dir, StepTimeout: c.Duration("step-timeout"), Progress: env.Err, Manifest: man, Console: a.WatchConsole(b.Tab),
		NoPictures: c.Bool("no-screenshots")}
	steps := j.steps(j.plan, j.result)
	// Steps run under the tab's context, a child of ctx, so Ctrl-C reaches them.
	runErr := r.Run(s.Tab, s, steps)
	if runErr != nil && ctx.Err() == nil && b.Gone() {
		// Chrome died under the run: start it once more and resume at the
		// sign-in that leads back to the step it died in. Steps converge,
		// so those already done on the way report "already".
		from := a.EntryBefore(steps, stepIndex(steps, lastStep(man)))
		again := "starting it again"
		if b.Remote != "" {
			again = "connecting again"
		}
		note("%s in the middle of the run; %s and resuming at %s", gone(b), again, steps[from].Name)
		b.Close()
		if nb, err := a.Launch(ctx, opts); err == nil {
			b = nb
			s.Tab = a.WithEnv(b.Tab, envir)
			r.Console = a.WatchConsole(b.Tab)
			runErr = r.RunFrom(s.Tab, s, steps, from)
		}
	}
	switch {
	case runErr == nil:
	case ctx.Err() != nil:
		runErr = &a.StepError{Step: lastStep(man), Err: &a.Error{Kind: a.KindInterrupted,
			Msg: "interrupted; what was read so far is kept in " + dir, Hint: "run the same command again to finish"}}
	case b.Gone():
		runErr = &a.StepError{Step: lastStep(man), Err: &a.Error{Kind: a.KindInterrupted,
			Msg: gone(b) + " in the middle of the run; what was read so far is kept in " + dir, Hint: "run the same command again to finish", Err: runErr}}
	}

	outcome, errText := a.Done, ""
	if runErr != nil {
		outcome, errText = a.Failed, redactor.Redact(runErr.Error())
		if a.KindOf(runErr) == a.KindInterrupted {
			outcome = a.Interrupted
		}
	}
	if err := man.Finish(outcome, errText, j.result); err != nil && runErr == nil {
		runErr = err
	}
	if runErr == nil {
		printResult(env, c.Bool("json"), j.result, dir)
	}
	fmt.Fprintf(env.Err, "manifest: %s\n", man.Path())
	if runErr != nil {
		// Said here, so that the report's line stays the last one.
		fmt.Fprintln(env.Err, "zoomsetup:", redactor.Redact(runErr.Error()))
		runErr = reported{runErr}
	}
	if path, err := report.Write(dir, man, resultRows(j.result, dir)); err != nil {
		fmt.Fprintf(env.Err, "could not write the report: %v\n", err)
	} else {
		fmt.Fprintf(env.Err, "report: %s\n", path)
	}
	return runErr
}

// gone says how the browser went away: Chrome exited, or the connection to
// a running one was lost.
func gone(b *a.Browser) string {
	if b.Remote != "" {
		return "the connection to the browser at " + b.Remote + " was lost"
	}
	return "Chrome exited"
}

// reported is an error already printed on stderr; main only maps it to an exit code.
type reported struct{ error }

func (r reported) Unwrap() error { return r.error }

// stepIndex is the index of the step named name, or 0.
func stepIndex(steps []a.Step, name string) int {
	for i, st := range steps {
		if st.Name == name {
			return i
		}
	}
	return 0
}

func lastStep(m *a.Manifest) string {
	if len(m.Steps) == 0 {
		return "start"
	}
	return m.Steps[len(m.Steps)-1].Name
}

// printResult writes the result to stdout: a short table, or one JSON object.
func printResult(env streams, asJSON bool, r *flows.Result, dir string) {
	if asJSON {
		out := struct {
			*flows.Result
			RunDir string `json:"run_dir,omitempty"`
		}{r, dir}
		b, _ := json.MarshalIndent(out, "", "  ")
		fmt.Fprintln(env.Out, string(b))
		return
	}
	for _, row := range resultRows(r, dir) {
		fmt.Fprintf(env.Out, "%-12s %s\n", row.Key, row.Value)
	}
}

// resultRows is the result in a person's words, for stdout and the report. It holds no secret.
func resultRows(r *flows.Result, dir string) []report.Row {
	var rows []report.Row
	row := func(k, v string) {
		if v != "" {
			rows = append(rows, report.Row{Key: k, Value: v})
		}
	}
	if r.App != "" {
		state := "not activated"
		if r.Activated {
			state = "activated"
		}
		row("app", fmt.Sprintf("%s (Server-to-Server OAuth, %s)", r.App, state))
	}
	row("account id", r.AccountID)
	row("client id", r.ClientID)
	if len(r.Scopes) > 0 {
		row("scopes", fmt.Sprintf("%d %s", len(r.Scopes), r.Catalogue))
	}
	if r.Meets != nil {
		switch {
		case r.Meets.Already:
			row("meets", "already held these credentials")
		case r.Meets.Saved:
			row("meets", "credentials saved and accepted")
		}
	}
	if v := r.Verified; v != nil {
		if v.CheckPassed {
			row("verified", fmt.Sprintf("token minted, %d scopes, GET %s answered", len(v.Scopes), v.Check))
		} else {
			row("verified", "failed")
		}
	}
	row("credentials", r.CredsFile)
	row("backup", r.Backup)
	row("run", dir)
	if !r.Changed && r.App != "" {
		row("changes", "none: everything was already in place")
	}
	return rows
}
