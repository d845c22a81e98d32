package country

import "testing"

func TestValid(t *testing.T) {
	for code, want := range map[string]bool{
		"NL": true, "US": true, "JP": true, "KR": true, "GB": true, "IN": true,
		"UK": false, "EU": false, "XK": false, "ZZ": false, "nl": false, "N": false, "NLD": false, "AA": false, "QQ": false,
		"SU": false, "YU": false, "DD": false, "CS": false, "AN": false, "ZR": false, "TP": false, "BU": false, "FX": false, "NT": false,
		"SS": true, "CW": true, "SX": true, "BQ": true, "AX": true,
	} {
		if got := Valid(code); got != want {
			t.Errorf("Valid(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestName(t *testing.T) {
	for _, tc := range []struct{ code, lang, want string }{
		{"US", "nl", "Verenigde Staten"},
		{"US", "en", "United States"},
		{"KR", "en", "South Korea"},
		{"DE", "nl", "Duitsland"},
	} {
		if got := Name(tc.code, tc.lang); got != tc.want {
			t.Errorf("Name(%q, %q) = %q, want %q", tc.code, tc.lang, got, tc.want)
		}
	}
}

func TestAdequacyExcludesEEAAndUS(t *testing.T) {
	for code := range adequacy {
		if InEEA(code) {
			t.Errorf("%s is in the EEA and cannot have an adequacy decision", code)
		}
		if !Valid(code) {
			t.Errorf("%s is not a valid country code", code)
		}
	}
	if _, ok := Adequacy("US"); ok {
		t.Error("the United States are adequate only through the Data Privacy Framework")
	}
	if _, ok := Adequacy("KR"); !ok {
		t.Error("South Korea has an adequacy decision (2022)")
	}
}

func TestEveryAssignedCodeHasNames(t *testing.T) {
	if len(assigned) != 249 {
		t.Fatalf("%d codes; ISO 3166-1 assigns 249", len(assigned))
	}
	for code := range assigned {
		for _, lang := range []string{"nl", "en"} {
			if Name(code, lang) == code {
				t.Errorf("no %s name for %s", lang, code)
			}
		}
	}
	if !InEEA("RE") || !InEEA("AX") || InEEA("GB") || InEEA("CH") {
		t.Error("EEA membership is wrong for RE, AX, GB or CH")
	}
}
