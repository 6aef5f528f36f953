#!/usr/bin/env bash
# Build the Debian package of the kiosk, on the release it is for (Debian 12; Ubuntu 24.04; Ubuntu 22.04 with
# --python /usr/bin/python3.11), as dh-virtualenv does:
#
#     packaging/build-deb.sh                  # writes dist/france-services-kiosk_VERSION_ARCH.deb (~313 MB with the rules engine)
#     packaging/build-deb.sh --wheels DIR     # from the wheels in DIR instead of PyPI (e.g. a bundle's packaging/wheels)
#
# On the kiosk PC: sudo apt install ./france-services-kiosk_VERSION_ARCH.deb (docs/INSTALL.md). The package holds
# the kiosk ready to run: a Python environment made at build time in /usr/lib/france-services-kiosk/venv with the
# distribution's Python and the wheels of packaging/requirements.lock (hashes checked), its session script and
# its systemd unit. dpkg owns every one of these files (dpkg -V checks them). It depends on the distribution's
# packages (that Python, Qt's libraries, espeak-ng, cage...). Its postinst runs packaging/install.sh --packaged:
# the same user, settings and session as a manual install, no question asked. "apt remove" stops starting the
# kiosk and keeps its data; "apt purge" runs packaging/uninstall.sh: nothing stays.
set -euo pipefail

SOURCE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PACKAGE="france-services-kiosk"
# The package's name until version 0.1.0: the new one replaces it (apt removes it, the data stay).
OLD_PACKAGE="kiosk"
LIB="/usr/lib/france-services-kiosk"
UNIT_DIR="/lib/systemd/system"
UNIT="france-services-kiosk.service"
OUT="$SOURCE/dist"
WHEELS_FROM=""
LOCK="$SOURCE/packaging/requirements.lock"
# The distribution's Python the environment is made with: the package depends on it, by its version.
TARGET_PYTHON="/usr/bin/python3"
# Who answers for the package (its Maintainer field): DEBFULLNAME and DEBEMAIL, as Debian's tools read them,
# or else the author of the source tree's last commit. There is no made-up default: an address nobody reads
# is what lintian calls a bogus mail host.
MAINTAINER_NAME="${DEBFULLNAME:-$(git -C "$SOURCE" log -1 --format=%an 2>/dev/null || true)}"
MAINTAINER_EMAIL="${DEBEMAIL:-$(git -C "$SOURCE" log -1 --format=%ae 2>/dev/null || true)}"

usage() {
    sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    echo "Options: --wheels DIR, --out DIR (default dist/),"
    echo "         --python PATH (the distribution's Python 3.11+ the kiosk runs on; default /usr/bin/python3),"
    echo "         --lock FILE (the dependencies and their hashes; default packaging/requirements.lock),"
    echo "         --publisher-root FILE (the TUF root.json of the guides' publisher, trusted as 'publisher'),"
    echo "         DEBFULLNAME=... DEBEMAIL=... (the Maintainer field; default: the last commit's author)"
}

while [ $# -gt 0 ]; do
    case "$1" in
        --wheels) WHEELS_FROM="$2"; shift ;;
        --out) OUT="$2"; shift ;;
        --python) TARGET_PYTHON="$2"; shift ;;
        --lock) LOCK="$2"; shift ;;
        --publisher-root) PUBLISHER_ROOT="$2"; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "build-deb.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

# shellcheck source=tools/bootstrap.sh
source "$SOURCE/tools/bootstrap.sh"

die() { echo "build-deb.sh: $*" >&2; exit 1; }

command -v dpkg-deb >/dev/null 2>&1 || die "dpkg-deb is missing (build on Debian or Ubuntu)"
if [ -z "$MAINTAINER_NAME" ] || [ -z "$MAINTAINER_EMAIL" ]; then
    die "who maintains this package? set DEBFULLNAME and DEBEMAIL (e.g. DEBEMAIL=informatique@structure.fr)"
fi
MAINTAINER="$MAINTAINER_NAME <$MAINTAINER_EMAIL>"
[ -f "$LOCK" ] || die "no lock file $LOCK"
# The environment's python links to this file: it must be the distribution's, where the kiosk PCs have it.
case "$TARGET_PYTHON" in
    /usr/bin/python3*) ;;
    *) die "--python must be the distribution's (/usr/bin/python3.X), not $TARGET_PYTHON" ;;
esac
"$TARGET_PYTHON" -c 'import sys, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null ||
    die "$TARGET_PYTHON is not a Python 3.11 or newer with venv (Ubuntu 22.04: --python /usr/bin/python3.11)"
PYTHON_VERSION="$("$TARGET_PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
# The versioned file (python3 is a link to it): the environment runs that version, which the package depends on.
TARGET_PYTHON="/usr/bin/python$PYTHON_VERSION"
[ -x "$TARGET_PYTHON" ] || die "no $TARGET_PYTHON"
# The Python the build runs (pip, the version's reading): the project's .venv, or the target's.
if [ -z "${PYTHON:-}" ]; then
    if [ -x "$SOURCE/.venv/bin/python" ]; then PYTHON="$SOURCE/.venv/bin/python"; else PYTHON="$TARGET_PYTHON"; fi
fi
"$PYTHON" -m pip --version >/dev/null 2>&1 || die "$PYTHON has no pip (apt install python3-pip, or ./test.sh)"
# One date for the changelog and for every file's time in the package (dpkg-deb clamps them to it): the
# last commit's, so that two builds of the same sources give the same package.
SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git -C "$SOURCE" log -1 --format=%ct 2>/dev/null || date +%s)}"
export SOURCE_DATE_EPOCH
# The environment holds compiled code for this PC's architecture: the package is for it.
ARCH="$(dpkg --print-architecture)"
VERSION="$(cd "$SOURCE" && "$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
DESCRIPTION="$(cd "$SOURCE" && "$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["description"])')"
# Python's pre- and post-releases (1.0rc1, 1.0.post1) in the order dpkg compares them (1.0~rc1, 1.0+post1).
DEB_VERSION="$(printf '%s' "$VERSION" | sed -E 's/[.-]?(a|b|rc|dev)([0-9]*)/~\1\2/g; s/[.-]?post/+post/')"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
ROOT="$WORK/root"
WHEELS="$WORK/wheels"
VENV="$ROOT$LIB/venv"
mkdir -p "$WHEELS" "$ROOT/DEBIAN"

download_wheels() {
    say "the kiosk's wheel"
    mkdir -p "$WORK/source"
    # The working tree as ./run.sh runs it, without what git ignores (.venv, build/, dist/): a clean copy,
    # so that nothing stale in build/ gets into the wheel.
    if git -C "$SOURCE" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        (cd "$SOURCE" && git ls-files -z --cached --others --exclude-standard |
            while IFS= read -r -d '' file; do [ -e "$file" ] && printf '%s\0' "$file"; done |
            xargs -0 cp --parents -t "$WORK/source")
    else  # an unpacked bundle
        tar -C "$SOURCE" --exclude=./.venv --exclude=./build --exclude=./dist --exclude=./packaging/wheels -cf - . |
            tar -C "$WORK/source" -xf -
    fi
    "$PYTHON" -m pip wheel -q --no-deps --wheel-dir "$WHEELS" "$WORK/source"
    say "its dependencies' wheels for Python $PYTHON_VERSION ($LOCK)"
    "$PYTHON" -m pip --python "$VENV/bin/python" download -q --only-binary=:all: --dest "$WHEELS" \
        --require-hashes -r "$LOCK"
}

say "the Python environment in $LIB/venv, made with $TARGET_PYTHON $PYTHON_VERSION"
"$TARGET_PYTHON" -m venv --without-pip "$VENV"
if [ -n "$WHEELS_FROM" ]; then
    [ -d "$WHEELS_FROM" ] || die "$WHEELS_FROM is not a folder"
    compgen -G "$WHEELS_FROM/france_services_kiosk-*.whl" >/dev/null || die "no france_services_kiosk-*.whl in $WHEELS_FROM"
    compgen -G "$WHEELS_FROM/france_services_kiosk-$VERSION-*.whl" >/dev/null ||
        die "the kiosk's wheel in $WHEELS_FROM is not version $VERSION (pyproject.toml): rebuild it"
    say "the wheels in $WHEELS_FROM"
    cp "$WHEELS_FROM"/*.whl "$WHEELS/"
else
    download_wheels
fi
# The dependencies come from the lock only, each file checked against its hash: two builds a month apart
# ship the same bytes, and a file changed on the index (or in DIR) stops the build. Then the kiosk, and pip
# checks that the lock still gives every dependency the kiosk declares (pyproject.toml).
say "installing them: the lock's dependencies (hashes checked), then the kiosk"
"$PYTHON" -m pip --python "$VENV/bin/python" install -q --no-compile --no-index --find-links "$WHEELS" \
    --only-binary=:all: --require-hashes -r "$LOCK"
"$PYTHON" -m pip --python "$VENV/bin/python" install -q --no-compile --no-index --find-links "$WHEELS" \
    --no-deps "france-services-kiosk==$VERSION"
"$PYTHON" -m pip --python "$VENV/bin/python" check >"$WORK/pip-check" ||
    die "$LOCK does not give what pyproject.toml asks for: regenerate it (docs/INSTALL.md) — $(cat "$WORK/pip-check")"
# Made in $ROOT, run from $LIB: the scripts' first lines, the activate scripts and pyvenv.cfg name the latter,
# and pip's records of those scripts keep their true hashes (as `pip install` would have written them there).
"$PYTHON" - "$VENV" "$ROOT$LIB" "$LIB" <<'PY'
import base64
import hashlib
import sys
from pathlib import Path

venv, built, final = Path(sys.argv[1]), sys.argv[2].encode(), sys.argv[3].encode()
changed = set()
for path in [*(venv / "bin").iterdir(), venv / "pyvenv.cfg"]:
    if not path.is_symlink() and built in (data := path.read_bytes()):
        path.write_bytes(data.replace(built, final))
        changed.add(path)
for record in venv.glob("lib/python3*/site-packages/*.dist-info/RECORD"):
    lines = record.read_text().splitlines()
    for index, line in enumerate(lines):
        name, _, _ = line.rsplit(",", 2)
        path = Path(record.parent.parent, name).resolve()
        if path in changed:
            digest = base64.urlsafe_b64encode(hashlib.sha256(path.read_bytes()).digest()).rstrip(b"=").decode()
            lines[index] = f"{name},sha256={digest},{path.stat().st_size}"
    record.write_text("\n".join(lines) + "\n")
PY
# The compiled modules too, with the hash of their source (not its time, which dpkg changes): a kiosk that
# starts without compiling, and the same bytes from two builds.
"$VENV/bin/python" -m compileall -q -j 0 --invalidation-mode checked-hash -s "$ROOT" -p / "$VENV/lib" >"$WORK/compile" ||
    say "not Python, left as they are (PySide6's templates): $(grep -o "compiling '[^']*'" "$WORK/compile" | sed "s|.*/||; s|'||" | tr '\n' ' ')"
# Its python, a link from /usr/lib to /usr/bin, relative as Debian wants links within one top-level folder.
ln -sfn "../../../../bin/python$PYTHON_VERSION" "$VENV/bin/python$PYTHON_VERSION"
# Libraries are loaded, not run, and data files are not programs: executable are only the programs and
# scripts (the wheels' zip archives made many files executable).
find "$VENV" -type f -perm /111 -print0 | while IFS= read -r -d '' file; do
    case "$(head -c 4 "$file" | od -An -c | tr -d ' ')" in
        177ELF) case "$file" in *.so | *.so.*) chmod a-x "$file" ;; esac ;;
        '#!'*) ;;
        *) chmod a-x "$file" ;;
    esac
done
if grep -rlF "$ROOT" "$ROOT" >"$WORK/build-paths"; then
    die "files name the build folder instead of $LIB: $(head -3 "$WORK/build-paths")"
fi

# The C library the wheels in $1 need: the newest of their oldest manylinux tags (2.17 at least).
wheel_glibc() {
    "$PYTHON" - "$1" <<'PY'
import re
import sys
from pathlib import Path

LEGACY = {"manylinux1": 5, "manylinux2010": 12, "manylinux2014": 17}
needed = 17
for wheel in Path(sys.argv[1]).glob("*.whl"):
    minors = []
    for tag in wheel.name[: -len(".whl")].split("-")[-1].split("."):
        if m := re.fullmatch(r"manylinux_2_(\d+)_\w+", tag):
            minors.append(int(m[1]))
        elif (legacy := tag.split("_")[0]) in LEGACY:
            minors.append(LEGACY[legacy])
    if minors:
        needed = max(needed, min(minors))
print(f"2.{needed}")
PY
}

say "the session, the scripts, the documentation"
session_file() {
    sed -e "s|@PREFIX@|$LIB|g" -e "s|@KIOSK_USER@|kiosk|g" "$SOURCE/packaging/session/$1"
}
install -d -m 755 "$ROOT$LIB/bin" "$ROOT$UNIT_DIR"
session_file kiosk-session >"$ROOT$LIB/bin/kiosk-session"
chmod 755 "$ROOT$LIB/bin/kiosk-session"
session_file "$UNIT" >"$ROOT$UNIT_DIR/$UNIT"
chmod 644 "$ROOT$UNIT_DIR/$UNIT"
install -D -m 755 "$SOURCE/packaging/install.sh" "$ROOT$LIB/packaging/install.sh"
# The room's authority and broker (install.sh --room-broker, --room; docs/CONSOLE.md).
install -D -m 755 "$SOURCE/packaging/room-ca.sh" "$ROOT$LIB/packaging/room-ca.sh"
# The settings the structure chooses: a configuration file of the package (DEBIAN/conffiles), so that an
# upgrade never overwrites what was changed in it (dpkg keeps it, or asks). packs.d/ holds the structure's
# content packs.
install -D -m 644 "$SOURCE/packaging/kiosk.conf" "$ROOT/etc/$PACKAGE/kiosk.conf"
install -d -m 755 "$ROOT/etc/$PACKAGE/packs.d"
install -d -m 755 "$ROOT/etc/$PACKAGE/trusted-roots"
install -D -m 644 "$SOURCE/packaging/session/90-france-services-kiosk-usb.rules" \
    "$ROOT/lib/udev/rules.d/90-france-services-kiosk-usb.rules"
# The guides' publisher the network trusts (docs/CONTENT.md): none unless the build is given its root.
if [ -n "${PUBLISHER_ROOT:-}" ]; then
    "$PYTHON" -c 'import json, sys; sys.exit(json.load(open(sys.argv[1]))["signed"]["_type"] != "root")' \
        "$PUBLISHER_ROOT" 2>/dev/null || die "$PUBLISHER_ROOT is not a TUF root (kiosk pack init writes metadata/root.json)"
    install -D -m 644 "$PUBLISHER_ROOT" "$ROOT/usr/share/$PACKAGE/trusted-roots/publisher.json"
fi
install -D -m 644 "$SOURCE/tools/bootstrap.sh" "$ROOT$LIB/tools/bootstrap.sh"
install -D -m 644 "$SOURCE/docs/INSTALL.md" "$ROOT/usr/share/doc/$PACKAGE/INSTALL.md"
install -D -m 644 "$SOURCE/docs/PRIVACY.md" "$ROOT/usr/share/doc/$PACKAGE/PRIVACY.md"
# A native package (the kiosk's sources are its upstream): its changelog is changelog.gz, one entry per
# version, dated like everything else in it.
cat <<CHANGELOG | gzip -9n >"$ROOT/usr/share/doc/$PACKAGE/changelog.gz"
$PACKAGE ($DEB_VERSION) stable; urgency=medium

  * Version $VERSION of the kiosk (its changes: the project's history).

 -- $MAINTAINER  $(LC_ALL=C date -u -R -d "@$SOURCE_DATE_EPOCH")
CHANGELOG
chmod 644 "$ROOT/usr/share/doc/$PACKAGE/changelog.gz"
# The years of the project's history: its first commit's to this build's.
last_year="$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y)"
first_year="$(git -C "$SOURCE" log --reverse --format=%cd --date=format:%Y 2>/dev/null | head -n 1 || true)"
years="${first_year:-$last_year}"
[ "$years" = "$last_year" ] || years="$years-$last_year"
cat >"$ROOT/usr/share/doc/$PACKAGE/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: france-services-kiosk

Files: *
Copyright: $years the France Services kiosk's contributors (the authors in the project's history)
License: EUPL-1.2
 The kiosk is under the European Union Public Licence 1.2:
 https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12
 The Python packages in $LIB/venv keep their own licences
 (PySide6: LGPL-3.0; the others in their *.dist-info folders).
COPYRIGHT

# What lintian reports and is meant, each with its reason (docs/INSTALL.md shows how to run lintian).
install -d "$ROOT/usr/share/lintian/overrides"
cat >"$ROOT/usr/share/lintian/overrides/$PACKAGE" <<OVERRIDES
# The kiosk's Python environment, made as dh-virtualenv makes one: the wheels of its pinned, hash-checked
# dependencies, installed as they are (PySide6's Qt with its QML modules, images and tools). Its commands run
# its own Python, and two of its modules name "python" as the interpreter of their example first line.
$PACKAGE: unusual-interpreter * [usr/lib/$PACKAGE/venv/*]
$PACKAGE: image-file-in-usr-lib [usr/lib/$PACKAGE/venv/*]
# Qt's wheel brings its own builds of the libraries Chromium, the PDF viewer and the image plugins use
# (and PyYAML's its libyaml), as its builders made them: installed from the lock, checked by their hashes.
$PACKAGE: embedded-library * [usr/lib/$PACKAGE/venv/*]
$PACKAGE: unstripped-binary-or-object [usr/lib/$PACKAGE/venv/*]
$PACKAGE: shared-library-lacks-prerequisites [usr/lib/$PACKAGE/venv/*]
# Its modules are compiled at build time, checked against the hash of their source (not its time): dpkg owns
# and verifies them, nothing is written at install or at run time, and a private environment has no other
# Python to share them with (Debian's py3compile is for the system's modules).
$PACKAGE: package-installs-python-pycache-dir [usr/lib/$PACKAGE/venv/*]
# A Python environment is lib/python3.X/site-packages, and Qt's wheel has lib/, qml/ and Qt/ folders inside.
$PACKAGE: repeated-path-segment * [usr/lib/$PACKAGE/venv/*]
# Not the upstream build instructions lintian means: docs/INSTALL.md is also the guide to the installed kiosk
# (the mediators' PIN, the scanner, the browser's sandbox, what to do when something goes wrong, removal).
$PACKAGE: package-contains-upstream-installation-documentation *
OVERRIDES
chmod 644 "$ROOT/usr/share/lintian/overrides/$PACKAGE"

# The system packages: Qt's libraries, speech, sound and fonts (tools/bootstrap.sh), the session's (install.sh)
# without python3 and python3-venv (the environment's own Python instead), and what the maintainer scripts call.
SESSION_PACKAGES="$(sed -n 's/^SESSION_PACKAGES="\(.*\)"$/\1/p' "$SOURCE/packaging/install.sh")"
[ -n "$SESSION_PACKAGES" ] || die "SESSION_PACKAGES not found in packaging/install.sh"
# The Python the environment links to, by its version: "python3 (>= 3.11)" would accept another minor version,
# whose modules the environment's compiled wheels do not fit.
depends="python$PYTHON_VERSION, libc6 (>= $(wheel_glibc "$WHEELS"))"
for package in adduser passwd procps $KIOSK_APT_RUN $SESSION_PACKAGES; do
    case "$package" in python3 | python3-venv) continue ;; esac
    depends="$depends, $package"
done

say "the control files"
cat >"$ROOT/DEBIAN/control" <<CONTROL
Package: $PACKAGE
Version: $DEB_VERSION
Architecture: $ARCH
Maintainer: $MAINTAINER
Installed-Size: $(du -sk --exclude=DEBIAN "$ROOT" | cut -f1)
Depends: $depends
Conflicts: $OLD_PACKAGE
Replaces: $OLD_PACKAGE
Section: misc
Priority: optional
Description: France Services touchscreen kiosk
$(printf '%s\n' "$DESCRIPTION" | fold -s -w 78 | sed 's/ *$//; s/^/ /')
 .
 Installing it turns this PC into a kiosk: the user "kiosk" logs in by itself on
 the first console and runs only the kiosk, full screen, in cage. The mediators'
 PIN is set afterwards (kiosk store set-pin, or the kiosk's first start).
 Removing it keeps the kiosk's data; purging it erases them.
CONTROL

cat >"$ROOT/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
# postinst of the france-services-kiosk package (written by packaging/build-deb.sh). The kiosk is in the package
# (its environment, session and unit); this runs packaging/install.sh --packaged, without the system packages
# (Depends brought them) and without asking for the PIN (apt must not wait for an answer): the same user,
# groups, enabled session and browser sandbox as a manual install.
set -e
cd /

LIB=/usr/lib/france-services-kiosk
KIOSK_USER=kiosk
# Run with this environment only: no pyenv or conda python3 from PATH, no Python settings from this PC.
CLEAN_ENV="PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 PYTHONDONTWRITEBYTECODE=1"

set_up() {
    # The groups the kiosk user joins; a chroot or a container has no udev to create some of them.
    for group in video render input audio; do
        getent group "$group" >/dev/null || addgroup --system "$group"
    done
    # shellcheck disable=SC2086 # CLEAN_ENV is a list of assignments
    env -i $CLEAN_ENV HOME=/root TERM="${TERM:-dumb}" bash "$LIB/packaging/install.sh" --packaged --no-packages --no-pin
    # Fail here rather than on a black screen at the next boot: Qt's libraries (the site's browser and the PDF
    # viewer too), SQLCipher, the kiosk's modules.
    # shellcheck disable=SC2086
    if ! env -i $CLEAN_ENV QT_LOGGING_RULES="qt.multimedia.*=false" runuser -u "$KIOSK_USER" -- \
        "$LIB/venv/bin/python" -c 'import sqlcipher3, PySide6.QtMultimedia, PySide6.QtWebEngineCore, PySide6.QtPdf, ui.app, kiosk.store.admin'; then
        echo "kiosk: the kiosk cannot start (above: what is missing)" >&2
        exit 1
    fi
}

pin_message() {
    home="$(getent passwd "$KIOSK_USER" | cut -d: -f6)"
    # A first install creates no data: the kiosk does, owner-only, at its first start. Otherwise, detached
    # from the terminal: a store locked with a passphrase must not stop apt with a question.
    # shellcheck disable=SC2086
    if [ -d "$home/.local/share/france-services-kiosk/store" ] &&
        status="$(env -i $CLEAN_ENV setsid -w runuser -u "$KIOSK_USER" -- "$LIB/venv/bin/kiosk" store status </dev/null 2>&1)" &&
        printf '%s\n' "$status" | grep -q "mediator PIN: set"; then
        echo "kiosk: the mediators' PIN is set (change it in mediator mode)."
    else
        echo "kiosk: set the mediators' PIN (6 digits or more) now:"
        echo "           sudo -u $KIOSK_USER $LIB/venv/bin/kiosk store set-pin"
        echo "       or on the kiosk's first start, which asks for it."
    fi
    echo "kiosk: then restart the PC: it starts on the kiosk (a running kiosk keeps the old version until then)."
}

case "$1" in
    configure)
        set_up
        pin_message
        ;;
    abort-upgrade | abort-remove | abort-deconfigure)
        set_up
        ;;
    *)
        echo "postinst called with unknown argument '$1'" >&2
        exit 1
        ;;
esac
exit 0
POSTINST

cat >"$ROOT/DEBIAN/prerm" <<'PRERM'
#!/bin/sh
# prerm of the france-services-kiosk package (written by packaging/build-deb.sh): before removing it, the PC
# stops starting the kiosk (its systemd unit, or the automatic login of older versions); the kiosk on screen
# stays until the next restart.
set -e

case "$1" in
    remove | deconfigure)
        rm -f /etc/systemd/system/graphical.target.wants/france-services-kiosk.service
        rm -f /etc/systemd/system/france-services-kiosk.service
        rm -f /etc/systemd/system/getty@tty1.service.d/france-services-kiosk.conf
        rmdir /etc/systemd/system/getty@tty1.service.d 2>/dev/null || true
        if [ -d /run/systemd/system ]; then
            systemctl daemon-reload || true
        fi
        ;;
    upgrade | failed-upgrade) ;; # the new version's postinst sets everything up again
    *)
        echo "prerm called with unknown argument '$1'" >&2
        exit 1
        ;;
esac
exit 0
PRERM

{
    # bash, not sh: a purge runs uninstall.sh, a bash script, from within it (bash is essential: always there).
    cat <<'POSTRM'
#!/bin/bash
# postrm of the france-services-kiosk package (written by packaging/build-deb.sh).
#   remove: dpkg removed the program (environment, session, unit); the data stay: the user "kiosk" and its
#           home (encrypted store, its key, the PIN, logs) and the content packs in /etc/france-services-kiosk.
#   purge:  packaging/uninstall.sh, copied below when the package was built: nothing of anyone's sessions stays.
set -e

case "$1" in
    remove)
        # What Python may have compiled there after the install (a command run as root), and what the versions
        # before 0.2.0 put in /opt: nothing else is in these folders.
        rm -rf /usr/lib/france-services-kiosk /opt/france-services-kiosk/venv /opt/france-services-kiosk/bin
        rmdir /opt/france-services-kiosk 2>/dev/null || true
        # The AppArmor profile that let the kiosk's browser use its sandbox (Ubuntu 24.04+): no program left for it.
        if [ -e /etc/apparmor.d/france-services-kiosk ]; then
            if command -v apparmor_parser >/dev/null 2>&1; then
                apparmor_parser -R /etc/apparmor.d/france-services-kiosk || true
            fi
            rm -f /etc/apparmor.d/france-services-kiosk
        fi
        echo "kiosk: removed; its data stay in the home of the user kiosk ('apt purge france-services-kiosk' erases them)."
        ;;
    purge)
        uninstall_sh="$(cat <<'UNINSTALL_SH'
POSTRM
    cat "$SOURCE/packaging/uninstall.sh"
    cat <<'POSTRM'
UNINSTALL_SH
)"
        bash -c "$uninstall_sh" uninstall.sh
        ;;
    upgrade | failed-upgrade | abort-install | abort-upgrade | disappear) ;;
    *)
        echo "postrm called with unknown argument '$1'" >&2
        exit 1
        ;;
esac
exit 0
POSTRM
} >"$ROOT/DEBIAN/postrm"
if grep -qx UNINSTALL_SH "$SOURCE/packaging/uninstall.sh"; then die "uninstall.sh contains the line UNINSTALL_SH"; fi
chmod 755 "$ROOT/DEBIAN/postinst" "$ROOT/DEBIAN/prerm" "$ROOT/DEBIAN/postrm"

(cd "$ROOT" && find . -type f ! -path './DEBIAN/*' -printf '%P\0' | sort -z | xargs -0 md5sum) >"$ROOT/DEBIAN/md5sums"
echo "/etc/$PACKAGE/kiosk.conf" >"$ROOT/DEBIAN/conffiles"
chmod 644 "$ROOT/DEBIAN/control" "$ROOT/DEBIAN/md5sums" "$ROOT/DEBIAN/conffiles"

mkdir -p "$OUT"
DEB="$OUT/${PACKAGE}_${DEB_VERSION}_${ARCH}.deb"
say "building $DEB (Python $PYTHON_VERSION)"
dpkg-deb --root-owner-group -Zgzip --build "$ROOT" "$DEB" >/dev/null
say "$DEB ($(du -h "$DEB" | cut -f1))"
