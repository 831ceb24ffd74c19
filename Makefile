# The whole set-up on a fresh machine is Go; `make site` and `make test`
# fetch the Go modules they need.
GO ?= go
OUT ?= public
BASE_URL ?= /

.PHONY: site test browser-test serve check bench fuzz vendor clean

site: ## build the site into $(OUT)
	$(GO) run ./cmd/atlas build -src . -out $(OUT) -base-url $(BASE_URL)

test: ## run every test
	$(GO) test -count=1 ./...

browser-test: ## run only the browser tests (headless Chromium), verbosely; ATLAS_SCREENSHOTS=DIR also saves screenshots
	$(GO) test -count=1 -v -run TestBrowser ./internal/browsertest/

bench: ## run the benchmarks
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf $(OUT)
