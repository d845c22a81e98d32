package outputs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// tree makes files (content after "=") and links (target after "->") under a
// temporary directory, and returns it resolved.
func tree(t *testing.T, entries ...string) string {
	t.Helper()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		var err error
		switch {
		case strings.Contains(e, " -> "):
			name, target, _ := strings.Cut(e, " -> ")
			p := filepath.Join(dir, name)
			if err = os.MkdirAll(filepath.Dir(p), 0o755); err == nil {
				err = os.Symlink(target, p)
			}
		case strings.HasSuffix(e, "/"):
			err = os.MkdirAll(filepath.Join(dir, e), 0o755)
		default:
			name, content, _ := strings.Cut(e, "=")
			p := filepath.Join(dir, name)
			if err = os.MkdirAll(filepath.Dir(p), 0o755); err == nil {
				err = os.WriteFile(p, []byte(content), 0o644)
			}
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestResolveFollowsEveryLink(t *testing.T) {
	dir := tree(t,
		"real/sub/",
		"link -> real",
		"abs -> "+"ABS", // replaced below
		"chain -> link/sub",
		"dangling -> real/later/file",
		"up -> real/sub",
		"loop -> loop",
	)
	os.Remove(filepath.Join(dir, "abs"))
	if err := os.Symlink(filepath.Join(dir, "real"), filepath.Join(dir, "abs")); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ path, want string }{
		{"real/sub", "real/sub"},
		{"link/sub/x.xlsx", "real/sub/x.xlsx"},
		{"abs/sub", "real/sub"},
		{"chain/new/x", "real/sub/new/x"},
		{"dangling", "real/later/file"},
		// The kernel follows the link before "..", unlike filepath.Clean.
		{"up/../x", "real/x"},
		{"missing/../real", "real"},
		{"./link/./sub/", "real/sub"},
	}
	for _, tt := range tests {
		got, err := Resolve(filepath.Join(dir, "") + "/" + tt.path)
		if err != nil || got != filepath.Join(dir, tt.want) {
			t.Errorf("Resolve(%s) = %s, %v; want %s", tt.path, got, err, filepath.Join(dir, tt.want))
		}
	}
	if _, err := Resolve(filepath.Join(dir, "loop", "x")); err == nil || !strings.Contains(err.Error(), "too many levels of symbolic links") {
		t.Errorf("a link loop: error = %v", err)
	}

	// A relative path is taken from the working directory.
	t.Chdir(dir)
	if got, err := Resolve("link/sub"); err != nil || got != filepath.Join(dir, "real", "sub") {
		t.Errorf("Resolve(relative) = %s, %v", got, err)
	}
}

func TestSiteRefusesToReplaceTheProjectOrItsSources(t *testing.T) {
	root := tree(t, "hugo.toml=x", "data/organisation.toml=x", "content/", "themes/", "schemas/",
		"out -> .", "dataLink -> data", "other/", "ext -> ../")
	p, err := NewProject(root)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ dir, want string }{
		{"public", ""},
		{"other/site", ""},
		{".", "publish directory ROOT/. holds the project itself"},
		{"out", "publish directory ROOT/out (ROOT once links are followed) holds the project itself"},
		{"ext", "publish directory ROOT/ext (PARENT once links are followed) holds the project itself"},
		{"out/data", "publish directory ROOT/out/data (data once links are followed) is inside the project's data/ folder"},
		{"dataLink/public", "publish directory ROOT/dataLink/public (data/public once links are followed) is inside the project's data/ folder"},
		{".git", "publish directory ROOT/.git is inside the project's .git/ folder"},
		{"hugo.toml", "publish directory ROOT/hugo.toml would replace the project's hugo.toml"},
	}
	for _, tt := range tests {
		_, err := p.Site(root + "/" + tt.dir)
		got := ""
		if err != nil {
			got = strings.ReplaceAll(strings.ReplaceAll(err.Error(), root, "ROOT"), filepath.Dir(root), "PARENT")
		}
		if got != tt.want {
			t.Errorf("Site(%s) = %q, want %q", tt.dir, got, tt.want)
		}
	}

	// A source that is a link elsewhere is protected where it leads.
	shared := tree(t, "themes/")
	root2 := tree(t, "themes -> "+filepath.Join(shared, "themes"))
	p2, _ := NewProject(root2)
	if _, err := p2.Site(shared); err == nil || !strings.Contains(err.Error(), "holds the project's themes") {
		t.Errorf("a site over a linked source folder: %v", err)
	}
}

func TestWorkbookNeverLandsOnTheSiteOrOverTheSources(t *testing.T) {
	root := tree(t, "hugo.toml=x", "data/organisation.toml=x", "public/index.html=x",
		"export -> public", "exp2/", "exp2/ropa.xlsx -> ../public/ropa.xlsx", "book -> data/organisation.toml",
		"old.xlsx=PK\x03\x04rest", "notes.txt=precious", "dir.xlsx/", "up -> public/css")
	p, err := NewProject(root)
	if err != nil {
		t.Fatal(err)
	}
	site, err := p.Site(filepath.Join(root, "public"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ file, want string }{
		{"export2/ropa.xlsx", ""},
		{"old.xlsx", ""},
		{"export/ropa.xlsx", "the workbook ROOT/export/ropa.xlsx (public/ropa.xlsx once links are followed) would be inside the site directory public: a record of processing is not a public document"},
		{"public/a/b.xlsx", "the workbook ROOT/public/a/b.xlsx would be inside the site directory public: a record of processing is not a public document"},
		{"exp2/ropa.xlsx", "the workbook ROOT/exp2/ropa.xlsx (public/ropa.xlsx once links are followed) would be inside the site directory public: a record of processing is not a public document"},
		{"up/../x.xlsx", "the workbook ROOT/up/../x.xlsx (public/x.xlsx once links are followed) would be inside the site directory public: a record of processing is not a public document"},
		{"data/organisation.toml", "the workbook ROOT/data/organisation.toml would be inside the project's data/ folder"},
		{"book", "the workbook ROOT/book (data/organisation.toml once links are followed) would be inside the project's data/ folder"},
		{"hugo.toml", "the workbook ROOT/hugo.toml would replace the project's hugo.toml"},
		{".git/x.xlsx", "the workbook ROOT/.git/x.xlsx would be inside the project's .git/ folder"},
		{".", "the workbook ROOT/. would replace a directory of the project"},
		{"dir.xlsx", "the workbook ROOT/dir.xlsx is a directory"},
		{"notes.txt", "the workbook ROOT/notes.txt would replace a file that is not a workbook"},
	}
	for _, tt := range tests {
		_, err := p.Workbook(root+"/"+tt.file, site, "public")
		got := ""
		if err != nil {
			got = strings.ReplaceAll(err.Error(), root, "ROOT")
		}
		if got != tt.want {
			t.Errorf("Workbook(%s) = %q\n want %q", tt.file, got, tt.want)
		}
	}
}

func stageWith(t *testing.T, target, content string) *Stage {
	t.Helper()
	s, err := NewStage(target)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.Output(), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return s
}

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		return "(" + err.Error() + ")"
	}
	return string(b)
}

func names(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var n []string
	for _, e := range entries {
		n = append(n, e.Name())
	}
	return strings.Join(n, " ")
}

func TestCommitMovesBothOutputsAndLeavesNothing(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	dir := tree(t, "a=old a", "b/b=old b")
	a := stageWith(t, filepath.Join(dir, "a"), "new a")
	b := stageWith(t, filepath.Join(dir, "b", "b"), "new b")
	if err := Commit(a, b); err != nil {
		t.Fatal(err)
	}
	if read(t, filepath.Join(dir, "a")) != "new a" || read(t, filepath.Join(dir, "b", "b")) != "new b" {
		t.Error("the outputs were not moved into place")
	}
	if got := names(t, dir) + " | " + names(t, filepath.Join(dir, "b")); got != "a b | b" {
		t.Errorf("left behind: %s", got)
	}
}

func TestAFailedCommitPutsTheFirstOutputBack(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	dir := tree(t, "a=old a", "b/b=old b")
	a := stageWith(t, filepath.Join(dir, "a"), "new a")
	b := stageWith(t, filepath.Join(dir, "b", "b"), "new b")
	// The second output cannot be moved: it is gone.
	os.Remove(b.Output())
	if err := Commit(a, b); err == nil {
		t.Fatal("the commit succeeded")
	}
	if got := read(t, filepath.Join(dir, "a")); got != "old a" {
		t.Errorf("a = %q after a failed commit, want the old one back", got)
	}
	a.Remove()
	b.Remove()
	if got := names(t, dir); got != "a b" {
		t.Errorf("left behind: %s", got)
	}
}

func TestRecoverRemovesOnlyWhatStoppedBuildsLeft(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	dir := tree(t, "public/index.html=site", "export/ropa.xlsx=PK")
	site, book := filepath.Join(dir, "public"), filepath.Join(dir, "export", "ropa.xlsx")

	// A build still running: its stages are locked and stay.
	running := stageWith(t, site, "running")
	defer running.Remove()

	// A build killed while building: its stage is unlocked (the lock file
	// is closed, as the kernel does when a process dies).
	killed := stageWith(t, book, "killed")
	killed.lock.Close()
	killed.lock = nil

	// Leftovers of older versions, without locks: removed once old enough.
	old := []string{
		filepath.Join(dir, ".public.new-123"),
		filepath.Join(dir, ".public.new-123.old"),
		filepath.Join(dir, "export", ".ropa.xlsx.456.tmp"),
	}
	fresh := filepath.Join(dir, ".public.new-789")
	for _, p := range append(old, fresh) {
		os.MkdirAll(filepath.Dir(p), 0o755)
		if strings.HasSuffix(p, ".tmp") {
			os.WriteFile(p, nil, 0o644)
		} else {
			os.Mkdir(p, 0o755)
		}
	}
	long := time.Now().Add(-2 * staleAfter)
	for _, p := range old {
		os.Chtimes(p, long, long)
	}
	// Not ours: never touched, however old.
	mine := []string{filepath.Join(dir, ".public.bak"), filepath.Join(dir, "export", ".ropa.xlsx.bak")}
	for _, p := range mine {
		os.WriteFile(p, nil, 0o644)
		os.Chtimes(p, long, long)
	}

	if removed := Recover(site, book); len(removed) != 0 {
		t.Errorf("removed %v, want no output removed", removed)
	}
	want := []string{filepath.Base(running.Dir()), ".public.new-789", ".public.bak", "public"}
	got := names(t, dir)
	for _, w := range want {
		if !strings.Contains(" "+got+" ", " "+w+" ") {
			t.Errorf("%s was removed (left: %s)", w, got)
		}
	}
	if got != strings.Join([]string{".public.bak", filepath.Base(running.Dir()), ".public.new-789", "export", "public"}, " ") &&
		got != strings.Join([]string{".public.bak", ".public.new-789", filepath.Base(running.Dir()), "export", "public"}, " ") {
		t.Errorf("left in the project: %s", got)
	}
	if got := names(t, filepath.Join(dir, "export")); got != ".ropa.xlsx.bak ropa.xlsx" {
		t.Errorf("left in export/: %s", got)
	}
}

func TestRecoverRemovesOutputsAKilledCommitLeftMixed(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	dir := tree(t, "public/index.html=old site", "export/ropa.xlsx=old book")
	site, book := filepath.Join(dir, "public"), filepath.Join(dir, "export", "ropa.xlsx")
	s := stageWith(t, site, "")
	os.Remove(s.Output())
	os.Mkdir(s.Output(), 0o755)
	os.WriteFile(filepath.Join(s.Output(), "index.html"), []byte("new site"), 0o644)
	b := stageWith(t, book, "new book")
	// What Commit does, up to a kill after the site was moved.
	list := s.Dir() + "\n" + b.Dir() + "\n"
	writeSynced(filepath.Join(s.Dir(), commitName), list)
	writeSynced(filepath.Join(b.Dir(), commitName), list)
	if err := s.swap(); err != nil {
		t.Fatal(err)
	}
	s.lock.Close()
	b.lock.Close()

	removed := Recover(site, book)
	if strings.Join(removed, " ") != site+" "+book {
		t.Errorf("removed %v, want both outputs", removed)
	}
	if got := names(t, dir) + " | " + names(t, filepath.Join(dir, "export")); got != "export | " {
		t.Errorf("left: %s", got)
	}
}

func TestRecoverLeavesAnotherProjectsTargetsAlone(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	// A commit mark names the final places by its stages; an output that
	// is not among the targets Recover was given is never removed, so a
	// mark committed to a repository cannot make a build delete files.
	dir := tree(t, "public/index.html=site", "data/organisation.toml=record")
	stage := filepath.Join(dir, ".public.new-1")
	os.Mkdir(stage, 0o755)
	os.WriteFile(filepath.Join(stage, lockName), nil, 0o600)
	os.WriteFile(filepath.Join(stage, commitName), []byte(filepath.Join(dir, "data", ".organisation.toml.new-2")+"\n"), 0o600)
	removed := Recover(filepath.Join(dir, "public"))
	if strings.Join(removed, " ") != filepath.Join(dir, "public") {
		t.Errorf("removed %v", removed)
	}
	if read(t, filepath.Join(dir, "data", "organisation.toml")) != "record" {
		t.Error("a file named by a forged commit mark was removed")
	}
}

func TestTheTemporaryDirectoryIsSweptOfOurLeftoversOnly(t *testing.T) {
	tmp := tree(t, "ropa-generated-old/view.json=x", "ropa-generated-new/", "other-old/",
		"ropa-serve-nolock/", "ropa-serve-dead/lock=", "ropa-serve-other.txt=x")
	t.Setenv("TMPDIR", tmp)
	long := time.Now().Add(-2 * staleAfter)
	for _, name := range []string{"ropa-generated-old", "other-old", "ropa-serve-nolock", "ropa-serve-other.txt"} {
		os.Chtimes(filepath.Join(tmp, name), long, long)
	}
	live, err := NewTempDir("ropa-serve-")
	if err != nil {
		t.Fatal(err)
	}
	defer live.Remove()
	sweepTemp()
	// Kept: a fresh leftover of an older version (it may be running), a
	// preview without a lock (an older version's, maybe running), a
	// preview still running, and what is not ours.
	want := strings.Join([]string{"other-old", "ropa-generated-new", filepath.Base(live.Dir()), "ropa-serve-nolock", "ropa-serve-other.txt"}, " ")
	if got := names(t, tmp); got != want {
		t.Errorf("left %s\nwant %s", got, want)
	}
	dir := live.Dir()
	if err := live.Remove(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); err == nil {
		t.Error("Remove left the directory")
	}
}
