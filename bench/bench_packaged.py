"""The packaged app: its size, and its start-up against a bare QMainWindow packaged the same way.

    python bench/bench_packaged.py      (needs the build tools: make package installs them)

Builds (incrementally) dist/Overload with packaging/overload.spec and, with the very same spec and
so the same excludes and Qt filters, a bundle of bench/bare_window.py (QApplication + empty
QMainWindow, one event-loop turn). Then times process start → main window shown for both, as
bench_startup.py does from source (the OVERLOAD_STARTUP_TRACE probe, read by
harness.timed_startup), `overload --smoke` against the bare one, offscreen, alternating the two
so that background load hits both alike; medians. Also reported: until the data is in the window,
and the whole run. Budgets: ratio ≤ 1.2; dist/Overload ≤ 150 MB; the tar.gz ≤ 60 MB.

Sizes are checked in MB (10^6 bytes), the stricter reading of the budgets, and shown in MiB too,
as `du -sh` and `ls -lh` print them (a plain PyInstaller build is 222 MiB, its tar.gz 85 MiB).
"""

from __future__ import annotations

import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench.harness import (  # noqa: E402
    alternate_startups,
    child_env,
    markdown_table,
    result,
)

RATIO_BUDGET = 1.2
BUNDLE_BUDGET_MB = 150
ARCHIVE_BUDGET_MB = 60
RUNS = 25
MB = 1000 * 1000
MIB = 1024 * 1024
SPEC = REPO_ROOT / "packaging" / "overload.spec"
BARE_DIR = REPO_ROOT / "build" / "bench-packaged"


def run() -> list[dict]:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        return [result("packaged app", "not run: PyInstaller missing (make package installs it)",
                       "", None)]
    packaging_build = _load_packaging_build()
    packaging_build.build_bundle()
    archive = packaging_build.make_tarball()
    bare = _build_bare()
    app = packaging_build.BUNDLE / "overload"
    with tempfile.TemporaryDirectory(prefix="overload-packaged-") as folder:
        env = child_env(Path(folder))
        bare_runs, app_runs = alternate_startups([str(bare)], [str(app), "--smoke"], env,
                                                 RUNS)
    bare_shown = statistics.median(r["window shown"] for r in bare_runs)
    app_shown = statistics.median(r["window shown"] for r in app_runs)
    app_data = statistics.median(r["data loaded"] for r in app_runs)
    app_exit = statistics.median(r["exit"] for r in app_runs)
    bundle_bytes = _tree_bytes(packaging_build.BUNDLE)
    archive_bytes = archive.stat().st_size
    return [
        result("packaged start-up to window shown, bare QMainWindow", round(bare_shown, 1),
               "ms", None, f"median of {len(bare_runs)}, same spec"),
        result("packaged start-up to main window shown, overload", round(app_shown, 1), "ms",
               None, f"median of {len(app_runs)}, fresh database; data in at {app_data:.0f} ms, "
                     f"whole --smoke run {app_exit:.0f} ms"),
        result("packaged start-up ratio app / bare (to window shown)",
               round(app_shown / bare_shown, 2), "×", RATIO_BUDGET),
        result("dist/Overload size", round(bundle_bytes / MB, 1), "MB", BUNDLE_BUDGET_MB,
               f"{bundle_bytes / MIB:.1f} MiB; bare QMainWindow bundle "
               f"{_tree_bytes(bare.parent) / MB:.0f} MB"),
        result(f"{archive.name} size", round(archive_bytes / MB, 1), "MB", ARCHIVE_BUDGET_MB,
               f"{archive_bytes / MIB:.1f} MiB"),
    ]


def _load_packaging_build():
    """packaging/build.py as a module (by path: `build` alone could be the build/ folder)."""
    spec = importlib.util.spec_from_file_location("overload_packaging_build",
                                                  REPO_ROOT / "packaging" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _build_bare() -> Path:
    """bench/bare_window.py bundled with packaging/overload.spec; returns its executable."""
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
                    "--distpath", str(BARE_DIR / "dist"), "--workpath", str(BARE_DIR / "work"),
                    str(SPEC), "--", "--entry", "bench/bare_window.py", "--name", "bare"],
                   cwd=REPO_ROOT, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), check=True,
                   stdout=subprocess.DEVNULL)
    return BARE_DIR / "dist" / "bare" / "bare"


def _tree_bytes(folder: Path) -> int:
    """Bytes on disk under folder, as du counts them (symlinks as themselves)."""
    paths = [folder, *folder.rglob("*")]
    return sum(path.lstat().st_blocks * 512 for path in paths)


if __name__ == "__main__":
    print(markdown_table(run()))
