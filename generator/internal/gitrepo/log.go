package gitrepo

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// Commit is one commit of the history: its hash, its committer date (the
// date it landed, as Hugo's GitInfo uses it) and the files it changed,
// relative to the project directory.
type Commit struct {
	Hash    string
	Parents []string
	Date    time.Time
	Files   []FileChange
}

// FileChange is one file a commit added (A), modified (M) or deleted (D),
// relative to the project directory.
type FileChange struct {
	Status byte
	Path   string
}

// Short returns the commit's abbreviated hash.
func (c Commit) Short() string { return c.Hash[:min(7, len(c.Hash))] }

// Shallow reports whether the repository is a shallow clone: its oldest
// commits stand for history that is not there.
func (r *Repo) Shallow() bool {
	out, err := r.git("rev-parse", "--is-shallow-repository")
	return err == nil && strings.TrimSpace(out) == "true"
}

// HasHead reports whether HEAD names a commit (an empty repository has none).
func (r *Repo) HasHead() bool {
	_, err := r.git("rev-parse", "--verify", "--quiet", "HEAD^{commit}")
	return err == nil
}

// Log returns the commits of HEAD's history that changed files under paths
// (relative to the project directory), newest first (a commit always before
// its parents, even when their dates are equal or out of order), as git log simplifies
// it: a merge that takes a file from one side is not listed, the commit on
// that side is, with its own date. Renames count as a deletion and an
// addition; a merge lists no files.
func (r *Repo) Log(paths ...string) ([]Commit, error) {
	args := []string{"log", "--topo-order", "--no-renames", "--name-status", "-z", "--format=%x01%H %ct %P", "HEAD", "--"}
	args = append(args, paths...)
	out, err := r.git(args...)
	if err != nil {
		return nil, err
	}
	var commits []Commit
	for rec := range strings.SplitSeq(out, "\x01") {
		if rec == "" {
			continue
		}
		head, rest, _ := strings.Cut(rec, "\x00")
		f := strings.Fields(head)
		if len(f) < 2 {
			return nil, fmt.Errorf("git log: unexpected line %q", head)
		}
		secs, perr := strconv.ParseInt(f[1], 10, 64)
		if perr != nil {
			return nil, fmt.Errorf("git log: unexpected line %q", head)
		}
		c := Commit{Hash: f[0], Parents: f[2:], Date: time.Unix(secs, 0).UTC()}
		fields := strings.Split(strings.Trim(rest, "\x00\n"), "\x00")
		if len(fields) == 1 && fields[0] == "" {
			fields = nil
		}
		for i := 0; i+1 < len(fields); i += 2 {
			status := strings.TrimSpace(fields[i])
			if status == "" {
				continue
			}
			c.Files = append(c.Files, FileChange{Status: status[0], Path: strings.TrimPrefix(fields[i+1], r.prefix)})
		}
		commits = append(commits, c)
	}
	return commits, nil
}

// Tag is a tag and the commit it names.
type Tag struct {
	Name   string
	Commit string
}

// Tags returns the tags matching the glob pattern whose commits are in
// HEAD's history, sorted by name.
func (r *Repo) Tags(pattern string) ([]Tag, error) {
	if strings.HasPrefix(pattern, "-") {
		return nil, fmt.Errorf("tag pattern %q may not start with -", pattern)
	}
	out, err := r.git("tag", "--list", "--merged", "HEAD", "--format=%(refname:short)%00%(objectname)%00%(*objectname)", pattern)
	if err != nil {
		return nil, err
	}
	var tags []Tag
	for line := range strings.SplitSeq(strings.TrimSpace(out), "\n") {
		f := strings.Split(line, "\x00")
		if len(f) != 3 {
			continue
		}
		commit := f[1]
		if f[2] != "" { // an annotated tag: the commit it points at
			commit = f[2]
		}
		tags = append(tags, Tag{Name: f[0], Commit: commit})
	}
	return tags, nil
}

// CommitDate returns the committer date of a commit.
func (r *Repo) CommitDate(rev string) (time.Time, error) {
	out, err := r.git("show", "-s", "--format=%ct", rev, "--")
	if err != nil {
		return time.Time{}, err
	}
	secs, err := strconv.ParseInt(strings.TrimSpace(out), 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("git show: %q is not a date", out)
	}
	return time.Unix(secs, 0).UTC(), nil
}

// ReadFiles returns the contents of one file (relative to the project
// directory) at each of the revisions, read by one git process; a revision
// that lacks the file has no entry.
func (r *Repo) ReadFiles(revs []string, file string) (map[string][]byte, error) {
	out := map[string][]byte{}
	if len(revs) == 0 {
		return out, nil
	}
	var in bytes.Buffer
	for _, rev := range revs {
		fmt.Fprintf(&in, "%s:%s%s\n", rev, r.prefix, file)
	}
	var stderr bytes.Buffer
	cmd := exec.Command("git", "cat-file", "--batch")
	cmd.Dir = r.top
	cmd.Stdin, cmd.Stderr = &in, &stderr
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	rd := bufio.NewReader(pipe)
	var perr error
	for _, rev := range revs {
		head, err := rd.ReadString('\n')
		if err != nil {
			perr = fmt.Errorf("git cat-file: %v", err)
			break
		}
		f := strings.Fields(head)
		if len(f) == 2 && f[1] == "missing" {
			continue
		}
		if len(f) != 3 {
			perr = fmt.Errorf("git cat-file: unexpected line %q", head)
			break
		}
		n, err := strconv.Atoi(f[2])
		if err != nil {
			perr = fmt.Errorf("git cat-file: unexpected line %q", head)
			break
		}
		b := make([]byte, n+1) // the content and a newline
		if _, err := io.ReadFull(rd, b); err != nil {
			perr = fmt.Errorf("git cat-file: %v", err)
			break
		}
		if f[1] == "blob" {
			out[rev] = b[:n]
		}
	}
	io.Copy(io.Discard, rd)
	if err := cmd.Wait(); err != nil {
		return nil, gitError(err, stderr.String())
	}
	return out, perr
}

// LastCommit returns the newest commit of HEAD's history that changed files
// under paths, and false when there is none.
func (r *Repo) LastCommit(paths ...string) (Commit, bool, error) {
	out, err := r.git(append([]string{"log", "-1", "--format=%H %ct", "HEAD", "--"}, paths...)...)
	if err != nil {
		return Commit{}, false, err
	}
	f := strings.Fields(out)
	if len(f) != 2 {
		return Commit{}, false, nil
	}
	secs, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		return Commit{}, false, fmt.Errorf("git log: unexpected line %q", out)
	}
	return Commit{Hash: f[0], Date: time.Unix(secs, 0).UTC()}, true, nil
}
