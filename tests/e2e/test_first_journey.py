"""A new user's first session, end to end, in the real main window built as `overload` builds it
(ui.app.load_data on an empty database): Training ▸ New program… → the wizard, driven with mouse
and keyboard → a library exercise dropped onto a session of the calendar → that session opened
with a double-click and every set logged with the keyboard (Return, F2), marked done with
Ctrl+Return (the feedback dialog that follows skipped with Escape) → the Charts tab's volume
chart shows those sets in their week."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QPointF, QSettings, Qt
from PySide6.QtGui import QAction, QDropEvent
from PySide6.QtWidgets import QApplication, QWizard

from models.storage.db import close_database
from models.storage.schema import Exercise, LoggedSet, Mesocycle, Session, SessionExercise
from tests.ui.charts import plotted

DROPPED = "Barbell Curl"  # biceps, primary; in no beginner plan's first session by default
GROUP = "biceps"


def build_window(tmp_path, qtbot):
    from ui.app import load_data
    from ui.main_window import MainWindow

    window = MainWindow(QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert load_data(window, tmp_path / "overload.sqlite", interactive=True)
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def key(qtbot, key_code, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed on whatever has the keyboard focus, as a user presses it."""
    qtbot.keyClick(QApplication.focusWidget(), key_code, modifier)


def run_wizard(window, qtbot, monday: date) -> None:
    window.findChild(QAction, "newProgramAction").trigger()  # Training ▸ New program…
    wizard = window.program_wizard
    qtbot.waitExposed(wizard)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.keyClicks(wizard.goal.name_edit, "First block")
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    schedule = wizard.schedule
    schedule.start_edit.setDate(QDate(monday))  # from the date popup: this week's Monday
    schedule.weeks_spin.setFocus()
    schedule.weeks_spin.selectAll()
    qtbot.keyClicks(schedule.weeks_spin, "4")
    for _page in ("priorities", "exercises", "review"):
        qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.review
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert Mesocycle.get().name == "First block"


def drop_from_library(window, qtbot, chip) -> None:
    """The library's own drag data for DROPPED, dropped on the chip (QTest cannot drag)."""
    panel = window.library_panel
    qtbot.keyClicks(panel.search_edit, DROPPED)
    row = next(r for r in range(panel.proxy.rowCount())
               if panel.proxy.index(r, 0).data() == DROPPED)
    mime = panel.proxy.mimeData([panel.proxy.index(row, 0)])
    cell = chip.parentWidget()
    event = QDropEvent(QPointF(chip.geometry().center()), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    cell.dropEvent(event)
    assert event.isAccepted()


def log_every_set(window, qtbot) -> None:
    """Each exercise: its load typed and Return for the first set, F2 for the rest; the editor
    moves on to the next exercise by itself."""
    editor = window.session_editor
    load = editor.set_entry.load_spin
    # Opening a session puts the keyboard in the load field: no click needed.
    qtbot.waitUntil(load.hasFocus)
    for _ in range(editor.exercise_model.rowCount()):
        info = editor.selected_exercise()
        assert load.hasFocus(), QApplication.focusWidget()
        load.selectAll()  # as focus_load() leaves it after each set
        qtbot.keyClicks(load, "40")
        key(qtbot, Qt.Key.Key_Return)
        for _ in range(info.target_sets - 1):
            key(qtbot, Qt.Key.Key_F2)
    assert "All exercises done" in editor.message
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Mark done
    feedback = QApplication.activeModalWidget()
    if feedback is not None:  # "how did each muscle recover?": skipped, as Escape does
        qtbot.keyClick(feedback, Qt.Key.Key_Escape)
        assert not feedback.isVisible()


def sets_in_week(monday: date, group: str) -> float:
    """Fractional count straight from the tables: 1 per set as primary, ½ as secondary."""
    total = 0.0
    sunday = monday + timedelta(days=6)
    for logged in (LoggedSet.select().join(SessionExercise).join(Session)
                   .where(Session.status == "done", Session.date.between(monday, sunday),
                          LoggedSet.kind != "warmup")):
        exercise = logged.session_exercise.exercise
        if exercise.primary_group_id == group:
            total += 1
        elif group in {s.group_key for s in exercise.secondaries}:
            total += 0.5
    return total


def test_a_new_user_plans_drops_logs_and_sees_the_volume(tmp_path, qtbot):
    window = build_window(tmp_path, qtbot)
    try:
        qtbot.waitUntil(window.empty_state.isVisible)  # an empty database: the welcome note
        monday = date.today() - timedelta(days=date.today().weekday())
        run_wizard(window, qtbot, monday)
        assert not window.empty_state.isVisible()

        calendar = window.calendar
        calendar.show_date(monday)
        (chip,) = calendar.cell_for(monday).chips
        session_id = chip.summary.id
        drop_from_library(window, qtbot, chip)
        names = [se.exercise.name for se in SessionExercise.select()
                 .where(SessionExercise.session == session_id)]
        assert names[-1] == DROPPED

        chip = calendar.cell_for(monday).chips[0]  # redrawn after the drop
        qtbot.mouseDClick(chip, Qt.MouseButton.LeftButton)
        assert window.session_editor.session_id == session_id
        assert window.session_dock.isVisible()
        log_every_set(window, qtbot)
        session = Session.get_by_id(session_id)
        assert session.status == "done"
        targets = sum(se.target_sets for se in session.exercises)
        logged = (LoggedSet.select().join(SessionExercise)
                  .where(SessionExercise.session == session_id))
        assert logged.count() == targets
        curl = Exercise.get(Exercise.name == DROPPED)
        assert logged.where(SessionExercise.exercise == curl).count() > 0

        window.findChild(QAction, "showChartsAction").trigger()  # View ▸ Charts
        charts = window.charts
        assert window.pages.currentWidget() is charts and charts.current_chart() == "volume"
        charts.show_group([GROUP])
        weeks = plotted.volume_bar_starts(charts)
        heights = dict(zip(weeks, plotted.volume_bar_heights(charts), strict=True))
        expected = sets_in_week(monday, GROUP)
        assert expected >= 1
        assert heights[monday] == expected
        assert all(h == 0 for week, h in heights.items() if week != monday)
    finally:
        window.close()
        close_database()
