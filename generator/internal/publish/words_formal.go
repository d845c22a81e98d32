package publish

// dutchFormal is the Dutch word table for a site that addresses the reader
// formally ([params] address = "formal" in hugo.toml): u and uw instead of je
// and jouw. It is the informal table with each string that addresses the
// reader replaced by its formal twin; a test checks that no je or jouw is left.
var dutchFormal = dutch.replaced(map[string]string{
	"Wij doen dit alleen als je daar toestemming voor geeft.":                                                                                                                         "Wij doen dit alleen als u daar toestemming voor geeft.",
	"Dit is nodig om onze overeenkomst met jou uit te voeren, of om op jouw verzoek een overeenkomst voor te bereiden.":                                                               "Dit is nodig om onze overeenkomst met u uit te voeren, of om op uw verzoek een overeenkomst voor te bereiden.",
	"Dit is nodig om het leven of de gezondheid van jou of van iemand anders te beschermen.":                                                                                          "Dit is nodig om het leven of de gezondheid van u of van iemand anders te beschermen.",
	"Wij hebben afgewogen dat jouw belangen en rechten niet zwaarder wegen.":                                                                                                          "Wij hebben afgewogen dat uw belangen en rechten niet zwaarder wegen.",
	"Dit recht geldt alleen voor gegevens die wij gebruiken met jouw toestemming of voor een overeenkomst met jou (art. 20 lid 1 sub a AVG).":                                         "Dit recht geldt alleen voor gegevens die wij gebruiken met uw toestemming of voor een overeenkomst met u (art. 20 lid 1 sub a AVG).",
	"Bezwaar kun je maken tegen gebruik op grond van een gerechtvaardigd belang of een taak van algemeen belang; deze verwerking steunt op een andere grondslag (art. 21 lid 1 AVG).": "Bezwaar kunt u maken tegen gebruik op grond van een gerechtvaardigd belang of een taak van algemeen belang; deze verwerking steunt op een andere grondslag (art. 21 lid 1 AVG).",
	"Wij vragen voor deze verwerking niet om je toestemming.":                                                                                                                         "Wij vragen voor deze verwerking niet om uw toestemming.",
	"jouw uitdrukkelijke toestemming":                                                                             "uw uitdrukkelijke toestemming",
	"een vitaal belang, terwijl je zelf geen toestemming kunt geven":                                              "een vitaal belang, terwijl u zelf geen toestemming kunt geven",
	"gegevens die je zelf duidelijk openbaar hebt gemaakt":                                                        "gegevens die u zelf duidelijk openbaar hebt gemaakt",
	"Je mag weten welke persoonsgegevens wij van je hebben en wat wij ermee doen, en je krijgt er een kopie van.": "U mag weten welke persoonsgegevens wij van u hebben en wat wij ermee doen, en u krijgt er een kopie van.",
	"Kloppen je gegevens niet of zijn ze onvolledig, dan laat je ze verbeteren of aanvullen.":                     "Kloppen uw gegevens niet of zijn ze onvolledig, dan laat u ze verbeteren of aanvullen.",
	"Je kunt ons vragen je gegevens te verwijderen, bijvoorbeeld als wij ze niet meer nodig hebben. Moeten wij gegevens bewaren omdat de wet dat eist, dan leggen wij uit waarom.":                              "U kunt ons vragen uw gegevens te verwijderen, bijvoorbeeld als wij ze niet meer nodig hebben. Moeten wij gegevens bewaren omdat de wet dat eist, dan leggen wij uit waarom.",
	"Je kunt ons vragen je gegevens tijdelijk niet te gebruiken, bijvoorbeeld zolang wij een bezwaar of een correctie beoordelen.":                                                                              "U kunt ons vragen uw gegevens tijdelijk niet te gebruiken, bijvoorbeeld zolang wij een bezwaar of een correctie beoordelen.",
	"Je kunt de gegevens die je ons gaf in een gangbaar, machineleesbaar formaat krijgen, of ze rechtstreeks aan een andere organisatie laten doorgeven.":                                                       "U kunt de gegevens die u ons gaf in een gangbaar, machineleesbaar formaat krijgen, of ze rechtstreeks aan een andere organisatie laten doorgeven.",
	"Je kunt bezwaar maken als wij je gegevens gebruiken op grond van een gerechtvaardigd belang of een taak van algemeen belang. Tegen direct marketing kun je altijd bezwaar maken; dan stoppen wij daarmee.": "U kunt bezwaar maken als wij uw gegevens gebruiken op grond van een gerechtvaardigd belang of een taak van algemeen belang. Tegen direct marketing kunt u altijd bezwaar maken; dan stoppen wij daarmee.",
	"Je kunt je toestemming op elk moment intrekken, even gemakkelijk als je die gaf. Wat wij voor die tijd deden, blijft rechtmatig.":                                                                          "U kunt uw toestemming op elk moment intrekken, even gemakkelijk als u die gaf. Wat wij voor die tijd deden, blijft rechtmatig.",
	"Neemt een computer zonder menselijke tussenkomst een besluit dat je flink raakt, dan kun je vragen dat een mens ernaar kijkt, je standpunt geven en het besluit aanvechten.":                               "Neemt een computer zonder menselijke tussenkomst een besluit dat u flink raakt, dan kunt u vragen dat een mens ernaar kijkt, uw standpunt geven en het besluit aanvechten.",
	"De certificering is openbaar; je vindt de ontvanger in de lijst van het Data Privacy Framework.":                                                                                                           "De certificering is openbaar; u vindt de ontvanger in de lijst van het Data Privacy Framework.",
	"Wij hebben met de ontvanger de standaardcontractbepalingen van de Europese Commissie afgesproken, zodat je gegevens ook daar beschermd blijven.":                                                           "Wij hebben met de ontvanger de standaardcontractbepalingen van de Europese Commissie afgesproken, zodat uw gegevens ook daar beschermd blijven.",
	"Je kunt een kopie van deze bepalingen opvragen via %s.":                                                                                                                  "U kunt een kopie van deze bepalingen opvragen via %s.",
	"Je kunt een kopie van deze voorschriften opvragen via %s.":                                                                                                               "U kunt een kopie van deze voorschriften opvragen via %s.",
	"De ontvanger houdt zich aan een goedgekeurde gedragscode en heeft bindend toegezegd die toe te passen, ook voor jouw rechten.":                                           "De ontvanger houdt zich aan een goedgekeurde gedragscode en heeft bindend toegezegd die toe te passen, ook voor uw rechten.",
	"Wij hebben met de ontvangende overheidsinstantie een juridisch bindend en afdwingbaar instrument afgesproken, zodat je gegevens ook daar beschermd blijven.":             "Wij hebben met de ontvangende overheidsinstantie een juridisch bindend en afdwingbaar instrument afgesproken, zodat uw gegevens ook daar beschermd blijven.",
	"Je kunt een kopie van dit instrument opvragen via %s.":                                                                                                                   "U kunt een kopie van dit instrument opvragen via %s.",
	"Wij hebben met de ontvangende overheidsinstantie een administratieve regeling getroffen met waarborgen voor je rechten, die de privacytoezichthouder heeft goedgekeurd.": "Wij hebben met de ontvangende overheidsinstantie een administratieve regeling getroffen met waarborgen voor uw rechten, die de privacytoezichthouder heeft goedgekeurd.",
	"Je kunt een kopie van deze regeling opvragen via %s.":                                                                                                                    "U kunt een kopie van deze regeling opvragen via %s.",
	"Je kunt een kopie inzien op %s.": "U kunt een kopie inzien op %s.",
	"Meer uitleg krijg je via %s.":    "Meer uitleg krijgt u via %s.",
	"De ontvanger is gecertificeerd onder een goedgekeurd certificeringsmechanisme en heeft bindend toegezegd de waarborgen toe te passen, ook voor jouw rechten.": "De ontvanger is gecertificeerd onder een goedgekeurd certificeringsmechanisme en heeft bindend toegezegd de waarborgen toe te passen, ook voor uw rechten.",
	"Gegevens die je ons zelf geeft": "Gegevens die u ons zelf geeft",
	"Bijvoorbeeld als je een account aanmaakt, een formulier invult of contact met ons opneemt.":                              "Bijvoorbeeld als u een account aanmaakt, een formulier invult of contact met ons opneemt.",
	"Gegevens over hoe je onze diensten gebruikt":                                                                             "Gegevens over hoe u onze diensten gebruikt",
	"Wij leggen deze gegevens vast terwijl je onze diensten gebruikt, bijvoorbeeld welk apparaat je gebruikt en wat je doet.": "Wij leggen deze gegevens vast terwijl u onze diensten gebruikt, bijvoorbeeld welk apparaat u gebruikt en wat u doet.",
	"Wij leiden deze gegevens af uit andere gegevens, bijvoorbeeld je voorkeuren uit wat je eerder deed.":                     "Wij leiden deze gegevens af uit andere gegevens, bijvoorbeeld uw voorkeuren uit wat u eerder deed.",
	"Zij gebruiken je gegevens alleen volgens onze instructies (verwerkers).":                                                 "Zij gebruiken uw gegevens alleen volgens onze instructies (verwerkers).",
	"Zelf regelen in je account": "Zelf regelen in uw account",
})

// replaced returns a copy of the table with each string that is a key of r
// replaced by its value.
func (w *words) replaced(r map[string]string) *words {
	s := func(x string) string {
		if y, ok := r[x]; ok {
			return y
		}
		return x
	}
	strs := func(m map[string]string) map[string]string {
		out := make(map[string]string, len(m))
		for k, v := range m {
			out[k] = s(v)
		}
		return out
	}
	nameds := func(m map[string]named) map[string]named {
		out := make(map[string]named, len(m))
		for k, v := range m {
			out[k] = named{s(v.Name), s(v.Explanation)}
		}
		return out
	}
	c := *w
	c.legalBases = nameds(w.legalBases)
	c.balancing = s(w.balancing)
	c.published = s(w.published)
	c.reasons = strs(w.reasons)
	c.conditions = strs(w.conditions)
	c.rights = make(map[string]rightWords, len(w.rights))
	for k, v := range w.rights {
		c.rights[k] = rightWords{s(v.Name), s(v.Description)}
	}
	c.safeguards = make(map[string]safeguardWords, len(w.safeguards))
	for k, v := range w.safeguards {
		c.safeguards[k] = safeguardWords{s(v.Name), s(v.Explanation), s(v.Copy)}
	}
	c.sources = nameds(w.sources)
	c.recipientKinds = nameds(w.recipientKinds)
	c.choiceKinds = strs(w.choiceKinds)
	c.channelKinds = strs(w.channelKinds)
	c.measureKinds = strs(w.measureKinds)
	c.statutoryAndContractual, c.statutory = s(w.statutoryAndContractual), s(w.statutory)
	c.contractual, c.notRequired = s(w.contractual), s(w.notRequired)
	return &c
}
