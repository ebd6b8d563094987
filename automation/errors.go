package automation

import (
	"errors"
	"fmt"
)

// Kind sorts failures by what the user must do next; cmd/ maps each to an exit code.
type Kind int

// The kinds of failure, one per exit code of the command line.
const (
	KindUnexpected  Kind = iota // the page did not show what the step expected
	KindUsage                   // bad flags or input
	KindPerson                  // a person is needed: CAPTCHA, SSO, missing 2FA secret
	KindRejected                // sign-in rejected
	KindVerify                  // the credentials do not work
	KindMeets                   // MEETS refused the credentials
	KindInterrupted             // Ctrl-C, SIGTERM or a vanished browser
)

// Error is a failure with a kind and advice for the person reading it.
type Error struct {
	Kind Kind
	Msg  string // what happened, e.g. `the Add Scopes dialog did not list "x"`
	Hint string // what to do, e.g. "ask for the Server-to-Server OAuth app permission"
	Err  error
}

func (e *Error) Error() string {
	s := e.Msg
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	if e.Hint != "" {
		s += "; " + e.Hint
	}
	return s
}

// Unwrap exposes the cause.
func (e *Error) Unwrap() error { return e.Err }

// Fail builds an *Error of kind k.
func Fail(k Kind, hint string, format string, args ...any) *Error {
	return &Error{Kind: k, Msg: fmt.Sprintf(format, args...), Hint: hint}
}

// KindOf returns the kind of err: the innermost *Error's, or KindUnexpected.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindUnexpected
}

// StepError is a failed step: which, why, and where its evidence is.
type StepError struct {
	Step     string
	Evidence string // folder with the screenshot, HTML and console log
	Err      error
}

func (e *StepError) Error() string {
	s := e.Step + ": " + e.Err.Error()
	if e.Evidence != "" {
		s += " (evidence: " + e.Evidence + ")"
	}
	return s
}

// Unwrap exposes the cause.
func (e *StepError) Unwrap() error { return e.Err }
