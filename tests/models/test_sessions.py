"""Sessions on the calendar: queries, changes with their undos, validation, spacing, last time."""

from contextlib import contextmanager
from datetime import date, datetime, timedelta

import pytest

from models.library import create_exercise
from models.rules.domain import LB_TO_KG, ExerciseInfo
from models.sessions import (
    ExercisePlace,
    NextSet,
    SessionError,
    SpacingConflict,
    add_exercise,
    conflicts_between,
    copy_session,
    create_session,
    delete_session,
    delete_set,
    exercise_order,
    exercises_between,
    last_performance,
    log_set,
    move_exercise_to_new_session,
    move_session,
    move_session_exercise,
    next_set,
    planned_set,
    remove_session_exercise,
    rename_session,
    reorder_exercises,
    restore_new_session,
    restore_session,
    restore_session_exercise,
    restore_set,
    return_exercise_from_new_session,
    session_detail,
    sessions_between,
    set_exercise_targets,
    set_notes,
    set_status,
    spacing_conflicts,
    target_for,
    update_set,
)
from models.storage.db import database
from models.storage.schema import Exercise, Feedback, LoggedSet, Mesocycle, Session, SessionExercise

MONDAY = date(2026, 11, 23)
TUESDAY, WEDNESDAY = MONDAY + timedelta(days=1), MONDAY + timedelta(days=2)
TABLES = ("session", "session_exercise", "logged_set", "feedback")


def exercise(name: str) -> int:
    return Exercise.get(Exercise.name == name).id


def table_rows() -> dict[str, list[tuple]]:
    """Every row of the session tables, exactly as stored."""
    return {table: database.execute_sql(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in TABLES}


def row_counts() -> dict[str, int]:
    return {table: len(rows) for table, rows in table_rows().items()}


def trained(day: date, names: list[str], *, sets=((80, 8),) * 3, status="done",
            name="Session") -> int:
    """A session on `day` with every exercise in `names` logged as `sets` of (load, reps)."""
    session_id = create_session(day, name, [exercise(n) for n in names], status=status)
    for se_id in exercise_order(session_id):
        for load, reps in sets:
            log_set(se_id, kind="working", load_kg=load, reps=reps)
    return session_id


@contextmanager
def counting_queries():
    statements = []
    connection = database.connection()
    connection.set_trace_callback(statements.append)
    try:
        yield statements
    finally:
        connection.set_trace_callback(None)


# --- creating, moving, copying, deleting sessions --------------------------------------------

def test_create_session_appends_to_the_day_with_the_librarys_defaults(db):
    first = create_session(MONDAY, "Pull A")
    second = create_session(MONDAY, "  Pull B  ", [exercise("Barbell Row"),
                                                   exercise("Lat Pulldown")])
    assert [(s.id, s.position, s.name) for s in sessions_between(MONDAY, MONDAY)] \
        == [(first, 0, "Pull A"), (second, 1, "Pull B")]
    rows = list(SessionExercise.select().where(SessionExercise.session == second)
                .order_by(SessionExercise.position))
    assert [(r.exercise.name, r.position, r.target_sets, r.rep_low, r.rep_high, r.target_rir,
             r.tempo, r.rest_seconds) for r in rows] == [
        ("Barbell Row", 0, 3, 6, 10, None, "3-1-1-0", 150),
        ("Lat Pulldown", 1, 3, 10, 15, None, "3-1-1-0", 120),
    ]
    assert Session.get_by_id(second).status == "planned"


def test_move_session_goes_to_the_end_of_the_new_day_and_returns_the_old_day(db):
    staying = create_session(WEDNESDAY, "Legs")
    moving = create_session(MONDAY, "Pull")
    assert move_session(moving, WEDNESDAY) == MONDAY
    assert [(s.id, s.position) for s in sessions_between(MONDAY, WEDNESDAY)] \
        == [(staying, 0), (moving, 1)]
    assert move_session(moving, MONDAY) == WEDNESDAY  # the undo
    assert Session.get_by_id(moving).date == MONDAY


def test_copy_session_copies_exercises_and_targets_but_not_sets_notes_or_mesocycle(db):
    meso = Mesocycle.create(name="Block", level="beginner", start_date=MONDAY,
                            accumulation_weeks=4, deload=True, training_days="mon,wed,fri")
    original = trained(MONDAY, ["Barbell Row", "Lat Pulldown"], name="Pull")
    Session.update(mesocycle=meso, week_number=1, notes="tired").where(
        Session.id == original).execute()
    row_id, pulldown_id = exercise_order(original)
    set_exercise_targets(row_id, target_sets=4, rep_low=8, rep_high=12, target_rir=2,
                         tempo="2-0-1-0", rest_seconds=90, notes="straps")

    copy = copy_session(original, WEDNESDAY)

    detail = session_detail(copy)
    assert (detail.date, detail.name, detail.status, detail.notes, detail.mesocycle_id,
            detail.week_number) == (WEDNESDAY, "Pull", "planned", "", None, None)
    first = detail.exercises[0]
    assert (first.exercise.name, first.target_sets, first.rep_low, first.rep_high,
            first.target_rir, first.tempo, first.rest_seconds, first.notes) \
        == ("Barbell Row", 4, 8, 12, 2.0, "2-0-1-0", 90, "straps")
    assert [e.exercise.name for e in detail.exercises] == ["Barbell Row", "Lat Pulldown"]
    assert all(e.sets == () for e in detail.exercises)
    assert exercise_order(copy) != [row_id, pulldown_id]  # new rows, not shared ones


def test_delete_then_restore_puts_back_the_same_rows_with_the_same_ids(db):
    meso = Mesocycle.create(name="Block", level="beginner", start_date=MONDAY,
                            accumulation_weeks=4, deload=True, training_days="mon,wed,fri")
    other = trained(WEDNESDAY, ["Barbell Bench Press"])
    session_id = trained(MONDAY, ["Barbell Row", "Lat Pulldown"], name="Pull")
    Session.update(mesocycle=meso, week_number=2, notes="good day").where(
        Session.id == session_id).execute()
    Feedback.create(session=session_id, group="back", soreness=1, pump=2, performance=0)
    before = table_rows()

    snapshot = delete_session(session_id)

    # The foreign keys cascade: no exercise, set or feedback of the session is left behind.
    counts = row_counts()
    assert counts == {"session": 1, "session_exercise": 1, "logged_set": 3, "feedback": 0}
    assert [s.id for s in sessions_between(MONDAY, WEDNESDAY)] == [other]
    restore_session(snapshot)
    assert table_rows() == before


def test_restoring_a_session_whose_mesocycle_was_deleted_drops_the_link(db):
    meso = Mesocycle.create(name="Block", level="beginner", start_date=MONDAY,
                            accumulation_weeks=4, deload=True, training_days="mon,wed,fri")
    session_id = create_session(MONDAY, "Pull", [exercise("Barbell Row")])
    Session.update(mesocycle=meso).where(Session.id == session_id).execute()
    snapshot = delete_session(session_id)
    meso.delete_instance()
    restore_session(snapshot)
    assert Session.get_by_id(session_id).mesocycle_id is None


def test_status_notes_and_name_changes_return_the_old_value(db):
    session_id = create_session(MONDAY, "Pull")
    assert set_status(session_id, "done") == "planned"
    assert set_notes(session_id, "felt strong") == ""
    assert rename_session(session_id, "Pull heavy") == "Pull"
    row = Session.get_by_id(session_id)
    assert (row.status, row.notes, row.name) == ("done", "felt strong", "Pull heavy")


# --- the exercises of a session ---------------------------------------------------------------

def test_add_exercise_at_a_position_shifts_the_others_and_reorder_returns_the_old_order(db):
    session_id = create_session(MONDAY, "Pull", [exercise("Barbell Row"),
                                                 exercise("Lat Pulldown")])
    row_id, pulldown_id = exercise_order(session_id)
    curl_id = add_exercise(session_id, exercise("Dumbbell Curl"), position=1)
    last_id = add_exercise(session_id, exercise("Face Pull"))
    assert exercise_order(session_id) == [row_id, curl_id, pulldown_id, last_id]
    assert [se.position for se in session_detail(session_id).exercises] == [0, 1, 2, 3]
    curl = SessionExercise.get_by_id(curl_id)
    assert (curl.target_sets, curl.rep_low, curl.rep_high, curl.tempo, curl.rest_seconds) \
        == (3, 10, 15, "2-0-1-0", 90)
    past_the_end = add_exercise(session_id, exercise("Pull-Up"), position=99)
    assert exercise_order(session_id)[-1] == past_the_end

    new_order = [last_id, pulldown_id, past_the_end, row_id, curl_id]
    old = reorder_exercises(session_id, new_order)
    assert exercise_order(session_id) == new_order
    reorder_exercises(session_id, old)
    assert exercise_order(session_id) == old


def test_reorder_must_name_every_exercise_of_the_session_once(db):
    session_id = create_session(MONDAY, "Pull", [exercise("Barbell Row"),
                                                 exercise("Lat Pulldown")])
    first, second = exercise_order(session_id)
    for bad in ([first], [first, first], [first, second, 999]):
        with pytest.raises(SessionError, match=r"order: .* exactly once"):
            reorder_exercises(session_id, bad)
    assert exercise_order(session_id) == [first, second]


def test_remove_then_restore_an_exercise_with_its_sets(db):
    session_id = trained(MONDAY, ["Barbell Row", "Lat Pulldown", "Face Pull"])
    before = table_rows()
    middle = exercise_order(session_id)[1]
    snapshot = remove_session_exercise(middle)
    assert len(exercise_order(session_id)) == 2
    assert row_counts()["logged_set"] == 6  # the removed exercise's three sets went with it
    restore_session_exercise(snapshot)
    assert table_rows() == before


def test_exercise_targets_change_and_undo_including_clearing_the_rir(db):
    session_id = create_session(MONDAY, "Pull", [exercise("Barbell Row")])
    (se_id,) = exercise_order(session_id)
    old = set_exercise_targets(se_id, target_sets=5, rep_low=8, target_rir=2, tempo="3-1-1-0")
    assert old == {"target_sets": 3, "rep_low": 6, "target_rir": None, "tempo": "3-1-1-0"}
    assert set_exercise_targets(se_id, target_rir=None) == {"target_rir": 2.0}
    assert SessionExercise.get_by_id(se_id).target_rir is None
    set_exercise_targets(se_id, **old)
    row = SessionExercise.get_by_id(se_id)
    assert (row.target_sets, row.rep_low, row.rep_high, row.target_rir) == (3, 6, 10, None)
    assert set_exercise_targets(se_id) == {}


# --- logged sets -----------------------------------------------------------------------------

def test_log_update_delete_and_restore_sets(db):
    session_id = create_session(MONDAY, "Pull", [exercise("Barbell Row")])
    (se_id,) = exercise_order(session_id)
    warmup = log_set(se_id, kind="warmup", load_kg=40, reps=10)
    working = log_set(se_id, kind="working", load_kg=80, reps=8, rir=2, rpe=8)
    last = log_set(se_id, kind="failure", load_kg=80, reps=6, rir=0)
    assert [(s.id, s.position, s.kind, s.load_kg, s.reps, s.rir, s.rpe)
            for s in session_detail(session_id).exercises[0].sets] == [
        (warmup, 0, "warmup", 40.0, 10, None, None),
        (working, 1, "working", 80.0, 8, 2.0, 8.0),
        (last, 2, "failure", 80.0, 6, 0.0, None),
    ]
    assert LoggedSet.get_by_id(working).logged_at.startswith(str(date.today()))

    old = update_set(working, load_kg=82.5, reps=7, rir=None)
    assert old == {"load_kg": 80.0, "reps": 8, "rir": 2.0}
    assert (LoggedSet.get_by_id(working).load_kg, LoggedSet.get_by_id(working).rir) == (82.5, None)
    update_set(working, **old)

    before = table_rows()
    snapshot = delete_set(working)
    assert [s.id for s in session_detail(session_id).exercises[0].sets] == [warmup, last]
    assert log_set(se_id, kind="working", load_kg=None, reps=12) != working
    LoggedSet.delete().where(LoggedSet.reps == 12).execute()
    restore_set(snapshot)
    assert table_rows() == before


# --- validation: every bad input names its field, and nothing is written ------------------------

@pytest.fixture
def one_set(db):
    session_id = create_session(MONDAY, "Pull", [exercise("Barbell Row")])
    (se_id,) = exercise_order(session_id)
    set_id = log_set(se_id, kind="working", load_kg=80, reps=8)
    return session_id, se_id, set_id


def _log(**changes):
    values = {"kind": "working", "load_kg": 80, "reps": 8} | changes
    return lambda ids: log_set(ids[1], **values)


BAD_INPUTS = [
    ("reps too many", _log(reps=150), "reps: 150 is out of range (0–100)"),
    ("reps negative", _log(reps=-1), "reps: -1 is negative"),
    ("reps not whole", _log(reps=8.5), "reps: 8.5 is not a whole number"),
    ("reps text", _log(reps="8"), "reps: '8' is not a whole number"),
    ("reps bool", _log(reps=True), "reps: True is not a whole number"),
    ("load negative", _log(load_kg=-5),
     "load −5 kg: only an assisted exercise takes a negative load (assistance)"),
    ("load too heavy", _log(load_kg=1200), "load: 1200 kg is out of range (0–1000 kg)"),
    ("load text", _log(load_kg="heavy"), "load: 'heavy' is not a number"),
    ("load nan", _log(load_kg=float("nan")), "load: nan is not a number"),
    ("rir too high", _log(rir=11), "RIR: 11 is out of range (0–10)"),
    ("rir negative", _log(rir=-1), "RIR: -1 is negative"),
    ("rpe zero", _log(rpe=0), "RPE: 0 is out of range (1–10)"),
    ("rpe text", _log(rpe="8"), "RPE: '8' is not a number"),
    ("kind unknown", _log(kind="heavy"), "kind: 'heavy' is not one of warmup, working, drop"),
    ("log to a missing exercise", lambda ids: log_set(999, kind="working", load_kg=1, reps=1),
     "session exercise: no session exercise with id 999"),
    ("update reps", lambda ids: update_set(ids[2], reps=101), "reps: 101 is out of range"),
    ("update unknown field", lambda ids: update_set(ids[2], weight=80),
     "weight: not a field of a logged set"),
    ("no reps and no time", _log(reps=0),
     "reps: 0 reps and no time — a set needs at least 1 rep, or a time in seconds"),
    ("seconds too long", _log(reps=0, seconds=4000), "seconds: 4000 is out of range (1–3600)"),
    ("seconds text", _log(reps=0, seconds="60 s"), "seconds: '60 s' is not a whole number"),
    ("negative load on a barbell", _log(load_kg=-20),
     "load −20 kg: only an assisted exercise takes a negative load (assistance)"),
    ("update to no reps and no time", lambda ids: update_set(ids[2], reps=0),
     "reps: 0 reps and no time"),
    ("update to a negative load", lambda ids: update_set(ids[2], load_kg=-2.5),
     "load −2.5 kg: only an assisted exercise takes a negative load (assistance)"),
    ("update load and a bad kind: nothing changes",
     lambda ids: update_set(ids[2], load_kg=90, kind="x"), "kind: 'x' is not one of"),
    ("status", lambda ids: set_status(ids[0], "finished"),
     "status: 'finished' is not one of planned, done, skipped"),
    ("notes", lambda ids: set_notes(ids[0], None), "notes: None is not text"),
    ("name", lambda ids: rename_session(ids[0], 5), "name: 5 is not text"),
    ("create status", lambda ids: create_session(MONDAY, status="maybe"), "status: 'maybe'"),
    ("create day", lambda ids: create_session("2026-11-23"), "day: '2026-11-23' is not a date"),
    ("create datetime", lambda ids: create_session(datetime(2026, 11, 23, 18)),
     "day: datetime.datetime(2026, 11, 23, 18, 0) is not a date"),
    ("create unknown exercise",
     lambda ids: create_session(MONDAY, "x", [exercise("Barbell Row"), 9999]),
     "exercise: no exercise with id 9999"),
    ("move day", lambda ids: move_session(ids[0], None), "day: None is not a date"),
    ("move missing", lambda ids: move_session(999, MONDAY), "session: no session with id 999"),
    ("copy day", lambda ids: copy_session(ids[0], "tomorrow"), "day: 'tomorrow' is not a date"),
    ("add unknown exercise", lambda ids: add_exercise(ids[0], 9999),
     "exercise: no exercise with id 9999"),
    ("add negative position", lambda ids: add_exercise(ids[0], exercise("Lat Pulldown"), -1),
     "position: -1 is negative"),
    ("target sets", lambda ids: set_exercise_targets(ids[1], target_sets=21),
     "target sets: 21 is out of range (0–20)"),
    ("rep low zero", lambda ids: set_exercise_targets(ids[1], rep_low=0),
     "rep low: 0 is out of range (1–100)"),
    ("rep range upside down", lambda ids: set_exercise_targets(ids[1], rep_low=12),
     "rep range: 12–10 has the low end above the high end"),
    ("target rir", lambda ids: set_exercise_targets(ids[1], target_rir=12),
     "target RIR: 12 is out of range (0–10)"),
    ("tempo", lambda ids: set_exercise_targets(ids[1], tempo="slow"),
     "tempo: 'slow' is not four numbers like 3-1-1-0"),
    ("rest", lambda ids: set_exercise_targets(ids[1], rest_seconds=3600),
     "rest: 3600 is out of range (0–1800)"),
    ("rest text", lambda ids: set_exercise_targets(ids[1], target_sets=4, rest_seconds="2m"),
     "rest: '2m' is not a whole number"),
]


@pytest.mark.parametrize("change, message", [case[1:] for case in BAD_INPUTS],
                         ids=[case[0] for case in BAD_INPUTS])
def test_bad_input_is_refused_naming_the_field_and_nothing_is_written(one_set, change, message):
    before = table_rows()
    with pytest.raises(SessionError) as caught:
        change(one_set)
    assert str(caught.value).startswith(message)
    assert table_rows() == before


# --- the calendar: summaries and spacing -----------------------------------------------------

def test_sessions_between_summarises_each_session_in_one_query(db):
    pull = create_session(MONDAY, "Pull", [exercise("Barbell Row"), exercise("Lat Pulldown"),
                                           exercise("Dumbbell Curl")])
    row_id = exercise_order(pull)[0]
    for kind in ("warmup", "working", "working", "drop", "failure"):
        log_set(row_id, kind=kind, load_kg=60, reps=8)
    legs = create_session(WEDNESDAY, "Legs", [exercise("Barbell Back Squat")],
                          status="skipped")
    empty = create_session(WEDNESDAY, "Rest day walk")
    create_session(MONDAY - timedelta(days=1), "Outside the range")

    with counting_queries() as statements:
        summaries = sessions_between(MONDAY, WEDNESDAY)
    assert len(statements) == 2  # the summaries, and the sets that make each one's length

    assert [(s.id, s.date, s.position, s.name, s.status, s.groups, s.exercise_count,
             s.sets_done, s.mesocycle_id) for s in summaries] == [
        # Groups are primary only, in the DOMAIN table's order; warm-ups are not "done" sets.
        (pull, MONDAY, 0, "Pull", "planned", ("back", "biceps"), 3, 4, None),
        (legs, WEDNESDAY, 0, "Legs", "skipped", ("quads",), 1, 0, None),
        (empty, WEDNESDAY, 1, "Rest day walk", "planned", (), 0, 0, None),
    ]
    assert sessions_between(WEDNESDAY, MONDAY) == []
    # Length (DOMAIN §10) of the target sets: row and pulldown compound, curl isolation.
    targets = [se.target_sets for se in SessionExercise.select().where(
        SessionExercise.session == pull).order_by(SessionExercise.position)]
    expected = (targets[0] * 3.25 + 3) + (targets[1] * 3.25 + 3) + (targets[2] * 2.25 + 1)
    assert summaries[0].minutes == round(expected) and summaries[2].minutes == 0
    assert summaries[1].minutes == round(targets_of(legs) * 3.25 + 3)


def targets_of(session_id: int) -> int:
    return sum(se.target_sets for se in SessionExercise.select().where(
        SessionExercise.session == session_id))


@pytest.mark.parametrize("first_day, second_day, second_names, second_status, days_apart", [
    (MONDAY, TUESDAY, ["Lat Pulldown"], "planned", 1),  # back on Mon and Tue
    (MONDAY, MONDAY, ["Lat Pulldown"], "planned", 0),  # twice the same day
    (MONDAY, WEDNESDAY, ["Lat Pulldown"], "planned", None),  # 48 hours: fine
    (MONDAY, TUESDAY, ["Lat Pulldown"], "skipped", None),  # a skipped session trains nothing
    (MONDAY, TUESDAY, ["Barbell Bench Press"], "planned", None),  # different group
    (MONDAY, TUESDAY, ["Dumbbell Curl"], "planned", None),  # biceps: only secondary on the row
    (MONDAY - timedelta(days=1), MONDAY, ["Lat Pulldown"], "done", 1),  # Sun -> Mon
])
def test_spacing_conflicts(db, first_day, second_day, second_names, second_status, days_apart):
    first = create_session(first_day, "Pull", [exercise("Barbell Row")])
    second = create_session(second_day, "Other", [exercise(n) for n in second_names],
                            status=second_status)
    if days_apart is None:
        assert spacing_conflicts(first) == []
        return
    assert spacing_conflicts(first) == [
        SpacingConflict(first, second, second_day, "back", days_apart)]
    assert spacing_conflicts(second) == [
        SpacingConflict(second, first, first_day, "back", days_apart)]


def test_a_skipped_session_has_no_conflicts_itself(db):
    skipped = create_session(MONDAY, "Pull", [exercise("Barbell Row")], status="skipped")
    create_session(TUESDAY, "Pull", [exercise("Lat Pulldown")])
    assert spacing_conflicts(skipped) == []


def test_conflicts_between_covers_a_page_and_its_neighbours(db):
    sunday = trained(MONDAY - timedelta(days=1), ["Barbell Row"])  # just before the page
    monday = create_session(MONDAY, "Full", [exercise("Barbell Row"),
                                             exercise("Barbell Bench Press")])
    tuesday = create_session(TUESDAY, "Push", [exercise("Barbell Bench Press"),
                                               exercise("Lat Pulldown")])
    create_session(MONDAY + timedelta(days=4), "Legs", [exercise("Barbell Back Squat")])

    with counting_queries() as statements:
        found = conflicts_between(MONDAY, MONDAY + timedelta(days=6))
    assert len(statements) == 1

    assert found == {
        monday: [SpacingConflict(monday, sunday, MONDAY - timedelta(days=1), "back", 1),
                 SpacingConflict(monday, tuesday, TUESDAY, "back", 1),
                 SpacingConflict(monday, tuesday, TUESDAY, "chest", 1)],
        tuesday: [SpacingConflict(tuesday, monday, MONDAY, "back", 1),
                  SpacingConflict(tuesday, monday, MONDAY, "chest", 1)],
    }
    assert found[monday] == spacing_conflicts(monday)
    assert found[tuesday] == spacing_conflicts(tuesday)


# --- last time and the target for next time --------------------------------------------------

def test_last_performance_is_the_latest_earlier_session_only(db):
    row = exercise("Barbell Row")
    trained(MONDAY - timedelta(days=14), ["Barbell Row"], sets=((70, 10),) * 3)
    trained(MONDAY - timedelta(days=7), ["Barbell Row"], sets=((75, 9), (75, 8)))
    trained(MONDAY - timedelta(days=3), ["Barbell Row"], sets=(), name="planned, nothing logged")
    warmups_only = create_session(MONDAY - timedelta(days=2), "warm-ups only", [row])
    log_set(exercise_order(warmups_only)[0], kind="warmup", load_kg=40, reps=10)
    trained(MONDAY, ["Barbell Row"], sets=((80, 8),))  # the same day is not "earlier"
    trained(MONDAY + timedelta(days=2), ["Barbell Row"], sets=((85, 8),))

    day, sets = last_performance(row, MONDAY)
    assert day == MONDAY - timedelta(days=7)
    assert [(s.load_kg, s.reps, s.kind) for s in sets] == [(75, 9, "working"), (75, 8, "working")]
    assert last_performance(row, MONDAY - timedelta(days=14)) == (None, ())
    assert last_performance(exercise("Lat Pulldown"), MONDAY) == (None, ())


def test_target_for_combines_last_performance_with_double_progression(db):
    row = exercise("Barbell Row")  # 6–10 reps, 2.5 kg / 5 lb steps
    trained(MONDAY - timedelta(days=7), ["Barbell Row"], sets=((80, 8), (80, 7)))
    trained(MONDAY, ["Barbell Row"], sets=((80, 10), (80, 10), (80, 10)))

    assert target_for(row, MONDAY, 3, "kg").note == "+1 rep: 9 reps at 80 kg"
    heavier = target_for(row, WEDNESDAY, 4, "kg")
    assert (heavier.load_kg, heavier.reps, heavier.sets) == (82.5, 6, 4)
    assert heavier.e1rm_kg == pytest.approx(80 * (1 + 10 / 30))
    in_pounds = target_for(row, WEDNESDAY, 4, "lb")
    assert in_pounds.load_kg == pytest.approx(180 * LB_TO_KG, abs=1e-5)
    assert in_pounds.note == "top of range on every set: 180 lb × 6"
    first = target_for(exercise("Lat Pulldown"), WEDNESDAY, 3, "kg")
    assert (first.load_kg, first.reps) == (None, 10) and first.note.startswith("first time")


def test_session_detail_brings_sets_last_time_and_targets_in_a_handful_of_queries(db):
    trained(MONDAY - timedelta(days=7), ["Barbell Row", "Pull-Up"],
            sets=((80, 10), (80, 10), (80, 10)))
    today = trained(MONDAY, ["Barbell Row", "Pull-Up", "Lat Pulldown"],
                    sets=((82.5, 6),) * 5)
    Session.update(notes="ok").where(Session.id == today).execute()

    with counting_queries() as statements:
        detail = session_detail(today, units="kg")
    assert len(statements) <= 8  # not one per exercise or per set

    assert (detail.id, detail.date, detail.notes) == (today, MONDAY, "ok")
    row, pull_up, pulldown = detail.exercises
    assert row.exercise.name == "Barbell Row" and row.exercise.secondary == ("biceps",
                                                                             "rear_delts")
    assert len(row.sets) == 5 and row.sets[0].load_kg == 82.5
    assert row.last_date == MONDAY - timedelta(days=7)
    assert [s.reps for s in row.last_time] == [10, 10, 10]
    assert (row.target.load_kg, row.target.reps) == (82.5, 6)
    # No load step and the top of the range on every set: add load or a harder variant.
    assert (pull_up.target.load_kg, pull_up.target.reps) == (80, 10)
    assert "add load or move to a harder variant" in pull_up.target.note
    assert pulldown.last_date is None and pulldown.target.note.startswith("first time")
    # The session's own rep range drives its target, not the library's.
    set_exercise_targets(row.id, rep_low=8, rep_high=12)
    assert session_detail(today, units="kg").exercises[0].target.note \
        == "+1 rep: 11 reps at 80 kg"


# --- the week planner: its exercises, moving one within or between sessions ---------------------

def names_of(session_id: int) -> list[str]:
    return [SessionExercise.get_by_id(se_id).exercise.name for se_id in exercise_order(session_id)]


def test_exercises_between_lists_each_sessions_exercises_in_order_in_one_query(db):
    pull = create_session(MONDAY, "Pull", [exercise("Barbell Row"), exercise("Lat Pulldown")])
    row_id, pulldown_id = exercise_order(pull)
    set_exercise_targets(pulldown_id, target_sets=4, rep_low=8, rep_high=12, target_rir=2)
    for kind in ("warmup", "working", "failure", "drop"):
        log_set(row_id, kind=kind, load_kg=60, reps=8)
    empty = create_session(WEDNESDAY, "Walk")
    create_session(MONDAY - timedelta(days=1), "Outside", [exercise("Face Pull")])
    reorder_exercises(pull, [pulldown_id, row_id])

    with counting_queries() as statements:
        found = exercises_between(MONDAY, WEDNESDAY)
    assert len(statements) == 1 and list(found) == [pull] and empty not in found
    pulldown, row = found[pull]
    assert (pulldown.id, pulldown.name, pulldown.primary, pulldown.target_sets,
            pulldown.rep_low, pulldown.rep_high, pulldown.target_rir, pulldown.sets_done) \
        == (pulldown_id, "Lat Pulldown", "back", 4, 8, 12, 2.0, 0)
    # Working and failure sets count against the target, as in the session editor.
    assert (row.id, row.sets_done, row.target_rir, row.tempo) == (row_id, 2, None, "3-1-1-0")


def test_moving_an_exercise_within_its_session_reorders_and_moves_back(db):
    pull = create_session(MONDAY, "Pull", [exercise("Barbell Row"), exercise("Lat Pulldown"),
                                           exercise("Face Pull")])
    row_id = exercise_order(pull)[0]
    was = move_session_exercise(row_id, pull, 2)
    assert names_of(pull) == ["Lat Pulldown", "Face Pull", "Barbell Row"]
    assert was == ExercisePlace(pull, 0)
    move_session_exercise(row_id, was.session_id, was.position)
    assert names_of(pull) == ["Barbell Row", "Lat Pulldown", "Face Pull"]
    move_session_exercise(row_id, pull, None)  # None: last
    assert names_of(pull)[-1] == "Barbell Row"


def test_moving_an_exercise_to_another_session_and_back_restores_both(db):
    pull = create_session(MONDAY, "Pull", [exercise("Barbell Row"), exercise("Lat Pulldown"),
                                           exercise("Face Pull")])
    push = create_session(WEDNESDAY, "Push", [exercise("Barbell Bench Press"),
                                              exercise("Cable Fly")])
    pulldown_id = exercise_order(pull)[1]
    before = [names_of(pull), names_of(push)]
    was = move_session_exercise(pulldown_id, push, 1)
    assert names_of(pull) == ["Barbell Row", "Face Pull"]
    assert names_of(push) == ["Barbell Bench Press", "Lat Pulldown", "Cable Fly"]
    assert [se.position for se in session_detail(pull).exercises] == [0, 1]  # no gap left
    move_session_exercise(pulldown_id, was.session_id, was.position)
    assert [names_of(pull), names_of(push)] == before
    move_session_exercise(pulldown_id, push, 99)  # past the end: last
    assert names_of(push)[-1] == "Lat Pulldown"


def test_an_exercise_with_logged_sets_stays_in_its_session(db):
    done = trained(MONDAY, ["Barbell Row", "Lat Pulldown"])
    other = create_session(WEDNESDAY, "Pull", [exercise("Face Pull")])
    row_id = exercise_order(done)[0]
    before = table_rows()
    with pytest.raises(SessionError, match=r"exercise: Barbell Row has 3 logged sets in its "
                                           r"session of 23 Nov 2026"):
        move_session_exercise(row_id, other, 0)
    with pytest.raises(SessionError, match="logged sets"):
        move_exercise_to_new_session(row_id, TUESDAY)
    assert table_rows() == before
    move_session_exercise(row_id, done, 1)  # a reorder keeps the sets on their day
    assert names_of(done) == ["Lat Pulldown", "Barbell Row"]


@pytest.mark.parametrize("args, message", [
    ((999, 1, 0), "session exercise: no session exercise with id 999"),
    (("first", 999, 0), "session: no session with id 999"),
    (("first", "same", -1), "position: -1 is negative"),
    (("first", "same", 1.5), "position: 1.5 is not a whole number"),
])
def test_bad_moves_are_refused_naming_the_field(db, args, message):
    pull = create_session(MONDAY, "Pull", [exercise("Barbell Row"), exercise("Lat Pulldown")])
    first = exercise_order(pull)[0]
    values = {"first": first, "same": pull}
    se_id, session_id, position = (values.get(a, a) if isinstance(a, str) else a for a in args)
    before = table_rows()
    with pytest.raises(SessionError, match=message):
        move_session_exercise(se_id, session_id, position)
    assert table_rows() == before


def test_an_exercise_moved_to_a_rest_day_makes_a_session_that_undo_and_redo_keep(db):
    pull = create_session(MONDAY, "Pull", [exercise("Barbell Row"), exercise("Lat Pulldown")])
    pulldown_id = exercise_order(pull)[1]
    before = table_rows()
    new_id, was = move_exercise_to_new_session(pulldown_id, WEDNESDAY)
    assert was == ExercisePlace(pull, 1)
    assert names_of(pull) == ["Barbell Row"] and names_of(new_id) == ["Lat Pulldown"]
    assert Session.get_by_id(new_id).date == WEDNESDAY
    snapshot = return_exercise_from_new_session(new_id, pulldown_id, was)
    assert table_rows() == before
    assert restore_new_session(snapshot, pulldown_id) == was
    assert names_of(new_id) == ["Lat Pulldown"] and names_of(pull) == ["Barbell Row"]


# --- timed sets and assistance (issue 18) ---------------------------------------------------------

def plank() -> int:
    return create_exercise(ExerciseInfo(name="Plank", primary="abs", pattern="core_stability",
                                        equipment="bodyweight", rep_low=1, rep_high=1,
                                        load_step_kg=0, load_step_lb=0))


def test_a_timed_set_is_logged_counted_and_shown_with_its_time(db):
    session_id = create_session(MONDAY, "Core", [plank()])
    (se_id,) = exercise_order(session_id)
    held = log_set(se_id, kind="working", load_kg=None, reps=0, seconds=60)
    weighted = log_set(se_id, kind="working", load_kg=10, reps=0, seconds=45, rir=1)
    assert LoggedSet.get_by_id(held).seconds == 60
    (info,) = session_detail(session_id, units="kg").exercises
    assert [(s.load_kg, s.reps, s.seconds, s.timed) for s in info.sets] == [
        (None, 0, 60, True), (10, 0, 45, True)]
    assert sessions_between(MONDAY, MONDAY)[0].sets_done == 2  # hard sets like any other
    assert update_set(weighted, seconds=50) == {"seconds": 45}
    assert update_set(weighted, reps=8, seconds=None) == {"reps": 0, "seconds": 50}
    assert LoggedSet.get_by_id(weighted).seconds is None  # now a set of 8 reps


def test_last_times_timed_sets_make_a_timed_target(db):
    plank_id = plank()
    last_week = create_session(MONDAY - timedelta(days=7), "Core", [plank_id], status="done")
    for seconds in (60, 55):
        log_set(exercise_order(last_week)[0], kind="working", load_kg=None, reps=0,
                seconds=seconds)
    today = create_session(MONDAY, "Core", [plank_id])
    (info,) = session_detail(today, units="kg").exercises
    assert [(s.reps, s.seconds) for s in info.last_time] == [(0, 60), (0, 55)]
    assert (info.target.reps, info.target.seconds, info.target.note) == (0, 65, "+5 s: 65 s")
    assert next_set(info) == NextSet("working", None, 0, 65, None)


def test_an_assisted_exercise_takes_a_negative_load_and_keeps_it(db):
    session_id = create_session(MONDAY, "Pull", [exercise("Assisted Pull-Up")])
    (se_id,) = exercise_order(session_id)
    set_id = log_set(se_id, kind="working", load_kg=-20, reps=8)
    assert LoggedSet.get_by_id(set_id).load_kg == -20
    assert update_set(set_id, load_kg=-25) == {"load_kg": -20}
    with pytest.raises(SessionError, match=r"load: -301 kg is out of range \(-300–1000 kg\)"):
        log_set(se_id, kind="working", load_kg=-301, reps=8)


def test_the_next_set_starts_at_the_target_never_bodyweight_on_a_loaded_exercise(db):
    trained(MONDAY - timedelta(days=7), ["Barbell Back Squat"], sets=((100, 5),) * 3)
    today = create_session(MONDAY, "Legs", [exercise("Barbell Back Squat"),
                                            exercise("Barbell Row"), exercise("Pull-Up")])
    squat, row, pull_up = session_detail(today, units="kg").exercises
    assert next_set(squat) == NextSet("working", squat.target.load_kg, squat.target.reps, None,
                                      None)
    assert squat.target.load_kg == 100
    # First time on a loaded exercise: no target load, and not "BW" either: the user types it.
    assert next_set(row) == NextSet("working", None, row.rep_low, None, None, load_missing=True)
    # A bodyweight exercise starts at bodyweight.
    assert next_set(pull_up) == NextSet("working", None, pull_up.rep_low, None, None)
    # Warm-ups logged today: still the target; a working set logged: that set again.
    log_set(squat.id, kind="warmup", load_kg=60, reps=5)
    squat = session_detail(today, units="kg").exercises[0]
    assert next_set(squat).load_kg == 100 and next_set(squat).kind == "working"
    log_set(squat.id, kind="working", load_kg=102.5, reps=4, rir=1)
    squat = session_detail(today, units="kg").exercises[0]
    assert next_set(squat) == NextSet("working", 102.5, 4, None, 1.0)


def test_the_planned_set_stays_the_target_whatever_is_logged_today(db):
    trained(MONDAY - timedelta(days=7), ["Barbell Back Squat"], sets=((100, 5),) * 3)
    today = create_session(MONDAY, "Legs", [exercise("Barbell Back Squat")])
    (se_id,) = exercise_order(today)
    set_exercise_targets(se_id, target_rir=2)
    (squat,) = session_detail(today, units="kg").exercises
    planned = NextSet("working", 100, squat.target.reps, None, 2.0)
    assert planned_set(squat) == next_set(squat) == planned
    log_set(se_id, kind="working", load_kg=105, reps=3, rir=0)
    (squat,) = session_detail(today, units="kg").exercises
    assert next_set(squat).load_kg == 105  # the entry row follows today's load
    assert planned_set(squat) == planned  # the plan does not move
