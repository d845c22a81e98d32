package publish

// The words the generator derives from record values (legal bases, rights,
// safeguards, sources, kinds, durations, dates), per language. Fixed interface
// strings (headings, labels) are not here: they are in the theme's i18n files.
// A site language without a table here falls back to English.

type named struct {
	Name        string
	Explanation string
}

type rightWords struct {
	Name        string
	Description string
}

type safeguardWords struct {
	Name        string
	Explanation string
	Copy        string // how to obtain a copy or more information; %s is the contact address, when the format has one
}

type words struct {
	months [12]string
	// units maps the ISO 8601 designator (Y, M, W, D) to singular and plural.
	units map[byte][2]string
	and   string

	eea, worldwide, mainly string
	rangeTo, atMost        string // "%s to %s" of a retention range; "at most %s" of criteria with a maximum // where a recipient (category) is: a region, or worldwide with its main countries

	article6  string // %s is the letter
	article9  string // %s is the letter
	article   string // %s is the article number, e.g. "15" or "7(3)"
	article49 string // %s is the letter of Art. 49(1)
	published string // %s is where a safeguard's copy is published

	legalBases     map[string]named
	balancing      string            // the balancing test of legitimate interests, when the record holds one
	reasons        map[string]string // why a right is limited or does not apply, by reason code (rights.go)
	conditions     map[string]string // Art. 9(2) conditions
	rights         map[string]rightWords
	rightArticles  map[string]string
	safeguards     map[string]safeguardWords
	safeguardArts  map[string]string
	sources        map[string]named
	recipientKinds map[string]named
	choiceKinds    map[string]string
	channelKinds   map[string]string
	measureKinds   map[string]string

	cookieKinds      map[string]string
	providers        map[string]string // first-party, third-party (without a recipient)
	cookieCategories map[string]string
	session          string             // the lifetime of a session cookie
	timeUnits        map[byte][2]string // H, M, S of a lifetime PT<n><unit>

	statutoryAndContractual, statutory, contractual, notRequired string
}

// rightOrder is the order rights are listed in, following the GDPR.
var rightOrder = []string{"access", "rectification", "erasure", "restriction", "portability", "object", "withdraw-consent", "automated-decisions"}

// cookieCategoryOrder is the order of the consent categories of cookies.
var cookieCategoryOrder = []string{"strictly-necessary", "functional", "analytics", "advertising"}

// sourceOrder is the order of the ways data is obtained.
var sourceOrder = []string{"provided", "observed", "derived", "received"}

// recipientKindOrder is the order recipients are grouped in.
var recipientKindOrder = []string{"processor", "group-company", "joint-controller", "controller", "public-authority", "acquirer", "other"}

var legalBasisLetter = map[string]string{
	"consent": "a", "contract": "b", "legal-obligation": "c",
	"vital-interests": "d", "public-task": "e", "legitimate-interests": "f",
}

var dutch = &words{
	months: [12]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
	units: map[byte][2]string{
		'Y': {"jaar", "jaar"}, 'M': {"maand", "maanden"}, 'W': {"week", "weken"}, 'D': {"dag", "dagen"},
	},
	and: "en",
	eea: "Europese Economische Ruimte", worldwide: "wereldwijd", mainly: "vooral",
	rangeTo: "%s tot %s", atMost: "ten hoogste %s",
	article6:  "art. 6 lid 1 sub %s AVG",
	article9:  "art. 9 lid 2 sub %s AVG",
	article:   "art. %s AVG",
	article49: "art. 49 lid 1 sub %s AVG",
	published: "Je kunt een kopie inzien op %s.",
	legalBases: map[string]named{
		"consent":              {"Toestemming", "Wij doen dit alleen als je daar toestemming voor geeft."},
		"contract":             {"Overeenkomst", "Dit is nodig om onze overeenkomst met jou uit te voeren, of om op jouw verzoek een overeenkomst voor te bereiden."},
		"legal-obligation":     {"Wettelijke plicht", "Een wet verplicht ons hiertoe."},
		"vital-interests":      {"Vitaal belang", "Dit is nodig om het leven of de gezondheid van jou of van iemand anders te beschermen."},
		"public-task":          {"Taak van algemeen belang", "Dit is nodig voor een taak van algemeen belang of een taak die de wet ons opdraagt."},
		"legitimate-interests": {"Gerechtvaardigd belang", "Dit is nodig voor een gerechtvaardigd belang van ons of van een ander."},
	},
	balancing: "Wij hebben afgewogen dat jouw belangen en rechten niet zwaarder wegen.",
	reasons: map[string]string{
		erasureLaw:        "Niet voor de doelen waarvoor de wet ons verplicht de gegevens te verwerken of die een taak van algemeen belang zijn (art. 17 lid 3 sub b AVG).",
		erasureClaims:     "Gegevens die wij nodig hebben om een rechtsvordering in te stellen, uit te oefenen of te onderbouwen, mogen wij bewaren (art. 17 lid 3 sub e AVG).",
		portabilityBasis:  "Dit recht geldt alleen voor gegevens die wij gebruiken met jouw toestemming of voor een overeenkomst met jou (art. 20 lid 1 sub a AVG).",
		portabilityManual: "Dit recht geldt alleen als wij de gegevens geautomatiseerd verwerken; hier gebeurt dat op papier (art. 20 lid 1 sub b AVG).",
		objectBasis:       "Bezwaar kun je maken tegen gebruik op grond van een gerechtvaardigd belang of een taak van algemeen belang; deze verwerking steunt op een andere grondslag (art. 21 lid 1 AVG).",
		withdrawBasis:     "Wij vragen voor deze verwerking niet om je toestemming.",
	},
	conditions: map[string]string{
		"art9-2-a": "jouw uitdrukkelijke toestemming",
		"art9-2-b": "plichten en rechten op het gebied van arbeidsrecht en sociale zekerheid",
		"art9-2-c": "een vitaal belang, terwijl je zelf geen toestemming kunt geven",
		"art9-2-d": "de activiteiten van een stichting, vereniging of andere organisatie zonder winstoogmerk",
		"art9-2-e": "gegevens die je zelf duidelijk openbaar hebt gemaakt",
		"art9-2-f": "het instellen, uitoefenen of onderbouwen van een rechtsvordering",
		"art9-2-g": "een zwaarwegend algemeen belang, op grond van de wet",
		"art9-2-h": "gezondheidszorg, arbeidsgeneeskunde of sociale zorg",
		"art9-2-i": "volksgezondheid",
		"art9-2-j": "archivering in het algemeen belang, wetenschappelijk of historisch onderzoek of statistiek",
	},
	rights: map[string]rightWords{
		"access":              {"Recht op inzage", "Je mag weten welke persoonsgegevens wij van je hebben en wat wij ermee doen, en je krijgt er een kopie van."},
		"rectification":       {"Recht op rectificatie", "Kloppen je gegevens niet of zijn ze onvolledig, dan laat je ze verbeteren of aanvullen."},
		"erasure":             {"Recht op gegevenswissing", "Je kunt ons vragen je gegevens te verwijderen, bijvoorbeeld als wij ze niet meer nodig hebben. Moeten wij gegevens bewaren omdat de wet dat eist, dan leggen wij uit waarom."},
		"restriction":         {"Recht op beperking van de verwerking", "Je kunt ons vragen je gegevens tijdelijk niet te gebruiken, bijvoorbeeld zolang wij een bezwaar of een correctie beoordelen."},
		"portability":         {"Recht op overdraagbaarheid", "Je kunt de gegevens die je ons gaf in een gangbaar, machineleesbaar formaat krijgen, of ze rechtstreeks aan een andere organisatie laten doorgeven."},
		"object":              {"Recht van bezwaar", "Je kunt bezwaar maken als wij je gegevens gebruiken op grond van een gerechtvaardigd belang of een taak van algemeen belang. Tegen direct marketing kun je altijd bezwaar maken; dan stoppen wij daarmee."},
		"withdraw-consent":    {"Recht om toestemming in te trekken", "Je kunt je toestemming op elk moment intrekken, even gemakkelijk als je die gaf. Wat wij voor die tijd deden, blijft rechtmatig."},
		"automated-decisions": {"Rechten bij geautomatiseerde besluiten", "Neemt een computer zonder menselijke tussenkomst een besluit dat je flink raakt, dan kun je vragen dat een mens ernaar kijkt, je standpunt geven en het besluit aanvechten."},
	},
	rightArticles: map[string]string{
		"access": "15", "rectification": "16", "erasure": "17", "restriction": "18",
		"portability": "20", "object": "21", "withdraw-consent": "7 lid 3", "automated-decisions": "22",
	},
	safeguards: map[string]safeguardWords{
		"adequacy": {"Adequaatheidsbesluit",
			"De Europese Commissie heeft vastgesteld dat dit land persoonsgegevens voldoende beschermt.",
			"Het besluit is openbaar; het staat in het Publicatieblad van de Europese Unie."},
		"dpf": {"EU-VS Data Privacy Framework",
			"De ontvanger is gecertificeerd onder het EU-VS Data Privacy Framework, waarvoor de Europese Commissie een adequaatheidsbesluit nam (Uitvoeringsbesluit (EU) 2023/1795).",
			"De certificering is openbaar; je vindt de ontvanger in de lijst van het Data Privacy Framework."},
		"scc": {"Standaardcontractbepalingen",
			"Wij hebben met de ontvanger de standaardcontractbepalingen van de Europese Commissie afgesproken, zodat je gegevens ook daar beschermd blijven.",
			"Je kunt een kopie van deze bepalingen opvragen via %s."},
		"bcr": {"Bindende bedrijfsvoorschriften",
			"De ontvanger volgt bindende bedrijfsvoorschriften die een privacytoezichthouder heeft goedgekeurd.",
			"Je kunt een kopie van deze voorschriften opvragen via %s."},
		"code-of-conduct": {"Goedgekeurde gedragscode",
			"De ontvanger houdt zich aan een goedgekeurde gedragscode en heeft bindend toegezegd die toe te passen, ook voor jouw rechten.",
			"Meer uitleg krijg je via %s."},
		"certification": {"Goedgekeurde certificering",
			"De ontvanger is gecertificeerd onder een goedgekeurd certificeringsmechanisme en heeft bindend toegezegd de waarborgen toe te passen, ook voor jouw rechten.",
			"Meer uitleg krijg je via %s."},
		"ad-hoc-clauses": {"Contractbepalingen goedgekeurd door de toezichthouder",
			"Wij hebben met de ontvanger contractbepalingen afgesproken die de privacytoezichthouder heeft goedgekeurd.",
			"Je kunt een kopie van deze bepalingen opvragen via %s."},
		"public-authority-instrument": {"Bindend instrument tussen overheidsinstanties",
			"Wij hebben met de ontvangende overheidsinstantie een juridisch bindend en afdwingbaar instrument afgesproken, zodat je gegevens ook daar beschermd blijven.",
			"Je kunt een kopie van dit instrument opvragen via %s."},
		"administrative-arrangement": {"Administratieve regeling tussen overheidsinstanties",
			"Wij hebben met de ontvangende overheidsinstantie een administratieve regeling getroffen met waarborgen voor je rechten, die de privacytoezichthouder heeft goedgekeurd.",
			"Je kunt een kopie van deze regeling opvragen via %s."},
		"privacy-shield": {"EU-VS Privacyschild",
			"De ontvanger was gecertificeerd onder het EU-VS Privacyschild, dat tot 16 juli 2020 gold.",
			"Meer uitleg krijg je via %s."},
		"art49-derogation": {"Uitzondering voor een specifieke situatie",
			"Voor dit land is er geen adequaatheidsbesluit en geen passende waarborg. De doorgifte steunt op een uitzondering die de wet voor specifieke situaties maakt.",
			"Meer uitleg krijg je via %s."},
	},
	safeguardArts: map[string]string{
		"adequacy": "art. 45 AVG", "dpf": "art. 45 AVG", "scc": "art. 46 lid 2 sub c AVG",
		"bcr": "art. 47 AVG", "art49-derogation": "art. 49 AVG",
		"code-of-conduct": "art. 46 lid 2 sub e AVG", "certification": "art. 46 lid 2 sub f AVG",
		"ad-hoc-clauses": "art. 46 lid 3 sub a AVG", "privacy-shield": "art. 45 AVG",
		"public-authority-instrument": "art. 46 lid 2 sub a AVG", "administrative-arrangement": "art. 46 lid 3 sub b AVG",
	},
	sources: map[string]named{
		"provided": {"Gegevens die je ons zelf geeft", "Bijvoorbeeld als je een account aanmaakt, een formulier invult of contact met ons opneemt."},
		"observed": {"Gegevens over hoe je onze diensten gebruikt", "Wij leggen deze gegevens vast terwijl je onze diensten gebruikt, bijvoorbeeld welk apparaat je gebruikt en wat je doet."},
		"derived":  {"Gegevens die wij afleiden", "Wij leiden deze gegevens af uit andere gegevens, bijvoorbeeld je voorkeuren uit wat je eerder deed."},
		"received": {"Gegevens die wij van anderen krijgen", "Andere organisaties geven ons deze gegevens, bijvoorbeeld partners of betaaldiensten."},
	},
	recipientKinds: map[string]named{
		"processor":        {"Dienstverleners die in onze opdracht werken", "Zij gebruiken je gegevens alleen volgens onze instructies (verwerkers)."},
		"group-company":    {"Bedrijven binnen onze groep", "Zij werken met de gegevens voor de doelen die op deze pagina staan."},
		"joint-controller": {"Gezamenlijk verantwoordelijken", "Samen met hen bepalen wij waarom en hoe de gegevens worden gebruikt."},
		"controller":       {"Andere organisaties met een eigen verantwoordelijkheid", "Zij bepalen zelf wat zij met de gegevens doen; hun eigen privacyverklaring geldt."},
		"public-authority": {"Overheidsinstanties", "Alleen als de wet ons daartoe verplicht of het toestaat."},
		"acquirer":         {"Een koper bij een overname of fusie", "Als wij (een deel van) ons bedrijf verkopen of samengaan met een ander bedrijf."},
		"other":            {"Overige ontvangers", ""},
	},
	choiceKinds: map[string]string{
		"withdraw-consent": "Toestemming intrekken", "opt-out": "Afmelden",
		"object": "Bezwaar maken", "settings": "Instellingen aanpassen",
	},
	channelKinds: map[string]string{
		"email": "E-mail", "web": "Webformulier", "post": "Post", "self-service": "Zelf regelen in je account",
	},
	measureKinds: map[string]string{
		"technical": "Technische maatregel", "organisational": "Organisatorische maatregel",
	},
	cookieKinds: map[string]string{
		"cookie": "Cookie", "local-storage": "Lokale opslag", "pixel": "Pixel", "sdk": "SDK in de app",
	},
	providers: map[string]string{"first-party": "Wijzelf (first party)", "third-party": "Een andere partij (third party)"},
	cookieCategories: map[string]string{
		"strictly-necessary": "Strikt noodzakelijk", "functional": "Functioneel",
		"analytics": "Analytisch", "advertising": "Advertenties",
	},
	session:                 "Tot het einde van de sessie",
	timeUnits:               map[byte][2]string{'H': {"uur", "uur"}, 'M': {"minuut", "minuten"}, 'S': {"seconde", "seconden"}},
	statutoryAndContractual: "Verplicht door de wet en voor de overeenkomst",
	statutory:               "Verplicht door de wet",
	contractual:             "Nodig voor de overeenkomst",
	notRequired:             "Niet verplicht",
}

var english = &words{
	months: [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	units: map[byte][2]string{
		'Y': {"year", "years"}, 'M': {"month", "months"}, 'W': {"week", "weeks"}, 'D': {"day", "days"},
	},
	and: "and",
	eea: "European Economic Area", worldwide: "worldwide", mainly: "mainly",
	rangeTo: "%s to %s", atMost: "at most %s",
	article6:  "Art. 6(1)(%s) GDPR",
	article9:  "Art. 9(2)(%s) GDPR",
	article:   "Art. %s GDPR",
	article49: "Art. 49(1)(%s) GDPR",
	published: "You can read a copy at %s.",
	legalBases: map[string]named{
		"consent":              {"Consent", "We only do this if you give your consent."},
		"contract":             {"Contract", "We need this to perform our contract with you, or to take steps you asked for before entering into one."},
		"legal-obligation":     {"Legal obligation", "A law requires us to do this."},
		"vital-interests":      {"Vital interests", "This is needed to protect your life or health, or someone else's."},
		"public-task":          {"Public task", "This is needed for a task in the public interest or an official task the law gives us."},
		"legitimate-interests": {"Legitimate interests", "This is needed for a legitimate interest of ours or of someone else."},
	},
	balancing: "We have weighed it, and your interests and rights do not override it.",
	reasons: map[string]string{
		erasureLaw:        "Not for the purposes for which the law requires us to process the data or that are a task in the public interest (Art. 17(3)(b) GDPR).",
		erasureClaims:     "We may keep data we need to establish, exercise or defend legal claims (Art. 17(3)(e) GDPR).",
		portabilityBasis:  "This right applies only to data we use with your consent or for a contract with you (Art. 20(1)(a) GDPR).",
		portabilityManual: "This right applies only where we process the data by automated means; here it is done on paper (Art. 20(1)(b) GDPR).",
		objectBasis:       "You can object to use on the basis of a legitimate interest or a task in the public interest; this processing relies on another basis (Art. 21(1) GDPR).",
		withdrawBasis:     "We do not ask for your consent for this processing.",
	},
	conditions: map[string]string{
		"art9-2-a": "your explicit consent",
		"art9-2-b": "obligations and rights in employment and social security law",
		"art9-2-c": "vital interests, where you cannot give consent yourself",
		"art9-2-d": "the activities of a foundation, association or other not-for-profit body",
		"art9-2-e": "data you have manifestly made public yourself",
		"art9-2-f": "establishing, exercising or defending legal claims",
		"art9-2-g": "a substantial public interest, on the basis of law",
		"art9-2-h": "health care, occupational medicine or social care",
		"art9-2-i": "public health",
		"art9-2-j": "archiving in the public interest, scientific or historical research, or statistics",
	},
	rights: map[string]rightWords{
		"access":              {"Right of access", "You may know which personal data we hold about you and what we do with it, and you get a copy."},
		"rectification":       {"Right to rectification", "If your data is wrong or incomplete, you can have it corrected or completed."},
		"erasure":             {"Right to erasure", "You can ask us to delete your data, for example when we no longer need it. If the law requires us to keep data, we explain why."},
		"restriction":         {"Right to restriction of processing", "You can ask us to stop using your data for a while, for example while we look into an objection or a correction."},
		"portability":         {"Right to data portability", "You can receive the data you gave us in a common, machine-readable format, or have it sent directly to another organisation."},
		"object":              {"Right to object", "You can object when we use your data for a legitimate interest or a task in the public interest. You can always object to direct marketing, and we will then stop."},
		"withdraw-consent":    {"Right to withdraw consent", "You can withdraw your consent at any time, as easily as you gave it. What we did before remains lawful."},
		"automated-decisions": {"Rights related to automated decisions", "If a computer makes a decision without human involvement that significantly affects you, you can ask for a person to review it, give your point of view and contest the decision."},
	},
	rightArticles: map[string]string{
		"access": "15", "rectification": "16", "erasure": "17", "restriction": "18",
		"portability": "20", "object": "21", "withdraw-consent": "7(3)", "automated-decisions": "22",
	},
	safeguards: map[string]safeguardWords{
		"adequacy": {"Adequacy decision",
			"The European Commission has decided that this country protects personal data adequately.",
			"The decision is public; it is published in the Official Journal of the European Union."},
		"dpf": {"EU-US Data Privacy Framework",
			"The recipient is certified under the EU-US Data Privacy Framework, which is covered by an adequacy decision of the European Commission (Implementing Decision (EU) 2023/1795).",
			"The certification is public; you can find the recipient in the Data Privacy Framework list."},
		"scc": {"Standard contractual clauses",
			"We have agreed the European Commission's standard contractual clauses with the recipient, so your data stays protected there too.",
			"You can ask for a copy of these clauses at %s."},
		"bcr": {"Binding corporate rules",
			"The recipient follows binding corporate rules approved by a data protection authority.",
			"You can ask for a copy of these rules at %s."},
		"code-of-conduct": {"Approved code of conduct",
			"The recipient follows an approved code of conduct and has made binding commitments to apply it, including for your rights.",
			"You can get more information at %s."},
		"certification": {"Approved certification",
			"The recipient is certified under an approved certification mechanism and has made binding commitments to apply its safeguards, including for your rights.",
			"You can get more information at %s."},
		"ad-hoc-clauses": {"Contractual clauses authorised by the supervisory authority",
			"We have agreed contractual clauses with the recipient that the data protection authority has authorised.",
			"You can ask for a copy of these clauses at %s."},
		"public-authority-instrument": {"Binding instrument between public authorities",
			"We have agreed a legally binding and enforceable instrument with the receiving public authority, so your data stays protected there too.",
			"You can ask for a copy of this instrument at %s."},
		"administrative-arrangement": {"Administrative arrangement between public authorities",
			"We have made an administrative arrangement with the receiving public authority that protects your rights and that the data protection authority has authorised.",
			"You can ask for a copy of this arrangement at %s."},
		"privacy-shield": {"EU-US Privacy Shield",
			"The recipient was certified under the EU-US Privacy Shield, which applied until 16 July 2020.",
			"You can get more information at %s."},
		"art49-derogation": {"Derogation for a specific situation",
			"There is no adequacy decision and no appropriate safeguard for this country. The transfer relies on an exception the law makes for specific situations.",
			"You can get more information at %s."},
	},
	safeguardArts: map[string]string{
		"adequacy": "Art. 45 GDPR", "dpf": "Art. 45 GDPR", "scc": "Art. 46(2)(c) GDPR",
		"bcr": "Art. 47 GDPR", "art49-derogation": "Art. 49 GDPR",
		"code-of-conduct": "Art. 46(2)(e) GDPR", "certification": "Art. 46(2)(f) GDPR",
		"ad-hoc-clauses": "Art. 46(3)(a) GDPR", "privacy-shield": "Art. 45 GDPR",
		"public-authority-instrument": "Art. 46(2)(a) GDPR", "administrative-arrangement": "Art. 46(3)(b) GDPR",
	},
	sources: map[string]named{
		"provided": {"Data you give us", "For example when you create an account, fill in a form or contact us."},
		"observed": {"Data about how you use our services", "We record this data while you use our services, for example which device you use and what you do."},
		"derived":  {"Data we derive", "We infer this data from other data, for example your preferences from what you did before."},
		"received": {"Data we receive from others", "Other organisations give us this data, for example partners or payment services."},
	},
	recipientKinds: map[string]named{
		"processor":        {"Service providers working for us", "They use your data only on our instructions (processors)."},
		"group-company":    {"Companies in our group", "They work with the data for the purposes on this page."},
		"joint-controller": {"Joint controllers", "Together with them we decide why and how the data is used."},
		"controller":       {"Other organisations responsible for their own use", "They decide themselves what they do with the data; their own privacy notice applies."},
		"public-authority": {"Public authorities", "Only where the law requires or allows us to."},
		"acquirer":         {"A buyer in a merger or acquisition", "If we sell (part of) our business or merge with another company."},
		"other":            {"Other recipients", ""},
	},
	choiceKinds: map[string]string{
		"withdraw-consent": "Withdraw consent", "opt-out": "Opt out",
		"object": "Object", "settings": "Change settings",
	},
	channelKinds: map[string]string{
		"email": "Email", "web": "Web form", "post": "Post", "self-service": "Self-service in your account",
	},
	measureKinds: map[string]string{
		"technical": "Technical measure", "organisational": "Organisational measure",
	},
	cookieKinds: map[string]string{
		"cookie": "Cookie", "local-storage": "Local storage", "pixel": "Pixel", "sdk": "SDK in the app",
	},
	providers: map[string]string{"first-party": "Ourselves (first party)", "third-party": "Another party (third party)"},
	cookieCategories: map[string]string{
		"strictly-necessary": "Strictly necessary", "functional": "Functional",
		"analytics": "Analytics", "advertising": "Advertising",
	},
	session:                 "Until the end of the session",
	timeUnits:               map[byte][2]string{'H': {"hour", "hours"}, 'M': {"minute", "minutes"}, 'S': {"second", "seconds"}},
	statutoryAndContractual: "Required by law and for the contract",
	statutory:               "Required by law",
	contractual:             "Required for the contract",
	notRequired:             "Not required",
}

// wordsFor returns the word table for lang, English when there is none.
func wordsFor(lang string) *words { return wordsIn(lang, false) }

// wordsIn returns the word table for lang in a tone of address: formal is
// u and uw in Dutch; English has one tone.
func wordsIn(lang string, formal bool) *words {
	if lang == "nl" {
		if formal {
			return dutchFormal
		}
		return dutch
	}
	return english
}
