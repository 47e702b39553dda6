#!/usr/bin/env bash
# Smoke tests of what `make package` built: the bundle, the archive and the Debian package.
#
#     bash packaging/smoke.sh        (make smoke-package)
#
# 1. every bundled library finds the libraries it links to;
# 2. dist/Overload/overload --version names models.__version__;
# 3. dist/Overload/overload --smoke exits 0 offscreen, and `print` writes a PDF without a display,
# 4. and under Xvfb with the xcb platform plugin (what a user's X11 session loads: a library
#    missing from the bundle or the system shows here);
# 5. under Xvfb the window carries the icon and the WM_CLASS the .desktop file names;
# 6. the tar.gz unpacks into a bundle that passes --smoke;
# 7. as root: `dpkg -i` installs the .deb, the installed `overload --smoke` exits 0 (offscreen
#    and xcb), the menu entry and icons are in place; `dpkg --purge` removes it all again.
# Xvfb and the libraries Qt's xcb plugin loads are installed with apt-get when missing (root on
# Debian/Ubuntu). Nothing touches the user's data: HOME and the XDG folders point to a scratch
# folder.
set -uo pipefail
cd "$(dirname "$0")/.."

VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' models/__init__.py)
ARCH=$(dpkg --print-architecture 2>/dev/null || echo amd64)
BUNDLE=dist/Overload
ARCHIVE=dist/overload-$VERSION-linux-$(uname -m).tar.gz
DEB=dist/overload_${VERSION}_${ARCH}.deb
DESKTOP_CLASS=$(sed -n 's/^StartupWMClass=//p' resources/overload.desktop)
# Xvfb, xprop and xdotool, desktop-file-validate, and what Qt's xcb plugin loads from the system.
TEST_DEBS="xvfb xauth x11-utils xdotool desktop-file-utils
    libgl1 libegl1 libfontconfig1 libfreetype6 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3
    libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
    libxcb-render-util0 libxcb-shape0 libxcb-sync1 libxcb-xfixes0 libxcb-xkb1"

passed=0
failed=0
check() {  # check NAME COMMAND... : run, report, count; never stops the script
    local name=$1
    shift
    local output
    if output=$("$@" 2>&1); then
        passed=$((passed + 1))
        echo "PASS  $name"
    else
        failed=$((failed + 1))
        echo "FAIL  $name"
        printf '%s\n' "$output" | tail -n 25 | sed 's/^/      /'
    fi
}

install_missing_debs() {
    local missing=() status
    for deb in $TEST_DEBS; do
        status=$(dpkg-query -W -f='${Status}' "$deb" 2>/dev/null)
        [ "$status" = "install ok installed" ] || missing+=("$deb")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing for the smoke tests: ${missing[*]}"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            "${missing[@]}" >/dev/null
    else
        echo "Missing (install them to run every test): ${missing[*]}"
    fi
}

SCRATCH=$(mktemp -d)
XVFB_PID=""
cleanup() {
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null
    rm -rf "$SCRATCH"
}
trap cleanup EXIT
export HOME=$SCRATCH/home XDG_DATA_HOME=$SCRATCH/data XDG_CONFIG_HOME=$SCRATCH/config \
    XDG_CACHE_HOME=$SCRATCH/cache XDG_RUNTIME_DIR=$SCRATCH/runtime
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset WAYLAND_DISPLAY

offscreen_smoke() { QT_QPA_PLATFORM=offscreen timeout 60 "$1" --smoke; }
xcb_smoke() { DISPLAY=$DISPLAY_XVFB QT_QPA_PLATFORM=xcb timeout 60 "$1" --smoke; }

start_xvfb() {
    command -v Xvfb >/dev/null || return 1
    for n in $(seq 90 99); do
        [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] && continue
        Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
        XVFB_PID=$!
        DISPLAY_XVFB=":$n"
        for _ in $(seq 50); do
            [ -e "/tmp/.X11-unix/X$n" ] && return 0
            sleep 0.1
        done
        return 1
    done
    return 1
}

libraries_resolve() {  # every ELF file in the bundle finds its DT_NEEDED libraries
    local internal=$1/_internal missing=""
    while IFS= read -r -d '' file; do
        head -c 4 "$file" | grep -q "ELF" || continue
        # Wayland's client libraries come with a Wayland session; on X11 the plugin is unused.
        missing+=$(LD_LIBRARY_PATH=$internal ldd "$file" 2>/dev/null | grep "not found" \
            | grep -v "libwayland-" | sed "s|^|$file: |")
    done < <(find "$1" -type f \( -name "*.so*" -o -name overload \) -print0)
    [ -z "$missing" ] || { echo "$missing"; return 1; }
}

version_matches() {
    local shown
    shown=$("$1" --version) && [ "$shown" = "Overload $VERSION" ] \
        || { echo "expected 'Overload $VERSION', got '$shown'"; return 1; }
}

window_integrated() {  # the running window has the icon, and the WM_CLASS the menu entry names
    local app_pid window="" wm_class icon
    DISPLAY=$DISPLAY_XVFB QT_QPA_PLATFORM=xcb "$1" >/dev/null 2>&1 &
    app_pid=$!
    for _ in $(seq 100); do
        window=$(DISPLAY=$DISPLAY_XVFB xdotool search --onlyvisible --class "$DESKTOP_CLASS" \
            2>/dev/null | head -n 1)
        [ -n "$window" ] && break
        sleep 0.1
    done
    if [ -z "$window" ]; then
        kill "$app_pid" 2>/dev/null
        echo "no visible window of class $DESKTOP_CLASS"
        return 1
    fi
    wm_class=$(DISPLAY=$DISPLAY_XVFB xprop -id "$window" WM_CLASS)
    # The icon is set right after the first frame (ui/app.py): give it a moment.
    for _ in $(seq 50); do
        icon=$(DISPLAY=$DISPLAY_XVFB xprop -id "$window" _NET_WM_ICON)
        [[ $icon == *"Icon (32 x 32)"* ]] && break
        sleep 0.1
    done
    kill "$app_pid" 2>/dev/null
    wait "$app_pid" 2>/dev/null
    echo "$wm_class"
    [[ $wm_class == *"\"$DESKTOP_CLASS\""* ]] || return 1
    [[ $icon == *"Icon (32 x 32)"* ]] || { echo "no 32x32 window icon: ${icon:0:200}"; return 1; }
}

prints_sheets() {  # `overload print` draws a PDF with the bundled Qt, with no display at all
    local db=$SCRATCH/print-$RANDOM.sqlite pdf=$SCRATCH/sheets-$RANDOM.pdf
    "$1" --db "$db" plan --level beginner --days mon,thu --weeks 3 --start 2030-01-07 --save \
        >/dev/null \
        && env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM timeout 60 \
            "$1" --db "$db" print "$pdf" --from 2030-01-07 \
        && [ "$(head -c 4 "$pdf")" = "%PDF" ]
}

archive_smoke() {
    mkdir -p "$SCRATCH/archive"
    tar -xzf "$ARCHIVE" -C "$SCRATCH/archive" \
        && offscreen_smoke "$SCRATCH/archive/overload-$VERSION/overload"
}

deb_installs() {
    dpkg -i "$DEB" || { DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq && \
        dpkg -s overload | grep -q "Status: install ok installed"; }
}

deb_integrates() {
    [ "$(readlink -f /usr/bin/overload)" = /opt/overload/overload ] \
        && [ -f /usr/share/applications/overload.desktop ] \
        && [ -f /usr/share/icons/hicolor/scalable/apps/overload.svg ] \
        && [ -f /usr/share/icons/hicolor/48x48/apps/overload.png ] \
        && [ -f /usr/share/icons/hicolor/256x256/apps/overload.png ] \
        && { ! command -v desktop-file-validate >/dev/null \
             || desktop-file-validate /usr/share/applications/overload.desktop; }
}

deb_removes() {
    dpkg --purge overload >/dev/null && [ ! -e /opt/overload ] && [ ! -e /usr/bin/overload ] \
        && [ ! -e /usr/share/applications/overload.desktop ]
}

for file in "$BUNDLE/overload" "$ARCHIVE" "$DEB"; do
    [ -e "$file" ] || { echo "$file is missing: run 'make package' first"; exit 1; }
done
install_missing_debs

check "bundle: every library resolves" libraries_resolve "$BUNDLE"
check "bundle: --version is Overload $VERSION" version_matches "$BUNDLE/overload"
check "bundle: --smoke offscreen" offscreen_smoke "$BUNDLE/overload"
check "bundle: print writes session sheets without a display" prints_sheets "$BUNDLE/overload"
if start_xvfb; then
    check "bundle: --smoke under Xvfb (xcb)" xcb_smoke "$BUNDLE/overload"
    if command -v xdotool >/dev/null && command -v xprop >/dev/null; then
        check "bundle: window icon and WM_CLASS $DESKTOP_CLASS" window_integrated "$BUNDLE/overload"
    else
        echo "SKIP  window icon and WM_CLASS (xdotool or xprop missing)"
    fi
else
    failed=$((failed + 1))
    echo "FAIL  bundle: --smoke under Xvfb (xcb): Xvfb is not available"
fi
check "archive: $(basename "$ARCHIVE") unpacks and passes --smoke" archive_smoke

if [ "$(id -u)" = 0 ] && command -v dpkg >/dev/null; then
    check "deb: dpkg -i $(basename "$DEB")" deb_installs
    check "deb: installed overload --version" version_matches overload
    check "deb: installed overload --smoke offscreen" offscreen_smoke overload
    if [ -n "$XVFB_PID" ]; then
        check "deb: installed overload --smoke under Xvfb (xcb)" xcb_smoke overload
    fi
    check "deb: /usr/bin/overload, menu entry and icons in place" deb_integrates
    check "deb: dpkg --purge removes it" deb_removes
else
    echo "SKIP  deb install tests (need root and dpkg)"
fi

echo "smoke-package: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
