package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	a "zoomsetup/automation"
	"zoomsetup/flows"
	"zoomsetup/secret"
	"zoomsetup/zoomapi"
)

// newApp builds the command line. out and errw are stdout and stderr;
// getenv is the only way commands read the environment.
func newApp(out, errw io.Writer, getenv func(string) string) *cli.App {
	env := streams{Out: out, Err: errw, Getenv: getenv}
	onUsage := func(_ *cli.Context, err error, _ bool) error { return usage(err) }
	app := &cli.App{
		Name:           "zoomsetup",
		Usage:          "move a MEETS site to a Zoom Server-to-Server OAuth app, by driving a real browser",
		Version:        version,
		Writer:         out,
		ErrWriter:      errw,
		OnUsageError:   onUsage,
		ExitErrHandler: func(*cli.Context, error) {}, // main maps errors to exit codes
		Commands: []*cli.Command{
			demoCommand(env),
			migrateCommand(env),
			zoomCommand(env),
			meetsCommand(env),
			verifyCommand(env),
			simCommand(env),
			docsCommand(env),
		},
	}
	for _, c := range app.Commands {
		c.OnUsageError = onUsage
	}
	return app
}

// planFrom fills the parts of a plan that every browser command shares.
func planFrom(c *cli.Context, dir string) flows.Plan {
	return flows.Plan{API: apiClient(c), Check: c.String("check"), Patience: c.Duration("propagation-timeout"), Dir: dir}
}

func migrateCommand(env streams) *cli.Command {
	return &cli.Command{
		Name:  "migrate",
		Usage: "the real job: build the Zoom app, enter it in MEETS, verify",
		Flags: join(zoomSiteFlags, apiFlags, zoomAccountFlags, appFlags, meetsFlags, runFlags),
		Action: func(c *cli.Context) error {
			z, err := zoomOptions(c, env)
			if err != nil {
				return err
			}
			m, err := meetsOptions(c, env)
			if err != nil {
				return err
			}
			return runJob(c, env, func(dir string) job {
				p := planFrom(c, dir)
				p.Zoom, p.Meets = z, m
				return job{command: "migrate", plan: p, result: flows.NewResult(dir), steps: flows.Plan.Migration,
					secrets: []secret.Secret{z.Password, z.TOTP.Secret(), m.Password}}
			})
		},
	}
}

func zoomCommand(env streams) *cli.Command {
	return &cli.Command{
		Name:  "zoom",
		Usage: "the Zoom part only: build or finish the app and write credentials.json",
		Flags: join(zoomSiteFlags, zoomAccountFlags, appFlags, runFlags),
		Action: func(c *cli.Context) error {
			z, err := zoomOptions(c, env)
			if err != nil {
				return err
			}
			return runJob(c, env, func(dir string) job {
				p := planFrom(c, dir)
				p.Zoom = z
				return job{command: "zoom", plan: p, result: flows.NewResult(dir), steps: flows.Plan.ZoomSteps,
					secrets: []secret.Secret{z.Password, z.TOTP.Secret()}}
			})
		},
	}
}

// loadCredentials reads --credentials into a fresh result.
func loadCredentials(c *cli.Context) (*flows.Result, secret.Secret, error) {
	path := c.String("credentials")
	if path == "" {
		return nil, secret.Secret{}, usage(fmt.Errorf("pass --credentials FILE (the credentials.json of a zoom or migrate run)"))
	}
	f, creds, err := flows.LoadCredentials(path)
	if err != nil {
		return nil, secret.Secret{}, usage(err)
	}
	r := flows.NewResult("")
	r.UseCredentials(f, creds, path)
	return r, creds.ClientSecret, nil
}

func meetsCommand(env streams) *cli.Command {
	return &cli.Command{
		Name:  "meets",
		Usage: "the MEETS part only, from a credentials file",
		Flags: join(meetsFlags, runFlags, []cli.Flag{credentialsFlag}),
		Action: func(c *cli.Context) error {
			m, err := meetsOptions(c, env)
			if err != nil {
				return err
			}
			r, sec, err := loadCredentials(c)
			if err != nil {
				return err
			}
			return runJob(c, env, func(dir string) job {
				p := planFrom(c, dir)
				p.Meets = m
				return job{command: "meets", plan: p, result: r, steps: flows.Plan.MeetsSteps, secrets: []secret.Secret{m.Password, sec}}
			})
		},
	}
}

func verifyCommand(env streams) *cli.Command {
	return &cli.Command{
		Name:  "verify",
		Usage: "prove credentials work: mint a token, check its scopes, make one API call",
		Flags: join([]cli.Flag{zoomSiteFlags[0], credentialsFlag, runFlags[1], patienceFlag}, apiFlags),
		Action: func(c *cli.Context) error {
			r, sec, err := loadCredentials(c)
			if err != nil {
				return err
			}
			redactor := &secret.Redactor{}
			redactor.Add(sec)
			api := apiClient(c)
			rep, err := api.Verify(c.Context, r.Credentials(), zoomapi.VerifyOptions{
				Want: r.Scopes, Check: c.String("check"), Patience: c.Duration("propagation-timeout"),
				Notef: func(format string, args ...any) {
					fmt.Fprintln(env.Err, "      · "+redactor.Redact(fmt.Sprintf(format, args...)))
				},
			})
			r.Verified = rep
			if err != nil {
				return &a.Error{Kind: a.KindVerify, Msg: "the credentials do not work", Hint: zoomapi.Advice(err), Err: err}
			}
			printResult(env, c.Bool("json"), r, "")
			return nil
		},
	}
}

func simCommand(env streams) *cli.Command {
	return &cli.Command{
		Name:  "sim",
		Usage: "serve the simulated Zoom and MEETS on loopback until interrupted",
		Flags: simFlags,
		Action: func(c *cli.Context) error {
			sim, err := startSim(c)
			if err != nil {
				return err
			}
			defer sim.Close()
			u, acc := sim.URLs(), sim.Accounts()
			fmt.Fprintf(env.Out, "zoom         %s\nmarketplace  %s\napi          %s\nmeets        %s\ncontrol      %s/state\n\n", u.Zoom, u.Marketplace, u.API, u.Meets, u.Control)
			fmt.Fprintf(env.Out, "export ZOOM_EMAIL=%s ZOOM_PASSWORD=%s ZOOM_TOTP_SECRET=%s MEETS_USER=%s MEETS_PASSWORD=%s\n",
				shellQuote(acc.ZoomEmail), shellQuote(acc.ZoomPassword), shellQuote(acc.TOTPSecret), shellQuote(acc.MeetsUser), shellQuote(acc.MeetsPassword))
			fmt.Fprintf(env.Out, "zoomsetup migrate --zoom-url %s --marketplace-url %s --api-url %s --meets-url %s --company 'Example University' --contact-name 'Avery Admin' --contact-email %s\n",
				u.Zoom, u.Marketplace, u.API, u.Meets, acc.ZoomEmail)
			fmt.Fprintln(env.Err, "serving until interrupted (Ctrl-C)")
			<-c.Context.Done()
			return nil
		},
	}
}

// shellQuote quotes s for a POSIX shell, so that a password holding $, ` or
// a quote reaches the variable as it is.
func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }
