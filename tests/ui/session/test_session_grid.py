"""The session editor's grid mode over a real database: a paper sheet typed in with the keyboard
alone, logged sets edited in place, bad values named by their row, timed and assisted
exercises, undo, and the mode kept between runs."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models import sessions as ms
from models.rules.domain import LB_TO_KG
from models.settings import update_settings
from models.storage.schema import Exercise, LoggedSet
from ui.session.grid_rows import LOAD, MEASURE, RIR
from ui.session.session_commands import LogSetCommand
from ui.session.session_editor import GRID_SETTING, SessionEditor
from ui.session.session_grid import CHECK, GridCell

TODAY = date(2026, 11, 25)
LAST_WEEK = TODAY - timedelta(days=7)
SHEET = ["Barbell Back Squat", "Barbell Bench Press", "Barbell Row", "Lat Pulldown"]


def exercise_id(name: str) -> int:
    return Exercise.get(Exercise.name == name).id


def sets_in_db(se_id: int) -> list[tuple]:
    return [(s.kind, s.load_kg, s.reps, s.rir) for s in
            LoggedSet.select().where(LoggedSet.session_exercise == se_id)
            .order_by(LoggedSet.position)]


def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def cell(editor: SessionEditor, se_id: int, row: int, which: int) -> GridCell:
    return editor.grid.line_of(se_id, row).cells[which]


def type_into(qtbot, editor: SessionEditor, se_id: int, row: int, which: int,
              text: str) -> None:
    """Click a cell as a user would (the row left before is saved), and type."""
    target = cell(editor, se_id, row, which)
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    target.selectAll()
    qtbot.keyClicks(target, text)


@pytest.fixture
def editor(store, qtbot, window_settings):
    widget = SessionEditor(store, view_settings=window_settings)
    qtbot.addWidget(widget)
    widget.resize(460, 790)  # the dock's shape: narrow and tall
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitActive(widget)
    return widget


def sheet_session(last_week: bool = True) -> int:
    """Today's session of SHEET, 3 sets each; last week's loads make a target for each."""
    ids = [exercise_id(n) for n in SHEET]
    if last_week:
        old = ms.create_session(LAST_WEEK, "Full", ids, status="done")
        for se_id, load in zip(ms.exercise_order(old), (100, 80, 70, 60), strict=True):
            for _ in range(3):
                ms.log_set(se_id, kind="working", load_kg=load, reps=8)
    session_id = ms.create_session(TODAY, "Full", ids)
    for se_id in ms.exercise_order(session_id):
        ms.set_exercise_targets(se_id, target_sets=3, target_rir=2)
    return session_id


@pytest.fixture
def sheet(editor, db) -> tuple[int, list[int]]:
    """The sheet's session open in grid mode; (session id, its session exercise ids)."""
    session_id = sheet_session()
    editor.open_session(session_id)
    editor.set_grid_mode(True)
    return session_id, ms.exercise_order(session_id)


# --- the paper sheet, typed in ------------------------------------------------------------------

def test_a_whole_sheet_is_typed_in_one_pass_with_the_keyboard_only(editor, store, qtbot, db):
    session_id = sheet_session()
    se_ids = ms.exercise_order(session_id)
    editor.open_session(session_id)
    assert focused() is editor.set_entry.load_spin
    press(qtbot, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert editor.grid_mode and editor.grid.isVisible() and not editor.set_table.isVisible()
    assert focused() is cell(editor, se_ids[0], 0, LOAD)  # the first set's load

    # What the paper says, set by set: load, reps, RIR — 36 values, Tab between them.
    written = [(102.5, 8, 2), (102.5, 7, 1), (100, 7, 1),
               (82.5, 10, 2), (82.5, 9, 2), (82.5, 8, 1),
               (72.5, 10, 3), (72.5, 10, 2), (72.5, 9, 1),
               (62.5, 12, 2), (62.5, 11, 1), (60, 11, 0)]
    values = [f"{v:g}" for row in written for v in row]
    for number, value in enumerate(values):
        if number:
            press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, value)
    press(qtbot, Qt.Key.Key_Return)

    logged = [row for se_id in se_ids for row in sets_in_db(se_id)]
    assert logged == [("working", load, reps, rir) for load, reps, rir in written]
    assert [len(sets_in_db(se_id)) for se_id in se_ids] == [3, 3, 3, 3]
    assert store.undo_stack.count() == 12 and store.undo_stack.undoText() == "Log set"
    assert editor.message == "All exercises done — Ctrl+Return marks the session done."
    # The grid shows what was typed, every row marked logged, and each exercise's + row.
    last = editor.grid.line_of(se_ids[3], 2)
    assert [c.text() for c in last.cells] == ["60", "11", "0"] and last.mark.text() == CHECK
    assert editor.grid.line_of(se_ids[3], 3).row.extra


def test_in_pounds_the_loads_typed_are_pounds(editor, store, qtbot, sheet):
    update_settings(units="lb")
    store.reload_settings()
    _, se_ids = sheet
    editor.grid.focus_cell(cell(editor, se_ids[0], 0, LOAD))
    for text in ("225", "5", "2"):
        type_text(qtbot, text)
        press(qtbot, Qt.Key.Key_Tab)
    assert sets_in_db(se_ids[0]) == [("working", pytest.approx(225 * LB_TO_KG), 5, 2.0)]
    assert cell(editor, se_ids[0], 0, LOAD).text() == "225"
    assert editor.grid.blocks()[0].captions[1].text() == "Load (lb)"


def test_empty_rows_show_the_plan_faintly_and_the_header_the_targets(editor, sheet):
    _, se_ids = sheet
    squat = editor.selected_exercise()
    block = editor.grid.blocks()[0]
    assert block.title.text() == "1. Barbell Back Squat"
    assert block.sets_done.text() == "0 / 3 sets"
    assert "3 × " in block.targets.text() and "@ RIR 2" in block.targets.text()
    assert "→ 102.5 kg" in block.targets.text()  # the progression's target load
    first = editor.grid.line_of(se_ids[0], 0)
    assert [c.text() for c in first.cells] == ["", "", ""]
    assert [c.placeholderText() for c in first.cells] == [
        "102.5", str(squat.target.reps), "2"]
    assert [line.row.label for line in block.lines] == ["1", "2", "3", "+"]


def test_an_empty_load_logs_the_target_load_and_says_so(editor, qtbot, sheet):
    _, se_ids = sheet
    press(qtbot, Qt.Key.Key_Tab)  # load left empty
    type_text(qtbot, "6")
    press(qtbot, Qt.Key.Key_Return)
    assert sets_in_db(se_ids[0]) == [("working", 102.5, 6, None)]  # RIR left empty: none
    assert editor.message == ("Barbell Back Squat set 1: no load typed — logged at the "
                              "target, 102.5 kg")
    assert focused() is cell(editor, se_ids[0], 1, LOAD)  # Return: on to the next row


def test_a_first_time_on_a_loaded_exercise_needs_its_load(editor, qtbot, db):
    editor.open_session(sheet_session(last_week=False))
    editor.set_grid_mode(True)
    se_id = editor.selected_exercise().id
    assert cell(editor, se_id, 0, LOAD).placeholderText() == "—"
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "5")
    press(qtbot, Qt.Key.Key_Return)
    assert sets_in_db(se_id) == []
    assert editor.message == ("Barbell Back Squat set 1: type the load — there is no target "
                              "load yet, and Barbell Back Squat is never logged as bodyweight")
    assert focused() is cell(editor, se_id, 0, LOAD)
    type_text(qtbot, "60")
    press(qtbot, Qt.Key.Key_Return)
    assert sets_in_db(se_id) == [("working", 60, 5, None)]


# --- bad values ---------------------------------------------------------------------------------

def test_a_bad_value_is_named_by_its_row_and_nothing_is_logged(editor, store, qtbot, sheet):
    _, se_ids = sheet
    row = se_ids[2]
    steps = store.undo_stack.count()
    type_into(qtbot, editor, row, 2, MEASURE, "x")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)  # past RIR: the row is saved — and refused
    assert editor.message == "Barbell Row set 3: reps 'x' is not a number"
    assert focused() is cell(editor, row, 2, MEASURE)  # the cell to correct
    assert cell(editor, row, 2, MEASURE).text() == "x"  # kept, to correct
    assert sets_in_db(row) == [] and store.undo_stack.count() == steps

    type_text(qtbot, "500")  # a number models/ refuses: its limit is named
    press(qtbot, Qt.Key.Key_Return)
    assert editor.message.startswith("Barbell Row set 3: reps: 500 is out of range")
    type_text(qtbot, "9")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "lots")
    press(qtbot, Qt.Key.Key_Return)
    assert editor.message == "Barbell Row set 3: RIR 'lots' is not a number"
    assert focused() is cell(editor, row, 2, RIR)
    type_text(qtbot, "1")
    press(qtbot, Qt.Key.Key_Return)
    # Typed in the third row while the first two were empty: the set is the exercise's first.
    assert sets_in_db(row) == [("working", 70, 9, 1.0)]  # last week's load: more reps first
    assert editor.message == "Barbell Row set 3: no load typed — logged at the target, 70 kg"
    assert cell(editor, row, 0, MEASURE).text() == "9"


def test_a_row_with_a_load_but_no_reps_asks_for_them(editor, qtbot, sheet):
    _, se_ids = sheet
    type_text(qtbot, "100")
    press(qtbot, Qt.Key.Key_Return)
    assert editor.message == ("Barbell Back Squat set 1: type the reps to log the set "
                              "(Escape clears the row)")
    assert focused() is cell(editor, se_ids[0], 0, MEASURE)
    press(qtbot, Qt.Key.Key_Escape)
    assert cell(editor, se_ids[0], 0, LOAD).text() == ""
    press(qtbot, Qt.Key.Key_Return)  # an empty row: nothing to log, on to the next
    assert sets_in_db(se_ids[0]) == []
    assert focused() is cell(editor, se_ids[0], 1, LOAD)


def test_a_negative_load_on_a_barbell_is_refused_saying_why(editor, qtbot, sheet):
    _, se_ids = sheet
    type_text(qtbot, "-20")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "5")
    press(qtbot, Qt.Key.Key_Return)
    assert editor.message == ("Barbell Back Squat set 1: load −20 kg: only an assisted "
                              "exercise takes a negative load (assistance)")
    assert focused() is cell(editor, se_ids[0], 0, LOAD)
    assert sets_in_db(se_ids[0]) == []


# --- logged sets --------------------------------------------------------------------------------

def test_a_logged_set_is_edited_in_its_cells_as_one_undo_step(editor, store, qtbot, sheet):
    _, se_ids = sheet
    bench = se_ids[1]
    ms.log_set(bench, kind="warmup", load_kg=40, reps=10)
    ms.log_set(bench, kind="working", load_kg=82.5, reps=10, rir=2)
    editor.refresh()
    block = editor.grid.blocks()[1]
    assert [line.row.label for line in block.lines] == ["Warm-up", "1", "2", "3", "+"]
    assert [c.text() for c in block.lines[1].cells] == ["82.5", "10", "2"]
    assert block.lines[1].mark.text() == CHECK and block.sets_done.text() == "1 / 3 sets"

    type_into(qtbot, editor, bench, 1, LOAD, "85")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "9")
    press(qtbot, Qt.Key.Key_Tab)  # RIR left as it was
    press(qtbot, Qt.Key.Key_Tab)  # past the row: saved
    assert sets_in_db(bench)[1] == ("working", 85, 9, 2.0)
    assert store.undo_stack.undoText() == "Edit set"
    assert focused() is cell(editor, bench, 2, LOAD)
    store.undo_stack.undo()
    assert sets_in_db(bench)[1] == ("working", 82.5, 10, 2.0)
    assert [c.text() for c in block.lines[1].cells] == ["82.5", "10", "2"]

    # The same value typed again changes nothing; an empty RIR clears it.
    type_into(qtbot, editor, bench, 1, MEASURE, "10")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Backspace)
    press(qtbot, Qt.Key.Key_Return)
    assert sets_in_db(bench)[1] == ("working", 82.5, 10, None)
    # A warm-up's row edits the warm-up, and keeps its kind.
    type_into(qtbot, editor, bench, 0, LOAD, "50")
    press(qtbot, Qt.Key.Key_Return)
    assert sets_in_db(bench)[0] == ("warmup", 50, 10, None)
    # Emptying a logged set's reps is refused; Ctrl+Delete deletes the set (undoably).
    type_into(qtbot, editor, bench, 1, MEASURE, "")
    press(qtbot, Qt.Key.Key_Backspace)
    press(qtbot, Qt.Key.Key_Return)
    assert editor.message.startswith("Barbell Bench Press set 1: the reps cannot be empty")
    press(qtbot, Qt.Key.Key_Escape)
    assert cell(editor, bench, 1, MEASURE).text() == "10"
    press(qtbot, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert sets_in_db(bench) == [("warmup", 50, 10, None)]
    store.undo_stack.undo()
    assert len(sets_in_db(bench)) == 2


def test_undo_of_a_row_empties_it_again_and_redo_fills_it(editor, store, qtbot, sheet):
    _, se_ids = sheet
    for text in ("100", "8", "2"):
        type_text(qtbot, text)
        press(qtbot, Qt.Key.Key_Tab)
    line = editor.grid.line_of(se_ids[0], 0)
    assert sets_in_db(se_ids[0]) == [("working", 100, 8, 2.0)] and line.mark.text() == CHECK
    store.undo_stack.undo()
    assert sets_in_db(se_ids[0]) == []
    assert [c.text() for c in line.cells] == ["", "", ""] and line.mark.text() == ""
    assert line.cells[LOAD].placeholderText() == "102.5"
    store.undo_stack.redo()
    assert [c.text() for c in line.cells] == ["100", "8", "2"]


def test_the_extra_row_adds_a_set_beyond_the_target(editor, qtbot, sheet):
    _, se_ids = sheet
    squat = se_ids[0]
    for _ in range(3):
        ms.log_set(squat, kind="working", load_kg=100, reps=8)
    editor.refresh()
    editor.grid.focus_cell(cell(editor, squat, 2, RIR))
    press(qtbot, Qt.Key.Key_Tab)  # Tab passes the + row by: on to the bench press
    assert focused() is cell(editor, se_ids[1], 0, LOAD)
    press(qtbot, Qt.Key.Key_Up)  # the arrows reach it
    assert focused() is cell(editor, squat, 3, LOAD)
    assert editor.grid.line_of(squat, 3).label.text() == "+"
    type_text(qtbot, "90")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "10")
    press(qtbot, Qt.Key.Key_Return)
    assert sets_in_db(squat)[-1] == ("working", 90, 10, None)
    labels = [line.label.text() for line in editor.grid.blocks()[0].lines]
    assert labels == ["1", "2", "3", "4", "+"]
    assert focused() is cell(editor, se_ids[1], 0, LOAD)


def test_a_row_is_saved_when_the_keyboard_leaves_the_grid(editor, qtbot, sheet):
    _, se_ids = sheet
    type_text(qtbot, "100")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "8")
    editor.notes_edit.setFocus(Qt.FocusReason.MouseFocusReason)  # a click on the notes
    assert sets_in_db(se_ids[0]) == [("working", 100, 8, None)]


def test_typing_not_saved_survives_a_change_elsewhere(editor, store, qtbot, sheet):
    _, se_ids = sheet
    type_text(qtbot, "97.5")
    store.push(LogSetCommand(store, se_ids[3], kind="working", load_kg=60, reps=12))
    assert cell(editor, se_ids[0], 0, LOAD).text() == "97.5"
    assert cell(editor, se_ids[3], 0, LOAD).text() == "60"
    assert focused() is cell(editor, se_ids[0], 0, LOAD)


# --- timed and assisted -------------------------------------------------------------------------

def plank_id() -> int:
    from models.library import create_exercise
    from models.rules.domain import ExerciseInfo

    return create_exercise(ExerciseInfo(name="Plank", primary="abs", pattern="core_stability",
                                        equipment="bodyweight", rep_low=1, rep_high=1,
                                        load_step_kg=0, load_step_lb=0))


def test_a_timed_exercise_takes_seconds(editor, qtbot, db):
    plank = plank_id()
    last_week = ms.create_session(LAST_WEEK, "Core", [plank], status="done")
    ms.log_set(ms.exercise_order(last_week)[0], kind="working", load_kg=None, reps=0,
               seconds=60)
    session_id = ms.create_session(TODAY, "Core", [plank])
    (se_id,) = ms.exercise_order(session_id)
    editor.open_session(session_id)
    editor.set_grid_mode(True)
    block = editor.grid.blocks()[0]
    assert block.captions[2].text() == "Seconds"
    first = editor.grid.line_of(se_id, 0)
    assert [c.placeholderText() for c in first.cells] == ["BW", "65", ""]
    for time in ("70", "1:30", "45 s"):
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, time)
        press(qtbot, Qt.Key.Key_Return)
    assert [(s.load_kg, s.reps, s.seconds) for s in LoggedSet.select().where(
        LoggedSet.session_exercise == se_id).order_by(LoggedSet.position)] == [
        (None, 0, 70), (None, 0, 90), (None, 0, 45)]
    assert [line.cells[MEASURE].text() for line in block.lines[:3]] == ["70", "90", "45"]
    assert editor.message == "All exercises done — Ctrl+Return marks the session done."
    type_into(qtbot, editor, se_id, 0, MEASURE, "long")
    press(qtbot, Qt.Key.Key_Return)
    assert editor.message == ("Plank set 1: seconds 'long' is not a number of seconds "
                              "(60, 60 s or 1:30)")


def test_an_assisted_exercise_takes_a_negative_load(editor, qtbot, db):
    assisted = exercise_id("Assisted Pull-Up")
    last_week = ms.create_session(LAST_WEEK, "Pull", [assisted], status="done")
    for reps in (9, 8):
        ms.log_set(ms.exercise_order(last_week)[0], kind="working", load_kg=-20, reps=reps)
    session_id = ms.create_session(TODAY, "Pull", [assisted])
    (se_id,) = ms.exercise_order(session_id)
    editor.open_session(session_id)
    editor.set_grid_mode(True)
    first = editor.grid.line_of(se_id, 0)
    assert first.cells[LOAD].placeholderText() == "−20"
    assert "negative load" in first.cells[LOAD].toolTip()
    type_text(qtbot, "-25")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "10")
    press(qtbot, Qt.Key.Key_Return)
    focused().insert("\u221230")  # a true minus (pasted: QTest types ASCII only) reads too
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "8")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Tab)  # load left empty: the target's help
    type_text(qtbot, "7")
    press(qtbot, Qt.Key.Key_Return)
    assert sets_in_db(se_id) == [("working", -25, 10, None), ("working", -30, 8, None),
                                 ("working", -20, 7, None)]
    assert first.cells[LOAD].text() == "−25"
    assert editor.message == ("Assisted Pull-Up set 3: no load typed — logged at the target, "
                              "−20 kg")


# --- the mode -----------------------------------------------------------------------------------

def test_switching_modes_keeps_the_exercise_and_the_choice_is_kept(
        editor, store, qtbot, window_settings, db):
    session_id = sheet_session()
    se_ids = ms.exercise_order(session_id)
    editor.open_session(session_id)
    editor.select_exercise(se_ids[2])
    editor.grid_button.click()
    assert editor.grid_mode and window_settings.value(GRID_SETTING, type=bool)
    assert focused() is cell(editor, se_ids[2], 0, LOAD)  # the same exercise
    assert editor.message_label.isVisible()  # the message line came along
    editor.grid.focus_cell(cell(editor, se_ids[3], 1, RIR))  # the keyboard moves on
    press(qtbot, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert not editor.grid_mode and editor.set_table.isVisible()
    assert editor.selected_exercise().id == se_ids[3]
    assert focused() is editor.set_entry.load_spin
    assert editor.message_label.isVisible()
    assert not window_settings.value(GRID_SETTING, type=bool)

    editor.set_grid_mode(True)
    again = SessionEditor(store, view_settings=window_settings)
    qtbot.addWidget(again)
    assert again.grid_mode and again.grid_button.isChecked()


def test_switching_back_saves_the_row_being_typed(editor, qtbot, sheet):
    _, se_ids = sheet
    type_text(qtbot, "100")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "5")
    press(qtbot, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert not editor.grid_mode
    assert sets_in_db(se_ids[0]) == [("working", 100, 5, None)]


def test_opening_a_session_in_grid_mode_lands_on_its_first_empty_row(editor, qtbot, db):
    editor.set_grid_mode(True)
    session_id = sheet_session()
    squat, bench, *_ = ms.exercise_order(session_id)
    for _ in range(3):
        ms.log_set(squat, kind="working", load_kg=100, reps=8)
    editor.open_session(session_id)
    assert focused() is cell(editor, bench, 0, LOAD)
    # Shift+Tab from it goes back across the exercises: the squat's last set's RIR.
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is cell(editor, squat, 2, RIR)


def test_tab_past_the_last_cell_leaves_the_grid(editor, qtbot, sheet):
    _, se_ids = sheet
    editor.grid.focus_cell(cell(editor, se_ids[3], 2, RIR))
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is editor.notes_edit
    editor.grid.focus_cell(cell(editor, se_ids[0], 0, LOAD))
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is editor.grid_button


def test_a_session_without_exercises_says_how_to_add_them(editor, db):
    editor.set_grid_mode(True)
    editor.open_session(ms.create_session(TODAY, "Empty"))
    assert editor.grid.empty_label.isVisible() and "drag" in editor.grid.empty_label.text()
    assert editor.grid.blocks() == []
    editor.open_session(sheet_session())
    assert not editor.grid.empty_label.isVisible() and len(editor.grid.blocks()) == 4


def test_the_windows_session_editor_keeps_the_mode_with_the_window_layout(
        window, window_settings):
    window.session_editor.set_grid_mode(True)
    assert window_settings.value(GRID_SETTING, type=bool)


def test_ctrl_return_saves_the_row_being_typed_before_marking_done(editor, qtbot, sheet):
    session_id, se_ids = sheet
    type_text(qtbot, "100")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "x")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert editor.message == "Barbell Back Squat set 1: reps 'x' is not a number"
    assert ms.session_detail(session_id).status == "planned"  # refused: nothing marked
    press(qtbot, Qt.Key.Key_Backspace)
    type_text(qtbot, "5")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert sets_in_db(se_ids[0]) == [("working", 100, 5, None)]
    assert editor.message.startswith("3 of 4 exercises have no sets logged")
