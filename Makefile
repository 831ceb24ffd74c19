# The whole set-up on a fresh machine is Go; `make site` and `make test`
# fetch the Go modules they need.
GO ?= go
OUT ?= public
BASE_URL ?= /

.PHONY: site test serve check bench fuzz vendor clean

site: ## build the site into $(OUT)
	$(GO) run ./cmd/atlas build -src . -out $(OUT) -base-url $(BASE_URL)

test: ## run every test
	$(GO) test -count=1 ./...

bench: ## run the benchmarks
	$(GO) test -run '^$$' -bench . -benchmem ./...

vendor: ## re-vendor ECharts (full file and the custom bundle the charts load) and the map, from pinned npm packages; needs node and npm
	bash .ci/vendor-assets

clean:
	rm -rf $(OUT)

fuzz: ## fuzz the YAML and Markdown decoders (FUZZTIME each, default 60s)
	$(GO) test -run '^$$' -fuzz FuzzDecode -fuzztime $(or $(FUZZTIME),60s) ./internal/strictyaml
	$(GO) test -run '^$$' -fuzz FuzzLoad -fuzztime $(or $(FUZZTIME),60s) ./internal/content
