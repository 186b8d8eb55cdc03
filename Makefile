# The two set-up commands are `make serve` and `make test`; both install what is missing first.
SHELL := /bin/bash
export PATH := $(CURDIR)/scripts/wasm-split:$(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true

.PHONY: setup serve build test e2e bench fmt fuzz

## setup: install the toolchain pieces that are missing (idempotent)
setup:
	@bash scripts/setup.sh

## serve: build the playground and serve it at http://127.0.0.1:8080 (rebuilds on change; its
## live-reload build goes to target/serve-dist so dist/ stays a clean release bundle)
serve: setup
	trunk serve --release --offline --dist target/serve-dist

## build: the release bundle in dist/
build: setup
	trunk build --release --offline

## test: every check and test; ends with "N passed, N failed"
test:
	@bash scripts/test.sh

## e2e: only the end-to-end tests (after setup); `make e2e FILTER=name` runs a subset
e2e: setup
	bash scripts/e2e.sh $(FILTER)

## bench: benchmarks, the release .wasm size and the editor JS size
bench: setup
	@bash scripts/bench.sh

## fuzz: every fuzz target (core/tests/fuzz) with FUZZ_CASES inputs each (default 1,000,000), in
## release; see README "Fuzzing" for how long it takes
FUZZ_CASES ?= 1000000
fuzz: setup
	FUZZ_CASES=$(FUZZ_CASES) cargo test --release --locked -p ecs-sim --test fuzz -- --test-threads=2

fmt:
	cargo fmt --all
