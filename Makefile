# kehoach — quick start: `make demo`, `make test`.
PYTHON ?= python3
VENV   := .venv
ifeq ($(OS),Windows_NT)
BIN    := $(VENV)/Scripts
else
BIN    := $(VENV)/bin
endif
STAMP  := $(VENV)/.installed
# A day at which the seeds' own deadlines give a non-trivial answer (see README).
DEMO_AS_OF ?= 2022-11-10

.PHONY: demo test fuzz lint bench schema codes clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/kehoach check plans/
	$(BIN)/kehoach fmt --check plans/
	$(BIN)/kehoach overdue plans/ --as-of $(DEMO_AS_OF) --role tat-ca
	$(BIN)/kehoach upcoming plans/ --as-of $(DEMO_AS_OF) --within 7 --agency lang-son.so-noi-vu
	$(BIN)/kehoach summary plans/ --as-of $(DEMO_AS_OF)
	$(BIN)/kehoach render plans/ -o out/ --force
	$(BIN)/kehoach export out/theo-doi.xlsx --as-of $(DEMO_AS_OF)
	$(BIN)/kehoach remind --as-of $(DEMO_AS_OF) --within 60 --agency lang-son.so-noi-vu -o out/cong-van
	$(BIN)/kehoach import out/lang-son-253-kh-ubnd-2021.docx -o out/lang-son-253-kh-ubnd-2021.yaml --force
	$(BIN)/kehoach check out/lang-son-253-kh-ubnd-2021.yaml
	$(BIN)/kehoach report plans/tan-phu-quan-doan-3-trach-nhiem-2022.yaml --period 2022 --as-of $(DEMO_AS_OF) -o out/bao-cao-tan-phu-2022.docx
	$(BIN)/kehoach site plans/ --as-of $(DEMO_AS_OF) -o out/site

test: $(STAMP)
	$(BIN)/ruff check kehoach tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest

# A long fuzzing run, not part of `make test` (nightly, or after touching the loader, fmt or
# the tracker): the two fuzzers at FUZZ_SCALE times the examples CI runs (64: 104,960
# inputs), random rather than CI's fixed slice, the CLI called in process (tests/fuzzing.py).
# A failing input is kept in .hypothesis/ (replayed first next time) and in FUZZ_FAILURES.
FUZZ_SCALE ?= 64
FUZZ_FAILURES ?= fuzz-failures
fuzz: export KEHOACH_FUZZ_SCALE = $(FUZZ_SCALE)
fuzz: export KEHOACH_FUZZ_INPROCESS = 1
fuzz: export KEHOACH_FUZZ_FAILURES = $(abspath $(FUZZ_FAILURES))
fuzz: $(STAMP)
	$(BIN)/python -c "import pathlib; pathlib.Path('$(FUZZ_FAILURES)').mkdir(exist_ok=True)"
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/test_fuzz_check.py tests/test_fuzz_cli.py

# CORPUS=real|synthetic|both (default both), PLANS=1000 or PLANS=1000,5000 (two sizes also give
# the growth exponent), ROUNDS=3; ONLY= / SKIP= regular expressions pick the measurements.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet check-jsonschema
	$(BIN)/python -m bench.run --corpus $(or $(CORPUS),both) --plans "$(or $(PLANS),1000)" \
	  --rounds $(or $(ROUNDS),3) --only "$(ONLY)" --skip "$(SKIP)"

lint: $(STAMP)
	$(BIN)/ruff check kehoach tests bench
	$(BIN)/mypy

schema: $(STAMP)
	$(BIN)/kehoach schema -o kehoach.schema.json
	$(BIN)/kehoach schema --registry -o kehoach-co-quan.schema.json
	$(BIN)/kehoach schema --report -o kehoach-bao-cao.schema.json

# docs/codes.md is generated from the code registry (a test keeps it current).
codes: $(STAMP)
	$(BIN)/python -m kehoach.diagnostics.codes.pages > docs/codes.md

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache .mypy_cache fuzz-failures
