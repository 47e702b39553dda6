"""Autoregulation in the UI, driven with pytest-qt: the feedback dialog after Mark done (saved,
skipped, edited later), the swap proposal for joint pain, next week's adjustments and the early
deload, the next mesocycle's wizard, the tempo cue and the plate calculator."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWizard

from models import adaptation as fs
from models import sessions as ms
from models.rules.autoregulation import Feedback
from models.rules.domain import LB_TO_KG
from models.settings import update_settings
from models.storage.db import database
from models.storage.schema import Exercise, Mesocycle, Session, SessionExercise
from models.storage.schema import Feedback as FeedbackRow
from tests.shared import BLOCK_START as START
from tests.shared import week_sessions
from ui.session.adjustments_panel import NO_FEEDBACK_TEXT, AdjustmentsPanel
from ui.session.coaching import NO_TEMPO_TEXT, PlateCalculator, TempoCue
from ui.session.feedback_dialog import NOT_RATED, FeedbackDialog, SwapProposalDialog
from ui.session.session_editor import SessionEditor
from ui.wizard.next_mesocycle import open_next_mesocycle


@pytest.fixture
def editor(store, qtbot):
    widget = SessionEditor(store)
    qtbot.addWidget(widget)
    widget.resize(460, 790)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def rate_with_keyboard(qtbot, dialog, *digits: str) -> None:
    """Type each rating into the dialog's focused field and Tab to the next one."""
    for digit in digits:
        if digit == " ":
            qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Space)
        elif digit:
            qtbot.keyClicks(dialog.focusWidget(), digit)
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)


# --- the feedback dialog ----------------------------------------------------------------------

def test_the_feedback_dialog_is_driven_with_the_keyboard(qtbot):
    dialog = FeedbackDialog(("back", "biceps"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.objectName() == "feedbackDialog"
    assert dialog.focusWidget() is dialog.combos["back", "soreness"]
    combo = dialog.combos["back", "performance"]
    assert [combo.itemText(i) for i in range(combo.count())] == [
        NOT_RATED, "0 · beat it", "1 · matched it", "2 · barely matched", "3 · could not match"]
    # Back: soreness 1, pump 2, performance 1, no joint pain; biceps: sore, could not match, hurt.
    rate_with_keyboard(qtbot, dialog, "1", "2", "1", "", "3", "", "3", " ")
    assert dialog.focusWidget() is dialog.save_button
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result_feedback() == (Feedback("back", 1, 2, 1, False),
                                        Feedback("biceps", 3, None, 3, True))


def test_the_feedback_dialog_shows_what_was_stored_and_drops_unrated_rows(qtbot):
    dialog = FeedbackDialog(("back", "chest"), [Feedback("chest", 0, 3, 0, True),
                                                Feedback("quads", 1, 1, 1)])
    qtbot.addWidget(dialog)
    assert dialog.combos["chest", "pump"].currentText() == "3 · huge"
    assert dialog.pain_boxes["chest"].isChecked()
    assert dialog.result_feedback() == (Feedback("chest", 0, 3, 0, True),)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)


# --- after Mark done in the session editor ----------------------------------------------------

def mark_done(editor, qtbot) -> None:
    """Mark done, twice: nothing is logged in these sessions, so the first press only says so."""
    for _ in range(2):
        qtbot.mouseClick(editor.done_button, Qt.MouseButton.LeftButton)


def open_monday(editor, block) -> Session:
    monday = week_sessions(block, 1)[0]
    editor.open_session(monday.id)
    return monday


def test_mark_done_opens_the_feedback_dialog_and_save_is_undoable(editor, store, qtbot, block):
    monday = open_monday(editor, block)
    mark_done(editor, qtbot)
    dialog = editor.feedback_flow.dialog
    assert isinstance(dialog, FeedbackDialog) and dialog.isVisible()
    assert dialog.groups == fs.trained_groups(monday.id)
    qtbot.keyClicks(dialog.combos["back", "soreness"], "0")
    qtbot.keyClicks(dialog.combos["back", "performance"], "0")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert editor.feedback_flow.dialog is None
    assert fs.load_feedback(monday.id) == (Feedback("back", 0, None, 0),)
    assert store.undo_stack.undoText() == "Save session feedback"
    store.undo_stack.undo()
    assert fs.load_feedback(monday.id) == ()
    assert Session.get_by_id(monday.id).status == "done"  # the feedback was its own step
    store.undo_stack.redo()
    assert len(fs.load_feedback(monday.id)) == 1


def test_skip_saves_nothing_and_feedback_can_be_given_later(editor, store, qtbot, block):
    monday = open_monday(editor, block)
    assert not editor.feedback_button.isEnabled()  # nothing to rate before it is done
    for _ in range(2):  # nothing logged: the second press confirms
        qtbot.keyClick(editor.set_entry.load_spin, Qt.Key.Key_Return,
                       Qt.KeyboardModifier.ControlModifier)
    dialog = editor.feedback_flow.dialog
    depth = store.undo_stack.count()
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.combos["back", "soreness"], Qt.Key.Key_Escape)
    assert FeedbackRow.select().count() == 0 and store.undo_stack.count() == depth
    # Later, from the session: Feedback… opens it again.
    assert editor.feedback_button.isEnabled()
    qtbot.mouseClick(editor.feedback_button, Qt.MouseButton.LeftButton)
    dialog = editor.feedback_flow.dialog
    qtbot.keyClicks(dialog.combos["chest", "soreness"], "2")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert fs.load_feedback(monday.id) == (Feedback("chest", 2),)
    qtbot.mouseClick(editor.feedback_button, Qt.MouseButton.LeftButton)
    assert editor.feedback_flow.dialog.combos["chest", "soreness"].currentData() == 2


def test_editor_can_leave_feedback_out(editor, qtbot, block):
    open_monday(editor, block)
    editor.ask_feedback_on_done = False
    mark_done(editor, qtbot)
    assert editor.feedback_flow.dialog is None


def test_joint_pain_proposes_a_swap_that_is_undoable(editor, store, qtbot, block):
    monday = open_monday(editor, block)
    row = Exercise.get(Exercise.name == "Barbell Row")
    upcoming = fs.upcoming_uses(monday.id, row.id)
    mark_done(editor, qtbot)
    dialog = editor.feedback_flow.dialog
    qtbot.keyClicks(dialog.combos["back", "soreness"], "1")
    dialog.pain_boxes["back"].setFocus()
    qtbot.keyClick(dialog.pain_boxes["back"], Qt.Key.Key_Space)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    swap = editor.feedback_flow.swap_dialog
    assert isinstance(swap, SwapProposalDialog) and swap.isVisible()
    assert "Barbell Row" in swap.message.text() and "next 4 planned sessions" in swap.message.text()
    offered = [swap.list.item(i).text().split(" · ")[0] for i in range(swap.list.count())]
    assert offered[:3] == ["Cable Row", "Helms Row", "Machine Row"]  # rows, library order
    swap.list.setCurrentRow(2)
    qtbot.mouseClick(swap.swap_button, Qt.MouseButton.LeftButton)
    machine_row = Exercise.get(Exercise.name == "Machine Row").id
    assert {SessionExercise.get_by_id(i).exercise_id for i in upcoming} == {machine_row}
    assert SessionExercise.get(SessionExercise.session == monday.id,
                               SessionExercise.position == 0).exercise_id == row.id  # history
    assert "Swap Barbell Row for Machine Row in 4 upcoming sessions" in editor.message
    store.undo_stack.undo()
    assert {SessionExercise.get_by_id(i).exercise_id for i in upcoming} == {row.id}
    assert fs.load_feedback(monday.id)[0].joint_pain  # the feedback stays: its own undo step


def test_keeping_the_exercise_changes_nothing(editor, store, qtbot, block):
    monday = open_monday(editor, block)
    before = [se.exercise_id for se in SessionExercise.select().order_by(SessionExercise.id)]
    editor.feedback_flow.propose_swaps(monday.id, ["back"])
    swap = editor.feedback_flow.swap_dialog
    with qtbot.waitSignal(swap.rejected):
        qtbot.mouseClick(swap.keep_button, Qt.MouseButton.LeftButton)
    assert [se.exercise_id for se in SessionExercise.select().order_by(SessionExercise.id)] == \
        before
    assert editor.feedback_flow.swap_dialog is None


def test_no_swap_without_upcoming_sessions_says_why(editor, store, qtbot, db):
    session_id = ms.create_session(START, "Pull", [Exercise.get(Exercise.name == "Barbell Row").id])
    editor.open_session(session_id)
    editor.feedback_flow.propose_swaps(session_id, ["back"])
    assert editor.feedback_flow.swap_dialog is None
    assert "No swap offered for Barbell Row" in editor.message


# --- in the session: RIR, tempo cue, plates ---------------------------------------------------

def test_the_selected_exercise_shows_its_weeks_rir_tempo_and_plates(editor, qtbot, block):
    open_monday(editor, block)
    info = editor.selected_exercise()
    assert info.exercise.name == "Barbell Row"
    assert editor.rir_label.text() == "RIR 3 this week"
    assert editor.tempo_cue.isVisible() and editor.tempo_cue.tempo_text == "3-1-1-0"
    assert editor.plates_button.isVisible()
    pulldown = next(row for row in range(editor.exercise_model.rowCount())
                    if editor.exercise_model.info_at(row).exercise.equipment == "cable")
    editor.exercise_list.setCurrentIndex(editor.exercise_model.index(pulldown))
    assert not editor.plates_button.isVisible()


def test_the_tempo_cue_runs_from_rest_over_and_stops_when_a_set_is_logged(editor, qtbot, block):
    open_monday(editor, block)
    cue = editor.tempo_cue
    with qtbot.waitSignal(cue.running_changed, check_params_cb=lambda on: on):
        editor.rest_timer.finished.emit()
    assert cue.phase_name == "eccentric"
    editor.set_entry.load_spin.setValue(60)  # a first time: the load is the user's to type
    with qtbot.waitSignal(cue.running_changed, check_params_cb=lambda on: not on):
        qtbot.keyClick(editor.set_entry.load_spin, Qt.Key.Key_Return)
    assert not cue.is_running


@pytest.mark.parametrize(("tempo", "phases"), [
    # (phase index, second) after start and each tick.
    ("3-1-1-0", [(0, 1), (0, 2), (0, 3), (1, 1), (2, 1), (0, 1), (0, 2)]),
    ("2-0-1-2", [(0, 1), (0, 2), (2, 1), (3, 1), (3, 2), (0, 1)]),
    ("X-0-X-1", [(3, 1), (3, 1)]),  # explosive: only the pause has time
])
def test_tempo_cue_pulses_through_the_phases(qtbot, tempo, phases):
    cue = TempoCue()
    qtbot.addWidget(cue)
    assert cue.objectName() == "tempoCue"
    assert cue.set_tempo(tempo)
    seen = []
    cue.phase_changed.connect(seen.append)
    cue.start()
    states = [(cue.phase, cue.second)]
    for _ in phases[1:]:
        cue.tick()
        states.append((cue.phase, cue.second))
    assert states == phases
    assert seen == [phase for phase, second in phases if second == 1]  # each entry, each rep
    cue.stop()
    assert cue.phase is None and cue.caption.text() == f"Tempo {tempo}"


def test_tempo_cue_counts_reps_and_shows_the_phase(qtbot):
    cue = TempoCue()
    qtbot.addWidget(cue)
    cue.set_tempo("1-0-1-0")
    cue.start()
    for _ in range(4):
        cue.tick()
    assert cue.reps == 2
    assert cue.caption.text() == "Lower under control · 1/1 s · rep 3"
    qtbot.mouseClick(cue.toggle_button, Qt.MouseButton.LeftButton)
    assert not cue.is_running
    cue.tick()  # a stray tick after stop does nothing
    assert cue.phase is None


@pytest.mark.parametrize("tempo", ["", "0-0-0-0", "slow"])
def test_tempo_cue_without_time_does_not_start(qtbot, tempo):
    cue = TempoCue()
    qtbot.addWidget(cue)
    assert not cue.set_tempo(tempo)
    cue.start()
    assert not cue.is_running and cue.caption.text() == NO_TEMPO_TEXT
    assert not cue.toggle_button.isEnabled()


@pytest.mark.parametrize(("unit", "load", "result", "closest"), [
    ("kg", 100, "Per side: 25 + 15", None),
    ("kg", 101, "Per side: 25 + 15", "closest: 100 kg — 1 kg short of 101 kg"),
    ("lb", 225, "Per side: 45 + 45", None),
    ("lb", 227, "Per side: 45 + 45", "closest: 225 lb — 2 lb short of 227 lb"),
    ("kg", 20, "Empty bar", None),
    ("kg", 10, "Below the bar (20 kg)", None),
])
def test_plate_calculator_shows_plates_per_side(qtbot, unit, load, result, closest):
    calculator = PlateCalculator(unit, load)
    qtbot.addWidget(calculator)
    calculator.show()
    assert calculator.objectName() == "plateCalculator"
    assert calculator.result_label.text() == result
    assert calculator.closest_label.isVisible() is (closest is not None)
    if closest:
        assert calculator.closest_label.text().startswith(closest)


def test_plate_calculator_follows_edits_to_load_bar_and_plates(qtbot):
    calculator = PlateCalculator("kg", 60, 20, {20: 1, 10: 2, 5: 2})
    qtbot.addWidget(calculator)
    calculator.show()
    assert calculator.result_label.text() == "Per side: 20"
    calculator.table.cellWidget(0, calculator.COL_PAIRS).setValue(0)  # lend the 20s out
    assert calculator.result_label.text() == "Per side: 10 + 10"
    calculator.load_spin.setFocus()
    calculator.load_spin.selectAll()
    qtbot.keyClicks(calculator.load_spin, "75")
    assert calculator.result_label.text() == "Per side: 10 + 10 + 5"
    assert calculator.closest_label.isVisible()  # 70 of 75
    calculator.bar_spin.setValue(15)
    assert calculator.result_label.text() == "Per side: 10 + 10 + 5 + 5"
    assert not calculator.closest_label.isVisible()
    qtbot.mouseClick(calculator.findChild(QPushButton, "addPlate"), Qt.MouseButton.LeftButton)
    calculator.table.cellWidget(3, calculator.COL_WEIGHT).setValue(2.5)
    assert calculator.plate_set() == (15.0, {20: 0, 10: 2, 5: 2, 2.5: 1})


def test_plates_button_opens_the_calculator_with_the_entry_load_and_keeps_the_set(
        editor, store, qtbot, block):
    update_settings(units="lb")
    store.reload_settings()
    open_monday(editor, block)
    editor.set_entry.fill("working", 185 * LB_TO_KG, 8, 2)
    qtbot.mouseClick(editor.plates_button, Qt.MouseButton.LeftButton)
    calculator = editor.plate_calculator
    assert calculator.isVisible() and calculator.unit == "lb"
    assert calculator.load_spin.value() == pytest.approx(185)
    assert calculator.result_label.text() == "Per side: 45 + 25"
    calculator.bar_spin.setValue(35)
    calculator.reject()
    assert fs.load_plate_set("lb")[0] == 35


def test_a_plate_set_the_database_refuses_is_a_message_not_a_traceback(
        editor, store, qtbot, block):
    """The plates were saved from a lambda outside the store's guarded path: a full disk or a
    read-only file raised inside the slot."""
    open_monday(editor, block)
    qtbot.mouseClick(editor.plates_button, Qt.MouseButton.LeftButton)
    calculator = editor.plate_calculator
    calculator.bar_spin.setValue(15)
    database.execute_sql("PRAGMA query_only = ON")  # SQLite now refuses every write
    try:
        with qtbot.waitSignal(store.write_failed) as refused:
            calculator.reject()
    finally:
        database.execute_sql("PRAGMA query_only = OFF")
    assert "could not be written" in refused.args[0]
    assert fs.load_plate_set("kg")[0] == 20  # the bar the user keeps is still the old one


# --- next week adapts: the panel --------------------------------------------------------------

@pytest.fixture
def week_1_rated(block) -> int:
    sessions = week_sessions(block, 1)
    for session in sessions:
        ms.set_status(session.id, "done")
    fs.save_feedback(sessions[0].id, [Feedback("chest", 1, 2, 3)])
    fs.save_feedback(sessions[2].id, [Feedback("back", 1, 2, 1), Feedback("chest", 2, 1, 3)])
    return block


def test_adjustments_panel_lists_reasons_and_applies_them_undoably(store, qtbot, week_1_rated):
    panel = AdjustmentsPanel(store, today=START)
    qtbot.addWidget(panel)
    assert panel.title.text() == "Next week adapts · 09 Nov – 15 Nov"
    text = panel.lines.text()
    # From → to on one base, named; the plan's own number beside it (issue 15).
    assert ("back +1: healed just in time, performance held (last week 10 → 11 sets; the plan "
            "had 12)") in text
    assert "chest recovery session: still sore, performance dropped" in text
    assert panel.deload_label.text() == ("Deload early: chest could not match last time in two "
                                         "sessions in a row (02 Nov and 05 Nov).")
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    assert fs.week_adjustments(START + timedelta(days=7))[0].applied
    assert panel.apply_button.text() == "Applied ✓" and not panel.apply_button.isEnabled()
    store.undo_stack.undo()
    assert panel.apply_button.isEnabled()
    assert not any(a.applied for a in fs.week_adjustments(START + timedelta(days=7)))


def test_after_apply_typing_does_not_rename_the_session(store, qtbot, week_1_rated):
    """Apply disabled its own button and Qt gave the focus to the next field: the session
    editor's name, so the next keys typed renamed the session."""
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    panel = AdjustmentsPanel(store, today=START)
    name = QLineEdit(objectName="sessionName")  # what follows the panel in the focus chain
    layout.addWidget(panel)
    layout.addWidget(name)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    panel.apply_button.setFocus()
    qtbot.keyClick(panel.apply_button, Qt.Key.Key_Space)
    assert not panel.apply_button.isEnabled()
    assert window.focusWidget() is panel  # kept, not handed down the chain


def test_accepting_the_early_deload_from_the_panel(store, qtbot, week_1_rated):
    panel = AdjustmentsPanel(store, today=START)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.deload_button.isVisible()
    qtbot.mouseClick(panel.deload_button, Qt.MouseButton.LeftButton)
    rirs = {se.target_rir for s in week_sessions(week_1_rated, 2)
            for se in SessionExercise.select().where(SessionExercise.session == s.id)}
    assert rirs == {5.0}
    assert not panel.deload_button.isVisible()
    store.undo_stack.undo()
    assert panel.deload_button.isVisible()


def test_adjustments_panel_without_feedback(store, qtbot, block):
    panel = AdjustmentsPanel(store, today=START)
    qtbot.addWidget(panel)
    assert panel.lines.text() == NO_FEEDBACK_TEXT
    assert not panel.apply_button.isEnabled()
    panel.show_week(START + timedelta(days=70))
    assert panel.title.text().startswith("Next week adapts · 18 Jan")


# --- next mesocycle ---------------------------------------------------------------------------

def test_next_mesocycle_opens_the_wizard_prefilled_with_reasons(store, qtbot, block):
    sessions = week_sessions(block, 1)
    for session in sessions:
        ms.set_status(session.id, "done")
    fs.save_feedback(sessions[0].id, [Feedback("chest", 0, 2, 0)])
    fs.save_feedback(sessions[2].id, [Feedback("chest", 0, 3, 1)])
    wizard = open_next_mesocycle(None, store, today=START)
    qtbot.addWidget(wizard)
    assert wizard.isVisible() and "Autumn block" in wizard.windowTitle()
    request = wizard.request()
    assert (request.level, request.days, request.weeks, request.deload) == (
        "intermediate", ("mon", "tue", "thu", "fri"), 4, True)
    assert request.start == START + timedelta(days=35)  # the day after its deload week
    assert request.start_offsets == {"chest": 2}
    # The ranking and priorities the last block ended with (grown groups first, in order).
    stored = json.loads(Mesocycle.get_by_id(block).priorities)
    assert list(request.rank) == [g for g, p in stored.items() if p == "grow"]
    assert request.rank[0] == "back"
    assert wizard.plan.weeks[0].sets_per_muscle["chest"] == 12
    assert wizard.plan.weeks[0].sets_per_muscle["back"] == 10
    note = wizard.goal.start_note
    assert note.isVisible()
    assert "chest starts at 12 (+2): always progressed and healed early" in note.text()
    for _ in range(4):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton),
                         Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.review and wizard.review.start_note.isVisible()


def test_next_mesocycle_starts_today_when_the_last_one_ended_long_ago(store, qtbot, block):
    today = date(2027, 3, 3)
    wizard = open_next_mesocycle(None, store, today=today)
    qtbot.addWidget(wizard)
    assert wizard.request().start == today
    assert "Start volumes as usual" in wizard.goal.start_note.text()


def test_next_mesocycle_without_any_says_so(store, qtbot, db):
    assert open_next_mesocycle(None, store) is None
    box = next(w for w in QApplication.topLevelWidgets()
               if w.objectName() == "noMesocycleMessage" and w.isVisible())
    assert isinstance(box, QMessageBox)
    box.close()
