"""The session editor over a real database: drops, reorders, logging by keyboard, every change
undone and redone, validation messages, and the rest timer."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication

from models import sessions as ms
from models.rules.domain import LB_TO_KG
from models.sessions import LoggedSetInfo
from models.settings import update_settings
from models.storage.schema import Exercise, LoggedSet, Session, SessionExercise
from ui.mime import exercise_mime
from ui.session.rest_timer import OVER_TEXT, SKIPPED_TEXT, RestSpinBox, RestTimer, parse_rest
from ui.session.session_commands import DeleteSessionCommand, SetNotesCommand
from ui.session.session_editor import SessionEditor
from ui.session.session_models import (
    COL_KIND,
    COL_LOAD,
    COL_REPS,
    NO_EXERCISES_TEXT,
    NO_SESSION_TEXT,
    LastTimeTextRole,
    NextTargetTextRole,
    SetsDoneTextRole,
    SetTableModel,
    TargetTextRole,
    moved_order,
    session_exercise_ids_from_mime,
    session_exercise_mime,
)
from ui.theme import Tone, tone

TODAY = date(2026, 11, 25)
LAST_WEEK = TODAY - timedelta(days=7)
PULL = ["Barbell Row", "Lat Pulldown", "Helms Row"]


def exercise_id(name: str) -> int:
    return Exercise.get(Exercise.name == name).id


def names_in_db(session_id: int) -> list[str]:
    return [SessionExercise.get_by_id(se_id).exercise.name
            for se_id in ms.exercise_order(session_id)]


def names_in_view(editor: SessionEditor) -> list[str]:
    model = editor.exercise_model
    return [model.data(model.index(row)) for row in range(model.rowCount())]


def sets_in_db(se_id: int) -> list[tuple]:
    return [(s.kind, s.load_kg, s.reps, s.rir) for s in
            LoggedSet.select().where(LoggedSet.session_exercise == se_id)
            .order_by(LoggedSet.position)]


def deliver_drop(view, mime: QMimeData, pos: QPoint, action=Qt.DropAction.CopyAction):
    """QTest cannot drag: build the drop the view would receive and hand it over. The event does
    not own `mime`; the caller keeps it alive until this returns."""
    event = QDropEvent(pos, action, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    view.dropEvent(event)
    return event


def upper_half(view, row: int) -> QPoint:
    return view.visualRect(view.model().index(row, 0)).topLeft() + QPoint(10, 3)


def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key on whatever has the keyboard focus, as a user would press it."""
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


@pytest.fixture
def pull_session(db) -> int:
    """Today's pull session; last week the rows hit the top of the range and the pulldowns not."""
    old = ms.create_session(LAST_WEEK, "Pull A", [exercise_id(n) for n in PULL], status="done")
    row, pulldown, _ = ms.exercise_order(old)
    for reps in (10, 10, 10):
        ms.log_set(row, kind="working", load_kg=80, reps=reps, rir=2)
    for reps in (12, 11, 10):
        ms.log_set(pulldown, kind="working", load_kg=60, reps=reps)
    session_id = ms.create_session(TODAY, "Pull A", [exercise_id(n) for n in PULL])
    ms.set_exercise_targets(ms.exercise_order(session_id)[0], target_sets=4, target_rir=2)
    return session_id


@pytest.fixture
def editor(store, qtbot):
    widget = SessionEditor(store)
    qtbot.addWidget(widget)
    widget.resize(460, 790)  # the shape of the dock it lives in: narrow and tall
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitActive(widget)
    return widget


@pytest.fixture
def opened(editor, pull_session):
    editor.open_session(pull_session)
    return editor


# --- item models -----------------------------------------------------------------------------

def test_item_models_pass_the_model_tester(opened, qtmodeltester):
    se_id = opened.exercise_model.info_at(0).id
    ms.log_set(se_id, kind="warmup", load_kg=40, reps=10)
    ms.log_set(se_id, kind="working", load_kg=None, reps=8, rir=None)
    opened.refresh()
    assert opened.set_model.rowCount() == 2
    qtmodeltester.check(opened.exercise_model)
    qtmodeltester.check(opened.set_model)
    qtmodeltester.check(SetTableModel())  # empty and read-only


def test_rows_show_target_last_time_next_target_and_e1rm(opened):
    model = opened.exercise_model
    assert names_in_view(opened) == PULL
    row = model.index(0)
    tempo = opened.exercise_model.info_at(0).tempo
    assert model.data(row, TargetTextRole) == f"4 × 6–10 @ RIR 2 · {tempo}"
    assert model.data(row, LastTimeTextRole) == "last 18 Nov: 80 kg × 10, 10, 10"
    assert model.data(row, NextTargetTextRole) == "→ 82.5 kg × 6 @ RIR 2 · e1RM 107 kg"
    assert model.data(row, SetsDoneTextRole) == "0 / 4 sets"
    assert model.data(model.index(1), NextTargetTextRole) == "→ 60 kg × 13 · e1RM 84 kg"
    assert model.data(model.index(2), LastTimeTextRole) == "last time: not done before"
    assert model.data(model.index(2), NextTargetTextRole).startswith("→ first time")
    # The first exercise is selected and its entry row holds the progression's target.
    assert opened.selected_exercise().exercise.name == "Barbell Row"
    assert opened.set_entry.values() == {"kind": "working", "load_kg": 82.5, "reps": 6,
                                         "rir": 2.0, "seconds": None}
    assert "top of range" in opened.exercise_details.text()


def test_loads_follow_the_users_unit(opened, store):
    se_id = opened.exercise_model.info_at(0).id
    ms.log_set(se_id, kind="working", load_kg=100 * LB_TO_KG, reps=8)
    update_settings(units="lb")
    store.reload_settings()
    assert opened.set_model.headerData(COL_LOAD, Qt.Orientation.Horizontal) == "Load (lb)"
    assert opened.set_model.index(0, COL_LOAD).data() == "100"
    assert opened.exercise_model.index(0).data(LastTimeTextRole).startswith(
        "last 18 Nov: 176.37 lb × 10")
    assert opened.set_entry.load_spin.suffix() == " lb"
    assert opened.set_entry.load_spin.singleStep() == 5.0  # the barbell's step in pounds


# --- empty states ----------------------------------------------------------------------------

def test_empty_states(editor, db):
    assert editor.session_id is None
    assert editor.stack.currentWidget() is editor.empty_label
    assert editor.empty_label.text() == NO_SESSION_TEXT
    editor.open_session(ms.create_session(TODAY, "Legs"))
    assert editor.stack.currentIndex() == 1
    assert editor.exercise_list.empty_label.isVisible()
    assert editor.exercise_list.empty_label.text() == NO_EXERCISES_TEXT
    assert not editor.set_entry.isVisible()


def test_a_session_deleted_meanwhile_closes_the_editor(opened, store, qtbot, pull_session):
    with qtbot.waitSignal(opened.session_closed):
        store.push(DeleteSessionCommand(store, pull_session))
    assert opened.stack.currentWidget() is opened.empty_label
    store.undo_stack.undo()
    assert opened.session_id is None  # the user opens it again if they want it


# --- drag and drop ---------------------------------------------------------------------------

def test_a_library_exercise_dropped_on_the_upper_half_of_a_row_goes_before_it(
        opened, store, pull_session):
    view = opened.exercise_list
    mime = exercise_mime([exercise_id("Dumbbell Pullover")])
    event = deliver_drop(view, mime, upper_half(view, 1))
    assert event.isAccepted() and event.dropAction() == Qt.DropAction.CopyAction
    expected = ["Barbell Row", "Dumbbell Pullover", "Lat Pulldown", "Helms Row"]
    assert names_in_db(pull_session) == expected
    assert names_in_view(opened) == expected
    assert opened.selected_exercise().exercise.name == "Dumbbell Pullover"
    assert store.undo_stack.undoText() == "Add exercise"
    store.undo_stack.undo()
    assert names_in_db(pull_session) == PULL == names_in_view(opened)
    store.undo_stack.redo()
    assert names_in_db(pull_session) == expected == names_in_view(opened)


def test_several_dropped_exercises_are_one_undo_step_and_empty_space_appends(
        opened, store, pull_session):
    view = opened.exercise_list
    mime = exercise_mime([exercise_id("Dumbbell Pullover"), exercise_id("Machine Row")])
    last = view.visualRect(view.model().index(view.model().rowCount() - 1, 0))
    below_everything = QPoint(20, last.bottom() + 6)
    assert below_everything.y() < view.viewport().height()  # empty space under the rows
    deliver_drop(view, mime, below_everything)
    expected = [*PULL, "Dumbbell Pullover", "Machine Row"]
    assert names_in_db(pull_session) == expected == names_in_view(opened)
    assert store.undo_stack.undoText() == "Add 2 exercises"
    store.undo_stack.undo()
    assert names_in_db(pull_session) == PULL
    store.undo_stack.redo()
    assert names_in_db(pull_session) == expected


def test_dragging_a_row_inside_the_list_reorders_the_session(opened, store, pull_session):
    view = opened.exercise_list
    opened.select_exercise(opened.exercise_model.info_at(2).id)
    mime = opened.exercise_model.mimeData([opened.exercise_model.index(2)])
    assert len(session_exercise_ids_from_mime(mime)) == 1
    deliver_drop(view, mime, upper_half(view, 0), Qt.DropAction.MoveAction)
    expected = ["Helms Row", "Barbell Row", "Lat Pulldown"]
    assert names_in_db(pull_session) == expected == names_in_view(opened)
    assert opened.selected_exercise().exercise.name == "Helms Row"  # selection follows it
    store.undo_stack.undo()
    assert names_in_db(pull_session) == PULL == names_in_view(opened)
    store.undo_stack.redo()
    assert names_in_db(pull_session) == expected


def test_a_drop_indicator_is_shown_between_rows(opened):
    view = opened.exercise_list
    assert view.showDropIndicator()
    assert view.dragDropMode() == QAbstractItemView.DragDropMode.DragDrop
    mime = exercise_mime([exercise_id("Dumbbell Pullover")])
    move = QDragMoveEvent(upper_half(view, 1), Qt.DropAction.CopyAction, mime,
                          Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    view.dragMoveEvent(move)
    assert move.isAccepted()
    assert view.dropIndicatorPosition() == QAbstractItemView.DropIndicatorPosition.AboveItem
    deliver_drop(view, mime, upper_half(view, 1))
    assert view.state() == QAbstractItemView.State.NoState  # the indicator is gone


def test_a_drop_of_anything_else_is_refused(opened, pull_session):
    mime = QMimeData()
    mime.setText("Barbell Row")
    event = deliver_drop(opened.exercise_list, mime, upper_half(opened.exercise_list, 0))
    assert not event.isAccepted()
    assert names_in_db(pull_session) == PULL


@pytest.mark.parametrize(("moved", "row", "expected"), [
    ([3], 0, [3, 1, 2]),
    ([1], 3, [2, 3, 1]),
    ([1], 1, [1, 2, 3]),  # onto its own lower half: no move
    ([1, 3], 2, [2, 1, 3]),
])
def test_moved_order(moved, row, expected):
    assert moved_order([1, 2, 3], moved, row) == expected


def test_session_exercise_mime_round_trip_and_garbage():
    assert session_exercise_ids_from_mime(session_exercise_mime([4, 2])) == [4, 2]
    garbage = QMimeData()
    garbage.setData("application/x-overload-session-exercise", b"{not json")
    assert session_exercise_ids_from_mime(garbage) == []


# --- undo and redo of every change -----------------------------------------------------------

def test_delete_key_removes_the_selected_exercise(opened, store, qtbot, pull_session):
    opened.select_exercise(opened.exercise_model.info_at(1).id)
    opened.exercise_list.setFocus()
    qtbot.keyClick(opened.exercise_list, Qt.Key.Key_Delete)
    assert names_in_db(pull_session) == ["Barbell Row", "Helms Row"]
    assert opened.selected_exercise().exercise.name == "Helms Row"  # its successor
    store.undo_stack.undo()
    assert names_in_db(pull_session) == PULL == names_in_view(opened)
    store.undo_stack.redo()
    assert names_in_view(opened) == ["Barbell Row", "Helms Row"]


def test_log_edit_and_delete_a_set_with_undo_and_redo(opened, store, qtbot):
    se_id = opened.selected_exercise().id
    with qtbot.waitSignal(opened.set_logged) as logged:
        qtbot.mouseClick(opened.set_entry.log_button, Qt.MouseButton.LeftButton)
    assert sets_in_db(se_id) == [("working", 82.5, 6, 2.0)]
    set_id = logged.args[0]
    store.undo_stack.undo()
    assert sets_in_db(se_id) == [] and opened.set_model.rowCount() == 0
    store.undo_stack.redo()
    assert sets_in_db(se_id) == [("working", 82.5, 6, 2.0)]
    assert opened.set_model.index(0, COL_REPS).data() == "6"

    assert opened.set_model.setData(opened.set_model.index(0, COL_REPS), "7")
    assert opened.set_model.setData(opened.set_model.index(0, COL_KIND), "failure")
    assert sets_in_db(se_id) == [("failure", 82.5, 7, 2.0)]
    assert opened.set_model.index(0, COL_KIND).data() == "Failure"
    store.undo_stack.undo()
    store.undo_stack.undo()
    assert sets_in_db(se_id) == [("working", 82.5, 6, 2.0)]
    store.undo_stack.redo()
    assert sets_in_db(se_id) == [("working", 82.5, 7, 2.0)]

    opened.set_table.setCurrentIndex(opened.set_model.index(0, COL_REPS))
    qtbot.keyClick(opened.set_table, Qt.Key.Key_Delete)
    assert sets_in_db(se_id) == [] and opened.set_model.rowCount() == 0
    store.undo_stack.undo()
    assert LoggedSet.get_by_id(set_id).reps == 7  # back with the same id
    assert opened.set_model.rowCount() == 1
    store.undo_stack.redo()
    assert sets_in_db(se_id) == []


def test_status_buttons_and_shortcut_with_undo(opened, store, qtbot, pull_session):
    def status():
        return Session.get_by_id(pull_session).status

    qtbot.mouseClick(opened.skip_button, Qt.MouseButton.LeftButton)
    assert status() == "skipped" and opened.status_label.text() == "Skipped"
    assert not opened.skip_button.isEnabled()
    qtbot.mouseClick(opened.planned_button, Qt.MouseButton.LeftButton)
    assert status() == "planned"
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # Nothing logged yet: the first press says so and waits (a stray press closes nothing).
    assert status() == "planned"
    assert opened.message.startswith("3 of 3 exercises have no sets logged (Barbell Row")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert status() == "done" and opened.status_label.text() == "Done"
    store.undo_stack.undo()
    assert status() == "planned" and opened.status_label.text() == "Planned"
    store.undo_stack.undo()
    assert status() == "skipped"
    store.undo_stack.redo()
    store.undo_stack.redo()
    assert status() == "done"


def test_notes_are_saved_when_the_field_loses_focus(opened, store, qtbot, pull_session):
    opened.notes_edit.setFocus()
    qtbot.keyClicks(opened.notes_edit, "Grip gave out")
    assert Session.get_by_id(pull_session).notes == ""
    press(qtbot, Qt.Key.Key_Tab)  # Tab leaves the field instead of typing a tab
    assert Session.get_by_id(pull_session).notes == "Grip gave out"
    store.undo_stack.undo()
    assert Session.get_by_id(pull_session).notes == ""
    assert opened.notes_edit.toPlainText() == ""
    store.undo_stack.redo()
    assert opened.notes_edit.toPlainText() == "Grip gave out"


def test_rename_inline(opened, store, qtbot, pull_session):
    opened.name_edit.setFocus()
    opened.name_edit.selectAll()
    qtbot.keyClicks(opened.name_edit, "Pull heavy")
    qtbot.keyClick(opened.name_edit, Qt.Key.Key_Return)
    assert Session.get_by_id(pull_session).name == "Pull heavy"
    store.undo_stack.undo()
    assert Session.get_by_id(pull_session).name == "Pull A"
    assert opened.name_edit.text() == "Pull A"
    store.undo_stack.redo()
    assert opened.name_edit.text() == "Pull heavy"


def test_rest_change_is_stored_and_undoable(opened, store, qtbot):
    se_id = opened.selected_exercise().id
    spin = opened.rest_timer.default_spin
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "1:45")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert SessionExercise.get_by_id(se_id).rest_seconds == 105
    assert store.undo_stack.undoText() == "Change targets"
    store.undo_stack.undo()
    old = SessionExercise.get_by_id(se_id).rest_seconds
    assert old != 105 and spin.value() == old
    store.undo_stack.redo()
    assert spin.value() == 105


# --- the keyboard alone ----------------------------------------------------------------------

def test_a_whole_session_logged_with_the_keyboard_only_in_pounds(editor, store, qtbot):
    update_settings(units="lb")
    store.reload_settings()
    session_id = ms.create_session(TODAY, "Pull B", [exercise_id("Barbell Row"),
                                                     exercise_id("Lat Pulldown")])
    row, pulldown = ms.exercise_order(session_id)
    for se_id in (row, pulldown):
        ms.set_exercise_targets(se_id, target_sets=2)
    editor.open_session(session_id)
    assert focused() is editor.set_entry.load_spin  # opening lands on the load

    # Barbell row: 135 lb × 10 @ RIR 2, typed; then the same again with one key.
    type_text(qtbot, "135")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "10")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "2")
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is editor.set_entry.load_spin
    press(qtbot, Qt.Key.Key_F2)
    # Two working sets reach the target: the pulldown is selected, ready to type.
    assert editor.selected_exercise().id == pulldown
    assert focused() is editor.set_entry.load_spin

    # Lat pulldown: a warm-up, then a working set and the same again.
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, Qt.Key.Key_Up)  # Working → Warm-up
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "50")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "12")
    press(qtbot, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, Qt.Key.Key_Down)  # Warm-up → Working
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "100")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "11")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "1")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_F2)
    assert "All exercises done" in editor.message

    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert Session.get_by_id(session_id).status == "done"
    assert sets_in_db(row) == [("working", pytest.approx(135 * LB_TO_KG), 10, 2.0)] * 2
    assert sets_in_db(pulldown) == [("warmup", pytest.approx(50 * LB_TO_KG), 12, None),
                                    ("working", pytest.approx(100 * LB_TO_KG), 11, 1.0),
                                    ("working", pytest.approx(100 * LB_TO_KG), 11, 1.0)]
    assert editor.set_model.index(1, COL_LOAD).data() == "100"


def test_refresh_keeps_the_selected_exercise_and_what_the_entry_holds(opened, store):
    pulldown = opened.exercise_model.info_at(1).id
    opened.select_exercise(pulldown)
    opened.set_entry.load_spin.setValue(55)
    store.push(SetNotesCommand(store, opened.session_id, "changed elsewhere"))
    assert opened.selected_exercise().id == pulldown
    assert opened.set_entry.load_spin.value() == 55
    assert opened.notes_edit.toPlainText() == "changed elsewhere"


# --- validation ------------------------------------------------------------------------------

def test_an_out_of_range_edit_in_the_table_shows_a_message_and_changes_nothing(
        opened, store, qtbot):
    se_id = opened.selected_exercise().id
    ms.log_set(se_id, kind="working", load_kg=82.5, reps=6)
    opened.refresh()
    steps = store.undo_stack.count()
    table = opened.set_table
    table.setFocus()
    table.setCurrentIndex(opened.set_model.index(0, COL_REPS))
    qtbot.keyClick(table, "1")  # typing opens the cell's editor
    type_text(qtbot, "50")
    press(qtbot, Qt.Key.Key_Return)  # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: opened.message != "", timeout=1000)
    assert opened.message == "Reps: 150 is out of range (0–100)"
    assert sets_in_db(se_id) == [("working", 82.5, 6, None)]
    assert store.undo_stack.count() == steps
    assert opened.set_model.index(0, COL_REPS).data() == "6"
    assert not opened.set_model.setData(opened.set_model.index(0, COL_LOAD), "heavy")
    assert opened.message == "Load: 'heavy' is not a number"


def test_an_invalid_entry_shows_a_message_and_logs_nothing(opened, store, qtbot):
    se_id = opened.selected_exercise().id
    opened.set_entry.rir_spin.setValue(-0.5)  # inside the spin box, below what RIR allows
    press(qtbot, Qt.Key.Key_Return)
    assert opened.message == "RIR: -0.5 is negative"
    assert sets_in_db(se_id) == [] and store.undo_stack.count() == 0
    opened.set_entry.rir_spin.setValue(1)
    press(qtbot, Qt.Key.Key_Return)
    assert opened.message == "" and len(sets_in_db(se_id)) == 1


def test_same_as_last_with_nothing_logged_says_so(opened, qtbot):
    press(qtbot, Qt.Key.Key_F2)
    assert opened.message.startswith("Barbell Row: no set logged yet")
    assert opened.set_model.rowCount() == 0


def test_the_entry_spin_boxes_keep_values_inside_the_database_limits(opened):
    entry = opened.set_entry
    assert entry.reps_spin.maximum() == 100 and entry.rir_spin.maximum() == 10
    assert entry.load_spin.maximum() == 1000
    entry.set_units("lb", 5)
    assert entry.load_spin.maximum() * LB_TO_KG <= 1000


# --- rest timer ------------------------------------------------------------------------------

class FakeClock:
    def __init__(self):
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_rest_timer_counts_down_and_cues_at_zero(qtbot):
    clock = FakeClock()
    timer = RestTimer(clock=clock)
    qtbot.addWidget(timer)
    timer.start(90)
    assert timer.is_running and timer.text == "Rest 1:30"
    clock.now += 30.2
    timer.tick()
    assert timer.text == "Rest 1:00" and timer.remaining_seconds == 60
    assert 0 < timer.progress.value() < timer.progress.maximum()
    clock.now += 60
    with qtbot.waitSignal(timer.finished, timeout=100):
        timer.tick()
    assert not timer.is_running and timer.text == OVER_TEXT
    assert tone(Tone.SUCCESS).name() in timer.countdown_label.styleSheet()


def test_a_skipped_rest_never_finishes(qtbot):
    clock = FakeClock()
    timer = RestTimer(clock=clock)
    qtbot.addWidget(timer)
    timer.start(60)
    qtbot.mouseClick(timer.skip_button, Qt.MouseButton.LeftButton)
    clock.now += 120
    with qtbot.assertNotEmitted(timer.finished):
        timer.tick()
    assert timer.text == SKIPPED_TEXT and not timer.is_running


def test_rest_spin_box_reads_minutes_and_seconds(qtbot):
    assert parse_rest("2:05") == 125 and parse_rest("90") == 90
    assert parse_rest("1:75") is None and parse_rest("soon") is None
    spin = RestSpinBox()
    qtbot.addWidget(spin)
    spin.setValue(150)
    assert spin.text() == "2:30"


def test_logging_a_set_starts_the_exercises_rest_and_it_finishes(opened, store, qtbot):
    se_id = opened.selected_exercise().id
    ms.set_exercise_targets(se_id, rest_seconds=1)  # a short rest keeps the test fast
    opened.refresh()
    assert opened.rest_timer.default_seconds == 1
    press(qtbot, Qt.Key.Key_Return)
    assert opened.rest_timer.is_running
    with qtbot.waitSignal(opened.rest_timer.finished, timeout=3000):
        pass
    assert opened.rest_timer.text == "Rest over — go!"
    assert focused() is opened.set_entry.load_spin  # the cue never takes the focus


def test_a_set_kinds_and_bodyweight_show_in_the_table(qtbot):
    model = SetTableModel()
    model.set_rows([LoggedSetInfo(1, 0, "warmup", None, 12, None, None)], "kg")
    assert [model.index(0, c).data() for c in range(5)] == ["1", "Warm-up", "BW", "12", "—"]
    assert not model.setData(model.index(0, COL_REPS), "3")  # read-only without a handler


# --- the entry starts at the target; timed sets; assistance (issue 18) -------------------------

def plank_id() -> int:
    from models.library import create_exercise
    from models.rules.domain import ExerciseInfo

    return create_exercise(ExerciseInfo(name="Plank", primary="abs", pattern="core_stability",
                                        equipment="bodyweight", rep_low=1, rep_high=1,
                                        load_step_kg=0, load_step_lb=0))


def test_a_stray_return_logs_the_target_never_bodyweight_on_a_squat(editor, qtbot):
    squat = exercise_id("Barbell Back Squat")
    old = ms.create_session(LAST_WEEK, "Legs", [squat], status="done")
    for _ in range(3):
        ms.log_set(ms.exercise_order(old)[0], kind="working", load_kg=100, reps=5)
    session_id = ms.create_session(TODAY, "Legs", [squat, exercise_id("Leg Press"),
                                                   exercise_id("Pull-Up")])
    squat_se, press_se, pull_up_se = ms.exercise_order(session_id)
    editor.open_session(session_id)
    entry = editor.set_entry
    target = editor.selected_exercise().target
    assert (target.load_kg, target.reps) == (100, 6)
    assert entry.load_spin.text() == "100.00 kg" and entry.reps_spin.value() == 6
    press(qtbot, Qt.Key.Key_Return)  # the load field has the keyboard: a stray Return
    assert sets_in_db(squat_se) == [("working", 100, 6, None)]

    # A loaded exercise done for the first time: no load to start from, and not "BW" either.
    editor.select_exercise(press_se)
    assert entry.load_spin.text() == "—" and entry.load_missing()
    assert "takes one" in entry.load_spin.toolTip()
    press(qtbot, Qt.Key.Key_Return)
    assert sets_in_db(press_se) == []
    assert editor.message == ("Leg Press: type the load first — this exercise takes one, so it "
                              "is never logged as bodyweight")
    entry.focus_load()
    type_text(qtbot, "140")
    press(qtbot, Qt.Key.Key_Return)
    assert sets_in_db(press_se) == [("working", 140, 8, None)]

    # A bodyweight exercise starts at bodyweight, and logs it.
    editor.select_exercise(pull_up_se)
    assert entry.load_spin.text() == "BW" and not entry.load_missing()
    press(qtbot, Qt.Key.Key_Return)
    assert sets_in_db(pull_up_se) == [("working", None, 6, None)]


def test_a_timed_set_is_logged_from_the_keyboard_and_shown_in_seconds(editor, store, qtbot):
    plank = plank_id()
    last_week = ms.create_session(LAST_WEEK, "Core", [plank], status="done")
    ms.log_set(ms.exercise_order(last_week)[0], kind="working", load_kg=None, reps=0,
               seconds=60)
    session_id = ms.create_session(TODAY, "Core", [plank])
    (se_id,) = ms.exercise_order(session_id)
    editor.open_session(session_id)
    entry = editor.set_entry
    model = editor.exercise_model
    assert model.data(model.index(0), LastTimeTextRole) == "last 18 Nov: 60 s"
    assert model.data(model.index(0), NextTargetTextRole) == "→ 65 s"
    # Last time was timed: the time takes the reps' place, at the target.
    assert entry.timed and entry.seconds_spin.isVisible() and not entry.reps_spin.isVisible()
    assert entry.values() == {"kind": "working", "load_kg": None, "reps": 0, "rir": None,
                              "seconds": 65}
    press(qtbot, Qt.Key.Key_Tab)  # load → time
    assert focused() is entry.seconds_spin
    type_text(qtbot, "70")
    press(qtbot, Qt.Key.Key_Return)
    assert [(s.reps, s.seconds, s.load_kg) for s in LoggedSet.select().where(
        LoggedSet.session_exercise == se_id)] == [(0, 70, None)]
    assert editor.set_model.index(0, COL_REPS).data() == "70 s"
    assert editor.set_model.index(0, COL_LOAD).data() == "BW"
    press(qtbot, Qt.Key.Key_F2)  # the same again: timed too
    assert [s.seconds for s in LoggedSet.select().where(LoggedSet.session_exercise == se_id)] \
        == [70, 70]
    # Timed off (Alt+M): reps again.
    press(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert not entry.timed and entry.reps_spin.isVisible()
    assert entry.values()["seconds"] is None
    # A time typed in the table: '45 s' is 45 seconds, '1:30' ninety.
    assert editor.set_model.setData(editor.set_model.index(0, COL_REPS), "45 s")
    assert editor.set_model.setData(editor.set_model.index(1, COL_REPS), "1:30")
    assert [s.seconds for s in LoggedSet.select().where(LoggedSet.session_exercise == se_id)
            .order_by(LoggedSet.position)] == [45, 90]
    assert editor.set_model.index(1, COL_REPS).data() == "90 s"
    store.undo_stack.undo()
    assert editor.set_model.index(1, COL_REPS).data() == "70 s"


def test_a_timed_set_with_a_load_reads_load_times_seconds(editor):
    plank = plank_id()
    last_week = ms.create_session(LAST_WEEK, "Core", [plank], status="done")
    ms.log_set(ms.exercise_order(last_week)[0], kind="working", load_kg=20, reps=0, seconds=60)
    editor.open_session(ms.create_session(TODAY, "Core", [plank]))
    model = editor.exercise_model
    assert model.data(model.index(0), LastTimeTextRole) == "last 18 Nov: 20 kg × 60 s"
    assert model.data(model.index(0), NextTargetTextRole) == "→ 20 kg × 65 s"
    assert model.data(model.index(0), TargetTextRole).startswith("3 × 65 s")


def test_an_assisted_exercise_takes_a_negative_load_and_shows_it_as_help(editor, qtbot):
    assisted = exercise_id("Assisted Pull-Up")
    last_week = ms.create_session(LAST_WEEK, "Pull", [assisted], status="done")
    for reps in (9, 8):
        ms.log_set(ms.exercise_order(last_week)[0], kind="working", load_kg=-20, reps=reps)
    session_id = ms.create_session(TODAY, "Pull", [assisted])
    (se_id,) = ms.exercise_order(session_id)
    editor.open_session(session_id)
    entry = editor.set_entry
    model = editor.exercise_model
    assert model.data(model.index(0), LastTimeTextRole) == "last 18 Nov: −20 kg × 9, 8"
    assert model.data(model.index(0), NextTargetTextRole) == "→ −20 kg × 10"
    # A bodyweight target with a history reads as one, not as a first time.
    pull_up = exercise_id("Pull-Up")
    old = ms.create_session(LAST_WEEK, "Pull-ups", [pull_up], status="done")
    ms.log_set(ms.exercise_order(old)[0], kind="working", load_kg=None, reps=8)
    editor.open_session(ms.create_session(TODAY, "Pull-ups", [pull_up]))
    assert model.data(model.index(0), NextTargetTextRole) == "→ BW × 9"
    editor.open_session(session_id)
    assert entry.load_spin.minimum() < 0 and "Assistance is a negative load" in \
        entry.load_spin.toolTip()
    assert entry.load_kg() == -20  # the target, not bodyweight
    assert entry.load_spin.text() == "−20.00 kg"
    entry.focus_load()
    type_text(qtbot, "-25")
    press(qtbot, Qt.Key.Key_Return)
    assert sets_in_db(se_id) == [("working", -25, 10, None)]
    assert editor.set_model.index(0, COL_LOAD).data() == "−25"
    assert entry.load_spin.text() == "−25.00 kg"
    entry.load_spin.lineEdit().setText("\u221230 kg")  # a true minus (pasted) reads too
    press(qtbot, Qt.Key.Key_Return)
    assert sets_in_db(se_id)[-1] == ("working", -30, 10, None)


def test_a_negative_load_on_a_barbell_exercise_is_refused_saying_why(opened, store):
    se_id = opened.selected_exercise().id
    entry = opened.set_entry
    assert entry.load_spin.minimum() == 0  # the entry row does not go below 0 here
    ms.log_set(se_id, kind="working", load_kg=82.5, reps=6)
    opened.refresh()
    steps = store.undo_stack.count()
    assert not opened.set_model.setData(opened.set_model.index(0, COL_LOAD), "-20")
    assert opened.message == ("Load −20 kg: only an assisted exercise takes a negative load "
                              "(assistance)")
    assert sets_in_db(se_id) == [("working", 82.5, 6, None)]
    assert store.undo_stack.count() == steps
