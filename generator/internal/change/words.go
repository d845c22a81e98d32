package change

import "strings"

// Languages are the languages changes are described in.
var Languages = []string{"nl", "en"}

// words are the sentences per kind of change and language; {subject} is the
// subject, {old} the old value, {new} the new one.
var words = map[string]map[string]string{
	"en": {
		ActivityAdded:       "activity added",
		ActivityRemoved:     "activity removed",
		ActivityPublished:   "activity published in the privacy center",
		ActivityUnpublished: "activity no longer published in the privacy center",
		PurposeAdded:        "new purpose \"{subject}\" (legal basis {new})",
		PurposeRemoved:      "purpose removed: \"{subject}\"",
		LegalBasisChanged:   "legal basis of purpose \"{subject}\" changed from {old} to {new}",
		CategoryAdded:       "new data category {subject}",
		CategoryRemoved:     "data category removed: {subject}",
		RecipientAdded:      "new recipient {subject}",
		RecipientRemoved:    "recipient removed: {subject}",
		TransferAdded:       "new transfer to {subject} with safeguard {new}",
		ThirdCountryAdded:   "new third country: transfer to {subject} with safeguard {new}",
		TransferRemoved:     "transfer removed: {subject}",
		SafeguardChanged:    "safeguard of the transfer to {subject} changed from {old} to {new}",
		RetentionLonger:     "retention of {subject} made longer: {old} → {new}",
		RetentionShorter:    "retention of {subject} made shorter: {old} → {new}",
		RetentionChanged:    "retention of {subject} changed: {old} → {new}",
		RetentionAdded:      "retention stated for {subject}",
		RetentionRemoved:    "retention no longer stated for {subject}",
		ControllerAdded:     "new controller {subject} ({new})",
		ControllerRemoved:   "controller removed: {subject}",
		ControllerChanged:   "details of controller {subject} changed",
		DPOChanged:          "data protection officer changed: {old} → {new}",
		AuthorityChanged:    "lead supervisory authority changed: {old} → {new}",
		AuthorityDetails:    "contact details of the lead supervisory authority {subject} changed",
		CategoryMadeSpecial: "data category {subject} is now {new}",
		RecipientMoved:      "recipient {subject} moved from {old} to {new}",
		CookieAdded:         "new cookie or similar technology {subject}: {new}",
		CookieRemoved:       "cookie or similar technology removed: {subject}",
		CookieChanged:       "cookie or similar technology {subject} changed: {old} → {new}",
		TextEdited:          "text edited: {subject}",
	},
	"nl": {
		ActivityAdded:       "verwerking toegevoegd",
		ActivityRemoved:     "verwerking verwijderd",
		ActivityPublished:   "verwerking gepubliceerd in het privacycentrum",
		ActivityUnpublished: "verwerking niet meer gepubliceerd in het privacycentrum",
		PurposeAdded:        "nieuw doel \"{subject}\" (grondslag {new})",
		PurposeRemoved:      "doel verwijderd: \"{subject}\"",
		LegalBasisChanged:   "grondslag van doel \"{subject}\" gewijzigd van {old} in {new}",
		CategoryAdded:       "nieuwe categorie persoonsgegevens {subject}",
		CategoryRemoved:     "categorie persoonsgegevens verwijderd: {subject}",
		RecipientAdded:      "nieuwe ontvanger {subject}",
		RecipientRemoved:    "ontvanger verwijderd: {subject}",
		TransferAdded:       "nieuwe doorgifte aan {subject} met waarborg {new}",
		ThirdCountryAdded:   "nieuw derde land: doorgifte aan {subject} met waarborg {new}",
		TransferRemoved:     "doorgifte verwijderd: {subject}",
		SafeguardChanged:    "waarborg van de doorgifte aan {subject} gewijzigd van {old} in {new}",
		RetentionLonger:     "bewaartermijn van {subject} verlengd: {old} → {new}",
		RetentionShorter:    "bewaartermijn van {subject} verkort: {old} → {new}",
		RetentionChanged:    "bewaartermijn van {subject} gewijzigd: {old} → {new}",
		RetentionAdded:      "bewaartermijn vermeld voor {subject}",
		RetentionRemoved:    "bewaartermijn niet meer vermeld voor {subject}",
		ControllerAdded:     "nieuwe verwerkingsverantwoordelijke {subject} ({new})",
		ControllerRemoved:   "verwerkingsverantwoordelijke verwijderd: {subject}",
		ControllerChanged:   "gegevens van verwerkingsverantwoordelijke {subject} gewijzigd",
		DPOChanged:          "functionaris gegevensbescherming gewijzigd: {old} → {new}",
		AuthorityChanged:    "leidende toezichthoudende autoriteit gewijzigd: {old} → {new}",
		AuthorityDetails:    "contactgegevens van de leidende toezichthoudende autoriteit {subject} gewijzigd",
		CategoryMadeSpecial: "categorie persoonsgegevens {subject} is nu {new}",
		RecipientMoved:      "ontvanger {subject} verhuisd van {old} naar {new}",
		CookieAdded:         "nieuwe cookie of vergelijkbare techniek {subject}: {new}",
		CookieRemoved:       "cookie of vergelijkbare techniek verwijderd: {subject}",
		CookieChanged:       "cookie of vergelijkbare techniek {subject} gewijzigd: {old} → {new}",
		TextEdited:          "tekst gewijzigd: {subject}",
	},
}

// extra words: qualifiers of values, per language.
var extra = map[string]map[string]string{
	"en": {
		"special": "a special category (Art. 9)", "criminal": "data on criminal convictions and offences (Art. 10)",
		"weaker": "weaker", "stronger": "stronger", "none": "none", "criteria": "criteria in words",
		"material": "material", "editorial": "editorial",
	},
	"nl": {
		"special": "een bijzondere categorie (art. 9)", "criminal": "strafrechtelijke gegevens (art. 10)",
		"weaker": "zwakker", "stronger": "sterker", "none": "geen", "criteria": "criteria in woorden",
		"material": "materieel", "editorial": "redactioneel",
	},
}

// Describe says what changed, in lang (nl or en).
func (c Change) Describe(lang, defaultLang string) string {
	w := extra[lang]
	old, new := c.Old, c.New
	switch c.Kind {
	case RetentionChanged:
		if old == "" {
			old = w["criteria"]
		}
		if new == "" {
			new = w["criteria"]
		}
	case DPOChanged, AuthorityChanged, PurposeAdded:
		if old == "" {
			old = w["none"]
		}
		if new == "" {
			new = w["none"]
		}
	case CategoryMadeSpecial:
		new = w[new]
	}
	s := strings.NewReplacer("{subject}", c.SubjectIn(lang, defaultLang), "{old}", old, "{new}", new).Replace(words[lang][c.Kind])
	switch {
	case c.Kind == CategoryAdded && c.New != "":
		s += ": " + w[c.New]
	case c.Kind == SafeguardChanged && c.Material:
		s += " (" + w["weaker"] + ")"
	case c.Kind == SafeguardChanged && safeguardStrength[c.New] > safeguardStrength[c.Old]:
		s += " (" + w["stronger"] + ")"
	}
	return s
}

// Class returns "material" or "editorial" in lang.
func (c Change) Class(lang string) string {
	if c.Material {
		return extra[lang]["material"]
	}
	return extra[lang]["editorial"]
}

// Heading names the record a change belongs to, in lang.
func (c Change) Heading(lang, defaultLang string) string {
	if c.Activity != "" {
		label := map[string]string{"en": "activity", "nl": "verwerking"}[lang]
		if name := c.name.In(lang, defaultLang); name != "" {
			return label + " " + c.Activity + ": " + name
		}
		return label + " " + c.Activity
	}
	kind, id, _ := strings.Cut(c.Record, ":")
	label := map[string]map[string]string{
		"en": {"organisation": "organisation", "categories": "data category", "recipients": "recipient", "measures": "security measure", "subjects": "category of data subjects"},
		"nl": {"organisation": "organisatie", "categories": "categorie persoonsgegevens", "recipients": "ontvanger", "measures": "beveiligingsmaatregel", "subjects": "categorie betrokkenen"},
	}[lang][kind]
	if id != "" {
		return label + " " + id
	}
	return label
}
