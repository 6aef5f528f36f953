#!/usr/bin/env bash
# Build a Debian package of the kiosk, for Debian 12, Ubuntu 22.04 and 24.04 (amd64 by default):
#
#     packaging/build-deb.sh                  # writes dist/france-services-kiosk_VERSION_ARCH.deb (~280 MB of wheels)
#     packaging/build-deb.sh --wheels DIR     # package the wheels in DIR instead (e.g. a bundle's packaging/wheels)
#
# On the kiosk PC: sudo apt install ./france-services-kiosk_VERSION_ARCH.deb (docs/INSTALL.md). The package holds the
# kiosk and every Python wheel it needs, for Python 3.11 (Debian 12; Ubuntu 22.04's python3.11), 3.12
# (Ubuntu 24.04) and 3.13, in /usr/lib/france-services-kiosk; it depends on the distribution's packages
# (Qt's libraries, espeak-ng, cage...). Its postinst runs packaging/install.sh --no-packages --no-pin: the same kiosk in
# /opt/france-services-kiosk, the same user and automatic login as a manual install, no question asked.
# "apt remove" stops the kiosk and keeps its data; "apt purge" runs packaging/uninstall.sh: nothing stays.
set -euo pipefail

SOURCE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PACKAGE="france-services-kiosk"
# The package's name until version 0.1.0: the new one replaces it (apt removes it, the data stay).
OLD_PACKAGE="kiosk"
LIB="/usr/lib/france-services-kiosk"
OUT="$SOURCE/dist"
ARCH=""
WHEELS_FROM=""
PYTHONS="3.11 3.12 3.13"
# Who answers for the package (its Maintainer field): DEBFULLNAME and DEBEMAIL, as Debian's tools read them,
# or else the author of the source tree's last commit. There is no made-up default: an address nobody reads
# is what lintian calls a bogus mail host.
MAINTAINER_NAME="${DEBFULLNAME:-$(git -C "$SOURCE" log -1 --format=%an 2>/dev/null || true)}"
MAINTAINER_EMAIL="${DEBEMAIL:-$(git -C "$SOURCE" log -1 --format=%ae 2>/dev/null || true)}"

usage() {
    sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    echo "Options: --wheels DIR, --out DIR (default dist/), --arch ARCH (default: this PC's, dpkg --print-architecture),"
    echo "         DEBFULLNAME=... DEBEMAIL=... (the Maintainer field; default: the last commit's author),"
    echo "         --pythons \"3.11 3.12 3.13\" (the Python versions to download wheels for)"
}

while [ $# -gt 0 ]; do
    case "$1" in
        --wheels) WHEELS_FROM="$2"; shift ;;
        --out) OUT="$2"; shift ;;
        --arch) ARCH="$2"; shift ;;
        --pythons) PYTHONS="$2"; shift ;;
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
# One date for the changelog and for every file's time in the package (dpkg-deb clamps them to it): the
# last commit's, so that two builds of the same sources give the same package.
SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git -C "$SOURCE" log -1 --format=%ct 2>/dev/null || date +%s)}"
export SOURCE_DATE_EPOCH
ARCH="${ARCH:-$(dpkg --print-architecture)}"
# The newest C library the downloaded wheels may need: Ubuntu 22.04's (2.35; Debian 12 has 2.36, Ubuntu
# 24.04 2.39). Qt's wheels for ARM need 2.39: that package installs on Ubuntu 24.04 only.
case "$ARCH" in
    amd64) WHEEL_ARCH=x86_64 GLIBC_MINOR=35 ;;
    arm64) WHEEL_ARCH=aarch64 GLIBC_MINOR=39 ;;
    *) die "no Qt wheels for architecture $ARCH (amd64 or arm64)" ;;
esac

if [ -z "${PYTHON:-}" ]; then
    if [ -x "$SOURCE/.venv/bin/python" ]; then PYTHON="$SOURCE/.venv/bin/python"; else PYTHON="$(pick_python)" || die "Python 3.11 or newer is needed"; fi
fi
VERSION="$(cd "$SOURCE" && "$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
DESCRIPTION="$(cd "$SOURCE" && "$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["description"])')"
# Python's pre- and post-releases (1.0rc1, 1.0.post1) in the order dpkg compares them (1.0~rc1, 1.0+post1).
DEB_VERSION="$(printf '%s' "$VERSION" | sed -E 's/[.-]?(a|b|rc|dev)([0-9]*)/~\1\2/g; s/[.-]?post/+post/')"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
ROOT="$WORK/root"
WHEELS="$ROOT$LIB/packaging/wheels"
mkdir -p "$WHEELS" "$ROOT/DEBIAN"

download_wheels() {
    local python_version platforms=() minor
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
    for minor in $(seq "$GLIBC_MINOR" -1 17); do platforms+=(--platform "manylinux_2_${minor}_$WHEEL_ARCH"); done
    platforms+=(--platform "manylinux2014_$WHEEL_ARCH")
    # The dependencies come from packaging/requirements.lock only, each file checked against its hash: two
    # builds a month apart ship the same bytes, and a file changed on the index stops the build.
    for python_version in $PYTHONS; do
        say "its dependencies' wheels for Python $python_version, $ARCH (packaging/requirements.lock)"
        "$PYTHON" -m pip download -q --only-binary=:all: --implementation cp --python-version "$python_version" \
            "${platforms[@]}" --dest "$WHEELS" --require-hashes -r "$SOURCE/packaging/requirements.lock"
    done
    # The lock must still be what the kiosk asks for (pyproject.toml's dependencies): resolved offline,
    # the kiosk's wheel finds every dependency it declares among the locked wheels, or the build stops.
    "$PYTHON" -m pip download -q --no-index --find-links "$WHEELS" --only-binary=:all: --implementation cp \
        --python-version "${PYTHONS%% *}" "${platforms[@]}" --dest "$WORK/resolved" "$WHEELS"/france_services_kiosk-*.whl ||
        die "packaging/requirements.lock does not match pyproject.toml's dependencies: regenerate it (docs/INSTALL.md)"
}

# The Python versions (among $PYTHONS) that every version-specific wheel in $1 exists for.
wheel_pythons() {
    "$PYTHON" - "$1" "$PYTHONS" <<'PY'
import re
import sys
from pathlib import Path

wanted = set(sys.argv[2].split())
versions_of: dict[str, set[str]] = {}  # project: the versions it has a one-version wheel for
fits_all = set()  # projects with a wheel for any version (pure Python, or abi3 like PySide6)
for wheel in Path(sys.argv[1]).glob("*.whl"):
    parts = wheel.name[: -len(".whl")].split("-")
    name, pythons, abi = parts[0].lower(), parts[-3], parts[-2]
    if re.fullmatch(r"cp3\d+", abi):
        tags = (re.fullmatch(r"cp3(\d+)", tag) for tag in pythons.split("."))
        versions_of.setdefault(name, set()).update(f"3.{m[1]}" for m in tags if m)
    else:
        fits_all.add(name)
for name, versions in versions_of.items():
    if name not in fits_all:
        wanted &= versions
print(" ".join(sorted(wanted, key=lambda version: int(version.split(".")[1]))))
PY
}

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

if [ -n "$WHEELS_FROM" ]; then
    [ -d "$WHEELS_FROM" ] || die "$WHEELS_FROM is not a folder"
    compgen -G "$WHEELS_FROM/france_services_kiosk-*.whl" >/dev/null || die "no france_services_kiosk-*.whl in $WHEELS_FROM"
    compgen -G "$WHEELS_FROM/france_services_kiosk-$VERSION-*.whl" >/dev/null ||
        die "the kiosk's wheel in $WHEELS_FROM is not version $VERSION (pyproject.toml): rebuild it"
    say "the wheels in $WHEELS_FROM"
    cp "$WHEELS_FROM"/*.whl "$WHEELS/"
    for wheel in "$WHEELS"/*.whl; do
        case "${wheel##*-}" in
            any.whl | *"_$WHEEL_ARCH.whl") ;;
            *) die "$(basename "$wheel") is not for $ARCH" ;;
        esac
    done
    if compgen -G "$WHEELS/*-linux_*.whl" >/dev/null; then
        say "warning: wheels built on this PC (linux_* tag) may need libraries the package does not declare"
    fi
else
    download_wheels
fi
SUPPORTED="$(wheel_pythons "$WHEELS")"
[ -n "$SUPPORTED" ] || die "no Python among $PYTHONS has a wheel for every package in $WHEELS"

say "the scripts, the documentation"
install -D -m 755 "$SOURCE/packaging/install.sh" "$ROOT$LIB/packaging/install.sh"
# The settings the structure chooses: a configuration file of the package (DEBIAN/conffiles), so that an
# upgrade never overwrites what was changed in it (dpkg keeps it, or asks). install.sh keeps it as it finds it,
# and copies the pristine one next to it only if it was deleted. packs.d/ holds the structure's content packs.
install -D -m 644 "$SOURCE/packaging/kiosk.conf" "$ROOT$LIB/packaging/kiosk.conf"
install -D -m 644 "$SOURCE/packaging/kiosk.conf" "$ROOT/etc/$PACKAGE/kiosk.conf"
install -d -m 755 "$ROOT/etc/$PACKAGE/packs.d"
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
 The wheels in $LIB/packaging/wheels keep their own licences
 (PySide6: LGPL-3.0; the others are listed in each wheel's metadata).
COPYRIGHT

# What lintian reports and is meant, each with its reason (docs/INSTALL.md shows how to run lintian).
install -d "$ROOT/usr/share/lintian/overrides"
cat >"$ROOT/usr/share/lintian/overrides/$PACKAGE" <<OVERRIDES
# The distribution's Python, on purpose: dpkg's PATH puts /usr/local/bin first, and a python3 there (built by
# hand, pyenv) is not one the wheels in $LIB/packaging/wheels were picked for.
$PACKAGE: command-with-path-in-maintainer-script /usr/bin/python3 *
# Not the upstream build instructions lintian means: docs/INSTALL.md is also the guide to the installed kiosk
# (the mediators' PIN, the scanner, the browser's sandbox, what to do when something goes wrong, removal).
$PACKAGE: package-contains-upstream-installation-documentation *
OVERRIDES
chmod 644 "$ROOT/usr/share/lintian/overrides/$PACKAGE"

# The system packages: Qt's libraries, speech, sound and fonts (tools/bootstrap.sh), the session's (install.sh)
# without python3 and python3-venv (see below), and what the maintainer scripts call.
SESSION_PACKAGES="$(sed -n 's/^SESSION_PACKAGES="\(.*\)"$/\1/p' "$SOURCE/packaging/install.sh")"
[ -n "$SESSION_PACKAGES" ] || die "SESSION_PACKAGES not found in packaging/install.sh"
# A Python the wheels were downloaded for, with venv: "python3 (>= 3.11)" would accept Ubuntu 22.04's 3.10.
python_alternatives="$(for version in $SUPPORTED; do printf 'python%s-venv | ' "$version"; done)"
depends="${python_alternatives% | }"
depends="$depends, libc6 (>= $(wheel_glibc "$WHEELS"))"
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

{
    cat <<'HEAD'
#!/bin/sh
# postinst of the france-services-kiosk package (written by packaging/build-deb.sh). It runs packaging/install.sh,
# without the system packages (Depends brought them) and without asking for the PIN (apt must not
# wait for an answer): the same kiosk, user and automatic login as a manual install.
set -e
cd /

LIB=/usr/lib/france-services-kiosk
PREFIX=/opt/france-services-kiosk
KIOSK_USER=kiosk
HEAD
    printf '# The Python versions the wheels in %s/packaging/wheels were gathered for.\nPYTHONS="%s"\n' "$LIB" "$SUPPORTED"
    cat <<'BODY'
# Run with this environment only: no pyenv or conda python3 from PATH, no pip settings from this PC.
CLEAN_ENV="PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 PIP_CONFIG_FILE=/dev/null PIP_NO_CACHE_DIR=1"

# The distribution's Python the wheels fit, default one first, with venv.
pick_python() {
    default="$(/usr/bin/python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || true)"
    for version in $default $PYTHONS; do
        case " $PYTHONS " in *" $version "*) ;; *) continue ;; esac
        if [ -x "/usr/bin/python$version" ] && "/usr/bin/python$version" -c 'import ensurepip, venv' 2>/dev/null; then
            echo "/usr/bin/python$version"
            return 0
        fi
    done
    return 1
}

set_up() {
    if ! python="$(pick_python)"; then
        echo "kiosk: none of Python $PYTHONS with venv in /usr/bin (apt install python3-venv)" >&2
        exit 1
    fi
    # The groups the kiosk user joins; a chroot or a container has no udev to create some of them.
    for group in video render input audio; do
        getent group "$group" >/dev/null || addgroup --system "$group"
    done
    # shellcheck disable=SC2086 # CLEAN_ENV is a list of assignments
    env -i $CLEAN_ENV HOME=/root TERM="${TERM:-dumb}" \
        bash "$LIB/packaging/install.sh" --no-packages --no-pin --python "$python"
    # Fail here rather than on a black screen at the next boot: Qt's libraries (the site's browser and the PDF
    # viewer too), SQLCipher, the kiosk's modules.
    # shellcheck disable=SC2086
    if ! env -i $CLEAN_ENV QT_LOGGING_RULES="qt.multimedia.*=false" runuser -u "$KIOSK_USER" -- \
        "$PREFIX/venv/bin/python" -c 'import sqlcipher3, PySide6.QtMultimedia, PySide6.QtWebEngineCore, PySide6.QtPdf, ui.app, kiosk.store.admin'; then
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
        status="$(env -i $CLEAN_ENV setsid -w runuser -u "$KIOSK_USER" -- "$PREFIX/venv/bin/kiosk" store status </dev/null 2>&1)" &&
        printf '%s\n' "$status" | grep -q "mediator PIN: set"; then
        echo "kiosk: the mediators' PIN is set (change it in mediator mode)."
    else
        echo "kiosk: set the mediators' PIN (6 digits or more) now:"
        echo "           sudo -u $KIOSK_USER $PREFIX/venv/bin/kiosk store set-pin"
        echo "       or on the kiosk's first start, which asks for it."
    fi
    echo "kiosk: then restart the PC: it starts on the kiosk."
}

case "$1" in
    configure)
        # The venv comes from this package's wheels only: rebuilt whole, it matches them exactly
        # (same version rebuilt, another Python after a system upgrade). A running kiosk needs a restart.
        rm -rf "$PREFIX/venv"
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
BODY
} >"$ROOT/DEBIAN/postinst"

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
#   remove: the program goes (venv, session script); the data stay: the user "kiosk" and its home
#           (encrypted store, its key, the PIN, logs) and the content packs in /opt/france-services-kiosk/packs.
#   purge:  packaging/uninstall.sh, copied below when the package was built: nothing of anyone's sessions stays.
set -e

case "$1" in
    remove)
        rm -rf /opt/france-services-kiosk/venv /opt/france-services-kiosk/bin
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
say "building $DEB (Python $SUPPORTED)"
# The wheels are zip archives already: xz would save under 5 % and take eight times longer.
dpkg-deb --root-owner-group -Zgzip --build "$ROOT" "$DEB" >/dev/null
say "$DEB ($(du -h "$DEB" | cut -f1))"
