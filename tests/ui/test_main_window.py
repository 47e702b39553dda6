"""The main window: menus with standard shortcuts, dock, layout kept, honest empty state."""

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QMessageBox

from models.storage.db import close_database
from models.storage.paths import data_dir
from models.storage.schema import Exercise, LoggedSet, Session, SessionExercise
from ui.app import open_or_offer_fresh
from ui.library.library_dock import ExerciseLibraryPanel
from ui.store import Store

ROOT = Path(__file__).resolve().parents[2]


def menu_titles(window):
    return [a.text().replace("&", "") for a in window.menuBar().actions()]


def test_the_window_appears_before_the_database_is_touched():
    """The shell imports no ORM and no training rules, nor the dates' and numbers' texts
    (ui.locale_text): they load after the first frame."""
    code = ("import sys, main, ui.app, ui.main_window; "
            "bad = [m for m in ('peewee', 'models.storage.db', 'models.library', 'pyqtgraph', "
            "'ui.locale_text') if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_menus_and_standard_shortcuts(window):
    assert window.objectName() == "mainWindow"
    assert menu_titles(window) == ["File", "Edit", "View", "Training", "Help"]
    undo = window.findChild(type(window.menuBar().actions()[0]), "undoAction")
    assert undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    redo = window.findChild(type(undo), "redoAction")
    assert QKeySequence("Ctrl+Shift+Z") in redo.shortcuts()
    quit_action = window.findChild(type(undo), "quitAction")
    assert quit_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    assert window.statusBar().isVisible()
    assert str(window.db_path) in window.db_label.text()


def test_library_dock_is_present_and_toggleable(window):
    dock = window.findChild(QDockWidget, "exerciseLibrary")
    assert isinstance(dock.widget(), ExerciseLibraryPanel) and dock.isVisible()
    dock.toggleViewAction().trigger()
    assert not dock.isVisible()
    window.reset_layout()
    assert dock.isVisible()


def test_empty_state_is_honest(window):
    assert "No program yet" in window.empty_state.text()
    assert window.week_panel.summary.text().startswith("0 of 14 muscle groups")


def test_week_panel_follows_logged_sets_and_landmark_edits(window, qtbot):
    from models.landmarks import load_landmarks
    from models.rules.domain import Landmarks
    from ui.commands import SetLandmarksCommand

    store = window.store
    session = Session.create(date=date.today(), status="done")
    se = SessionExercise.create(session=session, exercise=Exercise.get(name="Barbell Row"),
                                rep_low=6, rep_high=10, target_sets=12)
    LoggedSet.insert_many([{"session_exercise": se, "position": i, "kind": "working",
                            "load_kg": 60, "reps": 8} for i in range(12)]).execute()
    store.sessions_changed.emit()
    gauge = window.week_panel.gauge("back")
    assert gauge.sets == 12 and gauge.planned == 12 and gauge.status.value == "productive"
    before = load_landmarks()
    store.push(SetLandmarksCommand(store, before, {"back": Landmarks(6, 8, 10, 12, 14)}))
    assert gauge.status.value == "optimal" and gauge.landmarks.mrv == 14
    assert "Counting rule: fractional" in window.week_panel.rule_label.text()


def test_geometry_and_dock_state_are_kept(db, db_path, tmp_path, qtbot):
    from ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.show()
    first.attach(Store(), db_path)
    first.library.hide()
    first.resize(first.width(), 611)  # the offscreen screen is 800×800
    qtbot.waitUntil(lambda: first.height() == 611)
    first.close()
    second = MainWindow(QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(second)
    second.show()
    second.attach(Store(), db_path)
    assert second.height() == 611
    assert not second.library.isVisible()


def test_data_folder_is_qts_data_location_plus_overload(qapp, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    qt_path = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    assert data_dir() == Path(qt_path) / "Overload" == tmp_path / "Overload"


def test_a_bad_database_offers_a_fresh_one_beside_it(qtbot, tmp_path):
    bad = tmp_path / "overload.sqlite"
    bad.write_bytes(b"\x00garbage" * 100)

    def click_start_fresh():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and str(bad) in box.text()
        button = next(b for b in box.buttons() if b.text() == "Start a fresh database")
        button.click()

    QTimer.singleShot(0, click_start_fresh)
    opened = open_or_offer_fresh(bad, interactive=True)
    try:
        assert opened is not None and opened != bad and opened.parent == tmp_path
        assert opened.exists() and bad.read_bytes() == b"\x00garbage" * 100
    finally:
        close_database()


def _smoke_in_child(tmp_path, before: str = "pass", after: str = "pass"):
    code = (f"import sys, main; {before}; "
            f"rc = main.main(['--smoke', '--db', {str(tmp_path / 'o.sqlite')!r}]); "
            f"{after}; sys.exit(rc)")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_smoke_run_shows_the_window_before_pyqtgraph_then_draws_the_charts(tmp_path):
    # Whether pyqtgraph was loaded, as each start-up trace point passes.
    spy = ("import ui.app; seen = {}; "
           "ui.app.trace = lambda event: seen.setdefault(event, 'pyqtgraph' in sys.modules)")
    # In this order: the first frame is painted before the database is opened.
    check = ("assert list(seen)[:3] == ['window shown', 'window painted', 'data loaded'], seen; "
             "assert not any(seen[e] for e in list(seen)[:3]), seen; "
             "assert 'pyqtgraph' in sys.modules")
    result = _smoke_in_child(tmp_path, spy, check)
    assert result.returncode == 0, result.stderr
    assert "smoke: main window shown" in result.stdout
    assert "smoke: charts drawn" in result.stdout
    assert (tmp_path / "o.sqlite").exists()


def test_smoke_run_fails_and_says_so_when_charts_cannot_draw(tmp_path):
    result = _smoke_in_child(tmp_path, before="sys.modules['pyqtgraph'] = None")
    assert result.returncode == 1
    assert "smoke: main window shown" in result.stdout
    assert "smoke: charts NOT drawn: ModuleNotFoundError" in result.stdout


def test_default_database_goes_to_the_user_data_folder(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, "main.py", "--smoke"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "Overload" / "overload.sqlite").exists()


def test_unknown_arguments_give_usage_and_exit_2():
    result = subprocess.run([sys.executable, "main.py", "--bogus"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "usage:" in result.stderr


def test_the_qt_binding_keeps_none_alive(qapp):
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a method that
    returns None, until the interpreter aborts ("none_dealloc"): requirements.txt pins a
    release without that bug, and this test keeps it pinned."""
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
    assert sys.getrefcount(None) - before > -100


def test_double_clicking_a_session_opens_it_in_the_session_editor(window, qtbot):
    from models.sessions import create_session

    today = date.today()
    session_id = create_session(today, "Pull", [Exercise.get(name="Barbell Row").id])
    window.store.sessions_changed.emit()
    assert not window.session_dock.isVisible()
    chip = window.calendar.cell_for(today).chips[0]
    qtbot.mouseDClick(chip, Qt.MouseButton.LeftButton)
    assert window.session_dock.isVisible()
    assert window.session_editor.session_id == session_id
    assert window.session_editor.objectName() == "sessionEditor"


def test_a_failure_while_loading_ends_the_run_instead_of_leaving_an_empty_window(tmp_path):
    """An exception in the start-up slot used to be printed and swallowed by Qt: the window stayed
    empty (and --smoke never ended). Now it is logged, said, and the app exits 1."""
    code = ("import sys, main, ui.app\n"
            "def broken(*args, **kwargs): raise RuntimeError('library file unreadable')\n"
            "ui.app.connect_data = broken\n"
            f"sys.exit(main.main(['--db', {str(tmp_path / 'x.sqlite')!r}, '--smoke']))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "Overload could not start" in result.stderr
    assert "RuntimeError: library file unreadable" in result.stderr


def test_every_control_has_a_name_for_assistive_technology(window, qtbot):
    """Keyboard and screen-reader users meet each control by its name: its own accessible name,
    the label it is the buddy of, or its own text (a button's)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar, QWidget

    from models.sessions import create_session

    session_id = create_session(date.today(), "Pull", [Exercise.get(name="Barbell Row").id])
    window.store.sessions_changed.emit()
    window.open_session(session_id)
    buddies = {label.buddy() for label in window.findChildren(QLabel) if label.buddy()}

    def named(widget) -> bool:
        if widget.objectName() == "qt_spinbox_lineedit":  # a spin box's own editor
            widget = widget.parentWidget()
        return bool(widget.accessibleName() or widget in buddies
                    or (isinstance(widget, QAbstractButton) and widget.text()))

    unnamed = [f"{type(w).__name__} {w.objectName()}" for w in window.findChildren(QWidget)
               if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(window)
               and not isinstance(w, QTabBar) and not named(w)]
    assert unnamed == []


def test_the_window_fits_a_1280_by_720_laptop_with_a_session_open(window, qtbot):
    """The window could not be made smaller than 1386×777 with both docks: every panel now
    scrolls where there is no room, and the calendar and the week split the height."""
    from models.sessions import create_session

    session_id = create_session(date.today(), "Pull", [Exercise.get(name="Barbell Row").id])
    window.store.sessions_changed.emit()
    window.open_session(session_id)
    window.library.show()
    qtbot.wait(10)
    needed = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert needed.width() <= 1280 and needed.height() <= 720 - 40, needed  # 40: the desktop's bar


def test_on_a_small_screen_the_session_editor_shares_the_librarys_place(window_settings, qtbot,
                                                                      db, db_path):
    from ui.main_window import MainWindow

    small = MainWindow(window_settings)
    qtbot.addWidget(small)
    small.resize(1280, 700)
    small.show()
    qtbot.waitExposed(small)
    small.attach(Store(), db_path)
    qtbot.wait(20)  # the default layout is set once the central widget is laid out
    from models.sessions import create_session

    session_id = create_session(date.today(), "Pull", [Exercise.get(name="Barbell Row").id])
    small.store.sessions_changed.emit()
    small.open_session(session_id)
    qtbot.wait(20)
    assert small.session_dock in small.tabifiedDockWidgets(small.library)
    assert small.calendar.width() > 700  # the calendar keeps its room


def test_on_a_big_screen_the_library_shows_every_name_and_the_calendar_keeps_its_room(
        window_settings, qtbot, db, db_path):
    """At 2560 wide the dock was ~300 px ("Band Overhead Pr…") beside a 2000-px calendar."""
    from ui.main_window import LIBRARY_SHARE, MainWindow

    big = MainWindow(window_settings)
    qtbot.addWidget(big)
    big.resize(2560, 1370)
    big.show()
    qtbot.waitExposed(big)
    big.attach(Store(), db_path)
    qtbot.wait(50)  # the default layout is set once the central widget is laid out
    panel = big.library_panel
    assert panel.width() >= panel.preferred_width() - 2
    assert big.library.width() <= 2560 * LIBRARY_SHARE
    assert big.calendar.width() > 1400


def test_the_plan_page_gives_the_month_a_row_of_badges_at_1280_by_650(window_settings, qtbot,
                                                                        db, db_path):
    """At the default size the month's last row was cut; now every day has the room for a
    session with a row of badges, and the week's volume below scrolls."""
    from tests.shared import save_block
    from ui.calendar.calendar_view import chip_height
    from ui.main_window import MainWindow

    save_block()
    laptop = MainWindow(window_settings)
    qtbot.addWidget(laptop)
    laptop.resize(1280, 650)
    laptop.show()
    qtbot.waitExposed(laptop)
    laptop.attach(Store(), db_path)
    laptop.calendar.show_date(date(2026, 11, 2))
    qtbot.wait(50)
    cells = [cell for cell in laptop.calendar.cells if cell.chips]
    assert cells and all(cell.chips[0].height() >= chip_height(cell.font(), 1)
                         for cell in cells)
    last_row = laptop.calendar.cells[-1]
    assert last_row.geometry().bottom() < laptop.calendar.height()


def test_loading_starts_only_once_the_first_frame_is_painted(qtbot):
    """Under a real window server the expose comes later than the first event-loop turn; a
    database opened before it left the mapped window black for the whole load (issue 18)."""
    from PySide6.QtWidgets import QLabel

    from ui.app import after_first_paint

    class Counted(QLabel):
        paints = 0

        def paintEvent(self, event) -> None:
            Counted.paints += 1
            super().paintEvent(event)

    window = Counted("Opening your training log…")
    qtbot.addWidget(window)
    painted_at_load: list[int] = []
    window.show()
    after_first_paint(window, lambda: painted_at_load.append(Counted.paints))
    qtbot.waitUntil(lambda: bool(painted_at_load), timeout=3000)
    assert painted_at_load[0] >= 1


def test_the_gui_process_ends_cleanly_while_pyqtgraph_is_still_importing(tmp_path):
    """Quitting while the idle pyqtgraph import runs on its thread crashed the interpreter's
    teardown (a segmentation fault at exit) now and then; main._leave ends the process
    without it."""
    code = ("import sys, threading, main, ui.app\n"
            "threading.Thread(target=lambda: __import__('pyqtgraph'), daemon=True).start()\n"
            "print('left', flush=True)\n"
            "main._leave(0)\n"
            "print('never')\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "left\n"


def test_no_work_starts_once_the_application_quits(tmp_path):
    """A timer that fires while the app quits (the daily backup's, 1 s after the data) started
    a copy after the workers had been waited for; the process then ended mid-copy, leaving a
    half-written file. Once quitting, a worker does not start."""
    code = ("import threading\n"
            "from PySide6.QtCore import QCoreApplication\n"
            "from ui.worker import run_in_worker, wait_for_workers\n"
            "app = QCoreApplication([])\n"
            "ran = threading.Event()\n"
            "wait_for_workers(closing=True)\n"
            "handle = run_in_worker(None, lambda report: ran.set(), on_done=print,\n"
            "                       on_error=print)\n"
            "handle.wait(2000)\n"
            "print('ran' if ran.is_set() else 'not started', handle.is_running())\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "not started False"
