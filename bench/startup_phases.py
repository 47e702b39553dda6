"""Where `main.py --smoke` spends its start-up, phase by phase, on a copy of the 10-year history.

    QT_QPA_PLATFORM=offscreen python bench/startup_phases.py

Replays ui.app.run_gui step by step with a clock around each step (median of a few fresh
processes), so a missed start-up budget points at the phase to fix. Changes nothing in ui/.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import REPO_ROOT
from bench.make_history import ensure_history

RUNS = 7

# Runs in a fresh interpreter: the same calls as ui.app.run_gui, in the same order.
PHASES = r"""
import json, sys, time
clock = [("start", time.perf_counter())]
def mark(name): clock.append((name, time.perf_counter()))
sys.path.insert(0, sys.argv[2])
import main  # argparse, models
mark("import main, models")
from PySide6.QtWidgets import QApplication
mark("import PySide6 widgets")
from ui import app as ui_app
from ui.main_window import MainWindow
from ui.store import Store
mark("import ui")
qt_app = ui_app.create_application(icon=False)
mark("QApplication")
window = MainWindow(ui_app.window_settings())
mark("MainWindow() shell")
window.show()
mark("show()")
from PySide6.QtCore import QTimer
QTimer.singleShot(0, qt_app.quit)
qt_app.exec()
mark("first frame (one event-loop turn)")
window.finish_shell()
mark("finish_shell(): menus, close filter")
ui_app.set_window_icon(qt_app)
mark("window icon (SVG engine)")
path = __import__("pathlib").Path(sys.argv[1])
lock = ui_app.take_instance_lock(path, interactive=False)
mark("instance lock")
from models.storage import db
database = db.SqliteDatabase(sys.argv[1], pragmas=db.PRAGMAS)
database.connect()
database.execute_sql("PRAGMA quick_check").fetchone()
database.close()
mark("PRAGMA quick_check alone")
opened = ui_app.open_or_offer_fresh(path, interactive=False)
mark("open_or_offer_fresh (quick_check again, migrate, library sync)")
store = Store(db_path=opened)
mark("Store()")
ui_app.watch_database(window, store)
window.attach(store, opened)
mark("attach(): pages filled")
QTimer.singleShot(0, qt_app.quit)
qt_app.exec()
mark("one event-loop turn")
if hasattr(lock, "unlock"):
    lock.unlock()
print(json.dumps([(name, (t - clock[i][1]) * 1000) for i, (name, t) in enumerate(clock[1:])]))
"""


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="overload-phases-") as folder:
        scratch = Path(folder)
        db = scratch / "history.sqlite"
        shutil.copyfile(ensure_history(), db)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(scratch / "c"),
                   XDG_DATA_HOME=str(scratch / "d"), PYTHONPYCACHEPREFIX=str(scratch / "pyc"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        runs = [_one_run(db, env) for _ in range(RUNS + 1)][1:]  # the first one compiles
    print(f"median of {RUNS} fresh processes (ms):")
    for index, (name, _) in enumerate(runs[0]):
        print(f"  {statistics.median(run[index][1] for run in runs):7.1f}  {name}")
    return 0


def _one_run(db: Path, env: dict[str, str]) -> list:
    done = subprocess.run([sys.executable, "-c", PHASES, str(db), str(REPO_ROOT)], env=env,
                          cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    sys.exit(main())
