# The two commands of the README: `make run` and `make test`.
# Both set up everything they need first; a second run reuses what is there.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: run test lint format lock lock-places bench bench-load bench-matching bench-alerts bench-curve relevance clean

run: $(STAMP)
	$(PY) -m fairsite.devtools.run

# Extra pytest arguments: make test PYTEST_ARGS="-k search -x"
test: $(STAMP)
	$(PY) -m fairsite.devtools.prepare test
	$(PY) -m pytest $(PYTEST_ARGS)

# The job search benchmark on its own Elasticsearch and database (README: Benchmarks).
# Other sizes: make bench BENCH_ARGS="--postings 5000"
bench: $(STAMP)
	$(PY) -m fairsite.devtools.prepare run
	$(PY) -m bench.search $(BENCH_ARGS)

# The production web server (gunicorn) under wrk, on the search benchmark's 100k postings.
# A quick look: make bench-load BENCH_ARGS="--postings 2000 --seconds 10"
bench-load: $(STAMP)
	$(PY) -m fairsite.devtools.prepare bench
	$(PY) -m bench.load $(BENCH_ARGS)

# Matching both ways, 100k postings and 100k discoverable candidates (README: Benchmarks).
# Other sizes: make bench-matching BENCH_ARGS="--postings 5000 --candidates 5000"
bench-matching: $(STAMP)
	$(PY) -m fairsite.devtools.prepare run
	$(PY) -m bench.matching $(BENCH_ARGS)

# The job alerts benchmark (100k alerts): matching a new posting, the daily digest.
# Other sizes: make bench-alerts BENCH_ARGS="--alerts 10000"
bench-alerts: $(STAMP)
	$(PY) -m fairsite.devtools.prepare run
	$(PY) -m bench.alerts $(BENCH_ARGS)

# The scale benchmarks' figures at 10k, 100k and 1M side by side, from their
# results files (README: Benchmarks).
bench-curve: $(STAMP)
	$(PY) -m bench.curve $(BENCH_ARGS)

# The judged relevance set through the search page (README: Benchmarks).
relevance: $(STAMP)
	$(PY) -m fairsite.devtools.prepare run
	$(PY) -m bench.relevance

# ruff, then the import contracts (pyproject.toml: which app may import which).
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Re-pin every Python package after changing pyproject.toml.
lock:
	test -x .cache/uv/bin/uv || ($(PYTHON) -m venv .cache/uv && .cache/uv/bin/pip install --quiet uv)
	.cache/uv/bin/uv pip compile pyproject.toml --extra dev --generate-hashes \
		--python-version 3.11 --python-platform x86_64-unknown-linux-gnu -o requirements.lock

# Re-pin the packages the place data is built from (only ever in .cache/places/venv).
lock-places:
	test -x .cache/uv/bin/uv || ($(PYTHON) -m venv .cache/uv && .cache/uv/bin/pip install --quiet uv)
	.cache/uv/bin/uv pip compile site/places/build-requirements.in --generate-hashes \
		--python-version 3.11 --python-platform x86_64-unknown-linux-gnu \
		-o site/places/build-requirements.lock

# The virtual environment, installed from the lock file with hashes checked.
# The stamp's name carries a checksum of the lock, so a changed lock rebuilds
# the environment from scratch and it holds exactly what the lock says.
$(STAMP): requirements.lock pyproject.toml
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
