# The two commands: `make demo` and `make test`. Both create .venv and install what they need.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
PIP     = $(VENV)/bin/pip -q --disable-pip-version-check
EXAMPLE = newsdossier/examples/brennick

.PHONY: demo test bench clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip -q --disable-pip-version-check install --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PIP) install -e ".[test]"
	touch $@

demo: $(VENV)/.installed
	$(VENV)/bin/newsdossier build $(EXAMPLE)/articles --manifest $(EXAMPLE)/manifest.csv -o out/demo
	@echo "The dossier is in out/demo/ (open out/demo/dossier.html in a browser)."

test: $(VENV)/.installed-test
	$(VENV)/bin/ruff check newsdossier tests
	$(VENV)/bin/mypy newsdossier
	sh scripts/install-browser.sh
	sh scripts/install-java.sh
	$(PY) -m pytest -q

$(VENV)/.installed-bench: pyproject.toml $(VENV)/.installed-test
	$(PIP) install -e ".[test,bench]"
	touch $@

bench: $(VENV)/.installed-bench
	$(PY) bench/throughput.py
	$(PY) bench/furniture.py

clean:
	rm -rf out .pytest_cache build *.egg-info
