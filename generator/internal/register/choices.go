package register

import (
	"slices"
	"strings"
)

// choices: a choice that names the right it exercises names one that the
// activity grants (RightsByPurpose), or the rights page would show it under
// a right people do not have here.
func (c *checker) choices(rec *file, a *Activity) {
	if len(a.Purposes) == 0 {
		return // a draft without purposes: its rights are not known yet
	}
	if !slices.ContainsFunc(a.Choices, func(ch Choice) bool { return ch.Right != "" }) {
		return // no choice names a right: nothing to check
	}
	granted := a.RightsByPurpose()
	for i, ch := range a.Choices {
		if ch.Right == "" || len(granted[ch.Right]) > 0 {
			continue
		}
		var ids []string
		for _, id := range []string{"access", "rectification", "erasure", "restriction", "portability", "object", "withdraw-consent", "automated-decisions"} {
			if len(granted[id]) > 0 {
				ids = append(ids, id)
			}
		}
		c.errorf(rec, dp("choices", i, "right"), "the right %q does not apply to this activity (its legal bases grant %s); name one of those, or leave right out", ch.Right, strings.Join(ids, ", "))
	}
}
