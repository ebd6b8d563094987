// Command zoomsetup moves a CirQlive MEETS site from Zoom's retired JWT app to
// a Server-to-Server OAuth app by driving a real browser: it builds the app in
// the Zoom App Marketplace, enters its credentials in MEETS, and proves they
// work, leaving a screenshot of every step.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// version is printed by --version and recorded in every manifest.
const version = "0.1.0"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := newApp(os.Stdout, os.Stderr, os.Getenv).RunContext(ctx, os.Args)
	stop()
	code := exitCode(err)
	if err != nil && code != 0 && !errors.As(err, new(reported)) {
		fmt.Fprintln(os.Stderr, "zoomsetup:", err)
	}
	os.Exit(code)
}

// streams are where a command writes: results to Out, progress to Err.
type streams struct {
	Out, Err io.Writer
	Getenv   func(string) string
}
