package simulator

import "strings"

// scope is one checkbox of the Add Scopes dialog.
type scope struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

// scopeGroup is a heading of the picker with its scopes; in the granular
// picker the heading is the old classic label.
type scopeGroup struct {
	Title  string  `json:"title"`
	Scopes []scope `json:"scopes"`
}

// product is an entry of the picker's side list.
type product struct {
	Name   string       `json:"name"`
	Groups []scopeGroup `json:"groups"`
}

// group builds a scopeGroup from "id|label" pairs, to keep the tables short.
func group(title string, pairs ...string) scopeGroup {
	g := scopeGroup{Title: title}
	for _, p := range pairs {
		id, label, _ := strings.Cut(p, "|")
		g.Scopes = append(g.Scopes, scope{ID: id, Label: label})
	}
	return g
}

// catalogueFor returns the picker's content for a variant.
func catalogueFor(c Catalogue) []product {
	if c == CatalogueClassic {
		return classicCatalogue
	}
	return granularCatalogue
}

// scopeLabels maps every scope id of a catalogue to its label.
func scopeLabels(c Catalogue) map[string]string {
	m := map[string]string{}
	for _, p := range catalogueFor(c) {
		for _, g := range p.Groups {
			for _, s := range g.Scopes {
				m[s.ID] = s.Label
			}
		}
	}
	return m
}

// granularCatalogue holds every granular scope of the MEETS profile under its
// classic heading, plus user-level, :master and other products' scopes, so
// that picking the right ones is real work.
var granularCatalogue = []product{
	{Name: "Meeting", Groups: []scopeGroup{
		group("View all user meetings",
			"meeting:read:meeting:admin|View a meeting",
			"meeting:read:list_meetings:admin|View a user's meetings",
			"meeting:read:invitation:admin|View a meeting's invitation",
			"meeting:read:past_meeting:admin|View a past meeting",
			"meeting:read:list_past_instances:admin|View past meeting instances",
			"meeting:read:list_past_participants:admin|View past meeting's participants",
			"meeting:read:list_registrants:admin|View a meeting's registrants",
			"meeting:read:registrant:admin|View a meeting registrant",
			"meeting:read:poll:admin|View a meeting poll",
			"meeting:read:list_polls:admin|View a meeting's polls",
			"meeting:read:summary:admin|View a meeting summary",
			"meeting:read:livestream:admin|View a meeting's live stream"),
		group("View and manage all user meetings",
			"meeting:write:meeting:admin|Create a meeting for a user",
			"meeting:update:meeting:admin|Update a meeting",
			"meeting:delete:meeting:admin|Delete a meeting",
			"meeting:update:status:admin|Update a meeting's status",
			"meeting:write:registrant:admin|Add a meeting registrant",
			"meeting:update:registrant_status:admin|Update registrants' status",
			"meeting:delete:registrant:admin|Delete a meeting registrant",
			"meeting:write:poll:admin|Create a meeting poll",
			"meeting:update:livestream:admin|Update a meeting's live stream"),
		group("View your meetings",
			"meeting:read:meeting|View a meeting",
			"meeting:read:list_meetings|View a user's meetings",
			"meeting:read:invitation|View a meeting's invitation",
			"meeting:read:past_meeting|View a past meeting",
			"meeting:read:list_past_instances|View past meeting instances",
			"meeting:read:list_past_participants|View past meeting's participants",
			"meeting:read:list_registrants|View a meeting's registrants",
			"meeting:read:registrant|View a meeting registrant",
			"meeting:read:poll|View a meeting poll",
			"meeting:read:list_polls|View a meeting's polls",
			"meeting:read:summary|View a meeting summary",
			"meeting:read:livestream|View a meeting's live stream"),
		group("View and manage your meetings",
			"meeting:write:meeting|Create a meeting for a user",
			"meeting:update:meeting|Update a meeting",
			"meeting:delete:meeting|Delete a meeting",
			"meeting:update:status|Update a meeting's status",
			"meeting:write:registrant|Add a meeting registrant",
			"meeting:update:registrant_status|Update registrants' status",
			"meeting:delete:registrant|Delete a meeting registrant",
			"meeting:write:poll|Create a meeting poll",
			"meeting:update:livestream|Update a meeting's live stream"),
		group("View and manage sub account's user meetings",
			"meeting:read:meeting:master|View a meeting",
			"meeting:read:list_meetings:master|View a user's meetings",
			"meeting:write:meeting:master|Create a meeting for a user",
			"meeting:update:meeting:master|Update a meeting",
			"meeting:delete:meeting:master|Delete a meeting"),
	}},
	{Name: "Webinar", Groups: []scopeGroup{
		group("View all user Webinars",
			"webinar:read:webinar:admin|View a webinar",
			"webinar:read:list_webinars:admin|View a user's webinars",
			"webinar:read:list_registrants:admin|View a webinar's registrants",
			"webinar:read:list_panelists:admin|View a webinar's panelists",
			"webinar:read:list_past_participants:admin|View past webinar's participants",
			"webinar:read:poll:admin|View a webinar poll"),
		group("View and manage all user Webinars",
			"webinar:write:webinar:admin|Create a webinar for a user",
			"webinar:update:webinar:admin|Update a webinar",
			"webinar:delete:webinar:admin|Delete a webinar",
			"webinar:write:panelist:admin|Add webinar panelists",
			"webinar:update:status:admin|Update a webinar's status"),
		group("View your webinars",
			"webinar:read:webinar|View a webinar",
			"webinar:read:list_webinars|View a user's webinars",
			"webinar:read:list_registrants|View a webinar's registrants",
			"webinar:read:list_panelists|View a webinar's panelists",
			"webinar:read:list_past_participants|View past webinar's participants",
			"webinar:read:poll|View a webinar poll"),
		group("View and manage your webinars",
			"webinar:write:webinar|Create a webinar for a user",
			"webinar:update:webinar|Update a webinar",
			"webinar:delete:webinar|Delete a webinar",
			"webinar:write:panelist|Add webinar panelists",
			"webinar:update:status|Update a webinar's status"),
		group("View and manage sub account's user webinars",
			"webinar:read:webinar:master|View a webinar",
			"webinar:write:webinar:master|Create a webinar for a user"),
	}},
	{Name: "Recording", Groups: []scopeGroup{
		group("View all user recordings",
			"cloud_recording:read:list_user_recordings:admin|View a user's recordings",
			"cloud_recording:read:list_recording_files:admin|View a meeting's recording files",
			"cloud_recording:read:recording_settings:admin|View a meeting's recording settings",
			"cloud_recording:read:recording:admin|View a recording",
			"cloud_recording:read:archive_files:admin|View archived files",
			"cloud_recording:read:list_recording_registrants:admin|View recording registrants"),
		group("View and manage all user recordings",
			"cloud_recording:delete:meeting_recording:admin|Delete a meeting's recordings",
			"cloud_recording:delete:recording_file:admin|Delete a recording file",
			"cloud_recording:update:recover_meeting_recordings:admin|Recover a meeting's recordings",
			"cloud_recording:update:recording_settings:admin|Update a meeting's recording settings",
			"cloud_recording:update:recover_single_recording:admin|Recover a single recording"),
		group("View your recordings",
			"cloud_recording:read:list_user_recordings|View a user's recordings",
			"cloud_recording:read:list_recording_files|View a meeting's recording files",
			"cloud_recording:read:recording_settings|View a meeting's recording settings",
			"cloud_recording:read:recording|View a recording",
			"cloud_recording:read:archive_files|View archived files",
			"cloud_recording:read:list_recording_registrants|View recording registrants"),
		group("View and manage your recordings",
			"cloud_recording:delete:meeting_recording|Delete a meeting's recordings",
			"cloud_recording:delete:recording_file|Delete a recording file",
			"cloud_recording:update:recover_meeting_recordings|Recover a meeting's recordings",
			"cloud_recording:update:recording_settings|Update a meeting's recording settings",
			"cloud_recording:update:recover_single_recording|Recover a single recording"),
		group("View and manage sub account's user recordings",
			"cloud_recording:read:list_user_recordings:master|View a user's recordings",
			"cloud_recording:delete:meeting_recording:master|Delete a meeting's recordings"),
	}},
	{Name: "User", Groups: []scopeGroup{
		group("View all user information",
			"user:read:user:admin|View a user",
			"user:read:list_users:admin|View users",
			"user:read:settings:admin|View a user's settings",
			"user:read:token:admin|View a user's token",
			"user:read:list_schedulers:admin|View a user's schedulers",
			"user:read:email:admin|View a user's email",
			"user:read:list_assistants:admin|View a user's assistants",
			"user:read:summary:admin|View user summary"),
		group("View users information and manage users",
			"user:write:user:admin|Create a user",
			"user:update:user:admin|Update a user",
			"user:delete:user:admin|Delete a user",
			"user:update:settings:admin|Update a user's settings",
			"user:update:status:admin|Update a user's status",
			"user:write:assistant:admin|Add a user's assistants",
			"user:update:password:admin|Update a user's password"),
		group("View your user information",
			"user:read:user|View a user",
			"user:read:settings|View a user's settings",
			"user:read:token|View a user's token",
			"user:read:list_schedulers|View a user's schedulers",
			"user:read:email|View a user's email"),
		group("View and manage your user information",
			"user:update:user|Update a user",
			"user:update:settings|Update a user's settings"),
		group("View and manage sub account's user information",
			"user:read:user:master|View a user",
			"user:read:list_users:master|View users",
			"user:write:user:master|Create a user"),
	}},
	{Name: "Report", Groups: []scopeGroup{
		group("View report data",
			"report:read:list_meeting_participants:admin|View a meeting's participant report",
			"report:read:meeting:admin|View a meeting report",
			"report:read:list_webinar_participants:admin|View a webinar's participant report",
			"report:read:webinar:admin|View a webinar report",
			"report:read:user:admin|View a user's meeting report",
			"report:read:list_users:admin|View active and inactive host reports",
			"report:read:operation_logs:admin|View operation logs",
			"report:read:user_activities:admin|View sign-in and sign-out activities",
			"report:read:daily_usage:admin|View daily usage report",
			"report:read:cloud_recording:admin|View cloud recording usage report",
			"report:read:telephone:admin|View telephone report",
			"report:read:billing:admin|View billing report",
			"report:read:upcoming_events:admin|View upcoming events report"),
		group("View sub account's report data",
			"report:read:daily_usage:master|View daily usage report",
			"report:read:list_users:master|View active and inactive host reports"),
	}},
	{Name: "Phone", Groups: []scopeGroup{
		group("View all user phone information",
			"phone:read:user:admin|View a phone user",
			"phone:read:list_users:admin|View phone users",
			"phone:read:list_call_logs:admin|View call logs",
			"phone:read:call_recording:admin|View a call recording"),
		group("View and manage all user phone information",
			"phone:update:user:admin|Update a phone user",
			"phone:write:call_queue:admin|Create a call queue"),
	}},
	{Name: "Team Chat", Groups: []scopeGroup{
		group("View all users' Team Chat",
			"team_chat:read:list_user_channels:admin|View a user's channels",
			"team_chat:read:channel:admin|View a channel",
			"team_chat:read:list_user_messages:admin|View a user's chat messages"),
		group("View and manage all users' Team Chat",
			"team_chat:write:user_channel:admin|Create a channel",
			"team_chat:update:channel:admin|Update a channel",
			"team_chat:delete:channel:admin|Delete a channel"),
	}},
	{Name: "Contact Center", Groups: []scopeGroup{
		group("View Contact Center data",
			"contact_center:read:list_queues:admin|View queues",
			"contact_center:read:queue:admin|View a queue",
			"contact_center:read:list_users:admin|View Contact Center users"),
		group("View and manage Contact Center data",
			"contact_center:update:queue:admin|Update a queue"),
	}},
	{Name: "Whiteboard", Groups: []scopeGroup{
		group("View all user whiteboards",
			"whiteboard:read:list_whiteboards:admin|View whiteboards",
			"whiteboard:read:whiteboard:admin|View a whiteboard"),
		group("View and manage all user whiteboards",
			"whiteboard:write:whiteboard:admin|Create a whiteboard",
			"whiteboard:delete:whiteboard:admin|Delete a whiteboard"),
	}},
	{Name: "Rooms", Groups: []scopeGroup{
		group("View all Zoom Rooms information",
			"room:read:list_rooms:admin|View Zoom Rooms",
			"room:read:room:admin|View a Zoom Room",
			"room:read:settings:admin|View a Zoom Room's settings"),
		group("View and manage all Zoom Rooms information",
			"room:update:room:admin|Update a Zoom Room",
			"room:update:settings:admin|Update a Zoom Room's settings"),
	}},
	{Name: "Mail", Groups: []scopeGroup{
		group("View all user mail",
			"mail:read:list_mailboxes:admin|View mailboxes",
			"mail:read:message:admin|View a message"),
		group("View and manage all user mail",
			"mail:write:message:admin|Send a message"),
	}},
	{Name: "Calendar", Groups: []scopeGroup{
		group("View all user calendars",
			"calendar:read:list_events:admin|View calendar events",
			"calendar:read:event:admin|View a calendar event"),
		group("View and manage all user calendars",
			"calendar:write:event:admin|Create a calendar event",
			"calendar:delete:event:admin|Delete a calendar event"),
	}},
	{Name: "Dashboard", Groups: []scopeGroup{
		group("View dashboard data",
			"dashboard:read:list_meetings:admin|View dashboard meetings",
			"dashboard:read:meeting:admin|View a dashboard meeting",
			"dashboard:read:list_meeting_participants:admin|View dashboard meeting participants",
			"dashboard:read:list_webinars:admin|View dashboard webinars",
			"dashboard:read:zoom_rooms:admin|View dashboard Zoom Rooms"),
	}},
	{Name: "Account", Groups: []scopeGroup{
		group("View and manage account information",
			"account:read:settings:admin|View account settings",
			"account:update:settings:admin|Update account settings",
			"account:read:lock_settings:admin|View locked settings"),
		group("View and manage sub accounts",
			"account:read:list_sub_accounts:master|View sub accounts",
			"account:write:sub_account:master|Create a sub account"),
	}},
	{Name: "Group", Groups: []scopeGroup{
		group("View and manage groups",
			"group:read:list_groups:admin|View groups",
			"group:read:group:admin|View a group",
			"group:write:group:admin|Create a group",
			"group:update:group:admin|Update a group"),
	}},
	{Name: "Role", Groups: []scopeGroup{
		group("View and manage roles",
			"role:read:list_roles:admin|View roles",
			"role:read:role:admin|View a role",
			"role:write:role:admin|Create a role",
			"role:update:role:admin|Update a role"),
	}},
	{Name: "Clips", Groups: []scopeGroup{
		group("View and manage all user clips",
			"clips:read:list_user_clips:admin|View a user's clips",
			"clips:read:clip:admin|View a clip",
			"clips:delete:clip:admin|Delete a clip"),
	}},
	{Name: "Marketplace", Groups: []scopeGroup{
		group("View and manage Marketplace apps",
			"marketplace:read:list_apps:admin|View apps",
			"marketplace:write:app:master|Create an app"),
	}},
}

// classicCatalogue holds the nine classic scopes of the MEETS guide with the
// labels the old picker showed, plus user-level and other products' scopes.
var classicCatalogue = []product{
	{Name: "Meeting", Groups: []scopeGroup{
		group("Admin-level scopes",
			"meeting:read:admin|View all user meetings",
			"meeting:write:admin|View and manage all user meetings"),
		group("User-level scopes",
			"meeting:read|View your meetings",
			"meeting:write|View and manage your meetings"),
		group("Master-level scopes",
			"meeting:master|View and manage sub account's user meetings"),
	}},
	{Name: "Webinar", Groups: []scopeGroup{
		group("Admin-level scopes",
			"webinar:read:admin|View all user Webinars",
			"webinar:write:admin|View and manage all user Webinars"),
		group("User-level scopes",
			"webinar:read|View your webinars",
			"webinar:write|View and manage your webinars"),
	}},
	{Name: "Recording", Groups: []scopeGroup{
		group("Admin-level scopes",
			"recording:read:admin|View all user recordings",
			"recording:write:admin|View and manage all user recordings"),
		group("User-level scopes",
			"recording:read|View your recordings",
			"recording:write|View and manage your recordings"),
	}},
	{Name: "User", Groups: []scopeGroup{
		group("Admin-level scopes",
			"user:read:admin|View all user information",
			"user:write:admin|View users information and manage users"),
		group("User-level scopes",
			"user:read|View your user information",
			"user:write|View and manage your user information"),
		group("Master-level scopes",
			"user:master|View and manage sub account's user information"),
	}},
	{Name: "Report", Groups: []scopeGroup{
		group("Admin-level scopes",
			"report:read:admin|View report data"),
		group("Master-level scopes",
			"report:master|View sub account's report data"),
	}},
	{Name: "Phone", Groups: []scopeGroup{
		group("Admin-level scopes",
			"phone:read:admin|View all user phone information",
			"phone:write:admin|View and manage all user phone information"),
		group("User-level scopes",
			"phone:read|View your phone information"),
	}},
	{Name: "Team Chat", Groups: []scopeGroup{
		group("Admin-level scopes",
			"chat_channel:read:admin|View all user chat channels",
			"chat_message:read:admin|View all user chat messages"),
	}},
	{Name: "Contact Center", Groups: []scopeGroup{
		group("Admin-level scopes",
			"contact_center:read:admin|View Contact Center data"),
	}},
	{Name: "Whiteboard", Groups: []scopeGroup{
		group("Admin-level scopes",
			"whiteboard:read:admin|View all user whiteboards"),
	}},
	{Name: "Rooms", Groups: []scopeGroup{
		group("Admin-level scopes",
			"room:read:admin|View all Zoom Rooms information",
			"room:write:admin|View and manage all Zoom Rooms information"),
	}},
	{Name: "Mail", Groups: []scopeGroup{
		group("Admin-level scopes",
			"mail:read:admin|View all user mail"),
	}},
	{Name: "Calendar", Groups: []scopeGroup{
		group("Admin-level scopes",
			"calendar:read:admin|View all user calendars"),
	}},
	{Name: "Dashboard", Groups: []scopeGroup{
		group("Admin-level scopes",
			"dashboard_meetings:read:admin|View all users' meetings dashboard",
			"dashboard_webinars:read:admin|View all users' webinars dashboard",
			"dashboard_zr:read:admin|View the Zoom Rooms dashboard"),
	}},
	{Name: "Account", Groups: []scopeGroup{
		group("Admin-level scopes",
			"account:read:admin|View account info",
			"account:write:admin|View and manage account info"),
		group("Master-level scopes",
			"account:master|View and manage sub accounts"),
	}},
	{Name: "Group", Groups: []scopeGroup{
		group("Admin-level scopes",
			"group:read:admin|View groups",
			"group:write:admin|View and manage groups"),
	}},
	{Name: "Role", Groups: []scopeGroup{
		group("Admin-level scopes",
			"role:read:admin|View roles",
			"role:write:admin|View and manage roles"),
	}},
}
