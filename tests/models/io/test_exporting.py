"""Exports: the CSV of sets (header, order, numbers, formula escaping) and the JSON round trip."""

import csv
import json
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from models.io.csv_parsers import parse_file
from models.io.exporting import (
    CSV_HEADER,
    ExportFileError,
    escape_cell,
    export_csv,
    export_json,
    format_number,
    import_json,
    looks_like_json,
    read_export_info,
    restore_json_replacing,
)
from models.io.import_writer import apply_import
from models.io.matching import remember_mapping
from models.landmarks import save_landmarks
from models.library import create_exercise, get_exercise, update_exercise
from models.opening import open_database
from models.rules.domain import ExerciseInfo, Landmarks
from models.sessions import create_session
from models.settings import update_settings
from models.storage.backups import backup_folder
from models.storage.db import close_database
from models.storage.schema import (
    Adjustment,
    Exercise,
    Feedback,
    LoggedSet,
    Mesocycle,
    Session,
    SessionExercise,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "imports"


def read_csv(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def log_session(day: date, name: str, exercise: str, sets: list[tuple], *, position: int = 0,
                notes: str = "") -> Session:
    """Sets as (kind, load, reps, rir, rpe, notes[, seconds])."""
    session = Session.create(date=day, name=name, status="done", position=position, notes=notes)
    se = SessionExercise.create(session=session, exercise=Exercise.get(Exercise.name == exercise),
                                rep_low=6, rep_high=10)
    for index, (kind, load, reps, rir, rpe, set_notes, *seconds) in enumerate(sets):
        LoggedSet.create(session_exercise=se, position=index, kind=kind, load_kg=load, reps=reps,
                         rir=rir, rpe=rpe, notes=set_notes, seconds=(seconds or [None])[0])
    return session


# --- CSV -----------------------------------------------------------------------------------------

def test_csv_header_and_one_row_per_set_in_order(db, tmp_path):
    # Logged out of order on purpose: the export sorts by date, then the day's position.
    log_session(date(2024, 1, 3), "Later", "Barbell Row", [("working", 70.0, 8, 2.0, None, "")])
    log_session(date(2024, 1, 1), "Second of the day", "Barbell Row",
                [("working", 60.0, 10, None, None, "")], position=1)
    log_session(date(2024, 1, 1), "First of the day", "Barbell Bench Press",
                [("warmup", 40.0, 10, None, None, ""), ("working", 82.5, 8, 1.5, 8.5, "paused"),
                 ("drop", None, 12, 0.0, 10.0, "")])
    assert export_csv(tmp_path / "sets.csv") == 5
    rows = read_csv(tmp_path / "sets.csv")
    assert rows[0] == list(CSV_HEADER)
    first_line = (tmp_path / "sets.csv").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == ("date,workout,exercise,set_order,set_kind,weight_kg,reps,rir,rpe,notes,"
                          "seconds")
    assert rows[1:] == [
        ["2024-01-01", "First of the day", "Barbell Bench Press", "1", "warmup", "40", "10", "",
         "", "", ""],
        ["2024-01-01", "First of the day", "Barbell Bench Press", "2", "working", "82.5", "8",
         "1.5", "8.5", "paused", ""],
        ["2024-01-01", "First of the day", "Barbell Bench Press", "3", "drop", "", "12", "0",
         "10", "", ""],
        ["2024-01-01", "Second of the day", "Barbell Row", "1", "working", "60", "10", "", "",
         "", ""],
        ["2024-01-03", "Later", "Barbell Row", "1", "working", "70", "8", "2", "", "", ""],
    ]


def test_csv_seconds_is_the_last_column_for_timed_sets_and_assistance_is_negative(db, tmp_path):
    create_exercise(ExerciseInfo(name="Plank", primary="abs", equipment="bodyweight"))
    log_session(date(2024, 2, 1), "Core", "Plank",
                [("working", None, 0, None, None, "", 60), ("working", 10.0, 0, 1.0, None, "",
                                                            45)])
    log_session(date(2024, 2, 2), "Pull", "Assisted Pull-Up",
                [("working", -20.0, 8, 2.0, None, "")])
    assert export_csv(tmp_path / "sets.csv") == 3
    rows = read_csv(tmp_path / "sets.csv")
    assert rows[0][-1] == "seconds" and len(rows[0]) == len(CSV_HEADER) == 11
    assert rows[1:] == [
        ["2024-02-01", "Core", "Plank", "1", "working", "", "0", "", "", "", "60"],
        ["2024-02-01", "Core", "Plank", "2", "working", "10", "0", "1", "", "", "45"],
        ["2024-02-02", "Pull", "Assisted Pull-Up", "1", "working", "-20", "8", "2", "", "", ""],
    ]


def test_csv_loads_are_written_without_float_noise(db, db_path, tmp_path):
    apply_import(parse_file(FIXTURES / "strong_B.csv", unit="lb"), db_path)
    export_csv(tmp_path / "sets.csv")
    loads = [row[5] for row in read_csv(tmp_path / "sets.csv")[1:]]
    assert loads == ["18.144", "27.216", "28.35", "5.851", "4.128", "27.216", "45.359",
                     "45.359", "24.948"]


def test_formula_cells_are_escaped(db, tmp_path):
    create_exercise(ExerciseInfo(name='=HYPERLINK("http://evil.example","click")', primary="back"))
    log_session(date(2024, 1, 1), "@home", '=HYPERLINK("http://evil.example","click")',
                [("working", 50.0, 10, None, None, "+1 rep"),
                 ("working", 50.0, 9, None, None, "-2 kg next time"),
                 ("working", 50.0, 8, None, None, "ok = fine")])
    export_csv(tmp_path / "sets.csv")
    rows = read_csv(tmp_path / "sets.csv")[1:]
    assert rows[0][1:3] == ["'@home", """'=HYPERLINK("http://evil.example","click")"""]
    assert [row[9] for row in rows] == ["'+1 rep", "'-2 kg next time", "ok = fine"]
    assert [row[5] for row in rows] == ["50", "50", "50"]  # numbers are never prefixed


@pytest.mark.parametrize("text, shown", [
    ("=1+1", "'=1+1"), ("+1 rep", "'+1 rep"), ("-5", "'-5"), ("@home", "'@home"),
    ("\tcmd", "'\tcmd"), ("\rx", "'\rx"), ("Bench", "Bench"), ("", ""), (None, ""),
    ("a=b", "a=b"), ("'quoted", "'quoted"),
])
def test_escape_cell(text, shown):
    assert escape_cell(text) == shown


@pytest.mark.parametrize("value, shown", [
    (None, ""), (0, "0"), (8, "8"), (80.0, "80"), (82.5, "82.5"), (12.900000000000034, "12.9"),
    (102.058, "102.058"), (0.0, "0"),
])
def test_format_number(value, shown):
    assert format_number(value) == shown


def test_an_empty_database_exports_just_the_header(db, tmp_path):
    assert export_csv(tmp_path / "sets.csv") == 0
    assert read_csv(tmp_path / "sets.csv") == [list(CSV_HEADER)]


# --- JSON ----------------------------------------------------------------------------------------

def fill_everything(db_path: Path) -> None:
    """Something in every table, including the user's edits to the shipped library."""
    apply_import(parse_file(FIXTURES / "strong_A.csv"), db_path)
    apply_import(parse_file(FIXTURES / "hevy_lbs.csv"), db_path, create_unassigned=True)
    custom = create_exercise(ExerciseInfo(
        name="Zercher Squat", primary="quads", secondary=("glutes",), aliases=("Zercher",),
        equipment="barbell"))
    row = get_exercise(Exercise.get(Exercise.name == "Barbell Row").id)
    update_exercise(row.id, replace(row, rep_low=5, rep_high=8,
                                    aliases=(*row.aliases, "Row of rows")))
    Exercise.delete_by_id(Exercise.get(Exercise.name == "Band Row").id)
    save_landmarks({"chest": Landmarks(9, 11, 13, 19, 23, 2, 3)})
    update_settings(units="lb", week_start="sun")
    remember_mapping("Zercher Squat (Barbell)", custom)
    mesocycle = Mesocycle.create(name="Block 1", level="intermediate", start_date=date(2025, 1, 6),
                                 accumulation_weeks=4, deload=True, training_days="mon,thu",
                                 created_at="2025-01-01 10:00:00")
    session = log_session(date(2025, 1, 6), "Upper", "Zercher Squat",
                          [("working", 80.0, 6, 2.0, None, "új rekord ✓")])
    Session.update(mesocycle=mesocycle, week_number=1, kind="deload").where(
        Session.id == session.id).execute()
    SessionExercise.update(recovery=True, base_sets=4, base_rep_low=6, base_rep_high=10).where(
        SessionExercise.session == session.id).execute()
    Mesocycle.update(max_minutes=75).where(Mesocycle.id == mesocycle.id).execute()
    Adjustment.create(mesocycle=mesocycle, week_number=2, group="quads", from_sets=8,
                      to_sets=9, recovery=False, reason="quads +1: healed just in time")
    Feedback.create(session=session, group="quads", soreness=1, pump=2, performance=3)
    create_exercise(ExerciseInfo(name="Plank", primary="abs", equipment="bodyweight"))
    log_session(date(2025, 1, 7), "Core", "Plank", [("working", None, 0, None, None, "", 60),
                                                    ("working", 10.0, 0, 1.0, None, "", 45)])
    log_session(date(2025, 1, 8), "Pull", "Assisted Pull-Up",
                [("working", -20.0, 8, 2.0, None, "")])


def test_json_round_trip_is_byte_identical(db, db_path, tmp_path):
    fill_everything(db_path)
    first = tmp_path / "first.json"
    counts = export_json(first)
    assert all(counts[table] for table in counts)  # every table has rows
    close_database()
    fresh = tmp_path / "fresh.sqlite"
    open_database(fresh)  # a new database: shipped library, default landmarks and settings
    assert import_json(first) == counts
    second = tmp_path / "second.json"
    export_json(second)
    assert second.read_bytes() == first.read_bytes()
    assert Exercise.get(Exercise.name == "Barbell Row").rep_low == 5
    assert Exercise.get_or_none(Exercise.name == "Band Row") is None


def test_json_round_trip_keeps_timed_sets_and_assistance(db, db_path, tmp_path):
    fill_everything(db_path)
    export_json(tmp_path / "all.json")
    data = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    logged = data["tables"]["logged_set"]
    assert logged["columns"][-1] == "seconds"
    by_seconds = {row[-1]: row[logged["columns"].index("load_kg")] for row in logged["rows"]}
    assert by_seconds[60] is None and by_seconds[45] == 10.0
    assert -20.0 in [row[logged["columns"].index("load_kg")] for row in logged["rows"]]


def test_a_json_export_from_before_timed_sets_restores(db, db_path, tmp_path):
    """A schema 4 export has no seconds column: restored, it is migrated like a database."""
    apply_import(parse_file(FIXTURES / "strong_A.csv"), db_path)
    export_json(tmp_path / "now.json")
    data = json.loads((tmp_path / "now.json").read_text(encoding="utf-8"))
    logged = data["tables"]["logged_set"]
    assert logged["columns"].pop() == "seconds"
    logged["rows"] = [row[:-1] for row in logged["rows"]]
    data["schema"] = 4
    (tmp_path / "v4.json").write_text(json.dumps(data), encoding="utf-8")
    close_database()
    open_database(tmp_path / "fresh.sqlite")
    assert import_json(tmp_path / "v4.json")["logged_set"] == 10
    assert LoggedSet.select().where(LoggedSet.seconds.is_null(False)).count() == 0
    export_json(tmp_path / "again.json")
    assert (tmp_path / "again.json").read_bytes() == (tmp_path / "now.json").read_bytes()


def test_json_header_and_layout(db, tmp_path):
    export_json(tmp_path / "all.json")
    data = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == ("overload-export", 1)
    assert list(data["tables"]) == [
        "muscle_group", "exercise", "exercise_alias", "exercise_secondary", "mesocycle",
        "session", "session_exercise", "logged_set", "feedback", "setting", "exercise_mapping",
        "adjustment"]
    exercise = data["tables"]["exercise"]
    assert exercise["columns"][:3] == ["id", "key", "name"]
    assert [row[0] for row in exercise["rows"]] == sorted(row[0] for row in exercise["rows"])


def test_import_json_refuses_a_database_with_history(db, db_path, tmp_path):
    export_json(tmp_path / "all.json")
    apply_import(parse_file(FIXTURES / "strong_A.csv"), db_path)
    with pytest.raises(ExportFileError, match="already has training data"):
        import_json(tmp_path / "all.json")
    assert Session.select().count() == 3


def test_a_json_restore_over_history_backs_it_up_first(db, db_path, tmp_path):
    apply_import(parse_file(FIXTURES / "strong_A.csv"), db_path)
    export_json(tmp_path / "three.json")
    create_session(date(2030, 1, 7), "Later")  # history the export does not have
    assert read_export_info(tmp_path / "three.json").counts["session"] == 3
    result = restore_json_replacing(tmp_path / "three.json", db_path)
    assert Session.select().count() == 3 and result.counts["session"] == 3
    assert result.safety is not None and "before-restore" in result.safety.name
    backed_up = sqlite3.connect(result.safety)
    assert backed_up.execute("SELECT COUNT(*) FROM session").fetchone() == (4,)
    backed_up.close()


def test_a_refused_json_restore_leaves_no_backup_behind(db, db_path, tmp_path):
    apply_import(parse_file(FIXTURES / "strong_A.csv"), db_path)
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "overload-export", "version": 1, "schema": 1, "tables": {}}',
                   encoding="utf-8")
    folder = backup_folder(db_path)
    before = set(folder.iterdir()) if folder.exists() else set()
    with pytest.raises(ExportFileError, match="not a complete export"):
        restore_json_replacing(bad, db_path)
    assert Session.select().count() == 3
    assert (set(folder.iterdir()) if folder.exists() else set()) == before


def test_a_json_file_is_told_from_a_csv_by_its_start(tmp_path):
    (tmp_path / "a.json").write_bytes(b"\xef\xbb\xbf  {\"format\": 1}")
    (tmp_path / "b.csv").write_text("Date,Workout Name\n", encoding="utf-8")
    assert looks_like_json(tmp_path / "a.json")
    assert not looks_like_json(tmp_path / "b.csv")
    assert not looks_like_json(tmp_path / "missing.json")


@pytest.mark.parametrize("content, message", [
    ("not json", "not an Overload JSON export"),
    ('{"format": "something-else"}', "not an Overload JSON export"),
    ('{"format": "overload-export", "version": 2, "schema": 1, "tables": {}}',
     "export version 2"),
    ('{"format": "overload-export", "version": 1, "schema": 99, "tables": {}}', "newer version"),
    ('{"format": "overload-export", "version": 1, "schema": 1, "tables": {"users": {}}}',
     "does not know"),
    ('{"format": "overload-export", "version": 1, "schema": 1, "tables": {}}',
     "no muscle_group, exercise, .* tables: it is not a complete export"),
])
def test_import_json_refuses_bad_files_and_changes_nothing(db, tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    exercises = Exercise.select().count()
    with pytest.raises(ExportFileError, match=message):
        import_json(path)
    assert Exercise.select().count() == exercises  # the deletes were rolled back too
