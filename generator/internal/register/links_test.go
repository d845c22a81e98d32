package register

import "testing"

func TestValidEmail(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"privacy@example.org", true},
		{"first.last+rights@sub.example.co.uk", true},
		{"o'brien@example.ie", true},
		{"privacy@example.org?bcc=harvest@evil.example", false},
		{"privacy@example.org&cc=x@evil.example", false},
		{"mailto:privacy@example.org", false},
		{"privacy @example.org", false},
		{"privacy@localhost", false},
		{"a@b@example.org", false},
		{".privacy@example.org", false},
		{"pri..vacy@example.org", false},
		{"privacy@-example.org", false},
		{"privacy@example.org\n", false},
		{"privacy@example.123", false},
		{"privacy@example.xn--p1ai", true},
	} {
		if got := validEmail(tc.s); got != tc.want {
			t.Errorf("validEmail(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

func TestBadWebLink(t *testing.T) {
	for _, tc := range []struct{ s, want string }{
		{"https://www.example.org/privacy?x=1#top", ""},
		{"https://example.org", ""},
		{"http://www.example.org", "only https:// links are allowed, not http:"},
		{"HTTPS://www.example.org", "only https:// links are allowed, not https:"},
		{"javascript:alert(1)", "only https:// links are allowed, not javascript:"},
		{"data:text/html,x", "only https:// links are allowed, not data:"},
		{"file:///etc/passwd", "only https:// links are allowed, not file:"},
		{"www.example.org", "write a full address that starts with https://"},
		{"https://", "it needs a host name such as www.example.org"},
		{"https://user:pass@example.org", "a user name before the host (https://name@host) disguises where the link goes"},
		{"https://www.example.org@evil.example", "a user name before the host (https://name@host) disguises where the link goes"},
		{"https://example.org/a b", "it contains a space, a backslash, a quote or an angle bracket"},
		{`https://example.org/"onmouseover="x`, "it contains a space, a backslash, a quote or an angle bracket"},
		{"https://localhost/", "it needs a host name such as www.example.org"},
	} {
		if got := badWebLink(tc.s); got != tc.want {
			t.Errorf("badWebLink(%q) = %q, want %q", tc.s, got, tc.want)
		}
	}
}

func TestLooksLikeLink(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"https://example.org", true},
		{"javascript:alert(1)", true},
		{"mailto:x@example.org", true},
		{"Settings: Privacy", false},
		{"Open the app, then Settings > Privacy", false},
		{"x:", false},
	} {
		if got := looksLikeLink(tc.s); got != tc.want {
			t.Errorf("looksLikeLink(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}
