package automation

import (
	"fmt"
	"strings"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"zoomsetup/secret"
)

// totpPeriod is RFC 6238's step, the one Zoom's authenticator codes use.
const totpPeriod = 30 * time.Second

// TOTPCode returns the 6-digit code for secret at now. Near the end of a
// period (less than margin left) it returns the next period's code, so the
// code is still valid when the server checks it after it has been typed.
func TOTPCode(s secret.Secret, now time.Time, margin time.Duration) (string, error) {
	left := totpPeriod - time.Duration(now.UnixNano()%int64(totpPeriod))
	if left < margin {
		now = now.Add(left)
	}
	code, err := totp.GenerateCodeCustom(strings.ToUpper(strings.ReplaceAll(s.Reveal(), " ", "")), now, totp.ValidateOpts{
		Period: 30, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1,
	})
	if err != nil {
		return "", fmt.Errorf("the TOTP secret is not valid base32: %w", err)
	}
	return code, nil
}
