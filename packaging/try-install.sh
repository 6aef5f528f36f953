#!/usr/bin/env bash
# Install the kiosk for real in a throwaway Debian 12 root, check it, start it, then uninstall it.
# For maintainers, before a release; run as root on a Debian or Ubuntu machine:
#
#     sudo packaging/try-install.sh            # a new root under /tmp, removed at the end
#     sudo packaging/try-install.sh --keep     # keep the root to look inside afterwards
#
# It needs debootstrap (installed if missing) and the Debian mirror and PyPI (MIRROR=... to use
# another mirror); it takes a few minutes. The machine's own certificate authorities
# (/usr/local/share/ca-certificates) are trusted in the root too, for networks behind a proxy. The root has its own process namespace, so nothing it
# starts or stops (pkill -u kiosk) can touch the machine's own processes.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SOURCE="$(cd "$HERE/.." && pwd)"
MIRROR="${MIRROR:-http://deb.debian.org/debian}"
PIN="482193"
KEEP=0

case "${1:-}" in
    --keep) KEEP=1 ;;
    "") ;;
    *) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
if [ "$(id -u)" != 0 ]; then
    echo "try-install.sh: run it as root: sudo $0" >&2
    exit 1
fi

ROOT_DIR="$(mktemp -d /tmp/kiosk-root.XXXXXX)"
chmod 755 "$ROOT_DIR"  # it becomes "/": the kiosk user must be able to go through it
say() { printf '\n[try-install] %s\n' "$*"; }
fail() { printf '\n[try-install] FAILED: %s\n' "$*" >&2; exit 1; }

cleanup() {
    for mounted in dev/pts dev sys proc; do
        umount -l "$ROOT_DIR/$mounted" 2>/dev/null || true
    done
    if [ "$KEEP" = 1 ]; then
        echo "[try-install] the root is kept in $ROOT_DIR"
    else
        rm -rf --one-file-system "$ROOT_DIR"
    fi
}
trap cleanup EXIT

# Run a command inside the root, in its own process namespace, with a clean environment.
in_root() {
    unshare --pid --fork --mount-proc="$ROOT_DIR/proc" \
        chroot "$ROOT_DIR" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 TERM=dumb "$@"
}

say "a Debian 12 root in $ROOT_DIR"
command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap
debootstrap --variant=minbase bookworm "$ROOT_DIR" "$MIRROR" >/dev/null
mount --bind /dev "$ROOT_DIR/dev"
mount --bind /dev/pts "$ROOT_DIR/dev/pts"
mount -t proc proc "$ROOT_DIR/proc"
mount -t sysfs sys "$ROOT_DIR/sys"
cp /etc/resolv.conf "$ROOT_DIR/etc/resolv.conf"
mkdir -p "$ROOT_DIR/src"
tar -C "$SOURCE" --exclude=./.git --exclude=./.venv --exclude=./build --exclude=./dist \
    --exclude='*.egg-info' --exclude=__pycache__ -cf - . | tar -C "$ROOT_DIR/src" -xf -
in_root apt-get update -q >/dev/null
# Behind a proxy that re-signs TLS (as in many offices), the root trusts what this machine trusts.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    say "the local certificate authorities of this machine"
    in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q ca-certificates >/dev/null
    cp /usr/local/share/ca-certificates/*.crt "$ROOT_DIR/usr/local/share/ca-certificates/"
    in_root update-ca-certificates >/dev/null
    printf '[global]\ncert = /etc/ssl/certs/ca-certificates.crt\n' >"$ROOT_DIR/etc/pip.conf"
fi

say "install.sh, as a fleet script runs it (the PIN on standard input, once)"
printf '%s\n' "$PIN" | in_root bash /src/packaging/install.sh
say "install.sh a second time: harmless, and the settings a structure chose stay"
printf 'idle_timeout = 90\nhide_pointer = yes\n' >"$ROOT_DIR/etc/france-services-kiosk/kiosk.conf"
in_root bash /src/packaging/install.sh </dev/null
grep -qx "idle_timeout = 90" "$ROOT_DIR/etc/france-services-kiosk/kiosk.conf" || fail "install.sh overwrote kiosk.conf"

say "checks"
in_root id kiosk >/dev/null || fail "no kiosk user"
in_root id -nG kiosk | grep -qw sudo && fail "the kiosk user is an administrator"
# systemd does not run in the root: the unit is checked as files, and as systemd reads them where it can.
unit="$ROOT_DIR/etc/systemd/system/france-services-kiosk.service"
grep -qx "ExecStart=/usr/bin/cage -s -- /opt/france-services-kiosk/bin/kiosk-session" "$unit" ||
    fail "no systemd unit for the kiosk session"
grep -qx "User=kiosk" "$unit" || fail "the kiosk session does not run as the user kiosk"
[ "$(readlink "$ROOT_DIR/etc/systemd/system/graphical.target.wants/france-services-kiosk.service")" = \
    /etc/systemd/system/france-services-kiosk.service ] || fail "the kiosk session is not enabled"
if in_root sh -c 'command -v systemd-analyze' >/dev/null; then
    in_root systemd-analyze verify /etc/systemd/system/france-services-kiosk.service ||
        fail "systemd-analyze verify refuses the kiosk session"
fi
[ -e "$ROOT_DIR/etc/systemd/system/getty@tty1.service.d/france-services-kiosk.conf" ] &&
    fail "the old getty automatic login is still there"
[ -e "$ROOT_DIR/home/kiosk/.bash_profile" ] && fail "the old .bash_profile restart loop is still there"
grep -qx "hide_pointer = yes" "$ROOT_DIR/etc/france-services-kiosk/kiosk.conf" || fail "no settings file"
[ -d "$ROOT_DIR/etc/france-services-kiosk/packs.d" ] || fail "no packs.d folder"
[ -x "$ROOT_DIR/usr/bin/cage" ] || fail "cage is not installed"
in_root runuser -u kiosk -- /opt/france-services-kiosk/venv/bin/kiosk store status | grep -q "mediator PIN: set" ||
    fail "the PIN is not set"
mode="$(stat -c %a "$ROOT_DIR/home/kiosk/.local/share/france-services-kiosk")"
[ "$mode" = 700 ] || fail "the data folder is open to others (mode $mode)"

say "the installed kiosk starts and stays up (20 s, offscreen, no sound card)"
status=0
in_root runuser -u kiosk -- env QT_QPA_PLATFORM=offscreen HOME=/home/kiosk \
    timeout 20 /opt/france-services-kiosk/venv/bin/kiosk --windowed || status=$?
[ "$status" = 124 ] || fail "the kiosk stopped by itself (exit status $status)"
grep -q "kiosk started" "$ROOT_DIR/home/kiosk/.local/share/france-services-kiosk/logs/kiosk.log" ||
    fail "the kiosk wrote no log"

say "uninstall.sh"
in_root bash /src/packaging/uninstall.sh
in_root id kiosk >/dev/null 2>&1 && fail "the kiosk user is still there"
[ -e "$ROOT_DIR/home/kiosk" ] && fail "the kiosk user's home (store, key, logs) is still there"
[ -e "$ROOT_DIR/opt/france-services-kiosk" ] && fail "/opt/france-services-kiosk is still there"
[ -e "$ROOT_DIR/etc/systemd/system/france-services-kiosk.service" ] && fail "the kiosk session is still there"
[ -e "$ROOT_DIR/etc/systemd/system/graphical.target.wants/france-services-kiosk.service" ] &&
    fail "the kiosk session is still enabled"
[ -e "$ROOT_DIR/etc/france-services-kiosk" ] && fail "/etc/france-services-kiosk is still there"

say "all checks passed"
