package simulator

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// apiError is the body of every REST API error, as Zoom sends it.
type apiError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

// apiUser is a user as the REST API lists it.
type apiUser struct {
	ID          string `json:"id"`
	FirstName   string `json:"first_name"`
	LastName    string `json:"last_name"`
	DisplayName string `json:"display_name"`
	Email       string `json:"email"`
	Type        int    `json:"type"`
	Timezone    string `json:"timezone"`
	Verified    int    `json:"verified"`
	Dept        string `json:"dept"`
	Language    string `json:"language"`
	Status      string `json:"status"`
	RoleID      string `json:"role_id"`
}

// apiMe is GET /users/me: the listed fields and a few more.
type apiMe struct {
	apiUser
	RoleName  string `json:"role_name"`
	AccountID string `json:"account_id"`
}

// apiUserList is GET /users.
type apiUserList struct {
	NextPageToken string    `json:"next_page_token"`
	PageCount     int       `json:"page_count"`
	PageNumber    int       `json:"page_number"`
	PageSize      int       `json:"page_size"`
	TotalRecords  int       `json:"total_records"`
	Users         []apiUser `json:"users"`
}

func (s *Sim) apiHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v2/users", func(w http.ResponseWriter, r *http.Request) {
		if !s.checkToken(w, r, "user:read:list_users:admin", "user:read:admin") {
			return
		}
		size := 30
		if v := r.URL.Query().Get("page_size"); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > 300 {
				writeJSON(w, http.StatusBadRequest, apiError{Code: 300, Message: "Invalid field."})
				return
			}
			size = n
		}
		writeJSON(w, http.StatusOK, apiUserList{PageCount: 1, PageNumber: 1, PageSize: size, TotalRecords: 1, Users: []apiUser{s.apiUser()}})
	})
	mux.HandleFunc("GET /v2/users/me", func(w http.ResponseWriter, r *http.Request) {
		if !s.checkToken(w, r, "user:read:user:admin", "user:read:admin") {
			return
		}
		s.mu.Lock()
		acct := s.w.accountID
		s.mu.Unlock()
		writeJSON(w, http.StatusOK, apiMe{apiUser: s.apiUser(), RoleName: s.roleName(), AccountID: acct})
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusNotFound, apiError{Code: 404, Message: "Not Found"})
	})
	return mux
}

func (s *Sim) apiUser() apiUser {
	s.mu.Lock()
	defer s.mu.Unlock()
	return apiUser{
		ID:          s.w.userID,
		FirstName:   userFirstName,
		LastName:    userLastName,
		DisplayName: userFirstName + " " + userLastName,
		Email:       zoomEmail,
		Type:        2,
		Timezone:    "America/New_York",
		Verified:    1,
		Language:    "en-US",
		Status:      "active",
		RoleID:      s.roleID(),
	}
}

// roleName is the user's role: the Owner has every permission, so a user
// without the developer one (Options.NoDeveloperRole) is a Member.
func (s *Sim) roleName() string {
	if s.opts.NoDeveloperRole {
		return "Member"
	}
	return "Owner"
}

// roleID is the id of roleName's role, as the REST API lists it.
func (s *Sim) roleID() string {
	if s.opts.NoDeveloperRole {
		return "2"
	}
	return "0"
}

// checkToken answers 401 (code 124) for a missing, unknown or expired token and
// 400 (code 4711) when the token holds none of the accepted scopes; it reports
// whether the request may go on.
func (s *Sim) checkToken(w http.ResponseWriter, r *http.Request, accepted ...string) bool {
	auth := r.Header.Get("Authorization")
	scheme, tok, _ := strings.Cut(auth, " ")
	if !strings.EqualFold(scheme, "Bearer") || tok == "" {
		writeJSON(w, http.StatusUnauthorized, apiError{Code: 124, Message: "Invalid access token."})
		return false
	}
	s.mu.Lock()
	t, ok := s.w.tokens[tok]
	expired := ok && !s.now().Before(t.expires)
	s.mu.Unlock()
	if !ok {
		writeJSON(w, http.StatusUnauthorized, apiError{Code: 124, Message: "Invalid access token."})
		return false
	}
	if expired {
		writeJSON(w, http.StatusUnauthorized, apiError{Code: 124, Message: "Access token is expired."})
		return false
	}
	for _, a := range accepted {
		if slices.Contains(t.scopes, a) {
			return true
		}
	}
	writeJSON(w, http.StatusBadRequest, apiError{Code: 4711, Message: "Invalid access token, does not contain scopes:[" + strings.Join(accepted, ", ") + "]."})
	return false
}
