#!/usr/bin/env bash
# Remove the kiosk from this PC, and every trace of people's sessions with it. Run as root:
#
#     sudo packaging/uninstall.sh              # remove the kiosk, its user and all its data
#     sudo packaging/uninstall.sh --dry-run    # print what it would do, change nothing
#
# System packages stay (other programs may use them): remove them with apt if you wish.
set -euo pipefail

KIOSK_USER="kiosk"
PREFIX="/opt/france-services-kiosk"
APPARMOR_DIR="${APPARMOR_DIR:-/etc/apparmor.d}"  # another folder only to check what happens on another system
SETTINGS_DIR="${SETTINGS_DIR:-/etc/france-services-kiosk}"
SYSTEMD_DIR="${SYSTEMD_DIR:-/etc/systemd/system}"
UNIT="france-services-kiosk.service"
DRY_RUN=0

while [ $# -gt 0 ]; do
    case "$1" in
        --dry-run) DRY_RUN=1 ;;
        --user) KIOSK_USER="$2"; shift ;;
        -h | --help) sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "uninstall.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

run() {
    if [ "$DRY_RUN" = 1 ]; then
        printf '+ %s\n' "$*"
    else
        "$@"
    fi
}

if [ "$DRY_RUN" = 0 ] && [ "$(id -u)" != 0 ]; then
    echo "uninstall.sh: run it as root: sudo $0" >&2
    exit 1
fi

echo "[kiosk] the kiosk session ($UNIT)"
# Stopped first: systemd would restart a kiosk whose processes are killed below.
if [ "$DRY_RUN" = 1 ] || [ -d /run/systemd/system ]; then
    run systemctl stop "$UNIT" || true
fi
run rm -f "$SYSTEMD_DIR/graphical.target.wants/$UNIT" "$SYSTEMD_DIR/$UNIT"
# The automatic login of versions before the systemd session.
run rm -f "$SYSTEMD_DIR/getty@tty1.service.d/france-services-kiosk.conf"
# Not in a chroot or a container without systemd: there is nothing to reload.
if [ "$DRY_RUN" = 1 ] || [ -d /run/systemd/system ]; then
    run systemctl daemon-reload
fi
echo "[kiosk] the mounting of USB sticks"
run rm -f "${UDEV_RULES_DIR:-/etc/udev/rules.d}/90-france-services-kiosk-usb.rules"
echo "[kiosk] its settings in $SETTINGS_DIR (kiosk.conf, packs.d, trusted-roots)"
run rm -rf "$SETTINGS_DIR"
echo "[kiosk] the kiosk in $PREFIX"
run rm -rf "$PREFIX"
# The AppArmor profile that let its browser use Chromium's sandbox (Ubuntu 24.04+ only).
if [ -e "$APPARMOR_DIR/france-services-kiosk" ]; then
    echo "[kiosk] its AppArmor profile"
    if command -v apparmor_parser >/dev/null 2>&1; then
        run apparmor_parser -R "$APPARMOR_DIR/france-services-kiosk" || true
    fi
    run rm -f "$APPARMOR_DIR/france-services-kiosk"
fi
if id "$KIOSK_USER" >/dev/null 2>&1; then
    # The user's home holds the encrypted store, its key, the logs and the voice cache:
    # removing the user with its home leaves nothing of anyone's sessions behind.
    echo "[kiosk] user $KIOSK_USER, with its home (store, key, logs, caches)"
    run pkill -u "$KIOSK_USER" || true
    # userdel refuses a user who still has processes: give them 5 seconds to end, then insist.
    if [ "$DRY_RUN" = 0 ]; then
        for attempt in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
            pgrep -u "$KIOSK_USER" >/dev/null || break
            if [ "$attempt" = 10 ]; then pkill -KILL -u "$KIOSK_USER" || true; fi
            sleep 0.5
        done
    fi
    run userdel --remove "$KIOSK_USER"
fi
echo "[kiosk] removed"
