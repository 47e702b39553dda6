"""The exercise library: shipped content, first-start load, upgrades, the user's own exercises."""

import json
from dataclasses import replace
from datetime import date

import pytest
from peewee import IntegrityError

from models.io.library_file import read_shipped_library
from models.library import (
    ExerciseError,
    ExerciseInUseError,
    create_exercise,
    delete_exercise,
    exercise_problems,
    get_exercise,
    list_exercises,
    restore_exercise,
    sync_shipped_library,
    update_exercise,
)
from models.rules.domain import (
    EQUIPMENT,
    EQUIPMENT_LOAD_STEPS,
    MUSCLE_GROUPS,
    PATTERNS,
    parse_tempo,
)
from models.storage.resources import resource_path
from models.storage.schema import Exercise, Session, SessionExercise

ARTICLE_ROWS = ("Barbell Row", "Cable Row", "Machine Row", "Dumbbell Row", "Helms Row")
ARTICLE_PULLS = ("Lat Pulldown", "Dumbbell Pullover", "Machine Pulldown", "Cable Pulldown")


@pytest.fixture(scope="module")
def shipped():
    return read_shipped_library()


def test_shipped_library_is_large_and_covers_every_group(shipped):
    assert len(shipped.exercises) >= 120
    primaries = {e.primary for e in shipped.exercises}
    assert primaries == set(MUSCLE_GROUPS)


def test_the_nine_article_exercises_are_spelled_exactly(shipped):
    by_name = {e.name: e for e in shipped.exercises}
    for name in ARTICLE_ROWS + ARTICLE_PULLS:
        exercise = by_name[name]
        assert exercise.primary == "back"
        assert exercise.pattern == ("horizontal_pull" if name in ARTICLE_ROWS else "vertical_pull")
        assert parse_tempo(exercise.tempo)[0] == 3, name


def test_every_entry_is_valid(shipped):
    names, aliases = set(), set()
    for e in shipped.exercises:
        assert e.pattern in PATTERNS and e.equipment in EQUIPMENT, e.name
        assert set(e.secondary) <= set(MUSCLE_GROUPS) and e.primary not in e.secondary, e.name
        assert 1 <= e.rep_low < e.rep_high <= 100, e.name
        assert parse_tempo(e.tempo) is not None, e.name
        assert (e.load_step_kg, e.load_step_lb) == EQUIPMENT_LOAD_STEPS[e.equipment], e.name
        if e.primary == "back":
            assert parse_tempo(e.tempo)[0] == 3, f"{e.name}: back defaults to a 3 s eccentric"
        names.add(e.name.casefold())
        aliases.update(a.casefold() for a in e.aliases)
    assert len(names) == len(shipped.exercises)
    assert not names & aliases


@pytest.mark.parametrize("alias, name", [
    ("Bent Over Row (Barbell)", "Barbell Row"), ("Lat Pulldown (Cable)", "Lat Pulldown"),
    ("Seated Cable Row", "Cable Row"),
])
def test_other_apps_names_are_aliases(shipped, alias, name):
    owner = next(e for e in shipped.exercises if alias.casefold() in
                 {a.casefold() for a in e.aliases})
    assert owner.name == name


def test_first_start_loads_the_whole_library(db, shipped):
    stored = list_exercises()
    assert len(stored) == len(shipped.exercises)
    row = next(e for e in stored if e.name == "Barbell Row")
    assert row.primary == "back" and "Bent Over Row (Barbell)" in row.aliases
    assert row.id is not None and row.key == "barbell_row"


def test_names_are_unique_case_insensitively(db):
    with pytest.raises(IntegrityError):
        Exercise.create(name="barbell ROW", rep_low=5, rep_high=8)


def _custom(**changes):
    base = replace(read_shipped_library().exercises[0], key=None, id=None, name="Tripod Row",
                   aliases=("Three-Point Row",), primary="back",
                   secondary=("biceps", "rear_delts"), pattern="horizontal_pull",
                   equipment="barbell", rep_low=8, rep_high=12, tempo="3-1-1-0")
    return replace(base, **changes)


def test_create_edit_and_delete_a_custom_exercise(db):
    exercise_id = create_exercise(_custom())
    stored = get_exercise(exercise_id)
    assert stored.name == "Tripod Row" and stored.secondary == ("biceps", "rear_delts")
    assert Exercise.get_by_id(exercise_id).is_custom
    update_exercise(exercise_id, replace(stored, name="Tripod Row (landmine)", secondary=()))
    assert get_exercise(exercise_id).name == "Tripod Row (landmine)"
    assert get_exercise(exercise_id).secondary == ()
    deleted = delete_exercise(exercise_id)
    assert Exercise.get_or_none(Exercise.id == exercise_id) is None
    restore_exercise(deleted)
    assert get_exercise(exercise_id) == deleted


@pytest.mark.parametrize("changes, fragment", [
    ({"name": " "}, "Name: enter a name"),
    ({"name": "barbell row"}, "already an exercise or an alias"),
    ({"aliases": ("Bent Over Row (Barbell)",)}, "Aliases"),
    ({"primary": "wings"}, "Primary group"),
    ({"secondary": ("back",)}, "primary group cannot also be secondary"),
    ({"rep_low": 12, "rep_high": 8}, "Rep range"),
    ({"tempo": "slow"}, "Tempo"),
    ({"load_step_kg": 80.0}, "Load step"),
    ({"pattern": "teleport"}, "Movement pattern"),
])
def test_invalid_exercises_are_refused_with_the_field_named(db, changes, fragment):
    info = _custom(**changes)
    assert any(fragment in p for p in exercise_problems(info))
    count = Exercise.select().count()
    with pytest.raises(ExerciseError, match=fragment.split(":")[0]):
        create_exercise(info)
    assert Exercise.select().count() == count


def test_deleting_an_exercise_with_history_is_refused(db):
    exercise = Exercise.get(Exercise.name == "Barbell Row")
    session = Session.create(date=date(2026, 11, 23), name="Pull")
    SessionExercise.create(session=session, exercise=exercise, rep_low=6, rep_high=10)
    with pytest.raises(ExerciseInUseError, match="cannot be deleted"):
        delete_exercise(exercise.id)
    with pytest.raises(IntegrityError):  # and the database itself refuses too
        Exercise.delete_by_id(exercise.id)
    assert Exercise.get_or_none(Exercise.id == exercise.id) is not None


def test_a_newer_library_adds_only_new_exercises_and_keeps_user_edits(db, tmp_path):
    row = Exercise.get(Exercise.name == "Barbell Row")
    update_exercise(row.id, replace(get_exercise(row.id), rep_low=5, rep_high=7))
    delete_exercise(Exercise.get(Exercise.name == "Machine Row").id)
    create_exercise(_custom(name="Kroc Row", aliases=()))
    data = json.loads(resource_path("exercises.json").read_text())
    data["version"] += 1
    data["exercises"].append({
        "key": "kayak_row", "name": "Kayak Row", "aliases": ["Kayak Row (Cable)"],
        "primary": "back", "secondary": ["biceps"], "pattern": "horizontal_pull",
        "equipment": "barbell", "rep_range": [6, 10], "tempo": "3-1-1-0", "load_step_kg": 2.5,
        "load_step_lb": 5.0, "rest_seconds": 150, "since": data["version"]})
    data["exercises"].append({**data["exercises"][-1], "key": "kroc_row", "name": "Kroc Row",
                              "aliases": [], "since": data["version"]})
    newer = tmp_path / "exercises.json"
    newer.write_text(json.dumps(data))
    added = sync_shipped_library(read_shipped_library(newer))
    assert added == 1  # Kayak Row; Kroc Row is the user's name already
    names = {e.name for e in list_exercises()}
    assert "Kayak Row" in names and "Machine Row" not in names  # a deletion stays a deletion
    assert get_exercise(row.id).rep_low == 5
    assert Exercise.get(Exercise.name == "Kroc Row").is_custom
    assert sync_shipped_library(read_shipped_library(newer)) == 0


def test_the_articles_pulldown_progression_fits_cable_pulldown_rep_range(shipped):
    """DOMAIN §10: 8 → 9 → 10 reps on the cable pull-down is a valid in-range progression."""
    pulldown = next(e for e in shipped.exercises if e.name == "Cable Pulldown")
    assert all(pulldown.rep_low <= reps <= pulldown.rep_high for reps in (8, 9, 10))


def test_a_revised_shipped_exercise_is_upgraded_unless_the_user_edited_it(db, tmp_path):
    """A database that saw library 1 has Cable Pulldown at 10–15; library 2 ships 8–12 and
    brings the stored row along, but a user's own rep range stays."""
    from models.rules.limits import LIBRARY_VERSION_KEY
    from models.settings import set_value

    pulldown = Exercise.get(Exercise.key == "cable_pulldown")
    Exercise.update(rep_low=10, rep_high=15).where(Exercise.id == pulldown.id).execute()
    lat = Exercise.get(Exercise.key == "lat_pulldown")
    set_value(LIBRARY_VERSION_KEY, "1")
    data = json.loads(resource_path("exercises.json").read_text())
    for entry in data["exercises"]:
        if entry["key"] == "lat_pulldown":  # a second revision the user has edited away
            entry["revised"] = {"2": {"rep_range": [10, 15]}}
            entry["rep_range"] = [8, 12]
    Exercise.update(rep_low=6, rep_high=9).where(Exercise.id == lat.id).execute()
    library = tmp_path / "exercises.json"
    library.write_text(json.dumps(data))
    sync_shipped_library(read_shipped_library(library))
    assert (get_exercise(pulldown.id).rep_low, get_exercise(pulldown.id).rep_high) == (8, 12)
    assert (get_exercise(lat.id).rep_low, get_exercise(lat.id).rep_high) == (6, 9)
