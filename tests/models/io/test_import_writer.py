"""The database half of the importer: every fixture lands in the database as it should, once;
anything refused, failed or cancelled leaves the database exactly as it was."""

import dataclasses
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.io import import_writer as importing
from models.io.csv_parsers import ImportFileError, parse_file
from models.io.import_writer import (
    ImportCancelledError,
    ImportMappingError,
    apply_import,
    plan_import,
)
from models.io.matching import match_exercises
from models.storage.schema import Exercise, ExerciseMapping, LoggedSet, Session, SessionExercise
from tests.shared import PLANK_FILES

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "imports"
# The three Strong variants that name no unit: two read as pounds, one as kilograms.
UNITS = {"strong_B.csv": "lb", "strong_D.csv": "kg", "strong_F.csv": "lb"}
STRONG_A_HEADER = "Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,Seconds,Notes"

# Exercises a fixture names that the library has not: created (unassigned) by its import.
CREATED = {"strong_D.csv": ["Plank"]}

# Every set of every fixture as the database holds it after the import:
# (session date, session name, library exercise, set number, kind, load kg, reps).
EXPECTED = {
    "fitnotes_kgs.csv": [
        ("2020-03-02", "FitNotes workout", "Barbell Row", 1, "working", 60.0, 10),
        ("2020-03-02", "FitNotes workout", "Barbell Row", 2, "working", 60.0, 10),
        ("2020-03-02", "FitNotes workout", "Lat Pulldown", 1, "working", 50.0, 12),
        ("2020-03-04", "FitNotes workout", "Barbell Back Squat", 1, "working", 100.0, 5),
        ("2020-03-04", "FitNotes workout", "Barbell Back Squat", 2, "working", 100.0, 5),
    ],
    "fitnotes_kgs_comment.csv": [
        ("2021-04-05", "FitNotes workout", "Barbell Bench Press", 1, "working", 80.0, 8),
        ("2021-04-05", "FitNotes workout", "Dumbbell Overhead Press", 1, "working", 16.0, 12),
        ("2021-04-05", "FitNotes workout", "Dumbbell Overhead Press", 2, "working", 16.0, 10),
        ("2021-04-07", "FitNotes workout", "Cable Row", 1, "working", 65.0, 12),
    ],
    "fitnotes_lbs.csv": [
        ("2020-02-10", "FitNotes workout", "Barbell Bench Press", 1, "working", 83.915, 5),
        ("2020-02-10", "FitNotes workout", "Barbell Bench Press", 2, "working", 83.915, 5),
        ("2020-02-10", "FitNotes workout", "Dumbbell Overhead Press", 1, "working", 18.144, 10),
        ("2020-02-10", "FitNotes workout", "Dumbbell Overhead Press", 2, "working", 18.144, 9),
        ("2020-02-12", "FitNotes workout", "Barbell Back Squat", 1, "working", 102.058, 5),
    ],
    "fitnotes_unit.csv": [
        ("2022-07-11", "FitNotes workout", "Barbell Back Squat", 1, "working", 100.0, 5),
        ("2022-07-11", "FitNotes workout", "Barbell Back Squat", 2, "working", 100.0, 5),
        ("2022-07-11", "FitNotes workout", "Leg Press", 1, "working", 136.078, 12),
        ("2022-07-13", "FitNotes workout", "Barbell Bench Press", 1, "working", 80.0, 8),
        ("2022-07-13", "FitNotes workout", "Pull-Up", 1, "working", None, 10),
    ],
    "fitnotes_unit_comment.csv": [
        ("2023-09-04", "FitNotes workout", "Barbell Row", 1, "working", 61.235, 10),
        ("2023-09-04", "FitNotes workout", "Lat Pulldown", 1, "working", 54.431, 12),
        ("2023-09-06", "FitNotes workout", "Barbell Back Squat", 1, "working", 102.5, 5),
    ],
    "hevy_kg.csv": [
        ("2025-09-15", "Pull", "Lat Pulldown", 1, "working", 65.0, 10),
        ("2025-09-15", "Pull", "Lat Pulldown", 2, "working", 65.0, 9),
        ("2025-09-15", "Pull", "Cable Row", 1, "working", 70.0, 12),
        ("2025-09-15", "Pull", "Cable Row", 2, "working", 70.0, 11),
        ("2025-09-17", "Push", "Barbell Bench Press", 1, "warmup", 60.0, 8),
        ("2025-09-17", "Push", "Barbell Bench Press", 2, "working", 92.5, 5),
        ("2025-09-17", "Push", "Barbell Bench Press", 3, "working", 92.5, 5),
    ],
    "hevy_lbs.csv": [
        ("2025-08-18", "Upper", "Pull-Up", 1, "warmup", None, 5),
        ("2025-08-18", "Upper", "Pull-Up", 2, "working", None, 10),
        ("2025-08-18", "Upper", "Pull-Up", 3, "working", None, 8),
        ("2025-08-18", "Upper", "Barbell Row", 1, "working", 70.307, 8),
        ("2025-08-18", "Upper", "Barbell Row", 2, "drop", 52.163, 10),
        ("2025-08-20", "Leg Day", "Barbell Back Squat", 1, "warmup", 61.235, 5),
        ("2025-08-20", "Leg Day", "Barbell Back Squat", 2, "working", 102.058, 5),
        ("2025-08-20", "Leg Day", "Barbell Back Squat", 3, "failure", 102.058, 4),
    ],
    "strong_A.csv": [
        ("2019-03-04", "Pull Day", "Barbell Row", 1, "working", 60.0, 10),
        ("2019-03-04", "Pull Day", "Barbell Row", 2, "working", 60.0, 10),
        ("2019-03-04", "Pull Day", "Barbell Row", 3, "working", 62.5, 8),
        ("2019-03-04", "Pull Day", "Lat Pulldown", 1, "working", 50.0, 12),
        ("2019-03-04", "Pull Day", "Lat Pulldown", 2, "working", 52.5, 10),
        ("2019-03-06", "Push Day", "Barbell Bench Press", 1, "working", 80.0, 8),
        ("2019-03-06", "Push Day", "Barbell Bench Press", 2, "working", 80.0, 7),
        ("2019-03-08", "Leg Day", "Barbell Back Squat", 1, "working", 100.0, 5),
        ("2019-03-08", "Leg Day", "Barbell Back Squat", 2, "working", 100.0, 5),
        ("2019-03-08", "Leg Day", "Barbell Back Squat", 3, "working", 102.5, 4),
    ],
    "strong_B.csv": [  # in pounds
        ("2023-05-02", "Entraînement du soir", "Barbell Row", 1, "warmup", 18.144, 10),
        ("2023-05-02", "Entraînement du soir", "Barbell Row", 2, "working", 27.216, 10),
        ("2023-05-02", "Entraînement du soir", "Barbell Row", 3, "working", 28.35, 8),
        ("2023-05-02", "Entraînement du soir", "Lat Pulldown", 1, "working", 5.851, 13),
        ("2023-05-02", "Entraînement du soir", "Lat Pulldown", 2, "drop", 4.128, 12),
        ("2023-05-04", "Тренировка", "Barbell Back Squat", 1, "warmup", 27.216, 5),
        ("2023-05-04", "Тренировка", "Barbell Back Squat", 2, "working", 45.359, 5),
        ("2023-05-04", "Тренировка", "Barbell Back Squat", 3, "failure", 45.359, 3),
        ("2023-05-04", "Тренировка", "Cable Row", 1, "working", 24.948, 12),
    ],
    "strong_C.csv": [  # kg and lbs per row
        ("2024-01-08", "Upper A", "Barbell Bench Press", 1, "warmup", 20.0, 10),
        ("2024-01-08", "Upper A", "Barbell Bench Press", 2, "working", 80.0, 8),
        ("2024-01-08", "Upper A", "Barbell Bench Press", 3, "working", 80.0, 7),
        ("2024-01-08", "Upper A", "Cable Row", 1, "working", 45.359, 12),
        ("2024-01-08", "Upper A", "Cable Row", 2, "working", 49.895, 10),
        ("2024-01-10", "Lower A", "Barbell Back Squat", 1, "working", 102.058, 5),
        ("2024-01-10", "Lower A", "Barbell Back Squat", 2, "working", 102.5, 5),
    ],
    "strong_D.csv": [  # in kilograms
        ("2022-11-14", "Back & Biceps", "Barbell Row", 1, "working", 70.0, 8),
        ("2022-11-14", "Back & Biceps", "Barbell Row", 2, "working", 70.0, 8),
        ("2022-11-14", "Back & Biceps", "Lat Pulldown", 1, "working", 60.0, 10),
        ("2022-11-16", "Chest Day", "Barbell Bench Press", 1, "working", 90.0, 5),
        ("2022-11-16", "Chest Day", "Barbell Bench Press", 2, "working", 90.0, 5),
        ("2022-11-18", "Quick Legs", "Barbell Back Squat", 1, "working", 120.0, 3),
        ("2022-11-18", "Quick Legs", "Plank", 1, "working", None, 0),  # timed: 60 s
    ],
    "strong_E.csv": [
        ("2025-02-03", "Pull", "Barbell Row", 1, "warmup", 40.0, 8),
        ("2025-02-03", "Pull", "Barbell Row", 2, "working", 70.0, 8),
        ("2025-02-03", "Pull", "Lat Pulldown", 1, "working", 59.0, 10),
        ("2025-02-05", "Push", "Barbell Bench Press", 1, "working", 85.0, 6),
        ("2025-02-05", "Push", "Barbell Bench Press", 2, "working", 85.0, 6),
    ],
    "strong_F.csv": [  # in pounds
        ("2021-06-01", "Lunch Lift", "Barbell Back Squat", 1, "warmup", 61.235, 5),
        ("2021-06-01", "Lunch Lift", "Barbell Back Squat", 2, "working", 102.058, 5),
        ("2021-06-01", "Lunch Lift", "Barbell Back Squat", 3, "working", 102.058, 5),
        ("2021-06-03", "Lunch Lift", "Barbell Bench Press", 1, "working", 83.915, 6),
        ("2021-06-03", "Lunch Lift", "Cable Row", 1, "working", 63.503, 10),
        ("2021-06-03", "Lunch Lift", "Cable Row", 2, "drop", 45.359, 12),
    ],
}

SETS_SQL = """
SELECT s.date, s.name, e.name, ls.position + 1, ls.kind, ls.load_kg, ls.reps
FROM logged_set ls
JOIN session_exercise se ON se.id = ls.session_exercise_id
JOIN session s ON s.id = se.session_id
JOIN exercise e ON e.id = se.exercise_id
ORDER BY s.date, s.position, se.position, ls.position
"""


def stored_sets(db_path: Path) -> list[tuple]:
    """Read through a connection of its own: what is committed, not what a transaction sees."""
    with sqlite3.connect(db_path) as connection:
        return connection.execute(SETS_SQL).fetchall()


def dump(db_path: Path) -> str:
    """The whole database as SQL text: equal dumps mean equal content."""
    connection = sqlite3.connect(db_path)
    try:
        return "\n".join(connection.iterdump())
    finally:
        connection.close()


def import_backups(db_path: Path) -> list[Path]:
    return sorted((db_path.parent / "backups").glob("*-before-import-*.sqlite"))


def strong_text(*rows: str) -> str:
    return "\n".join((STRONG_A_HEADER, *rows)) + "\n"


def strong_row(day: str, exercise: str, order: str = "1", load: str = "60", reps: str = "8",
               workout: str = "Push") -> str:
    return f"{day} 18:00:00,{workout},{exercise},{order},{load},{reps},0,0,"


# --- every fixture, in the database --------------------------------------------------------------

def test_every_fixture_has_an_expected_table():
    assert set(EXPECTED) == {p.name for p in FIXTURES.glob("*.csv")}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_fixture_lands_in_the_database(db, db_path, name):
    parsed = parse_file(FIXTURES / name, unit=UNITS.get(name))
    summary = apply_import(parsed, db_path, create_unassigned=name in CREATED)
    assert stored_sets(db_path) == EXPECTED[name]
    sessions = list(Session.select().order_by(Session.date, Session.position))
    assert [(s.date, s.name, s.status, s.source, s.source_key) for s in sessions] == [
        (w.started.date(), w.name, "done", parsed.format, w.key) for w in parsed.workouts]
    assert (summary.workouts, summary.sets, summary.warmup_sets) == (
        len(parsed.workouts), len(EXPECTED[name]),
        sum(row[4] == "warmup" for row in EXPECTED[name]))
    assert (summary.new_exercises, summary.skipped_existing) == (CREATED.get(name, []), 0)
    assert summary.skipped_rows == parsed.skipped_rows
    assert Path(summary.backup).exists() and import_backups(db_path) == [Path(summary.backup)]


def test_session_exercise_fields_notes_rest_targets_and_times(db, db_path):
    apply_import(parse_file(FIXTURES / "strong_E.csv"), db_path)
    pull = Session.get(Session.name == "Pull")
    assert pull.notes == "New belt"
    row, pulldown = pull.exercises.order_by(SessionExercise.position)
    barbell_row = Exercise.get(Exercise.name == "Barbell Row")
    assert (row.exercise_id, row.target_sets, row.rep_low, row.rep_high, row.tempo) == (
        barbell_row.id, 1, barbell_row.rep_low, barbell_row.rep_high, barbell_row.tempo)
    assert row.rest_seconds == barbell_row.rest_seconds  # no Rest Timer row: the library's
    assert pulldown.rest_seconds == 90  # from the file's Rest Timer row
    assert {s.logged_at for s in LoggedSet.select()} >= {"2025-02-03T18:05:12"}
    push_sets = list(LoggedSet.select().join(SessionExercise).join(Session)
                     .where(Session.name == "Push").order_by(LoggedSet.position))
    assert [s.notes for s in push_sets] == ["", "Touch and go"]


def test_strong_b_notes_rest_and_rpe(db, db_path):
    apply_import(parse_file(FIXTURES / "strong_B.csv", unit="kg"), db_path)
    row = SessionExercise.select().order_by(SessionExercise.id).first()
    assert (row.notes, row.rest_seconds, row.target_sets) == ("Keep the back flat", 120, 2)
    assert [s.rpe for s in row.sets.order_by(LoggedSet.position)] == [None, 8.0, 8.5]


def test_imported_sessions_come_after_the_days_own_sessions(db, db_path):
    Session.create(date=date(2019, 3, 4), name="Planned", status="planned", position=0)
    apply_import(parse_file(FIXTURES / "strong_A.csv"), db_path)
    day = Session.select().where(Session.date == date(2019, 3, 4)).order_by(Session.position)
    assert [(s.name, s.position) for s in day] == [("Planned", 0), ("Pull Day", 1)]


# --- preview -------------------------------------------------------------------------------------

def test_preview_writes_nothing_and_counts_what_is_already_there(db, db_path):
    parsed = parse_file(FIXTURES / "hevy_kg.csv")
    before = dump(db_path)
    preview = plan_import(parsed)
    assert dump(db_path) == before
    assert (preview.format, preview.variant, preview.unit) == ("hevy", "hevy-kg", "kg")
    assert (preview.workouts, preview.sets, preview.warmup_sets, preview.skipped_rows) == (
        2, 7, 1, 1)
    assert (preview.first_day, preview.last_day) == (date(2025, 9, 15), date(2025, 9, 17))
    assert {n: m.how for n, m in preview.matches.items()} == {
        "Lat Pulldown (Cable)": "alias", "Seated Cable Row": "alias",
        "Bench Press (Barbell)": "alias"}
    assert preview.sets_per_name == {"Lat Pulldown (Cable)": 2, "Seated Cable Row": 2,
                                     "Bench Press (Barbell)": 3}
    assert (preview.already_imported, preview.new_workouts, preview.unmatched) == (0, 2, [])
    apply_import(parsed, db_path)
    again = plan_import(parsed)
    assert (again.already_imported, again.new_workouts) == (2, 0)


# --- idempotence ---------------------------------------------------------------------------------

def test_importing_the_same_file_twice_adds_nothing(db, db_path):
    parsed = parse_file(FIXTURES / "strong_B.csv", unit="kg")
    apply_import(parsed, db_path)
    after_first = dump(db_path)
    again = apply_import(parse_file(FIXTURES / "strong_B.csv", unit="kg"), db_path)
    assert dump(db_path) == after_first
    assert (again.workouts, again.sets, again.skipped_existing) == (0, 0, 2)


def test_a_longer_export_of_the_same_history_adds_only_the_new_workouts(db, db_path):
    first = strong_text(strong_row("2024-01-01", "Bench Press (Barbell)"))
    longer = strong_text(strong_row("2024-01-01", "Bench Press (Barbell)"),
                         strong_row("2024-01-03", "Bench Press (Barbell)", load="62.5"))
    apply_import(parse_file(first), db_path)
    summary = apply_import(parse_file(longer), db_path)
    assert (summary.workouts, summary.skipped_existing) == (1, 1)
    assert [row[0] for row in stored_sets(db_path)] == ["2024-01-01", "2024-01-03"]


# --- all or nothing ------------------------------------------------------------------------------

def test_a_bad_line_in_the_middle_refuses_the_file_and_changes_nothing(db, db_path):
    rows = [strong_row(f"2024-01-{day:02d}", "Bench Press (Barbell)") for day in range(1, 21)]
    rows[10] = strong_row("2024-01-11", "Bench Press (Barbell)", load="abc")  # file line 12
    before = dump(db_path)
    with pytest.raises(ImportFileError) as caught:
        apply_import(parse_file(strong_text(*rows)), db_path)
    assert str(caught.value) == "line 12: weight 'abc' is not a number"
    assert dump(db_path) == before
    assert import_backups(db_path) == []


def test_a_failure_while_writing_rolls_everything_back(db, db_path, monkeypatch):
    monkeypatch.setattr(importing, "BATCH_WORKOUTS", 1)  # the first workout is written first
    parsed = parse_file(FIXTURES / "strong_A.csv")
    # A set the schema refuses, in the last workout: as if validation had missed something.
    last = parsed.workouts[-1].exercises[0]
    last.sets[1] = dataclasses.replace(last.sets[1], reps=500)
    before = dump(db_path)
    with pytest.raises(sqlite3.IntegrityError):
        apply_import(parsed, db_path, create_unassigned=True)
    assert dump(db_path) == before
    assert import_backups(db_path) == []  # the copy of an unchanged database is not kept


def test_cancel_rolls_everything_back(db, db_path, monkeypatch):
    monkeypatch.setattr(importing, "BATCH_WORKOUTS", 1)
    reports = []
    before = dump(db_path)
    front_squat = Exercise.get(Exercise.name == "Front Squat").id
    with pytest.raises(ImportCancelledError):
        apply_import(parse_file(FIXTURES / "strong_A.csv"), db_path,
                     mapping={"Lat Pulldown (Cable)": front_squat},
                     progress=lambda done, total: reports.append(done),
                     cancel=lambda: len(reports) >= 2)  # after one workout was written
    assert reports == [0, 1]
    assert dump(db_path) == before  # the mapping is not remembered either
    assert import_backups(db_path) == []


def test_progress_is_reported_after_every_batch(db, db_path, monkeypatch):
    monkeypatch.setattr(importing, "BATCH_WORKOUTS", 2)
    reports = []
    apply_import(parse_file(FIXTURES / "strong_A.csv"), db_path,
                 progress=lambda done, total: reports.append((done, total)))
    assert reports == [(0, 3), (2, 3), (3, 3)]


@pytest.mark.parametrize("parameters", [999, 25, 11])  # up to 90 rows a statement, 2 or 3, 1
def test_rows_go_in_whole_however_many_fit_in_one_statement(db, db_path, monkeypatch, parameters):
    monkeypatch.setattr(importing, "MAX_PARAMETERS", parameters)
    monkeypatch.setattr(importing, "BATCH_WORKOUTS", 3)
    rows = [strong_row(f"2024-03-{day:02d}", exercise, order=str(n), load=str(40 + n),
                       reps=str(5 + day % 3))
            for day in range(1, 8) for exercise in ("Bench Press (Barbell)", "Squat (Barbell)")
            for n in range(1, day % 4 + 2)]
    parsed = parse_file(strong_text(*rows))
    summary = apply_import(parsed, db_path)
    assert (summary.workouts, summary.sets) == (7, len(rows))
    with sqlite3.connect(db_path) as connection:
        stored = connection.execute(
            "SELECT s.date, se.position, ls.position, ls.load_kg, ls.reps FROM logged_set ls"
            " JOIN session_exercise se ON se.id = ls.session_exercise_id"
            " JOIN session s ON s.id = se.session_id ORDER BY ls.id").fetchall()
        counts = connection.execute(
            "SELECT (SELECT COUNT(*) FROM session), (SELECT COUNT(*) FROM session_exercise)"
        ).fetchone()
    assert stored == [(w.started.date().isoformat(), index, s.order - 1, s.load_kg, s.reps)
                      for w in parsed.workouts for index, e in enumerate(w.exercises)
                      for s in e.sets]
    assert counts == (7, 14)


# --- exercise names ------------------------------------------------------------------------------

UNKNOWN = strong_text(strong_row("2024-02-01", "Zercher Squat (Barbell)", reps="5"),
                      strong_row("2024-02-01", "Zercher Squat (Barbell)", order="2", reps="5"),
                      strong_row("2024-02-01", "Bench Press (Barbell)"),
                      strong_row("2024-02-03", "Sled Push", load="100", reps="1"),
                      strong_row("2024-02-03", "sled push", order="2", load="100", reps="1"))


def test_unmatched_names_are_refused_without_a_decision(db, db_path):
    parsed = parse_file(UNKNOWN)
    assert plan_import(parsed).unmatched == ["Zercher Squat (Barbell)", "Sled Push", "sled push"]
    before = dump(db_path)
    with pytest.raises(ImportMappingError) as caught:
        apply_import(parsed, db_path)
    assert caught.value.names == ["Zercher Squat (Barbell)", "Sled Push", "sled push"]
    assert dump(db_path) == before


def test_a_mapping_is_used_and_remembered_for_the_next_import(db, db_path):
    front_squat = Exercise.get(Exercise.name == "Front Squat").id
    summary = apply_import(parse_file(UNKNOWN), db_path, create_unassigned=True,
                           mapping={"Zercher Squat (Barbell)": front_squat})
    assert summary.mapped == {"Zercher Squat (Barbell)": "Front Squat"}
    assert [row[2] for row in stored_sets(db_path)][:2] == ["Front Squat", "Front Squat"]
    assert ExerciseMapping.get_by_id("Zercher Squat (Barbell)").exercise_id == front_squat
    later = match_exercises(["zercher squat (barbell)"])["zercher squat (barbell)"]
    assert (later.exercise_id, later.how) == (front_squat, "mapping")
    next_file = strong_text(strong_row("2024-03-01", "ZERCHER SQUAT (BARBELL)", reps="3"))
    assert apply_import(parse_file(next_file), db_path).sets == 1  # no mapping needed now


def test_create_unassigned_makes_custom_exercises_and_lists_them(db, db_path):
    summary = apply_import(parse_file(UNKNOWN), db_path, create_unassigned=True)
    # "Sled Push" and "sled push" are one exercise, named as first seen.
    assert summary.new_exercises == ["Zercher Squat (Barbell)", "Sled Push"]
    zercher = Exercise.get(Exercise.name == "Zercher Squat (Barbell)")
    sled = Exercise.get(Exercise.name == "Sled Push")
    assert (zercher.is_custom, zercher.primary_group_id, zercher.equipment) == (
        True, None, "barbell")
    assert (sled.is_custom, sled.primary_group_id, sled.equipment) == (True, None, "")
    assert [row[2] for row in stored_sets(db_path)] == [
        "Zercher Squat (Barbell)", "Zercher Squat (Barbell)", "Barbell Bench Press",
        "Sled Push", "Sled Push"]


def test_new_exercises_can_be_given_a_primary_group(db, db_path):
    summary = apply_import(parse_file(UNKNOWN), db_path,
                           new_exercises={"Zercher Squat (Barbell)": "quads", "Sled Push": None,
                                          "sled push": None})
    assert summary.new_exercises == ["Zercher Squat (Barbell)", "Sled Push"]
    assert Exercise.get(Exercise.name == "Zercher Squat (Barbell)").primary_group_id == "quads"


def test_a_name_the_library_refuses_is_reported_with_its_line(db, db_path):
    text = strong_text(strong_row("2024-02-01", "Bench Press (Barbell)"),
                       strong_row("2024-02-01", "X" * 130))
    before = dump(db_path)
    with pytest.raises(ImportFileError) as caught:
        apply_import(parse_file(text), db_path, create_unassigned=True)
    assert caught.value.line == 3 and "at most 120 characters" in str(caught.value)
    assert dump(db_path) == before


def test_a_mapping_to_a_missing_exercise_is_refused_before_anything_is_written(db, db_path):
    before = dump(db_path)
    with pytest.raises(ValueError, match="do not exist"):
        apply_import(parse_file(UNKNOWN), db_path, mapping={"Sled Push": 99_999})
    assert dump(db_path) == before and import_backups(db_path) == []


# --- fuzzing: malformed files never raise anything but ImportFileError ---------------------------

FIXTURE_BYTES = [p.read_bytes() for p in sorted(FIXTURES.glob("*.csv"))]
ODD_CELLS = [b"", b"abc", b"-1", b"1e400", b"W", b"Note", b"Rest Timer", b"9" * 20, b'"', b"0",
             b"2024-02-30 10:00:00", b"lbs", b"dropset", b"X" * 130, b"\xff"]


@st.composite
def malformed_files(draw):
    """A fixture with a cell replaced, bytes inserted, or its end cut off, a few times."""
    data = draw(st.sampled_from(FIXTURE_BYTES))
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["cell", "cell", "bytes", "truncate"]))
        if kind == "truncate":
            data = data[:draw(st.integers(0, len(data)))]
        elif kind == "bytes":
            spot = draw(st.integers(0, len(data)))
            data = data[:spot] + draw(st.binary(min_size=1, max_size=6)) + data[spot:]
        else:
            lines = data.split(b"\n")
            delimiter = b";" if b";" in lines[0] else b","
            line = draw(st.integers(0, len(lines) - 1))
            cells = lines[line].split(delimiter)
            cell = draw(st.integers(0, len(cells) - 1))
            cells[cell] = draw(st.one_of(st.sampled_from(ODD_CELLS),
                                         st.text(max_size=10).map(str.encode)))
            lines[line] = delimiter.join(cells)
            data = b"\n".join(lines)
    return data


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=malformed_files())
def test_malformed_files_are_refused_cleanly_or_imported_whole(db, db_path, data):
    before = dump(db_path)
    known = {key for (key,) in Session.select(Session.source_key).tuples()}
    try:
        parsed = parse_file(data, unit="kg")
        summary = apply_import(parsed, db_path, create_unassigned=True)
    except ImportFileError as error:
        assert str(error)
        assert dump(db_path) == before
        return
    # Accepted: every set of the file is in the database, unless its workout was there before.
    new = [w for w in parsed.workouts if w.key not in known]
    assert (summary.workouts, summary.sets) == (len(new), sum(len(w.sets) for w in new))


# --- timed sets and assistance (issue 18) --------------------------------------------------------

TIMED_SQL = """
SELECT e.name, ls.kind, ls.load_kg, ls.reps, ls.seconds FROM logged_set ls
JOIN session_exercise se ON se.id = ls.session_exercise_id
JOIN exercise e ON e.id = se.exercise_id
ORDER BY ls.id
"""


@pytest.mark.parametrize("fmt", ["strong", "hevy", "fitnotes"])
def test_a_plank_lands_as_a_timed_set_and_a_second_import_adds_nothing(db, db_path, fmt):
    parsed = parse_file(PLANK_FILES[fmt], unit="kg")
    summary = apply_import(parsed, db_path, new_exercises={"Plank": "abs"})
    assert (summary.sets, summary.skipped_rows, summary.new_exercises) == (3, 0, ["Plank"])
    with sqlite3.connect(db_path) as connection:
        stored = connection.execute(TIMED_SQL).fetchall()
    assert stored == [("Plank", "working", None, 0, 60), ("Plank", "working", 10.0, 0, 45),
                      ("Crunch", "working", None, 15, None)]
    assert SessionExercise.get(SessionExercise.exercise == Exercise.get(
        Exercise.name == "Plank")).target_sets == 2  # timed sets are working sets
    after_first = dump(db_path)
    again = apply_import(parse_file(PLANK_FILES[fmt], unit="kg"), db_path)
    assert (again.workouts, again.sets, again.skipped_existing) == (0, 0, 1)
    assert dump(db_path) == after_first


def test_a_negative_weight_on_an_exercise_that_is_not_assisted_refuses_the_file(db, db_path):
    text = strong_text(strong_row("2024-02-01", "Bench Press (Barbell)", load="80"),
                       strong_row("2024-02-01", "Pull Up", order="1", load="-20", reps="8",
                                  workout="Pull"))
    before = dump(db_path)
    with pytest.raises(ImportFileError) as caught:
        apply_import(parse_file(text), db_path)
    assert caught.value.line == 3
    assert str(caught.value) == (
        "line 3: weight −20 kg on “Pull Up” (Pull-Up): only an assisted exercise takes a "
        "negative load (assistance). Map the name to an assisted exercise, such as Assisted "
        "Pull-Up, and import again")
    assert dump(db_path) == before and import_backups(db_path) == []


def test_a_negative_weight_on_an_assisted_exercise_is_its_assistance(db, db_path):
    text = strong_text(strong_row("2024-02-01", "Pull Up (Assisted)", load="-20", reps="8"),
                       strong_row("2024-02-01", "Pull Up (Assisted)", order="2", load="-25",
                                  reps="8"))
    summary = apply_import(parse_file(text), db_path)
    assert summary.sets == 2
    with sqlite3.connect(db_path) as connection:
        assert connection.execute(TIMED_SQL).fetchall() == [
            ("Assisted Pull-Up", "working", -20.0, 8, None),
            ("Assisted Pull-Up", "working", -25.0, 8, None)]
    # Mapped by the user to an assisted exercise, the same negative weight goes in too.
    mapped = strong_text(strong_row("2024-02-08", "Gravitron", load="-30", reps="6"))
    apply_import(parse_file(mapped), db_path,
                 mapping={"Gravitron": Exercise.get(Exercise.name == "Assisted Pull-Up").id})
    assert LoggedSet.select().where(LoggedSet.load_kg == -30).count() == 1
