"""Saving a generated plan as a mesocycle: every dated session with its exercises and targets."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date

from peewee import fn

from models.rules.generator import Plan, PlannedExercise
from models.rules.plan_types import next_monday
from models.sessions import SessionSnapshot, delete_session
from models.storage.db import database, row_tuples
from models.storage.schema import Exercise, ExerciseAlias, Mesocycle, Session, SessionExercise


class PlanSaveError(ValueError):
    """A plan that names an exercise the database does not have."""


def planned_in_the_way(plan: Plan) -> list[tuple[int, date, str]]:
    """(id, day, name) of the sessions still only planned (never trained, never skipped) from
    the plan's first session to its last: saving the plan beside them would put two sessions
    on a day. Done and skipped sessions are history and never in the way."""
    days = [s.date for week in plan.weeks for s in week.sessions]
    if not days:
        return []
    return [(row_id, day, name) for row_id, day, name in row_tuples(
        Session.select(Session.id, Session.date, Session.name)
        .where(Session.date.between(min(days), max(days)) & (Session.status == "planned"))
        .order_by(Session.date, Session.position))]


def first_free_start(today: date) -> date:
    """Where a new block starts by default: the Monday after the last planned session still to
    come (the current program runs out first), else the next Monday."""
    last = (Session.select(fn.MAX(Session.date))
            .where((Session.status == "planned") & (Session.date >= today)).scalar())
    if isinstance(last, str):  # an aggregate comes back as the stored text
        last = date.fromisoformat(last)
    latest = max(today, last) if last is not None else today
    return next_monday(latest)


def save_plan_replacing(plan: Plan, *, name: str) -> tuple[int, list[SessionSnapshot]]:
    """save_plan(), after deleting the planned sessions in its way (planned_in_the_way), in one
    transaction; returns the mesocycle id and the deleted sessions (restore_session puts them
    back)."""
    with database.atomic():
        replaced = [delete_session(row_id) for row_id, _, _ in planned_in_the_way(plan)]
        return save_plan(plan, name=name), replaced


def overlap_text(sessions: list[tuple[int, date, str]]) -> str:
    """"3 planned sessions (Mon 04 Jan 2027 Upper A, …)" for a message."""
    shown = ", ".join(f"{day:%a %d %b %Y} {name or 'session'}".strip() for _, day, name in
                      sessions[:3])
    more = ", …" if len(sessions) > 3 else ""
    return f"{len(sessions)} planned session{'s' if len(sessions) != 1 else ''} ({shown}{more})"


def save_plan(plan: Plan, *, name: str, priorities: Mapping[str, str] | None = None) -> int:
    """Write the whole mesocycle in one transaction; returns the mesocycle id.

    The stored priorities are what the plan finally does (after the budget), the grown groups
    first in rank order, so the next mesocycle starts from the same ranking; `priorities`
    overrides them (a plan made before the ranking existed)."""
    exercise_ids = _exercise_ids(plan)
    accumulation = len(plan.accumulation_weeks)
    stored = dict(priorities) if priorities is not None else ranked_priorities(plan)
    with database.atomic():
        mesocycle = Mesocycle.create(
            name=name.strip() or default_name(plan), level=plan.level, start_date=plan.start,
            accumulation_weeks=accumulation, deload=accumulation < len(plan.weeks),
            training_days=",".join(plan.days), split=plan.split,
            priorities=json.dumps(stored), max_minutes=plan.max_minutes)
        for week in plan.weeks:
            for planned in week.sessions:
                _save_session(mesocycle.id, week.number, planned, exercise_ids,
                              deload=week.deload)
    return mesocycle.id


def ranked_priorities(plan: Plan) -> dict[str, str]:
    """{group: priority}, the grown groups first in rank order, then the rest."""
    ordered = {group: "grow" for group in plan.rank}
    ordered.update((g, p) for g, p in plan.priorities.items() if g not in ordered)
    return ordered


def default_name(plan: Plan) -> str:
    return f"{plan.level.capitalize()} mesocycle from {plan.start:%d %b %Y}"


def delete_mesocycle(mesocycle_id: int) -> int:
    """Delete a mesocycle and its sessions that were never trained; returns sessions deleted.

    Sessions with logged sets are kept (history is never lost); they just lose the link."""
    with database.atomic():
        untouched = (Session.select(Session.id)
                     .where((Session.mesocycle == mesocycle_id) & (Session.status == "planned")))
        count = Session.delete().where(Session.id.in_(untouched)).execute()
        Mesocycle.delete_by_id(mesocycle_id)
    return count


def _save_session(mesocycle_id: int, week_number: int, planned, exercise_ids, *,
                  deload: bool) -> None:
    position = Session.select().where(Session.date == planned.date).count()
    session = Session.create(date=planned.date, name=planned.name, status="planned",
                             mesocycle=mesocycle_id, week_number=week_number, position=position,
                             kind="deload" if deload else "regular")
    SessionExercise.insert_many([
        _session_exercise_row(session.id, index, exercise, exercise_ids)
        for index, exercise in enumerate(planned.exercises)
    ]).execute()


def _session_exercise_row(session_id: int, position: int, exercise: PlannedExercise,
                          exercise_ids: dict[str, tuple[int, int]]) -> dict:
    exercise_id, rest = exercise_ids[_link(exercise)]
    return {"session": session_id, "exercise": exercise_id, "position": position,
            "target_sets": exercise.sets, "rep_low": exercise.rep_low,
            "rep_high": exercise.rep_high, "target_rir": exercise.rir,
            "tempo": exercise.tempo, "rest_seconds": rest}


def _link(exercise: PlannedExercise) -> str:
    """How a planned exercise is found in the database: by its id when the plan came from the
    database's library (any name, any case), else by name."""
    return f"#{exercise.exercise_id}" if exercise.exercise_id is not None \
        else exercise.name.casefold()


def _exercise_ids(plan: Plan) -> dict[str, tuple[int, int]]:
    """_link(exercise) → (exercise id, rest seconds) for every exercise the plan names."""
    planned = [e for week in plan.weeks for s in week.sessions for e in s.exercises]
    found: dict[str, tuple[int, int]] = {}
    ids = {e.exercise_id for e in planned if e.exercise_id is not None}
    for exercise_id, rest in row_tuples(Exercise.select(Exercise.id, Exercise.rest_seconds)
                                        .where(Exercise.id.in_(list(ids)))):
        found[f"#{exercise_id}"] = (exercise_id, rest)
    missing_ids = sorted(i for i in ids if f"#{i}" not in found)
    if missing_ids:
        raise PlanSaveError(f"the plan names exercises that are no longer in the library "
                            f"(ids {missing_ids})")
    names = {e.name.casefold() for e in planned if e.exercise_id is None}
    if not names:
        return found
    # Compared in Python: SQLite's lower() folds only ASCII, so "Überzug" or "Straße" (casefold
    # "strasse") would never match in SQL.
    for exercise_id, name, rest in row_tuples(Exercise.select(Exercise.id, Exercise.name,
                                                              Exercise.rest_seconds)):
        if name.casefold() in names:
            found[name.casefold()] = (exercise_id, rest)
    for exercise_id, alias, rest in row_tuples(ExerciseAlias.select(ExerciseAlias.exercise,
                                                                    ExerciseAlias.alias,
                                                                    Exercise.rest_seconds)
                                               .join(Exercise)):
        if alias.casefold() in names:
            found.setdefault(alias.casefold(), (exercise_id, rest))
    missing = sorted(names - set(found))
    if missing:
        raise PlanSaveError(f"the plan names exercises that are not in the library: {missing}")
    return found
