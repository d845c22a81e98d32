// Package country knows ISO 3166-1 alpha-2 country codes, their names in the
// site languages, the European Economic Area and the EU's adequacy decisions.
package country

import (
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// AdequacyCheckedOn is the date the adequacy table below was last checked
// against the European Commission's list of adequacy decisions.
const AdequacyCheckedOn = "2026-11-22"

// adequacy lists the countries with an EU adequacy decision under Art. 45 GDPR,
// with the decision that grants it. The United States is adequate only for
// organisations certified under the EU-US Data Privacy Framework (decision of
// 10 July 2023): that is the safeguard "dpf", not "adequacy".
var adequacy = map[string]string{
	"AD": "Commission Decision 2010/625/EU (Andorra)",
	"AR": "Commission Decision 2003/490/EC (Argentina)",
	"CA": "Commission Decision 2002/2/EC (Canada, commercial organisations under PIPEDA)",
	"CH": "Commission Decision 2000/518/EC (Switzerland)",
	"FO": "Commission Decision 2010/146/EU (Faroe Islands)",
	"GB": "Commission Implementing Decision C(2021) 4800 (United Kingdom, renewed 2025)",
	"GG": "Commission Decision 2003/821/EC (Guernsey)",
	"IL": "Commission Decision 2011/61/EU (Israel)",
	"IM": "Commission Decision 2004/411/EC (Isle of Man)",
	"JE": "Commission Decision 2008/393/EC (Jersey)",
	"JP": "Commission Implementing Decision (EU) 2019/419 (Japan)",
	"KR": "Commission Implementing Decision (EU) 2022/254 (Republic of Korea)",
	"NZ": "Commission Decision 2013/65/EU (New Zealand)",
	"UY": "Commission Decision 2012/484/EU (Uruguay)",
}

// adequateSince gives, for the adequacy decisions adopted after the GDPR
// applied (25 May 2018), the date from which they apply; the others are older.
var adequateSince = map[string]string{
	"JP": "2019-01-23",
	"GB": "2021-06-28",
	"KR": "2021-12-17",
}

// AdequateOn reports whether country code had an adequacy decision in force on
// date (YYYY-MM-DD), and since when when it did not.
func AdequateOn(code, date string) (since string, ok bool) {
	if _, ok := adequacy[code]; !ok {
		return "", false
	}
	since = adequateSince[code]
	return since, since == "" || date >= since
}

// DPFSince is the date of the adequacy decision for the EU-US Data Privacy
// Framework; PrivacyShieldUntil the date the Court of Justice invalidated the
// EU-US Privacy Shield (C-311/18, Schrems II).
const (
	DPFSince           = "2023-07-10"
	PrivacyShieldUntil = "2020-07-16"
)

// DPFCountry is the only country for which the EU-US Data Privacy Framework
// (Commission Implementing Decision (EU) 2023/1795) is a safeguard.
const DPFCountry = "US"

var eea = map[string]bool{
	"AT": true, "BE": true, "BG": true, "HR": true, "CY": true, "CZ": true, "DK": true,
	"EE": true, "FI": true, "FR": true, "DE": true, "GR": true, "HU": true, "IE": true,
	"IT": true, "LV": true, "LT": true, "LU": true, "MT": true, "NL": true, "PL": true,
	"PT": true, "RO": true, "SK": true, "SI": true, "ES": true, "SE": true,
	"IS": true, "LI": true, "NO": true,
	// Parts of EU member states with codes of their own: Åland (FI) and the
	// French outermost regions, where EU law applies.
	"AX": true, "GF": true, "GP": true, "MQ": true, "RE": true, "YT": true, "MF": true,
}

// iso3166 lists the 249 officially assigned ISO 3166-1 alpha-2 codes, so
// that withdrawn codes (SU, YU, AN, ...) and user-assigned ones are refused.
const iso3166 = "" +
	"AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ " +
	"BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
	"CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ " +
	"DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
	"GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY " +
	"HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
	"KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY " +
	"MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ " +
	"NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY " +
	"QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ " +
	"TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ " +
	"VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"

var assigned = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range strings.Fields(iso3166) {
		m[c] = true
	}
	return m
}()

// Valid reports whether code is an assigned ISO 3166-1 alpha-2 country code.
func Valid(code string) bool { return assigned[code] }

// InEEA reports whether code is a member of the European Economic Area.
func InEEA(code string) bool { return eea[code] }

// Adequacy returns the adequacy decision for code, if there is one.
func Adequacy(code string) (decision string, ok bool) {
	decision, ok = adequacy[code]
	return decision, ok
}

// Name returns the name of the country in the given language ("nl", "en", ...),
// or the code itself when it is unknown.
func Name(code, lang string) string {
	key := [2]string{code, lang}
	if n, ok := names.Load(key); ok {
		return n.(string)
	}
	n := name(code, lang)
	names.Store(key, n)
	return n
}

// names remembers what Name found: the rules ask for the name of every
// country of every transfer (10,000 activities ask for a few countries
// 30,000 times), and parsing and looking up in the display tables costs
// more than a lookup here.
var names sync.Map // [2]string{code, lang} -> string

func name(code, lang string) string {
	r, err := language.ParseRegion(code)
	if err != nil {
		return code
	}
	tag, err := language.Parse(lang)
	if err != nil {
		tag = language.English
	}
	if n := display.Regions(tag).Name(r); n != "" {
		return n
	}
	return code
}
