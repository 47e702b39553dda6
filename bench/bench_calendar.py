"""The calendar on the 10-year history: a drop, and switching month.

    python bench/bench_calendar.py

Drop: an exercise dropped on a session through DayCell.dropEvent (a real QDropEvent with the
library's MIME data) until the session, the calendar's cells and the week's gauges have redrawn
from the database (the undo stack's signal chain runs synchronously; a final processEvents
paints). Each drop is undone again untimed so the data stays the same. Budget ≤ 16 ms median.
Month switch: SessionCalendar.step() forward and back, cells rebuilt and painted; ≤ 30 ms.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.harness import markdown_table, result, summarise, time_calls
from bench.make_history import ensure_history

DROP_BUDGET_MS = 16
MONTH_BUDGET_MS = 30
RUNS = 40


def run() -> list[dict]:
    from PySide6.QtCore import QPointF, QSettings, Qt
    from PySide6.QtGui import QDropEvent
    from PySide6.QtWidgets import QApplication

    from models.opening import open_database
    from models.storage.db import close_database
    from models.storage.schema import Exercise, Session
    from ui.main_window import MainWindow
    from ui.mime import exercise_mime
    from ui.store import Store

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="overload-calendar-") as folder:
        db = Path(folder) / "history.sqlite"
        shutil.copyfile(ensure_history(), db)
        open_database(db)
        window = MainWindow(QSettings(str(Path(folder) / "w.ini"), QSettings.Format.IniFormat))
        window.show()
        window.attach(Store(), db)
        window.resize(1400, 900)
        app.processEvents()
        calendar = window.calendar
        session = Session.select().where(Session.status == "done").order_by(
            Session.date.desc()).first()
        calendar.show_date(session.date)
        app.processEvents()
        mime = exercise_mime([Exercise.get(Exercise.name == "Lat Pulldown").id])

        def one_drop() -> float:
            target = calendar.cell_for(session.date)
            chip = next(c for c in target.chips if c.summary.id == session.id)
            event = QDropEvent(QPointF(chip.geometry().center()), Qt.DropAction.CopyAction, mime,
                               Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
            started = time.perf_counter()
            target.dropEvent(event)
            app.processEvents()
            elapsed = (time.perf_counter() - started) * 1000
            assert Session.select().count() == sessions, "the drop must join the session"
            window.store.undo_stack.undo()
            app.processEvents()
            return elapsed

        sessions = Session.select().count()
        for _ in range(3):
            one_drop()
        drops = summarise([one_drop() for _ in range(RUNS)])

        def switch_month() -> None:
            calendar.step(1)
            app.processEvents()
            calendar.step(-1)
            app.processEvents()

        months = time_calls(switch_month, runs=RUNS)
        window.close()
        close_database()
    return [
        result("calendar drop: session + day + gauges redrawn, 10-year db", round(
            drops.median_ms, 2), "ms", DROP_BUDGET_MS,
            f"median of {drops.runs}, p95 {drops.p95_ms:.1f} ms"),
        result("calendar month switch, 10-year db", round(months.median_ms / 2, 2), "ms",
               MONTH_BUDGET_MS, f"median of {months.runs} forward+back pairs, halved; "
                                f"p95 {months.p95_ms / 2:.1f} ms"),
    ]


if __name__ == "__main__":
    print(markdown_table(run()))
