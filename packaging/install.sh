#!/usr/bin/env bash
# Turn this PC into a France Services kiosk. Debian 12, Ubuntu 22.04 or 24.04; run as root:
#
#     sudo packaging/install.sh              # install (or update: running it again is harmless)
#     sudo packaging/install.sh --dry-run    # print what it would do, change nothing
#
# It installs the system packages and the kiosk (from packaging/wheels/ when there is no
# network: see packaging/build-bundle.sh), creates the unprivileged user "kiosk", a systemd unit
# that runs only the kiosk, in the cage compositor, on the first console as that user, the
# settings file /etc/france-services-kiosk/kiosk.conf (never overwritten), and asks for the
# mediators' PIN. docs/INSTALL.md explains every step. The .deb's postinst runs it with --packaged:
# the program (venv, session script, unit) is then the package's, and it sets up the rest.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SOURCE="$(cd "$HERE/.." && pwd)"
KIOSK_USER="kiosk"
PREFIX="/opt/france-services-kiosk"
DRY_RUN=0
ASK_PIN=1
INSTALL_PACKAGES=1
PYTHON=""
OS_RELEASE="${OS_RELEASE:-/etc/os-release}"  # another file only to check what happens on another system
# Where AppArmor keeps its profiles, and the switch with which Ubuntu 24.04+ restricts user namespaces
# (other paths only to check what happens on another system).
APPARMOR_DIR="${APPARMOR_DIR:-/etc/apparmor.d}"
USERNS_RESTRICTION="${USERNS_RESTRICTION:-/proc/sys/kernel/apparmor_restrict_unprivileged_userns}"
APPARMOR_PROFILE="france-services-kiosk"
PACKAGED=0
# Where the .deb puts the kiosk (its venv, its session script) and the unit: files dpkg owns and verifies.
PACKAGE_PREFIX="/usr/lib/france-services-kiosk"
PACKAGE_UNIT_DIR="/lib/systemd/system"
SETTINGS_DIR="${SETTINGS_DIR:-/etc/france-services-kiosk}"  # another folder only to check what happens
SYSTEMD_DIR="${SYSTEMD_DIR:-/etc/systemd/system}"           # (the tests' dry runs)
UDEV_RULES_DIR="${UDEV_RULES_DIR:-/etc/udev/rules.d}"
USB_RULE="90-france-services-kiosk-usb.rules"
MOSQUITTO_DIR="${MOSQUITTO_DIR:-/etc/mosquitto}"
ROOM_ADDRESS="" ROOM_IDENTITY="" ROOM_BROKER_HOST=""
UNIT="france-services-kiosk.service"
GETTY_DROP_IN="$SYSTEMD_DIR/getty@tty1.service.d/france-services-kiosk.conf"

usage() {
    sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    echo "Options: --dry-run, --user NAME (default kiosk), --no-pin (set it later: kiosk store set-pin),"
    echo "         --no-packages (the system packages are already there: the .deb's postinst),"
    echo "         --python PATH (the Python 3.11+ that makes the venv; default python3, python3.11 on Ubuntu 22.04),"
    echo "         --packaged (the .deb's postinst: the kiosk and its unit are the package's files),"
    echo "         --room HOST[:PORT] --room-identity DIR (enrol this kiosk in its room: docs/CONSOLE.md),"
    echo "         --room-broker HOST (this PC, often the desk's, runs the room's broker; nothing else is installed)"
}

while [ $# -gt 0 ]; do
    case "$1" in
        --dry-run) DRY_RUN=1 ;;
        --user) KIOSK_USER="$2"; shift ;;
        --no-pin) ASK_PIN=0 ;;
        --no-packages) INSTALL_PACKAGES=0 ;;
        --python) PYTHON="$2"; shift ;;
        --packaged) PACKAGED=1 PREFIX="$PACKAGE_PREFIX" ;;
        --room) ROOM_ADDRESS="$2"; shift ;;
        --room-identity) ROOM_IDENTITY="$2"; shift ;;
        --room-broker) ROOM_BROKER_HOST="$2"; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "install.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

# shellcheck source=tools/bootstrap.sh
source "$SOURCE/tools/bootstrap.sh"
die() { echo "install.sh: $*" >&2; exit 1; }
# cage: a compositor that shows one application, full screen, and nothing else.
SESSION_PACKAGES="cage python3 python3-venv libwayland-client0 libwayland-cursor0 libwayland-egl1 xwayland"

run() {
    if [ "$DRY_RUN" = 1 ]; then
        printf '+ %s\n' "$*"
    else
        "$@"
    fi
}

# write_file PATH MODE: the content comes on standard input; unchanged files are left alone.
write_file() {
    local path="$1" mode="$2" content
    content="$(cat)"
    if [ "$DRY_RUN" = 1 ]; then
        printf '+ write %s (mode %s):\n%s\n' "$path" "$mode" "$(printf '%s\n' "$content" | sed 's/^/    /')"
        return
    fi
    if [ -f "$path" ] && [ "$(cat "$path")" = "$content" ]; then
        return
    fi
    mkdir -p "$(dirname "$path")"
    printf '%s\n' "$content" >"$path"
    chmod "$mode" "$path"
}

check_system() {
    if [ "$DRY_RUN" = 0 ] && [ "$(id -u)" != 0 ]; then
        echo "install.sh: run it as root: sudo $0" >&2
        exit 1
    fi
    local id="" version=""
    if [ -r "$OS_RELEASE" ]; then
        # shellcheck disable=SC1090 # the file of the system it runs on
        id="$(. "$OS_RELEASE" && echo "${ID:-}")"
        # shellcheck disable=SC1090
        version="$(. "$OS_RELEASE" && echo "${VERSION_ID:-}")"
    fi
    case "$id $version" in
        "debian 12" | "ubuntu 22.04" | "ubuntu 24.04") say "system: $id $version" ;;
        *) say "warning: tested on Debian 12 and Ubuntu 22.04/24.04, this is '$id $version'" ;;
    esac
    # The kiosk needs Python 3.11. Ubuntu 22.04's python3 is 3.10; it ships 3.11 as python3.11.
    if [ -z "$PYTHON" ] && [ "$id $version" = "ubuntu 22.04" ]; then
        PYTHON="python3.11"
        SESSION_PACKAGES="$SESSION_PACKAGES python3.11 python3.11-venv"
    fi
    PYTHON="${PYTHON:-python3}"
}

check_python() {
    # A dry run makes no venv, nor does the package's postinst (its environment is made at build time).
    [ "$DRY_RUN" = 0 ] && [ "$PACKAGED" = 0 ] || return 0
    if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        echo "install.sh: the kiosk needs Python 3.11 or newer; $PYTHON is not (use --python PATH)" >&2
        exit 1
    fi
}

install_packages() {
    if [ "$INSTALL_PACKAGES" = 0 ]; then
        say "system packages: already installed (--no-packages)"
        return 0
    fi
    say "system packages"
    # shellcheck disable=SC2086 # the lists are meant to split into words
    run env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $KIOSK_APT_RUN $SESSION_PACKAGES
}

create_user() {
    if id "$KIOSK_USER" >/dev/null 2>&1; then
        say "user $KIOSK_USER exists"
    else
        say "user $KIOSK_USER"
        run adduser --disabled-password --gecos "France Services kiosk" "$KIOSK_USER"
    fi
    # Screen, input, sound and the scanner, nothing else (no sudo, no admin groups). A minimal system may
    # lack some of these groups (render and input come with udev, scanner with SANE's libsane1): only those
    # that exist are given. USB scanners belong to the group scanner (libsane1's udev rules).
    local group groups=""
    for group in video render input audio scanner; do
        if getent group "$group" >/dev/null; then groups="$groups,$group"; fi
    done
    if [ -n "$groups" ]; then
        run usermod -a -G "${groups#,}" "$KIOSK_USER"
    fi
}

# The files of packaging/session/ for this install: its folder and its user.
session_file() {
    sed -e "s|@PREFIX@|$PREFIX|g" -e "s|@KIOSK_USER@|$KIOSK_USER|g" "$HERE/session/$1"
}

install_app() {
    if [ "$PACKAGED" = 1 ]; then
        say "the kiosk: the package's, in $PREFIX"
        remove_other_installs
        return 0
    fi
    say "the kiosk, in $PREFIX"
    run mkdir -p "$PREFIX"
    run "$PYTHON" -m venv "$PREFIX/venv"
    if [ -d "$HERE/wheels" ]; then
        # An offline bundle (build-bundle.sh): its dependencies, each file checked against the lock's hashes.
        run "$PREFIX/venv/bin/pip" install -q --no-index --find-links "$HERE/wheels" --require-hashes -r "$HERE/requirements.lock"
        run "$PREFIX/venv/bin/pip" install -q --no-index --no-deps --upgrade "$HERE"/wheels/france_services_kiosk-*.whl
    else
        run "$PREFIX/venv/bin/pip" install -q --upgrade "$SOURCE"
    fi
    session_file kiosk-session | write_file "$PREFIX/bin/kiosk-session" 755
}

# Installed by the package, the kiosk replaces what a manual install or a version before 0.2.0 put in /opt
# (a venv there would be run by nothing, and its unit in /etc would hide the package's). The content packs stay.
remove_other_installs() {
    local old="/opt/france-services-kiosk"
    if [ -e "$old/venv" ] || [ -e "$old/bin" ]; then
        say "the kiosk installed earlier in $old: replaced by the package's"
        run rm -rf "$old/venv" "$old/bin"
        run rmdir --ignore-fail-on-non-empty "$old"
    fi
    if grep -qs "France Services kiosk" "$SYSTEMD_DIR/$UNIT"; then
        run rm -f "$SYSTEMD_DIR/$UNIT"
    fi
}

# The settings the structure chooses (docs/INSTALL.md): written once, never overwritten, kept by upgrades.
install_settings() {
    if [ "$PACKAGED" = 1 ]; then
        say "settings in $SETTINGS_DIR/kiosk.conf (a configuration file of the package), content packs in $SETTINGS_DIR/packs.d"
        return 0
    fi
    say "settings in $SETTINGS_DIR/kiosk.conf, content packs in $SETTINGS_DIR/packs.d"
    run mkdir -p "$SETTINGS_DIR/packs.d"
    if [ -e "$SETTINGS_DIR/kiosk.conf" ]; then
        say "$SETTINGS_DIR/kiosk.conf exists: kept as it is"
    else
        run install -m 644 "$HERE/kiosk.conf" "$SETTINGS_DIR/kiosk.conf"
    fi
}

set_up_session() {
    say "the kiosk session: $UNIT, cage on the first console as $KIOSK_USER, logs in the journal"
    local unit_path="$SYSTEMD_DIR/$UNIT"
    if [ "$PACKAGED" = 1 ]; then
        unit_path="$PACKAGE_UNIT_DIR/$UNIT"
    else
        session_file "$UNIT" | write_file "$unit_path" 644
    fi
    # Enabled as systemctl enable does it, which also works where systemd does not run (a chroot, an image).
    run mkdir -p "$SYSTEMD_DIR/graphical.target.wants"
    run ln -sfn "$unit_path" "$SYSTEMD_DIR/graphical.target.wants/$UNIT"
    remove_old_autologin
    # Not in a chroot or a container without systemd (where an image is prepared): it reads it at boot.
    if [ "$DRY_RUN" = 1 ] || [ -d /run/systemd/system ]; then
        run systemctl daemon-reload
    fi
}

# Versions before the systemd session logged the user in on tty1 (a getty drop-in) and looped in .bash_profile.
remove_old_autologin() {
    local home
    if [ -e "$GETTY_DROP_IN" ]; then
        say "the old automatic login (getty on tty1): replaced by $UNIT"
        run rm -f "$GETTY_DROP_IN"
        run rmdir --ignore-fail-on-non-empty "$(dirname "$GETTY_DROP_IN")"
    fi
    home="$(getent passwd "$KIOSK_USER" | cut -d: -f6 || true)"
    if [ -n "$home" ] && grep -qs "France Services kiosk" "$home/.bash_profile"; then
        run rm -f "$home/.bash_profile"
    fi
}

# Ubuntu 24.04 and later let a program create user namespaces only if an AppArmor profile says "userns";
# Chromium's sandbox needs them. The kiosk (its browser process makes the namespaces of the site's pages)
# and QtWebEngineProcess (those pages) get a profile that grants that alone; nothing else on the PC does.
allow_browser_sandbox() {
    if [ ! -d "$APPARMOR_DIR" ] || [ ! -e "$USERNS_RESTRICTION" ]; then
        say "the browser's sandbox needs no AppArmor profile here (user namespaces are not restricted)"
        return 0
    fi
    say "AppArmor profile $APPARMOR_DIR/$APPARMOR_PROFILE: the kiosk's browser may use its sandbox"
    write_file "$APPARMOR_DIR/$APPARMOR_PROFILE" 644 <<PROFILE
# France Services kiosk (written by packaging/install.sh; docs/INSTALL.md). Ubuntu 24.04+ restricts
# unprivileged user namespaces to programs whose profile says "userns", and Chromium's sandbox needs them:
# the kiosk's browser process (the kiosk itself) makes them, QtWebEngineProcess runs the site's pages in them.
# Unconfined otherwise: these profiles grant only that.
abi <abi/4.0>,
include <tunables/global>

profile france-services-kiosk $PREFIX/venv/bin/kiosk flags=(unconfined) {
  userns,
  include if exists <local/france-services-kiosk>
}

profile france-services-kiosk-webengine $PREFIX/venv/lib/python3*/site-packages/PySide6/Qt/libexec/QtWebEngineProcess flags=(unconfined) {
  userns,
  include if exists <local/france-services-kiosk-webengine>
}
PROFILE
    # Loaded now if AppArmor runs (not in a chroot); otherwise at the next boot.
    if [ "$DRY_RUN" = 1 ] || command -v apparmor_parser >/dev/null 2>&1; then
        run apparmor_parser -r "$APPARMOR_DIR/$APPARMOR_PROFILE" ||
            say "warning: the AppArmor profile could not be loaded now; it will be at the next boot"
    fi
}

# USB sticks mounted read-only for the guides' updates (packaging/session/90-france-services-kiosk-usb.rules);
# the package ships the rule in /lib/udev/rules.d.
mount_usb_sticks() {
    say "USB sticks mounted read-only under /media/kiosk-usb (for the guides' updates)"
    if [ "$PACKAGED" = 0 ]; then
        write_file "$UDEV_RULES_DIR/$USB_RULE" 644 <"$HERE/session/$USB_RULE"
    fi
    if [ "$DRY_RUN" = 1 ] || [ -d /run/udev ]; then
        run udevadm control --reload || true
    fi
}

ask_pin() {
    [ "$ASK_PIN" = 1 ] || return 0
    if [ "$DRY_RUN" = 0 ] && runuser -u "$KIOSK_USER" -- "$PREFIX/venv/bin/kiosk" store status </dev/null 2>/dev/null |
        grep -q "mediator PIN: set"; then
        say "the mediators' PIN is already set (change it in mediator mode)"
        return 0
    fi
    say "choose the mediators' PIN (6 digits or more): it opens mediator mode"
    run runuser -u "$KIOSK_USER" -- "$PREFIX/venv/bin/kiosk" store set-pin
}

# The room's broker (docs/CONSOLE.md): mosquitto with TLS, the structure's authority and the ACL, and the
# console's identity for this PC. The authority's key stays in $SETTINGS_DIR/room-ca, root's only.
set_up_room_broker() {
    local ca="$SETTINGS_DIR/room-ca" broker="$MOSQUITTO_DIR/france-services-kiosk"
    say "the room's broker on this PC ($ROOM_BROKER_HOST:8883), its authority in $ca"
    if [ "$INSTALL_PACKAGES" = 1 ]; then
        run env DEBIAN_FRONTEND=noninteractive apt-get install -y -q mosquitto openssl
    fi
    [ -e "$ca/ca.key" ] || run "$HERE/room-ca.sh" init "$ca"
    run "$HERE/room-ca.sh" broker "$ca" "$ROOM_BROKER_HOST" "$broker"
    # Debian's own mosquitto.conf already keeps its persistence in /var/lib/mosquitto: the rest is ours.
    if [ "$DRY_RUN" = 1 ]; then
        echo "+ write $MOSQUITTO_DIR/conf.d/france-services-kiosk.conf (from $broker/mosquitto.conf)"
    else
        mkdir -p "$MOSQUITTO_DIR/conf.d"
        grep -v '^persistence' "$broker/mosquitto.conf" >"$MOSQUITTO_DIR/conf.d/france-services-kiosk.conf"
        chown -R mosquitto: "$broker" 2>/dev/null || true
    fi
    [ -e "$SETTINGS_DIR/room/identity.key" ] || run "$HERE/room-ca.sh" console "$ca" console-accueil "$SETTINGS_DIR/room"
    if [ "$DRY_RUN" = 1 ] || [ -d /run/systemd/system ]; then
        run systemctl restart mosquitto
    fi
    say "a kiosk's identity: $HERE/room-ca.sh kiosk $ca NAME DIR, then on the kiosk:"
    say "    sudo packaging/install.sh --room $ROOM_BROKER_HOST --room-identity DIR"
    say "the desk's console: kiosk-console --broker $ROOM_BROKER_HOST (its PIN: kiosk store set-pin, docs/CONSOLE.md)"
}

# This kiosk in its room: its identity beside the settings (its key readable by the kiosk user only) and
# the broker's address in kiosk.conf.
enrol_in_room() {
    [ -n "$ROOM_ADDRESS" ] || return 0
    local name
    [ -n "$ROOM_IDENTITY" ] || die "--room needs --room-identity DIR (made by room-ca.sh kiosk on the broker's PC)"
    for name in ca.crt identity.crt identity.key; do
        [ -f "$ROOM_IDENTITY/$name" ] || die "$ROOM_IDENTITY/$name is missing"
    done
    say "this kiosk in the room of $ROOM_ADDRESS, its identity in $SETTINGS_DIR/room"
    run install -d -m 755 "$SETTINGS_DIR/room"
    run install -m 644 "$ROOM_IDENTITY/ca.crt" "$ROOM_IDENTITY/identity.crt" "$SETTINGS_DIR/room/"
    run install -m 640 -g "$KIOSK_USER" "$ROOM_IDENTITY/identity.key" "$SETTINGS_DIR/room/identity.key"
    if [ "$DRY_RUN" = 1 ]; then
        echo "+ set room_broker = $ROOM_ADDRESS in $SETTINGS_DIR/kiosk.conf"
    elif grep -q '^#\? \?room_broker *=' "$SETTINGS_DIR/kiosk.conf"; then
        sed -i "s|^#\? \?room_broker *=.*|room_broker = $ROOM_ADDRESS|" "$SETTINGS_DIR/kiosk.conf"
    else
        echo "room_broker = $ROOM_ADDRESS" >>"$SETTINGS_DIR/kiosk.conf"
    fi
}

if [ -n "$ROOM_BROKER_HOST" ]; then
    set_up_room_broker
    exit 0
fi

check_system
install_packages
check_python
create_user
install_app
install_settings
enrol_in_room
set_up_session
allow_browser_sandbox
mount_usb_sticks
ask_pin
say "done: restart the PC, it will start on the kiosk"
