#!/usr/bin/env bash
# The kiosk's side of the structure's apt repository (packaging/repo-publish.sh; docs/INSTALL.md,
# « Plusieurs kiosques »). Run as root on each kiosk, or on an image before it is copied:
#
#     sudo packaging/repo-client.sh --url https://depot.structure.fr/kiosque --key kiosk.gpg
#     sudo apt install france-services-kiosk
#
# apt trusts the repository's key for that repository only (signed-by), takes only the kiosk's package
# from it (a pin), and unattended-upgrades installs each new version from that origin by itself, every day,
# without a question (a settings file changed by the structure is kept). --root DIR writes the files into
# DIR instead of / (an image, a test) and installs nothing.
set -euo pipefail

URL=""
KEY=""
ROOT="/"
ORIGIN="${ORIGIN:-France Services kiosk}"  # as packaging/repo-publish.sh names it
NAME="france-services-kiosk"

usage() {
    sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    echo "Options: --url URL (the repository), --key FILE (its public key, kiosk.gpg), --root DIR;"
    echo "         ORIGIN=... (default \"France Services kiosk\": the repository's Origin)"
}
die() { echo "repo-client.sh: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
    case "$1" in
        --url) URL="$2"; shift ;;
        --key) KEY="$2"; shift ;;
        --root) ROOT="$2"; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "repo-client.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done
if [ -z "$URL" ] || [ -z "$KEY" ]; then usage >&2; exit 2; fi
case "$URL" in
    https://* | file://*) ;;
    http://*) echo "repo-client.sh: warning: $URL is not HTTPS (the signature still protects the packages)" >&2 ;;
    *) die "$URL: an https:// (or file://) address is needed" ;;
esac
[ -f "$KEY" ] || die "$KEY is not a file"
if [ "$ROOT" = / ] && [ "$(id -u)" != 0 ]; then die "run it as root: sudo $0"; fi
gpg --batch --show-keys "$KEY" >/dev/null 2>&1 || die "$KEY is not an OpenPGP public key"

etc="${ROOT%/}/etc/apt"
mkdir -p "$etc/keyrings" "$etc/sources.list.d" "$etc/preferences.d" "$etc/apt.conf.d"
# One binary key, as signed-by wants it: an armored one is converted.
if grep -q "BEGIN PGP PUBLIC KEY BLOCK" "$KEY"; then
    gpg --batch --yes --dearmor -o "$etc/keyrings/$NAME.gpg" "$KEY"
else
    install -m 644 "$KEY" "$etc/keyrings/$NAME.gpg"
fi
chmod 644 "$etc/keyrings/$NAME.gpg"

cat >"$etc/sources.list.d/$NAME.sources" <<SOURCES
# The France Services kiosk, from the structure's repository (written by packaging/repo-client.sh).
# Its key is trusted for this repository only.
Types: deb
URIs: $URL
Suites: stable
Components: main
Signed-By: /etc/apt/keyrings/$NAME.gpg
SOURCES

cat >"$etc/preferences.d/$NAME" <<PREFERENCES
# The structure's repository brings the kiosk and nothing else: no other package of the system can come
# from it, whatever it publishes (written by packaging/repo-client.sh).
Package: $NAME
Pin: release o=$ORIGIN
Pin-Priority: 500

Package: *
Pin: release o=$ORIGIN
Pin-Priority: -1
PREFERENCES

cat >"$etc/apt.conf.d/52$NAME" <<APTCONF
// The kiosk updates itself from the structure's repository (written by packaging/repo-client.sh):
// unattended-upgrades takes new versions from that origin, besides the distribution's security updates.
Unattended-Upgrade::Origins-Pattern:: "origin=$ORIGIN,label=$ORIGIN,codename=stable";
// An upgrade never waits for an answer: a settings file the structure changed (kiosk.conf) is kept.
Dpkg::Options:: "--force-confdef";
Dpkg::Options:: "--force-confold";
// Every day: the lists, then the upgrades (apt-daily.timer and apt-daily-upgrade.timer).
APT::Periodic::Update-Package-Lists "1";
APT::Periodic::Unattended-Upgrade "1";
APTCONF

if [ "$ROOT" = / ]; then
    env DEBIAN_FRONTEND=noninteractive apt-get update -q
    env DEBIAN_FRONTEND=noninteractive apt-get install -y -q unattended-upgrades
fi
echo "[repo] $URL: trusted with $etc/keyrings/$NAME.gpg, the kiosk's package only, upgraded unattended"
