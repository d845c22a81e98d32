package realclient

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// run runs chromedp actions with a time limit.
func (b *browser) run(t *testing.T, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// results waits until the search page shows results (or says it found
// nothing) and returns the paths and titles of the results.
func (b *browser) results(t *testing.T) (paths, titles []string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if eval[string](t, b, `document.getElementById('search-status').textContent`) != "" {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	paths = eval[[]string](t, b, `Array.from(document.querySelectorAll('#search-results a')).map(a => a.pathname + a.hash)`)
	titles = eval[[]string](t, b, `Array.from(document.querySelectorAll('#search-results a')).map(a => a.textContent)`)
	return paths, titles
}

// search types a query into the search page's field, as a reader does.
func (b *browser) search(t *testing.T, query string) (paths, titles []string) {
	t.Helper()
	b.run(t,
		chromedp.Evaluate[chromedp.Void](`document.getElementById('search-q').value = ''; document.getElementById('search-status').textContent = ''`),
		chromedp.SendKeys(chromedp.CSS("#search-q"), query),
	)
	return b.results(t)
}

// shipped returns the shipped register.
func shipped(t *testing.T) *register.Register {
	t.Helper()
	reg, diags := register.Load(repoRoot)
	if errs, _ := diags.Count(); errs > 0 {
		t.Fatalf("the shipped register has errors:\n%v", diags)
	}
	return reg
}

// longestWord returns the longest word of a text, the first of equals.
func longestWord(s string) string {
	best := ""
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(w)) > len([]rune(best)) {
			best = w
		}
	}
	return best
}

// TestSearchFindsWhatAReaderLooksFor types queries into the search page in
// chromium, in both languages: an activity by a word of its summary, a
// recipient by its name, a choice by its title, "cookies" and "delete
// account"; and searches from the header of an activity page.
func TestSearchFindsWhatAReaderLooksFor(t *testing.T) {
	b := newBrowser(t)
	reg := shipped(t)
	def := reg.DefaultLanguage
	for _, lang := range []string{"nl", "en"} {
		prefix := "/"
		if lang != def {
			prefix = "/" + lang + "/"
		}
		type query struct{ what, q, want string }
		var queries []query
		for _, a := range reg.Activities {
			if !a.IsPublic() {
				continue
			}
			if len(queries) == 0 {
				w := longestWord(a.Summary.In(lang, def))
				queries = append(queries, query{"an activity by a word of its summary", w, prefix + "activities/" + a.ID + "/"})
			}
			if len(a.Recipients) > 0 && len(queries) == 1 {
				r := reg.Recipients[a.Recipients[0]]
				queries = append(queries, query{"a recipient by its name", r.Name.In(lang, def), prefix + "recipients/" + a.Recipients[0] + "/"})
			}
		}
		for _, a := range reg.Activities {
			if a.IsPublic() && len(a.Choices) > 0 {
				queries = append(queries, query{"a choice by its title", a.Choices[0].Title.In(lang, def), prefix + "activities/" + a.ID + "/"})
				break
			}
		}
		if len(queries) != 3 {
			t.Fatalf("the shipped register gave %d queries, want 3", len(queries))
		}
		queries = append(queries, query{"the cookies page", "cookies", prefix + "cookies/"})
		if lang == "en" {
			queries = append(queries, query{"how to delete an account", "delete account", prefix + "rights/#erasure"})
		} else {
			queries = append(queries, query{"how to delete an account", "account verwijderen", prefix + "rights/#erasure"})
		}

		b.open(t, prefix+"search/")
		for _, q := range queries {
			paths, titles := b.search(t, q.q)
			found := false
			for _, p := range paths {
				found = found || p == q.want
			}
			if !found {
				t.Errorf("%ssearch/: %s: %q does not find %s; it finds %q", prefix, q.what, q.q, q.want, titles)
			}
			if len(paths) > 30 {
				t.Errorf("%ssearch/: %q finds %d results: not a search", prefix, q.q, len(paths))
			}
		}
		if hidden := eval[bool](t, b, `document.getElementById('search-all').hidden`); !hidden {
			t.Errorf("%ssearch/: the A–Z list stays shown beside the results", prefix)
		}
		if paths, _ := b.search(t, "zzqqxx"); len(paths) != 0 {
			t.Errorf("%ssearch/: a nonsense word finds %v", prefix, paths)
		}

		// From any page: the header's form leads to the results.
		a := queries[0].want
		b.open(t, a)
		b.run(t,
			chromedp.SendKeys(chromedp.CSS("#site-search-q"), queries[1].q),
			chromedp.Submit(chromedp.CSS("#site-search-q")),
			chromedp.WaitVisible(chromedp.CSS("#search-results")),
		)
		if got := eval[string](t, b, `location.pathname`); got != prefix+"search/" {
			t.Errorf("the header's search on %s goes to %s", a, got)
		}
		paths, _ := b.results(t)
		if len(paths) == 0 || paths[0] != queries[1].want {
			t.Errorf("the header's search for %q on %s shows %v first, want %s", queries[1].q, a, paths, queries[1].want)
		}
	}
	if ext := b.externalRequests(); len(ext) > 0 {
		t.Errorf("requests outside the site: %v", ext)
	}
}

// TestThePagesWorkWithoutJavaScript turns script execution off: the search
// page lists everything A–Z with working links, the header's form still
// leads there, and the hub and an activity page show their links and the
// picture of the data flow.
func TestThePagesWorkWithoutJavaScript(t *testing.T) {
	b := newBrowser(t)
	b.run(t, func(ctx context.Context, target *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, target, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return chromedp.Void{}, err
	})
	activity := firstActivity(t, b)
	for _, prefix := range []string{"/", "/en/"} {
		b.open(t, prefix+"search/?q=cookies")
		if n := eval[int](t, b, `document.querySelectorAll('#search-all a[href]').length`); n < 50 {
			t.Errorf("%ssearch/ without JavaScript lists %d links, want every page", prefix, n)
		}
		if eval[bool](t, b, `document.getElementById('search-all').hidden`) {
			t.Errorf("%ssearch/ without JavaScript hides the A–Z list", prefix)
		}
		if n := eval[int](t, b, `document.querySelectorAll('#search-results li').length`); n != 0 {
			t.Errorf("%ssearch/ without JavaScript shows %d results: the script ran", prefix, n)
		}
		// A link of the list leads to its page.
		href := eval[string](t, b, `document.querySelector('#search-all a[href*="/recipients/"]').pathname`)
		b.open(t, href)
		if h1 := eval[string](t, b, `document.querySelector('h1').textContent`); h1 == "" {
			t.Errorf("%s: no heading", href)
		}
		// The header's form submits to the search page.
		b.run(t,
			chromedp.SendKeys(chromedp.CSS("#site-search-q"), "cookies"),
			chromedp.Submit(chromedp.CSS("#site-search-q")),
			chromedp.WaitVisible(chromedp.CSS("#search-all")),
		)
		if got := eval[string](t, b, `location.pathname + location.search`); got != prefix+"search/?q=cookies" {
			t.Errorf("the header's search without JavaScript goes to %s", got)
		}
	}
	for _, path := range []string{"/", "/en/", activity, strings.TrimPrefix(activity, "/en")} {
		b.open(t, path)
		if n := eval[int](t, b, `document.querySelectorAll('main a[href]').length`); n < 5 {
			t.Errorf("%s without JavaScript has %d links in main", path, n)
		}
	}
	b.open(t, activity)
	if w := eval[float64](t, b, `document.querySelector('svg.flow').getBoundingClientRect().width`); w < 200 {
		t.Errorf("%s without JavaScript: the data-flow picture is %v px wide", activity, w)
	}
	if ext := b.externalRequests(); len(ext) > 0 {
		t.Errorf("requests outside the site: %v", ext)
	}
}
