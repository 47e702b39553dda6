"""The command line's import and export: JSON summary, refused files, unit errors, both exports."""

import csv
import json
from pathlib import Path

import pytest

from models.storage.db import close_database

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "imports"
SUMMARY_FIELDS = {"format", "variant", "workouts", "sets", "warmup_sets", "skipped_rows",
                  "new_exercises", "unit"}


@pytest.fixture
def run(run_cli):
    """run_cli (tests/conftest.py) with paths allowed, closing the database after each command:
    several tests switch to another database file."""

    def run_closing(*args) -> tuple[int, str, str]:
        try:
            return run_cli(*map(str, args))
        finally:
            close_database()

    return run_closing


def test_import_json_summary(run, db_path):
    code, out, err = run("import", FIXTURES / "strong_F.csv", "--unit", "lb", "--json",
                         "--db", db_path)
    assert (code, err) == (0, "")
    summary = json.loads(out)
    assert set(summary) >= SUMMARY_FIELDS
    assert {k: summary[k] for k in SUMMARY_FIELDS} == {
        "format": "strong", "variant": "strong-F", "workouts": 2, "sets": 6, "warmup_sets": 1,
        "skipped_rows": 0, "new_exercises": [], "unit": "lb"}
    assert summary["skipped_existing"] == 0 and Path(summary["backup"]).exists()
    code, out, _ = run("import", FIXTURES / "strong_F.csv", "--unit", "lb", "--json",
                       "--db", db_path)
    again = json.loads(out)
    assert (code, again["workouts"], again["sets"], again["skipped_existing"]) == (0, 0, 0, 2)


def test_import_creates_unknown_exercises_unassigned_and_lists_them(run, db_path, tmp_path):
    path = tmp_path / "hevy.csv"
    text = (FIXTURES / "hevy_kg.csv").read_text(encoding="utf-8")
    path.write_text(text.replace("Seated Cable Row", "Belt Squat Walk"), encoding="utf-8")
    code, out, _ = run("import", path, "--json", "--db", db_path)
    assert code == 0
    assert json.loads(out)["new_exercises"] == ["Belt Squat Walk"]
    code, out, _ = run("exercises", "--json", "--db", db_path)
    created = next(e for e in json.loads(out) if e["name"] == "Belt Squat Walk")
    assert created["primary"] is None


def test_import_text_summary(run, db_path):
    code, out, _ = run("import", FIXTURES / "hevy_lbs.csv", "--db", db_path)
    assert code == 0
    assert "Imported 2 workouts, 8 sets (2 warm-up) from hevy-lbs; unit lb." in out
    assert "Backup of the database before the import:" in out


def test_a_refused_file_exits_1_with_the_line_and_reason(run, db_path, tmp_path):
    path = tmp_path / "bad.csv"
    lines = (FIXTURES / "strong_A.csv").read_text(encoding="utf-8").splitlines()
    lines[7] = lines[7].replace(",80,7,", ",abc,7,")  # file line 8, in the middle
    assert "abc" in lines[7]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run("import", path, "--db", db_path)
    assert (code, out) == (1, "")
    assert err == "overload: line 8: weight 'abc' is not a number\n"


def test_a_file_without_a_unit_needs_the_unit_option(run, db_path):
    code, _, err = run("import", FIXTURES / "strong_B.csv", "--db", db_path)
    assert code == 2
    assert "strong_B.csv: the file does not say whether weights are in kg or lb" in err
    assert "--unit kg or --unit lb" in err


def test_insisting_on_the_wrong_format_exits_1(run, db_path):
    code, _, err = run("import", FIXTURES / "hevy_kg.csv", "--format", "strong",
                       "--db", db_path)
    assert code == 1 and "this is a hevy export" in err


def test_a_missing_file_exits_1(run, db_path, tmp_path):
    code, _, err = run("import", tmp_path / "nope.csv", "--db", db_path)
    assert code == 1 and err.startswith("overload: cannot read")


def test_export_csv_and_json(run, db_path, tmp_path):
    run("import", FIXTURES / "strong_A.csv", "--db", db_path)
    code, out, _ = run("export", tmp_path / "sets.csv", "--json", "--db", db_path)
    assert code == 0 and json.loads(out)["sets"] == 10
    with (tmp_path / "sets.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["date", "workout", "exercise", "set_order", "set_kind", "weight_kg",
                       "reps", "rir", "rpe", "notes", "seconds"]
    assert rows[1] == ["2019-03-04", "Pull Day", "Barbell Row", "1", "working", "60", "10", "",
                       "", "", ""]
    code, out, _ = run("export", tmp_path / "all.json", "--db", db_path)
    assert code == 0 and out.startswith("Exported 10 sets to")
    data = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert data["format"] == "overload-export" and len(data["tables"]["logged_set"]["rows"]) == 10
    code, _, _ = run("export", tmp_path / "forced.txt", "--format", "json",
                     "--db", db_path)
    assert code == 0 and json.loads((tmp_path / "forced.txt").read_text())["version"] == 1


def test_a_json_export_restores_into_an_empty_database(run, db_path, tmp_path):
    run("import", FIXTURES / "hevy_kg.csv", "--db", db_path)
    run("export", tmp_path / "all.json", "--db", db_path)
    fresh = tmp_path / "fresh.sqlite"
    code, out, _ = run("import", tmp_path / "all.json", "--db", fresh)
    assert code == 0 and "2 sessions, 7 sets" in out
    run("export", tmp_path / "again.json", "--db", fresh)
    assert (tmp_path / "again.json").read_bytes() == (tmp_path / "all.json").read_bytes()
    code, _, err = run("import", tmp_path / "all.json", "--db", fresh)
    assert code == 1 and "already has training data" in err


def test_export_to_an_unwritable_place_exits_1(run, db_path, tmp_path):
    code, _, err = run("export", tmp_path / "missing-folder" / "x.csv", "--db", db_path)
    assert code == 1 and err.startswith("overload: cannot write")
