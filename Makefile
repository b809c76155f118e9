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
PYTEST_ARGS ?=

.PHONY: lab test app bench check lint clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; this is " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.lab-installed: pyproject.toml $(CONSTRAINTS) | $(BIN)/python
	$(BIN)/python -m pip install -q -c $(CONSTRAINTS) -e ".[lab]"
	@touch $@

$(VENV)/.dev-installed: pyproject.toml $(CONSTRAINTS) | $(BIN)/python
	$(BIN)/python -m pip install -q -c $(CONSTRAINTS) -e ".[dev,lab]"
	@touch $@ $(VENV)/.lab-installed

lab: $(VENV)/.lab-installed
	$(BIN)/jupyter-lab --ServerApp.root_dir="$(CURDIR)" --LabApp.default_url=/lab/tree/$(START) $(LAB_ARGS)

test: $(VENV)/.dev-installed
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/lessonkit check lessons
	$(BIN)/python -m pytest $(PYTEST_ARGS)

check: $(VENV)/.lab-installed
	$(BIN)/lessonkit check lessons

clean:
	rm -rf $(VENV) test-artifacts .pytest_cache .ruff_cache src/*.egg-info
