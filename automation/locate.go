package automation

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Locator names an element the way a person would: by its role and the words
// on it. Chrome computes both (labels, aria-label, placeholder, a button's
// text), so a Locator finds the same element on any page that shows the same
// words, whatever its markup.
type Locator struct {
	Roles   []string // ARIA roles accepted, e.g. "button"
	Names   []string // accepted names, preferred first; empty matches any name
	Partial bool     // a name may be part of the element's name
	Scope   *Locator // look only inside the first visible match of Scope

	firstRole bool // stop at the first role that has matches (for scopes, where one is enough)
	byText    bool // match names against the element's rendered text, not its accessible name
}

// Button finds a button (or input type=submit) by its words.
func Button(names ...string) Locator { return Locator{Roles: []string{"button"}, Names: names} }

// Link finds a link or menu item by its words; menus and navigation use both.
func Link(names ...string) Locator {
	return Locator{Roles: []string{"link", "menuitem", "tab"}, Names: names}
}

// Clickable finds anything a person clicks by its words: a button, a link, a
// menu item or a tab. For entries whose role differs between versions of a
// site (a "Developer" link in one, a toggle button in the next).
func Clickable(names ...string) Locator {
	return Locator{Roles: []string{"button", "link", "menuitem", "tab"}, Names: names}
}

// Field finds a text input by its label, aria-label or placeholder.
func Field(names ...string) Locator {
	return Locator{Roles: []string{"textbox", "searchbox", "combobox", "spinbutton"}, Names: names}
}

// Checkbox finds a checkbox by its label.
func Checkbox(names ...string) Locator {
	return Locator{Roles: []string{"checkbox", "menuitemcheckbox"}, Names: names}
}

// Radio finds a radio button by its label.
func Radio(names ...string) Locator { return Locator{Roles: []string{"radio"}, Names: names} }

// Switch finds a toggle by its label.
func Switch(names ...string) Locator { return Locator{Roles: []string{"switch"}, Names: names} }

// Dialog finds a dialog by its title.
func Dialog(names ...string) Locator {
	return Locator{Roles: []string{"dialog", "alertdialog"}, Names: names}
}

// Heading finds a heading by its words.
func Heading(names ...string) Locator { return Locator{Roles: []string{"heading"}, Names: names} }

// Region finds a named section (a tile, a card) by its heading.
func Region(names ...string) Locator {
	return Locator{Roles: []string{"region", "group", "article", "form"}, Names: names}
}

// Alert finds an error or status message by words of its text. (An alert
// has no accessible name of its own, so it is matched on what it reads.)
func Alert(names ...string) Locator {
	return Locator{Roles: []string{"alert", "status"}, Names: names, Partial: true, byText: true}
}

// Role finds an element of any role; for what the helpers above do not cover.
func Role(role string, names ...string) Locator {
	return Locator{Roles: []string{role}, Names: names}
}

// In returns l looking only inside scope, like a person reading one dialog.
func (l Locator) In(scope Locator) Locator {
	l.Scope = &scope
	return l
}

// Containing returns l matching names that contain one of its names.
func (l Locator) Containing() Locator {
	l.Partial = true
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
		if l.Partial {
			b.WriteString("containing ")
		}
		b.WriteString(strings.Join(q, " or "))
	}
	if l.Scope != nil {
		b.WriteString(" in ")
		b.WriteString(l.Scope.String())
	}
	return b.String()
}

// Hit is one element a Locator found.
type Hit struct {
	Backend  cdp.BackendNodeID
	Role     string
	Name     string
	Matched  string // which of the Locator's names matched
	Disabled bool
	Checked  bool
	Pressed  bool
}

// Normalize folds whitespace the way a reader does, so " Add  Scopes " reads "Add Scopes".
func Normalize(s string) string { return strings.Join(strings.Fields(s), " ") }

// match reports which of names the element name answers to: exact first, in
// the order given, then without regard to case, then (Partial) contained.
func match(name string, names []string, partial bool) (string, bool) {
	if len(names) == 0 {
		return "", true
	}
	name = Normalize(name)
	for _, n := range names {
		if name == Normalize(n) {
			return n, true
		}
	}
	for _, n := range names {
		if strings.EqualFold(name, Normalize(n)) {
			return n, true
		}
	}
	if partial {
		low := strings.ToLower(name)
		for _, n := range names {
			if strings.Contains(low, strings.ToLower(Normalize(n))) {
				return n, true
			}
		}
	}
	return "", false
}

// rank orders hits so that those matching an earlier name come first.
func rank(hits []Hit, names []string) []Hit {
	if len(names) < 2 {
		return hits
	}
	var out []Hit
	for _, n := range names {
		for _, h := range hits {
			if h.Matched == n {
				out = append(out, h)
			}
		}
	}
	return out
}

// locateGroup holds the remote objects a lookup creates, released after each lookup.
const locateGroup = "zoomsetup-locate"

// find looks once for l and returns its matches in the order of the page.
func find(ctx context.Context, t *chromedp.Target, l Locator) ([]Hit, error) {
	defer cdp.Call(ctx, t, runtime.ReleaseObjectGroup, runtime.ReleaseObjectGroupParams{ObjectGroup: locateGroup})
	doc, err := cdp.Call(ctx, t, runtime.Evaluate, runtime.EvaluateParams{Expression: "document", ObjectGroup: locateGroup})
	if err != nil {
		return nil, err
	}
	if doc.Result == nil || doc.Result.ObjectID == "" {
		return nil, nil
	}
	return findIn(ctx, t, accessibility.QueryAXTreeParams{ObjectID: doc.Result.ObjectID}, l)
}

// findIn looks for l inside root.
func findIn(ctx context.Context, t *chromedp.Target, root accessibility.QueryAXTreeParams, l Locator) ([]Hit, error) {
	if l.Scope != nil {
		outer := *l.Scope
		outer.firstRole = true // a dialog is a dialog: skip asking for alertdialogs too
		scopes, err := findIn(ctx, t, root, outer)
		if err != nil || len(scopes) == 0 {
			return nil, err
		}
		inner := l
		inner.Scope = nil
		var all []Hit
		for _, s := range scopes {
			hits, err := findIn(ctx, t, accessibility.QueryAXTreeParams{BackendNodeID: s.Backend}, inner)
			if err != nil {
				return nil, err
			}
			all = append(all, hits...)
			if len(all) > 0 {
				break
			}
		}
		return all, nil
	}
	var hits []Hit
	for _, role := range l.Roles {
		if l.firstRole && len(hits) > 0 {
			break
		}
		p := root
		p.Role = role
		res, err := cdp.Call(ctx, t, accessibility.QueryAXTree, p)
		if err != nil {
			return nil, err
		}
		for _, n := range res.Nodes {
			if n.Ignored || n.BackendDOMNodeID == 0 {
				continue
			}
			h := Hit{Backend: n.BackendDOMNodeID, Role: role, Name: Normalize(axString(n.Name))}
			if l.byText {
				text, err := call[string](ctx, t, h, `function() { return this.innerText || this.textContent || ''; }`)
				if err != nil {
					continue
				}
				h.Name = Normalize(text)
			}
			m, ok := match(h.Name, l.Names, l.Partial)
			if !ok {
				continue
			}
			h.Matched = m
			for _, prop := range n.Properties {
				switch prop.Name {
				case accessibility.PropertyNameDisabled:
					h.Disabled = axString(prop.Value) == "true"
				case accessibility.PropertyNameChecked:
					h.Checked = axString(prop.Value) == "true"
				case accessibility.PropertyNamePressed:
					h.Pressed = axString(prop.Value) == "true"
				}
			}
			hits = append(hits, h)
		}
	}
	return rank(hits, l.Names), nil
}

// axString reads an accessibility value as plain text.
func axString(v *accessibility.Value) string {
	if v == nil || len(v.Value) == 0 {
		return ""
	}
	var s any
	if err := json.Unmarshal([]byte(v.Value), &s); err != nil {
		return string(v.Value)
	}
	switch x := s.(type) {
	case string:
		return x
	case bool:
		if x {
			return "true"
		}
		return "false"
	default:
		return fmt.Sprint(x)
	}
}
