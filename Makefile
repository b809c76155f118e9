# Two commands on a fresh machine (Python 3.11+ and make are the only prerequisites):
#   make lab    set up .venv and open the course in JupyterLab
#   make test   set up .venv with the development tools and run the whole test suite
# The versions installed are the ones Binder installs (binder/requirements.txt).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CONSTRAINTS := binder/requirements.txt
START := notebooks/en/00-start-here.ipynb
LAB_ARGS ?=
APP ?= notebooks
APP_ARGS ?=
PYTEST_ARGS ?=
BENCH_ARGS ?=

.PHONY: lab test app bench check lint clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; this is " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings

$(VENV)/.lab-installed: pyproject.toml $(CONSTRAINTS) binder/overrides.json | $(BIN)/python
	$(BIN)/python -m pip install -q -c $(CONSTRAINTS) -e ".[lab]"
	@mkdir -p $(LAB_SETTINGS) && cp binder/overrides.json $(LAB_SETTINGS)/overrides.json
	@touch $@

$(VENV)/.dev-installed: pyproject.toml $(CONSTRAINTS) binder/overrides.json | $(BIN)/python
	$(BIN)/python -m pip install -q -c $(CONSTRAINTS) -e ".[dev,lab,app]"
	@mkdir -p $(LAB_SETTINGS) && cp binder/overrides.json $(LAB_SETTINGS)/overrides.json
	@touch $@ $(VENV)/.lab-installed $(VENV)/.app-installed

$(VENV)/.app-installed: pyproject.toml $(CONSTRAINTS) | $(BIN)/python
	$(BIN)/python -m pip install -q -c $(CONSTRAINTS) -e ".[app]"
	@touch $@

lab: $(VENV)/.lab-installed
	$(BIN)/jupyter-lab --ServerApp.root_dir="$(CURDIR)" --LabApp.default_url=/lab/tree/$(START) $(LAB_ARGS)

# an independent GIFT parser (npm) that the export tests read quiz files back with
tests/node/node_modules/.package-lock.json: tests/node/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix tests/node --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the GIFT read-back test with gift-pegjs will be skipped"; fi

# the lessons as apps (Voilà): code hidden, widgets and figures live; APP may be one notebook
app: $(VENV)/.app-installed
	JUPYTER_PATH="$(CURDIR)/app" $(BIN)/voila $(APP) --template=offline $(APP_ARGS)

test: $(VENV)/.dev-installed tests/node/node_modules/.package-lock.json
	$(BIN)/ruff check src tests tools benchmarks
	$(BIN)/ruff format --check src tests tools benchmarks
	$(BIN)/lessonkit check lessons
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# measurements, not tests (not part of `make test`; about 15-20 minutes): prints the results
# table and writes docs/benchmarks.md. BENCH_ARGS="--quick" tries the machinery in a few minutes.
bench: $(VENV)/.dev-installed
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

check: $(VENV)/.lab-installed
	$(BIN)/lessonkit check lessons

clean:
	rm -rf $(VENV) test-artifacts .pytest_cache .ruff_cache src/*.egg-info
