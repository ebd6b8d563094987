package simulator

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
)

// A Variation (Options.Variation) draws, for every page, one of several
// renderings of the same words: the words of the reference stay, the markup
// around them changes as real sites' markup does (reference §9). Each
// dimension below is one thing that varies; its first choice is what the
// plain pages (Variation 0) show. A seed draws one choice per dimension from
// its own PCG stream, so the same seed always gives the same pages.
//
// The choices reach the pages in two ways: the Marketplace's GET
// /api/session answers them as "variation" (dimension -> choice), and the
// server-rendered templates (Zoom sign-in, two-step page, cookie banner,
// MEETS) get them as .Variation, a Choices.
//
// VariationOf tells what a seed drew, DescribeVariation prints it, and
// Dimensions lists every dimension with its choices, so a harness can say
// "seed 17: menu=hover, credentials=dl…" and count how often each choice
// came up.

// Dimension is one part of the pages that a Variation varies.
type Dimension struct {
	Name    string   // the key in /api/session's "variation" and in .Variation
	Choices []string // the renderings; the first is the plain one (Variation 0)
	About   string   // what varies, in a few words
}

// dimensions are drawn in this order: append new ones at the end, so the
// seeds that exist keep drawing what they drew.
var dimensions = []Dimension{
	// Marketplace.
	{"menu", []string{"click", "hover", "links"}, "top navigation: menus open on click, on hover, or are a plain row of links"},
	{"glyphs", []string{"spans", "text", "svg"}, "decoration around names (the caret of a menu, the + of Build app): hidden spans, part of the text, or svg icons"},
	{"developer", []string{"toggle", "link"}, "left navigation's Developer: a toggle opening a submenu, or a link straight to Created apps"},
	{"manage", []string{"menu", "link"}, "top navigation's Manage: a menu with Created Apps, or a link straight to Created Apps"},
	{"controls", []string{"button", "link", "input", "div"}, "primary actions (Build app, Create, Continue, Add Scopes, Done, Activate, Accept, Retry): <button>, <a role=button>, <input type=submit|button>, or a div with a click handler"},
	{"sections", []string{"links", "buttons", "tabs", "items"}, "the app's section navigation: links, buttons, role=tab tabs, or list items with a click handler and no role"},
	{"dialog", []string{"aria", "native", "overlay"}, "dialogs: role=dialog with aria-labelledby, a native <dialog> (showModal), or an overlay with only a heading"},
	{"appType", []string{"tiles", "radios", "cards"}, "the app type choice: tiles each with Create, radio options and Create, or selectable cards and Create (plain: tiles in the top layout, radios in the left one)"},
	{"credentials", []string{"inputs", "dl", "table", "spans"}, "App Credentials: read-only inputs, a description list, a table, or spans beside the label text"},
	{"reveal", []string{"show", "eye-named", "eye"}, "what unmasks the Client Secret: a Show button, an eye icon named \"Show client secret\", or an eye icon named \"Show\""},
	{"fields", []string{"label", "aria-label", "placeholder", "text-above"}, "Marketplace form fields (App Name, Information): <label for>, aria-label (and untied text above), placeholder only, or only untied text above"},
	{"scopeControl", []string{"checkbox", "switch", "add"}, "each scope in Add Scopes: a checkbox, a role=switch, or an Add button"},
	{"scopeProducts", []string{"side", "expanded", "collapsed"}, "the products in Add Scopes: listed at the side (one shown at a time), all expanded, or collapsed until clicked"},
	{"scopeSearch", []string{"box", "none"}, "Add Scopes has a search box, or none"},
	{"activation", []string{"button", "switch"}, "Activate your app: a button, or a switch so labelled"},
	{"validation", []string{"disabled", "on-press", "strict"}, "primary buttons of a form: disabled until it is valid, always enabled and saying what is wrong when pressed, or also Continue (Information) and Activate disabled until complete"},
	{"loading", []string{"instant", "spinner", "skeleton"}, "a page's content: at once after its data, or after a Loading… line or a skeleton (without aria-busy) shown a random 30-400 ms longer"},
	{"appList", []string{"table", "cards", "rows"}, "Created Apps: a table with the names as links, cards, or a table whose rows are clickable and names plain text"},
	{"count", []string{"none", "parens", "badge"}, "the Created Apps heading: plain, with the count in brackets (\"Created Apps (2)\"), or with a count badge"},
	{"infoSave", []string{"auto", "button"}, "Information: saved as each field changes, or by a Save button (and Continue)"},
	// Zoom sign-in and two-step page.
	{"signinFields", []string{"placeholder-aria", "label", "placeholder", "text-above"}, "sign-in fields: email by placeholder and aria-label with the others by <label for>, all by <label for>, by placeholder only, or by untied text above"},
	{"signinButton", []string{"button", "input"}, "Next, Sign In and Verify: <button> or <input type=submit>"},
	{"banner", []string{"dialog", "region", "plain"}, "the cookie banner: role=dialog, role=region, or a div with no role"},
	// MEETS.
	{"meetsNav", []string{"tabs", "links", "sidebar"}, "MEETS administration tabs: role=tab links, a plain row of links, or a sidebar"},
	{"meetsButtons", []string{"button", "input", "link"}, "MEETS Log In, Edit, Clear Configuration, Submit, Cancel: <button>, <input>, or links"},
	{"meetsFields", []string{"label", "aria-label", "placeholder", "text-above"}, "MEETS fields labelled as the Marketplace's fields are"},
	{"meetsStored", []string{"inputs", "text"}, "the stored MEETS credentials: read-only inputs, or text in a description list"},
}

// variationStream is the PCG stream of the draw, apart from the ids' (1, 2)
// and the faults' (3, 4, 5), so a variation never changes ids or faults.
const variationStream = 0x76617269 // "vari"

// Dimensions lists every dimension a Variation draws, in the order drawn.
func Dimensions() []Dimension {
	out := make([]Dimension, len(dimensions))
	for i, d := range dimensions {
		out[i] = Dimension{Name: d.Name, Choices: append([]string(nil), d.Choices...), About: d.About}
	}
	return out
}

// VariationOf returns what the seed draws: dimension name -> choice name.
// Seed 0 draws nothing (an empty map): the plain pages.
func VariationOf(seed int64) map[string]string {
	return drawVariation(seed)
}

// DescribeVariation is VariationOf as one line in the order of Dimensions,
// e.g. "menu=hover, glyphs=svg, …"; "plain" for seed 0.
func DescribeVariation(seed int64) string {
	return drawVariation(seed).String()
}

func drawVariation(seed int64) Choices {
	c := Choices{}
	if seed == 0 {
		return c
	}
	r := rand.New(rand.NewPCG(uint64(seed), variationStream))
	for _, d := range dimensions {
		c[d.Name] = d.Choices[r.IntN(len(d.Choices))]
	}
	return c
}

// Choices is a drawn variation, dimension -> choice; empty means the plain
// pages. Templates get it as .Variation.
type Choices map[string]string

// Of returns the choice for dim: the drawn one, or the plain one when
// nothing was drawn.
func (c Choices) Of(dim string) string {
	if v, ok := c[dim]; ok {
		return v
	}
	for _, d := range dimensions {
		if d.Name == dim {
			return d.Choices[0]
		}
	}
	return ""
}

// Is reports whether dim renders as choice: {{if .Variation.Is "meetsNav" "sidebar"}}.
func (c Choices) Is(dim, choice string) bool { return c.Of(dim) == choice }

// Field is how a template labels one form field under the field dimension
// dim: {{with .Variation.Field "meetsFields" "api-key" "API Key"}}.
func (c Choices) Field(dim, id, text string) FieldLabel {
	return FieldLabel{Choice: c.Of(dim), ID: id, Text: text}
}

// Control is how a template draws one control under the dimension dim:
// {{template "submit" (.Variation.Control "meetsButtons" "Submit" "btn")}}.
func (c Choices) Control(dim, text, class string) ControlSpec {
	return ControlSpec{Choice: c.Of(dim), Text: text, Class: class}
}

// ControlSpec is one control's choice, words and class.
type ControlSpec struct {
	Choice string
	Text   string
	Class  string
}

// MarshalJSON writes the choices as a JSON object, also where a template
// puts them in a script ({} when nothing was drawn).
func (c Choices) MarshalJSON() ([]byte, error) {
	if c == nil {
		return []byte("{}"), nil
	}
	return json.Marshal(map[string]string(c))
}

// String lists the choices in the order of Dimensions, or says "plain".
func (c Choices) String() string {
	if len(c) == 0 {
		return "plain"
	}
	var parts []string
	for _, d := range dimensions {
		if v, ok := c[d.Name]; ok {
			parts = append(parts, d.Name+"="+v)
		}
	}
	return strings.Join(parts, ", ")
}

// FieldLabel says how one field is labelled: Label is a <label for=ID>,
// Aria an aria-label on the input, Above a text above it tied to nothing,
// Placeholder the text as the input's placeholder.
type FieldLabel struct {
	Choice string
	ID     string
	Text   string
}

func (f FieldLabel) Label() bool       { return f.Choice == "label" || f.Choice == "placeholder-aria" }
func (f FieldLabel) Aria() bool        { return f.Choice == "aria-label" }
func (f FieldLabel) Above() bool       { return f.Choice == "aria-label" || f.Choice == "text-above" }
func (f FieldLabel) Placeholder() bool { return f.Choice == "placeholder" }

// variation is what this simulator's pages render: Options.Variation's draw.
func (s *Sim) variation() Choices { return drawVariation(s.opts.Variation) }
