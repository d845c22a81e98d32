package register

import (
	"strings"

	"github.com/privacy-as-code/ropa/generator/internal/diag"
)

// draftFacts are the facts a finished activity states; a draft may leave
// them open. In the order of the record format.
var draftFacts = []string{"summary", "role", "purposes", "legal_basis", "subjects", "categories", "retention", "automated_decisions"}

// draft: a draft activity may leave required facts open (never filled in
// with a guess); validate lists what it still lacks, as a warning (an error
// with --strict), and the site does not publish it. It returns the open
// facts, so that the rules about them wait until they are stated.
func (c *checker) draft(rec *file, a *Activity) map[string]bool {
	if !a.Draft {
		return nil
	}
	open := map[string]bool{}
	var list []string
	for _, k := range draftFacts {
		missing := false
		switch k {
		case "legal_basis":
			missing = len(a.Purposes) == 0 || len(a.LegalBases()) == 0
		case "retention":
			missing = len(a.Retention) == 0
		default:
			_, stated := rec.doc.Data[k]
			missing = !stated
		}
		if missing {
			open[k] = true
			list = append(list, k)
		}
	}
	msg := "nothing is open any more; remove draft = true to publish it"
	if len(list) > 0 {
		msg = "still open: " + strings.Join(list, ", ") + "; the site does not publish this activity until they are stated and draft = true is removed"
	}
	c.report(rec, dp("draft"), true, diag.Warning, "%s", msg)
	return open
}
