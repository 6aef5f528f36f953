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
echo "[kiosk] the wheels (the kiosk, and its dependencies from packaging/requirements.lock, hashes checked)"
"$PYTHON" -m pip wheel -q --no-deps --wheel-dir "$TREE/packaging/wheels" .
"$PYTHON" -m pip wheel -q --require-hashes -r packaging/requirements.lock --wheel-dir "$TREE/packaging/wheels"
# The lock must still be what the kiosk asks for: its wheel finds every dependency among the locked ones.
"$PYTHON" -m pip download -q --no-index --find-links "$TREE/packaging/wheels" --dest "$WORK/resolved" \
    "$TREE"/packaging/wheels/france_services_kiosk-*.whl || {
    echo "build-bundle.sh: packaging/requirements.lock does not match pyproject.toml: regenerate it (docs/INSTALL.md)" >&2
    exit 1
}
mkdir -p dist
ARCHIVE="dist/france-services-kiosk-bundle-$VERSION.tar.gz"
tar -C "$WORK" -czf "$ARCHIVE" france-services-kiosk
echo "[kiosk] $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1))"
