# zoomsetup: two commands do all the set-up on a fresh machine.
#   make demo   the whole migration against the built-in simulator
#   make test   every test, browser tests included
GO      ?= go
BIN     := bin/zoomsetup
OUT     ?= screenshots
RUNS    ?= 5
N       ?= 20
LATENCY ?= 0s

.PHONY: demo test build browser bench chaos fidelity docs clean

build:
	$(GO) build -o $(BIN) ./cmd/zoomsetup

browser:
	@scripts/ensure-browser

demo: browser build
	$(BIN) demo --out $(OUT)

# Packages start in the order named: the longest first, so the others run
# beside it instead of after it.
test: browser
	$(GO) vet ./...
	$(GO) test -count=1 -timeout 20m ./flows/ ./cmd/zoomsetup/ ./chaos/ ./simulator/ ./...

bench: browser build
	$(GO) build -o bin/floor ./bench/floor
	$(GO) run ./bench -bin $(BIN) -floor bin/floor -runs $(RUNS) -latency $(LATENCY)

chaos: browser build
	$(GO) run ./chaos -bin $(BIN) -n $(N)

fidelity: browser build
	$(GO) run ./fidelity -bin $(BIN) -n $(N)

docs: browser build
	$(BIN) docs

clean:
	rm -rf bin
