#!/usr/bin/env bash
# Build an offline bundle: the kiosk and every Python wheel it needs, in one archive, for a PC
# with no network (it still needs the distribution's packages: a local mirror or a DVD).
#
#     packaging/build-bundle.sh              # writes dist/france-services-kiosk-bundle-VERSION.tar.gz
#
# Build it on the same distribution and Python version as the target PCs. On the target:
#     tar xzf france-services-kiosk-bundle-*.tar.gz && cd france-services-kiosk && sudo packaging/install.sh
set -euo pipefail

SOURCE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$SOURCE"
PYTHON="${PYTHON:-python3}"
VERSION="$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
TREE="$WORK/france-services-kiosk"

echo "[kiosk] the sources"
mkdir -p "$TREE"
git ls-files -z | xargs -0 cp --parents -t "$TREE"
echo "[kiosk] the wheels (the kiosk and its dependencies)"
"$PYTHON" -m pip wheel -q --wheel-dir "$TREE/packaging/wheels" .
mkdir -p dist
ARCHIVE="dist/france-services-kiosk-bundle-$VERSION.tar.gz"
tar -C "$WORK" -czf "$ARCHIVE" france-services-kiosk
echo "[kiosk] $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1))"
