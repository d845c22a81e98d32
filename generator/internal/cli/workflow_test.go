package cli

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// The CI workflow files docs/workflow.md offers a records repository.
const (
	githubWorkflow = "../../../docs/workflow/github-actions.yml"
	gitlabWorkflow = "../../../docs/workflow/gitlab-ci.yml"
)

// generatorBinary builds the generator from this checkout into a directory
// removed after the test (go build's cache makes a second build quick).
func generatorBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "generator")
	if out, err := exec.Command("go", "build", "-o", bin, "../..").CombinedOutput(); err != nil {
		t.Fatalf("building the generator: %v\n%s", err, out)
	}
	return bin
}

// ciRepo is a records repository as CI sees it: a clone of a bare origin
// whose main holds the test project, with the generator in .bin/ (where the
// workflows' build step puts it) and fake gh and curl on PATH that log what
// they were asked to post.
type ciRepo struct {
	dir, log string
	env      []string
}

func newCIRepo(t *testing.T) *ciRepo {
	t.Helper()
	bin := generatorBinary(t)
	root := t.TempDir()
	origin := filepath.Join(root, "origin.git")
	gitIn(t, root, "init", "-q", "--bare", "-b", "main", origin)
	dir := filepath.Join(root, "records")
	os.MkdirAll(dir, 0o755)
	if err := copyDir("testdata/project", dir); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"schemas", "themes", "content"} {
		if err := copyDir(filepath.Join("../../..", d), filepath.Join(dir, d)); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, ".gitignore"), []byte("/public/\n/export/\n/.bin/\nregister-diff.md\n"), 0o644)
	gitRepo(t, dir)
	gitIn(t, dir, "remote", "add", "origin", origin)
	gitIn(t, dir, "push", "-q", "origin", "main")
	gitIn(t, dir, "fetch", "-q", "origin")

	os.MkdirAll(filepath.Join(dir, ".bin"), 0o755)
	b, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, ".bin", "generator"), b, 0o755)

	fake := filepath.Join(root, "fakebin")
	os.MkdirAll(fake, 0o755)
	log := filepath.Join(root, "posted")
	os.WriteFile(filepath.Join(fake, "gh"), []byte(`#!/bin/sh
echo "gh $*" >> "$FAKE_LOG"
while [ $# -gt 0 ]; do
  if [ "$1" = --body-file ]; then cat "$2" > "$FAKE_LOG.body"; fi
  shift
done
`), 0o755)
	os.WriteFile(filepath.Join(fake, "curl"), []byte(`#!/bin/sh
echo "curl $*" >> "$FAKE_LOG"
for a in "$@"; do
  case "$a" in body@*) cat "${a#body@}" > "$FAKE_LOG.body";; esac
done
`), 0o755)
	env := append(os.Environ(), "PATH="+fake+string(os.PathListSeparator)+os.Getenv("PATH"), "FAKE_LOG="+log,
		"GIT_AUTHOR_DATE=2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE=2026-01-01T00:00:00Z")
	return &ciRepo{dir: dir, log: log, env: env}
}

// step is a shell step of a workflow, and what running it gave.
type step struct {
	name, script string
	env          []string
	code         int
	output       string
}

// run runs a step's script as the CI system would: bash, stopping at the
// first failing command.
func (r *ciRepo) run(t *testing.T, s *step) {
	t.Helper()
	cmd := exec.Command("bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", s.script)
	cmd.Dir = r.dir
	cmd.Env = append(append([]string{}, r.env...), s.env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	s.output = out.String()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		s.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s: %v", s.name, err)
	}
}

// posted returns what the fake gh or curl was given to post, and how it was called.
func (r *ciRepo) posted(t *testing.T) (calls, body string) {
	t.Helper()
	c, _ := os.ReadFile(r.log)
	b, _ := os.ReadFile(r.log + ".body")
	os.Remove(r.log)
	os.Remove(r.log + ".body")
	return string(c), string(b)
}

// theBranch makes the branch a pull request proposes: commits that add an
// activity, make a retention period longer and add a transfer.
func (r *ciRepo) theBranch(t *testing.T) {
	t.Helper()
	gitIn(t, r.dir, "checkout", "-q", "-b", "survey")
	os.WriteFile(filepath.Join(r.dir, "data/activities/survey.toml"), []byte(`#:schema ../../schemas/activity.schema.json
name = { nl = "Enquête", en = "Survey" }
summary = { nl = "We vragen je mening.", en = "We ask your opinion." }
role = "controller"
purposes = [{ nl = "Dienst verbeteren", en = "Improving the service" }]
legal_basis = "consent"
subjects = ["customers"]
categories = ["contact-details"]
recipients = ["mail-service"]

[[retention]]
categories = ["contact-details"]
period = "P1Y"

[automated_decisions]
used = false

[[choices]]
kind = "withdraw-consent"
title = { nl = "Stoppen", en = "Stop" }
steps = [{ nl = "Mail ons", en = "Mail us" }]
`), 0o644)
	commitAll(t, r.dir, "Add the survey")
	editFile(t, r.dir, "data/activities/newsletter.toml", `period = "P2Y"`, `period = "P3Y"`)
	commitAll(t, r.dir, "Keep newsletter addresses three years")
	editFile(t, r.dir, "data/activities/hearing-test.toml", `categories = ["health"]
`, `categories = ["health"]
recipients = ["cloud-host"]

[[transfers]]
recipient = "cloud-host"
country = "US"
safeguard = "dpf"
`)
	commitAll(t, r.dir, "Hearing tests are stored with the US host")
}

// githubSteps reads a job of the GitHub workflow: its shell steps with their
// environment (GitHub's expressions given the values of a pull request from
// the branch), and its actions with their inputs. The step that builds the
// generator is left out: the test has built it from this checkout.
func githubSteps(t *testing.T, job string) (steps []*step, actions map[string]map[string]string) {
	t.Helper()
	b, err := os.ReadFile(githubWorkflow)
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Jobs map[string]struct {
			Steps []struct {
				Name string            `yaml:"name"`
				Uses string            `yaml:"uses"`
				Run  string            `yaml:"run"`
				Env  map[string]string `yaml:"env"`
				With map[string]string `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(b, &wf); err != nil {
		t.Fatal(err)
	}
	expressions := map[string]string{
		"github.base_ref":                  "main",
		"github.token":                     "a-token",
		"github.event.pull_request.number": "7",
	}
	expr := regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)
	actions = map[string]map[string]string{}
	j, ok := wf.Jobs[job]
	if !ok || len(j.Steps) == 0 {
		t.Fatalf("%s has no job %q", githubWorkflow, job)
	}
	for _, s := range j.Steps {
		if s.Uses != "" {
			actions[s.Uses] = s.With
			continue
		}
		if strings.HasPrefix(s.Run, "go build ") {
			continue
		}
		if expr.MatchString(s.Run) {
			t.Errorf("step %q: an expression in the script; give it to the script in env", s.Name)
		}
		st := &step{name: s.Name, script: s.Run}
		for k, v := range s.Env {
			v = expr.ReplaceAllStringFunc(v, func(e string) string {
				val, ok := expressions[expr.FindStringSubmatch(e)[1]]
				if !ok {
					t.Fatalf("step %q: the test gives no value to %s", s.Name, e)
				}
				return val
			})
			st.env = append(st.env, k+"="+v)
		}
		steps = append(steps, st)
	}
	return steps, actions
}

// byName returns the step named name.
func byName(t *testing.T, steps []*step, name string) *step {
	t.Helper()
	for _, s := range steps {
		if s.name == name {
			return s
		}
	}
	t.Fatalf("no step %q", name)
	return nil
}

// TestGitHubWorkflowRunsOnAPullRequestAndOnMain runs the shell steps of
// docs/workflow/github-actions.yml against a scratch records repository:
// a pull request whose commits add an activity, make a retention longer and
// add a transfer (validated, the changes posted, a redline written, the
// material changes stopping the merge until approved), one with an
// editorial change only (not stopped), and main after the merge (the site
// built, the workbook beside it and not in it).
func TestGitHubWorkflowRunsOnAPullRequestAndOnMain(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the generator and several sites")
	}
	r := newCIRepo(t)
	r.theBranch(t)
	steps, actions := githubSteps(t, "check")
	for _, s := range steps {
		r.run(t, s)
	}
	want := map[string]int{
		"Validate": 0, "Changes in Art. 30 terms": 0, "Post them on the pull request": 0, "Redline for legal review": 0,
		"Material changes need the DPO's approval": 1,
	}
	for _, s := range steps {
		if code, ok := want[s.name]; !ok {
			t.Errorf("step %q: not checked by this test", s.name)
		} else if s.code != code {
			t.Errorf("step %q: exit code %d, want %d\n%s", s.name, s.code, code, s.output)
		}
	}
	calls, body := r.posted(t)
	if calls != "gh pr comment 7 --body-file register-diff.md\n" {
		t.Errorf("gh was called as:\n%s", calls)
	}
	wantBody := "Wijzigingen in het register van `origin/main` naar `HEAD`: 5 wijzigingen, 5 materieel.\n\n" +
		"### verwerking hearing-test: Gehoortest\n\n| Wijziging | Soort |\n| --- | --- |\n" +
		"| nieuwe ontvanger cloud-host (Cloud Inc.) | **materieel** |\n" +
		"| nieuw derde land: doorgifte aan cloud-host (Verenigde Staten) met waarborg dpf | **materieel** |\n\n" +
		"### verwerking newsletter: Nieuwsbrief\n\n| Wijziging | Soort |\n| --- | --- |\n" +
		"| bewaartermijn van contact-details verlengd: P2Y → P3Y | **materieel** |\n\n" +
		"### verwerking survey: Enquête\n\n| Wijziging | Soort |\n| --- | --- |\n" +
		"| verwerking toegevoegd | **materieel** |\n" +
		"| verwerking gepubliceerd in het privacycentrum | **materieel** |\n"
	if body != wantBody {
		t.Errorf("the comment posted:\n%s\nwant:\n%s", body, wantBody)
	}
	if !strings.Contains(byName(t, steps, "Material changes need the DPO's approval").output, "::error::This pull request makes material changes") {
		t.Error("the approval step does not say why it failed")
	}
	for _, l := range []string{"nl", "en"} {
		b, err := os.ReadFile(filepath.Join(r.dir, "export", "review."+l+".html"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), "<ins>") || !strings.Contains(string(b), `class="summary"`) {
			t.Errorf("review.%s.html is not a redline", l)
		}
	}
	if got := actions["actions/upload-artifact@v4"]["path"]; got != "export/review.*.html" {
		t.Errorf("the redline artifact has path %q", got)
	}
	if got := actions["actions/checkout@v4"]["fetch-depth"]; got != "0" {
		t.Errorf("the checkout has fetch-depth %q: diff needs the base revision", got)
	}

	// An editorial change only: the pull request is not stopped.
	gitIn(t, r.dir, "checkout", "-q", "-b", "shorter", "main")
	editFile(t, r.dir, "data/activities/newsletter.toml", `period = "P2Y"`, `period = "P1Y"`)
	commitAll(t, r.dir, "Keep newsletter addresses one year")
	steps, _ = githubSteps(t, "check")
	for _, s := range steps {
		r.run(t, s)
		if s.code != 0 {
			t.Errorf("editorial change, step %q: exit code %d\n%s", s.name, s.code, s.output)
		}
	}
	if _, body := r.posted(t); !strings.Contains(body, "| bewaartermijn van contact-details verkort: P2Y → P1Y | redactioneel |") {
		t.Errorf("the comment for an editorial change:\n%s", body)
	}

	// Main after the merge: the site is built and published, the workbook
	// and the clean notice are artifacts beside it.
	gitIn(t, r.dir, "checkout", "-q", "main")
	gitIn(t, r.dir, "-c", "user.name=t", "-c", "user.email=t@t", "merge", "-q", "--no-ff", "-m", "Merge the survey", "survey")
	os.RemoveAll(filepath.Join(r.dir, "export"))
	steps, actions = githubSteps(t, "publish")
	if got := actions["actions/checkout@v4"]["fetch-depth"]; got != "0" {
		t.Errorf("the publish job's checkout has fetch-depth %q: without the history the site has no change log", got)
	}
	for _, s := range steps {
		r.run(t, s)
		if s.code != 0 {
			t.Errorf("publish, step %q: exit code %d\n%s", s.name, s.code, s.output)
		}
	}
	r.checkPublished(t, actions["actions/upload-pages-artifact@v3"]["path"])
	for _, p := range strings.Fields(actions["actions/upload-artifact@v4"]["path"]) {
		if strings.HasPrefix(p, "public") {
			t.Errorf("the private artifact takes %s from the site", p)
		}
		if m, _ := filepath.Glob(filepath.Join(r.dir, p)); len(m) == 0 {
			t.Errorf("the private artifact's %s matches no file", p)
		}
	}
}

// checkPublished checks the site built into the published directory: it
// has the new activity, and no workbook; the workbook is in export/.
func (r *ciRepo) checkPublished(t *testing.T, published string) {
	t.Helper()
	if published != "public" {
		t.Errorf("the published directory is %q, want public", published)
	}
	if _, err := os.Stat(filepath.Join(r.dir, "public", "activities", "survey", "index.html")); err != nil {
		t.Errorf("the site lacks the new activity: %v", err)
	}
	filepath.WalkDir(filepath.Join(r.dir, "public"), func(p string, d os.DirEntry, err error) error {
		if err == nil && (strings.HasSuffix(p, ".xlsx") || strings.Contains(p, "review") || strings.Contains(p, "notice.")) {
			t.Errorf("%s is on the public site", p)
		}
		return err
	})
	for _, f := range []string{"ropa.xlsx", "notice.nl.html", "notice.en.html"} {
		if _, err := os.Stat(filepath.Join(r.dir, "export", f)); err != nil {
			t.Errorf("export/%s was not made: %v", f, err)
		}
	}
}

// gitlabJob is a job of the GitLab pipeline.
type gitlabJob struct {
	Stage  string   `yaml:"stage"`
	Script []string `yaml:"script"`
	Rules  []struct {
		If   string `yaml:"if"`
		When string `yaml:"when"`
	} `yaml:"rules"`
	Artifacts struct {
		Paths  []string `yaml:"paths"`
		Access string   `yaml:"access"`
	} `yaml:"artifacts"`
}

// TestGitLabPipelineRunsOnAMergeRequestAndOnMain runs the scripts of
// docs/workflow/gitlab-ci.yml as the GitHub test runs its steps.
func TestGitLabPipelineRunsOnAMergeRequestAndOnMain(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the generator and several sites")
	}
	b, err := os.ReadFile(gitlabWorkflow)
	if err != nil {
		t.Fatal(err)
	}
	var def struct {
		Default struct {
			Image        string   `yaml:"image"`
			BeforeScript []string `yaml:"before_script"`
		} `yaml:"default"`
	}
	if err := yaml.Unmarshal(b, &def); err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := yaml.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	jobs := map[string]gitlabJob{}
	for name, v := range raw {
		if m, ok := v.(map[string]any); !ok || m["script"] == nil {
			continue
		}
		sub, _ := yaml.Marshal(v)
		var j gitlabJob
		if err := yaml.Unmarshal(sub, &j); err != nil {
			t.Fatal(err)
		}
		jobs[name] = j
	}
	// The image's Go is the one go.mod asks for: the official images do not
	// download another toolchain (GOTOOLCHAIN=local).
	mod, err := os.ReadFile("../../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	goVersion := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindSubmatch(mod)
	if goVersion == nil || def.Default.Image != "golang:"+string(goVersion[1]) {
		t.Errorf("the pipeline's image is %q; go.mod asks for go %s", def.Default.Image, goVersion[1])
	}
	var before []string
	for _, l := range def.Default.BeforeScript {
		if !strings.HasPrefix(l, "go build ") {
			before = append(before, l)
		}
	}
	env := []string{
		"CI_MERGE_REQUEST_TARGET_BRANCH_NAME=main", "CI_API_V4_URL=https://gitlab.example/api/v4", "CI_PROJECT_ID=3",
		"CI_MERGE_REQUEST_IID=7", "REGISTER_BOT_TOKEN=a-token",
	}
	runJob := func(t *testing.T, r *ciRepo, name string) *step {
		t.Helper()
		j, ok := jobs[name]
		if !ok {
			t.Fatalf("%s has no job %q", gitlabWorkflow, name)
		}
		s := &step{name: name, script: strings.Join(append(append([]string{}, before...), j.Script...), "\n"), env: env}
		r.run(t, s)
		return s
	}
	onMR := func(name string) bool {
		for _, rule := range jobs[name].Rules {
			if rule.When != "never" && strings.Contains(rule.If, `$CI_PIPELINE_SOURCE == "merge_request_event"`) {
				return true
			}
		}
		return false
	}

	r := newCIRepo(t)
	r.theBranch(t)
	want := map[string]int{"validate": 0, "changes": 0, "dpo-approval": 1}
	for name, code := range want {
		if !onMR(name) {
			t.Errorf("job %s does not run on a merge request", name)
		}
		if s := runJob(t, r, name); s.code != code {
			t.Errorf("job %s: exit code %d, want %d\n%s", name, s.code, code, s.output)
		}
		if name == "changes" {
			calls, body := r.posted(t)
			if !strings.Contains(calls, "curl --fail --silent --show-error --request POST --header PRIVATE-TOKEN: a-token --data-urlencode body@register-diff.md https://gitlab.example/api/v4/projects/3/merge_requests/7/notes") {
				t.Errorf("curl was called as:\n%s", calls)
			}
			if !strings.HasPrefix(body, "Wijzigingen in het register van `origin/main` naar `HEAD`: 5 wijzigingen, 5 materieel.") {
				t.Errorf("the note posted:\n%s", body)
			}
			for _, p := range jobs[name].Artifacts.Paths {
				if _, err := os.Stat(filepath.Join(r.dir, p)); err != nil {
					t.Errorf("artifact %s was not made", p)
				}
			}
		}
	}
	for name := range jobs {
		if _, ok := want[name]; !ok && onMR(name) {
			t.Errorf("job %s runs on a merge request and is not checked by this test", name)
		}
	}
	if rules := jobs["dpo-approval"].Rules; len(rules) == 0 || rules[0].When != "never" || !strings.Contains(rules[0].If, "dpo-approved") {
		t.Errorf("dpo-approval is not skipped once the DPO approved: %+v", rules)
	}

	gitIn(t, r.dir, "checkout", "-q", "main")
	gitIn(t, r.dir, "-c", "user.name=t", "-c", "user.email=t@t", "merge", "-q", "--no-ff", "-m", "Merge the survey", "survey")
	os.RemoveAll(filepath.Join(r.dir, "export"))
	for _, name := range []string{"pages", "record-of-processing"} {
		if s := runJob(t, r, name); s.code != 0 {
			t.Errorf("job %s: exit code %d\n%s", name, s.code, s.output)
		}
	}
	if got := strings.Join(jobs["pages"].Artifacts.Paths, " "); got != "public" {
		t.Errorf("pages publishes %q", got)
	}
	r.checkPublished(t, jobs["pages"].Artifacts.Paths[0])
	rop := jobs["record-of-processing"].Artifacts
	if rop.Access != "developer" {
		t.Errorf("the workbook's artifact is open to %q", rop.Access)
	}
	for _, p := range rop.Paths {
		if strings.HasPrefix(p, "public") {
			t.Errorf("the private artifact takes %s from the site", p)
		}
	}
}
