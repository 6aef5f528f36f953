#!/usr/bin/env bash
# Re-extract the .pot templates and merge them into every language's .po files.
# Run after changing interface strings or procedure content; then translate the
# new entries (msgstr "") with any .po editor. Usage: tools/update_catalogs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
pybabel=.venv/bin/pybabel
for domain in kiosk procedures; do
    PYTHONPATH=. "$pybabel" extract --no-wrap --sort-by-file --project=france-services-kiosk \
        -k N_ -F "locales/babel-$domain.cfg" -o "locales/$domain.pot" . >/dev/null
    for po in locales/*/LC_MESSAGES/"$domain".po; do
        [ -e "$po" ] || continue
        lang="$(basename "$(dirname "$(dirname "$po")")")"
        "$pybabel" update --no-wrap --ignore-obsolete -D "$domain" -i "locales/$domain.pot" \
            -d locales -l "$lang" >/dev/null
    done
done
.venv/bin/python -m kiosk.i18n.catalogs
