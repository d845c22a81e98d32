package register

import (
	"net/url"
	"strconv"
	"strings"
	"unicode"
)

// Addresses and links are checked by their kind, because the site turns them
// into links: an e-mail address becomes a mailto: link, where a "?" would add
// hidden recipients (privacy@example.org?bcc=harvest@evil.example copies
// every request to a third party); a web address becomes an href, where
// javascript:, data:, file: or http: do not belong.

// email checks an e-mail address: local@domain and nothing more.
func (c *checker) email(rec *file, p []string, s string) bool {
	if !c.length(rec, p, s, MaxEmail, "an e-mail address") {
		return false
	}
	if !validEmail(s) {
		c.errorf(rec, p, "%s is not an e-mail address: write only local@domain, e.g. privacy@example.org, without spaces, ?, &, a second @ or mailto:", quoteShort(s))
		return false
	}
	return true
}

// validEmail accepts local@domain where the local part holds letters,
// digits and . _ + - ' (no leading, trailing or double dot) and the domain is
// a host name with at least two labels.
func validEmail(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	if !ok || local == "" || strings.HasPrefix(local, ".") || strings.HasSuffix(local, ".") || strings.Contains(local, "..") {
		return false
	}
	for _, r := range local {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("._+-'", r) {
			return false
		}
	}
	return validHost(domain)
}

// validHost accepts a domain name of at least two labels of letters, digits
// and inner hyphens, the last a name of letters (or an xn-- label).
func validHost(h string) bool {
	labels := strings.Split(h, ".")
	if len(labels) < 2 || len(h) > 253 {
		return false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
			return false
		}
		for _, r := range l {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' {
				return false
			}
		}
	}
	tld := labels[len(labels)-1]
	if strings.HasPrefix(tld, "xn--") {
		return true
	}
	for _, r := range tld {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// webLink checks a web address: https:// with a host name, no user name or
// password before the host, no spaces.
func (c *checker) webLink(rec *file, p []string, s string) bool {
	if !c.length(rec, p, s, MaxURL, "a web address") {
		return false
	}
	if why := badWebLink(s); why != "" {
		c.errorf(rec, p, "%s is not a web address people can follow safely: %s", quoteShort(s), why)
		return false
	}
	return true
}

// badWebLink says what is wrong with a web address, or returns "".
func badWebLink(s string) string {
	if !strings.HasPrefix(s, "https://") {
		if i := strings.Index(s, ":"); i > 0 && !strings.ContainsAny(s[:i], " /") {
			return "only https:// links are allowed, not " + strings.ToLower(s[:i]) + ":"
		}
		return "write a full address that starts with https://"
	}
	if strings.ContainsAny(s, " \\\"<>`") {
		return "it contains a space, a backslash, a quote or an angle bracket"
	}
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return "it cannot be read as a web address"
	case u.User != nil:
		return "a user name before the host (https://name@host) disguises where the link goes"
	case !validHost(u.Hostname()):
		return "it needs a host name such as www.example.org"
	}
	return ""
}

// phone checks a telephone number: digits, spaces, a leading +, hyphens and
// parentheses, with at least three digits.
func (c *checker) phone(rec *file, p []string, s string) bool {
	if !c.length(rec, p, s, MaxPhone, "a telephone number") {
		return false
	}
	digits := 0
	ok := true
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ' ' || r == '-' || r == '(' || r == ')' || r == '+' && i == 0:
		default:
			ok = false
		}
	}
	if !ok || digits < 3 {
		c.errorf(rec, p, "%s is not a telephone number: write digits, spaces and hyphens, with + before the country code, e.g. +31 20 555 0170", quoteShort(s))
		return false
	}
	return true
}

// channelAddress checks the address of a rights channel by its kind: an
// e-mail address, an https:// link for a web form, a postal address, and for
// self-service either a link or a description of where to go.
func (c *checker) channelAddress(rec *file, p []string, ch Channel) {
	s := ch.Address
	switch ch.Kind {
	case "email":
		if c.characters(rec, p, s, false) {
			c.email(rec, p, s)
		}
	case "web":
		if c.characters(rec, p, s, false) {
			c.webLink(rec, p, s)
		}
	case "self-service":
		if !c.characters(rec, p, s, false) {
			return
		}
		if looksLikeLink(s) {
			c.webLink(rec, p, s)
		} else {
			c.length(rec, p, s, MaxName, "a description of where to go")
		}
	default: // post
		if c.characters(rec, p, s, true) {
			c.length(rec, p, s, MaxText, "a postal address")
		}
	}
}

// looksLikeLink reports whether s starts with a URL scheme (https:, mailto:,
// javascript:) rather than words ("Settings: Privacy").
func looksLikeLink(s string) bool {
	i := strings.Index(s, ":")
	if i <= 0 || i+1 >= len(s) || s[i+1] == ' ' {
		return false
	}
	for j, r := range s[:i] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || j > 0 && (r >= '0' && r <= '9' || r == '+' || r == '.' || r == '-')) {
			return false
		}
	}
	return true
}

// quoteShort quotes s for a message, cut to 80 characters.
func quoteShort(s string) string {
	if r := []rune(s); len(r) > 80 {
		return strconv.Quote(string(r[:80])) + "…"
	}
	return strconv.Quote(s)
}
