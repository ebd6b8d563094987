package zoom

import (
	"context"
	"regexp"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	a "zoomsetup/automation"
	"zoomsetup/zoomapi"
)

// FillInformation is the step "Fill in Information": the company and the
// developer contact that activation requires. Fields that already hold the
// wanted text are left alone; an empty flag keeps what the app has.
func FillInformation(o Options, r *Result) a.Step {
	return a.Step{Name: "zoom-fill-information", Title: "Fill in Information", Run: func(ctx context.Context, s *a.Session) (a.Outcome, error) {
		if err := openSection(ctx, s, informationSection, "Information"); err != nil {
			return "", err
		}
		fields := []infoField{
			{descriptionField, o.Description, ""},
			{companyField, o.Company, "--company"},
			{contactNameField, o.ContactName, "--contact-name"},
			{contactEmailField, o.ContactEmail, "--contact-email"},
		}
		out := a.Already
		// A save can fail in passing (an error answer, a session that ended);
		// coming back shows what was kept, and what was not is filled again.
		for try := 1; try <= 2; try++ {
			changed, err := fillMissing(ctx, s, fields)
			if err != nil {
				return "", err
			}
			if try == 1 {
				if err := s.Illustrate(ctx, "zoom-information", infoFields); err != nil {
					return "", err
				}
			}
			if !changed {
				return out, nil
			}
			out = a.Done
			// Continue saves; coming back proves the values were kept.
			if err := s.Do(ctx, a.Click(continueButton), a.WaitFor(a.Heading("Feature"))); err != nil {
				return "", err
			}
			if err := openSection(ctx, s, informationSection, "Information"); err != nil {
				return "", err
			}
			lost := unkept(ctx, fields)
			if lost == "" {
				return a.Done, nil
			}
			if try == 2 {
				return "", a.Fail(a.KindUnexpected, "fill Information by hand and run again", "Zoom did not keep the %s typed into Information", lost)
			}
			s.Note("Zoom did not keep the %s; filling Information again", lost)
		}
		return out, nil
	}}
}

// infoField is one field of Information and what it should hold; flag names
// the option that fills it, for the error when both are empty.
type infoField struct {
	l    a.Locator
	want string
	flag string
}

// fillMissing types each wanted value a field does not hold yet; it reports whether it typed any.
func fillMissing(ctx context.Context, s *a.Session, fields []infoField) (bool, error) {
	changed := false
	for _, f := range fields {
		have, err := chromedp.Run(ctx, a.Value(f.l))
		if err != nil {
			return false, err
		}
		switch {
		case f.want == "" && have == "" && f.flag != "":
			return false, a.Fail(a.KindUsage, "pass "+f.flag, "the app's %s is empty and activation needs it", f.l.Names[0])
		case f.want == "" || have == f.want:
			continue
		}
		if err := s.Do(ctx, a.Fill(f.l, f.want)); err != nil {
			return false, err
		}
		changed = true
	}
	return changed, nil
}

// unkept names the first field that does not hold its wanted value, or "".
func unkept(ctx context.Context, fields []infoField) string {
	for _, f := range fields {
		if f.want == "" {
			continue
		}
		if have, err := chromedp.Run(ctx, a.Value(f.l)); err != nil || have != f.want {
			return f.l.Names[0]
		}
	}
	return ""
}

// PassFeature is the step "Feature": nothing there is needed (its Secret
// Token is for webhooks, not the client secret), so it only looks.
func PassFeature() a.Step {
	return a.Step{Name: "zoom-feature", Title: "Leave Feature as it is", Run: func(ctx context.Context, s *a.Session) (a.Outcome, error) {
		if err := openSection(ctx, s, featureSection, "Feature"); err != nil {
			return "", err
		}
		return a.Already, s.Illustrate(ctx, "zoom-feature", continueButton)
	}}
}

// scopeID matches a scope id as Zoom prints it, e.g. meeting:read:meeting:admin.
var scopeID = regexp.MustCompile(`[a-z_]+(?::[a-z_]+)+`)

// addedScopes reads the ids listed in the Scopes section.
func addedScopes(ctx context.Context) ([]string, error) {
	if _, err := chromedp.Run(ctx, a.WaitAny(a.Text("scopes added"), a.Text("scope added"), a.Text("No scopes"))); err != nil {
		return nil, err
	}
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		return nil, err
	}
	return scopeID.FindAllString(text, -1), nil
}

// catalogueOf tells the catalogue of the scopes an app already holds, or Auto when it holds none of the profile.
func catalogueOf(have []string) zoomapi.Catalogue {
	for _, c := range []zoomapi.Catalogue{zoomapi.Granular, zoomapi.Classic} {
		if len(zoomapi.Missing(have, zoomapi.Profile(c))) < len(zoomapi.Profile(c)) {
			return c
		}
	}
	return zoomapi.Auto
}

// offered tells the catalogue the open Add Scopes dialog offers, by searching it.
func offered(ctx context.Context, s *a.Session) (zoomapi.Catalogue, error) {
	g, c := zoomapi.Profile(zoomapi.Granular)[0], zoomapi.Profile(zoomapi.Classic)[0]
	if err := s.Do(ctx, a.Fill(scopeSearch, "meeting:read:")); err != nil {
		return "", err
	}
	i, err := chromedp.Run(ctx, a.WaitAny(scopeBox(g), scopeBox(c)))
	if err != nil {
		return "", a.Fail(a.KindUnexpected, "the account may lack the permission to add admin scopes; check the role of the signed-in user",
			"the Add Scopes dialog offered neither %q nor %q", g, c)
	}
	if i == 0 {
		return zoomapi.Granular, nil
	}
	return zoomapi.Classic, nil
}

// scopeWait bounds the search for one scope in the picker.
const scopeWait = 10 * time.Second

// AddScopes is the step "Add the scopes": the MEETS profile in the catalogue
// the picker offers. Scopes already added stay; only missing ones are ticked.
func AddScopes(o Options, r *Result) a.Step {
	return a.Step{Name: "zoom-add-scopes", Title: "Add the scopes", Run: func(ctx context.Context, s *a.Session) (a.Outcome, error) {
		if err := openSection(ctx, s, scopesSection, "Scopes"); err != nil {
			return "", err
		}
		have, err := addedScopes(ctx)
		if err != nil {
			return "", err
		}
		cat := o.Scopes
		if cat == zoomapi.Auto {
			cat = catalogueOf(have)
		}
		if cat != zoomapi.Auto && len(zoomapi.Missing(have, zoomapi.Profile(cat))) == 0 {
			r.Catalogue, r.Scopes = cat, zoomapi.Profile(cat)
			return a.Already, r.save()
		}
		if err := s.Do(ctx, a.Click(addScopesButton), a.WaitFor(scopesDialog)); err != nil {
			return "", err
		}
		if cat == zoomapi.Auto {
			if cat, err = offered(ctx, s); err != nil {
				return "", err
			}
		}
		missing := zoomapi.Missing(have, zoomapi.Profile(cat))
		s.Note("adding %d %s scope(s)", len(missing), cat)
		if err := tickMissing(ctx, s, missing); err != nil {
			return "", err
		}
		if err := s.Do(ctx, a.Click(doneButton), a.WaitGone(scopesDialog)); err != nil {
			return "", err
		}
		if have, err = addedScopes(ctx); err != nil {
			return "", err
		}
		if left := zoomapi.Missing(have, zoomapi.Profile(cat)); len(left) > 0 {
			return "", a.Fail(a.KindUnexpected, "add them by hand under Scopes and run again",
				"after Done the app still lacks %d scope(s), first %q", len(left), left[0])
		}
		r.Catalogue, r.Scopes = cat, zoomapi.Profile(cat)
		return a.Done, r.save()
	}}
}

// tickMissing checks the picker's boxes for ids. It searches by each id's
// product prefix, which lists its neighbours too, and ticks every wanted box
// on screen in one go; an id the prefix search does not show is searched
// for whole.
func tickMissing(ctx context.Context, s *a.Session, ids []string) error {
	left := map[string]bool{}
	for _, id := range ids {
		left[id] = true
	}
	wanted := func(name string) bool {
		for id := range left {
			if strings.HasSuffix(name, "("+id+")") {
				return true
			}
		}
		return false
	}
	for _, id := range ids {
		if !left[id] {
			continue
		}
		prefix, _, _ := strings.Cut(id, ":")
		if !found(ctx, s, prefix+":", scopeBox(id), prefixWait) && !found(ctx, s, id, scopeBox(id), scopeWait) {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return a.Fail(a.KindUnexpected, "the account may lack the permission to add admin scopes; check the role of the signed-in user",
				"the Add Scopes dialog did not list %q", id)
		}
		if _, err := chromedp.Run(ctx, a.TickAll(allBoxes, wanted)); err != nil {
			return err
		}
		hits, err := chromedp.Run(ctx, a.Find(allBoxes))
		if err != nil {
			return err
		}
		for _, h := range hits {
			if h.Checked {
				for id := range left {
					if strings.HasSuffix(h.Name, "("+id+")") {
						delete(left, id)
					}
				}
			}
		}
		if left[id] {
			return a.Fail(a.KindUnexpected, "add it by hand under Scopes and run again", "the box for %q did not stay checked", id)
		}
		if err := s.Illustrate(ctx, "zoom-scopes-"+prefix, groupBoxes(ids, prefix)); err != nil {
			return err
		}
	}
	return nil
}

// groupBoxes finds the picker's boxes for the ids that start with prefix.
func groupBoxes(ids []string, prefix string) a.Locator {
	var names []string
	for _, id := range ids {
		if strings.HasPrefix(id, prefix+":") {
			names = append(names, "("+id+")")
		}
	}
	return a.Checkbox(names...).Containing().In(scopesDialog)
}

// prefixWait bounds the look for a box after a prefix search, which may not be how the picker searches.
const prefixWait = 2 * time.Second

// found types term into the picker's search and waits up to d for box.
func found(ctx context.Context, s *a.Session, term string, box a.Locator, d time.Duration) bool {
	sctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	return s.Do(sctx, a.Fill(scopeSearch, term), a.WaitFor(box)) == nil
}

// Activate is the step "Activate your app". An app already active is left
// as it is; a refusal is reported with the items Zoom lists.
func Activate(o Options, r *Result) a.Step {
	return a.Step{Name: "zoom-activate", Title: "Activate the app", Run: func(ctx context.Context, s *a.Session) (a.Outcome, error) {
		if err := openSection(ctx, s, activationSection, "Activation"); err != nil {
			return "", err
		}
		i, err := chromedp.Run(ctx, a.WaitAny(activatedText, deactivateButton, activateButton))
		if err != nil {
			return "", err
		}
		out := a.Already
		if i == 2 {
			if err := s.Illustrate(ctx, "zoom-activate", activateButton); err != nil {
				return "", err
			}
			if err := s.Do(ctx, a.Click(activateButton)); err != nil {
				return "", err
			}
			if i, err = chromedp.Run(ctx, a.WaitAny(activatedText, cannotActivate)); err != nil {
				return "", err
			}
			if i == 1 {
				why, _ := chromedp.Run(ctx, a.Value(cannotActivate))
				return "", a.Fail(a.KindUnexpected, "complete what Zoom lists and run again",
					"zoom refused to activate the app: %s", a.Normalize(why))
			}
			out = a.Done
		}
		r.Activated = true
		return out, r.save()
	}}
}

// Steps is the Zoom half, in the order of the setup guide.
func Steps(o Options, r *Result) []a.Step {
	return []a.Step{
		SignIn(o),
		OpenBuilder(o, r),
		ChooseType(o, r),
		CreateApp(o, r),
		ReadCredentials(o, r),
		FillInformation(o, r),
		PassFeature(),
		AddScopes(o, r),
		Activate(o, r),
	}
}
