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

.PHONY: lab test app bench bytecode check lint clean hub hub-install hub-collect hub-bench

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

# lessonkit's bytecode, as pip writes it when it installs a package (Binder, the hub): an editable
# install has none until a process writes it, and none does under PYTHONDONTWRITEBYTECODE, so every
# lesson kernel would compile the library from source again (about 50 ms a lesson). Fast when fresh.
bytecode: | $(BIN)/python
	@$(BIN)/python -m compileall -q src/lessonkit

lab: $(VENV)/.lab-installed bytecode
	$(BIN)/jupyter-lab --ServerApp.root_dir="$(CURDIR)" --LabApp.default_url=/lab/tree/$(START) $(LAB_ARGS)

# an independent GIFT parser (npm) that the export tests read quiz files back with
tests/node/node_modules/.package-lock.json: tests/node/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix tests/node --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the GIFT read-back test with gift-pegjs will be skipped"; fi

# the lessons as apps (Voilà): code hidden, widgets and figures live; APP may be one notebook.
# Voilà loads every lab extension it finds; Notebook 7's, where installed, fails on Voilà's older
# JupyterLab core (RUNTIME-012 in the console), so it is left out.
VOILA_ARGS := --template=offline '--VoilaConfiguration.extension_denylist=["@jupyter-notebook/lab-extension"]'
app: $(VENV)/.app-installed bytecode
	JUPYTER_PATH="$(CURDIR)/app" $(BIN)/voila $(APP) $(VOILA_ARGS) $(APP_ARGS)

test: $(VENV)/.dev-installed bytecode tests/node/node_modules/.package-lock.json
	$(BIN)/ruff check src tests tools benchmarks deploy
	$(BIN)/ruff format --check src tests tools benchmarks deploy
	$(BIN)/mypy
	$(BIN)/lessonkit check lessons
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# measurements, not tests (not part of `make test`; about 20-25 minutes): prints the results
# table and writes docs/benchmarks.md: every lesson's Run All beside the two floors measured
# alternately in the same run (the bare notebook: pandas, plotly, ipywidgets and one figure shown
# through plotly's renderers; the trap-free floor: the same figure sent as its raw mimetype),
# handlers in a real kernel, peak kernel RSS, executed notebook sizes. BENCH_ARGS="--quick" tries
# the machinery in a few minutes; BENCH_ARGS="--only run_all handlers" picks measurements.
bench: $(VENV)/.dev-installed
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

# -- the course's own JupyterHub on one server (docs/deployment.md); run these as root ----------
#   sudo make hub HUB_CLASS=class.csv   accounts for the class, the course in each home, JupyterHub on
#                                       http://127.0.0.1:$(HUB_PORT) (Ctrl-C stops the hub; servers keep running)
#   sudo make hub-collect               every student's saved answers into the teacher's ~/collected/, graded
#   sudo make hub-bench                 a class of 30 through a real hub (about 3 minutes on 2 cores; docs/deployment.md)
HUB_PREFIX ?= /opt/road-to-peace
HUB_ENV := $(HUB_PREFIX)/env
HUB_STATE ?= deploy/hub/state
HUB_CLASS ?= deploy/hub/class.example.csv
HUB_TEACHER ?= teacher
HUB_PORT ?= 8000
HUB_AUTH ?= shared
HUB_LANG ?= en
HUB_CULL_TIMEOUT ?= 3600
HUB_ARGS ?=
HUB_BENCH_ARGS ?=
# students run the hub's environment as themselves: its Python must be readable by every account
# (a Python under /root, as pyenv installs it, is not): the system's python3 (Debian: python3-venv)
HUB_PYTHON ?= $(shell test -x /usr/bin/python3 && echo /usr/bin/python3 || echo $(PYTHON))
HUB_LIB := $(shell find src/lessonkit -type f -not -path '*/__pycache__/*' 2>/dev/null)
HUB_COURSE := $(shell find lessons notebooks -type f -not -name 'responses-*' -not -path '*/.ipynb_checkpoints/*' 2>/dev/null)

$(HUB_ENV)/.hub-installed: deploy/hub/requirements.txt $(CONSTRAINTS) binder/overrides.json pyproject.toml $(HUB_LIB)
	@$(HUB_PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	@[ -x $(HUB_ENV)/bin/python ] || $(HUB_PYTHON) -m venv $(HUB_ENV)
	$(HUB_ENV)/bin/python -m pip install -q --upgrade pip
	$(HUB_ENV)/bin/python -m pip install -q -r deploy/hub/requirements.txt
	$(HUB_ENV)/bin/python -m pip install -q --no-deps --force-reinstall .
	@mkdir -p $(HUB_ENV)/share/jupyter/lab/settings && cp binder/overrides.json $(HUB_ENV)/share/jupyter/lab/settings/overrides.json
	@touch $@

$(HUB_PREFIX)/.course-installed: $(HUB_ENV)/.hub-installed deploy/hub/hubctl.py $(wildcard deploy/hub/classhub/*.py) $(HUB_COURSE)
	$(HUB_ENV)/bin/python deploy/hub/hubctl.py install-course --prefix $(HUB_PREFIX) --source .
	@touch $@

deploy/hub/node_modules/.package-lock.json: deploy/hub/package-lock.json
	npm ci --prefix deploy/hub --no-audit --no-fund --loglevel=error

hub-install: $(HUB_ENV)/.hub-installed $(HUB_PREFIX)/.course-installed deploy/hub/node_modules/.package-lock.json

hub: hub-install
	$(HUB_ENV)/bin/python deploy/hub/hubctl.py start --class "$(HUB_CLASS)" --state "$(HUB_STATE)" \
	  --prefix "$(HUB_PREFIX)" --teacher "$(HUB_TEACHER)" --port $(HUB_PORT) --auth $(HUB_AUTH) \
	  --lang $(HUB_LANG) --cull-timeout $(HUB_CULL_TIMEOUT) $(if $(HUB_LISTEN_ALL),--listen-all) $(HUB_ARGS)

hub-collect:
	$(HUB_ENV)/bin/python deploy/hub/hubctl.py collect --state "$(HUB_STATE)" --grade

hub-bench: hub-install $(VENV)/.dev-installed
	$(BIN)/python -m benchmarks.hub_bench $(HUB_BENCH_ARGS)

check: $(VENV)/.lab-installed
	$(BIN)/lessonkit check lessons

clean:
	rm -rf $(VENV) test-artifacts .pytest_cache .ruff_cache src/*.egg-info
