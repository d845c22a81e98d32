package site

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/publish/publishtest"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

func TestBuildsBothLanguagesWithAPageForEveryPublicRecord(t *testing.T) {
	b := buildSite(t, hugoTOML, publishtest.Sample())

	b.assertFileContent("public/index.html",
		`<html lang="nl" dir="ltr">`,
		`<title>Privacycentrum</title>`,
		`<a href="#main-content" class="skip-link">Direct naar de inhoud</a>`,
		`<main id="main-content" class="main" tabindex="-1">`,
		`<h2 id="what" class="heading-l">Welke gegevens wij verzamelen</h2>`,
		`Wij reageren binnen 1 maand.`,
		`Je kunt ook een klacht indienen bij de toezichthouder, Autoriteit Persoonsgegevens.`,
		`Je mag ook een klacht indienen bij de toezichthouder van het land waar je woont of werkt`,
		`<dt>Minimumleeftijd</dt><dd>16 jaar</dd>`,
		`<h3 class="heading-m">Gezamenlijk verantwoordelijken</h3>`,
		`<strong>Wat wij samen hebben afgesproken:</strong> Wij regelen samen de kaartverkoop`,
		`<h3 class="heading-m">Vertegenwoordiger in de Europese Unie</h3>`,
		`<a href="mailto:fg@klankwolk.example">fg@klankwolk.example</a>`,
		`<address>Postbus 93374<br>2509 AJ Den Haag</address>`,
		`Laatst bijgewerkt: <time datetime="2026-03-01">1 maart 2026</time>`,
		`<a href="/register.json" type="application/json">`,
	)
	b.assertFileContent("public/en/index.html",
		`<html lang="en" dir="ltr">`,
		`<title>Privacy Center</title>`,
		`<a href="#main-content" class="skip-link">Skip to main content</a>`,
		`Last updated: <time datetime="2026-03-01">1 March 2026</time>`,
		`We respond within 1 month.`,
	)
	// The first layer names what the second layer details, one click away.
	b.assertFileContent("public/index.html",
		`<strong>Gegevens die je ons zelf geeft</strong>: `,
		`<a href="/personal-data/contact-details/">Contactgegevens</a>`,
		`<a href="/activities/fraud-prevention/">Fraude voorkomen</a>`,
		`Sommige gegevens worden verwerkt buiten de Europese Economische Ruimte, in: `,
		`<a href="/recipients/#transfers">Ontvangers, landen en waarop elke doorgifte berust</a>`,
	)
	b.assertFileContent("public/personal-data/index.html",
		`<h2 class="heading-l"><svg class="icon" aria-hidden="true" focusable="false"`,
		`</svg> Gegevens die je ons zelf geeft</h2>`,
		`<a href="/personal-data/contact-details/">Contactgegevens</a>: Hoe wij u bereiken. Bijvoorbeeld: e-mailadres, naam.`,
		`<a href="/personal-data/health-data/">Gezondheidsgegevens</a> <strong class="tag">bijzonder persoonsgegeven</strong>`,
		`<td data-label="Bewaartermijn">7 jaar na het einde van het boekjaar</td>`,
		`<td data-label="Bewaartermijn">1 jaar en 6 maanden</td>`,
	)
	// The sample has no topics: the activities are the level below the page's heading.
	b.assertFileContent("public/activities/index.html",
		`<h1 class="heading-xl">Verwerkingen</h1>`,
		`<h2 class="heading-m"><a href="/activities/fraud-prevention/">Fraude voorkomen</a></h2>`,
		`<dt>Ons gerechtvaardigd belang</dt><dd>Onze dienst en onze klanten beschermen tegen fraude.</dd>`,
		`<strong>Overeenkomst</strong> (art. 6 lid 1 sub b AVG).`,
	)
	b.assertFileContent("public/recipients/index.html", `<td data-label="Land">Verenigde Staten</td>`)
	b.assertFileContent("public/en/personal-data/index.html",
		`</svg> Data you give us</h2>`,
		`<td data-label="Retention period">7 years after the end of the financial year</td>`,
	)
	b.assertFileContent("public/en/activities/index.html", `<strong>Contract</strong> (Art. 6(1)(b) GDPR).`)
	for _, id := range []string{"account", "newsletter", "fraud-prevention", "tax-records", "accessibility-support"} {
		b.assertFileExists("public/activities/"+id+"/index.html", true)
		b.assertFileExists("public/en/activities/"+id+"/index.html", true)
	}
	for _, id := range []string{"contact-details", "payment-details", "listening-history", "fraud-score", "health-data"} {
		b.assertFileExists("public/personal-data/"+id+"/index.html", true)
		b.assertFileExists("public/en/personal-data/"+id+"/index.html", true)
	}
	for _, id := range []string{"payment-provider", "cloud-host", "support-desk", "tax-authority"} {
		b.assertFileExists("public/recipients/"+id+"/index.html", true)
		b.assertFileExists("public/en/recipients/"+id+"/index.html", true)
	}
	for _, id := range []string{"staff-monitoring", "label-reporting"} {
		b.assertFileExists("public/activities/"+id+"/index.html", false)
		b.assertFileExists("public/en/activities/"+id+"/index.html", false)
	}
	b.assertFileExists("public/register.json", true)
	b.assertFileExists("public/rights/index.html", true)
	b.assertFileExists("public/en/rights/index.html", true)
	b.assertFileExists("public/404.html", true)
	// Per language: home, 4 sections, the choices and the cookies page, 5
	// activities, 5 categories, 4 recipients, and the search page.
	if b.result.Pages != 44 {
		t.Errorf("Pages = %d, want 44", b.result.Pages)
	}
}

func TestActivityPage(t *testing.T) {
	b := buildSite(t, hugoTOML, publishtest.Sample())
	b.assertFileContent("public/en/activities/fraud-prevention/index.html",
		`<title>Preventing fraud – Privacy Center</title>`,
		`<meta name="description" content="We detect abuse of accounts.">`,
		`<h1 class="heading-xl">Preventing fraud</h1>`,
		`<p class="lead">We detect abuse of accounts.</p>`,
		`<dt>Responsible</dt><dd>Klankwolk B.V. (Netherlands)</dd>`,
		`<li>Preventing abuse <span class="hint">(Legitimate interests)</span></li>`,
		`<li>Reporting fraud to the police <span class="hint">(Legal obligation)</span></li>`,
		`<strong>Legitimate interests</strong> (Art. 6(1)(f) GDPR).`,
		`<br>For these purposes: Preventing abuse</dd>`,
		`<strong>Legal obligation</strong> (Art. 6(1)(c) GDPR). A law requires us to do this.<br>For these purposes: Reporting fraud to the police</dd>`,
		`<dt>Law</dt><dd>Anti-Money Laundering Act</dd>`,
		`<a href="/en/rights/#erasure">Right to erasure</a> (Art. 17 GDPR): applies to Preventing abuse<br><span class="hint">Not for the purposes for which the law requires us to process the data or that are a task in the public interest (Art. 17(3)(b) GDPR).</span></li>`,
		`<h3 class="heading-s">Rights that do not apply here, and why</h3>`,
		`<dt>Right to data portability (Art. 20 GDPR)</dt><dd>This right applies only to data we use with your consent or for a contract with you (Art. 20(1)(a) GDPR).</dd>`,
		`This is needed for a legitimate interest of ours or of someone else. We have weighed it, and your interests and rights do not override it.`,
		`<dt>Our legitimate interest</dt><dd>Protecting our service and customers against fraud.</dd>`,
		`<dt>Data we derive</dt>`,
		`<a href="/en/personal-data/fraud-score/">Fraud score</a>`,
		`<dt>Country</dt><dd>United States</dd>`,
		`<dt>Safeguard</dt><dd>EU-US Data Privacy Framework (Art. 45 GDPR).`,
		`<td data-label="Retention period">1 year and 6 months</td>`,
		`<dt>How it works</dt><dd>A model weighs payment behaviour.</dd>`,
		`<dt>What it means for you</dt><dd>A payment may be refused.</dd>`,
		`<dt>Having a person look at it</dt><dd>Email us; a person reviews the decision again.</dd>`,
		`<a href="/en/rights/#object">Right to object</a> (Art. 21 GDPR): applies to Preventing abuse</li>`,
		`<a href="/en/rights/#automated-decisions">Rights related to automated decisions</a> (Art. 22 GDPR)`,
		`! <a href="/en/rights/#portability">`,
		`! <a href="/en/rights/#withdraw-consent">`,
		`<h2 class="heading-l">Your choices</h2>`,
		`<li>Email us.</li>`,
	)
	b.assertFileContent("public/activities/accessibility-support/index.html",
		`<dt>Uitzondering voor bijzondere persoonsgegevens</dt><dd>jouw uitdrukkelijke toestemming (art. 9 lid 2 sub a AVG)</dd>`,
		`<a href="/rights/#withdraw-consent">Recht om toestemming in te trekken</a> (art. 7 lid 3 AVG)`,
		`<a href="/rights/#portability">Recht op overdraagbaarheid</a>`,
		`! <a href="/rights/#object">`,
	)
	b.assertFileContent("public/en/activities/tax-records/index.html",
		`<dt>Law</dt><dd>General Tax Act, s. 52</dd>`,
		`<li>Meeting the tax retention duty</li>`,
		`! For these purposes`,
		`<dt>Requirement</dt><dd>Required by law</dd>`,
		`We do not transfer personal data to countries outside the European Economic Area.`,
		`! <dt>Country</dt>`,
	)
	b.assertFileContent("public/en/activities/newsletter/index.html",
		`We do not share this data with anyone outside our organisation.`,
		`<td data-label="Retention period">Until you unsubscribe.</td>`,
	)
	b.assertFileContent("public/en/activities/account/index.html",
		`<dd>You can ask for a copy of these clauses at fg@klankwolk.example.</dd>`,
		`This processing activity may involve children&#39;s data.`,
		`<a href="https://klankwolk.example/account">Go to: Change your details</a>`,
	)
}

// A transfer may be the organisation's own storage abroad, and one entry may
// cover several countries; the page shows one per country.
func TestOwnStorageAndSeveralCountries(t *testing.T) {
	reg := publishtest.Sample()
	for _, a := range reg.Activities {
		if a.ID == "tax-records" {
			a.Transfers = []register.Transfer{{Countries: []string{"CH", "GB"}, Safeguard: "adequacy"}}
		}
	}
	b := buildSite(t, hugoTOML, reg)
	b.assertFileContent("public/en/activities/tax-records/index.html",
		`<dt>Recipient</dt><dd>Ourselves (our own storage in this country)</dd>`,
		`<dt>Country</dt><dd>Switzerland</dd>`,
		`<dt>Country</dt><dd>United Kingdom</dd>`,
		`! We do not transfer personal data`,
	)
	b.assertFileContent("public/en/recipients/index.html", `<th scope="row" data-label="Recipient">Ourselves (our own storage in this country)</th>`,
		// identical transfers are one row listing their activities
		`<td data-label="Processing activity"><a href="/en/activities/account/">Your account</a>, <a href="/en/activities/fraud-prevention/">Preventing fraud</a></td>`)
}

func TestCategoryAndRecipientPages(t *testing.T) {
	b := buildSite(t, hugoTOML, publishtest.Sample())
	b.assertFileContent("public/en/personal-data/payment-details/index.html",
		`<h1 class="heading-xl">Payment details</h1>`,
		`<dt>For example</dt><dd>IBAN</dd>`,
		`<dt>How we obtain it</dt><dd>Data you give us</dd>`,
		`<a href="/en/activities/tax-records/">Tax records</a>`,
		`<a href="/en/recipients/tax-authority/">Dutch Tax Administration</a> (Netherlands)`,
		`<td data-label="Retention period">7 years after the end of the financial year</td>`,
	)
	b.assertFileContent("public/en/personal-data/health-data/index.html", `<strong class="tag">special category of personal data</strong>`)
	b.assertFileContent("public/en/recipients/cloud-host/index.html",
		`<h1 class="heading-xl">Cloudhost Inc.</h1>`,
		`<dt>Kind</dt><dd>Service providers working for us</dd>`,
		`<dt>Country</dt><dd>United States</dd>`,
		`<a href="/en/activities/fraud-prevention/">Preventing fraud</a>`,
		`<a href="/en/personal-data/listening-history/">Listening history</a>`,
		`<dt>Processing activity</dt><dd><a href="/en/activities/account/">Your account</a></dd>`,
	)
	b.assertFileContent("public/recipients/index.html",
		`<h2 class="heading-l">Dienstverleners die in onze opdracht werken</h2>`,
		`<h2 class="heading-l">Overheidsinstanties</h2>`,
	)
}

func TestRightsPage(t *testing.T) {
	b := buildSite(t, hugoTOML, publishtest.Sample())
	b.assertFileContent("public/en/rights/index.html",
		`<h1 class="heading-xl">Your rights</h1>`,
		`<h2 id="request" class="heading-l">How to make a request</h2>`,
		`<dt>Privacy settings in your account</dt><dd><a href="https://klankwolk.example/account/privacy">`,
		`<dt>Email our privacy team</dt><dd><a href="mailto:privacy@klankwolk.example">privacy@klankwolk.example</a>`,
		`<dt>How we check it is you</dt><dd>We ask you to log in or confirm your email address.</dd>`,
		`We respond within 1 month. For complex requests we may need two more months; we will tell you.`,
		`<h2 id="access" class="heading-l"><svg class="icon"`,
		`</svg> Right of access</h2>`,
		`<h2 id="portability" class="heading-l"><svg class="icon"`,
		`</svg> Right to data portability</h2>`,
		`<h2 id="object" class="heading-l"><svg class="icon"`,
		`</svg> Right to object</h2>`,
		`<h2 id="withdraw-consent" class="heading-l"><svg class="icon"`,
		`</svg> Right to withdraw consent</h2>`,
		`<h2 id="automated-decisions" class="heading-l"><svg class="icon"`,
		`</svg> Rights related to automated decisions</h2>`,
		`<p>Applies to all processing activities.</p>`,
		`</svg> Unsubscribe from the newsletter</h4>`,
		`<dt><a href="/en/activities/fraud-prevention/">Preventing fraud</a></dt><dd>Email us; a person reviews the decision again.</dd>`,
		`<h2 id="complaint" class="heading-l">Making a complaint</h2>`,
		`You may also complain to the supervisory authority of the country where you live or work`,
		`<a href="https://autoriteitpersoonsgegevens.nl">https://autoriteitpersoonsgegevens.nl</a>`,
	)
}

func TestLanguageSwitchLinksToTheSamePage(t *testing.T) {
	b := buildSite(t, hugoTOML+`
-- content/about.md --
---
title: Over ons
---
Alleen in het Nederlands.
`, publishtest.Sample())
	b.assertFileContent("public/activities/account/index.html",
		`<li><span aria-current="true" lang="nl">Nederlands</span></li>`,
		`<li><a href="/en/activities/account/" hreflang="en" lang="en">English</a></li>`,
		`<link rel="alternate" hreflang="en" href="https://privacy.example.com/en/activities/account/">`,
	)
	b.assertFileContent("public/en/personal-data/fraud-score/index.html",
		`<li><a href="/personal-data/fraud-score/" hreflang="nl" lang="nl">Nederlands</a></li>`,
		`<li><span aria-current="true" lang="en">English</span></li>`,
	)
	b.assertFileContent("public/en/rights/index.html", `<li><a href="/rights/" hreflang="nl" lang="nl">Nederlands</a></li>`)
	b.assertFileContent("public/index.html", `<li><a href="/en/" hreflang="en" lang="en">English</a></li>`)
	// A page without a translation links to the other language's home page.
	b.assertFileContent("public/about/index.html", `<li><a href="/en/" hreflang="en" lang="en">English</a></li>`)
}

func TestRootLayoutsOverrideTheTheme(t *testing.T) {
	b := buildSite(t, hugoTOML+`
-- layouts/_partials/footer.html --
<footer class="footer"><p>Our own footer</p></footer>
-- i18n/en.toml --
skip_link = "Jump to the content"
`, publishtest.Sample())
	b.assertFileContent("public/en/activities/account/index.html",
		`<footer class="footer"><p>Our own footer</p></footer>`,
		`Jump to the content`,
		`! This register in machine-readable form`,
	)
}

func TestTheThemeIsUsedWhenHugoTomlNamesNone(t *testing.T) {
	b := buildSite(t, strings.Replace(hugoTOML, `theme = "privacy-center"`, "", 1), publishtest.Sample())
	b.assertFileContent("public/index.html", `<a href="#main-content" class="skip-link">`)
}

func TestRawRecordsAreNeverMountedAsData(t *testing.T) {
	// Even when hugo.toml asks for them.
	toml := strings.Replace(hugoTOML, `enableRobotsTXT = true`, `enableRobotsTXT = true
dataDir = "data"
[[module.mounts]]
source = "data"
target = "data"
[[module.mounts]]
source = "data"
target = "static/raw"`, 1)
	b := buildSite(t, toml+`
-- data/activities/secret.toml --
name = "RAW-RECORD-CANARY"
[internal]
owner = "RAW-OWNER-CANARY"
-- data/recipients.toml --
[x]
name = "RAW-RECIPIENT-CANARY"
-- data/extra.json --
{"leak": "RAW-JSON-CANARY"}
-- layouts/home.html --
{{ define "main" }}DATA:{{ jsonify hugo.Data }}|KEYS:{{ range $k, $_ := hugo.Data }}{{ $k }},{{ end }}|{{ end }}
`, publishtest.Sample())
	b.assertFileContent("public/index.html",
		`KEYS:ropa,|`,
		`! RAW-RECORD-CANARY`, `! RAW-OWNER-CANARY`, `! RAW-RECIPIENT-CANARY`, `! RAW-JSON-CANARY`,
	)
	for _, name := range b.files() {
		if strings.Contains(b.file("public/"+name), "RAW-") {
			t.Errorf("%s contains a raw record", name)
		}
	}
}

func TestNoInternalFieldReachesAnyPublishedFile(t *testing.T) {
	reg, planted := publishtest.WithCanaries()
	b := buildSite(t, hugoTOML, reg)
	files := b.files()
	if len(files) < 40 {
		t.Fatalf("only %d files built", len(files))
	}
	kinds := map[string]int{}
	for _, name := range files {
		kinds[path.Ext(name)]++
		content, err := os.ReadFile(filepath.Join(b.public, name))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(strings.ToLower(name), publishtest.Canary) {
			t.Errorf("file name %s contains the canary", name)
		}
		if !bytes.Contains(bytes.ToLower(content), []byte(publishtest.Canary)) {
			continue
		}
		found := false
		for _, c := range planted {
			if bytes.Contains(content, []byte(c)) {
				t.Errorf("%s contains %s", name, c)
				found = true
			}
		}
		if !found {
			t.Errorf("%s contains the canary", name)
		}
	}
	for _, ext := range []string{".html", ".json", ".xml", ".txt", ".css"} {
		if kinds[ext] == 0 {
			t.Errorf("no %s file was checked", ext)
		}
	}
}

func TestTwoBuildsAreByteIdentical(t *testing.T) {
	first := buildSite(t, hugoTOML, publishtest.Sample())
	second := buildSite(t, hugoTOML, publishtest.Sample())
	a, b := first.files(), second.files()
	if strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Fatalf("the builds have different files:\n%v\n%v", a, b)
	}
	for _, name := range a {
		if first.file("public/"+name) != second.file("public/"+name) {
			t.Errorf("%s differs between builds", name)
		}
	}
	// Dates come from the register, never from the clock.
	first.assertFileContent("public/nl/sitemap.xml", `<lastmod>2026-03-01T00:00:00+00:00</lastmod>`)
	sitemaps := first.file("public/sitemap.xml") + first.file("public/nl/sitemap.xml") + first.file("public/en/sitemap.xml")
	for _, m := range regexp.MustCompile(`<lastmod>([^<]*)</lastmod>`).FindAllStringSubmatch(sitemaps, -1) {
		if m[1] != "2026-03-01T00:00:00+00:00" {
			t.Errorf("sitemap lastmod %s is not the effective date", m[1])
		}
	}
}

func TestAFailedBuildLeavesThePreviousSite(t *testing.T) {
	b := buildSite(t, hugoTOML, publishtest.Sample())
	before := b.file("public/index.html")

	writeFile(t, filepath.Join(b.root, "layouts", "home.html"), `{{ define "main" }}{{ .Broken. }}{{ end }}`)
	_, err := Build(Options{Root: b.root, Register: publishtest.Sample()})
	if err == nil {
		t.Fatal("the build with a broken layout succeeded")
	}
	if b.file("public/index.html") != before {
		t.Error("public/index.html changed after a failed build")
	}
	entries, _ := os.ReadDir(b.root)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public") {
			t.Errorf("temporary directory %s left behind", e.Name())
		}
	}

	reg := publishtest.Sample()
	reg.Organisation.EffectiveDate = "not a date"
	if _, err := Build(Options{Root: b.root, Register: reg}); err == nil {
		t.Fatal("the build with a bad register succeeded")
	}
	if b.file("public/index.html") != before {
		t.Error("public/index.html changed after a failed build")
	}
}

func TestRefusesToReplaceADirectoryThatIsNotASite(t *testing.T) {
	root := project(t, hugoTOML)
	notASite := filepath.Join(t.TempDir(), "documents")
	writeFile(t, filepath.Join(notASite, "thesis.txt"), "precious")
	tests := []struct {
		name, dir, want string
	}{
		{"a directory with other files", notASite, "site: refusing to replace " + notASite + ": it is not empty and holds no built site (no index.html)"},
		{"the project root", root, "site: publish directory " + root + " holds the project itself"},
		{"a parent of the project", filepath.Dir(root), "site: publish directory " + filepath.Dir(root) + " holds the project itself"},
		{"the content folder", filepath.Join(root, "content"), "site: publish directory " + filepath.Join(root, "content") + " is inside the project's content/ folder"},
		{"inside data", filepath.Join(root, "data", "out"), "site: publish directory " + filepath.Join(root, "data", "out") + " is inside the project's data/ folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Build(Options{Root: root, PublishDir: tt.dir, Register: publishtest.Sample()})
			if err == nil || err.Error() != tt.want {
				t.Errorf("error = %v, want %q", err, tt.want)
			}
		})
	}
	if b, _ := os.ReadFile(filepath.Join(notASite, "thesis.txt")); string(b) != "precious" {
		t.Error("the directory was touched")
	}
	if _, err := Build(Options{Root: root}); err == nil || err.Error() != "site: no register to publish" {
		t.Errorf("error without register = %v", err)
	}
}

func TestEveryPageHasTheGOVUKSkeletonAndNoExternalRequests(t *testing.T) {
	b := buildSite(t, hugoTOML, publishtest.Sample())
	// Tags that make a browser fetch something; <link rel="canonical"> and
	// rel="alternate" only name a URL.
	fetching := regexp.MustCompile(`<(?:link|script|img|iframe|source|video|audio|embed|object|track|input)\b[^>]*>`)
	external := regexp.MustCompile(`\s(?:href|src|srcset|data|poster)="(?:https?:)?//`)
	checked := 0
	for _, name := range b.files() {
		content := b.file("public/" + name)
		switch path.Ext(name) {
		case ".css":
			if strings.Contains(content, "@import") || regexp.MustCompile(`url\(\s*['"]?(?:https?:)?//`).MatchString(content) {
				t.Errorf("%s loads something from outside", name)
			}
			if !strings.Contains(content, "@media print") {
				t.Errorf("%s has no print style", name)
			}
			continue
		case ".html":
		default:
			continue
		}
		for _, tag := range fetching.FindAllString(content, -1) {
			if external.MatchString(tag) && !strings.Contains(tag, `rel="canonical"`) && !strings.Contains(tag, `rel="alternate"`) {
				t.Errorf("%s: external request: %s", name, tag)
			}
		}
		if strings.Contains(content, `http-equiv="refresh"`) {
			continue // a redirect, e.g. /nl/ to /
		}
		checked++
		body := content[strings.Index(content, "<body>")+len("<body>"):]
		checks := []struct {
			ok   bool
			what string
		}{
			{regexp.MustCompile(`^<!DOCTYPE html>\n<html lang="(nl|en)" dir="ltr">`).MatchString(content), "doctype and html lang"},
			{strings.HasPrefix(strings.TrimSpace(body), `<a href="#main-content" class="skip-link">`), "skip link first in body"},
			{strings.Count(content, `<main id="main-content"`) == 1, "one main#main-content"},
			{strings.Count(content, "<header") == 1 && strings.Count(content, "<footer") == 1, "header and footer"},
			{strings.Count(content, "<h1") == 1, "exactly one h1"},
			{!strings.Contains(content, "<script") || searchPageScript(name, content), "no script (but the search page's own)"},
			{!strings.Contains(content, "<th>"), "every th has a scope"},
			{!strings.Contains(content, `<meta name="viewport"`) || strings.Contains(content, `width=device-width, initial-scale=1"`), "viewport"},
			{strings.Contains(content, `class="lang-switch"`), "language switch"},
		}
		for _, c := range checks {
			if !c.ok {
				t.Errorf("%s: %s", name, c.what)
			}
		}
	}
	if checked < 40 {
		t.Errorf("checked only %d HTML files", checked)
	}
}

func TestEveryInternalLinkResolves(t *testing.T) {
	b := buildSite(t, hugoTOML, publishtest.Sample())
	ids := map[string]map[string]bool{} // file -> ids
	load := func(name string) (map[string]bool, bool) {
		if m, ok := ids[name]; ok {
			return m, true
		}
		content, err := os.ReadFile(filepath.Join(b.public, name))
		if err != nil {
			return nil, false
		}
		m := map[string]bool{}
		for _, id := range idRe.FindAllStringSubmatch(string(content), -1) {
			m[id[1]] = true
		}
		ids[name] = m
		return m, true
	}
	links := 0
	for _, name := range b.files() {
		if path.Ext(name) != ".html" {
			continue
		}
		for _, m := range hrefRe.FindAllStringSubmatch(b.file("public/"+name), -1) {
			href := m[1]
			if strings.HasPrefix(href, "https://") || strings.HasPrefix(href, "mailto:") {
				continue
			}
			links++
			target, fragment, _ := strings.Cut(href, "#")
			switch {
			case target == "":
				target = name
			case strings.HasSuffix(target, "/"):
				target = strings.TrimPrefix(target, "/") + "index.html"
			default:
				target = strings.TrimPrefix(target, "/")
			}
			found, ok := load(target)
			if !ok {
				t.Errorf("%s: link %s: no file %s", name, href, target)
				continue
			}
			if fragment != "" && !found[fragment] {
				t.Errorf("%s: link %s: no id %q in %s", name, href, fragment, target)
			}
		}
	}
	if links < 500 {
		t.Errorf("only %d internal links checked", links)
	}
}

func TestRefusesAConfigurationThatMountsTheRecords(t *testing.T) {
	tests := []struct {
		name, archive, want string
	}{
		{"records published as static files", `
-- config/_default/module.toml --
[[mounts]]
source = "data"
target = "static/raw"
`, "site: the configuration mounts data as static/raw: the records in data/ are never given to Hugo"},
		{"other data", `
-- config/_default/module.toml --
[[mounts]]
source = "other"
target = "data"
-- other/x.json --
{}
`, "site: the configuration mounts other as data: the only data the site may use is the generated public register"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := buildSiteE(t, hugoTOML+tt.archive+`
-- data/secret.toml --
x = "RAW"
`, publishtest.Sample())
			if err == nil || err.Error() != tt.want {
				t.Errorf("error = %v, want %q", err, tt.want)
			}
			b.assertFileExists("public", false)
		})
	}
}

// TestANoticeNotYetInEffectIsBuiltWhole: the pages are dated with the
// notice's effective date. A notice is published before it takes effect, and
// a build may not depend on its day, so a date in the future leaves no page
// out (Hugo leaves future pages out by default).
func TestANoticeNotYetInEffectIsBuiltWhole(t *testing.T) {
	reg := publishtest.Sample()
	reg.Organisation.EffectiveDate = "2999-01-01"
	b := buildSite(t, hugoTOML, reg)
	for _, name := range []string{
		"public/activities/account/index.html", "public/en/activities/account/index.html",
		"public/personal-data/contact-details/index.html", "public/recipients/cloud-host/index.html",
		"public/rights/index.html", "public/en/activities/index.html",
	} {
		b.assertFileExists(name, true)
	}
	b.assertFileContent("public/en/index.html", "2999")
}

// TestTheHubSaysSoWhenThereAreNoChoices: without a choice in any public
// activity the hub's section on choices says there are none, instead of an
// introduction above an empty list.
func TestTheHubSaysSoWhenThereAreNoChoices(t *testing.T) {
	reg := publishtest.Sample()
	everyActivity(func(a *register.Activity) { a.Choices = nil })(reg)
	b := buildSite(t, hugoTOML, reg)
	b.assertFileContent("public/en/index.html", `<h2 id="choices" class="heading-l">Your choices</h2>
  <p>There are no settings or choices to make here.</p>
</section>`)
	if hub := b.file("public/en/index.html"); strings.Contains(hub, "All your choices") {
		t.Error("the hub links to all your choices, and there are none")
	}
	with := buildSite(t, hugoTOML, publishtest.Sample())
	with.assertFileContent("public/en/index.html", "All your choices")
}
