package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	a "zoomsetup/automation"
	"zoomsetup/flows"
	"zoomsetup/flows/meets"
	"zoomsetup/flows/zoom"
	"zoomsetup/secret"
	"zoomsetup/simulator"
	"zoomsetup/zoomapi"
)

// simFlags choose the simulator's variant, for demo and sim.
var simFlags = []cli.Flag{
	&cli.StringFlag{Name: "layout", Value: "top", Usage: "Marketplace navigation: top (Develop > Build App) or left (Developer > Created apps)"},
	&cli.StringFlag{Name: "catalogue", Value: "granular", Usage: "scopes the picker offers: granular or classic"},
	&cli.BoolFlag{Name: "plain-secret", Usage: "show the client secret without a Show button"},
	&cli.BoolFlag{Name: "no-2fa", Usage: "the Zoom account has no two-step verification"},
	&cli.BoolFlag{Name: "cookie-banner", Usage: "show a cookie-consent banner on first visit"},
	&cli.DurationFlag{Name: "latency", Usage: "delay added to every simulated response"},
	&cli.Int64Flag{Name: "seed", Usage: "seed of the generated ids and secrets (0: fixed default)"},
	&cli.BoolFlag{Name: "sso", Usage: "the Zoom account signs in at an identity provider (a person must sign in: serve it with sim and run migrate --assisted against it)"},
	&cli.BoolFlag{Name: "captcha", Usage: "Zoom shows a CAPTCHA at sign-in"},
	&cli.BoolFlag{Name: "terms-pending", Usage: "the Marketplace asks to accept its developer terms first"},
	&cli.BoolFlag{Name: "no-developer-role", Usage: "the account's role lacks the developer permission"},
	&cli.Float64Flag{Name: "fail-rate", Usage: "share (0..1) of Marketplace and MEETS requests answered 5xx"},
	&cli.Float64Flag{Name: "drop-rate", Usage: "share (0..1) of Marketplace and MEETS requests left unanswered (a network error)"},
	&cli.DurationFlag{Name: "late-content", Usage: "the Marketplace renders content this long after its data"},
	&cli.DurationFlag{Name: "jitter", Usage: "random extra delay of each response, up to this"},
	&cli.IntFlag{Name: "session-limit", Usage: "the Zoom session ends after this many Marketplace requests"},
	&cli.DurationFlag{Name: "activation-delay", Usage: "Zoom's token service accepts a new activation only after this"},
	&cli.DurationFlag{Name: "scope-delay", Usage: "tokens carry no scopes for this long after activation"},
	&cli.DurationFlag{Name: "meets-down-for", Usage: "MEETS answers 503 for this long after the start"},
	&cli.StringFlag{Name: "rendering", Value: simulator.Renderings[0], Usage: "which rendering draws the pages: " + strings.Join(simulator.Renderings, " or ")},
	&cli.Int64Flag{Name: "variation", Usage: "draw each page in one of several renderings of the same words, chosen by this seed (0: the plain one)"},
	&cli.StringSliceFlag{Name: "relabel", Usage: "OLD=NEW: rename words on the simulated pages, to rehearse a site renaming a control"},
}

// startSim starts the simulator in the variant the flags choose.
func startSim(c *cli.Context) (*simulator.Sim, error) {
	o := simulator.Options{
		Layout:       simulator.Layout(c.String("layout")),
		Catalogue:    simulator.Catalogue(c.String("catalogue")),
		PlainSecret:  c.Bool("plain-secret"),
		TwoFactor:    !c.Bool("no-2fa"),
		CookieBanner: c.Bool("cookie-banner"),
		Latency:      c.Duration("latency"),
		Seed:         c.Int64("seed"),

		SSO:             c.Bool("sso"),
		Captcha:         c.Bool("captcha"),
		TermsPending:    c.Bool("terms-pending"),
		NoDeveloperRole: c.Bool("no-developer-role"),
		FailRate:        c.Float64("fail-rate"),
		DropRate:        c.Float64("drop-rate"),
		LateContent:     c.Duration("late-content"),
		Jitter:          c.Duration("jitter"),
		SessionLimit:    c.Int("session-limit"),
		ActivationDelay: c.Duration("activation-delay"),
		ScopeDelay:      c.Duration("scope-delay"),
		MeetsDownFor:    c.Duration("meets-down-for"),
		Rendering:       c.String("rendering"),
		Variation:       c.Int64("variation"),
	}
	for _, kv := range c.StringSlice("relabel") {
		old, repl, ok := strings.Cut(kv, "=")
		if !ok || old == "" {
			return nil, usage(fmt.Errorf("--relabel %q: use OLD=NEW", kv))
		}
		if o.Relabel == nil {
			o.Relabel = map[string]string{}
		}
		o.Relabel[old] = repl
	}
	switch o.Layout {
	case simulator.LayoutTop, simulator.LayoutLeft:
	default:
		return nil, usage(fmt.Errorf("--layout %q: use top or left", o.Layout))
	}
	switch o.Catalogue {
	case simulator.CatalogueGranular, simulator.CatalogueClassic:
	default:
		return nil, usage(fmt.Errorf("--catalogue %q: use granular or classic", o.Catalogue))
	}
	if !slices.Contains(simulator.Renderings, o.Rendering) {
		return nil, usage(fmt.Errorf("--rendering %q: use %s", o.Rendering, strings.Join(simulator.Renderings, " or ")))
	}
	return simulator.New(o)
}

// runOnSim runs the whole migration against a simulator started from the flags.
func runOnSim(c *cli.Context, env streams, command string, showSecret bool, pictures *a.Illustrator, scale float64) error {
	sim, err := startSim(c)
	if err != nil {
		return err
	}
	defer sim.Close()
	return runJob(c, env, func(dir string) job {
		p, secrets := demoPlan(sim, dir, showSecret, c.Duration("propagation-timeout"))
		p.Zoom.AcceptTerms = c.Bool("accept-terms")
		return job{command: command, plan: p, result: flows.NewResult(dir), steps: flows.Plan.Migration, secrets: secrets, pictures: pictures, scale: scale}
	})
}

// demoPlan is the migration against a simulator, with its demo accounts.
func demoPlan(sim *simulator.Sim, dir string, showSecret bool, patience time.Duration) (flows.Plan, []secret.Secret) {
	u, acc := sim.URLs(), sim.Accounts()
	z := zoom.Options{
		ZoomURL: u.Zoom, MarketplaceURL: u.Marketplace,
		Email: acc.ZoomEmail, Password: secret.New(acc.ZoomPassword), TOTP: demoAuthenticator(acc.TOTPSecret),
		AppName: "MEETS", Description: "CirQlive MEETS integration", Company: "Example University",
		ContactName: "Avery Admin", ContactEmail: acc.ZoomEmail, Scopes: zoomapi.Auto, ShowSecret: showSecret,
	}
	m := meets.Options{URL: u.Meets, User: acc.MeetsUser, Password: secret.New(acc.MeetsPassword), Patience: patience}
	p := flows.Plan{Zoom: z, Meets: m, API: zoomapi.Client{ZoomURL: u.Zoom, APIURL: u.API}, Check: zoomapi.DefaultCheck, Patience: patience, Dir: dir}
	return p, []secret.Secret{z.Password, z.TOTP.Secret(), m.Password}
}

// demoAuthenticator is the demo account's authenticator; its secret is the
// simulator's own, so it is valid base32.
func demoAuthenticator(seed string) *a.Authenticator {
	au, err := a.NewAuthenticator(secret.New(seed))
	if err != nil {
		panic(err)
	}
	return au
}

func demoCommand(env streams) *cli.Command {
	return &cli.Command{
		Name:  "demo",
		Usage: "run the whole migration against the built-in simulator",
		Flags: join(simFlags, runFlags, []cli.Flag{
			&cli.BoolFlag{Name: "show-secret", Usage: "leave the client secret unmasked in screenshots"},
			&cli.BoolFlag{Name: "accept-terms", Usage: "accept the Marketplace developer terms if asked (with --terms-pending), as migrate --accept-terms does"},
		}),
		Action: func(c *cli.Context) error {
			return runOnSim(c, env, "demo", c.Bool("show-secret"), nil, 1)
		},
	}
}
