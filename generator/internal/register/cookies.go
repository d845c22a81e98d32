package register

import (
	"slices"

	"github.com/privacy-as-code/ropa/generator/internal/diag"
)

// cookies: a cookie's recipient is a third party the activity names among
// its recipients, and a cookie that is not strictly necessary sits on an
// activity with a purpose on consent (ePrivacy Directive Art. 5(3)).
//
// Art. 5(3) allows storing or reading information on a device without
// consent only when it is strictly necessary for the service the person
// asked for. No GDPR basis replaces that consent, so such a cookie on an
// activity without consent is an error. One case is a warning: first-party
// analytics, which some member states exempt when its privacy impact is
// small (Art. 11.7a(3)(b) Telecommunicatiewet, the CNIL's audience
// measurement exemption); the record cannot show the conditions are met.
func (c *checker) cookies(rec *file, a *Activity, basisOpen bool) {
	consent := slices.Contains(a.LegalBases(), "consent")
	for i, k := range a.Cookies {
		if k.Recipient != "" {
			switch {
			case k.Provider != "third-party":
				c.report(rec, dp("cookies", i, "recipient"), true, diag.Error, "recipient belongs only to provider = \"third-party\": a first-party %s is placed by the organisation itself", k.KindOrDefault())
			case c.l.failed["recipients"]:
				// reported in the register's own file
			case c.reg.Recipients[k.Recipient] == nil:
				c.errorf(rec, dp("cookies", i, "recipient"), "unknown recipient %q: it is not defined in %s/recipients.toml%s", k.Recipient, DataDir, c.suggest(k.Recipient, c.reg.Recipients))
			case !slices.Contains(a.Recipients, k.Recipient):
				c.errorf(rec, dp("cookies", i, "recipient"), "recipient %q receives data through %s %q but is not among the activity's recipients: add it to recipients", k.Recipient, k.KindOrDefault(), k.Name)
			}
		}
		if basisOpen || consent || k.Category == "strictly-necessary" {
			continue
		}
		if k.Category == "analytics" && k.Provider == "first-party" {
			c.warnf(rec, dp("cookies", i, "category"), "%s %q (analytics) needs consent under ePrivacy Directive Art. 5(3) unless a national exemption for first-party analytics with little privacy impact applies (e.g. Art. 11.7a(3)(b) Telecommunicatiewet), but no purpose of this activity is on consent: put its purposes on legal_basis = \"consent\", or record the exemption in [internal] notes", k.KindOrDefault(), k.Name)
			continue
		}
		c.errorf(rec, dp("cookies", i, "category"), "%s %q (%s) needs consent under ePrivacy Directive Art. 5(3), but no purpose of this activity is on consent: put its purposes on legal_basis = \"consent\"; only a strictly-necessary %s needs none", k.KindOrDefault(), k.Name, k.Category, k.KindOrDefault())
	}
}
