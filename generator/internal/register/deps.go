package register

// loaded reports whether the shared registers of the given kinds all loaded.
// A rule that reads a register that failed to load would see it empty and
// report what is not so (every special_category_condition "applies to none"
// when categories.toml has a syntax error); such a rule is skipped, and the
// register's own errors are what the user sees. TestFailedRegisterAddsNothing
// checks that a failed register never adds a diagnostic to an activity.
func (c *checker) loaded(kinds ...string) bool {
	for _, k := range kinds {
		if c.l.failed[k] {
			return false
		}
	}
	return true
}
