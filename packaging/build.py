"""Build Overload's standalone bundle and its installers (`make package` runs this).

    python packaging/build.py [--skip-bundle]

From the repository root and the build venv (requirements.txt + packaging/requirements-build.txt):
1. PyInstaller with packaging/overload.spec  -> dist/Overload/ (the executable `overload`)
2. the archive                               -> dist/overload-VERSION-linux-x86_64.tar.gz
3. a Debian package, built with dpkg-deb     -> dist/overload_VERSION_amd64.deb
   /opt/overload (the bundle), /usr/bin/overload, the .desktop file and the hicolor icons.
On Windows and macOS step 1 gives dist/Overload/overload.exe or dist/Overload.app and step 2 a
.zip; there is no step 3.

VERSION is models.__version__, the one place the version lives.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "packaging"))

from icons import PNG_SIZES, build_icons  # noqa: E402

from models import __version__  # noqa: E402

DIST = ROOT / "dist"
BUILD = ROOT / "build"
BUNDLE = DIST / "Overload"
PACKAGE = "overload"
MAINTAINER = "Overload developers <overload@localhost>"
SUMMARY = "offline hypertrophy training planner"
DESCRIPTION = """\
 Overload plans and logs resistance training for muscle growth, offline, in one
 SQLite file. It counts hard sets per muscle group per week and shows them
 against each muscle's volume landmarks (MV, MEV, MAV, MRV)."""
# What the bundle takes from the system (overload.spec, SYSTEM_LIBRARIES): OpenGL/EGL, which
# must match the graphics driver, the C++ runtime, X11 and XKB, fontconfig, D-Bus, GLib and
# CUPS (printing);
# and what Qt's xcb platform plugin loads. The bundle carries copies of the xcb-util libraries
# (many desktops lack libxcb-cursor0); depending on them as well costs nothing on Debian.
DEB_DEPENDS = [
    "libgl1", "libegl1", "libstdc++6", "libgcc-s1", "libfontconfig1", "libfreetype6",
    "libx11-6", "libx11-xcb1", "libxcb1", "libxkbcommon0", "libxkbcommon-x11-0", "libdbus-1-3",
    "libglib2.0-0t64 | libglib2.0-0", "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0",
    "libxcb-keysyms1", "libxcb-randr0", "libxcb-render-util0", "libxcb-shape0", "libxcb-sync1",
    "libxcb-xfixes0", "libxcb-xkb1", "libcups2t64 | libcups2",
]
DEB_ARCH = {"x86_64": "amd64", "aarch64": "arm64"}
POSTINST = """\
#!/bin/sh
# Refresh the application menu and the icon cache now (desktops that lack dpkg triggers for
# them); both tools are optional.
set -e
if [ "$1" = configure ] || [ "$1" = remove ] || [ "$1" = purge ]; then
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q /usr/share/applications || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor || true
    fi
fi
exit 0
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-bundle", action="store_true",
                        help="reuse dist/Overload and only make the archive and the .deb")
    args = parser.parse_args()
    if not args.skip_bundle:
        build_bundle()
    if not sys.platform.startswith("linux"):
        archive = shutil.make_archive(str(DIST / f"overload-{__version__}-{platform_tag()}"),
                                      "zip", DIST, "Overload.app" if sys.platform == "darwin"
                                      else "Overload")
        print(f"archive: {archive}")
        return 0
    archive = make_tarball()
    print(f"bundle:  {BUNDLE}  {tree_size(BUNDLE) / 2**20:.1f} MiB")
    print(f"archive: {archive}  {archive.stat().st_size / 2**20:.1f} MiB")
    if shutil.which("dpkg-deb") is None:
        print("dpkg-deb not found (not a Debian system): no .deb built", file=sys.stderr)
        return 1
    deb = make_deb()
    print(f"deb:     {deb}  {deb.stat().st_size / 2**20:.1f} MiB")
    return 0


def platform_tag() -> str:
    system = {"linux": "linux", "win32": "windows", "darwin": "macos"}.get(sys.platform,
                                                                          sys.platform)
    machine = platform.machine().lower()
    machine = {"amd64": "x86_64"}.get(machine, machine)  # Windows says AMD64
    return f"{system}-{machine}"


def build_bundle() -> None:
    # Importing pyqtgraph's submodules for analysis may create Qt objects: keep them offscreen.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"),
                    str(ROOT / "packaging" / "overload.spec")], cwd=ROOT, env=env, check=True)
    executable = BUNDLE / ("overload.exe" if sys.platform == "win32" else "overload")
    if not executable.exists() and sys.platform != "darwin":
        raise SystemExit(f"build: {executable} was not made")


def tree_size(folder: Path) -> int:
    """Bytes of the files under folder, symlinks counted as themselves (as du does)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def _owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def make_tarball() -> Path:
    """dist/overload-VERSION-linux-x86_64.tar.gz: the bundle under overload-VERSION/."""
    path = DIST / f"overload-{__version__}-{platform_tag()}.tar.gz"
    with tarfile.open(path, "w:gz", compresslevel=9) as archive:
        archive.add(BUNDLE, arcname=f"overload-{__version__}", filter=_owned_by_root)
    return path


def make_deb() -> Path:
    arch = DEB_ARCH.get(platform.machine(), platform.machine())
    stage = BUILD / "deb" / f"{PACKAGE}_{__version__}_{arch}"
    if stage.exists():
        shutil.rmtree(stage)
    shutil.copytree(BUNDLE, stage / "opt" / PACKAGE, symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    (stage / "usr" / "bin" / PACKAGE).symlink_to(f"/opt/{PACKAGE}/{PACKAGE}")
    share = stage / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copyfile(ROOT / "resources" / "overload.desktop",
                    share / "applications" / "overload.desktop")
    hicolor = share / "icons" / "hicolor"
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    shutil.copyfile(ROOT / "resources" / "icons" / "overload.svg",
                    hicolor / "scalable" / "apps" / "overload.svg")
    icons = build_icons(BUILD / "icons")
    for size in PNG_SIZES:
        folder = hicolor / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copyfile(icons[f"png{size}"], folder / "overload.png")
    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    shutil.copyfile(ROOT / "README.md", doc / "README.md")

    control = stage / "DEBIAN"
    control.mkdir()
    installed_kb = (tree_size(stage) + 1023) // 1024
    (control / "control").write_text(
        f"Package: {PACKAGE}\nVersion: {__version__}\nArchitecture: {arch}\n"
        f"Maintainer: {MAINTAINER}\nInstalled-Size: {installed_kb}\n"
        f"Depends: libc6 (>= {glibc_needed(BUNDLE)}), {', '.join(DEB_DEPENDS)}\n"
        f"Section: utils\nPriority: optional\nDescription: {SUMMARY}\n{DESCRIPTION}\n")
    for script in ("postinst", "postrm"):
        (control / script).write_text(POSTINST)
    _normalise_modes(stage)

    deb = DIST / f"{PACKAGE}_{__version__}_{arch}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "--build", str(stage), str(deb)],
                   check=True, stdout=subprocess.DEVNULL)
    return deb


def glibc_needed(folder: Path) -> str:
    """The newest GLIBC_x.y symbol version any bundled binary asks for (so libc6's minimum)."""
    newest = (2, 17)
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) != b"\x7fELF":
                    continue
                data = handle.read()
            for major, minor in re.findall(rb"GLIBC_(\d+)\.(\d+)", data):
                newest = max(newest, (int(major), int(minor)))
    return f"{newest[0]}.{newest[1]}"


def _normalise_modes(stage: Path) -> None:
    """Files 0644, executables and maintainer scripts 0755, folders 0755 (dpkg's expectations,
    whatever the umask of the machine that built it)."""
    for path in [stage, *stage.rglob("*")]:
        if path.is_symlink():
            continue
        script = path.parent.name == "DEBIAN" and path.name != "control"
        executable = path.is_dir() or script or path.stat().st_mode & 0o111
        path.chmod(0o755 if executable else 0o644)


if __name__ == "__main__":
    sys.exit(main())
