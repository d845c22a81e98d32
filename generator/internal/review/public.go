package review

import (
	"slices"
	"strings"

	"github.com/privacy-as-code/ropa/generator/internal/change"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// PublicChanges keeps the changes the notice shows, for the summary of a
// redline: changes to activities public on either side, to a data category
// or recipient that has a page in one of the notices, and to the other
// shared records; not a change to internal fields alone.
func PublicChanges(changes []change.Change, old, new *register.Register, notices ...*Notice) []change.Change {
	public := map[string]bool{}
	for _, r := range []*register.Register{old, new} {
		for _, a := range r.Activities {
			public[a.ID] = public[a.ID] || a.IsPublic()
		}
	}
	pages := map[string]bool{} // "categories:<id>" and "recipients:<id>" with a page
	for _, n := range notices {
		if n == nil {
			continue
		}
		for _, p := range n.Pages {
			parts := strings.Split(strings.Trim(p.Path, "/"), "/")
			if len(parts) < 2 {
				continue
			}
			switch parts[len(parts)-2] {
			case "personal-data":
				pages["categories:"+parts[len(parts)-1]] = true
			case "recipients":
				pages["recipients:"+parts[len(parts)-1]] = true
			}
		}
	}
	var out []change.Change
	for _, c := range changes {
		kind, _, _ := strings.Cut(c.Record, ":")
		switch {
		case c.Activity != "" && !public[c.Activity]:
		case (kind == "categories" || kind == "recipients") && !pages[c.Record]:
		case c.Kind == change.TextEdited && internalOnly(c.Subject):
		default:
			out = append(out, c)
		}
	}
	return out
}

// notPublished are the fields outside [internal] that the site never shows:
// when an activity was last confirmed, and the interval of those reviews.
var notPublished = []string{"reviewed", "review_interval"}

// internalOnly reports whether a text edit names internal fields only, or
// fields the site does not publish.
func internalOnly(fields string) bool {
	for f := range strings.SplitSeq(fields, ", ") {
		if f != "internal" && !strings.HasPrefix(f, "internal.") && !slices.Contains(notPublished, f) {
			return false
		}
	}
	return true
}
