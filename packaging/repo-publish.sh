#!/usr/bin/env bash
# Publish kiosk packages in a signed apt repository, for a fleet of kiosks (docs/INSTALL.md, « Plusieurs
# kiosques »). The repository is a folder: serve it over HTTPS (any web server), the kiosks update from it.
#
#     packaging/repo-publish.sh --repo DIR --key KEY_ID dist/france-services-kiosk_*.deb
#     packaging/repo-publish.sh --repo DIR --new-key "Kiosques de la structure <informatique@structure.fr>"
#
# reprepro keeps the repository (one suite, "stable", component "main"), gpg signs it with KEY_ID, a key of
# GNUPGHOME without passphrase or with gpg-agent holding it. --new-key makes such a key (ed25519, signing
# only): keep GNUPGHOME safe and backed up, the kiosks trust that key alone. Each run also writes DIR/kiosk.gpg,
# the public key to copy to the kiosks (packaging/repo-client.sh). A version already published is refused:
# raise pyproject.toml's version for each release.
set -euo pipefail

REPO=""
KEY=""
NEW_KEY=""
ORIGIN="${ORIGIN:-France Services kiosk}"  # what apt and unattended-upgrades know the repository by
SUITE="stable"

usage() {
    sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    echo "Options: --repo DIR, --key KEY_ID, --new-key \"NAME <EMAIL>\", then the .deb files to publish;"
    echo "         ORIGIN=... (default \"France Services kiosk\": the kiosks' unattended-upgrades match it)"
}
die() { echo "repo-publish.sh: $*" >&2; exit 1; }

DEBS=()
while [ $# -gt 0 ]; do
    case "$1" in
        --repo) REPO="$2"; shift ;;
        --key) KEY="$2"; shift ;;
        --new-key) NEW_KEY="$2"; shift ;;
        -h | --help) usage; exit 0 ;;
        -*) echo "repo-publish.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
        *) DEBS+=("$1") ;;
    esac
    shift
done

[ -n "$REPO" ] || { usage >&2; exit 2; }
for tool in reprepro gpg; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is missing (sudo apt install reprepro gnupg)"
done

if [ -n "$NEW_KEY" ]; then
    [ -z "$KEY" ] || die "--key or --new-key, not both"
    gpg --batch --quiet --passphrase '' --quick-gen-key "$NEW_KEY" ed25519 sign never
    KEY="$(gpg --batch --with-colons --list-secret-keys "$NEW_KEY" | awk -F: '$1 == "fpr" { print $10; exit }')"
    echo "[repo] new signing key $KEY (in ${GNUPGHOME:-$HOME/.gnupg}): keep it safe, the kiosks trust it alone"
fi
[ -n "$KEY" ] || die "which key signs the repository? --key KEY_ID (gpg --list-secret-keys) or --new-key"
gpg --batch --list-secret-keys "$KEY" >/dev/null 2>&1 || die "no secret key $KEY in ${GNUPGHOME:-$HOME/.gnupg}"

mkdir -p "$REPO/conf"
# Origin and Label name the repository in its Release file: the kiosks' unattended-upgrades take upgrades
# from this origin (packaging/repo-client.sh). Written again each time, so that a new key takes effect.
cat >"$REPO/conf/distributions" <<DISTRIBUTIONS
Origin: $ORIGIN
Label: $ORIGIN
Suite: $SUITE
Codename: $SUITE
Architectures: amd64 arm64
Components: main
Description: The France Services kiosk, for the structure's kiosks
SignWith: $KEY
DISTRIBUTIONS

for deb in "${DEBS[@]}"; do
    [ -f "$deb" ] || die "$deb is not a file"
    package="$(dpkg-deb -f "$deb" Package)"
    version="$(dpkg-deb -f "$deb" Version)"
    # shellcheck disable=SC2016 # reprepro's own format, not the shell's
    published="$(reprepro -b "$REPO" --list-format '${version}\n' list "$SUITE" "$package" 2>/dev/null || true)"
    if [ -n "$published" ] && dpkg --compare-versions "$version" le "$published"; then
        die "$package $version is not newer than the published $published: raise the version in pyproject.toml"
    fi
    echo "[repo] $package $version"
    reprepro -b "$REPO" --silent includedeb "$SUITE" "$deb"
done
# No package given: the index is signed again (a new key, an expired signature).
[ ${#DEBS[@]} -gt 0 ] || reprepro -b "$REPO" --silent export "$SUITE"
gpg --batch --yes --export "$KEY" >"$REPO/kiosk.gpg"
echo "[repo] $REPO signed by $KEY; its public key: $REPO/kiosk.gpg"
