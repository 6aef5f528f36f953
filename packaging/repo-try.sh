#!/usr/bin/env bash
# Prove the fleet's path for real, in a throwaway Debian 12 root: the .deb published in a signed repository
# (packaging/repo-publish.sh), a kiosk set up for it (packaging/repo-client.sh) installs version N, then
# N+1 is published and unattended-upgrades installs it by itself; the settings and the store are kept and
# the kiosk starts. For maintainers, before a release; run as root on a Debian or Ubuntu machine:
#
#     sudo packaging/repo-try.sh            # a new root under /tmp, removed at the end
#     sudo packaging/repo-try.sh --keep     # keep the root (and the repository) to look inside afterwards
#
# It needs debootstrap, reprepro, gnupg and lintian (installed if missing), the Debian mirror (MIRROR=...) and
# PyPI (the package's wheels); it takes about ten minutes. N+1 is the package of N with the version N+try1.
# It also checks what the package brings: lintian on the real wheels, every installed file as dpkg recorded
# it (dpkg -V), the practice sites and the voice lexicons, the session's unit as systemd reads it.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MIRROR="${MIRROR:-http://deb.debian.org/debian}"
PIN="482193"
KEEP=0
PACKAGE="france-services-kiosk"
KIOSK="/usr/lib/$PACKAGE/venv/bin/kiosk"

case "${1:-}" in
    --keep) KEEP=1 ;;
    "") ;;
    *) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
if [ "$(id -u)" != 0 ]; then
    echo "repo-try.sh: run it as root: sudo $0" >&2
    exit 1
fi

ROOT_DIR="$(mktemp -d /tmp/kiosk-root.XXXXXX)"
chmod 755 "$ROOT_DIR"  # it becomes "/": the kiosk user must be able to go through it
WORK="$(mktemp -d /tmp/kiosk-repo.XXXXXX)"
export GNUPGHOME="$WORK/gnupg"  # the test's own signing key, made below, gone at the end
mkdir -m 700 "$GNUPGHOME"
say() { printf '\n[repo-try] %s\n' "$*"; }
fail() { printf '\n[repo-try] FAILED: %s\n' "$*" >&2; exit 1; }

cleanup() {
    gpgconf --kill gpg-agent 2>/dev/null || true
    for mounted in dev/pts dev sys proc; do
        umount -l "$ROOT_DIR/$mounted" 2>/dev/null || true
    done
    if [ "$KEEP" = 1 ]; then
        echo "[repo-try] the root is kept in $ROOT_DIR, the repository and the key in $WORK"
    else
        rm -rf --one-file-system "$ROOT_DIR" "$WORK"
    fi
}
trap cleanup EXIT

# Run a command inside the root, in its own process namespace, with a clean environment.
in_root() {
    unshare --pid --fork --mount-proc="$ROOT_DIR/proc" \
        chroot "$ROOT_DIR" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 TERM=dumb "$@"
}
apt_in_root() { in_root env DEBIAN_FRONTEND=noninteractive apt-get "$@"; }
# The repository as the kiosks see it (file:///srv/repo stands for its HTTPS address).
copy_repository() {
    rm -rf "$ROOT_DIR/srv/repo"
    mkdir -p "$ROOT_DIR/srv"
    cp -a "$WORK/repo" "$ROOT_DIR/srv/repo"
    chmod -R a+rX "$ROOT_DIR/srv/repo"  # apt reads it as the user _apt
}
# shellcheck disable=SC2016 # dpkg-query's own format, not the shell's
installed_version() { in_root dpkg-query -W -f '${Version}' "$PACKAGE"; }

missing=""
for tool_and_package in debootstrap:debootstrap reprepro:reprepro gpg:gnupg lintian:lintian; do
    command -v "${tool_and_package%%:*}" >/dev/null || missing="$missing ${tool_and_package#*:}"
done
# shellcheck disable=SC2086 # a list of packages
[ -z "$missing" ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing

say "the package, version N (this machine must be a Debian 12: the environment is made with its Python)"
bash "$HERE/build-deb.sh" --out "$WORK/debs"
deb_n="$(echo "$WORK"/debs/"$PACKAGE"_*.deb)"
say "lintian on it: no error, no warning that an override does not explain"
lintian --fail-on error,warning "$deb_n" || fail "lintian reports errors or warnings"
version_n="$(dpkg-deb -f "$deb_n" Version)"
version_next="$version_n+try1"
dpkg-deb -R "$deb_n" "$WORK/next"
sed -i "s/^Version: .*/Version: $version_next/" "$WORK/next/DEBIAN/control"
deb_next="$WORK/${PACKAGE}_${version_next}_amd64.deb"
dpkg-deb --root-owner-group -Zgzip -b "$WORK/next" "$deb_next" >/dev/null

say "the signed repository, with version $version_n"
bash "$HERE/repo-publish.sh" --repo "$WORK/repo" --new-key "Test kiosks <kiosks@example.org>" "$deb_n"

say "a Debian 12 root in $ROOT_DIR"
debootstrap --variant=minbase bookworm "$ROOT_DIR" "$MIRROR" >/dev/null
mount --bind /dev "$ROOT_DIR/dev"
mount --bind /dev/pts "$ROOT_DIR/dev/pts"
mount -t proc proc "$ROOT_DIR/proc"
mount -t sysfs sys "$ROOT_DIR/sys"
cp /etc/resolv.conf "$ROOT_DIR/etc/resolv.conf"
apt_in_root update -q >/dev/null
apt_in_root install -y -q gnupg >/dev/null
copy_repository
install -m 755 "$HERE/repo-client.sh" "$ROOT_DIR/root/repo-client.sh"

say "the kiosk's side: the repository, its key, unattended-upgrades"
in_root bash /root/repo-client.sh --url file:///srv/repo --key /srv/repo/kiosk.gpg >/dev/null
grep -q "^Signed-By: /etc/apt/keyrings/$PACKAGE.gpg$" "$ROOT_DIR/etc/apt/sources.list.d/$PACKAGE.sources" ||
    fail "the source has no signed-by key"

say "apt install $PACKAGE ($version_n), the PIN from standard input, a setting changed"
apt_in_root install -y -q "$PACKAGE" >/dev/null
[ "$(installed_version)" = "$version_n" ] || fail "version $version_n is not installed"
say "dpkg owns the kiosk and finds every file as it installed it; the practice sites and lexicons are there"
changed="$(in_root dpkg -V "$PACKAGE")" || fail "dpkg -V failed"
[ -z "$changed" ] || fail "dpkg -V: files changed since the install: $changed"
in_root runuser -u kiosk -- "/usr/lib/$PACKAGE/venv/bin/python" -c '
from kiosk.content.loader import load_catalog
from kiosk.i18n import translation
from voice.lexicon import lexicon_problems
catalog = load_catalog()
assert catalog.practice and not catalog.missing and not catalog.problems, (catalog.missing, catalog.problems)
assert not lexicon_problems(language.code for language in translation.offered_languages())
print(len(catalog.procedures), "procedures,", len(catalog.practice), "practice sites, every lexicon")
' || fail "the installed kiosk lacks content (above)"
if in_root sh -c 'command -v systemd-analyze' >/dev/null; then
    in_root systemd-analyze verify "/lib/systemd/system/$PACKAGE.service" ||
        fail "systemd-analyze verify refuses the kiosk session"
fi
[ "$(readlink "$ROOT_DIR/etc/systemd/system/graphical.target.wants/$PACKAGE.service")" = \
    "/lib/systemd/system/$PACKAGE.service" ] || fail "the kiosk session is not enabled"
printf '%s\n' "$PIN" | in_root runuser -u kiosk -- "$KIOSK" store set-pin
echo "idle_timeout = 300" >>"$ROOT_DIR/etc/$PACKAGE/kiosk.conf"

say "version $version_next published; unattended-upgrades installs it by itself"
bash "$HERE/repo-publish.sh" --repo "$WORK/repo" --key kiosks@example.org "$deb_next"
copy_repository
apt_in_root update -q >/dev/null
in_root unattended-upgrade -v
[ "$(installed_version)" = "$version_next" ] || fail "unattended-upgrades did not install $version_next"

say "checks: settings and store kept, the kiosk starts"
grep -qx "idle_timeout = 300" "$ROOT_DIR/etc/$PACKAGE/kiosk.conf" || fail "the changed settings were overwritten"
in_root runuser -u kiosk -- "$KIOSK" store status | grep -q "mediator PIN: set" ||
    fail "the PIN (the store) was lost"
# Every file of the program as installed; kiosk.conf (a conffile, marked c) was changed on purpose above.
changed="$(in_root dpkg -V "$PACKAGE" | grep -v " c /etc/$PACKAGE/kiosk.conf$" || true)"
[ -z "$changed" ] || fail "dpkg -V after the upgrade: $changed"
status=0
in_root runuser -u kiosk -- env QT_QPA_PLATFORM=offscreen HOME=/home/kiosk \
    timeout 20 "$KIOSK" --windowed || status=$?
[ "$status" = 124 ] || fail "the kiosk stopped by itself (exit status $status)"

say "all checks passed: N installed from the signed repository, N+1 by unattended-upgrades"
