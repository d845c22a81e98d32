package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/privacy-as-code/ropa/generator/internal/outputs"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// builtProject is a copy of testdata/project with the repository's schemas,
// theme and content, built once: public/ and export/ropa.xlsx exist.
func builtProject(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	if err := copyDir("testdata/project", root); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"schemas", "themes", "content"} {
		if err := copyDir(filepath.Join("../../..", dir), filepath.Join(root, dir)); err != nil {
			t.Fatal(err)
		}
	}
	var stderr bytes.Buffer
	if code := Run([]string{"build", "--root", root}, &bytes.Buffer{}, &stderr); code != exitOK {
		t.Fatalf("first build: exit %d\n%s", code, stderr.String())
	}
	// The next build would publish another name.
	org := filepath.Join(root, "data", "organisation.toml")
	b, err := os.ReadFile(org)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(org, bytes.Replace(b, []byte(`name = "Voorbeeld"`), []byte(`name = "Voorbeeld Nieuw"`), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	return root
}

// published is the outputs as they are: the home page and the workbook.
func published(t *testing.T, root string) string {
	t.Helper()
	var s strings.Builder
	for _, name := range []string{"public/index.html", "public/en/index.html", "export/ropa.xlsx"} {
		b, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		s.WriteString(name + "\n" + string(b) + "\n")
	}
	return s.String()
}

// leftovers lists what builds left next to the outputs and in tmp.
func leftovers(t *testing.T, root, tmp string) []string {
	t.Helper()
	var left []string
	for _, dir := range []string{root, filepath.Join(root, "export"), tmp} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if dir == tmp || strings.Contains(e.Name(), ".new-") || strings.HasSuffix(e.Name(), ".tmp") {
				left = append(left, filepath.Join(dir, e.Name()))
			}
		}
	}
	return left
}

// startBuild runs the generator's build in a process of its own, with its
// own temporary directory, and returns once the build is staging the site
// (its stage is locked and the site is being written), with a channel that
// gets the result of Wait.
func startBuild(t *testing.T, root, tmp string) (*exec.Cmd, *bytes.Buffer, chan error) {
	t.Helper()
	cmd := exec.Command("generator", "build", "--root", root)
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		if found, _ := filepath.Glob(filepath.Join(root, ".public.new-*", "output")); len(found) > 0 {
			return cmd, &stderr, done
		}
		select {
		case err := <-done:
			t.Fatalf("the build ended (%v) before it staged the site:\n%s", err, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the build did not start staging the site")
		}
		time.Sleep(time.Millisecond)
	}
}

func TestAnInterruptedBuildRemovesWhatItMadeAndKeepsThePreviousOutputs(t *testing.T) {
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			root, tmp := builtProject(t), t.TempDir()
			before := published(t, root)
			cmd, stderr, done := startBuild(t, root, tmp)
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err := <-done
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != exitUsage {
				t.Errorf("exit: %v, want exit status 2\n%s", err, stderr.String())
			}
			if want := "interrupted: nothing was published; the previous site and workbook are as they were\n"; stderr.String() != want {
				t.Errorf("stderr:\n%s\nwant:\n%s", stderr.String(), want)
			}
			if published(t, root) != before {
				t.Error("the outputs changed")
			}
			if left := leftovers(t, root, tmp); len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
		})
	}
}

func TestTheNextBuildRemovesWhatAKilledBuildLeft(t *testing.T) {
	root, tmp := builtProject(t), t.TempDir()
	before := published(t, root)
	cmd, _, done := startBuild(t, root, tmp)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-done
	if published(t, root) != before {
		t.Error("the outputs changed")
	}
	if left := leftovers(t, root, tmp); len(left) == 0 {
		t.Fatal("the killed build left nothing: this test tests nothing")
	}

	t.Setenv("TMPDIR", tmp)
	var stderr bytes.Buffer
	if code := Run([]string{"build", "--root", root}, &bytes.Buffer{}, &stderr); code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	if left := leftovers(t, root, tmp); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
	if !strings.Contains(published(t, root), "Voorbeeld Nieuw") {
		t.Error("the next build did not publish")
	}
}

func TestAWorkbookThatFailsPublishesNeitherOutput(t *testing.T) {
	root, tmp := builtProject(t), t.TempDir()
	t.Setenv("TMPDIR", tmp)
	before := published(t, root)
	schemas, err := register.CompileSchemas(root)
	if err != nil {
		t.Fatal(err)
	}
	project, err := outputs.NewProject(root)
	if err != nil {
		t.Fatal(err)
	}
	site, book := filepath.Join(root, "public"), filepath.Join(root, "export", "ropa.xlsx")
	siteTarget, _ := project.Site(site)
	bookTarget, _ := project.Workbook(book, siteTarget, site)
	var stdout, stderr bytes.Buffer
	// A language the flag would refuse makes the workbook fail after the
	// site was built.
	code := buildOutputs(context.Background(), buildJob{
		root: root, siteFlag: "public", bookFlag: "export/ropa.xlsx",
		siteDir: site, siteTarget: siteTarget, book: book, bookTarget: bookTarget,
		schemas: schemas, lang: "de",
	}, &stdout, &stderr)
	if code != exitUsage {
		t.Errorf("exit %d, want 2", code)
	}
	want := "workbook: workbook: language \"de\" is not supported; use one of en, nl\nnothing was published: the previous site and workbook are as they were\n"
	if stderr.String() != want || stdout.String() != "" {
		t.Errorf("stdout:\n%s\nstderr:\n%s\nwant stderr:\n%s", stdout.String(), stderr.String(), want)
	}
	if published(t, root) != before {
		t.Error("an output changed: the new site was published with the old workbook")
	}
	if left := leftovers(t, root, tmp); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}
