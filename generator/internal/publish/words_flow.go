package publish

// flowWords are the words of the data-flow pictures (package flowchart). None
// addresses the reader, so the formal Dutch pages use the same words.
type flowWords struct {
	title        string // %s is the activity's name
	from         string // the caption above where the data comes from
	to           string // the caption above who receives it
	transfer     string // the label of a transfer's arrow: %[1]s the country, %[2]s the safeguard, %[3]s its article
	ownStorage   string // the box of the organisation's own storage abroad
	mapTitle     string // the hub's picture of transfers by country
	mapTo        string // the caption above its countries
	mapSafeguard string // the label of a country's arrow: %[1]s the safeguard, %[2]s its article
}

var flowWordsByLang = map[string]*flowWords{
	"nl": {
		title:        "Gegevensstroom: %s",
		from:         "Waar de gegevens vandaan komen",
		to:           "Wie de gegevens ontvangt",
		transfer:     "Doorgifte naar %[1]s: %[2]s (%[3]s)",
		ownStorage:   "Eigen opslag",
		mapTitle:     "Doorgifte buiten de Europese Economische Ruimte, per land",
		mapTo:        "Landen buiten de Europese Economische Ruimte",
		mapSafeguard: "%[1]s (%[2]s)",
	},
	"en": {
		title:        "Data flow: %s",
		from:         "Where the data comes from",
		to:           "Who receives the data",
		transfer:     "Transfer to %[1]s: %[2]s (%[3]s)",
		ownStorage:   "Our own storage",
		mapTitle:     "Transfers outside the European Economic Area, by country",
		mapTo:        "Countries outside the European Economic Area",
		mapSafeguard: "%[1]s (%[2]s)",
	},
}

// flowWordsIn returns the words of the pictures in lang, English when there
// are none in lang.
func flowWordsIn(lang string) *flowWords {
	if w, ok := flowWordsByLang[lang]; ok {
		return w
	}
	return flowWordsByLang["en"]
}
