package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/privacy-as-code/ropa/generator/internal/register"
)

func newRecord(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "activity" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
			fmt.Fprint(stdout, "Usage: go run ./generator new activity [--root DIR] <id>\n")
			return exitOK
		}
		fmt.Fprint(stderr, "Usage: go run ./generator new activity [--root DIR] <id>\n")
		return exitUsage
	}
	set := flags("new activity", "new activity [--root DIR] <id>",
		"Writes data/activities/<id>.toml: a commented activity record that passes\n"+
			"validation, with public = false until its texts are final. The id becomes the\n"+
			"page's URL: lower-case letters, digits and single hyphens.", stdout)
	root := set.String("root", ".", "project root holding hugo.toml, data/, schemas/, content/ and themes/")
	if code, done := parse(set, args[1:], stderr); done {
		return code
	}
	if set.NArg() != 1 {
		fmt.Fprint(stderr, "new activity needs exactly one id, e.g. go run ./generator new activity loyalty-programme\n")
		return exitUsage
	}
	id := set.Arg(0)
	if err := register.CheckActivityID(id); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	schemas, ok := checkRoot(*root, stderr)
	if !ok {
		return exitUsage
	}
	reg, _ := schemas.Load(*root)
	rel := filepath.ToSlash(filepath.Join(register.ActivitiesDir, id+".toml"))
	if existing, ok := reg.Files["activity:"+id]; ok {
		fmt.Fprintf(stderr, "%s already exists; activity ids are unique\n", existing)
		return exitFindings
	}
	full := filepath.Join(*root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		fmt.Fprintf(stderr, "%s already exists; activity ids are unique\n", rel)
		return exitFindings
	} else if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	_, werr := io.WriteString(f, scaffold(reg))
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(full)
		fmt.Fprintln(stderr, werr)
		return exitUsage
	}
	fmt.Fprintf(stdout, "created %s\n", rel)
	return exitOK
}

// scaffold writes a commented record that validates: it names the first
// subject and data category of the shared registers, and a text in every
// site language.
func scaffold(reg *register.Register) string {
	langs := reg.Languages
	if len(langs) == 0 {
		langs = []string{"en"}
	}
	text := func(what string) string {
		var parts []string
		for _, l := range langs {
			parts = append(parts, fmt.Sprintf("%s = %q", l, "TODO: "+what))
		}
		return "{ " + strings.Join(parts, ", ") + " }"
	}
	first := func(ids []string) string {
		if len(ids) == 0 {
			return "TODO"
		}
		return ids[0]
	}
	subject := first(keys(reg.Subjects))
	category := first(keys(reg.Categories))
	return fmt.Sprintf(`#:schema ../../schemas/activity.schema.json
# A processing activity of the record (GDPR Art. 30). The file name is its id.
# Reference: docs/record-format.md. Check with: go run ./generator validate

# Short name and a plain-language explanation for the privacy center.
name = %s
summary = %s

# controller (Art. 30(1)), or processor acting for other controllers (Art. 30(2);
# then add on_behalf_of = [{ legal_name = "...", address = "...", country = "..." }]).
role = "controller"

# Why the data is processed (Art. 30(1)(b)).
purposes = [%s]

# consent | contract | legal-obligation | vital-interests | public-task | legitimate-interests
# legitimate-interests needs legitimate_interest; legal-obligation and public-task need law;
# consent needs a choice with kind = "withdraw-consent".
legal_basis = "contract"

# Ids from data/subjects.toml and data/categories.toml. A special category
# (Art. 9) needs special_category_condition = "art9-2-a" ... "art9-2-j".
subjects = [%q]
categories = [%q]

# Ids from data/recipients.toml and data/measures.toml. A recipient outside the
# EEA needs a [[transfers]] entry: recipient, country, safeguard
# (adequacy | scc | bcr | dpf | art49-derogation).
recipients = []
measures = []

# Published in the privacy center once the texts are final.
public = false

# How long each data category is kept: an ISO 8601 period (P7Y, P18M, P30D)
# from a trigger, or criteria in words.
[[retention]]
categories = [%q]
period = "P1Y"
trigger = %s

# Automated decisions including profiling (Art. 22); when used = true, add
# logic and consequences (and human_review).
[automated_decisions]
used = false

# Internal fields: in the regulator's workbook only, never on the public site.
[internal]
owner = "TODO"
business_function = "TODO"
systems = []
`, text("name"), text("summary"), text("purpose"), subject, category, category, text("from when the period runs"))
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
