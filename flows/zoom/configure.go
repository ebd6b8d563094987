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
			if err := s.Do(ctx, a.Click(continueButton), a.WaitFor(a.Heading("Feature", "Features"))); err != nil {
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

// addedScopes reads the ids the Scopes section lists, once it has loaded.
func addedScopes(ctx context.Context) ([]string, error) {
	if _, err := chromedp.Run(ctx, a.WaitAny(append(scopeCount, a.Settled())...)); err != nil {
		return nil, err
	}
	if _, err := chromedp.Run(ctx, a.WaitFor(a.Settled())); err != nil {
		return nil, err
	}
	text, err := chromedp.Run(ctx, a.PageText())
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
		p, err := openPicker(ctx, s)
		if err != nil {
			return "", err
		}
		if cat == zoomapi.Auto {
			if cat, err = p.offered(ctx); err != nil {
				return "", err
			}
		}
		missing := zoomapi.Missing(have, zoomapi.Profile(cat))
		s.Note("adding %d %s scope(s)", len(missing), cat)
		if err := p.add(ctx, missing); err != nil {
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

// picker is the open Add Scopes dialog: with a search box or without, its
// scopes behind checkboxes, switches or an Add button each, its products
// open or to be opened.
type picker struct {
	s      *a.Session
	search bool
}

// openPicker waits for the dialog's content and tells whether it can search.
func openPicker(ctx context.Context, s *a.Session) (*picker, error) {
	if _, err := chromedp.Run(ctx, a.WaitFor(a.Settled())); err != nil {
		return nil, err
	}
	i, err := chromedp.Run(ctx, a.Glance(0, scopeSearch))
	if err != nil {
		return nil, err
	}
	return &picker{s: s, search: i == 0}, nil
}

// scopeWait and prefixWait bound the look for one scope after a search for
// it, and after a search by its family, which may not be how the picker searches.
const (
	scopeWait  = 10 * time.Second
	prefixWait = 2 * time.Second
)

// shown is what shows any of ids in the picker: its toggle or its Add button.
func shown(ids ...string) []a.Condition {
	var c []a.Condition
	for _, id := range ids {
		c = append(c, scopeBox(id), addScope(id))
	}
	return c
}

// show brings one of ids (all of one family) on screen, by searching their
// family, then each id, or by opening their product. It returns the index
// of the id that shows, or -1.
func (p *picker) show(ctx context.Context, ids ...string) int {
	which := func(i int) int {
		if i < 0 {
			return -1
		}
		return i / 2
	}
	if i, _ := chromedp.Run(ctx, a.Glance(0, shown(ids...)...)); i >= 0 {
		return which(i)
	}
	family, _, _ := strings.Cut(ids[0], ":")
	if p.search {
		if i := p.find(ctx, family+":", ids, prefixWait); i >= 0 {
			return which(i)
		}
		for _, id := range ids {
			if i := p.find(ctx, id, ids, scopeWait); i >= 0 {
				return which(i)
			}
		}
		return -1
	}
	product := a.Clickable(products[family]...).In(scopesDialog)
	hits, err := chromedp.Run(ctx, a.Find(product))
	if err != nil || len(hits) == 0 {
		return -1
	}
	if hits[0].Expanded != "true" {
		if err := p.s.Do(ctx, a.Click(product)); err != nil {
			return -1
		}
	}
	i, _ := chromedp.Run(ctx, a.Glance(scopeWait, shown(ids...)...))
	return which(i)
}

// find types term into the picker's search and waits up to d for one of ids;
// it returns the index of the condition of shown(ids...) that holds, or -1.
func (p *picker) find(ctx context.Context, term string, ids []string, d time.Duration) int {
	if err := p.s.Do(ctx, a.Fill(scopeSearch, term)); err != nil {
		return -1
	}
	i, _ := chromedp.Run(ctx, a.Glance(d, shown(ids...)...))
	return i
}

// offered tells the catalogue the picker offers: granular ids, or classic ones.
func (p *picker) offered(ctx context.Context) (zoomapi.Catalogue, error) {
	g, c := zoomapi.Profile(zoomapi.Granular)[0], zoomapi.Profile(zoomapi.Classic)[0]
	switch p.show(ctx, g, c) {
	case 0:
		return zoomapi.Granular, nil
	case 1:
		return zoomapi.Classic, nil
	}
	if ctx.Err() != nil {
		return "", ctx.Err()
	}
	return "", a.Fail(a.KindUnexpected, "the account may lack the permission to add admin scopes; check the role of the signed-in user",
		"the Add Scopes dialog offered neither %q nor %q", g, c)
}

// add adds ids in the picker: for each family it brings the family's scopes
// on screen and ticks every wanted toggle there in one go, or presses each
// one's Add button.
func (p *picker) add(ctx context.Context, ids []string) error {
	left := map[string]bool{}
	for _, id := range ids {
		left[id] = true
	}
	wanted := func(name string) bool {
		for id := range left {
			if hasID(name, id) {
				return true
			}
		}
		return false
	}
	// The guide shows each family once, when its last scope is on.
	last := map[string]int{}
	for i, id := range ids {
		family, _, _ := strings.Cut(id, ":")
		last[family] = i
	}
	for i, id := range ids {
		// A long list draws only a window of its rows and may move them
		// while boxes are ticked: a box it left behind is brought on
		// screen again, by itself, before it counts as not kept.
		for try := 1; left[id]; try++ {
			if try > 3 {
				return a.Fail(a.KindUnexpected, "add it by hand under Scopes and run again", "the toggle for %q did not stay on", id)
			}
			shown := -1
			if try == 1 {
				shown = p.show(ctx, id)
			} else if p.search {
				shown = p.find(ctx, id, []string{id}, scopeWait)
			} else {
				shown = p.show(ctx, id)
			}
			if shown < 0 {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				return a.Fail(a.KindUnexpected, "the account may lack the permission to add admin scopes; check the role of the signed-in user",
					"the Add Scopes dialog did not list %q", id)
			}
			if err := p.tick(ctx, left, wanted); err != nil {
				return err
			}
		}
		family, _, _ := strings.Cut(id, ":")
		if last[family] != i {
			continue
		}
		if err := p.s.Illustrate(ctx, "zoom-scopes-"+family, groupBoxes(ids, family)); err != nil {
			return err
		}
	}
	return nil
}

// tick turns on every wanted toggle on screen, presses the Add buttons of
// a picker that has them, and takes off left what is now on.
func (p *picker) tick(ctx context.Context, left map[string]bool, wanted func(string) bool) error {
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
				if hasID(h.Name, id) {
					delete(left, id)
				}
			}
		}
	}
	// A picker with an Add button per scope: every wanted one on screen is
	// pressed in one go, then each must have gone.
	return p.pressAdds(ctx, left)
}

// pressAdds presses the Add button of every scope of left on screen and
// waits until none of them shows one; it takes them off left.
func (p *picker) pressAdds(ctx context.Context, left map[string]bool) error {
	wantedRow := func(row string) bool {
		for id := range left {
			if hasID(row, id) {
				return true
			}
		}
		return false
	}
	pressed, err := chromedp.Run(ctx, a.PressAll(addButtons, wantedRow))
	if err != nil || len(pressed) == 0 {
		return err
	}
	gone := a.When("the Add buttons pressed to change", func(ctx context.Context, t *chromedp.Target) (bool, error) {
		rows, err := a.Rows(addButtons)(ctx, t)
		if err != nil {
			return false, err
		}
		for _, r := range rows {
			for _, pr := range pressed {
				if r == pr {
					return false, nil
				}
			}
		}
		return true, nil
	})
	if _, err := chromedp.Run(ctx, a.WaitFor(gone)); err != nil {
		return err
	}
	for _, row := range pressed {
		for id := range left {
			if hasID(row, id) {
				delete(left, id)
			}
		}
	}
	return nil
}

// hasID reports whether a toggle's name carries the scope id as a whole token.
func hasID(name, id string) bool {
	for i := strings.Index(name, id); i >= 0; {
		before, after := byte(' '), byte(' ')
		if i > 0 {
			before = name[i-1]
		}
		if j := i + len(id); j < len(name) {
			after = name[j]
		}
		if !idChar(before) && !idChar(after) {
			return true
		}
		k := strings.Index(name[i+1:], id)
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return false
}

func idChar(c byte) bool {
	return c == ':' || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

// groupBoxes finds the picker's toggles for the ids of a family, for the guide's picture.
func groupBoxes(ids []string, family string) a.Locator {
	var names []string
	for _, id := range ids {
		if strings.HasPrefix(id, family+":") {
			names = append(names, id)
		}
	}
	return a.Checkbox(names...).Words().In(scopesDialog)
}

// Activate is the step "Activate your app", by its button or its switch.
// An app already active is left as it is; a refusal is reported with the
// items Zoom lists.
func Activate(o Options, r *Result) a.Step {
	return a.Step{Name: "zoom-activate", Title: "Activate the app", Run: func(ctx context.Context, s *a.Session) (a.Outcome, error) {
		if err := openSection(ctx, s, activationSection, "Activation"); err != nil {
			return "", err
		}
		switchOn := a.When("the activation switch to be on", func(ctx context.Context, t *chromedp.Target) (bool, error) {
			hits, err := a.Find(activateSwitch)(ctx, t)
			return err == nil && len(hits) > 0 && hits[0].Checked, err
		})
		active := []a.Condition{activatedText, deactivateButton, switchOn}
		i, err := chromedp.Run(ctx, a.WaitAny(append(active, activateSwitch, activateButton)...))
		if err != nil {
			return "", err
		}
		out := a.Already
		if i >= len(active) {
			control := activateButton
			if i == len(active) {
				control = activateSwitch
			}
			if err := s.Illustrate(ctx, "zoom-activate", control); err != nil {
				return "", err
			}
			if err := s.Do(ctx, a.Click(control)); err != nil {
				return "", err
			}
			refused := a.Any(cannotActivate, a.Text("cannot be activated"))
			if i, err = chromedp.Run(ctx, a.WaitAny(append(active, refused)...)); err != nil {
				return "", err
			}
			if i == len(active) {
				why, _ := chromedp.Run(ctx, a.ReadNow(cannotActivate))
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
