package main

import (
	"context"
	"errors"

	"github.com/urfave/cli/v2"

	a "zoomsetup/automation"
)

// Exit codes, decided here and nowhere else.
const (
	exitOK          = 0
	exitUsage       = 2
	exitPerson      = 3
	exitRejected    = 4
	exitUnexpected  = 5
	exitVerify      = 6
	exitMeets       = 7
	exitInterrupted = 130
)

// usageError marks bad flags or input.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// usage wraps err as bad usage (exit 2).
func usage(err error) error {
	if err == nil {
		return nil
	}
	return usageError{err}
}

// exitCode maps an error to the documented exit code.
func exitCode(err error) int {
	if err == nil {
		return exitOK
	}
	var ue usageError
	var ec cli.ExitCoder
	switch {
	case errors.As(err, &ue):
		return exitUsage
	case errors.Is(err, context.Canceled):
		return exitInterrupted
	case errors.As(err, &ec):
		return ec.ExitCode()
	}
	var ae *a.Error
	if !errors.As(err, &ae) {
		return exitUnexpected
	}
	switch ae.Kind {
	case a.KindUsage:
		return exitUsage
	case a.KindPerson:
		return exitPerson
	case a.KindRejected:
		return exitRejected
	case a.KindVerify:
		return exitVerify
	case a.KindMeets:
		return exitMeets
	case a.KindInterrupted:
		return exitInterrupted
	}
	return exitUnexpected
}
