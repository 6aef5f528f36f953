#!/usr/bin/env bash
# Set up everything that is missing, then lint, type-check and run the whole
# test suite offscreen. Extra arguments go to pytest, e.g. ./test.sh -k idle
set -euo pipefail
# shellcheck source=tools/bootstrap.sh
source "$(dirname "$0")/tools/bootstrap.sh"
bootstrap test
say "ruff"
.venv/bin/ruff check .
say "mypy"
.venv/bin/mypy
say "import contracts"
.venv/bin/lint-imports --no-cache
say "pytest"
exec .venv/bin/python -m pytest "$@"
