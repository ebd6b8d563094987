// Package zoomapi talks to Zoom over plain HTTP, without a browser: it mints
// a Server-to-Server OAuth token, compares its scopes with what MEETS needs,
// and makes one API call, so a run can prove its credentials work.
package zoomapi

import "fmt"

// Catalogue names a family of scope ids: new apps get granular scopes, apps
// from before the change keep the nine classic ones.
type Catalogue string

// The catalogues; Auto lets the flow use what the Marketplace's picker offers.
const (
	Auto     Catalogue = "auto"
	Granular Catalogue = "granular"
	Classic  Catalogue = "classic"
)

// ParseCatalogue checks a --scopes value.
func ParseCatalogue(s string) (Catalogue, error) {
	switch c := Catalogue(s); c {
	case Auto, Granular, Classic:
		return c, nil
	}
	return "", fmt.Errorf("--scopes %q: use auto, granular or classic", s)
}

// ClassicProfile is the MEETS setup guide's list of nine classic scopes.
var ClassicProfile = []string{
	"meeting:read:admin", "meeting:write:admin",
	"webinar:read:admin", "webinar:write:admin",
	"recording:read:admin", "recording:write:admin",
	"user:read:admin", "user:write:admin",
	"report:read:admin",
}

// GranularGroup is the granular scopes that stand in for one classic scope;
// the picker shows the classic label as their heading.
type GranularGroup struct {
	Classic string
	Scopes  []string
}

// GranularProfile covers each classic scope of the MEETS guide with granular ones.
var GranularProfile = []GranularGroup{
	{"meeting:read:admin", []string{"meeting:read:meeting:admin", "meeting:read:list_meetings:admin", "meeting:read:invitation:admin", "meeting:read:past_meeting:admin", "meeting:read:list_past_instances:admin", "meeting:read:list_past_participants:admin", "meeting:read:list_registrants:admin"}},
	{"meeting:write:admin", []string{"meeting:write:meeting:admin", "meeting:update:meeting:admin", "meeting:delete:meeting:admin", "meeting:update:status:admin"}},
	{"webinar:read:admin", []string{"webinar:read:webinar:admin", "webinar:read:list_webinars:admin", "webinar:read:list_registrants:admin"}},
	{"webinar:write:admin", []string{"webinar:write:webinar:admin", "webinar:update:webinar:admin", "webinar:delete:webinar:admin"}},
	{"recording:read:admin", []string{"cloud_recording:read:list_user_recordings:admin", "cloud_recording:read:list_recording_files:admin", "cloud_recording:read:recording_settings:admin"}},
	{"recording:write:admin", []string{"cloud_recording:delete:meeting_recording:admin", "cloud_recording:delete:recording_file:admin", "cloud_recording:update:recover_meeting_recordings:admin", "cloud_recording:update:recording_settings:admin"}},
	{"user:read:admin", []string{"user:read:user:admin", "user:read:list_users:admin", "user:read:settings:admin", "user:read:token:admin", "user:read:list_schedulers:admin"}},
	{"user:write:admin", []string{"user:write:user:admin", "user:update:user:admin", "user:delete:user:admin", "user:update:settings:admin"}},
	{"report:read:admin", []string{"report:read:list_meeting_participants:admin", "report:read:meeting:admin", "report:read:list_webinar_participants:admin", "report:read:webinar:admin", "report:read:user:admin", "report:read:list_users:admin", "report:read:operation_logs:admin", "report:read:user_activities:admin"}},
}

// Profile returns the scope ids MEETS needs in catalogue c (Granular or Classic).
func Profile(c Catalogue) []string {
	if c == Classic {
		return append([]string(nil), ClassicProfile...)
	}
	var out []string
	for _, g := range GranularProfile {
		out = append(out, g.Scopes...)
	}
	return out
}

// Missing returns the ids of want that have does not hold, in want's order.
func Missing(have, want []string) []string {
	set := make(map[string]bool, len(have))
	for _, h := range have {
		set[h] = true
	}
	var out []string
	for _, w := range want {
		if !set[w] {
			out = append(out, w)
		}
	}
	return out
}
