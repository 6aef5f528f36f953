# Shared set-up for ./run.sh and ./test.sh: system packages, the .venv, the
# Python dependencies and the compiled translations. Sourced, not executed.
# Usage: bootstrap "run" | bootstrap "test"

# Qt's xcb platform and fonts, offline speech, audio output for QtMultimedia; then what the official
# site's browser (QtWebEngine: Chromium) and the PDF viewer (QtPdf) load from the system, found with ldd
# (tests/test_setup_scripts.py checks the list against the wheel's libraries); then SANE's scanimage.
KIOSK_APT_RUN="libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6
 libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0
 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render0
 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1
 libxcb-xfixes0 libxcb-xkb1 libespeak-ng1 espeak-ng-data libpulse0
 fonts-dejavu-core fonts-noto-core
 libnss3 libnspr4 libasound2 libexpat1 libgbm1 libudev1 libxcb1 libxcb-dri3-0
 libxcomposite1 libxdamage1 libxext6 libxfixes3 libxkbfile1 libxrandr2 libxtst6
 sane-utils"
# The tests also drive a real X server, ask espeak-ng for phonemes, check the shell scripts, the .deb
# (lintian), the fleet's signed apt repository (reprepro, gnupg) and run the room's broker (mosquitto, openssl).
KIOSK_APT_TEST="xvfb xauth espeak-ng shellcheck lintian reprepro gnupg mosquitto openssl"

say() { printf '\033[1m[kiosk]\033[0m %s\n' "$*" >&2; }

# Chromium's sandbox (the official site's browser) refuses to run as root. The installed kiosk runs as the
# unprivileged user "kiosk" with the sandbox on; a developer's root run of ./run.sh goes without it, and says so.
# QtWebEngine reads QTWEBENGINE_DISABLE_SANDBOX; the installed session never sets it (packaging/install.sh).
sandbox_off_for_root() {
    [ "$(id -u)" -eq 0 ] || return 0
    export QTWEBENGINE_DISABLE_SANDBOX=1
    say "warning: running as root, so the site's browser runs without Chromium's sandbox, which refuses root (the installed kiosk runs as the user kiosk, sandbox on)"
}

pick_python() {
    local candidate
    for candidate in python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

install_system_packages() {
    local missing=() pkg
    if ! command -v dpkg-query >/dev/null 2>&1; then
        say "Not a Debian/Ubuntu system: install the equivalents of these yourself: $*"
        return 0
    fi
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "Installing system packages: ${missing[*]}"
    local apt=(env DEBIAN_FRONTEND=noninteractive apt-get)
    if [ "$(id -u)" -eq 0 ]; then
        "${apt[@]}" update -qq && "${apt[@]}" install -y -qq "${missing[@]}" >/dev/null
    elif command -v sudo >/dev/null 2>&1; then
        sudo "${apt[@]}" update -qq && sudo "${apt[@]}" install -y -qq "${missing[@]}" >/dev/null
    else
        say "Cannot install system packages (not root, no sudo). Ask an administrator to run:"
        printf '    sudo apt-get install %s\n' "${missing[*]}" >&2
        return 1
    fi
}

bootstrap() {
    local purpose="$1" top python packages extras stamp wanted
    top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    cd "$top" || return 1

    packages="$KIOSK_APT_RUN"
    [ "$purpose" = test ] && packages="$packages $KIOSK_APT_TEST"
    if ! python="$(pick_python)"; then
        packages="$packages python3.11 python3.11-venv"
    elif ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
        packages="$packages python3-venv python$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')-venv"
    fi
    # shellcheck disable=SC2086
    install_system_packages $packages || return 1
    python="$(pick_python)" || { say "Python 3.11 or newer is needed."; return 1; }

    if [ ! -x .venv/bin/python ]; then
        say "Creating the virtual environment in .venv"
        "$python" -m venv .venv || { rm -rf .venv; say "Could not create .venv"; return 1; }
    fi
    extras=""
    [ "$purpose" = test ] && extras="[dev]"
    # Reinstall only when the dependency list changed since the last set-up. A test
    # set-up ([dev]) holds everything the kiosk needs, so it also serves ./run.sh.
    wanted="$(sha256sum pyproject.toml setup.py | sha256sum | cut -c1-16)"
    stamp=".venv/.kiosk-installed"
    if ! grep -qxF "$wanted$extras" "$stamp" 2>/dev/null && ! grep -qxF "$wanted[dev]" "$stamp" 2>/dev/null; then
        say "Installing the Python dependencies (first time: a few minutes)"
        .venv/bin/python -m pip install --quiet --upgrade pip >/dev/null 2>&1 || true
        if ! .venv/bin/python -m pip install --quiet -e ".$extras" >.venv/pip-install.log 2>&1; then
            cat .venv/pip-install.log >&2
            say "pip install failed (log above, also in .venv/pip-install.log)"
            return 1
        fi
        echo "$wanted$extras" > "$stamp"
    fi
    .venv/bin/python -m kiosk.i18n.catalogs --quiet || { say "Compiling translations failed"; return 1; }
}
