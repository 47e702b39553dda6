"""Saving a generated plan: every planned exercise linked to its row, whatever its name."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from models.landmarks import load_landmarks
from models.library import create_exercise, planning_library
from models.plans import save_plan
from models.rules.domain import ExerciseInfo
from models.rules.generator import PlanRequest, generate_plan
from models.storage.schema import Exercise, SessionExercise

NAMES = ["Überzug am Kabel", "Straßen-Curl", "ÇEKME Row", "Ωmega Raise"]


def plan_with(library, group: str):
    return generate_plan(PlanRequest(
        level="intermediate", days=("mon", "wed", "fri"), weeks=3, start=date(2027, 1, 4),
        priorities={group: "grow"}, rank=(group,), landmarks=load_landmarks(),
        library=library))


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("by_id", [True, False], ids=["library with ids", "names only"])
def test_a_custom_exercise_with_any_letters_is_saved_in_a_plan(db, name, by_id):
    """SQLite's lower() folds only ASCII letters: a plan naming "Straßen-Curl" could not be
    saved when exercises were matched by name in SQL."""
    create_exercise(ExerciseInfo(name=name, primary="biceps", pattern="elbow_flexion",
                                 equipment="cable"))
    # Only the custom exercise can train biceps directly, so the plan must use it.
    library = [e for e in planning_library() if e.primary != "biceps" or e.name == name]
    if not by_id:
        library = [replace(e, id=None) for e in library]
    plan = plan_with(tuple(library), "biceps")
    assert any(e.name == name for w in plan.weeks for s in w.sessions for e in s.exercises)
    mesocycle_id = save_plan(plan, name="Block")
    custom = Exercise.get(Exercise.name == name)
    linked = SessionExercise.select().where(SessionExercise.exercise == custom.id).count()
    assert mesocycle_id and linked > 0
