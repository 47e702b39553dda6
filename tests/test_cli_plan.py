"""`python main.py plan`: the generator from the command line, JSON shape, --save, bad input."""

import json

import pytest

from models.opening import open_database
from models.storage.schema import Mesocycle, Session, SessionExercise


def test_plan_json_has_the_documented_shape(run_cli, db_path):
    code, out, _ = run_cli("plan", "--level", "beginner", "--days", "mon,wed,fri,sat",
                       "--weeks", "6", "--start", "2026-11-30", "--grow", "back",
                       "--json", "--db", str(db_path))
    assert code == 0
    plan = json.loads(out)
    assert plan["level"] == "beginner" and plan["days"] == ["mon", "wed", "fri", "sat"]
    assert plan["warnings"] == []
    assert [w["number"] for w in plan["weeks"]][:6] == [1, 2, 3, 4, 5, 6]
    assert plan["weeks"][-1]["deload"] is True and len(plan["weeks"]) == 7
    first = plan["weeks"][0]
    assert first["sets_per_muscle"]["back"] == 10  # the seed: a beginner starts back at MEV
    assert set(first["sets_per_muscle"]) >= {"back", "side_delts", "forearms"}
    session = first["sessions"][0]
    assert session["weekday"] == "mon" and session["date"] == "2026-11-30"
    exercise = session["exercises"][0]
    assert set(exercise) >= {"name", "primary", "secondary", "pattern", "sets", "rep_range",
                             "rir", "tempo"}
    assert exercise["rir"] == first["rir"] == 3
    assert [w["sets_per_muscle"]["back"] for w in plan["weeks"][:6]] == [10, 11, 13, 14, 16, 17]
    # Listing some groups maintains the others: they hold their sets.
    assert {w["sets_per_muscle"]["calves"] for w in plan["weeks"][:6]} == {6}
    open_database(db_path)
    assert Mesocycle.select().count() == 0  # no --save: nothing written


def test_plan_save_writes_every_session(run_cli, db_path):
    code, out, _ = run_cli("plan", "--level", "intermediate", "--days", "mon,tue,thu,fri",
                       "--weeks", "4", "--start", "2026-11-30", "--save", "--name", "Block A",
                       "--json", "--db", str(db_path))
    assert code == 0
    plan = json.loads(out)
    open_database(db_path)
    mesocycle = Mesocycle.get_by_id(plan["mesocycle_id"])
    assert mesocycle.name == "Block A" and mesocycle.accumulation_weeks == 4
    sessions = Session.select().where(Session.mesocycle == mesocycle.id)
    assert sessions.count() == sum(len(w["sessions"]) for w in plan["weeks"]) == 20
    exercises = SessionExercise.select().join(Session).where(Session.mesocycle == mesocycle.id)
    assert exercises.count() == sum(len(s["exercises"]) for w in plan["weeks"]
                                    for s in w["sessions"])


def test_plan_text_names_warnings(run_cli, db_path):
    code, out, _ = run_cli("plan", "--level", "advanced", "--days", "mon,tue",
                       "--weeks", "3", "--db", str(db_path))
    assert code == 0 and "warning [spacing_48h]" in out


def test_plan_json_carries_rule_ranking_counted_sets_and_minutes(run_cli, db_path):
    code, out, _ = run_cli("plan", "--level", "intermediate", "--days", "mon,tue,thu,fri",
                           "--weeks", "6", "--start", "2026-11-30", "--json",
                           "--db", str(db_path))
    assert code == 0
    plan = json.loads(out)
    assert plan["rule"] == "fractional"  # the saved preference, fractional by default
    assert plan["rank"][:4] == ["back", "chest", "quads", "hamstrings"]
    assert set(plan["priorities"].values()) <= {"grow", "maintain", "skip"}
    assert [plan["priorities"][g] for g in plan["rank"]] == ["grow"] * len(plan["rank"])
    back = [w["counted_per_muscle"]["back"] for w in plan["weeks"][:6]]
    assert back == [10, 12, 14, 16, 19, 21]  # a real ramp, not 10 sets every week
    first = plan["weeks"][0]
    assert first["counted_per_muscle"]["biceps"] > first["sets_per_muscle"]["biceps"]
    assert all(isinstance(s["minutes"], int) and s["minutes"] > 0 for s in first["sessions"])


def test_plan_grow_is_a_ranking_and_rule_and_max_minutes_apply(run_cli, db_path):
    code, out, _ = run_cli("plan", "--level", "intermediate", "--days", "mon,tue,thu,fri",
                           "--weeks", "6", "--grow", "side_delts,back", "--rule", "direct",
                           "--max-minutes", "60", "--json", "--db", str(db_path))
    assert code == 0
    plan = json.loads(out)
    assert plan["rank"][0] == "side_delts" and plan["rule"] == "direct"
    assert plan["max_minutes"] == 60
    assert all(s["minutes"] <= 60 for w in plan["weeks"] for s in w["sessions"])
    for week in plan["weeks"]:
        assert week["counted_per_muscle"] == {g: float(n) for g, n in
                                              week["sets_per_muscle"].items()}


def test_plan_text_shows_minutes_and_the_counting_rule(run_cli, db_path):
    code, out, _ = run_cli("plan", "--level", "beginner", "--days", "mon,wed,fri",
                           "--weeks", "6", "--db", str(db_path))
    assert code == 0
    assert "counted fractional" in out and "about" in out and " min" in out
    assert "Grows back" in out


@pytest.mark.parametrize("args, message", [
    (["--days", "mon,funday", "--weeks", "4"], "--days: unknown funday"),
    (["--days", "mon", "--weeks", "0"], "--weeks: 0 is out of range (3–12)"),
    (["--days", "mon", "--weeks", "13"], "--weeks: 13 is out of range"),
    (["--days", "", "--weeks", "4"], "--days: name at least one weekday"),
    (["--days", "mon", "--weeks", "4", "--grow", "back", "--skip", "back"],
     "back is both --grow and --skip"),
    (["--days", "mon", "--weeks", "4", "--maintain", "wings"], "--maintain: unknown wings"),
    (["--days", "mon", "--weeks", "4", "--start", "30/11/2026"], "--start"),
    (["--days", "mon", "--weeks", "four"], "invalid int value"),
    (["--days", "mon", "--weeks", "4", "--max-minutes", "19"], "--max-minutes: 19 is out of range"),
    (["--days", "mon", "--weeks", "4", "--max-minutes", "241"], "(20–240)"),
    (["--days", "mon", "--weeks", "4", "--rule", "half"], "invalid choice"),
    (["--days", "mon", "--weeks", "4", "--grow", "back,back"], "back is named twice in --grow"),
])
def test_bad_plan_arguments_exit_2_and_write_nothing(run_cli, db_path, args, message):
    code, _, err = run_cli("plan", "--level", "beginner", *args, "--save",
                       "--db", str(db_path))
    assert code == 2 and message in err
    assert not db_path.exists()  # refused before the database is touched


def test_saving_onto_planned_dates_is_refused_unless_replace(run_cli, db_path):
    args = ["plan", "--level", "beginner", "--days", "mon,thu", "--weeks", "4", "--save",
            "--start", "2027-01-04", "--db", str(db_path)]
    assert run_cli(*args)[0] == 0
    code, _, err = run_cli(*args)
    assert code == 1
    assert "overlap 10 planned sessions (Mon 04 Jan 2027 Full body A" in err
    assert "--replace" in err and "--start 2027-02-08" in err
    code, out, _ = run_cli(*args, "--replace")
    assert code == 0 and "replacing 10 planned sessions" in out
    code, out, _ = run_cli("plan", "--level", "beginner", "--days", "mon,thu", "--weeks", "4",
                           "--json", "--db", str(db_path))
    assert json.loads(out)["start"] == "2027-02-08"  # after the planned block, by default
