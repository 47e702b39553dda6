"""Start-up cost of the app over the bare minimum, on a 10-year history.

    python bench/bench_startup.py

From process start to the main window shown, for `main.py --smoke --db <copy of the history>`
and for `bare_window.py` (QApplication + empty QMainWindow), alternating the two so background
load hits both alike. "Shown" is the first event-loop turn after show(), read from the
OVERLOAD_STARTUP_TRACE probe (time.monotonic() is system-wide on Linux, so the parent's clock
before the spawn and the child's print compare directly). Budget: app / bare ≤ 1.3 (medians).
Also reported, without a budget: until the window holds the 10-year data, and the whole run.
Checks too that pyqtgraph is not imported on the way to the first window.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import REPO_ROOT, alternate_startups, child_env, markdown_table, result
from bench.make_history import ensure_history

RATIO_BUDGET = 1.3
RUNS = 15
BARE = [sys.executable, str(REPO_ROOT / "bench" / "bare_window.py")]


def run() -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="overload-startup-") as folder:
        scratch = Path(folder)
        # A copy: the app may write to its database (settings, WAL); the cache stays pristine.
        db = scratch / "history.sqlite"
        shutil.copyfile(ensure_history(), db)
        env = child_env(scratch)
        app = [sys.executable, str(REPO_ROOT / "main.py"), "--smoke", "--db", str(db)]
        bare_runs, app_runs = alternate_startups(BARE, app, env, RUNS)
        pyqtgraph = _imports_pyqtgraph(app, env)
    bare_shown = statistics.median(r["window shown"] for r in bare_runs)
    app_shown = statistics.median(r["window shown"] for r in app_runs)
    app_data = statistics.median(r["data loaded"] for r in app_runs)
    bare_total = statistics.median(r["exit"] for r in bare_runs)
    app_total = statistics.median(r["exit"] for r in app_runs)
    return [
        result("start-up to window shown, bare QMainWindow", round(bare_shown, 1), "ms", None,
               f"median of {len(bare_runs)}; whole run {bare_total:.0f} ms"),
        result("start-up to main window shown, 10-year db", round(app_shown, 1), "ms", None,
               f"median of {len(app_runs)}"),
        result("start-up ratio app / bare (to window shown)", round(app_shown / bare_shown, 2),
               "×", RATIO_BUDGET, "medians"),
        result("start-up until the 10-year data is in the window", round(app_data, 1), "ms",
               None, f"median; whole --smoke run {app_total:.0f} ms "
                     f"({app_total / bare_total:.2f} × the bare run)"),
        result("pyqtgraph imported before the first window", "yes" if pyqtgraph else "no", "",
               "no", "python -X importtime"),
    ]


def _imports_pyqtgraph(app: list[str], env: dict[str, str]) -> bool:
    """Whether pyqtgraph is imported before the window is first shown. -X importtime lists
    every module imported, one per line ending '| name', on stderr, where the start-up trace
    also writes, so the lines before 'startup: window shown' are the ones that count (the
    --smoke run draws every chart afterwards, which imports pyqtgraph then)."""
    done = subprocess.run([app[0], "-X", "importtime", *app[1:]], cwd=REPO_ROOT,
                          env=dict(env, OVERLOAD_STARTUP_TRACE="1"), capture_output=True,
                          text=True, timeout=120)
    lines = done.stderr.splitlines()
    shown = next((i for i, line in enumerate(lines)
                  if line.startswith("startup: window shown")), None)
    if shown is None:
        raise RuntimeError(f"{' '.join(app)} never showed its window:\n{done.stderr[-2000:]}")
    modules = [line.rsplit("|", 1)[-1].strip() for line in lines[:shown]
               if line.startswith("import time:")]
    return any(name.split(".")[0] == "pyqtgraph" for name in modules)


if __name__ == "__main__":
    print(markdown_table(run()))
