package site

import (
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/publish/publishtest"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// An activity's cookies are a table on its page; the cookies page lists the
// cookies of every public activity by consent category, and a menu entry
// with the identifier cookies_menu links to it in each language.
func TestCookieTables(t *testing.T) {
	reg := publishtest.Sample()
	publishtest.Activity(reg, "account").Cookies = []register.Cookie{
		{Name: "_ch_id", Provider: "third-party", Recipient: "cloud-host", Purpose: register.Text{"nl": "Telt bezoeken.", "en": "Counts visits."}, Lifetime: "P13M", Category: "analytics"},
	}
	b := buildSite(t, hugoTOML+`
[[menus.main]]
identifier = "home"
pageRef = "/"
weight = 10

[[menus.main]]
identifier = "cookies_menu"
pageRef = "/cookies"
weight = 20
`, reg)
	b.assertFileContent("public/en/activities/account/index.html",
		`<h2 class="heading-l">Cookies and similar technologies</h2>`,
		`<th scope="row" data-label="Name"><code>_ch_id</code></th>`,
		`<td data-label="Whose"><a href="/en/recipients/cloud-host/">Cloudhost Inc.</a> <span class="hint">(third party)</span></td>`,
		`<td data-label="Purpose">Counts visits.</td>`,
		`<td data-label="How long">13 months</td>`,
		`<td data-label="Kind">Analytics</td>`,
	)
	b.assertFileContent("public/activities/newsletter/index.html",
		`<h2 class="heading-l">Cookies en vergelijkbare technieken</h2>`,
		`<th scope="row" data-label="Naam"><code>nb_open</code> <span class="hint">(Pixel)</span></th>`,
		`<td data-label="Van wie">Wijzelf (first party)</td>`,
		`<td data-label="Hoe lang">1 uur</td>`,
		`<td data-label="Hoe lang">Tot het einde van de sessie</td>`,
		`<td data-label="Soort">Strikt noodzakelijk</td>`,
	)
	b.assertFileContent("public/activities/tax-records/index.html", `! Cookies en vergelijkbare technieken`)
	b.assertFileContent("public/cookies/index.html",
		`<h1 class="heading-xl">Cookies en vergelijkbare technieken</h1>`,
		`<h2 id="cookies-strictly-necessary" class="heading-l">Strikt noodzakelijk</h2>`,
		`<h2 id="cookies-analytics" class="heading-l">Analytisch</h2>`,
		`<td data-label="Verwerking"><a href="/activities/newsletter/">Nieuwsbrief</a></td>`,
		`<td data-label="Verwerking"><a href="/activities/account/">Uw account</a></td>`,
		`! cookies-advertising`,
	)
	b.assertFileContent("public/en/cookies/index.html",
		`<h1 class="heading-xl">Cookies and similar technologies</h1>`,
		`<h2 id="cookies-analytics" class="heading-l">Analytics</h2>`,
	)
	b.assertFileContent("public/index.html", `href="/cookies/"`, `>Cookies<`)
	b.assertFileContent("public/en/index.html", `href="/en/cookies/"`)
}

// Without cookies in any public activity there is no cookies page: the site
// does not state that there are none, as no record says so.
func TestNoCookiesPageWithoutCookies(t *testing.T) {
	reg := publishtest.Sample()
	publishtest.Activity(reg, "newsletter").Cookies = nil
	b := buildSite(t, hugoTOML, reg)
	b.assertFileExists("public/cookies/index.html", false)
	b.assertFileExists("public/en/cookies/index.html", false)
}
