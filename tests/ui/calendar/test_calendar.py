"""The calendar: drops built from real MIME data, moves and copies, undo, the 48-hour warning."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent, QMouseEvent
from PySide6.QtWidgets import QApplication

from models.rules.domain import Status
from models.sessions import create_session, sessions_between
from models.storage.schema import Exercise, Session, SessionExercise
from ui.calendar.calendar_view import (
    DropPlan,
    SessionCalendar,
    plan_drop,
    session_id_from_mime,
    session_mime,
)
from ui.mime import exercise_mime
from ui.theme import status_colour

TODAY = date(2026, 11, 25)  # a Wednesday
MONDAY = date(2026, 11, 23)


def exercise_id(name: str) -> int:
    return Exercise.get(Exercise.name == name).id


@pytest.fixture
def calendar(store, qtbot):
    view = SessionCalendar(store, today=TODAY)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def drop(cell, mime, point: QPoint | None = None, ctrl: bool = False) -> None:
    """Deliver a drop as Qt would (QTest cannot drag); `mime` must outlive the event."""
    point = point or QPoint(cell.width() // 2, cell.height() - 6)
    modifiers = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    event = QDropEvent(QPointF(point), Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
                       mime, Qt.MouseButton.LeftButton, modifiers)
    cell.dropEvent(event)


def chip_center(chip) -> QPoint:
    return chip.geometry().center()


def test_plan_drop_is_pure_and_covers_every_case(qapp):
    exercises, session = exercise_mime([4, 5]), session_mime(9)
    assert plan_drop(exercises, MONDAY, 3, False) == DropPlan("add_exercises", MONDAY, 3, (4, 5))
    assert plan_drop(exercises, MONDAY, None, False) == DropPlan("new_session", MONDAY, None,
                                                                 (4, 5))
    assert plan_drop(session, MONDAY, None, False) == DropPlan("move", MONDAY, 9)
    assert plan_drop(session, MONDAY, 3, True) == DropPlan("copy", MONDAY, 9)
    assert session_id_from_mime(session) == 9
    garbage = session_mime(1)
    garbage.setData("application/x-overload-session", b"[1, 2")
    assert plan_drop(garbage, MONDAY, None, False) is None


def test_month_and_week_views_and_navigation(calendar, qtbot):
    assert calendar.objectName() == "sessionCalendar"
    assert len(calendar.cells) == 42 and calendar.title.text() == "November 2026"
    assert calendar.cells[0].day == date(2026, 10, 26)  # the Monday before 1 November
    qtbot.mouseClick(calendar.next_button, Qt.MouseButton.LeftButton)
    assert calendar.title.text() == "December 2026"
    qtbot.mouseClick(calendar.today_button, Qt.MouseButton.LeftButton)
    assert calendar.title.text() == "November 2026"
    qtbot.mouseClick(calendar.findChild(type(calendar.today_button), "weekMode"),
                     Qt.MouseButton.LeftButton)
    assert len(calendar.cells) == 7 and calendar.cells[0].day == MONDAY
    calendar.step(1)
    assert calendar.cells[0].day == MONDAY + timedelta(days=7)


def test_exercise_dropped_on_an_empty_day_creates_a_session(calendar, store, qtbot):
    cell = calendar.cell_for(TODAY)
    mime = exercise_mime([exercise_id("Lat Pulldown"), exercise_id("Barbell Row")])
    drop(cell, mime)
    (summary,) = sessions_between(TODAY, TODAY)
    assert summary.groups == ("back",) and summary.exercise_count == 2
    rows = list(SessionExercise.select().where(SessionExercise.session == summary.id)
                .order_by(SessionExercise.position))
    assert [r.exercise.name for r in rows] == ["Lat Pulldown", "Barbell Row"]
    assert [r.rep_low for r in rows] == [10, 6]  # the library's defaults
    assert len(calendar.cell_for(TODAY).chips) == 1
    store.undo_stack.undo()
    assert sessions_between(TODAY, TODAY) == [] and not calendar.cell_for(TODAY).chips
    store.undo_stack.redo()
    assert [s.id for s in sessions_between(TODAY, TODAY)] == [summary.id]


def test_exercise_dropped_on_a_session_joins_it(calendar, store, qtbot):
    session_id = create_session(MONDAY, "Pull", [exercise_id("Barbell Row")])
    store.sessions_changed.emit()
    cell = calendar.cell_for(MONDAY)
    mime = exercise_mime([exercise_id("Barbell Bench Press")])
    drop(cell, mime, chip_center(cell.chips[0]))
    names = [r.exercise.name for r in SessionExercise.select()
             .where(SessionExercise.session == session_id).order_by(SessionExercise.position)]
    assert names == ["Barbell Row", "Barbell Bench Press"]
    assert calendar.cell_for(MONDAY).chips[0].summary.groups == ("back", "chest")
    assert Session.select().count() == 1
    store.undo_stack.undo()
    assert SessionExercise.select().where(SessionExercise.session == session_id).count() == 1


def test_a_refused_drop_closes_its_undo_step_and_undo_keeps_working(calendar, store, qtbot):
    """A drop whose second exercise is refused (deleted meanwhile) used to leave the undo macro
    open: every later change vanished into it and Undo stayed disabled for the session."""
    session_id = create_session(MONDAY, "Pull", [exercise_id("Barbell Row")])
    store.sessions_changed.emit()
    cell = calendar.cell_for(MONDAY)
    mime = exercise_mime([exercise_id("Barbell Bench Press"), 999_999])
    with qtbot.waitSignal(calendar.message) as said:
        drop(cell, mime, chip_center(cell.chips[0]))
    assert said.args[0].startswith("That drop was not applied: ")
    assert store.undo_stack.count() == 1 and store.undo_stack.canUndo()
    store.undo_stack.undo()  # the one exercise that was added, as one step
    assert SessionExercise.select().where(SessionExercise.session == session_id).count() == 1
    calendar.create_session_on(MONDAY + timedelta(days=2))  # a later change is its own step
    assert store.undo_stack.canUndo() and store.undo_stack.undoText().startswith("New session")


def test_a_session_dropped_on_another_day_moves_and_ctrl_copies(calendar, store):
    session_id = create_session(MONDAY, "Push", [exercise_id("Barbell Bench Press")])
    store.sessions_changed.emit()
    friday = MONDAY + timedelta(days=4)
    mime = session_mime(session_id)
    drop(calendar.cell_for(friday), mime)
    assert Session.get_by_id(session_id).date == friday
    assert calendar.cell_for(friday).chips[0].summary.id == session_id
    assert not calendar.cell_for(MONDAY).chips
    store.undo_stack.undo()
    assert Session.get_by_id(session_id).date == MONDAY
    store.undo_stack.redo()
    copy_mime = session_mime(session_id)
    drop(calendar.cell_for(MONDAY), copy_mime, ctrl=True)
    copies = sessions_between(MONDAY, MONDAY)
    assert len(copies) == 1 and copies[0].id != session_id and copies[0].name == "Push"
    assert Session.get_by_id(session_id).date == friday  # the original stays
    store.undo_stack.undo()
    assert sessions_between(MONDAY, MONDAY) == []


def test_a_move_within_48_hours_warns_in_the_status_and_on_both_days(calendar, store, qtbot):
    create_session(MONDAY, "Pull A", [exercise_id("Barbell Row")])
    other = create_session(MONDAY + timedelta(days=3), "Pull B", [exercise_id("Lat Pulldown")])
    store.sessions_changed.emit()
    mime = session_mime(other)
    with qtbot.waitSignal(calendar.message) as warning:
        drop(calendar.cell_for(MONDAY + timedelta(days=1)), mime)
    assert "48 hours" in warning.args[0] and "back" in warning.args[0]
    assert Session.get_by_id(other).date == MONDAY + timedelta(days=1)  # the move happened
    for day in (MONDAY, MONDAY + timedelta(days=1)):
        (chip,) = calendar.cell_for(day).chips
        assert chip.conflicts and chip.conflicts[0].group == "back"
        assert "⚠" in chip._title() and "48 hours" in chip.toolTip()
        assert " min," in chip.toolTip()  # the session's estimated length (DOMAIN §10)


def test_no_warning_when_sessions_are_48_hours_apart(calendar, store, qtbot):
    create_session(MONDAY, "Pull A", [exercise_id("Barbell Row")])
    other = create_session(MONDAY + timedelta(days=4), "Pull B", [exercise_id("Lat Pulldown")])
    store.sessions_changed.emit()
    mime = session_mime(other)
    with qtbot.assertNotEmitted(calendar.message):
        drop(calendar.cell_for(MONDAY + timedelta(days=2)), mime)
    assert not calendar.cell_for(MONDAY).chips[0].conflicts


def test_double_click_an_empty_day_creates_and_opens_a_session(calendar, store, qtbot):
    cell = calendar.cell_for(TODAY)
    with qtbot.waitSignal(calendar.session_activated) as opened:
        event = QMouseEvent(QMouseEvent.Type.MouseButtonDblClick, QPointF(10, cell.height() - 5),
                            QPointF(10, cell.height() - 5), Qt.MouseButton.LeftButton,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(cell, event)
    (summary,) = sessions_between(TODAY, TODAY)
    assert opened.args == [summary.id]


def test_double_click_a_session_opens_it(calendar, store, qtbot):
    session_id = create_session(MONDAY, "Legs", [exercise_id("Barbell Back Squat")])
    store.sessions_changed.emit()
    chip = calendar.cell_for(MONDAY).chips[0]
    with qtbot.waitSignal(calendar.session_activated) as opened:
        qtbot.mouseDClick(chip, Qt.MouseButton.LeftButton)
    assert opened.args == [session_id]


def test_week_rows_count_groups_inside_their_landmarks(calendar, store):
    from models.sessions import log_set

    session_id = create_session(MONDAY, "Pull", [exercise_id("Barbell Row")])
    se_id = SessionExercise.get(SessionExercise.session == session_id).id
    for _ in range(10):
        log_set(se_id, kind="working", load_kg=80, reps=8)
    store.sessions_changed.emit()
    row = next(s for s in calendar.summaries if s.objectName() == f"week_{MONDAY}")
    # back 10 (≥ MEV), rear delts 5 (< MEV 6), biceps 5 (< 8): one group in range
    assert row.text().count("1/14") == 1 and "done" in row.text()
    chip = calendar.cell_for(MONDAY).chips[0]
    assert chip.badge_colours["back"] == status_colour(Status.PRODUCTIVE).name()


def test_a_week_row_tooltip_gives_the_reasons_of_its_adaptation(calendar, store, qtbot):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent

    from models.adaptation import save_feedback
    from models.rules.autoregulation import Feedback
    from models.sessions import log_set, set_status

    last_week = create_session(MONDAY - timedelta(days=7), "Pull", [exercise_id("Barbell Row")])
    se_id = SessionExercise.get(SessionExercise.session == last_week).id
    for _ in range(10):
        log_set(se_id, kind="working", load_kg=80, reps=8)
    set_status(last_week, "done")
    save_feedback(last_week, [Feedback("back", soreness=1, pump=2, performance=1)])
    this_week = create_session(MONDAY + timedelta(days=2), "Pull", [exercise_id("Barbell Row")])
    SessionExercise.update(target_sets=10).where(SessionExercise.session == this_week).execute()
    store.sessions_changed.emit()
    row = next(s for s in calendar.summaries if s.objectName() == f"week_{MONDAY}")
    QApplication.sendEvent(row, QHelpEvent(QEvent.Type.ToolTip, QPoint(2, 2), QPoint(2, 2)))
    assert "Adapted from last week's feedback" in row.toolTip()
    assert "back +1: healed just in time" in row.toolTip()


# --- the keyboard ------------------------------------------------------------------------------

def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(widget, key, modifier)


def test_the_calendar_is_driven_from_the_keyboard(calendar, store, qtbot):
    """Keyboard-only use used to stop at the calendar: no focus, no way to open a session."""
    calendar.setFocus()
    calendar.select_day(MONDAY)
    session_id = create_session(MONDAY + timedelta(days=1), "Pull",
                                [exercise_id("Barbell Row")])
    store.sessions_changed.emit()
    press(qtbot, calendar, Qt.Key.Key_Right)
    assert calendar.selected_day == MONDAY + timedelta(days=1)
    assert "border" in calendar.cell_for(calendar.selected_day).styleSheet()
    with qtbot.waitSignal(calendar.session_activated) as opened:
        press(qtbot, calendar, Qt.Key.Key_Return)
    assert opened.args == [session_id]
    press(qtbot, calendar, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)  # move it
    assert Session.get_by_id(session_id).date == MONDAY + timedelta(days=2)
    assert calendar.selected_day == MONDAY + timedelta(days=2)  # the current day follows it
    press(qtbot, calendar, Qt.Key.Key_Delete)  # skip it
    assert Session.get_by_id(session_id).status == "skipped"
    press(qtbot, calendar, Qt.Key.Key_Down)  # a week on: an empty day
    with qtbot.waitSignal(calendar.session_activated) as created:
        press(qtbot, calendar, Qt.Key.Key_Enter)
    assert Session.get_by_id(created.args[0]).date == MONDAY + timedelta(days=9)


def test_every_page_key_press_turns_a_page(calendar, qtbot):
    """Shortcuts on the animated buttons lost fast presses (24 presses moved 5 months)."""
    calendar.setFocus()
    start = calendar.anchor.replace(day=1)
    press(qtbot, calendar, Qt.Key.Key_PageUp, times=24)
    assert calendar.anchor == start.replace(year=start.year - 2)
    assert calendar.selected_day in calendar.days_shown()
    press(qtbot, calendar, Qt.Key.Key_Home)
    assert calendar.selected_day == calendar.today()


def test_the_week_panel_follows_the_page_shown(calendar, qtbot):
    """Turning the page left the week panel on a week no longer shown."""
    calendar.set_mode("week")
    with qtbot.waitSignal(calendar.week_selected) as shown:
        qtbot.mouseClick(calendar.next_button, Qt.MouseButton.LeftButton)
    assert shown.args[0] in calendar.days_shown()


# --- sizes from the text (issue 18.16 and 18.19) -----------------------------------------------

UPPER = ("Barbell Row", "Barbell Bench Press", "Barbell Curl", "Triceps Pushdown",
         "Dumbbell Lateral Raise", "Face Pull")


def upper_session(store) -> int:
    session_id = create_session(MONDAY, "Upper A", [exercise_id(n) for n in UPPER])
    store.sessions_changed.emit()
    return session_id


def test_on_a_big_screen_a_chip_shows_every_badge_its_day_has_room_for(store, qtbot):
    """On a 4K screen the badges were cut with "…" inside tall, empty days."""
    calendar = SessionCalendar(store, today=TODAY)
    qtbot.addWidget(calendar)
    upper_session(store)
    calendar.resize(1900, 1100)
    calendar.show()
    qtbot.waitExposed(calendar)
    qtbot.wait(20)
    chip = calendar.cell_for(MONDAY).chips[0]
    assert len(chip.summary.groups) >= 5
    assert chip.hidden_badges() == 0
    assert chip.height() >= chip.sizeHint().height()


def test_a_narrow_day_wraps_the_badges_onto_rows_and_a_short_one_keeps_the_title(store,
                                                                               calendar):
    from ui.calendar.calendar_view import chip_height

    upper_session(store)
    chip = calendar.cell_for(MONDAY).chips[0]
    groups = len(chip.summary.groups)
    title = chip_height(chip.font(), 0)
    placed, hidden = chip.badge_rows(90, chip_height(chip.font(), 4))
    assert hidden == 0 and len(placed) == groups
    assert len({rect.top() for _, rect in placed}) > 1  # on more than one row
    assert all(rect.right() <= 90 for _, rect in placed)
    placed, hidden = chip.badge_rows(90, chip_height(chip.font(), 1))
    assert 0 < len(placed) < groups and hidden == groups - len(placed)  # "…" says so
    assert chip.badge_rows(90, title) == ([], groups)  # the title alone
    assert chip.minimumSizeHint().height() == title
    assert chip.sizeHint().height() > title


def test_the_month_takes_its_sizes_from_the_font(store, qtbot):
    """Fixed pixel sizes (a 54-px day, a 64-px verdict, a 16-px title) cut a larger font's
    text: each now follows the font."""
    from PySide6.QtGui import QFont

    upper_session(store)
    sizes = []
    for points in (9, 15):
        calendar = SessionCalendar(store, today=TODAY)
        qtbot.addWidget(calendar)
        font = QFont(calendar.font())
        font.setPointSize(points)
        calendar.setFont(font)
        calendar.refresh()
        cell = calendar.cell_for(MONDAY)
        sizes.append((cell.minimumSizeHint().height(), cell.sizeHint().height(),
                      calendar.summaries[0].width(), calendar.previous_button.width()))
    assert all(large > small for small, large in zip(*sizes, strict=True)), sizes


def test_the_current_day_keeps_its_room_inside_a_wider_frame(calendar):
    """The current day's 2-px frame took a pixel off each side: a row of badges went."""
    cell = calendar.cell_for(calendar.selected_day)
    other = calendar.cell_for(calendar.selected_day + timedelta(days=1))
    assert cell.frameWidth() == 2 and other.frameWidth() == 1
    assert cell.layout().contentsRect().size() == other.layout().contentsRect().size()
