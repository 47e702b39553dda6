"""The week planner: each day's sessions with their exercises, drops onto exercise positions,
moving and reordering exercises, undo, the keyboard — on a real database."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragMoveEvent, QDropEvent, QMouseEvent
from PySide6.QtWidgets import QApplication

from models.sessions import (
    ExercisePlace,
    create_session,
    exercise_order,
    log_set,
    sessions_between,
    set_exercise_targets,
    set_status,
)
from models.storage.schema import Exercise, Session, SessionExercise
from ui.calendar.calendar_view import SessionCalendar
from ui.calendar.drops import DropPlan, plan_week_drop, session_exercise_mime, session_mime
from ui.calendar.week_planner import REST_DAY_TEXT, DayColumn
from ui.mime import exercise_mime

TODAY = date(2026, 11, 25)  # a Wednesday
MONDAY = date(2026, 11, 23)
THURSDAY = MONDAY + timedelta(days=3)


def exercise_id(name: str) -> int:
    return Exercise.get(Exercise.name == name).id


def names_in(session_id: int) -> list[str]:
    return [SessionExercise.get_by_id(se_id).exercise.name
            for se_id in exercise_order(session_id)]


@pytest.fixture
def week(store, qtbot):
    view = SessionCalendar(store, today=TODAY)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.set_mode("week")
    view.show()
    qtbot.waitExposed(view)
    return view


def session(store, day: date, name: str, exercises: list[str]) -> int:
    session_id = create_session(day, name, [exercise_id(n) for n in exercises])
    store.sessions_changed.emit()
    return session_id


def column(week, day: date) -> DayColumn:
    """The day's column, laid out: a redraw's new cards get their places when Qt is idle."""
    QApplication.processEvents()
    cell = week.cell_for(day)
    assert isinstance(cell, DayColumn)
    return cell


def row_point(col: DayColumn, session_id: int, index: int, *, upper: bool = True) -> QPoint:
    """A point on an exercise row (its upper or lower part), in the column's coordinates."""
    card = next(c for c in col.cards if c.summary.id == session_id)
    row = card.rows[index]
    return row.mapTo(col, QPoint(row.width() // 2, 3 if upper else row.height() - 3))


def header_point(col: DayColumn, session_id: int) -> QPoint:
    card = next(c for c in col.cards if c.summary.id == session_id)
    return card.header.mapTo(col, card.header.rect().center())


def drop(col: DayColumn, mime: QMimeData, point: QPoint | None = None) -> None:
    """Deliver a drop as Qt would (QTest cannot drag); `mime` must outlive the event."""
    point = point or QPoint(col.width() // 2, col.height() - 10)
    event = QDropEvent(QPointF(point), Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
                       mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    col.dropEvent(event)


# --- what the week shows ------------------------------------------------------------------------

def test_each_day_lists_its_sessions_exercises_with_sets_reps_rir_and_minutes(week, store):
    push = create_session(MONDAY, "Push", [exercise_id("Barbell Bench Press"),
                                           exercise_id("Cable Fly")])
    bench_id = exercise_order(push)[0]
    set_exercise_targets(bench_id, target_sets=4, rep_low=6, rep_high=10, target_rir=2)
    pull = create_session(MONDAY + timedelta(days=1), "Pull", [exercise_id("Barbell Row")])
    (row_id,) = exercise_order(pull)
    for _ in range(2):
        log_set(row_id, kind="working", load_kg=80, reps=8)
    set_status(pull, "done")
    store.sessions_changed.emit()

    (card,) = column(week, MONDAY).cards
    minutes = sessions_between(MONDAY, MONDAY)[0].minutes
    assert minutes > 0
    assert card.header.main == "○ Push"
    assert card.header.detail == f"Planned · {minutes} min"
    bench, fly = card.rows
    assert (bench.main, bench.detail) == ("Barbell Bench Press", "4 × 6–10 @ RIR 2")
    assert fly.detail == "3 × 12–20"  # the library's defaults, no RIR target yet
    assert "Barbell Bench Press" in bench.toolTip() and "rest 3:00" in bench.toolTip()
    (done,) = column(week, MONDAY + timedelta(days=1)).cards
    assert done.header.main == "✓ Pull" and done.header.detail.startswith("Done")
    assert done.rows[0].detail == "2/3 sets"  # a logged session shows the sets done
    assert not column(week, MONDAY).rest_label.isVisibleTo(week)
    rest = column(week, MONDAY + timedelta(days=2))
    assert rest.rest_label.isVisibleTo(week) and rest.rest_label.text() == REST_DAY_TEXT
    assert week.totals.text().startswith("2 sessions · ")


def test_a_long_name_is_elided_with_its_full_text_in_the_tooltip(week, store, qtbot):
    name = "Overhead Cable Triceps Extension"
    session(store, MONDAY, "Arms", [name])

    def row():
        return column(week, MONDAY).cards[0].rows[0]

    assert not row().one_line(row().width())  # a narrow column: the targets go under the name
    assert row().fontMetrics().horizontalAdvance(name) > row().width()  # so the name is cut…
    assert name in row().toolTip() and "3 × 10–15" in row().toolTip()  # …and given whole here
    week.resize(2400, 600)
    qtbot.waitUntil(lambda: row().one_line(row().width()))  # wide: name and targets side by side


def test_a_day_with_many_exercises_scrolls_inside_its_column(week, store, qtbot):
    names = ["Barbell Row", "Lat Pulldown", "Face Pull", "Cable Fly", "Barbell Curl",
             "Hammer Curl", "Barbell Bench Press", "Leg Extension", "Lying Leg Curl",
             "Standing Calf Raise", "Barbell Back Squat", "Romanian Deadlift"]
    session(store, MONDAY, "Everything", names)
    week.resize(1000, 400)
    col = column(week, MONDAY)
    qtbot.waitUntil(lambda: col.scroll.verticalScrollBar().maximum() > 0)
    assert col.height() <= 400  # the column kept its room; the week panel keeps its own



def test_a_row_that_needs_two_lines_only_in_its_narrow_column_gets_them(week, store, qtbot):
    """A short name and its targets fit on one line at the row's preferred width (120 px) but
    not in a column narrower than that: the row is as tall as its two lines, never squeezed to
    one line's height with its name cut at the top (as a fixed height from sizeHint did)."""
    session(store, MONDAY, "Pull", ["Chin-Up", "Barbell Row"])
    week.resize(760, 500)
    col = column(week, MONDAY)
    chin_up = col.cards[0].rows[0]
    qtbot.waitUntil(lambda: not chin_up.one_line(chin_up.width()))
    assert chin_up.one_line(120)  # the case: one line at the preferred width, two here
    QApplication.processEvents()
    for row in col.cards[0].rows:
        assert row.height() == row.heightForWidth(row.width()), row.main

# --- drops ----------------------------------------------------------------------------------

def test_a_library_exercise_dropped_on_position_1_goes_in_there_and_undo_removes_it(week, store):
    pull = session(store, MONDAY, "Pull", ["Barbell Row", "Lat Pulldown", "Face Pull"])
    col = column(week, MONDAY)
    mime = exercise_mime([exercise_id("Barbell Curl")])
    drop(col, mime, row_point(col, pull, 1))
    assert names_in(pull) == ["Barbell Row", "Barbell Curl", "Lat Pulldown", "Face Pull"]
    assert [row.main for row in column(week, MONDAY).cards[0].rows][1] == "Barbell Curl"
    store.undo_stack.undo()
    assert names_in(pull) == ["Barbell Row", "Lat Pulldown", "Face Pull"]
    assert len(column(week, MONDAY).cards[0].rows) == 3
    store.undo_stack.redo()
    assert names_in(pull)[1] == "Barbell Curl"


def test_the_lower_half_of_a_row_header_and_empty_space_below_place_exercises(week, store):
    pull = session(store, MONDAY, "Pull", ["Barbell Row", "Lat Pulldown"])
    col = column(week, MONDAY)
    lower, header, below = (exercise_mime([exercise_id(n)])
                            for n in ("Face Pull", "Barbell Curl", "Hammer Curl"))
    drop(col, lower, row_point(col, pull, 0, upper=False))  # below the middle: after it
    assert names_in(pull) == ["Barbell Row", "Face Pull", "Lat Pulldown"]
    col = column(week, MONDAY)
    drop(col, header, header_point(col, pull))  # the header: at the end
    drop(column(week, MONDAY), below)  # the empty part of the day: the end of its session
    assert names_in(pull) == ["Barbell Row", "Face Pull", "Lat Pulldown", "Barbell Curl",
                              "Hammer Curl"]
    assert Session.select().count() == 1


def test_two_library_exercises_go_in_one_after_the_other_as_one_undo_step(week, store):
    pull = session(store, MONDAY, "Pull", ["Barbell Row", "Lat Pulldown"])
    col = column(week, MONDAY)
    mime = exercise_mime([exercise_id("Face Pull"), exercise_id("Barbell Curl")])
    drop(col, mime, row_point(col, pull, 1))
    assert names_in(pull) == ["Barbell Row", "Face Pull", "Barbell Curl", "Lat Pulldown"]
    store.undo_stack.undo()
    assert names_in(pull) == ["Barbell Row", "Lat Pulldown"]


def test_a_library_exercise_dropped_on_a_rest_day_creates_a_session(week, store, qtbot):
    col = column(week, THURSDAY)
    assert not col.cards
    drop(col, exercise_mime([exercise_id("Lat Pulldown")]))
    (summary,) = sessions_between(THURSDAY, THURSDAY)
    assert names_in(summary.id) == ["Lat Pulldown"]
    assert column(week, THURSDAY).cards[0].rows[0].main == "Lat Pulldown"
    store.undo_stack.undo()
    assert sessions_between(THURSDAY, THURSDAY) == []
    assert column(week, THURSDAY).rest_label.isVisibleTo(week)


def test_a_row_dragged_within_its_session_reorders_it(week, store):
    pull = session(store, MONDAY, "Pull", ["Barbell Row", "Lat Pulldown", "Face Pull"])
    col = column(week, MONDAY)
    row_id = exercise_order(pull)[0]
    mime = session_exercise_mime(row_id)
    drop(col, mime, row_point(col, pull, 2))  # onto Face Pull: just before it
    assert names_in(pull) == ["Lat Pulldown", "Barbell Row", "Face Pull"]
    assert store.undo_stack.undoText() == "Move exercise"
    store.undo_stack.undo()
    assert names_in(pull) == ["Barbell Row", "Lat Pulldown", "Face Pull"]
    count = store.undo_stack.count()
    col = column(week, MONDAY)
    again = session_exercise_mime(row_id)
    drop(col, again, row_point(col, pull, 0, upper=False))  # onto its own place: nothing
    assert store.undo_stack.count() == count


def test_a_row_dragged_to_another_days_session_moves_there(week, store):
    pull = session(store, MONDAY, "Pull", ["Barbell Row", "Face Pull"])
    back = session(store, THURSDAY, "Back", ["Lat Pulldown", "Cable Row"])
    face_pull = exercise_order(pull)[1]
    col = column(week, THURSDAY)
    mime = session_exercise_mime(face_pull)
    drop(col, mime, row_point(col, back, 1))
    assert names_in(back) == ["Lat Pulldown", "Face Pull", "Cable Row"]
    assert names_in(pull) == ["Barbell Row"]
    assert [r.main for r in column(week, MONDAY).cards[0].rows] == ["Barbell Row"]
    store.undo_stack.undo()
    assert names_in(pull) == ["Barbell Row", "Face Pull"]
    assert names_in(back) == ["Lat Pulldown", "Cable Row"]


def test_a_row_dragged_to_a_rest_day_makes_a_session_there(week, store):
    pull = session(store, MONDAY, "Pull", ["Barbell Row", "Face Pull"])
    face_pull = exercise_order(pull)[1]
    mime = session_exercise_mime(face_pull)
    drop(column(week, THURSDAY), mime)
    (moved,) = sessions_between(THURSDAY, THURSDAY)
    assert names_in(moved.id) == ["Face Pull"] and names_in(pull) == ["Barbell Row"]
    store.undo_stack.undo()
    assert sessions_between(THURSDAY, THURSDAY) == [] and len(names_in(pull)) == 2
    store.undo_stack.redo()
    assert [s.id for s in sessions_between(THURSDAY, THURSDAY)] == [moved.id]


def test_a_logged_exercise_refused_elsewhere_says_why(week, store, qtbot):
    pull = session(store, MONDAY, "Pull", ["Barbell Row"])
    other = session(store, THURSDAY, "Back", ["Lat Pulldown"])
    (row_id,) = exercise_order(pull)
    log_set(row_id, kind="working", load_kg=80, reps=8)
    store.sessions_changed.emit()
    col = column(week, THURSDAY)
    mime = session_exercise_mime(row_id)
    with qtbot.waitSignal(week.message) as said:
        drop(col, mime, row_point(col, other, 0))
    assert "Barbell Row has 1 logged set" in said.args[0]
    assert names_in(pull) == ["Barbell Row"] and not store.undo_stack.canUndo()


def test_a_session_dragged_to_another_day_moves(week, store):
    pull = session(store, MONDAY, "Pull", ["Barbell Row"])
    mime = session_mime(pull)
    drop(column(week, THURSDAY), mime)
    assert Session.get_by_id(pull).date == THURSDAY
    assert not column(week, MONDAY).cards and column(week, THURSDAY).cards[0].summary.id == pull


def test_the_drop_line_shows_where_an_exercise_goes(week, store):
    pull = session(store, MONDAY, "Pull", ["Barbell Row", "Lat Pulldown"])
    col = column(week, MONDAY)
    card = col.cards[0]
    mime = exercise_mime([exercise_id("Face Pull")])
    point = row_point(col, pull, 1)
    event = QDragMoveEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                           Qt.KeyboardModifier.NoModifier)
    col.dragMoveEvent(event)
    assert event.isAccepted() and event.dropAction() == Qt.DropAction.CopyAction
    assert col.indicator.isVisibleTo(col)
    line = col.indicator.geometry().center().y()
    assert abs(line - (card.y() + card.rows[1].y())) <= 1  # on the top edge of row 1
    col.dragLeaveEvent(None)
    assert not col.indicator.isVisibleTo(col)


def test_plan_week_drop_is_pure_and_covers_every_case(qapp):
    places = {7: ExercisePlace(3, 0), 8: ExercisePlace(3, 1), 9: ExercisePlace(3, 2)}
    library = exercise_mime([4, 5])
    assert plan_week_drop(library, MONDAY, 3, 1, False, places) == \
        DropPlan("add_exercises", MONDAY, 3, (4, 5), position=1)
    assert plan_week_drop(library, MONDAY, None, None, False, places) == \
        DropPlan("new_session", MONDAY, None, (4, 5))
    row = session_exercise_mime(7)
    # Before row 2 of its own session: index 1 once it left index 0.
    assert plan_week_drop(row, MONDAY, 3, 2, False, places) == \
        DropPlan("move_exercise", MONDAY, 3, position=1, session_exercise_id=7)
    assert plan_week_drop(row, MONDAY, 3, 1, False, places) is None  # where it is already
    last = session_exercise_mime(9)
    assert plan_week_drop(last, MONDAY, 3, None, False, places) is None
    assert plan_week_drop(row, MONDAY, 4, 0, False, places) == \
        DropPlan("move_exercise", MONDAY, 4, position=0, session_exercise_id=7)
    assert plan_week_drop(row, MONDAY, None, None, False, places) == \
        DropPlan("exercise_to_new_session", MONDAY, session_exercise_id=7)
    moved = session_mime(3)
    assert plan_week_drop(moved, MONDAY, 3, 0, True, places) == DropPlan("copy", MONDAY, 3)
    garbage = session_exercise_mime(1)
    garbage.setData("application/x-overload-session-exercise", b"{")
    assert plan_week_drop(garbage, MONDAY, 3, 0, False, places) is None


# --- the mouse and the keyboard ---------------------------------------------------------------

def test_double_click_a_session_or_its_exercise_opens_it(week, store, qtbot):
    pull = session(store, MONDAY, "Pull", ["Barbell Row"])
    card = column(week, MONDAY).cards[0]
    for widget in (card.header, card.rows[0]):
        with qtbot.waitSignal(week.session_activated) as opened:
            qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton)
        assert opened.args == [pull]


def test_double_click_a_rest_day_creates_and_opens_a_session(week, store, qtbot):
    col = column(week, THURSDAY)
    point = QPointF(10, col.height() - 10)
    with qtbot.waitSignal(week.session_activated) as opened:
        QApplication.sendEvent(col, QMouseEvent(
            QMouseEvent.Type.MouseButtonDblClick, point, point, Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    (summary,) = sessions_between(THURSDAY, THURSDAY)
    assert opened.args == [summary.id]


def test_the_week_keeps_the_calendars_keyboard(week, store, qtbot):
    pull = session(store, MONDAY + timedelta(days=1), "Pull", ["Barbell Row"])
    week.setFocus()
    week.select_day(MONDAY)
    qtbot.keyClick(week, Qt.Key.Key_Right)
    assert week.selected_day == MONDAY + timedelta(days=1)
    assert "border" in column(week, week.selected_day).styleSheet()
    with qtbot.waitSignal(week.session_activated) as opened:
        qtbot.keyClick(week, Qt.Key.Key_Return)
    assert opened.args == [pull]
    qtbot.keyClick(week, Qt.Key.Key_Delete)
    assert Session.get_by_id(pull).status == "skipped"
    assert column(week, MONDAY + timedelta(days=1)).cards[0].header.muted
    row = column(week, MONDAY + timedelta(days=1)).cards[0].rows[0]
    week.select_day(THURSDAY)
    qtbot.mouseClick(row, Qt.MouseButton.LeftButton)  # a click on a row makes its day current
    assert week.selected_day == MONDAY + timedelta(days=1) and week.hasFocus()
    qtbot.keyClick(week, Qt.Key.Key_PageDown)
    assert week.cells[0].day == MONDAY + timedelta(days=7)
    assert week.selected_day in week.days_shown()
    qtbot.keyClick(week, Qt.Key.Key_Down)  # a week on, the page follows
    assert week.cells[0].day == MONDAY + timedelta(days=14)
    assert all(isinstance(cell, DayColumn) for cell in week.cells)


def test_the_exercise_menu_moves_rows_and_removes_them(week, store):
    pull = session(store, MONDAY, "Pull", ["Barbell Row", "Lat Pulldown"])

    def menu_of(index: int) -> dict:
        row = column(week, MONDAY).cards[0].rows[index]
        menu = week.exercise_menu(row.summary, row.exercise, row.index)
        return {action.text(): action for action in menu.actions() if action.text()}

    first = menu_of(0)
    assert not first["Move up"].isEnabled() and first["Move down"].isEnabled()
    first["Move down"].trigger()
    assert names_in(pull) == ["Lat Pulldown", "Barbell Row"]
    menu_of(1)["Move up"].trigger()
    assert names_in(pull) == ["Barbell Row", "Lat Pulldown"]
    menu_of(0)["Remove from session"].trigger()
    assert names_in(pull) == ["Lat Pulldown"]
    store.undo_stack.undo()
    assert names_in(pull) == ["Barbell Row", "Lat Pulldown"]
