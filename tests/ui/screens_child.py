"""Every main screen, drawn and measured: a child process of tests/ui/test_screens.py.

    QT_QPA_PLATFORM=offscreen python tests/ui/screens_child.py OUT_DIR WIDTHxHEIGHT THEME \
        [--font-delta N]

The screen is the size given (logical pixels, QT_SCALE_FACTOR and the offscreen platform's
configfile set by the parent), the theme light or dark, the application font N points larger
than the platform's (a desktop's "large text"). A real database holds a saved 4-week block with
its first week logged; the real main window fills the screen and visits the Plan page (month
and week), the session editor, each chart, the library, each page of the program wizard, and
the dialogs (preferences, landmarks, exercise, import preview and mapping, feedback, plates,
print, import history). Each screen is saved as OUT_DIR/<screen>.png (widget.grab()) and
measured with tests/ui/clipping.py; the last line of stdout is a JSON list of what was cut.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ui.sizing import TITLE_BAR  # noqa: E402 — after the path is set

FIXTURES = ROOT / "tests" / "fixtures" / "imports"
# A desktop's panel or task bar (~32–48 px): the main window, maximized, gets the screen's
# height less this and its title bar (ui.sizing.TITLE_BAR). The offscreen screen has no panel:
# a dialog must fit its height less a title bar (on a real desktop, the available height less
# one, which is what ui.sizing.fit_to_screen gives it).
PANEL = 30
WORKING_LOAD_KG = 60.0
WORKING_REPS = 10


def main(argv: list[str]) -> int:
    out, size, theme = Path(argv[0]), argv[1], argv[2]
    font_delta = int(argv[argv.index("--font-delta") + 1]) if "--font-delta" in argv else 0
    width, height = (int(part) for part in size.split("x"))
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["XDG_CONFIG_HOME"] = str(Path(scratch) / "config")  # no user settings
        problems = run(Path(scratch), out, (width, height), theme, font_delta)
    print(json.dumps([str(problem) for problem in problems]))
    return 0


def run(scratch: Path, out: Path, size: tuple[int, int], theme: str,
        font_delta: int) -> list[str]:
    from PySide6.QtCore import QSettings

    from models.opening import open_database
    from models.storage.db import close_database
    from ui.app import create_application
    from ui.main_window import MainWindow
    from ui.store import Store
    from ui.theme import Theme, apply_theme

    app = create_application()
    if font_delta:
        font = app.font()
        font.setPointSizeF(font.pointSizeF() + font_delta)
        app.setFont(font)
    apply_theme(Theme(theme))
    db_path = scratch / "overload.sqlite"
    open_database(db_path)
    mesocycle = history()
    window = MainWindow(QSettings(str(scratch / "window.ini"), QSettings.Format.IniFormat))
    window.resize(size[0], size[1] - PANEL - TITLE_BAR)
    window.show()
    window.attach(Store(), db_path)
    settle()
    screens = Screens(window, out, mesocycle, scratch)
    try:
        return screens.visit_all()
    finally:
        window.close()
        close_database()


def history() -> int:
    """The block of tests/shared.py, its first week done: every target set logged."""
    from models.sessions import log_set, set_status
    from models.storage.schema import SessionExercise
    from tests.shared import save_block, week_sessions

    mesocycle = save_block()
    for session in week_sessions(mesocycle, 1):
        for entry in SessionExercise.select().where(SessionExercise.session == session.id):
            for _ in range(entry.target_sets):
                log_set(entry.id, kind="working", load_kg=WORKING_LOAD_KG, reps=WORKING_REPS,
                        rir=2)
        set_status(session.id, "done")
    return mesocycle


def settle(ms: int = 60) -> None:
    """Let layouts, deferred redraws and first paints happen."""
    from PySide6.QtTest import QTest

    QTest.qWait(ms)


class Screens:
    """Each screen set up, saved as a PNG and measured; `visit_all()` lists what was cut,
    each prefixed with its screen's name."""

    def __init__(self, window, out: Path, mesocycle: int, scratch: Path):
        self.window, self.out, self.mesocycle, self.scratch = window, out, mesocycle, scratch
        self.problems: list[str] = []

    def visit_all(self) -> list[str]:
        for visit in (self.plan_month, self.plan_week, self.session_done,
                      self.session_planned, self.charts, self.library_wide, self.wizard,
                      self.preferences, self.landmarks, self.exercise_dialog,
                      self.import_dialog, self.feedback, self.plates, self.print_dialog,
                      self.import_history):
            visit()
        return self.problems

    def measure(self, name: str, widget) -> None:
        from tests.ui.clipping import clipped_texts

        settle()
        widget.grab().save(str(self.out / f"{name}.png"))
        self.problems.extend(f"{name}: {problem}" for problem in clipped_texts(widget))
        screen = widget.screen().availableGeometry()
        room = (screen.width(), screen.height() - TITLE_BAR)
        if widget.width() > room[0] or widget.height() > room[1]:
            self.problems.append(f"{name}: {widget.width()}×{widget.height()} is larger than "
                                 f"the room a {screen.width()}×{screen.height()} screen leaves "
                                 f"it ({room[0]}×{room[1]})")

    def sessions(self, week: int):
        from tests.shared import week_sessions

        return week_sessions(self.mesocycle, week)

    # --- the main window ------------------------------------------------------------------------

    def plan_month(self) -> None:
        window = self.window
        window.show_plan()
        window.calendar.set_mode("month")
        window.calendar.show_date(self.sessions(1)[0].date + timedelta(days=7))
        self.measure("plan-month", window)

    def plan_week(self) -> None:
        self.window.calendar.set_mode("week")
        self.window.calendar.show_date(self.sessions(1)[0].date)
        self.measure("plan-week", self.window)
        self.window.calendar.show_date(self.sessions(2)[0].date)
        self.measure("plan-week-planned", self.window)
        self.window.calendar.set_mode("month")

    def session_done(self) -> None:
        self.window.open_session(self.sessions(1)[0].id)
        self.measure("session-done", self.window)

    def session_planned(self) -> None:
        self.window.open_session(self.sessions(2)[1].id)
        self.measure("session-planned", self.window)
        self.window.session_editor.grid_button.setChecked(True)  # the paper sheet's grid
        self.measure("session-grid", self.window)
        self.window.session_editor.grid_button.setChecked(False)
        self.window.session_dock.hide()

    def charts(self) -> None:
        from models.storage.schema import SessionExercise

        window = self.window
        window.show_charts()
        for key in ("volume", "glance", "progress"):
            if key == "progress":
                first = SessionExercise.select().where(
                    SessionExercise.session == self.sessions(1)[0].id).first()
                window.charts.show_exercise(first.exercise_id)
            window.charts.show_chart(key)
            settle(300)  # pyqtgraph's first paint
            self.measure(f"charts-{key}", window)
        window.show_plan()

    def library_wide(self) -> None:
        """The library dock with every column shown, as a user widens it to see them."""
        from ui.library.exercise_model import COL_EQUIPMENT, COL_PATTERN

        panel = self.window.library_panel
        for column in (COL_PATTERN, COL_EQUIPMENT):
            panel.table.setColumnHidden(column, False)
        panel.table.selectRow(0)
        self.measure("library", self.window)
        for column in (COL_PATTERN, COL_EQUIPMENT):
            panel.table.setColumnHidden(column, True)

    # --- the wizard and the dialogs ---------------------------------------------------------

    def wizard(self) -> None:
        from PySide6.QtWidgets import QWizard

        self.window.new_program()
        wizard = self.window.program_wizard
        for page in ("goal", "schedule", "priorities", "exercises", "review"):
            settle()
            self.measure(f"wizard-{page}", wizard)
            if page != "review":
                wizard.button(QWizard.WizardButton.NextButton).click()
        wizard.reject()

    def dialog(self, name: str, dialog, prepare: Callable[[], None] | None = None) -> None:
        dialog.show()
        if prepare is not None:
            prepare()
        self.measure(name, dialog)
        dialog.reject()
        dialog.deleteLater()

    def preferences(self) -> None:
        from ui.settings.preferences_dialog import PreferencesDialog

        self.dialog("preferences", PreferencesDialog(self.window.store.settings, self.window,
                                                     import_folder=self.scratch / "phone"))

    def landmarks(self) -> None:
        from ui.settings.landmarks_dialog import LandmarksEditor

        self.dialog("landmarks", LandmarksEditor(self.window.store.landmarks(), self.window))

    def exercise_dialog(self) -> None:
        from models.library import get_exercise
        from models.storage.schema import SessionExercise
        from ui.library.exercise_dialog import ExerciseDialog

        entry = SessionExercise.select().first()
        self.dialog("exercise", ExerciseDialog(get_exercise(entry.exercise_id), self.window))

    def import_dialog(self) -> None:
        from ui.transfer.import_dialog import ImportDialog

        path = self.scratch / "hevy.csv"
        text = (FIXTURES / "hevy_kg.csv").read_text(encoding="utf-8")
        path.write_text(text.replace("Seated Cable Row", "Seated Low Cable Row"), "utf-8")
        dialog = ImportDialog(self.window.store, self.window.db_path, parent=self.window)
        dialog.show()
        loaded: list[object] = []
        dialog.preview_ready.connect(loaded.append)
        dialog.load_file(path)
        wait_for(lambda: bool(loaded))
        self.measure("import-preview", dialog)
        dialog.next_button.click()
        self.measure("import-mapping", dialog)
        dialog.reject()
        dialog.deleteLater()

    def feedback(self) -> None:
        from models import adaptation as fs
        from ui.session.feedback_dialog import FeedbackDialog

        session = self.sessions(1)[0]
        self.dialog("feedback", FeedbackDialog(fs.trained_groups(session.id), None,
                                               self.window))

    def plates(self) -> None:
        self.window.open_session(self.sessions(2)[0].id)
        editor = self.window.session_editor
        editor.set_entry.load_spin.setValue(102.5)
        calculator = editor.show_plate_calculator()
        self.measure("plates", calculator)
        calculator.reject()
        self.window.session_dock.hide()

    def print_dialog(self) -> None:
        from ui.printing.print_dialog import PrintSheetsDialog

        self.dialog("print", PrintSheetsDialog(self.window.db_path, self.window))

    def import_history(self) -> None:
        from ui.transfer.import_folder import ImportHistoryDialog

        self.dialog("import-history", ImportHistoryDialog(self.window))


def wait_for(condition: Callable[[], bool], timeout_ms: int = 15_000) -> None:
    from PySide6.QtTest import QTest

    waited = 0
    while not condition():
        if waited >= timeout_ms:
            raise SystemExit("timed out waiting for the import preview")
        QTest.qWait(20)
        waited += 20


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
