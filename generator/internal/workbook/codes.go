package workbook

// code is one value of an enumeration in the records, with the GDPR provision
// it stands for. Its words are in the dictionary under prefix+value.
type code struct {
	value string // as written in the records
	ref   string // GDPR provision, e.g. "Art. 6(1)(a)"
}

// codeList is an enumeration of the records, in the order the legend shows it.
type codeList struct {
	title  string // dictionary key of the kind of code
	prefix string // dictionary key prefix of the words for each value
	codes  []code
}

// legalBases are the legal bases of Art. 6(1), in the order of its letters.
var legalBases = []code{
	{"consent", "Art. 6(1)(a)"},
	{"contract", "Art. 6(1)(b)"},
	{"legal-obligation", "Art. 6(1)(c)"},
	{"vital-interests", "Art. 6(1)(d)"},
	{"public-task", "Art. 6(1)(e)"},
	{"legitimate-interests", "Art. 6(1)(f)"},
}

// codeLists are the enumerations the legend explains.
var codeLists = []codeList{
	{"legend.code.lb", "basis.", legalBases},
	{"legend.code.a9", "", []code{
		{"art9-2-a", "Art. 9(2)(a)"}, {"art9-2-b", "Art. 9(2)(b)"}, {"art9-2-c", "Art. 9(2)(c)"},
		{"art9-2-d", "Art. 9(2)(d)"}, {"art9-2-e", "Art. 9(2)(e)"}, {"art9-2-f", "Art. 9(2)(f)"},
		{"art9-2-g", "Art. 9(2)(g)"}, {"art9-2-h", "Art. 9(2)(h)"}, {"art9-2-i", "Art. 9(2)(i)"},
		{"art9-2-j", "Art. 9(2)(j)"},
	}},
	{"legend.code.sg", "safeguard.", []code{
		{"adequacy", "Art. 45"}, {"scc", "Art. 46(2)(c)"}, {"bcr", "Art. 47"}, {"dpf", "Art. 45"},
		{"code-of-conduct", "Art. 46(2)(e)"}, {"certification", "Art. 46(2)(f)"}, {"ad-hoc-clauses", "Art. 46(3)(a)"},
		{"public-authority-instrument", "Art. 46(2)(a)"}, {"administrative-arrangement", "Art. 46(3)(b)"},
		{"art49-derogation", "Art. 49"}, {"privacy-shield", "Art. 45 (Decision (EU) 2016/1250, invalid since 2020-07-16)"},
	}},
	{"legend.code.dg", "derogation.", []code{
		{"art49-1-a", "Art. 49(1)(a)"}, {"art49-1-b", "Art. 49(1)(b)"}, {"art49-1-c", "Art. 49(1)(c)"},
		{"art49-1-d", "Art. 49(1)(d)"}, {"art49-1-e", "Art. 49(1)(e)"}, {"art49-1-f", "Art. 49(1)(f)"},
		{"art49-1-g", "Art. 49(1)(g)"},
	}},
	{"legend.code.rk", "kind.", []code{
		{"processor", "Art. 4(8), 28"}, {"controller", "Art. 4(7)"}, {"joint-controller", "Art. 26"},
		{"group-company", "Art. 4(19)"}, {"public-authority", ""}, {"acquirer", ""}, {"other", ""},
	}},
	{"legend.code.src", "source.", []code{
		{"provided", "Art. 13"}, {"observed", "Art. 13"}, {"derived", "Art. 13"}, {"received", "Art. 14"},
	}},
	{"legend.code.dp", "dpia.", []code{
		{"not-started", "Art. 35"}, {"in-progress", "Art. 35"}, {"done", "Art. 35"},
	}},
	{"legend.code.mk", "measure.", []code{
		{"technical", "Art. 32"}, {"organisational", "Art. 32"},
	}},
	{"legend.code.ck", "cookie.", []code{
		{"strictly-necessary", "ePrivacy Art. 5(3)"}, {"functional", "ePrivacy Art. 5(3)"},
		{"analytics", "ePrivacy Art. 5(3)"}, {"advertising", "ePrivacy Art. 5(3)"},
	}},
}

// art9Letter returns the letter of an Art. 9(2) condition code such as
// "art9-2-h", or "" when the code is not one.
func art9Letter(c string) string {
	const prefix = "art9-2-"
	if len(c) != len(prefix)+1 || c[:len(prefix)] != prefix || c[len(prefix)] < 'a' || c[len(prefix)] > 'j' {
		return ""
	}
	return c[len(prefix):]
}

// legalBasisLetter returns the letter of Art. 6(1) for a legal basis code, or "".
func legalBasisLetter(c string) string {
	for i, b := range legalBases {
		if b.value == c {
			return string(rune('a' + i))
		}
	}
	return ""
}
