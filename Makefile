# Overload — two commands: `make run` opens the app, `make test` passes the suite.
# Everything is installed into .venv from the pinned requirements; nothing by hand.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
RUN_STAMP := $(VENV)/.run-deps
DEV_STAMP := $(VENV)/.dev-deps
# Debian packages Qt's libraries load at run time (offscreen and xcb). Installed only when
# missing, only where apt-get can be used (root on Debian/Ubuntu).
QT_DEBS := libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libglib2.0-0 \
	libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
	libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xfixes0 libxcb-xkb1

.PHONY: run test test-fast lint bench clean sysdeps e2e-deps pdf-deps help package smoke-package \
	translations

help:
	@echo "make run    set up .venv and open Overload on the default database"
	@echo "make test   set up .venv and run the whole test suite offscreen (and the linters)"
	@echo "make test-fast  the suite without the tests marked slow (the edit loop)"
	@echo "make bench  run the benchmarks on a generated 10-year history"
	@echo "make translations  regenerate the translators' template and compile each language"
	@echo "make clean  remove .venv and caches"
	@echo "make package        build dist/Overload, its tar.gz and .deb (PyInstaller)"
	@echo "make smoke-package  smoke-test the built bundle, archive and .deb (Xvfb, dpkg -i)"

$(PY):
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
		echo "python3 -m venv failed: installing Debian's python3-venv"; \
		rm -rf $(VENV); \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null; \
		else echo "Install python3-venv (sudo apt-get install python3-venv) and retry"; exit 1; fi; \
		$(PYTHON) -m venv $(VENV); }
	@$(PY) -m pip install --quiet --upgrade pip

$(RUN_STAMP): requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@ $(RUN_STAMP)

# Qt needs a few system libraries a minimal Debian lacks (offscreen and the xcb plugin the app and
# the real-input tests load): each one missing is installed, where apt-get can be used.
sysdeps: $(RUN_STAMP)
	@missing=""; for deb in $(QT_DEBS); do \
		dpkg-query -W -f='$${Status}' $$deb 2>/dev/null | grep -q "ok installed" || missing="$$missing $$deb"; \
	done; \
	if [ -n "$$missing" ] && command -v dpkg-query >/dev/null; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing the system libraries Qt needs:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		else echo "Qt may need: sudo apt-get install$$missing"; fi; fi

# The real-input tests (tests/e2e/test_real_input.py) drive the app on an Xvfb screen with
# xdotool (STYLE.md §8); installed only when missing, only where apt-get can be used.
E2E_DEBS := xvfb xauth xdotool
e2e-deps:
	@command -v Xvfb >/dev/null && command -v xdotool >/dev/null || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing what the real-input tests need: $(E2E_DEBS)"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(E2E_DEBS) >/dev/null; \
		else echo "The real-input tests are skipped without: sudo apt-get install $(E2E_DEBS)"; fi; }

# The session-sheet tests (tests/test_cli_print.py, tests/ui/printing/) read the PDFs' text with
# pdftotext; installed only when missing, only where apt-get can be used (without it those
# checks are skipped, saying why).
PDF_DEBS := poppler-utils
pdf-deps:
	@command -v pdftotext >/dev/null || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing what the session-sheet tests need: $(PDF_DEBS)"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PDF_DEBS) >/dev/null; \
		else echo "The PDF text checks are skipped without: sudo apt-get install $(PDF_DEBS)"; fi; }

run: sysdeps
	$(PY) main.py

# ruff everywhere; mypy on models/ (strict enough to mean it: mypy.ini), ui/ to follow.
lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

test: $(DEV_STAMP) sysdeps e2e-deps pdf-deps lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# The edit loop: everything but the tests marked slow (real processes, Xvfb, long fuzzing).
test-fast: $(DEV_STAMP) sysdeps pdf-deps
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m "not slow"

bench: $(DEV_STAMP) sysdeps
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_all.py

# The translators' template, resources/translations/overload.ts (every string of main.py and ui/,
# by pyside6-lupdate), and each language's overload_<language>.ts brought up to date and compiled
# to the .qm the app loads (README: Translating). NEW_LANGUAGE=de starts overload_de.ts first.
# tests/test_translations.py fails while the committed template is stale.
translations: $(DEV_STAMP)
	$(PY) packaging/translations.py $(if $(NEW_LANGUAGE),--add $(NEW_LANGUAGE))

.PHONY: soak screenshots
# The crash harness with 200 SIGKILLs instead of make test's 20 (a minute or two).
soak: $(DEV_STAMP)
	OVERLOAD_CRASH_KILLS=200 $(PY) -m pytest -q tests/reliability/test_crash_safety.py

# The README's screenshots (resources/screenshots/*.png), drawn offscreen from a generated history.
screenshots: $(DEV_STAMP) sysdeps
	QT_QPA_PLATFORM=offscreen $(PY) tests/e2e/make_screenshots.py resources/screenshots

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis build dist
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

# --- Standalone bundle and installers (packaging/) ------------------------------------------
BUILD_STAMP := $(VENV)/.build-deps

$(BUILD_STAMP): requirements.txt packaging/requirements-build.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt -r packaging/requirements-build.txt
	@touch $@

# dist/Overload/overload, dist/overload-VERSION-linux-ARCH.tar.gz, dist/overload_VERSION_ARCH.deb.
# PyInstaller reads binaries with binutils (objdump, strip); a minimal Debian lacks them.
package: $(BUILD_STAMP) sysdeps
	@command -v objdump >/dev/null || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && apt-get install -y -qq binutils >/dev/null; \
		else echo "PyInstaller needs binutils: sudo apt-get install binutils"; exit 1; fi; }
	QT_QPA_PLATFORM=offscreen $(PY) packaging/build.py

smoke-package:
	bash packaging/smoke.sh
