package register

import (
	"github.com/privacy-as-code/ropa/generator/internal/country"
	"github.com/privacy-as-code/ropa/generator/internal/diag"
)

// safeguard: the safeguard of a transfer fits its country and was in force
// on the notice's effective date (Art. 45-49).
func (c *checker) safeguard(rec *file, p []string, t Transfer, name string) {
	at := append(p[:len(p):len(p)], "safeguard")
	date := ""
	if !c.l.failed["organisation"] {
		date = c.reg.Organisation.EffectiveDate
	}
	switch t.Safeguard {
	case "adequacy":
		if t.Country == country.DPFCountry {
			c.errorf(rec, at, "the United States are adequate only for organisations certified under the EU-US Data Privacy Framework: use safeguard = \"dpf\", or scc")
		} else if _, ok := country.Adequacy(t.Country); !ok {
			c.errorf(rec, at, "%s (%s) has no EU adequacy decision (list checked %s): use scc, bcr or art49-derogation", t.Country, name, country.AdequacyCheckedOn)
		} else if since, ok := country.AdequateOn(t.Country, date); date != "" && !ok {
			c.errorf(rec, at, "the adequacy decision for %s (%s) applies from %s, after the notice's effective_date %s: use the safeguard that applied then", t.Country, name, since, date)
		}
	case "dpf":
		if t.Country != country.DPFCountry {
			c.errorf(rec, at, "the Data Privacy Framework covers transfers to the United States only, not %s (%s)", t.Country, name)
		} else if date != "" && date < country.DPFSince {
			c.errorf(rec, at, "the Data Privacy Framework applies from %s, after the notice's effective_date %s: use the safeguard that applied then, e.g. scc", country.DPFSince, date)
		}
	case "privacy-shield":
		if t.Country != country.DPFCountry {
			c.errorf(rec, at, "the Privacy Shield covered transfers to the United States only, not %s (%s)", t.Country, name)
		} else if date == "" || date >= country.PrivacyShieldUntil {
			c.errorf(rec, at, "the EU-US Privacy Shield was invalidated on %s (Court of Justice, C-311/18) and cannot cover a notice effective %s: use safeguard = \"dpf\" for certified recipients, or scc", country.PrivacyShieldUntil, date)
		}
	case "art49-derogation":
		switch {
		case t.Derogation == "" && len(t.Details) == 0:
			c.errorf(rec, at, "an Art. 49 derogation must say which one applies: add derogation = \"art49-1-a\" (… to art49-1-g)")
		case t.Derogation == "":
			c.warnf(rec, at, "name the Art. 49(1) derogation relied on: add derogation = \"art49-1-a\" (… to art49-1-g); details alone do not say which letter applies")
		}
	}
	if t.Derogation != "" && t.Safeguard != "art49-derogation" {
		c.report(rec, append(p[:len(p):len(p)], "derogation"), true, diag.Error, "derogation belongs only to safeguard = \"art49-derogation\", not %q", t.Safeguard)
	}
}

// HasCopy reports whether a safeguard is a document people can get a copy
// of (Art. 13(1)(f), 14(1)(f)): clauses and rules. A transfer says how in its
// copy field; without it, nobody offers a copy.
func HasCopy(safeguard string) bool {
	switch safeguard {
	case "scc", "bcr", "ad-hoc-clauses", "public-authority-instrument", "administrative-arrangement":
		return true
	}
	return false
}

// betweenAuthorities are the safeguards that only public authorities or
// bodies can give each other (Art. 46(2)(a), 46(3)(b)).
var betweenAuthorities = map[string]string{
	"public-authority-instrument": "a legally binding instrument between public authorities (Art. 46(2)(a))",
	"administrative-arrangement":  "an administrative arrangement between public authorities (Art. 46(3)(b))",
}

// safeguardFits: the safeguard fits the kind of recipient, and a copy is
// offered only of a safeguard that is a document.
//
// Standard contractual clauses (Art. 46(2)(c)) are a contract between
// private parties and binding corporate rules (Art. 47) bind a group of
// undertakings; neither can bind a public authority. Transfers to public
// authorities rely on an instrument between public authorities (Art.
// 46(2)(a), 46(3)(b)) or on an Art. 49 derogation. The site would otherwise
// tell people that "we agreed the standard contractual clauses" with, say, a
// foreign police force: an error, not a warning.
func (c *checker) safeguardFits(rec *file, p []string, t Transfer) {
	if r, ok := c.reg.Recipients[t.Recipient]; ok && r != nil && r.Kind == "public-authority" && (t.Safeguard == "scc" || t.Safeguard == "bcr") {
		c.errorf(rec, append(p[:len(p):len(p)], "safeguard"), "%q is a public authority, which %s cannot bind: use safeguard = \"public-authority-instrument\" or \"administrative-arrangement\" where one public body transfers to another (Art. 46(2)(a), 46(3)(b)), or \"art49-derogation\" with the derogation relied on (e.g. art49-1-d, important reasons of public interest)", t.Recipient, map[string]string{"scc": "standard contractual clauses", "bcr": "binding corporate rules"}[t.Safeguard])
	}
	if what, ok := betweenAuthorities[t.Safeguard]; ok {
		switch r, known := c.reg.Recipients[t.Recipient]; {
		case t.Recipient == "":
			c.errorf(rec, append(p[:len(p):len(p)], "safeguard"), "%s binds a public authority that receives the data; the organisation's own storage abroad has no such recipient: name the recipient, or use another safeguard", what)
		case known && r != nil && r.Kind != "public-authority":
			c.errorf(rec, append(p[:len(p):len(p)], "safeguard"), "%s is only for a recipient that is a public authority or body; %q is of kind %q (set kind = \"public-authority\" if it is one)", what, t.Recipient, r.Kind)
		}
	}
	if t.Copy != "" && !HasCopy(t.Safeguard) {
		c.report(rec, append(p[:len(p):len(p)], "copy"), true, diag.Error, "copy belongs only to safeguards that are a document (scc, bcr, ad-hoc-clauses, public-authority-instrument, administrative-arrangement), not %q", t.Safeguard)
	}
}
