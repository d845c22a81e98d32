package change

import (
	"fmt"
	"strings"
)

// Languages are the languages changes are described in.
var Languages = []string{"nl", "en"}

// words are the sentences per kind of change and language; %[1]s is the
// subject, %[2]s the old value, %[3]s the new one.
var words = map[string]map[string]string{
	"en": {
		ActivityAdded:       "activity added",
		ActivityRemoved:     "activity removed",
		ActivityPublished:   "activity published in the privacy center",
		ActivityUnpublished: "activity no longer published in the privacy center",
		PurposeAdded:        "new purpose %[1]q (legal basis %[3]s)",
		PurposeRemoved:      "purpose removed: %[1]q",
		LegalBasisChanged:   "legal basis of purpose %[1]q changed from %[2]s to %[3]s",
		CategoryAdded:       "new data category %[1]s",
		CategoryRemoved:     "data category removed: %[1]s",
		RecipientAdded:      "new recipient %[1]s",
		RecipientRemoved:    "recipient removed: %[1]s",
		TransferAdded:       "new transfer to %[1]s with safeguard %[3]s",
		TransferRemoved:     "transfer removed: %[1]s",
		SafeguardChanged:    "safeguard of the transfer to %[1]s changed from %[2]s to %[3]s",
		RetentionLonger:     "retention of %[1]s made longer: %[2]s → %[3]s",
		RetentionShorter:    "retention of %[1]s made shorter: %[2]s → %[3]s",
		RetentionChanged:    "retention of %[1]s changed: %[2]s → %[3]s",
		RetentionAdded:      "retention stated for %[1]s",
		RetentionRemoved:    "retention no longer stated for %[1]s",
		ControllerAdded:     "new controller %[1]s (%[3]s)",
		ControllerRemoved:   "controller removed: %[1]s",
		ControllerChanged:   "details of controller %[1]s changed",
		DPOChanged:          "data protection officer changed: %[2]s → %[3]s",
		AuthorityChanged:    "lead supervisory authority changed: %[2]s → %[3]s",
		CategoryMadeSpecial: "data category %[1]s is now %[3]s data",
		RecipientMoved:      "recipient %[1]s moved from %[2]s to %[3]s",
		TextEdited:          "text edited: %[1]s",
	},
	"nl": {
		ActivityAdded:       "verwerking toegevoegd",
		ActivityRemoved:     "verwerking verwijderd",
		ActivityPublished:   "verwerking gepubliceerd in het privacycentrum",
		ActivityUnpublished: "verwerking niet meer gepubliceerd in het privacycentrum",
		PurposeAdded:        "nieuw doel %[1]q (grondslag %[3]s)",
		PurposeRemoved:      "doel verwijderd: %[1]q",
		LegalBasisChanged:   "grondslag van doel %[1]q gewijzigd van %[2]s in %[3]s",
		CategoryAdded:       "nieuwe categorie persoonsgegevens %[1]s",
		CategoryRemoved:     "categorie persoonsgegevens verwijderd: %[1]s",
		RecipientAdded:      "nieuwe ontvanger %[1]s",
		RecipientRemoved:    "ontvanger verwijderd: %[1]s",
		TransferAdded:       "nieuwe doorgifte aan %[1]s met waarborg %[3]s",
		TransferRemoved:     "doorgifte verwijderd: %[1]s",
		SafeguardChanged:    "waarborg van de doorgifte aan %[1]s gewijzigd van %[2]s in %[3]s",
		RetentionLonger:     "bewaartermijn van %[1]s verlengd: %[2]s → %[3]s",
		RetentionShorter:    "bewaartermijn van %[1]s verkort: %[2]s → %[3]s",
		RetentionChanged:    "bewaartermijn van %[1]s gewijzigd: %[2]s → %[3]s",
		RetentionAdded:      "bewaartermijn vermeld voor %[1]s",
		RetentionRemoved:    "bewaartermijn niet meer vermeld voor %[1]s",
		ControllerAdded:     "nieuwe verwerkingsverantwoordelijke %[1]s (%[3]s)",
		ControllerRemoved:   "verwerkingsverantwoordelijke verwijderd: %[1]s",
		ControllerChanged:   "gegevens van verwerkingsverantwoordelijke %[1]s gewijzigd",
		DPOChanged:          "functionaris gegevensbescherming gewijzigd: %[2]s → %[3]s",
		AuthorityChanged:    "leidende toezichthoudende autoriteit gewijzigd: %[2]s → %[3]s",
		CategoryMadeSpecial: "categorie persoonsgegevens %[1]s is nu %[3]s",
		RecipientMoved:      "ontvanger %[1]s verhuisd van %[2]s naar %[3]s",
		TextEdited:          "tekst gewijzigd: %[1]s",
	},
}

// extra words: qualifiers of values, per language.
var extra = map[string]map[string]string{
	"en": {
		"special": "special category (Art. 9)", "criminal": "criminal convictions and offences (Art. 10)",
		"weaker": "weaker", "stronger": "stronger", "none": "none", "criteria": "criteria in words",
		"material": "material", "editorial": "editorial",
	},
	"nl": {
		"special": "bijzondere categorie (art. 9)", "criminal": "strafrechtelijke gegevens (art. 10)",
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
	s := fmt.Sprintf(words[lang][c.Kind], c.SubjectIn(lang, defaultLang), old, new)
	switch {
	case c.Kind == CategoryAdded && c.New != "":
		s += " (" + w[c.New] + ")"
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
		"en": {"organisation": "organisation", "categories": "data category", "recipients": "recipient"},
		"nl": {"organisation": "organisatie", "categories": "categorie persoonsgegevens", "recipients": "ontvanger"},
	}[lang][kind]
	if id != "" {
		return label + " " + id
	}
	return label
}
