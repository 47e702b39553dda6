"""Child of test_real_input.py: the app's drop targets on the xcb platform, for a real pointer.

    python drops_child.py wizard     the program wizard's exercises page
    python drops_child.py calendar   the main window: library dock and calendar
    python drops_child.py week       the main window: library dock and the week planner
    python drops_child.py keyboard   the main window, for a keyboard-only journey

Prints one JSON line of screen coordinates once the window is up (`points`), waits for "done" on
stdin while Qt runs, then prints one JSON line of what the drops did and exits.
"""

from __future__ import annotations

import json
import sys
import tempfile
import threading
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

EXERCISE = "Helms Row"


def main() -> int:
    app = QApplication(sys.argv)
    from models.opening import open_database

    folder = Path(tempfile.mkdtemp(prefix="overload-drops-"))
    open_database(folder / "overload.sqlite")
    setup = {"wizard": _wizard, "calendar": _calendar, "week": _week,
             "keyboard": _keyboard}[sys.argv[1]]
    _window, points, results = setup(folder)  # held: the window lives while Qt runs
    finished = threading.Event()

    def report() -> None:
        print(json.dumps({"points": points()}), flush=True)
        threading.Thread(target=lambda: (sys.stdin.readline(), finished.set()),
                         daemon=True).start()

    def poll() -> None:
        if finished.is_set():
            print(json.dumps(results()), flush=True)
            app.quit()

    QTimer.singleShot(800, report)
    timer = QTimer(interval=50, timeout=poll)
    timer.start()
    app.exec()
    return 0


def _centre(widget: QWidget, local: QPoint | None = None) -> list[int]:
    point = widget.mapToGlobal(local if local is not None else widget.rect().center())
    return [point.x(), point.y()]


def _wizard(folder: Path):
    from ui.store import Store
    from ui.wizard.program_wizard import ProgramWizard

    wizard = ProgramWizard(Store())
    wizard.setGeometry(40, 40, 1100, 640)
    wizard.show()  # shown first: showing a wizard restarts it on its first page
    wizard.raise_()
    wizard.activateWindow()
    wizard.next(), wizard.next(), wizard.next()
    page = wizard.exercises
    day = page.current_day()

    def points() -> dict:
        item = next(page.picker.item(i) for i in range(page.picker.count())
                    if page.picker.item(i).text().startswith(EXERCISE))
        page.picker.scrollToItem(item)
        rect = page.picker.visualItemRect(item)
        target = page.lists[day]
        first = target.visualItemRect(target.item(0))  # onto the first row: it goes first
        return {"exercise": _centre(page.picker.viewport(), rect.center()),
                "day": _centre(target.viewport(), first.center())}

    return wizard, points, lambda: {"day": day, "names": page.lists[day].names(),
                                    "choices": list(wizard.day_choices.get(day, ()))}


def _calendar(folder: Path):
    from models.sessions import create_session, sessions_between
    from models.storage.schema import Exercise, SessionExercise
    from ui.app import load_data
    from ui.main_window import MainWindow

    today = date.today()
    monday = today - timedelta(days=today.weekday())
    session_day, empty_day = monday + timedelta(days=1), monday + timedelta(days=3)
    create_session(session_day, "Pull", [Exercise.get(Exercise.name == "Barbell Row").id])
    window = MainWindow(QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat))
    window.setGeometry(0, 0, 1280, 720)
    window.show()
    load_data(window, folder / "overload.sqlite", interactive=False)
    window.raise_()
    window.activateWindow()
    panel = window.library_panel

    def points() -> dict:
        panel.search_edit.setText(EXERCISE)
        index = panel.proxy.index(0, 0)
        rect = panel.table.visualRect(index)
        calendar = window.calendar
        chip = calendar.cell_for(session_day).chips[0]
        return {"exercise": _centre(panel.table.viewport(), rect.center()),
                "session": _centre(chip),
                "empty_day": _centre(calendar.cell_for(empty_day))}

    def results() -> dict:
        days = {}
        for summary in sessions_between(monday, monday + timedelta(days=6)):
            names = [r.exercise.name for r in SessionExercise.select()
                     .where(SessionExercise.session == summary.id)
                     .order_by(SessionExercise.position)]
            days.setdefault(summary.date.isoformat(), []).append(names)
        return {"days": days, "session_day": session_day.isoformat(),
                "empty_day": empty_day.isoformat()}

    return window, points, results


def _week(folder: Path):
    """This week in the planner: Tuesday's Pull (three exercises) and Thursday's Back."""
    from models.sessions import create_session, sessions_between
    from models.storage.schema import Exercise, SessionExercise
    from ui.app import load_data
    from ui.main_window import MainWindow

    def ids(*names: str) -> list[int]:
        return [Exercise.get(Exercise.name == name).id for name in names]

    today = date.today()
    monday = today - timedelta(days=today.weekday())
    pull_day, back_day = monday + timedelta(days=1), monday + timedelta(days=3)
    pull = create_session(pull_day, "Pull", ids("Barbell Row", "Lat Pulldown", "Face Pull"))
    back = create_session(back_day, "Back", ids("Cable Row"))
    window = MainWindow(QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat))
    window.setGeometry(0, 0, 1280, 720)
    window.show()
    load_data(window, folder / "overload.sqlite", interactive=False)
    window.calendar.show_date(today)
    window.calendar.set_mode("week")
    window.raise_()
    window.activateWindow()
    panel = window.library_panel

    def on_row(day: date, session_id: int, index: int) -> list[int]:
        """A quarter down an exercise row: onto its position (the upper half)."""
        card = next(c for c in window.calendar.cell_for(day).cards
                    if c.summary.id == session_id)
        row = card.rows[index]
        return _centre(row, QPoint(row.width() // 2, row.height() // 4))

    def points() -> dict:
        panel.search_edit.setText(EXERCISE)
        rect = panel.table.visualRect(panel.proxy.index(0, 0))
        return {"exercise": _centre(panel.table.viewport(), rect.center()),
                "pull_position_1": on_row(pull_day, pull, 1),
                "pull_first_row": on_row(pull_day, pull, 0),
                "back_position_0": on_row(back_day, back, 0)}

    def results() -> dict:
        sessions = {}
        for summary in sessions_between(monday, monday + timedelta(days=6)):
            sessions[summary.name] = [r.exercise.name for r in SessionExercise.select()
                                      .where(SessionExercise.session == summary.id)
                                      .order_by(SessionExercise.position)]
        return {"sessions": sessions}

    return window, points, results


def _keyboard(folder: Path):
    """Today holds a planned session; the journey opens it and logs a set, keys only."""
    from models.sessions import create_session
    from models.storage.schema import Exercise, LoggedSet
    from ui.app import load_data
    from ui.main_window import MainWindow

    today = date.today()
    session_id = create_session(today, "Pull", [Exercise.get(Exercise.name == "Barbell Row").id])
    window = MainWindow(QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat))
    window.setGeometry(0, 0, 1280, 720)
    window.show()
    load_data(window, folder / "overload.sqlite", interactive=False)
    window.raise_()
    window.activateWindow()

    def results() -> dict:
        sets = [(s.load_kg, s.reps) for s in LoggedSet.select()]
        return {"sets": sets, "session": session_id,
                "open": window.session_editor.session_id}

    return window, lambda: {"window": _centre(window)}, results


if __name__ == "__main__":
    sys.exit(main())
