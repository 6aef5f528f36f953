#!/usr/bin/env bash
# Set up everything that is missing, then start the kiosk on its embedded
# defaults. Arguments go to the app, e.g. ./run.sh --windowed --lang en
set -euo pipefail
# shellcheck source=tools/bootstrap.sh
source "$(dirname "$0")/tools/bootstrap.sh"
bootstrap run
sandbox_off_for_root
exec .venv/bin/kiosk "$@"
