# The whole set-up on a fresh machine is Go; `make site` and `make test`
# fetch the Go modules they need.
GO ?= go
OUT ?= public
BASE_URL ?= /
ADDR ?= 127.0.0.1:8080
# The release that citations and downloads name: the git tag or commit,
# never the clock.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo unversioned)

.PHONY: site test browser-test serve check bench bench-go bench-corpus fuzz vendor validate clean

site: ## build the site into $(OUT)
	$(GO) run ./cmd/atlas build -src . -out $(OUT) -base-url $(BASE_URL) -version $(VERSION)

serve: ## preview the site at http://$(ADDR)/, rebuilding and reloading on every change
	$(GO) run ./cmd/atlas serve -src . -addr $(ADDR) -base-url $(BASE_URL)

test: ## run every test
	$(GO) test -count=1 -timeout 30m ./...

check: ## gofmt, go vet, staticcheck, every test, then atlas check on this repository
	@files=$$(gofmt -l .); if [ -n "$$files" ]; then echo "gofmt -l: these files need gofmt -w:"; echo "$$files"; exit 1; fi
	$(GO) vet ./...
	$(GO) tool staticcheck ./...
	$(GO) test -count=1 -timeout 30m ./...
	$(GO) run ./cmd/atlas check -src . -base-url $(BASE_URL)

browser-test: ## run only the browser tests (headless Chromium), verbosely; ATLAS_SCREENSHOTS=DIR also saves screenshots
	$(GO) test -count=1 -v -run TestBrowser ./internal/browsertest/

# The synthetic corpus: make bench-corpus N=10000 OUT=/tmp/corpus-10k
N ?= 1000
bench-corpus: ## write a synthetic corpus of N agreements and N/10 case studies to OUT (an empty or new directory)
	@if [ "$(OUT)" = public ]; then echo "bench-corpus: set OUT to a new directory (OUT=/tmp/corpus)"; exit 1; fi
	$(GO) run ./cmd/benchcorpus -n $(N) -out $(OUT) -repo .

# make bench: atlas, the floor and Hugo on corpora of BENCH_NS agreements,
# interleaved, BENCH_RUNS runs each (medians); Hugo is installed into
# HUGO_BIN through the Go module proxy when it is not there.
BENCH_NS ?= 1000,10000,100000
BENCH_RUNS ?= 3
HUGO_BIN ?= /tmp/hugo-bin
bench: ## the build benchmark: atlas, the floor and Hugo at BENCH_NS agreements (prints the table)
	$(GO) run ./cmd/bench -ns $(BENCH_NS) -runs $(BENCH_RUNS) -hugo-bin $(HUGO_BIN) -repo .

bench-go: ## the go test benchmarks of the stages and the preview
	$(GO) test -run '^$$' -bench . -benchmem ./...

vendor: ## re-vendor the ECharts bundle the charts load (static/vendor/echarts/entry.js) and the map, from pinned npm packages; needs node and npm
	bash .ci/vendor-assets

validate: ## validate every built page with the Nu HTML Checker and html-validate (pinned npm packages; needs node, npm and Java); make test runs the same check when they are installed
	ATLAS_VALIDATORS=$$(bash .ci/validators) ATLAS_REQUIRE_VALIDATORS=1 $(GO) test -count=1 -v -run '^TestValidators$$' ./internal/htmlcheck/

clean:
	rm -rf $(OUT)

# Each fuzz target as package:name; make fuzz runs them one after the other.
FUZZ_TARGETS = \
	./internal/strictyaml:FuzzDecode \
	./internal/records:FuzzLoadValidate \
	./internal/content:FuzzLoad \
	./internal/content:FuzzFrontMatter \
	./internal/content:FuzzCitations \
	./internal/content:FuzzMarkdown \
	./internal/site:FuzzBuild \
	./internal/serve:FuzzPathFilter

fuzz: ## run every fuzz target for FUZZTIME each (default 60s), one at a time; a crasher is saved under the package's testdata/fuzz/ and becomes a test case
	@set -e; for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "== $$name in $$pkg"; \
		$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(or $(FUZZTIME),60s) $(FUZZFLAGS) $$pkg; \
	done
