package register_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/testtool"
)

// taplo finds the Taplo CLI (npm package @taplo/cli), the engine behind the
// TOML editors that honour #:schema directives: on PATH or where .ci/run
// installs it.
func taplo(t *testing.T) string {
	t.Helper()
	return testtool.Find(t, "taplo", "npm ci --prefix .ci",
		"taplo", filepath.Join(testtool.NodeModules("../../.."), ".bin", "taplo"))
}

// TestTaploAcceptsSchemasAndShippedRegister runs Taplo over every record of
// the shipped register, each validated against the schema its #:schema
// directive names: editors and the generator must agree.
func TestTaploAcceptsSchemasAndShippedRegister(t *testing.T) {
	bin := taplo(t)
	root, _ := filepath.Abs("../../..")
	files, _ := filepath.Glob(filepath.Join(root, "data", "*.toml"))
	acts, _ := filepath.Glob(filepath.Join(root, "data", "activities", "*.toml"))
	files = append(files, acts...)
	if len(acts) < 15 {
		t.Fatalf("found %d activity files; the shipped register has at least 15", len(acts))
	}
	cmd := exec.Command(bin, append([]string{"check"}, files...)...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "RUST_LOG=warn")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("taplo rejected the shipped register: %v\n%s", err, out)
	}
}

// TestTaploRejectsWhatWeReject makes sure the check above can fail: a record
// with an unknown key and a wrong enum value, validated by Taplo through its
// #:schema directive.
func TestTaploRejectsWhatWeReject(t *testing.T) {
	bin := taplo(t)
	root, _ := filepath.Abs("../../..")
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "data", "activities"), 0o755); err != nil {
		t.Fatal(err)
	}
	// The same relative directive as the shipped records, to a copy of the schema.
	schema, err := os.ReadFile(filepath.Join(root, "schemas", "activity.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "schemas"), 0o755)
	if err := os.WriteFile(filepath.Join(dir, "schemas", "activity.schema.json"), schema, 0o644); err != nil {
		t.Fatal(err)
	}
	bad := "#:schema ../../schemas/activity.schema.json\n" + `name = { nl = "Test", en = "Test" }
summary = { nl = "Test", en = "Test" }
role = "controller"
purposes = [{ nl = "Test", en = "Test" }]
legal_basis = "contract"
subjects = ["customers"]
categories = ["contact-details"]
automated_decisions = { used = false }
retention = [{ categories = ["contact-details"], period = "P1Y" }]
transfers = [{ recipient = "x", country = "US", safeguard = "dpa" }]
purpose = "typo"
`
	file := filepath.Join(dir, "data", "activities", "bad.toml")
	if err := os.WriteFile(file, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "check", file)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "RUST_LOG=warn")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("taplo accepted a record with an unknown key and a wrong safeguard:\n%s", out)
	}
	for _, want := range []string{"dpa", "purpose"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("taplo's report does not mention %q:\n%s", want, out)
		}
	}
}
