package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

// workflow is the part of a GitHub Actions workflow that the Pages
// deployment depends on.
type workflow struct {
	On map[string]struct {
		Branches []string `yaml:"branches"`
	} `yaml:"on"` // a trigger with no settings decodes as a zero value

	Permissions map[string]string `yaml:"permissions"`
	Concurrency struct {
		Group            string `yaml:"group"`
		CancelInProgress bool   `yaml:"cancel-in-progress"`
	} `yaml:"concurrency"`
	Jobs map[string]struct {
		Needs       any `yaml:"needs"`
		Environment struct {
			Name string `yaml:"name"`
		} `yaml:"environment"`
		Steps []struct {
			ID   string            `yaml:"id"`
			Uses string            `yaml:"uses"`
			Run  string            `yaml:"run"`
			With map[string]string `yaml:"with"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

// TestPagesWorkflow checks .github/workflows/pages.yml, which cannot run
// here: its triggers and permissions, the actions it uses, and that its
// build command is one this program accepts and builds the site for the
// URL GitHub Pages gives.
func TestPagesWorkflow(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", ".github", "workflows", "pages.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var w workflow
	if err := yaml.Unmarshal(b, &w); err != nil {
		t.Fatalf("pages.yml: %v", err)
	}
	if diff := cmp.Diff([]string{"main"}, w.On["push"].Branches); diff != "" {
		t.Errorf("push branches (-want +got):\n%s", diff)
	}
	if _, ok := w.On["workflow_dispatch"]; !ok || len(w.On) != 2 {
		t.Errorf("triggers %v, want push and workflow_dispatch", w.On)
	}
	if diff := cmp.Diff(map[string]string{"contents": "read", "pages": "write", "id-token": "write"}, w.Permissions); diff != "" {
		t.Errorf("permissions (-want +got):\n%s", diff)
	}
	if w.Concurrency.Group != "pages" || w.Concurrency.CancelInProgress {
		t.Errorf("concurrency = %+v, want group pages without cancel-in-progress", w.Concurrency)
	}

	build, deploy := w.Jobs["build"], w.Jobs["deploy"]
	var uses []string
	var buildCmd string
	for _, s := range build.Steps {
		if s.Uses != "" {
			uses = append(uses, strings.Split(s.Uses, "@")[0])
		}
		switch {
		case strings.HasPrefix(s.Uses, "actions/setup-go@"):
			if s.With["go-version-file"] != "go.mod" {
				t.Errorf("setup-go: go-version-file %q, want go.mod", s.With["go-version-file"])
			}
		case strings.HasPrefix(s.Uses, "actions/configure-pages@"):
			if s.ID != "pages" {
				t.Errorf("configure-pages has id %q, want pages (the build reads steps.pages.outputs.base_url)", s.ID)
			}
		case strings.HasPrefix(s.Uses, "actions/upload-pages-artifact@"):
			if s.With["path"] != "public" {
				t.Errorf("upload-pages-artifact: path %q, want public", s.With["path"])
			}
		case strings.Contains(s.Run, "./cmd/atlas build"):
			buildCmd = s.Run
		}
	}
	want := []string{"actions/checkout", "actions/setup-go", "actions/configure-pages", "actions/upload-pages-artifact"}
	if diff := cmp.Diff(want, uses); diff != "" {
		t.Errorf("build job's actions (-want +got):\n%s", diff)
	}
	if deploy.Needs != "build" || deploy.Environment.Name != "github-pages" ||
		len(deploy.Steps) != 1 || !strings.HasPrefix(deploy.Steps[0].Uses, "actions/deploy-pages@") {
		t.Errorf("deploy job: needs %v, environment %q, steps %+v; want needs build, github-pages, actions/deploy-pages", deploy.Needs, deploy.Environment.Name, deploy.Steps)
	}

	// The build command, with the base URL configure-pages gives a
	// project site (no trailing slash), must build here.
	// The release is the commit being published.
	const wantCmd = `go run ./cmd/atlas build -out public -base-url "${{ steps.pages.outputs.base_url }}/" -version "${{ github.sha }}"`
	if buildCmd != wantCmd {
		t.Fatalf("build command:\n got %s\nwant %s", buildCmd, wantCmd)
	}
	cmd := strings.NewReplacer(`"${{ steps.pages.outputs.base_url }}/"`, "https://example.github.io/atlas/", `"${{ github.sha }}"`, "0123abc").Replace(buildCmd)
	args := strings.Fields(strings.TrimPrefix(cmd, "go run ./cmd/atlas "))
	out := filepath.Join(t.TempDir(), "public")
	for i, a := range args {
		if a == "public" {
			args[i] = out
		}
	}
	args = append(args, "-src", filepath.Join("..", ".."))
	var stdout, stderr bytes.Buffer
	if code := run(args, &stdout, &stderr); code != exitOK {
		t.Fatalf("atlas %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
	}
	sitemap, err := os.ReadFile(filepath.Join(out, "sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(sitemap, []byte("<loc>https://example.github.io/atlas/table-1/</loc>")) {
		t.Error("the workflow's build does not produce URLs under the Pages base URL")
	}
}
