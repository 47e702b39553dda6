"""Start-up cost of the app over the bare minimum, on a 10-year history.

    python bench/bench_startup.py

Wall time of `main.py --smoke --db <copy of the history>` against `bare_window.py` (QApplication +
empty QMainWindow, one event-loop turn), alternating the two so that background load hits both
alike. Budget: app / bare ≤ 1.3 (medians). Also checks that pyqtgraph (charts, ~0.3 s of imports
with numpy) is not imported on the way to the first window.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import REPO_ROOT, markdown_table, result
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
        env = _child_env(scratch)
        app = [sys.executable, str(REPO_ROOT / "main.py"), "--smoke", "--db", str(db)]
        bare_runs, app_runs = _alternate(BARE, app, env)
        pyqtgraph = _imports_pyqtgraph(app, env)
    bare, full = _medians(bare_runs), _medians(app_runs)
    return [
        result("start-up, bare QMainWindow", bare[0], "ms", None,
               f"median of {len(bare_runs)}, CPU {bare[1]:.0f} ms"),
        result("start-up, main.py --smoke, 10-year db", full[0], "ms", None,
               f"median of {len(app_runs)}, CPU {full[1]:.0f} ms"),
        result("start-up ratio app / bare", round(full[0] / bare[0], 2), "×", RATIO_BUDGET,
               f"wall time; CPU-time ratio {_ratio(full[1], bare[1])}"),
        result("pyqtgraph imported before the first window", "yes" if pyqtgraph else "no", "",
               "no", "python -X importtime"),
    ]


def _child_env(scratch: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               # QSettings and the default data folder go to the scratch folder, not the home.
               XDG_CONFIG_HOME=str(scratch / "config"), XDG_DATA_HOME=str(scratch / "data"),
               # Users run from compiled bytecode; with PYTHONDONTWRITEBYTECODE set (as here) every
               # run would recompile our modules. Cache bytecode in the scratch folder instead.
               PYTHONPYCACHEPREFIX=str(scratch / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _alternate(bare: list[str], app: list[str], env: dict[str, str]) -> tuple[list, list]:
    """Run both once untimed (bytecode, disk cache), then RUNS timed rounds of each in turn."""
    _timed(bare, env)
    _timed(app, env)
    bare_runs, app_runs = [], []
    for _ in range(RUNS):
        bare_runs.append(_timed(bare, env))
        app_runs.append(_timed(app, env))
    return bare_runs, app_runs


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall ms, CPU ms) of one run. CPU time is barely moved by other programs competing for
    the CPUs, so it separates "the app got slower" from "the machine was busy"."""
    before, started = os.times(), time.perf_counter()
    done = subprocess.run(command, env=env, cwd=REPO_ROOT, capture_output=True, text=True,
                          timeout=120)
    wall, after = (time.perf_counter() - started) * 1000, os.times()
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr}")
    cpu = (after.children_user + after.children_system
           - before.children_user - before.children_system) * 1000
    return wall, cpu


def _ratio(value: float, base: float) -> str:
    return f"{value / base:.2f}" if base else "n/a"  # Windows reports no children's CPU time


def _medians(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def _imports_pyqtgraph(app: list[str], env: dict[str, str]) -> bool:
    """-X importtime lists every module imported, one per line, ending '| name'."""
    done = subprocess.run([app[0], "-X", "importtime", *app[1:]], env=env, cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=120)
    modules = [line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()
               if line.startswith("import time:")]
    return any(name.split(".")[0] == "pyqtgraph" for name in modules)


if __name__ == "__main__":
    print(markdown_table(run()))
