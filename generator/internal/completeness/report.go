package completeness

import (
	"fmt"
	"io"
	"strings"

	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// WriteText writes the completeness report of every activity of reg, in id
// order: a summary line per activity, then one line per item with its status,
// the fields that answer it and, unless answered, why. It ends with the totals.
func WriteText(w io.Writer, reg *register.Register) error {
	var b strings.Builder
	var total [4]int
	for _, a := range reg.Activities {
		results := Check(reg, a)
		var n [4]int
		width := 0
		for _, r := range results {
			n[r.Status]++
			total[r.Status]++
			width = max(width, len(r.Item.Ref))
		}
		fmt.Fprintf(&b, "%s (%s): %s\n", a.ID, a.Role, counts(n))
		for _, r := range results {
			fmt.Fprintf(&b, "  %-*s  %-8s  %s", width, r.Item.Ref, r.Status, strings.Join(r.Fields, ", "))
			if r.Note != "" {
				if len(r.Fields) > 0 {
					b.WriteString(": ")
				}
				b.WriteString(r.Note)
			}
			b.WriteByte('\n')
		}
	}
	fmt.Fprintf(&b, "total: %s\n", counts(total))
	_, err := io.WriteString(w, b.String())
	return err
}

// counts renders the number of items per status.
func counts(n [4]int) string {
	return fmt.Sprintf("%d answered, %d implied, %d missing, %d not applicable", n[Answered], n[Implied], n[Missing], n[NotApplicable])
}
