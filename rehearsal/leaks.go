package rehearsal

import (
	"encoding/json"
	"fmt"
	"html"
	"html/template"
	"net/url"
	"sort"
	"strings"
)

// Escaped is a secret as typed and in each form an output can hold it,
// each made by the encoder that writes it (Go's html, html/template, a
// browser's serializer, encoding/json, net/url), so a check finds the
// secret however it was written, without trusting the tool's own list.
func Escaped(v string) map[string]string {
	page := func(tmpl string) string {
		var b strings.Builder
		if err := template.Must(template.New("").Parse(tmpl)).Execute(&b, v); err != nil {
			return ""
		}
		return b.String()
	}
	jsonOf := func(escapeHTML bool) string {
		var b strings.Builder
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(escapeHTML)
		if err := enc.Encode(v); err != nil {
			return ""
		}
		return strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(b.String(), `"`), "\n"), `"`)
	}
	return map[string]string{
		"as typed":                   v,
		"HTML-escaped":               html.EscapeString(v),
		"html/template-escaped":      strings.TrimSuffix(strings.TrimPrefix(page(`<p>{{.}}</p>`), "<p>"), "</p>"),
		"escaped as page text":       strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\u00a0", "&nbsp;").Replace(v),
		"escaped as an attribute":    strings.NewReplacer("&", "&amp;", `"`, "&quot;", "\u00a0", "&nbsp;").Replace(v),
		"JSON-escaped":               jsonOf(true),
		"JSON-escaped, HTML as is":   jsonOf(false),
		"URL-escaped (query)":        url.QueryEscape(v),
		"URL-escaped (path)":         url.PathEscape(v),
		"URL-escaped (form, by key)": strings.TrimPrefix(url.Values{"k": {v}}.Encode(), "k="),
	}
}

// Leaks lists each secret that text holds, in any form of Escaped, as
// "secret N as FORM". Secrets are named by their index, never shown.
func Leaks(text string, secrets []string) []string {
	var out []string
	for i, s := range secrets {
		if s == "" {
			continue
		}
		forms := Escaped(s)
		names := make([]string, 0, len(forms))
		for name := range forms {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			if f := forms[name]; f != "" && strings.Contains(text, f) {
				out = append(out, fmt.Sprintf("secret %d %s", i+1, name))
			}
		}
	}
	return out
}
