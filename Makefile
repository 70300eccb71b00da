# Quick start: `make html` (execute the notebooks, write build/html/ and build/data/) and `make test`.
PYTHON ?= python3
VENV := .venv
VENV310 := .venv-mpl310
PY := $(VENV)/bin/python
NOTEBOOKS := $(wildcard notebooks/[0-9][0-9]-*.ipynb)

.PHONY: html test lint unit properties pixels-mpl310 nbval lab outputs bench clean

$(VENV)/installed: requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV310)/installed: requirements-mpl310.txt pyproject.toml
	test -x $(VENV310)/bin/python || $(PYTHON) -m venv $(VENV310)
	$(VENV310)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-mpl310.txt
	touch $@

html: $(VENV)/installed
	$(PY) -m khabar.export

test: unit pixels-mpl310 nbval lint

# Lint and format check (settings in pyproject.toml); notebooks through ruff's own notebook support.
lint: $(VENV)/installed
	$(VENV)/bin/ruff check lib tests notebooks benchmarks
	$(VENV)/bin/ruff format --check lib tests notebooks benchmarks

# On both cores (pytest-xdist); a module's tests stay on one worker, so its
# fixtures (the built pages, the JupyterLab server) are made once.
unit: $(VENV)/installed
	$(PY) -m pytest -q -n 2 --dist loadfile --doctest-modules lib tests benchmarks

# The Hypothesis properties with 2,000 examples each (make test tries 300).
properties: $(VENV)/installed
	HYPOTHESIS_PROFILE=thorough $(PY) -m pytest -q -n 2 tests/test_properties.py

# The Arabic label pixel test again on the matplotlib 3.10 line (no libraqm).
pixels-mpl310: $(VENV310)/installed
	$(VENV310)/bin/python -m pytest -q tests/test_arabic_rendering.py

# In another time zone, locale and working directory than make outputs wrote
# them in: the stored outputs must not depend on any of the three.
nbval: $(VENV)/installed
	cd $$(mktemp -d) && TZ=Asia/Damascus LANG=C.UTF-8 LC_ALL=C.UTF-8 \
	  $(CURDIR)/$(PY) -m pytest -q -p no:cacheprovider --nbval $(addprefix $(CURDIR)/,$(NOTEBOOKS))

# Project settings (lab-settings/overrides.json: no news pop-up, no update
# check) are read as JupyterLab's defaults; the user's own settings still win.
# LAB_ARGS passes more options, e.g. make lab LAB_ARGS="--no-browser --port=8899".
LAB_ARGS ?=
lab: $(VENV)/installed
	$(VENV)/bin/jupyter lab notebooks --LabApp.app_settings_dir="$(CURDIR)/lab-settings" \
	  $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

# After a deliberate change: execute every notebook in place, in order, from a
# fresh kernel, so the stored outputs nbval compares against are one clean run.
# Kernels over IPC sockets in a temporary folder, as make html runs them.
outputs: $(VENV)/installed
	sockets=$$(mktemp -d) && $(VENV)/bin/jupyter nbconvert --to notebook --execute --inplace \
	  --ExecutePreprocessor.kernel_name=python3 --ExecutePreprocessor.record_timing=False \
	  --KernelManager.transport=ipc --KernelManager.ip=$$sockets/kernel \
	  $(NOTEBOOKS); status=$$?; rm -rf $$sockets; exit $$status

clean:
	rm -rf build $(VENV) $(VENV310)

# Benchmarks: ratios against the floor, measured side by side (see README).
bench: $(VENV)/installed
	$(PY) -m benchmarks

# A report card for any article, or a comparison page for several or a folder:
# make report ARTICLE=path/to/report.txt [PUBLISHED=YYYY-MM-DD] [OUTLET="..."]
.PHONY: report
ARTICLE ?= seeds/enab-baladi-2018-03-26-south-damascus-deal.txt
report: $(VENV)/installed
	$(PY) -m khabar.report $(ARTICLE) --published "$(subst ",\",$(PUBLISHED))" --outlet "$(subst ",\",$(OUTLET))"
