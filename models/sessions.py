"""Training sessions on the calendar: what the calendar and the session editor read and change.

Queries return plain dataclasses; the calendar's are a few aggregated SQL statements per page, never
one per session or per set. Every change validates its input first (raising `SessionError`, whose
message names the field) and only then writes, inside one transaction when it touches several rows.
Each change returns what its undo needs: the old value, the old order, or a snapshot of deleted rows
that the matching restore function puts back with the same ids.

Conventions:
- Dates are days without a time (DOMAIN §8). 48 hours between two sessions training a group
  therefore means two calendar days: the same day or the next day conflicts (DOMAIN §3).
- `sets_done` counts non-warm-up sets (working, drop, failure), as the volume gauges do (DOMAIN §1);
  a timed set (a plank: 0 reps, 60 s) is a set like any other.
- A set has at least 1 rep or a time (seconds). Its load is in kg, None for bodyweight; only an
  assisted exercise (models.rules.domain.is_assisted) takes a negative load: the help given.
- "Last time" for an exercise is the latest session on an earlier day, not skipped, where at least
  one non-warm-up set of it was logged; all its sets (warm-ups too) are returned.
- Positions order the sessions of a day and the exercises of a session; gaps are harmless (a removed
  exercise leaves one, so restoring it puts every row back exactly as it was).
"""

from __future__ import annotations

import math
import numbers
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, SupportsInt, cast

from peewee import Case, IntegrityError, fn

from models.rules.domain import (
    MUSCLE_GROUPS,
    SESSION_STATUSES,
    SET_KINDS,
    ExerciseInfo,
    format_load,
    is_assisted,
    is_timed,
    load_kind,
    parse_tempo,
    session_minutes,
)
from models.rules.limits import (
    ASSISTANCE_KG,
    LOAD_KG,
    REP_RANGE,
    REPS,
    REST_SECONDS,
    RIR,
    RPE,
    SET_SECONDS,
    TARGET_SETS,
)
from models.rules.progression import PROGRESSION_KINDS, SetResult, Target, next_target
from models.settings import load_settings
from models.storage.db import BaseModel, database, row_dicts, row_tuples
from models.storage.schema import (
    Exercise,
    ExerciseAlias,
    ExerciseSecondary,
    Feedback,
    LoggedSet,
    Mesocycle,
    Session,
    SessionExercise,
)

DEFAULT_TARGET_SETS = 3
# Dates carry no time, so "at least 48 hours apart" means at least two calendar days apart.
MAX_CONFLICT_DAYS = 1


class SessionError(ValueError):
    """Input a session change refuses; the message names the field and says why."""


class _Unset:
    """Marks an argument that was not given, where None is a real value (no RIR target)."""

    def __repr__(self) -> str:
        return "UNSET"


UNSET = _Unset()


# ---------------------------------------------------------------------------------------------
# Plain data
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SessionSummary:
    """One session as a calendar cell shows it."""

    id: int
    date: date
    position: int
    name: str
    status: str
    mesocycle_id: int | None
    groups: tuple[str, ...]  # primary groups trained, in MUSCLE_GROUPS order
    exercise_count: int
    sets_done: int  # non-warm-up logged sets
    minutes: int = 0  # estimated length of the planned sets (DOMAIN §10)
    kind: str = "regular"  # "deload" for a deload week's session


@dataclass(frozen=True)
class PlannedExercise:
    """One exercise of a session as the week planner lists it: its targets and the working
    sets logged against them."""

    id: int  # the session exercise
    session_id: int
    exercise_id: int
    name: str
    primary: str | None
    target_sets: int
    rep_low: int
    rep_high: int
    target_rir: float | None
    tempo: str
    rest_seconds: int
    notes: str
    sets_done: int  # working and failure sets, as the session editor counts them
    recovery: bool = False


@dataclass(frozen=True)
class ExercisePlace:
    """Where an exercise sits: its session and its index in that session's order."""

    session_id: int
    position: int


@dataclass(frozen=True)
class LoggedSetInfo:
    id: int
    position: int
    kind: str
    load_kg: float | None  # None: bodyweight; negative: an assisted exercise's help
    reps: int
    rir: float | None
    rpe: float | None
    seconds: int | None = None  # a timed set's time (0 reps)

    @property
    def timed(self) -> bool:
        return is_timed(self.reps, self.seconds)


@dataclass(frozen=True)
class SessionExerciseInfo:
    id: int
    position: int
    exercise: ExerciseInfo
    target_sets: int
    rep_low: int
    rep_high: int
    target_rir: float | None
    tempo: str
    rest_seconds: int
    notes: str
    sets: tuple[LoggedSetInfo, ...]
    last_time: tuple[SetResult, ...]  # the exercise's sets in the latest earlier session
    last_date: date | None
    target: Target
    recovery: bool = False  # a recovery session's row: half the usual sets and reps


@dataclass(frozen=True)
class SessionDetail:
    id: int
    date: date
    name: str
    status: str
    notes: str
    mesocycle_id: int | None
    week_number: int | None
    exercises: tuple[SessionExerciseInfo, ...]
    kind: str = "regular"  # "deload" for a deload week's session


@dataclass(frozen=True)
class SpacingConflict:
    """`other_session_id` trains `group` (as primary) too, less than 48 hours from `session_id`."""

    session_id: int
    other_session_id: int
    other_date: date
    group: str
    days_apart: int  # 0 (same day) or 1


@dataclass(frozen=True)
class LoggedSetSnapshot:
    row: dict


@dataclass(frozen=True)
class SessionExerciseSnapshot:
    row: dict
    sets: tuple[dict, ...]


@dataclass(frozen=True)
class SessionSnapshot:
    row: dict
    exercises: tuple[dict, ...]
    sets: tuple[dict, ...]
    feedback: tuple[dict, ...]


# ---------------------------------------------------------------------------------------------
# Queries
# ---------------------------------------------------------------------------------------------

# Exercise and set counts are aggregated separately: joining both at once would multiply rows.
# CROSS JOIN fixes SQLite's join order: start from the few sessions in the date range. Left to
# itself the planner scans every session exercise of the history for the set counts.
_SUMMARIES_SQL = """
    WITH exercises AS (
        SELECT se.session_id, COUNT(*) AS exercise_count,
               group_concat(DISTINCT e.primary_group) AS groups
        FROM session s
        CROSS JOIN session_exercise se ON se.session_id = s.id
        JOIN exercise e ON e.id = se.exercise_id
        WHERE s.date BETWEEN :start AND :end
        GROUP BY se.session_id
    ), sets AS (
        SELECT se.session_id, COUNT(*) AS sets_done
        FROM session s
        CROSS JOIN session_exercise se ON se.session_id = s.id
        CROSS JOIN logged_set ls ON ls.session_exercise_id = se.id
        WHERE s.date BETWEEN :start AND :end AND ls.kind != 'warmup'
        GROUP BY se.session_id
    )
    SELECT s.id, s.date, s.position, s.name, s.status, s.mesocycle_id, s.kind,
           x.groups, COALESCE(x.exercise_count, 0), COALESCE(y.sets_done, 0)
    FROM session s
    LEFT JOIN exercises x ON x.session_id = s.id
    LEFT JOIN sets y ON y.session_id = s.id
    WHERE s.date BETWEEN :start AND :end
    ORDER BY s.date, s.position, s.id
"""

# Pairs of sessions, not skipped, that train a primary group within MAX_CONFLICT_DAYS. `trained`
# is limited to a window of dates so only the sessions near the subject ones are read.
_CONFLICTS_SQL = """
    WITH trained AS (
        SELECT DISTINCT s.id, s.date, e.primary_group AS grp
        FROM session s
        JOIN session_exercise se ON se.session_id = s.id
        JOIN exercise e ON e.id = se.exercise_id
        WHERE s.date BETWEEN :window_start AND :window_end
          AND s.status != 'skipped' AND e.primary_group IS NOT NULL
    )
    SELECT a.id, b.id, b.date, a.grp,
           CAST(abs(julianday(b.date) - julianday(a.date)) AS INTEGER) AS days_apart
    FROM trained a
    JOIN trained b ON b.grp = a.grp AND b.id != a.id
    WHERE days_apart <= :max_days AND {subject}
"""

# For each exercise, the sets of its two latest sessions on days before :before (see module doc):
# the latest for the progression, the one before to see a trend (below the range twice).
_LAST_SETS_SQL = """
    WITH done AS (
        SELECT se.id AS se_id, se.exercise_id, s.date, s.position AS session_position,
               se.position AS exercise_position
        FROM session_exercise se
        JOIN session s ON s.id = se.session_id
        WHERE se.exercise_id IN ({ids}) AND s.date < ? AND s.status != 'skipped'
          AND EXISTS (SELECT 1 FROM logged_set w
                      WHERE w.session_exercise_id = se.id AND w.kind != 'warmup')
    ), days AS (
        SELECT exercise_id, date,
               ROW_NUMBER() OVER (PARTITION BY exercise_id ORDER BY date DESC) AS back
        FROM (SELECT DISTINCT exercise_id, date FROM done)
    )
    SELECT d.exercise_id, d.date, days.back, ls.kind, ls.load_kg, ls.reps, ls.seconds
    FROM done d
    JOIN days ON days.exercise_id = d.exercise_id AND days.date = d.date AND days.back <= 2
    JOIN logged_set ls ON ls.session_exercise_id = d.se_id
    ORDER BY d.exercise_id, days.back, d.session_position, d.exercise_position, ls.position,
             ls.id
"""


@dataclass(frozen=True)
class _History:
    """An exercise's latest day and sets before a date, and the sets of the time before."""

    day: date | None = None
    sets: tuple[SetResult, ...] = ()
    earlier: tuple[SetResult, ...] = ()


def has_sessions() -> bool:
    """Whether the log holds any session at all (the welcome note shows until it does)."""
    return Session.select(Session.id).limit(1).exists()


def sessions_between(start: date, end: date) -> list[SessionSummary]:
    """Every session from `start` to `end` inclusive, by date then position (two queries)."""
    params = {"start": _day("start", start).isoformat(), "end": _day("end", end).isoformat()}
    rows = database.execute_sql(_SUMMARIES_SQL, params)
    minutes = _session_minutes(params)
    return [
        SessionSummary(id=session_id, date=date.fromisoformat(day), position=position, name=name,
                       status=status, mesocycle_id=mesocycle_id,
                       groups=_in_table_order(groups.split(",") if groups else ()),
                       exercise_count=exercise_count, sets_done=sets_done,
                       minutes=minutes.get(session_id, 0), kind=kind)
        for (session_id, day, position, name, status, mesocycle_id, kind, groups,
             exercise_count, sets_done) in rows
    ]


# The sets counted against a target are the progression's kinds (working and failure sets).
_PLANNED_EXERCISES_SQL = """
    SELECT se.id, se.session_id, e.id, e.name, e.primary_group, se.target_sets, se.rep_low,
           se.rep_high, se.target_rir, se.tempo, se.rest_seconds, se.notes, se.recovery,
           (SELECT COUNT(*) FROM logged_set ls
            WHERE ls.session_exercise_id = se.id AND ls.kind IN ({kinds}))
    FROM session s
    CROSS JOIN session_exercise se ON se.session_id = s.id
    JOIN exercise e ON e.id = se.exercise_id
    WHERE s.date BETWEEN ? AND ?
    ORDER BY se.session_id, se.position, se.id
"""


def exercises_between(start: date, end: date) -> dict[int, tuple[PlannedExercise, ...]]:
    """The exercises of every session from `start` to `end` inclusive, in each session's
    order, keyed by session id (one query). Sessions without exercises are left out."""
    start, end = _day("start", start), _day("end", end)
    sql = _PLANNED_EXERCISES_SQL.format(kinds=", ".join("?" * len(PROGRESSION_KINDS)))
    found: dict[int, list[PlannedExercise]] = defaultdict(list)
    for (se_id, session_id, exercise_id, name, primary, target_sets, rep_low, rep_high,
         target_rir, tempo, rest_seconds, notes, recovery, sets_done) in database.execute_sql(
            sql, (*PROGRESSION_KINDS, start.isoformat(), end.isoformat())):
        found[session_id].append(PlannedExercise(
            id=se_id, session_id=session_id, exercise_id=exercise_id, name=name,
            primary=primary, target_sets=target_sets, rep_low=rep_low, rep_high=rep_high,
            target_rir=target_rir, tempo=tempo, rest_seconds=rest_seconds, notes=notes,
            sets_done=sets_done, recovery=bool(recovery)))
    return {session_id: tuple(rows) for session_id, rows in found.items()}


_MINUTES_SQL = """
    SELECT se.session_id, e.pattern, se.target_sets,
           (SELECT group_concat(x.group_key) FROM exercise_secondary x
            WHERE x.exercise_id = e.id)
    FROM session s
    CROSS JOIN session_exercise se ON se.session_id = s.id
    JOIN exercise e ON e.id = se.exercise_id
    WHERE s.date BETWEEN :start AND :end
"""


def _session_minutes(params: dict[str, str]) -> dict[int, int]:
    """Session id -> estimated minutes of its target sets (models.rules.domain.session_minutes)."""
    exercises: dict[int, list[tuple[str, tuple[str, ...], int]]] = defaultdict(list)
    for session_id, pattern, sets, secondary in database.execute_sql(_MINUTES_SQL, params):
        exercises[session_id].append((pattern or "", tuple((secondary or "").split(",")),
                                      sets or 0))
    return {session_id: session_minutes(items) for session_id, items in exercises.items()}


def session_detail(session_id: int, *, units: str | None = None) -> SessionDetail:
    """A session with its exercises, logged sets, last times and targets (eight queries at most).

    `units` picks the load step and grid of the targets; the user's setting when not given.
    """
    session = _get_session(session_id)
    se_rows = list(SessionExercise.select()
                   .where(SessionExercise.session == session_id)
                   .order_by(SessionExercise.position, SessionExercise.id))
    exercise_ids = {row.exercise_id for row in se_rows}
    exercises = _exercise_infos(exercise_ids)
    sets = _sets_by_session_exercise([row.id for row in se_rows])
    last = _last_sets(exercise_ids, session.date)
    week = "deload" if session.kind == "deload" else "accumulation"
    units = units or load_settings().units
    return SessionDetail(
        id=session.id, date=session.date, name=session.name, status=session.status,
        notes=session.notes, mesocycle_id=session.mesocycle_id, week_number=session.week_number,
        kind=session.kind,
        exercises=tuple(_exercise_detail(row, exercises[row.exercise_id], sets[row.id],
                                         last.get(row.exercise_id, _History()), units, week)
                        for row in se_rows),
    )


def spacing_conflicts(session_id: int) -> list[SpacingConflict]:
    """Other sessions, not skipped, training a primary group of this one within 48 hours.

    A skipped session trains nothing, so it has no conflicts either.
    """
    day = _get_session(session_id).date
    return _conflicts(day, day, "a.id = :session_id", {"session_id": session_id})


def conflicts_between(start: date, end: date) -> dict[int, list[SpacingConflict]]:
    """Spacing conflicts of every session from `start` to `end`, keyed by session id (one query).

    Sessions without conflicts are left out. Neighbours just outside the range count too.
    """
    start, end = _day("start", start), _day("end", end)
    params = {"start": start.isoformat(), "end": end.isoformat()}
    found: dict[int, list[SpacingConflict]] = defaultdict(list)
    for conflict in _conflicts(start, end, "a.date BETWEEN :start AND :end", params):
        found[conflict.session_id].append(conflict)
    return dict(found)


def last_performance(exercise_id: int, before: date) -> tuple[date | None, tuple[SetResult, ...]]:
    """The day and sets of the latest session before `before` where the exercise was done."""
    history = _last_sets({exercise_id}, _day("before", before)).get(exercise_id, _History())
    return history.day, history.sets


@dataclass(frozen=True)
class NextSet:
    """What the session editor's entry row starts with for an exercise, so that logging it
    unchanged logs what is planned, never "BW × 5" on a squat. `load_missing`: the exercise
    takes a load and nothing says which yet (first time): the user types one."""

    kind: str
    load_kg: float | None
    reps: int
    seconds: int | None
    rir: float | None
    load_missing: bool = False

    @property
    def timed(self) -> bool:
        return is_timed(self.reps, self.seconds)


def next_set(info: SessionExerciseInfo) -> NextSet:
    """The next set of a session exercise, as the entry row starts it.

    Once a set other than a warm-up is logged today, the latest such set again (today's real
    load, maybe changed from the plan). Before that, a working set at the progression target:
    its load, else the load of the last set logged before (last time), else bodyweight — for
    bodyweight and assisted exercises only; the target's reps, or its time for a timed one."""
    done = [s for s in info.sets if s.kind != "warmup"]
    if done:
        last = done[-1]
        return NextSet(last.kind, last.load_kg, last.reps, last.seconds, last.rir)
    return planned_set(info)


def planned_set(info: SessionExerciseInfo) -> NextSet:
    """Each working set as planned, whatever is logged today: the progression target's load,
    else the load of the last set logged before, else bodyweight (`load_missing` for an
    exercise that takes a load); the target's reps, or its time; the week's RIR. What the
    printed sheet asks for, and what the session editor's grid pre-fills an empty row with."""
    target = info.target
    load = target.load_kg
    if load is None:
        load = next((s.load_kg for s in reversed(info.last_time)
                     if s.kind != "warmup" and s.load_kg), None)
    missing = load is None and load_kind(info.exercise) == "loaded"
    if target.timed:
        return NextSet("working", load, 0, target.seconds, info.target_rir, missing)
    return NextSet("working", load, target.reps, None, info.target_rir, missing)


def target_for(exercise_id: int, before: date, target_sets: int, units: str, *,
               rep_range: tuple[int, int] | None = None) -> Target:
    """Next time's target for an exercise trained on `before`, from its last performance.

    The rep range is the exercise's default unless `rep_range` (a session's own) is given.
    """
    exercise = _get_exercise(exercise_id)
    rep_low, rep_high = rep_range or (exercise.rep_low, exercise.rep_high)
    _, last_sets = last_performance(exercise_id, before)
    return next_target(list(last_sets), rep_low, rep_high, exercise.load_step_kg,
                       exercise.load_step_lb, units, target_sets)


def _conflicts(start: date, end: date, subject: str, params: dict) -> list[SpacingConflict]:
    margin = timedelta(days=MAX_CONFLICT_DAYS)
    sql = _CONFLICTS_SQL.format(subject=subject)
    rows = database.execute_sql(sql, {
        **params, "max_days": MAX_CONFLICT_DAYS,
        "window_start": (start - margin).isoformat(), "window_end": (end + margin).isoformat(),
    })
    conflicts = [SpacingConflict(session_id, other_id, date.fromisoformat(other_day), group,
                                 days_apart)
                 for session_id, other_id, other_day, group, days_apart in rows]
    return sorted(conflicts, key=lambda c: (c.session_id, c.other_date, c.other_session_id,
                                            MUSCLE_GROUPS.index(c.group)))


def _last_sets(exercise_ids: Iterable[int], before: date) -> dict[int, _History]:
    ids = sorted(exercise_ids)
    if not ids:
        return {}
    sql = _LAST_SETS_SQL.format(ids=", ".join("?" * len(ids)))
    days: dict[int, date] = {}
    sets: dict[tuple[int, int], list[SetResult]] = defaultdict(list)
    for exercise_id, day, back, kind, load_kg, reps, seconds in database.execute_sql(
            sql, (*ids, before.isoformat())):
        if back == 1:
            days[exercise_id] = date.fromisoformat(day)
        sets[exercise_id, back].append(SetResult(load_kg, reps, kind, seconds))
    return {exercise_id: _History(day, tuple(sets[exercise_id, 1]), tuple(sets[exercise_id, 2]))
            for exercise_id, day in days.items()}


def _sets_by_session_exercise(se_ids: list[int]) -> dict[int, tuple[LoggedSetInfo, ...]]:
    found: dict[int, list[LoggedSetInfo]] = defaultdict(list)
    if se_ids:
        rows = (LoggedSet.select()
                .where(LoggedSet.session_exercise.in_(se_ids))
                .order_by(LoggedSet.position, LoggedSet.id))
        for row in rows:
            found[row.session_exercise_id].append(LoggedSetInfo(
                row.id, row.position, row.kind, row.load_kg, row.reps, row.rir, row.rpe,
                row.seconds))
    return {se_id: tuple(found[se_id]) for se_id in se_ids}


def _exercise_detail(row: SessionExercise, exercise: ExerciseInfo,
                     sets: tuple[LoggedSetInfo, ...], history: _History, units: str,
                     week: str) -> SessionExerciseInfo:
    target = next_target(list(history.sets), row.rep_low, row.rep_high, exercise.load_step_kg,
                         exercise.load_step_lb, units, row.target_sets,
                         week="recovery" if row.recovery else week, rir=row.target_rir,
                         earlier_sets=history.earlier,
                         harder=_harder_variant(exercise, history.sets, row.rep_high))
    return SessionExerciseInfo(
        id=row.id, position=row.position, exercise=exercise, target_sets=row.target_sets,
        rep_low=row.rep_low, rep_high=row.rep_high, target_rir=row.target_rir, tempo=row.tempo,
        rest_seconds=row.rest_seconds, notes=row.notes, sets=sets, last_time=history.sets,
        last_date=history.day, target=target, recovery=bool(row.recovery))


def _harder_variant(exercise: ExerciseInfo, last: Sequence[SetResult],
                    rep_high: int) -> str | None:
    """For a bodyweight exercise done at the top of its range: another exercise of the same
    muscle and movement pattern that adds load ("Weighted …") or a harder stance, from the
    library; None when there is none or it is not needed."""
    if any(s.load_kg for s in last) or not any(s.reps >= rep_high for s in last):
        return None
    candidates = list(row_tuples(Exercise.select(Exercise.name, Exercise.equipment).where(
        (Exercise.primary_group == exercise.primary) & (Exercise.pattern == exercise.pattern)
        & (Exercise.id != exercise.id)).order_by(Exercise.id)))
    ranked = sorted(candidates, key=lambda c: ("weighted" not in c[0].casefold(),
                                               c[1] in ("bodyweight", "band")))
    return ranked[0][0] if ranked else None


def _exercise_infos(exercise_ids: Iterable[int]) -> dict[int, ExerciseInfo]:
    """The exercises as plain data, with aliases and secondary groups (three queries)."""
    ids = list(exercise_ids)
    if not ids:
        return {}
    secondaries: dict[int, list[str]] = defaultdict(list)
    for exercise_id, group in row_tuples(
            ExerciseSecondary.select(ExerciseSecondary.exercise, ExerciseSecondary.group)
            .where(ExerciseSecondary.exercise.in_(ids))):
        secondaries[exercise_id].append(group)
    aliases: dict[int, list[str]] = defaultdict(list)
    for exercise_id, alias in row_tuples(
            ExerciseAlias.select(ExerciseAlias.exercise, ExerciseAlias.alias)
            .where(ExerciseAlias.exercise.in_(ids)).order_by(ExerciseAlias.id)):
        aliases[exercise_id].append(alias)
    return {
        row.id: ExerciseInfo(
            id=row.id, key=row.key, name=row.name, primary=row.primary_group_id,
            secondary=_in_table_order(secondaries[row.id]), pattern=row.pattern,
            equipment=row.equipment, rep_low=row.rep_low, rep_high=row.rep_high,
            tempo=row.tempo, load_step_kg=row.load_step_kg, load_step_lb=row.load_step_lb,
            rest_seconds=row.rest_seconds, aliases=tuple(aliases[row.id]))
        for row in Exercise.select().where(Exercise.id.in_(ids))
    }


def _in_table_order(groups: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(groups, key=MUSCLE_GROUPS.index))


# ---------------------------------------------------------------------------------------------
# Sessions
# ---------------------------------------------------------------------------------------------

def create_session(day: date, name: str = "", exercise_ids: Sequence[int] = (),
                   status: str = "planned") -> int:
    """A new session at the end of `day`, its exercises with the library's defaults; its id."""
    day = _day("day", day)
    name = _name(name)
    status = _choice("status", status, SESSION_STATUSES)
    exercises = _library_exercises(exercise_ids)
    with database.atomic():
        session_id = Session.insert(date=day, position=_next_session_position(day), name=name,
                                    status=status).execute()
        _insert_rows(SessionExercise, [
            {"session": session_id, "position": position, **_library_defaults(exercise)}
            for position, exercise in enumerate(exercises)])
    return session_id


def move_session(session_id: int, new_day: date) -> date:
    """Move a session to the end of `new_day`; returns the day it was on."""
    new_day = _day("day", new_day)
    with database.atomic():
        session = _get_session(session_id)
        if session.date != new_day:
            Session.update(date=new_day, position=_next_session_position(new_day)).where(
                Session.id == session_id).execute()
    return session.date


def copy_session(session_id: int, new_day: date) -> int:
    """A planned copy of a session at the end of `new_day`: name, exercises and targets, no
    logged sets, no notes of the day, no mesocycle link. Returns the copy's id."""
    new_day = _day("day", new_day)
    session = _get_session(session_id)
    exercises = list(row_dicts(SessionExercise.select()
                               .where(SessionExercise.session == session_id)
                               .order_by(SessionExercise.position, SessionExercise.id)))
    with database.atomic():
        copy_id = Session.insert(date=new_day, position=_next_session_position(new_day),
                                 name=session.name, status="planned").execute()
        for row in exercises:
            del row["id"]
            row["session"] = copy_id
        _insert_rows(SessionExercise, exercises)
    return copy_id


def delete_session(session_id: int) -> SessionSnapshot:
    """Delete a session with its exercises, sets and feedback; returns them for restore_session."""
    with database.atomic():  # the snapshot must be exactly what is deleted
        return _delete_session(session_id)


def _delete_session(session_id: int) -> SessionSnapshot:
    session = _get_session(session_id)
    exercises = tuple(row_dicts(SessionExercise.select()
                                .where(SessionExercise.session == session_id)
                                .order_by(SessionExercise.id)))
    se_ids = [row["id"] for row in exercises]
    sets = row_dicts(LoggedSet.select().where(LoggedSet.session_exercise.in_(se_ids))
                     .order_by(LoggedSet.id)) if se_ids else ()
    snapshot = SessionSnapshot(
        row=_row_dict(Session, session_id), exercises=exercises, sets=tuple(sets),
        feedback=tuple(row_dicts(Feedback.select().where(Feedback.session == session_id)
                                 .order_by(Feedback.id))),
    )
    # The foreign keys cascade to the session's exercises, their sets and the feedback.
    session.delete_instance()
    return snapshot


def restore_session(snapshot: SessionSnapshot) -> None:
    """Put back a deleted session with the same ids for it and every row that belonged to it."""
    row = dict(snapshot.row)
    if row["mesocycle"] is not None and not Mesocycle.get_or_none(Mesocycle.id == row["mesocycle"]):
        row["mesocycle"] = None  # the mesocycle was deleted meanwhile; its link cannot come back
    with database.atomic():
        _insert_rows(Session, [row])
        _insert_rows(SessionExercise, snapshot.exercises)
        _insert_rows(LoggedSet, snapshot.sets)
        _insert_rows(Feedback, snapshot.feedback)


def set_status(session_id: int, status: str) -> str:
    """Mark a session planned, done or skipped; returns the old status."""
    return _update_session(session_id, "status", _choice("status", status, SESSION_STATUSES))


def set_notes(session_id: int, notes: str) -> str:
    """Replace a session's notes; returns the old notes."""
    return _update_session(session_id, "notes", _text("notes", notes))


def rename_session(session_id: int, name: str) -> str:
    """Rename a session; returns the old name."""
    return _update_session(session_id, "name", _name(name))


def _update_session(session_id: int, column: str, value: str) -> str:
    """Set one text column of a session; returns its old value."""
    old = getattr(_get_session(session_id), column)
    Session.update(**{column: value}).where(Session.id == session_id).execute()
    return old


def _next_session_position(day: date) -> int:
    last = Session.select(fn.MAX(Session.position)).where(Session.date == day).scalar()
    return 0 if last is None else last + 1


# ---------------------------------------------------------------------------------------------
# Exercises of a session
# ---------------------------------------------------------------------------------------------

def add_exercise(session_id: int, exercise_id: int, position: int | None = None) -> int:
    """Insert an exercise with the library's defaults at `position` (0 = first; None or past the
    end = last), shifting the ones after it. Returns the new session exercise's id."""
    _get_session(session_id)
    (exercise,) = _library_exercises([exercise_id])
    order = exercise_order(session_id)
    index = len(order) if position is None else min(_whole("position", position, 0, None),
                                                    len(order))
    with database.atomic():
        se_id = SessionExercise.insert(session=session_id, position=index,
                                       **_library_defaults(exercise)).execute()
        order.insert(index, se_id)
        _write_positions(order)
    return se_id


def exercise_order(session_id: int) -> list[int]:
    """The session exercise ids of a session, in order."""
    return [se_id for (se_id,) in row_tuples(SessionExercise.select(SessionExercise.id)
            .where(SessionExercise.session == session_id)
            .order_by(SessionExercise.position, SessionExercise.id))]


def reorder_exercises(session_id: int, ordered_se_ids: Sequence[int]) -> list[int]:
    """Put a session's exercises in the given order; returns the old order."""
    _get_session(session_id)
    old = exercise_order(session_id)
    ordered = list(ordered_se_ids)
    if len(set(ordered)) != len(ordered) or set(ordered) != set(old):
        raise SessionError(f"order: {ordered} must list each exercise of session {session_id} "
                           f"exactly once ({sorted(old)})")
    with database.atomic():
        _write_positions(ordered)
    return old


def move_session_exercise(se_id: int, session_id: int, position: int | None) -> ExercisePlace:
    """Move an exercise to `position` (0 = first; None or past the end = last) of a session:
    its own (a reorder) or another one, closing the gap it leaves. Returns where it was, which
    moves it back. An exercise with logged sets stays in its session: the sets were done on
    that session's day."""
    if position is not None:
        position = _whole("position", position, 0, None)
    with database.atomic():  # read and written as one step
        row = _get_session_exercise(se_id)
        _get_session(session_id)
        if session_id != row.session_id:
            _refuse_moving_logged_sets(row)
        old_order = exercise_order(row.session_id)
        was = ExercisePlace(row.session_id, old_order.index(se_id))
        old_order.remove(se_id)
        new_order = old_order if session_id == row.session_id else exercise_order(session_id)
        new_order.insert(len(new_order) if position is None else min(position, len(new_order)),
                         se_id)
        if session_id != row.session_id:
            SessionExercise.update(session=session_id).where(
                SessionExercise.id == se_id).execute()
            _write_positions(old_order)
        _write_positions(new_order)
    return was


def _refuse_moving_logged_sets(row: SessionExercise) -> None:
    logged = LoggedSet.select().where(LoggedSet.session_exercise == row.id).count()
    if logged:
        name = _get_exercise(row.exercise_id).name
        raise SessionError(f"exercise: {name} has {logged} logged set{'s' * (logged != 1)} "
                           f"in its session of {row.session.date:%d %b %Y}; only an exercise "
                           "with no logged set moves to another session")


def move_exercise_to_new_session(se_id: int, day: date) -> tuple[int, ExercisePlace]:
    """A new planned session at the end of `day` holding the exercise, moved out of its
    session, in one transaction; returns the new session's id and where the exercise was."""
    day = _day("day", day)
    with database.atomic():
        session_id = create_session(day)
        return session_id, move_session_exercise(se_id, session_id, 0)


def return_exercise_from_new_session(session_id: int, se_id: int,
                                     was: ExercisePlace) -> SessionSnapshot:
    """Undo move_exercise_to_new_session: the exercise back where it was and the session made
    for it deleted, in one transaction; returns that session for restore_new_session."""
    with database.atomic():
        move_session_exercise(se_id, was.session_id, was.position)
        return _delete_session(session_id)


def restore_new_session(snapshot: SessionSnapshot, se_id: int) -> ExercisePlace:
    """Redo move_exercise_to_new_session: the session back with its id, the exercise in it."""
    with database.atomic():
        restore_session(snapshot)
        return move_session_exercise(se_id, snapshot.row["id"], 0)


def remove_session_exercise(se_id: int) -> SessionExerciseSnapshot:
    """Remove an exercise and its logged sets from a session; returns them for the restore."""
    with database.atomic():  # the snapshot must be exactly what is deleted
        row = _get_session_exercise(se_id)
        snapshot = SessionExerciseSnapshot(
            row=_row_dict(SessionExercise, se_id),
            sets=tuple(row_dicts(LoggedSet.select().where(LoggedSet.session_exercise == se_id)
                                 .order_by(LoggedSet.id))))
        row.delete_instance()  # the logged sets go with it (ON DELETE CASCADE)
    return snapshot


def restore_session_exercise(snapshot: SessionExerciseSnapshot) -> None:
    """Put back a removed exercise and its sets, same ids, same place in the session."""
    with database.atomic():
        _insert_rows(SessionExercise, [snapshot.row])
        _insert_rows(LoggedSet, snapshot.sets)


def set_exercise_targets(se_id: int, *, target_sets: int | None = None,
                         rep_low: int | None = None, rep_high: int | None = None,
                         target_rir: float | _Unset | None = UNSET, tempo: str | None = None,
                         rest_seconds: int | None = None, notes: str | None = None) -> dict:
    """Change the targets given; returns their old values (pass them back to undo).

    None leaves a field as it is, except `target_rir`, where None means "no RIR target" and
    leaving it out leaves it as it is.
    """
    row = _get_session_exercise(se_id)
    given = {"target_sets": target_sets, "rep_low": rep_low, "rep_high": rep_high,
             "tempo": tempo, "rest_seconds": rest_seconds, "notes": notes}
    changes: dict[str, Any] = {column: _TARGET_CHECKS[column](value)
               for column, value in given.items() if value is not None}
    if target_rir is not UNSET:
        changes["target_rir"] = _optional_number("target RIR", target_rir, *RIR)
    low, high = changes.get("rep_low", row.rep_low), changes.get("rep_high", row.rep_high)
    if low > high:
        raise SessionError(f"rep range: {low}–{high} has the low end above the high end")
    old = {column: getattr(row, column) for column in changes}
    if changes:
        SessionExercise.update(**changes).where(SessionExercise.id == se_id).execute()
    return old


def _write_positions(ordered_se_ids: list[int]) -> None:
    if ordered_se_ids:
        position = Case(SessionExercise.id, list(zip(ordered_se_ids, range(len(ordered_se_ids)),
                                                     strict=True)))
        SessionExercise.update(position=position).where(
            SessionExercise.id.in_(ordered_se_ids)).execute()


def _library_defaults(exercise: Exercise) -> dict:
    return {"exercise": exercise.id, "target_sets": DEFAULT_TARGET_SETS,
            "rep_low": exercise.rep_low, "rep_high": exercise.rep_high, "target_rir": None,
            "tempo": exercise.tempo, "rest_seconds": exercise.rest_seconds}


def _library_exercises(exercise_ids: Sequence[int]) -> list[Exercise]:
    """The exercises in the order given (repeats allowed); SessionError naming a missing id."""
    ids = list(exercise_ids)
    for exercise_id in ids:
        _whole("exercise", exercise_id, 1, None)
    rows = {row.id: row for row in Exercise.select().where(Exercise.id.in_(ids))} if ids else {}
    missing = [exercise_id for exercise_id in ids if exercise_id not in rows]
    if missing:
        raise SessionError(f"exercise: no exercise with id {missing[0]}")
    return [rows[exercise_id] for exercise_id in ids]


# ---------------------------------------------------------------------------------------------
# Logged sets
# ---------------------------------------------------------------------------------------------

def log_set(se_id: int, *, kind: str, load_kg: float | None, reps: int,
            rir: float | None = None, rpe: float | None = None,
            seconds: int | None = None) -> int:
    """Append a set to a session exercise; returns its id. A timed set (a plank) has 0 reps
    and `seconds` (0 seconds is none); a negative load is refused unless the exercise is
    assisted."""
    exercise_name = _exercise_name_of(se_id)
    values = _checked_set_fields({"kind": kind, "load_kg": load_kg, "reps": reps, "rir": rir,
                                  "rpe": rpe, "seconds": seconds},
                                 assisted=is_assisted(exercise_name))
    _check_measure(values["reps"], values["seconds"])
    with database.atomic():  # read the last position and append after it as one step
        last = LoggedSet.select(fn.MAX(LoggedSet.position)).where(
            LoggedSet.session_exercise == se_id).scalar()
        return LoggedSet.insert(session_exercise=se_id,
                                position=0 if last is None else last + 1,
                                logged_at=datetime.now().isoformat(timespec="seconds"),
                                **values).execute()


def update_set(set_id: int, **fields: object) -> dict:
    """Change some of a set's kind, load_kg, reps, rir, rpe, seconds, notes; returns their old
    values. A change of reps or seconds must leave the set at least 1 rep or a time."""
    row = _get_set(set_id)
    values = _checked_set_fields(
        fields, assisted=is_assisted(_exercise_name_of(row.session_exercise_id)))
    if "reps" in values or "seconds" in values:
        _check_measure(values.get("reps", row.reps), values.get("seconds", row.seconds))
    old = {column: getattr(row, column) for column in values}
    if values:
        LoggedSet.update(**values).where(LoggedSet.id == set_id).execute()
    return old


def delete_set(set_id: int) -> LoggedSetSnapshot:
    """Delete a logged set; returns it for restore_set."""
    _get_set(set_id)
    snapshot = LoggedSetSnapshot(_row_dict(LoggedSet, set_id))
    LoggedSet.delete_by_id(set_id)
    return snapshot


def restore_set(snapshot: LoggedSetSnapshot) -> None:
    """Put back a deleted set with its id and position."""
    _insert_rows(LoggedSet, [snapshot.row])


# ---------------------------------------------------------------------------------------------
# Validation: mirrors the CHECKs in migrations.py, so bad input never reaches the database
# ---------------------------------------------------------------------------------------------

def _whole(field: str, value: object, low: int, high: int | None) -> int:
    # bool is an int to Python, but True reps is a bug, not one rep.
    if (isinstance(value, bool) or not isinstance(value, numbers.Real)
            or not float(value).is_integer()):
        raise SessionError(f"{field}: {value!r} is not a whole number")
    # A whole Real: int() takes it (typeshed's Real promises no __int__, its types all have one).
    number = int(cast(SupportsInt, value))
    if number < low and low == 0:
        raise SessionError(f"{field}: {number} is negative")
    if number < low or (high is not None and number > high):
        limits = f"{low}–{high}" if high is not None else f"at least {low}"
        raise SessionError(f"{field}: {number} is out of range ({limits})")
    return number


def _number(field: str, value: object, low: float, high: float, unit: str = "") -> float:
    if (isinstance(value, bool) or not isinstance(value, numbers.Real)
            or not math.isfinite(value)):
        raise SessionError(f"{field}: {value!r} is not a number")
    value = float(value)
    if value < 0 <= low:
        raise SessionError(f"{field}: {value:g}{unit} is negative")
    if not low <= value <= high:
        raise SessionError(f"{field}: {value:g}{unit} is out of range ({low:g}–{high:g}{unit})")
    return value


def _optional_number(field: str, value: object, low: float, high: float,
                     unit: str = "") -> float | None:
    return None if value is None else _number(field, value, low, high, unit)


def _choice(field: str, value: object, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        raise SessionError(f"{field}: {value!r} is not one of {', '.join(choices)}")
    return value


def _text(field: str, value: object) -> str:
    if not isinstance(value, str):
        raise SessionError(f"{field}: {value!r} is not text")
    return value


def _name(value: object) -> str:
    return _text("name", value).strip()


def _tempo(value: object) -> str:
    text = _text("tempo", value).strip()
    # Empty means no tempo prescribed; anything else must read as four numbers.
    if text and parse_tempo(text) is None:
        raise SessionError(f"tempo: {text!r} is not four numbers like 3-1-1-0")
    return text


def _day(field: str, value: object) -> date:
    # A datetime is a date to Python, but its time would be silently stored and compared.
    if isinstance(value, datetime) or not isinstance(value, date):
        raise SessionError(f"{field}: {value!r} is not a date")
    return value


_SET_CHECKS: dict[str, Callable[[object], object]] = {
    "kind": lambda v: _choice("kind", v, SET_KINDS),
    "load_kg": lambda v: _load(v, assisted=False),  # _checked_set_fields knows the exercise
    "reps": lambda v: _whole("reps", v, *REPS),
    "rir": lambda v: _optional_number("RIR", v, *RIR),
    "rpe": lambda v: _optional_number("RPE", v, *RPE),
    "seconds": lambda v: _seconds(v),
    "notes": lambda v: _text("notes", v),
}

_TARGET_CHECKS: dict[str, Callable[[object], object]] = {
    "target_sets": lambda v: _whole("target sets", v, *TARGET_SETS),
    "rep_low": lambda v: _whole("rep low", v, *REP_RANGE),
    "rep_high": lambda v: _whole("rep high", v, *REP_RANGE),
    "tempo": _tempo,
    "rest_seconds": lambda v: _whole("rest", v, *REST_SECONDS),
    "notes": lambda v: _text("notes", v),
}


def _checked_set_fields(fields: dict[str, object], *, assisted: bool) -> dict[str, object]:
    """The fields checked one by one; `assisted`: the set's exercise takes negative loads."""
    unknown = sorted(set(fields) - set(_SET_CHECKS))
    if unknown:
        raise SessionError(f"{unknown[0]}: not a field of a logged set "
                           f"({', '.join(_SET_CHECKS)})")
    checks = {**_SET_CHECKS, "load_kg": lambda v: _load(v, assisted=assisted)}
    return {column: checks[column](value) for column, value in fields.items()}


def _load(value: object, *, assisted: bool) -> float | None:
    """A set's load in kg: 0–1000, or for an assisted exercise down to the most help a lift can
    have; a negative load anywhere else is refused, saying why (it is not rounded to BW)."""
    if (not assisted and isinstance(value, numbers.Real) and not isinstance(value, bool)
            and math.isfinite(value) and value < 0):
        raise SessionError(f"load {format_load(float(value), 'kg')}: only an assisted exercise "
                           "takes a negative load (assistance)")
    low = -ASSISTANCE_KG[1] if assisted else LOAD_KG[0]
    return _optional_number("load", value, low, LOAD_KG[1], " kg")


def _seconds(value: object) -> int | None:
    """A timed set's seconds; None or 0: no time."""
    if value is None or (isinstance(value, numbers.Real) and not isinstance(value, bool)
                         and value == 0):
        return None
    return _whole("seconds", value, *SET_SECONDS)


def _check_measure(reps: object, seconds: object) -> None:
    """A set is at least 1 rep, or a time (a timed set: a plank, 60 s)."""
    if not reps and not seconds:
        raise SessionError("reps: 0 reps and no time — a set needs at least 1 rep, or a time "
                           "in seconds for a timed set (a plank: 60 s)")


# ---------------------------------------------------------------------------------------------
# Rows
# ---------------------------------------------------------------------------------------------

def _get_row(model, row_id: int, field: str, noun: str):
    """The row with this id, or a SessionError naming what was missing."""
    row = model.get_or_none(model.id == row_id)
    if row is None:
        raise SessionError(f"{field}: no {noun} with id {row_id!r}")
    return row


def _get_session(session_id: int) -> Session:
    return _get_row(Session, session_id, "session", "session")


def _get_session_exercise(se_id: int) -> SessionExercise:
    return _get_row(SessionExercise, se_id, "session exercise", "session exercise")


def _get_set(set_id: int) -> LoggedSet:
    return _get_row(LoggedSet, set_id, "set", "logged set")


def _get_exercise(exercise_id: int) -> Exercise:
    return _get_row(Exercise, exercise_id, "exercise", "exercise")


def _exercise_name_of(se_id: int) -> str:
    """The name of a session exercise's exercise; SessionError when there is no such row."""
    name = (Exercise.select(Exercise.name)
            .join(SessionExercise, on=(SessionExercise.exercise == Exercise.id))
            .where(SessionExercise.id == se_id).scalar())
    if name is None:
        raise SessionError(f"session exercise: no session exercise with id {se_id!r}")
    return name


def _row_dict(model: type[Session | SessionExercise | LoggedSet], row_id: int) -> dict:
    # .get() of a .dicts() query returns a dict; the stubs say a model instance.
    return cast("dict[str, Any]", model.select().where(model.id == row_id).dicts().get())


def _insert_rows(model: type[BaseModel], rows: Iterable[dict]) -> None:
    rows = list(rows)
    if not rows:
        return
    try:
        model.insert_many(rows).execute()
    except IntegrityError as exc:
        # E.g. restoring rows whose id was taken meanwhile, or whose exercise was deleted.
        raise SessionError(f"{model._meta.table_name}: cannot put the rows back ({exc})") from exc

