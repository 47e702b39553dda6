"""The command line: exercises, volume --json, usage errors and bad databases."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from models.storage.db import close_database

ROOT = Path(__file__).resolve().parent.parent


def test_exercises_json_lists_the_library(run_cli, db_path):
    code, out, _ = run_cli("exercises", "--json", "--db", str(db_path))
    assert code == 0
    rows = json.loads(out)
    assert len(rows) >= 120
    row = next(r for r in rows if r["name"] == "Lat Pulldown")
    assert row == {"name": "Lat Pulldown", "primary": "back", "secondary": row["secondary"],
                   "pattern": "vertical_pull", "equipment": "cable", "rep_range": [10, 15],
                   "tempo": "3-1-1-0"}
    assert "biceps" in row["secondary"]
    # The article's 8 → 9 → 10 reps on the cable pull-down fit its default rep range.
    cable = next(r for r in rows if r["name"] == "Cable Pulldown")
    assert cable["rep_range"][0] <= 8 and cable["rep_range"][1] >= 10


def test_exercises_text_and_db_option_before_the_command(run_cli, db_path):
    code, out, _ = run_cli("--db", str(db_path), "exercises")
    assert code == 0 and "Barbell Row" in out and out.rstrip().endswith("exercises")


def test_volume_json_for_a_week(run_cli, db_path):
    from datetime import date

    from models.opening import open_database
    from models.storage.schema import Exercise, LoggedSet, Session, SessionExercise

    open_database(db_path)
    session = Session.create(date=date(2026, 11, 24), status="done")
    se = SessionExercise.create(session=session, exercise=Exercise.get(name="Barbell Row"),
                                rep_low=6, rep_high=10, target_sets=5)
    for i in range(5):
        LoggedSet.create(session_exercise=se, position=i, kind="working", load_kg=70, reps=8)
    close_database()
    code, out, _ = run_cli("volume", "--week", "2026-W48", "--json", "--db", str(db_path))
    assert code == 0
    data = json.loads(out)
    assert data["week"] == "2026-W48" and data["rule"] == "fractional"
    assert data["groups"]["back"] == {"sets": 5.0, "planned": 5.0, "mv": 8, "mev": 10,
                                      "mav": [14, 22], "mrv": 25, "status": "not maintaining"}
    assert data["groups"]["biceps"]["sets"] == 2.5
    assert "side_delts" in data["groups"] and len(data["groups"]) == 14
    code, out, _ = run_cli("volume", "--week", "2026-W48", "--rule", "direct", "--json",
                       "--db", str(db_path))
    assert json.loads(out)["groups"]["biceps"]["sets"] == 0


def test_volume_defaults_to_this_week(run_cli, db_path):
    from datetime import date

    from models.volume import iso_week_label

    code, out, _ = run_cli("volume", "--json", "--db", str(db_path))
    assert code == 0 and json.loads(out)["week"] == iso_week_label(date.today())


@pytest.mark.parametrize("args, message", [
    (["volume", "--week", "2026-W60"], "--week"),
    (["volume", "--rule", "double"], "invalid choice"),
    (["--frobnicate"], "unrecognized arguments"),
    (["lift"], "invalid choice"),
])
def test_bad_arguments_exit_2_with_usage(run_cli, db_path, args, message):
    code, _, err = run_cli(*args, "--db", str(db_path))
    assert code == 2
    assert "usage:" in err and message in err


def test_a_file_that_is_not_a_database_exits_1_naming_it(run_cli, tmp_path):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("not a database")
    code, _, err = run_cli("exercises", "--db", str(bad))
    assert code == 1 and str(bad) in err
    assert bad.read_text() == "not a database"


def test_version_and_real_process(tmp_path):
    result = subprocess.run([sys.executable, "main.py", "--version"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("Overload ")
    result = subprocess.run([sys.executable, "main.py", "volume", "--json", "--db",
                             str(tmp_path / "x.sqlite")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0 and "PySide6" not in result.stderr
    assert set(json.loads(result.stdout)) == {"week", "rule", "groups"}
