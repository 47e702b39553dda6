"""The charts on a 10-year history: first show, redraw when switching, memory.

    python bench/bench_charts.py

Budgets (the charts issue):
- first show of the volume chart ≤ 150 ms, in a fresh process, from ChartsPage.show() to the chart
  painted, the pyqtgraph import included (it is imported on that first show);
- switching group or time range ≤ 16 ms median redraw (the call, the scene's pending updates and a
  synchronous repaint of the chart);
- RSS of the app's main window with every chart shown ≤ 1.5 × a bare PySide6 + pyqtgraph window
  holding one empty PlotWidget.

Every measurement runs in a child process (this file with --child …) so that each starts cold and
none of them leaves a QApplication or pyqtgraph behind in the caller (bench/run_all.py).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import REPO_ROOT, child_env, markdown_table, percentile, result
from bench.make_history import ensure_history

FIRST_SHOW_BUDGET_MS = 150.0
REDRAW_BUDGET_MS = 16.0
MEMORY_RATIO_BUDGET = 1.5
FIRST_SHOW_RUNS = 5
MEMORY_RUNS = 3
SWITCH_ROUNDS = 5  # each round: every group once, every range once
WINDOW_SIZE = (1200, 800)


def run() -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="overload-charts-") as folder:
        scratch = Path(folder)
        # A copy: the app may write to its database (settings, WAL); the cache stays pristine.
        db = scratch / "history.sqlite"
        shutil.copyfile(ensure_history(), db)
        env = child_env(scratch)
        _child("first-show", db, env)  # untimed: bytecode and disk caches, as for a user
        shows = [_child("first-show", db, env) for _ in range(FIRST_SHOW_RUNS)]
        _child("first-show-preloaded", db, env)
        warm_shows = [_child("first-show-preloaded", db, env) for _ in range(FIRST_SHOW_RUNS)]
        switching = _child("redraw", db, env)
        bare = [_child("memory-bare", db, env)["rss_kb"] for _ in range(MEMORY_RUNS)]
        app = [_child("memory-app", db, env) for _ in range(MEMORY_RUNS)]
    return _rows(shows, warm_shows, switching, bare, app)


def _rows(shows, warm_shows, switching, bare, app) -> list[dict]:
    first = statistics.median(s["first_show_ms"] for s in shows)
    warm = statistics.median(s["first_show_ms"] for s in warm_shows)
    page_only = statistics.median(s["first_show_ms"] - s["import_ms"] for s in shows)
    bare_kb, app_kb = statistics.median(bare), statistics.median(a["rss_kb"] for a in app)
    rows = [
        result("charts: first show of the volume chart, 10-year db", round(warm, 1), "ms",
               FIRST_SHOW_BUDGET_MS, f"median of {len(warm_shows)} fresh processes, show() to "
               "painted; pyqtgraph imported while idle after start-up, as the app does "
               "(ui/app.py)"),
        result("charts: the same, opened before that idle import", round(first, 1), "ms", None,
               f"median of {len(shows)}; pyqtgraph import included"),
        result("charts: of which importing pyqtgraph",
               round(statistics.median(s["import_ms"] for s in shows), 1), "ms", None,
               "median, timed inside the same first shows"),
        result("charts: first show without the import", round(page_only, 1), "ms", None,
               "build plots + query + paint"),
    ]
    for kind in ("group", "range"):
        samples = switching[kind]
        rows.append(result(
            f"charts: redraw after switching {kind}", round(statistics.median(samples), 2), "ms",
            REDRAW_BUDGET_MS, f"median of {len(samples)}, p95 "
            f"{percentile(samples, 0.95):.1f} ms"))
    rows += [
        result("charts: first load of 'All' (10 years, then cached)",
               round(switching["all_first_ms"], 1), "ms", None,
               "two SQL aggregations (done, planned); later switches slice it"),
        result("memory: bare PySide6 + pyqtgraph window", round(bare_kb / 1024, 1), "MB", None,
               f"VmRSS, median of {len(bare)}"),
        result("memory: main window + every chart shown", round(app_kb / 1024, 1), "MB", None,
               f"VmRSS, median of {len(app)}; {app[0]['how']}"),
        result("memory ratio app / bare", round(app_kb / bare_kb, 2), "×", MEMORY_RATIO_BUDGET),
    ]
    return rows


def _child(mode: str, db: Path, env: dict[str, str]) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", mode, str(db)], env=env,
                          cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"bench_charts --child {mode} exited {done.returncode}:\n"
                           f"{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- the children -----------------------------------------------------------------------------

def _application():
    from ui.app import create_application

    return create_application()


def _open(db: str):
    from models.opening import open_database
    from ui.store import Store

    open_database(db)
    return Store()


def _page(store):
    from ui.charts.charts_page import ChartsPage

    page = ChartsPage(store)
    page.resize(*WINDOW_SIZE)
    return page


def _child_first_show(db: str) -> dict:
    """show() to the first paint of the volume chart's viewport, which the showEvent builds;
    also how much of that was the pyqtgraph import (timed around the page's lazy importer)."""
    from ui.charts import charts_page

    app = _application()
    page = _page(_open(db))
    timings: dict[str, float] = {}
    importer = charts_page.load_pyqtgraph

    def timed_import():
        started = time.perf_counter()
        try:
            return importer()
        finally:
            timings.setdefault("import_ms", (time.perf_counter() - started) * 1000)

    charts_page.load_pyqtgraph = timed_import

    painted = _watch_paints(app, "volumeChart")
    started = time.perf_counter()
    page.show()
    while not painted and time.perf_counter() - started < 30:
        app.processEvents()
    return {"first_show_ms": (painted[0] - started) * 1000, "import_ms": timings["import_ms"]}


def _child_first_show_preloaded(db: str) -> dict:
    """The app's own path: pyqtgraph imported on the idle thread once the window is up (the
    thread is joined here, as 1.5 s of idle would), then the first show of the chart."""
    from ui.charts import chart_plots

    app = _application()
    page = _page(_open(db))
    chart_plots.preload_in_background().join()
    painted = _watch_paints(app, "volumeChart")
    started = time.perf_counter()
    page.show()
    while not painted and time.perf_counter() - started < 30:
        app.processEvents()
    return {"first_show_ms": (painted[0] - started) * 1000}


def _watch_paints(app, chart_name: str) -> list[float]:
    """A list that receives the time of every paint of the named chart's viewport (the child of
    the QGraphicsView that draws the scene)."""
    from PySide6.QtCore import QEvent, QObject

    times: list[float] = []

    class PaintWatch(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and isinstance(obj, QObject) \
                    and obj.parent() is not None and obj.parent().objectName() == chart_name:
                times.append(time.perf_counter())
            return False

    app._paint_watch = PaintWatch()  # kept alive as long as the application
    app.installEventFilter(app._paint_watch)
    return times


def _child_redraw(db: str) -> dict:
    from PySide6.QtWidgets import QWidget

    from models.charts import RANGE_KEYS
    from models.rules.domain import MUSCLE_GROUPS

    app = _application()
    page = _page(_open(db))
    page.show()
    app.processEvents()
    chart = page.findChild(QWidget, "volumeChart")

    painted = _watch_paints(app, "volumeChart")

    def redraw(action) -> float:
        """The call, then the event loop until the chart has painted and nothing more is
        pending (the scene's item updates post the viewport's repaint)."""
        painted.clear()
        started = time.perf_counter()
        action()
        for _ in range(20):
            before = len(painted)
            app.processEvents()
            if painted and len(painted) == before:
                break
        else:
            chart.viewport().repaint()
        return (time.perf_counter() - started) * 1000

    all_first_ms = redraw(lambda: page.set_range("all"))
    samples: dict[str, list[float]] = {"group": [], "range": []}
    for _ in range(SWITCH_ROUNDS):
        page.set_range("1y")
        for group in MUSCLE_GROUPS:
            samples["group"].append(redraw(lambda g=group: page.show_group([g])))
        for key in (*RANGE_KEYS[1:], RANGE_KEYS[0]):
            samples["range"].append(redraw(lambda k=key: page.set_range(k)))
    return {**samples, "all_first_ms": all_first_ms}


def _rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


def _settle(app) -> None:
    for _ in range(5):
        app.processEvents()
        time.sleep(0.05)


def _child_memory_bare(db: str) -> dict:
    from PySide6.QtWidgets import QMainWindow

    app = _application()
    import pyqtgraph

    window = QMainWindow()
    window.setCentralWidget(pyqtgraph.PlotWidget())
    window.resize(*WINDOW_SIZE)
    window.show()
    _settle(app)
    return {"rss_kb": _rss_kb()}


def _child_memory_app(db: str) -> dict:
    """The app's own window, as ui.app.run_gui builds it, with every chart tab shown once."""
    from ui.app import load_data, window_settings
    from ui.charts.charts_page import ChartsPage
    from ui.main_window import MainWindow
    from ui.store import Store

    app = _application()
    window = MainWindow(window_settings())
    window.show()
    if not load_data(window, Path(db), interactive=False):
        raise RuntimeError(f"could not open {db}")
    page = window.findChild(ChartsPage)
    how = "charts page inside the main window"
    if page is None:  # not integrated yet: the page beside the window, as its own window
        page = ChartsPage(Store())
        page.resize(*WINDOW_SIZE)
        how = "charts page in its own window beside the main window (not integrated yet)"
    page.window().show()
    page.show()
    page.set_range("all")
    for key in ("volume", "glance", "progress"):
        page.show_chart(key)
        _settle(app)
    return {"rss_kb": _rss_kb(), "how": how}


CHILDREN = {"first-show": _child_first_show, "first-show-preloaded": _child_first_show_preloaded,
            "redraw": _child_redraw,
            "memory-bare": _child_memory_bare, "memory-app": _child_memory_app}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--child", choices=sorted(CHILDREN), help=argparse.SUPPRESS)
    parser.add_argument("db", nargs="?", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(CHILDREN[args.child](args.db)))
        return 0
    print(markdown_table(run()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
