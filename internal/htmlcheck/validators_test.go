package htmlcheck_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"

	"atlas/internal/site"
	"atlas/internal/sitetest"
)

// TestValidators runs the two HTML validators over every page that the
// repository builds, written to disk as it is published (under a project
// path): the Nu HTML Checker must report no error, and neither may
// html-validate's recommended rules (.ci/htmlvalidate.json), which include
// no duplicate ids and no inline styles. The rule long-title (at most 70
// characters) is off: a record's page is titled by the record, such as an
// agreement between two localities with long official names, and cutting
// the title would leave tabs and bookmarks that cannot be told apart.
//
// The validators come from .ci/validators (export
// ATLAS_VALIDATORS=$(bash .ci/validators); it needs node, npm and java).
// Without them the test skips, saying so, except in CI (CI=true) or with
// $ATLAS_REQUIRE_VALIDATORS set, where it fails.
func TestValidators(t *testing.T) {
	tools := validators(t)
	root := sitetest.Root(t)
	files, err := site.Generate(site.Config{Src: os.DirFS(root), BaseURL: "https://example.github.io/atlas/"})
	if err != nil {
		t.Fatalf("building the repository's site: %v", err)
	}
	dir := t.TempDir()
	pages := 0
	for _, name := range files.Names() {
		if strings.HasSuffix(name, ".html") {
			pages++
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if pages < 100 {
		t.Fatalf("%d pages, want the whole site", pages)
	}

	// The two run at once: each takes a core for a while.
	var wg sync.WaitGroup
	var nu, hv []string
	var nuErr, hvErr error
	wg.Add(2)
	go func() {
		defer wg.Done()
		nu, nuErr = runNu(tools, dir)
	}()
	go func() {
		defer wg.Done()
		hv, hvErr = runHTMLValidate(tools, filepath.Join(root, ".ci", "htmlvalidate.json"), dir)
	}()
	wg.Wait()
	if nuErr != nil {
		t.Fatalf("Nu HTML Checker: %v", nuErr)
	}
	if hvErr != nil {
		t.Fatalf("html-validate: %v", hvErr)
	}
	report(t, "Nu HTML Checker", nu)
	report(t, "html-validate", hv)
	t.Logf("%d pages checked by the Nu HTML Checker and html-validate", pages)
}

func report(t *testing.T, tool string, problems []string) {
	t.Helper()
	for i, p := range problems {
		if i == 50 {
			t.Errorf("%s: %d more", tool, len(problems)-i)
			break
		}
		t.Errorf("%s: %s", tool, strings.ReplaceAll(p, "\t", " in "))
	}
}

type tools struct{ java, node, vnu, htmlValidate string }

// validators finds the validators that .ci/validators installed.
func validators(t *testing.T) tools {
	t.Helper()
	dir := os.Getenv("ATLAS_VALIDATORS")
	var missing []string
	if dir == "" {
		missing = append(missing, "$ATLAS_VALIDATORS is not set")
	}
	tl := tools{
		vnu:          filepath.Join(dir, "node_modules", "vnu-jar", "build", "dist", "vnu.jar"),
		htmlValidate: filepath.Join(dir, "node_modules", "html-validate", "bin", "html-validate.mjs"),
	}
	if dir != "" {
		for _, f := range []string{tl.vnu, tl.htmlValidate} {
			if _, err := os.Stat(f); err != nil {
				missing = append(missing, err.Error())
			}
		}
	}
	var err error
	if tl.java, err = exec.LookPath("java"); err != nil {
		missing = append(missing, "no java")
	}
	if tl.node, err = exec.LookPath("node"); err != nil {
		missing = append(missing, "no node")
	}
	if len(missing) == 0 {
		return tl
	}
	msg := "HTML validators unavailable (" + strings.Join(missing, "; ") + "): run export ATLAS_VALIDATORS=$(bash .ci/validators), which needs node, npm and java, to check every page"
	if os.Getenv("CI") == "true" || os.Getenv("ATLAS_REQUIRE_VALIDATORS") != "" {
		t.Fatal(msg + "\nCI=true or $ATLAS_REQUIRE_VALIDATORS is set, so this is a failure.")
	}
	t.Skip(msg)
	return tl
}

// runNu returns the Nu HTML Checker's errors, one "file:line:col: message"
// each.
func runNu(tl tools, dir string) ([]string, error) {
	cmd := exec.Command(tl.java, "-Xss4m", "-jar", tl.vnu, "--errors-only", "--skip-non-html", "--format", "json", "--exit-zero-always", dir)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%v\n%s", err, errb.String())
	}
	// The JSON report goes to stderr.
	var rep struct {
		Messages []struct {
			Type, SubType, URL, Message string
			LastLine, FirstColumn       int
		}
	}
	if err := json.Unmarshal(errb.Bytes(), &rep); err != nil {
		return nil, fmt.Errorf("reading its report: %v\n%s", err, errb.String())
	}
	var problems []string
	for _, m := range rep.Messages {
		if m.Type == "error" || m.Type == "non-document-error" {
			problems = append(problems, fmt.Sprintf("%s:%d:%d: %s", relURL(dir, m.URL), m.LastLine, m.FirstColumn, m.Message))
		}
	}
	return problems, nil
}

// runHTMLValidate returns html-validate's errors and warnings, one
// "file:line:col: [rule] message<TAB>start tag" each (report prints the
// tab as " in ").
func runHTMLValidate(tl tools, config, dir string) ([]string, error) {
	cmd := exec.Command(tl.node, tl.htmlValidate, "--config", config, "--formatter", "json", dir)
	// Into a file: node writes to a pipe asynchronously, and exits before
	// a long report is through.
	f, err := os.CreateTemp("", "html-validate-*.json")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	var errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = f, &errb
	err = cmd.Run()
	if _, exit := err.(*exec.ExitError); err != nil && !exit {
		return nil, fmt.Errorf("%v\n%s", err, errb.String())
	}
	out, rerr := os.ReadFile(f.Name())
	if rerr != nil {
		return nil, rerr
	}
	if err != nil && len(out) == 0 {
		return nil, fmt.Errorf("%v\n%s", err, errb.String())
	}
	if len(bytes.TrimSpace(out)) == 0 {
		return nil, nil // no file with a message: nothing to report
	}
	var rep []struct {
		FilePath string
		Source   string
		Messages []struct {
			RuleID, Message      string
			Line, Column, Offset int
		}
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		return nil, fmt.Errorf("reading its report: %v\n%s", err, errb.String())
	}
	var problems []string
	for _, f := range rep {
		rel, _ := filepath.Rel(dir, f.FilePath)
		for _, m := range f.Messages {
			problems = append(problems, fmt.Sprintf("%s:%d:%d: [%s] %s\t%s", filepath.ToSlash(rel), m.Line, m.Column, m.RuleID, m.Message, startTag(f.Source, m.Offset)))
		}
	}
	return problems, nil
}

// startTag returns the start tag around offset off of src, up to 200
// bytes of it. The offset counts UTF-16 code units, as JavaScript does.
func startTag(src string, off int) string {
	units := 0
	at := len(src)
	for i, r := range src {
		if units >= off {
			at = i
			break
		}
		units += utf16.RuneLen(r)
	}
	i := strings.LastIndexByte(src[:at], '<')
	if i < 0 {
		return ""
	}
	j := strings.IndexByte(src[i:], '>')
	if j < 0 {
		j = len(src) - i - 1
	}
	return src[i : i+min(j+1, 200)]
}

func relURL(dir, u string) string {
	p := strings.TrimPrefix(u, "file:")
	if rel, err := filepath.Rel(dir, p); err == nil {
		return filepath.ToSlash(rel)
	}
	return u
}
