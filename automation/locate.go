package automation

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/chromedp/chromedp"
)

// Locator names an element the way a person would: by what it is (a
// button, a field, a dialog) and the words on it. Roles are an order of
// preference, never a filter: when nothing of the preferred roles carries
// the words, the same words on another kind of control count (a button
// where a link was expected), then what a person would take for it (a
// clickable element without a role, the text above a field, the heading of
// an overlay). Each such fallback is logged as drift, so a change on a site
// shows before it breaks a run. engine.js does the looking, in the page.
type Locator struct {
	Roles   []string // ARIA roles, preferred first, e.g. "button"
	Names   []string // accepted names, preferred first; empty matches any name
	Partial bool     // a name may be part of the element's name
	Word    bool     // a name is a token (a scope id): contained, with nothing glued to it
	Scope   *Locator // look only inside the first match of Scope that holds a match
	Else    *Locator // what to look for when this finds nothing

	kind   string // what a person looks for: control, field, toggle, choice, dialog, region, heading, message, value, any
	byText bool   // match names against the element's rendered text, not its accessible name
}

// Button finds a button (or input type=submit) by its words.
func Button(names ...string) Locator {
	return Locator{Roles: []string{"button"}, Names: names, kind: "control"}
}

// Link finds a link or menu item by its words; menus and navigation use both.
func Link(names ...string) Locator {
	return Locator{Roles: []string{"link", "menuitem", "tab"}, Names: names, kind: "control"}
}

// Clickable finds anything a person clicks by its words: a button, a link, a
// menu item or a tab. For entries whose role differs between versions of a
// site (a "Developer" link in one, a toggle button in the next).
func Clickable(names ...string) Locator {
	return Locator{Roles: []string{"button", "link", "menuitem", "tab"}, Names: names, kind: "control"}
}

// Field finds a text input by its label, aria-label or placeholder, or by
// the text printed just before it when nothing ties a label to it.
func Field(names ...string) Locator {
	return Locator{Roles: []string{"textbox", "searchbox", "combobox", "spinbutton"}, Names: names, kind: "field"}
}

// Label finds what a label names, to read it: the field it labels, or the
// text shown beside it (a description list, a table row, the next element).
// For values a site may show in a read-only field or as plain text.
func Label(names ...string) Locator {
	return Locator{Roles: []string{"textbox", "searchbox", "combobox", "spinbutton"}, Names: names, kind: "value"}
}

// Checkbox finds a checkbox by its label (a switch with the label counts).
func Checkbox(names ...string) Locator {
	return Locator{Roles: []string{"checkbox", "menuitemcheckbox"}, Names: names, kind: "toggle"}
}

// Radio finds one option of a choice by its label (a listbox option, a tab,
// a selectable card count).
func Radio(names ...string) Locator {
	return Locator{Roles: []string{"radio"}, Names: names, kind: "choice"}
}

// Switch finds a toggle by its label (a checkbox with the label counts).
func Switch(names ...string) Locator {
	return Locator{Roles: []string{"switch"}, Names: names, kind: "toggle"}
}

// Dialog finds a dialog by its title: a named dialog, a native dialog or an
// overlay showing that heading.
func Dialog(names ...string) Locator {
	return Locator{Roles: []string{"dialog", "alertdialog"}, Names: names, kind: "dialog"}
}

// Heading finds a heading by its words (large or bold text counts).
func Heading(names ...string) Locator {
	return Locator{Roles: []string{"heading"}, Names: names, kind: "heading"}
}

// Region finds a part of the page (a tile, a card, a row) by its name or
// heading; as a scope it is the smallest part around that heading that
// holds what is looked for.
func Region(names ...string) Locator {
	return Locator{Roles: []string{"region", "group", "article", "form"}, Names: names, kind: "region"}
}

// Alert finds an error or status message by words of its text. (An alert
// has no accessible name of its own, so it is matched on what it reads.)
func Alert(names ...string) Locator {
	return Locator{Roles: []string{"alert", "status"}, Names: names, Partial: true, byText: true, kind: "message"}
}

// Role finds an element of any role; for what the helpers above do not cover.
func Role(role string, names ...string) Locator {
	return Locator{Roles: []string{role}, Names: names, kind: "any"}
}

// In returns l looking only inside scope, like a person reading one dialog.
func (l Locator) In(scope Locator) Locator {
	l.Scope = &scope
	return l
}

// Or returns l, falling back to other when l finds nothing: a field in its
// section when the page has the section's heading, anywhere when not.
func (l Locator) Or(other Locator) Locator {
	if l.Else != nil {
		e := l.Else.Or(other)
		l.Else = &e
		return l
	}
	l.Else = &other
	return l
}

// Containing returns l matching names that contain one of its names.
func (l Locator) Containing() Locator {
	l.Partial = true
	return l
}

// Words returns l matching names that contain one of its names as a whole
// token: "meeting:read:admin" in "View all user meetings (meeting:read:admin)",
// not in "meeting:read:admin:sub".
func (l Locator) Words() Locator {
	l.Word = true
	return l
}

// String describes l in the words of an error message.
func (l Locator) String() string {
	var b strings.Builder
	b.WriteString(l.Roles[0])
	if len(l.Names) > 0 {
		q := make([]string, len(l.Names))
		for i, n := range l.Names {
			q[i] = fmt.Sprintf("%q", n)
		}
		b.WriteString(" ")
		if l.Partial || l.Word {
			b.WriteString("containing ")
		}
		b.WriteString(strings.Join(q, " or "))
	}
	if l.Scope != nil {
		b.WriteString(" in ")
		b.WriteString(l.Scope.String())
	}
	if l.Else != nil {
		b.WriteString(", else ")
		b.WriteString(l.Else.String())
	}
	return b.String()
}

// query is a Locator as the engine reads it.
type query struct {
	Roles   []string `json:"roles"`
	Names   []string `json:"names"`
	Partial bool     `json:"partial"`
	Word    bool     `json:"word"`
	Kind    string   `json:"kind"`
	ByText  bool     `json:"byText"`
	Read    bool     `json:"read"`
	Desc    string   `json:"desc"`
	Scope   *query   `json:"scope"`
	Or      *query   `json:"or"`
}

func (l Locator) query() *query {
	q := &query{Roles: l.Roles, Names: l.Names, Partial: l.Partial, Word: l.Word, Kind: l.kind, ByText: l.byText, Desc: l.describe()}
	if q.Kind == "" {
		q.Kind = "any"
	}
	if q.Names == nil {
		q.Names = []string{}
	}
	if l.Scope != nil {
		q.Scope = l.Scope.query()
	}
	if l.Else != nil {
		q.Or = l.Else.query()
	}
	return q
}

// describe is l without its scope, for drift notes.
func (l Locator) describe() string {
	l.Scope, l.Else = nil, nil
	return l.String()
}

// Hit is one element a Locator found.
type Hit struct {
	ID       string // the engine's handle of the element, unique across documents
	Role     string
	Name     string
	Matched  string // which of the Locator's names matched
	Via      string // how it was found when not by its role and name: drift
	ScopeVia string // the same for the scope it was found in
	Disabled bool
	Checked  bool // checked, selected or pressed
	Pressed  bool
	Expanded string  // "true", "false" or "" (no such state)
	Value    *string // what a person reads in it (asked for by reading actions)
	Row      string  // the text of its row, card or list item (the same)
	Editable bool    // it takes typing now (the same)
}

// rawHit is a Hit as the engine sends it.
type rawHit struct {
	ID       string  `json:"id"`
	Role     string  `json:"role"`
	Name     string  `json:"name"`
	Matched  string  `json:"matched"`
	Via      string  `json:"via"`
	ScopeVia string  `json:"scopeVia"`
	Disabled bool    `json:"disabled"`
	Checked  bool    `json:"checked"`
	Pressed  bool    `json:"pressed"`
	Expanded string  `json:"expanded"`
	Value    *string `json:"value"`
	Row      string  `json:"row"`
	Editable bool    `json:"editable"`
}

func hits(raw []rawHit) []Hit {
	out := make([]Hit, len(raw))
	for i, r := range raw {
		out[i] = Hit{ID: r.ID, Role: r.Role, Name: r.Name, Matched: r.Matched, Via: r.Via, ScopeVia: r.ScopeVia,
			Disabled: r.Disabled, Checked: r.Checked, Pressed: r.Pressed, Expanded: r.Expanded, Value: r.Value,
			Row: r.Row, Editable: r.Editable}
	}
	return out
}

// Normalize folds whitespace the way a reader does, so " Add  Scopes " reads "Add Scopes".
func Normalize(s string) string { return strings.Join(strings.Fields(s), " ") }

// countRE is a count at the end of a name, such as "(3)".
var countRE = regexp.MustCompile(`\s*[(\[]\s*\d+\s*[)\]]\s*$`)

// Plain is a name as a reader compares it: without decoration (icons,
// glyphs and punctuation at its edges, a trailing count like "(3)") and
// without regard to case, so "+ Build app", "Develop ▾" and "Created apps
// (2)" read "build app", "develop" and "created apps". engine.js has the
// same rule; TestPlainAgreesWithTheEngine keeps them together.
func Plain(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Co, r), unicode.Is(unicode.Variation_Selector, r),
			r == '\u200b', r == '\u200c', r == '\u200d', r == '\u2060', r == '\ufeff', pictographic(r):
			b.WriteRune(' ')
		default:
			b.WriteRune(r)
		}
	}
	t := Normalize(b.String())
	for i := 0; i < 4; i++ {
		u := Normalize(strings.TrimFunc(countRE.ReplaceAllString(t, ""), func(r rune) bool {
			return unicode.IsSymbol(r) || unicode.IsPunct(r) || unicode.IsSpace(r)
		}))
		if u == t {
			break
		}
		t = u
	}
	return strings.ToLower(t)
}

// maskRE is a run of the characters sites show in place of a hidden value.
var maskRE = regexp.MustCompile(`[•*●·∙⋅]{4,}`)

// Masked reports whether a value is shown hidden (a run of dots or stars,
// perhaps with a word such as "stored" beside it) rather than itself.
func Masked(v string) bool { return maskRE.MatchString(v) }

// pictographic approximates Unicode's Extended_Pictographic (emoji), which
// Go's unicode tables do not name.
func pictographic(r rune) bool {
	return (r >= 0x1F000 && r <= 0x1FAFF) || (r >= 0x2600 && r <= 0x27BF && unicode.IsSymbol(r))
}

// find looks once for l and returns its matches, preferred first.
func find(ctx context.Context, t *chromedp.Target, l Locator) ([]Hit, error) {
	return look(ctx, t, l.query())
}

// read is find with each match's value, row and editability read in the same look.
func read(ctx context.Context, t *chromedp.Target, l Locator) ([]Hit, error) {
	q := l.query()
	for s := q; s != nil; s = s.Or {
		s.Read = true
	}
	return look(ctx, t, q)
}

func look(ctx context.Context, t *chromedp.Target, q *query) ([]Hit, error) {
	raw, err := engineCall[[]rawHit](ctx, t, "find", q)
	if err != nil {
		return nil, err
	}
	found := hits(raw)
	drift(ctx, found)
	return found, nil
}

// findMany looks once for each of ls, in one round trip.
func findMany(ctx context.Context, t *chromedp.Target, ls []Locator) ([][]Hit, error) {
	qs := make([]*query, len(ls))
	for i, l := range ls {
		qs[i] = l.query()
	}
	raw, err := engineCall[[][]rawHit](ctx, t, "findMany", qs)
	if err != nil {
		return nil, err
	}
	if len(raw) != len(ls) {
		return nil, fmt.Errorf("the locator engine answered %d lookups for %d", len(raw), len(ls))
	}
	out := make([][]Hit, len(ls))
	for i := range ls {
		out[i] = hits(raw[i])
		drift(ctx, out[i])
	}
	return out, nil
}

// drift notes, once per run, each fallback that found an element.
func drift(ctx context.Context, hits []Hit) {
	if len(hits) == 0 {
		return
	}
	for _, v := range []string{hits[0].ScopeVia, hits[0].Via} {
		if v != "" {
			envFrom(ctx).noteDrift(v)
		}
	}
}

// UseComputedAccessibility turns the browser's own role and name
// computation on or off for the engine in this document; off, the engine
// computes them itself, as with a browser started elsewhere. It reports
// whether the browser's computation is in use. For tests of both ways.
func UseComputedAccessibility(on bool) chromedp.Action[bool] {
	return func(ctx context.Context, t *chromedp.Target) (bool, error) {
		return engineCall[bool](ctx, t, "useComputed", on)
	}
}

// Disagreement is an element whose role or name the engine computes
// otherwise than Chrome does.
type Disagreement struct {
	Element string `json:"element"`
	Chrome  string `json:"chrome"`
	Engine  string `json:"engine"`
}

// Audit lists the controls, headings and dialogs of the page whose role or
// name the engine computes otherwise than Chrome, for tests that keep the
// engine's own computation honest on every page they visit. It needs a
// browser started by Launch (the ComputedAccessibility feature).
func Audit() chromedp.Action[[]Disagreement] {
	return func(ctx context.Context, t *chromedp.Target) ([]Disagreement, error) {
		d, err := engineCall[*[]Disagreement](ctx, t, "audit")
		if err != nil {
			return nil, err
		}
		if d == nil {
			return nil, fmt.Errorf("this browser does not expose its accessibility computation (%s)", ComputedAccessibility)
		}
		return *d, nil
	}
}
