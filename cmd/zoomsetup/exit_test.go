package main

import (
	"context"
	"errors"
	"fmt"
	"testing"

	a "zoomsetup/automation"
)

func TestExitCode(t *testing.T) {
	cases := []struct {
		err  error
		want int
	}{
		{nil, 0},
		{usage(errors.New("bad flag")), 2},
		{&a.StepError{Step: "zoom-sign-in", Err: a.Fail(a.KindPerson, "", "captcha")}, 3},
		{&a.StepError{Step: "zoom-sign-in", Err: a.Fail(a.KindRejected, "", "wrong password")}, 4},
		{&a.StepError{Step: "zoom-add-scopes", Err: errors.New("no such box")}, 5},
		{&a.StepError{Step: "verify", Err: &a.Error{Kind: a.KindVerify, Msg: "x"}}, 6},
		{&a.StepError{Step: "meets-submit", Err: a.Fail(a.KindMeets, "", "refused")}, 7},
		{&a.StepError{Step: "zoom-create-app", Err: &a.Error{Kind: a.KindInterrupted, Msg: "interrupted"}}, 130},
		{fmt.Errorf("wrapped: %w", context.Canceled), 130},
		{errors.New("anything else"), 5},
	}
	for _, c := range cases {
		if got := exitCode(c.err); got != c.want {
			t.Errorf("exitCode(%v) = %d, want %d", c.err, got, c.want)
		}
	}
}
