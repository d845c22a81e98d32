package history

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"time"

	"github.com/privacy-as-code/ropa/generator/internal/diag"
	"github.com/privacy-as-code/ropa/generator/internal/gitrepo"
	"github.com/privacy-as-code/ropa/generator/internal/register"
	"github.com/privacy-as-code/ropa/generator/internal/tomlfile"
)

// periodPattern is an ISO 8601 period of years, months, weeks and days.
var periodPattern = regexp.MustCompile(`^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$`)

// addPeriod adds an ISO 8601 period to a date.
func addPeriod(t time.Time, period string) (time.Time, bool) {
	m := periodPattern.FindStringSubmatch(period)
	if m == nil || period == "P" {
		return t, false
	}
	n := make([]int, 4)
	for i := range n {
		n[i], _ = strconv.Atoi(m[i+1])
	}
	return t.AddDate(n[0], n[1], 7*n[2]+n[3]), true
}

// ReviewWarnings warns about each activity that was neither changed (its
// record's file, per git) nor confirmed (its reviewed date) within the
// organisation's review_interval, as of the date asOf. Nothing when
// review_interval is not set. Without git only the reviewed dates count. A
// shallow clone knows only recent commits, so it may warn less.
func ReviewWarnings(root string, reg *register.Register, asOf time.Time) diag.List {
	interval := reg.Organisation.ReviewInterval
	if interval == "" || len(reg.Activities) == 0 {
		return nil
	}
	var files map[string]FileDates
	if repo, err := gitrepo.Open(root); err == nil && repo.HasHead() {
		files, _ = fileDates(repo)
	}
	asOf = time.Date(asOf.Year(), asOf.Month(), asOf.Day(), 0, 0, 0, 0, time.UTC)
	var out diag.List
	for _, a := range reg.Activities {
		var last time.Time
		why := ""
		if d, ok := files[a.ID]; ok {
			last = d.Changed.Truncate(24 * time.Hour)
			why = "last changed on " + last.Format(time.DateOnly) + " (git)"
		}
		if r, err := time.Parse(time.DateOnly, a.Reviewed); err == nil && r.After(last) {
			last, why = r, "last confirmed on "+a.Reviewed+" (reviewed)"
		}
		due, ok := addPeriod(last, interval)
		if !ok {
			return nil // the schema reports a malformed interval
		}
		if !last.IsZero() && !due.Before(asOf) {
			continue
		}
		msg := fmt.Sprintf("%s; the review interval of %s passed on %s: check the record and set reviewed = %s", why, interval, due.Format(time.DateOnly), asOf.Format(time.DateOnly))
		if last.IsZero() {
			msg = fmt.Sprintf("no date of a change (git) or a confirmation (reviewed) for the review interval of %s: check the record and set reviewed = %s", interval, asOf.Format(time.DateOnly))
		}
		out = append(out, at(root, reg.Files["activity:"+a.ID], a.ID, msg))
	}
	return out
}

// at places a review warning on the activity's reviewed key, else on its
// name.
func at(root, file, id, msg string) diag.Diagnostic {
	if file == "" {
		file = path.Join(activitiesDir, id+".toml")
	}
	d := diag.Diagnostic{File: file, Severity: diag.Warning, Path: "reviewed", Message: msg}
	src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(file)))
	if err != nil {
		return d
	}
	doc, perr := tomlfile.Parse(file, src)
	if perr != nil {
		return d
	}
	key := []string{"reviewed"}
	if _, ok := doc.Data["reviewed"]; !ok {
		key = []string{"name"}
	}
	s := doc.Key(key)
	d.Line, d.Col, d.Len, d.Source = s.Line, s.Col, s.Len, doc.Line(s.Line)
	return d
}
