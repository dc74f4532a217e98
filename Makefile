# Backstep. `make run` chats with the assistant; `make test` runs every check CI runs.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
MODEL := models/backstep.tar.gz
TRAINING_DATA := domain.yml config.yml $(shell find data -name '*.yml' 2>/dev/null)
# Rasa 3.6 runs on Python 3.10 only; pyenv installs may not be on PATH.
PYTHON310 ?= $(shell for p in python3.10 $$HOME/.pyenv/versions/3.10*/bin/python3.10 /usr/bin/python3.10; do \
	"$$p" -c 'import sys; assert sys.version_info[:2] == (3, 10)' >/dev/null 2>&1 && { echo "$$p"; break; }; done)

export TF_CPP_MIN_LOG_LEVEL := 3
export RASA_TELEMETRY_ENABLED := false
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PYTHONWARNINGS := ignore

.PHONY: help run test setup train db lint typecheck validate unit story-test nlu-eval bench eval clean \
	cluster bench-scale

help:
	@echo "make run    set everything up, then chat with Backstep in the terminal"
	@echo "make test   set everything up, then run every check (lint, types, data, tests)"
	@echo "make bench  latency, cold start and memory against Rasa's starter assistant"
	@echo "make eval   end to end: safety sets, blind intake and trigger sets, 2,000 random walks, 20 random faults (SETS=..., WALKS=..., ROUNDS=...)"
	@echo "make cluster      3 replicas and 2 action servers behind HAProxy, on PostgreSQL and Redis, until Ctrl+C"
	@echo "make bench-scale  the scale-out scenarios on that cluster, table into the README (SCENARIOS=a,b PEOPLE=N)"

$(BIN)/.installed: pyproject.toml constraints.txt
	@test -n "$(PYTHON310)" || { echo "Python 3.10 is required (Rasa 3.6 supports no other)."; exit 1; }
	test -x $(BIN)/python || $(PYTHON310) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[dev]"
	touch $@

setup: $(BIN)/.installed db

db: $(BIN)/.installed
	@$(BIN)/backstep db upgrade

# Rasa fingerprints the training data too; `touch` keeps make's view in step when it skips.
$(MODEL): $(BIN)/.installed $(TRAINING_DATA)
	$(BIN)/rasa train --fixed-model-name backstep --out models
	@touch $@

train: $(MODEL)

run: setup $(MODEL)
	@$(BIN)/backstep run

lint: $(BIN)/.installed
	$(BIN)/ruff check bot actions tests bench

typecheck: $(BIN)/.installed
	$(BIN)/mypy bot actions

validate: $(BIN)/.installed
	$(BIN)/rasa data validate --fail-on-warnings

unit: setup $(MODEL)
	$(BIN)/pytest --durations=15

story-test: $(MODEL)
	$(BIN)/rasa test core --model $(MODEL) --stories tests/stories --fail-on-prediction-errors --out results/core

nlu-eval: $(MODEL)
	$(BIN)/rasa test nlu --model $(MODEL) --nlu tests/sets/nlu --out results/nlu
	$(BIN)/python -m tests.support.nlu_report results/nlu/intent_report.json

test: setup lint typecheck validate $(MODEL) unit story-test nlu-eval

bench: setup $(MODEL)
	$(BIN)/python -m bench.run

eval: setup $(MODEL)
	$(BIN)/python -m bench.safety_eval $(if $(SETS),--sets $(SETS))
	$(BIN)/python -m bench.intake_eval $(if $(SETS),--sets $(SETS))
	$(BIN)/python -m bench.trigger_eval
	BACKSTEP_FUZZ_WALKS=$(or $(WALKS),2000) $(BIN)/pytest -q -p no:cacheprovider tests/e2e/test_fuzz.py
	BACKSTEP_FAULT_ROUNDS=$(or $(ROUNDS),20) $(BIN)/pytest -q -p no:cacheprovider tests/e2e/test_fault_suite.py

cluster: setup $(MODEL)
	$(BIN)/python -m bench.scale.cluster

bench-scale: setup $(MODEL)
	$(BIN)/python -m bench.scale --readme $(if $(SCENARIOS),--scenarios $(SCENARIOS)) $(if $(PEOPLE),--people $(PEOPLE))

clean:
	rm -rf models results .rasa var
