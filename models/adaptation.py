"""Autoregulation in the database: session feedback, next week's targets, early deloads, swaps.

The rules live in models/rules/autoregulation.py; this module reads the rows they need and
writes what they decide. Every change validates first (raising FeedbackError, a SessionError, whose
message
names the field), writes in one transaction, and returns what its undo needs.

Conventions:
- A group's weekly sets are the target sets of the session exercises with that primary group,
  in sessions that are not skipped (the plan, as the calendar's planned gauges count it).
- Weeks are the seven days from a given first day (`week_start`); "next week adapts" reads the
  feedback of the seven days before it.
- A recovery session's rows carry `recovery` and the targets they had (`base_sets`,
  `base_rep_low`, `base_rep_high`): the next week counts the group's usual sets, not the halved
  ones, and applying again never halves twice. The notes are the user's alone.
- A deload session has `kind = 'deload'` (the plan's deload week, or an early deload accepted).
- Each applied adjustment is a row of `adjustment` (mesocycle, week, group, from → to): what is
  applied is known, not guessed from the sets.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from models.rules.autoregulation import (
    DeloadSuggestion,
    Feedback,
    FeedbackEntry,
    GroupAdjustment,
    RowTargets,
    StartAdjustment,
    WeekLimits,
    WeekRow,
    default_plate_set,
    default_plates,
    early_deload,
    fit_week,
    next_mesocycle_start,
    next_week_sets,
)
from models.rules.domain import DEFAULT_LANDMARKS, MUSCLE_GROUPS, Landmarks
from models.rules.generator import DELOAD_RIR
from models.sessions import SessionError
from models.settings import get_value, set_value
from models.storage.db import database, row_dicts, row_tuples
from models.storage.schema import (
    Adjustment,
    Exercise,
    ExerciseSecondary,
    LoggedSet,
    Mesocycle,
    Session,
    SessionExercise,
)
from models.storage.schema import Feedback as FeedbackRow


class FeedbackError(SessionError):
    """Feedback or an adjustment that cannot be stored as given; the message says why."""


@dataclass(frozen=True)
class TargetsSnapshot:
    """What a change replaced, for restore_targets: the targets of session exercises, the
    kinds of sessions, and the adjustments stored for a plan week (None: untouched)."""

    rows: tuple[dict, ...]
    sessions: tuple[dict, ...] = ()
    week: WeekRef | None = None
    adjustments: tuple[dict, ...] = ()


@dataclass(frozen=True)
class WeekRef:
    """A mesocycle's plan week."""

    mesocycle_id: int
    week_number: int


@dataclass(frozen=True)
class WeekDeload:
    suggestion: DeloadSuggestion
    week: WeekRef


@dataclass(frozen=True)
class MesocycleInfo:
    id: int
    name: str
    level: str
    start: date
    weeks: int
    deload: bool
    days: tuple[str, ...]
    split: str
    priorities: dict[str, str]

    @property
    def end(self) -> date:
        """The last day of its last plan week (weeks are 7-day blocks from the start)."""
        return self.start + timedelta(days=7 * (self.weeks + self.deload) - 1)


# ---------------------------------------------------------------------------------------------
# Feedback
# ---------------------------------------------------------------------------------------------

def trained_groups(session_id: int) -> tuple[str, ...]:
    """The primary groups a session trained, in the DOMAIN table's order: those of exercises
    with a working set logged; before any is logged, those of every planned exercise (feedback
    never asks about a muscle the lifter skipped)."""
    _session(session_id)
    planned = (Exercise.select(Exercise.primary_group).join(SessionExercise)
               .where(SessionExercise.session == session_id))
    logged = planned.join(LoggedSet).where(LoggedSet.kind != "warmup")
    groups = {group for (group,) in row_tuples(logged)} or {
        group for (group,) in row_tuples(planned)}
    return tuple(g for g in MUSCLE_GROUPS if g in groups)


def load_feedback(session_id: int) -> tuple[Feedback, ...]:
    """A session's feedback, one per group, in table order."""
    rows = {row.group_key: row for row in FeedbackRow.select()
            .where(FeedbackRow.session == session_id)}
    return tuple(_feedback(rows[g]) for g in MUSCLE_GROUPS if g in rows)


def save_feedback(session_id: int, feedbacks: Iterable[Feedback]) -> tuple[Feedback, ...]:
    """Replace a session's feedback with `feedbacks` (none = remove it); returns the old."""
    feedbacks = tuple(feedbacks)
    problems = [p for f in feedbacks for p in f.problems()]
    groups = [f.group for f in feedbacks]
    if len(set(groups)) != len(groups):
        problems.append("feedback: each group at most once per session")
    if problems:
        raise FeedbackError("feedback: " + "; ".join(problems))
    with database.atomic():
        _session(session_id)
        old = load_feedback(session_id)
        FeedbackRow.delete().where(FeedbackRow.session == session_id).execute()
        if feedbacks:
            FeedbackRow.insert_many([
                {"session": session_id, "group": f.group, "soreness": f.soreness,
                 "pump": f.pump, "performance": f.performance, "joint_pain": f.joint_pain}
                for f in feedbacks]).execute()
    return old


def feedback_history(mesocycle_id: int | None = None, *, since: date | None = None,
                     until: date | None = None) -> list[FeedbackEntry]:
    """Feedback of done sessions — of one mesocycle, or between two days (inclusive) — oldest
    first, each with the group's planned sets in that session's week (its plan week in a
    mesocycle, else the seven days from that Monday)."""
    query = (FeedbackRow.select(FeedbackRow, Session).join(Session)
             .where(Session.status == "done")
             .order_by(Session.date, Session.position, Session.id))
    if mesocycle_id is not None:
        query = query.where(Session.mesocycle == mesocycle_id)
    if since is not None:
        query = query.where(Session.date >= since)
    if until is not None:
        query = query.where(Session.date <= until)
    weeks = _WeekSets()
    return [FeedbackEntry(row.session.date, _feedback(row), weeks.of(row.session).get(
                row.group_key, 0), row.session.id)
            for row in query]


def _feedback(row: FeedbackRow) -> Feedback:
    return Feedback(row.group_key, row.soreness, row.pump, row.performance, bool(row.joint_pain))


class _WeekSets:
    """Planned sets per group of the week a session belongs to, each week read once."""

    def __init__(self) -> None:
        self._cache: dict[tuple, dict[str, int]] = {}

    def of(self, session: Session) -> dict[str, int]:
        key: tuple[str, int, int] | tuple[str, date]  # a plan week, or a calendar week
        if session.mesocycle_id is not None and session.week_number is not None:
            key = ("plan", session.mesocycle_id, session.week_number)
            where = ((Session.mesocycle == session.mesocycle_id)
                     & (Session.week_number == session.week_number))
        else:
            monday = session.date - timedelta(days=session.date.weekday())
            key = ("days", monday)
            where = Session.date.between(monday, monday + timedelta(days=6))
        if key not in self._cache:
            self._cache[key] = _planned_sets(where)
        return self._cache[key]


# ---------------------------------------------------------------------------------------------
# Next week
# ---------------------------------------------------------------------------------------------

def week_adjustments(week_start: date, landmarks: Mapping[str, Landmarks] | None = None
                     ) -> list[GroupAdjustment]:
    """Each group's sets for the seven days from `week_start` (DOMAIN §5): from last week's
    sets (the base) and the feedback of the last done session training it then, kept within
    the week's limits (fit_week) — a group the block maintains only holds or drops.

    Only groups rated last week and planned this week are listed, in table order; `planned`
    is what the week holds now, `applied` whether this is the adjustment applied to it."""
    landmarks = landmarks or DEFAULT_LANDMARKS
    before = week_start - timedelta(days=7)
    last_week = _planned_sets(_between(before, week_start - timedelta(days=1)))
    week = week_plan(week_start)
    rows = _week_rows_between(week_start) if week is None else _week_rows(
        week.mesocycle_id, week.week_number)
    this_week = _usual_sets(rows)
    latest = _latest_feedback(before, week_start - timedelta(days=1))
    priorities, limits = _block_rules(week)
    wanted = []
    for group in MUSCLE_GROUPS:
        feedback = latest.get(group)
        if feedback is None or not feedback.rated or group not in this_week:
            continue
        wanted.append(next_week_sets(group, last_week.get(group, 0), feedback,
                                     landmarks.get(group, DEFAULT_LANDMARKS[group]),
                                     maintained=priorities.get(group) in ("maintain", "skip")))
    fitted, _ = fit_week([_week_row(r) for r in rows], wanted, limits)
    stored = _stored_adjustments(week)
    return [replace(a, planned=this_week[a.group],
                    applied=stored.get(a.group) == (a.sets, a.recovery)) for a in fitted]


def week_plan(week_start: date) -> WeekRef | None:
    """The plan week of the first planned mesocycle session in the seven days from
    `week_start` (plans start on a Monday by default, so a plan week is a calendar week)."""
    session = (Session.select().where(_between(week_start, week_start + timedelta(days=6))
                                      & (Session.status == "planned")
                                      & Session.mesocycle.is_null(False)
                                      & Session.week_number.is_null(False))
               .order_by(Session.date, Session.position, Session.id).first())
    return WeekRef(session.mesocycle_id, session.week_number) if session else None


def apply_next_week(mesocycle_id: int, week_number: int,
                    adjustments: Sequence[GroupAdjustment]) -> TargetsSnapshot:
    """Set the target sets of a plan week's planned sessions to the adjustments, within the
    week's limits (fit_week), and store what was applied. Applying what is already applied
    changes nothing. Returns what it replaced, for restore_targets."""
    problems = [f"{a.group}: {a.sets} sets" for a in adjustments
                if a.group not in MUSCLE_GROUPS or a.sets < 0]
    if problems:
        raise FeedbackError("adjustments: not a muscle group or negative sets: "
                            + ", ".join(problems))
    week = WeekRef(mesocycle_id, week_number)
    with database.atomic():
        rows = _week_rows(mesocycle_id, week_number)
        if not any(row["status"] == "planned" for row in rows):
            raise FeedbackError(f"week {week_number}: no planned session left to adjust — "
                                "its sessions are done or skipped")
        _, limits = _block_rules(week)
        fitted, targets = fit_week([_week_row(r) for r in rows], adjustments, limits)
        adjusted = {a.group for a in fitted}
        snapshot = _snapshot([r for r in rows if r["status"] == "planned"], week=week)
        for row in rows:
            if row["id"] in targets and row["group"] in adjusted:
                _set_targets(row, targets[row["id"]])
        _write(rows, snapshot)
        _store_adjustments(week, fitted)
    return snapshot


def restore_targets(snapshot: TargetsSnapshot) -> int:
    """Put back what a change replaced (its undo): the targets of rows whose session is still
    planned, session kinds, the week's stored adjustments. A session logged since keeps its
    targets (its sets were done against them); returns how many rows were left so."""
    kept = 0
    with database.atomic():
        planned = {sid for (sid,) in row_tuples(Session.select(Session.id)
                   .where(Session.status == "planned"))}
        for row in snapshot.rows:
            values = {k: v for k, v in row.items() if k not in ("id", "session")}
            if row["session"] not in planned:
                kept += 1
                continue
            SessionExercise.update(**values).where(SessionExercise.id == row["id"]).execute()
        for session in snapshot.sessions:
            if session["id"] in planned:
                Session.update(kind=session["kind"]).where(Session.id == session["id"]).execute()
        if snapshot.week is not None:
            Adjustment.delete().where(
                (Adjustment.mesocycle == snapshot.week.mesocycle_id)
                & (Adjustment.week_number == snapshot.week.week_number)).execute()
            if snapshot.adjustments:
                Adjustment.insert_many(list(snapshot.adjustments)).execute()
    return kept


def _set_targets(row: dict, targets: RowTargets) -> None:
    """A row's new targets; a recovery row keeps the ones it had in its base columns."""
    if targets.recovery and targets.usual is not None:
        sets, low, high = targets.usual
        row.update(base_sets=sets, base_rep_low=low, base_rep_high=high, recovery=True)
    else:
        row.update(base_sets=None, base_rep_low=None, base_rep_high=None, recovery=False)
    row.update(target_sets=targets.sets, rep_low=targets.rep_low, rep_high=targets.rep_high)


def _block_rules(week: WeekRef | None) -> tuple[dict[str, str], WeekLimits]:
    """The mesocycle's priorities and the limits its plan was made within."""
    if week is None:
        return {}, WeekLimits()
    mesocycle = Mesocycle.get_or_none(Mesocycle.id == week.mesocycle_id)
    if mesocycle is None:
        return {}, WeekLimits()
    try:
        priorities = json.loads(mesocycle.priorities or "{}")
    except ValueError:
        priorities = {}
    return (priorities if isinstance(priorities, dict) else {},
            WeekLimits(max_minutes=mesocycle.max_minutes))


def _stored_adjustments(week: WeekRef | None) -> dict[str, tuple[int, bool]]:
    if week is None:
        return {}
    return {row.group_key: (row.to_sets, bool(row.recovery)) for row in Adjustment.select().where(
        (Adjustment.mesocycle == week.mesocycle_id)
        & (Adjustment.week_number == week.week_number))}


def _store_adjustments(week: WeekRef, fitted: Sequence[GroupAdjustment]) -> None:
    groups = [a.group for a in fitted]
    Adjustment.delete().where((Adjustment.mesocycle == week.mesocycle_id)
                              & (Adjustment.week_number == week.week_number)
                              & Adjustment.group.in_(groups)).execute()
    if fitted:
        Adjustment.insert_many([
            {"mesocycle": week.mesocycle_id, "week_number": week.week_number, "group": a.group,
             "from_sets": a.base if a.base is not None else a.sets - a.delta,
             "to_sets": a.sets, "recovery": a.recovery, "reason": a.reason}
            for a in fitted]).execute()


# ---------------------------------------------------------------------------------------------
# Early deload
# ---------------------------------------------------------------------------------------------

def deload_suggestion(week_start: date, landmarks: Mapping[str, Landmarks] | None = None
                      ) -> WeekDeload | None:
    """An early deload for the plan week starting in the seven days from `week_start`, when the
    feedback until then calls for it (autoregulation.early_deload). None when the week is not
    an accumulation week of a mesocycle, or is already deloaded."""
    week = week_plan(week_start)
    if week is None:
        return None
    mesocycle = Mesocycle.get_by_id(week.mesocycle_id)
    if week.week_number > mesocycle.accumulation_weeks or _is_deloaded(week):
        return None
    history = feedback_history(week.mesocycle_id, until=week_start - timedelta(days=1))
    suggestion = early_deload(history, landmarks=landmarks or DEFAULT_LANDMARKS)
    return WeekDeload(suggestion, week) if suggestion else None


def accept_early_deload(mesocycle_id: int, week_number: int) -> TargetsSnapshot:
    """Turn a plan week's planned sessions into a deload: about half the usual sets (rounded
    up), RIR DELOAD_RIR, the sessions marked as deload. Returns what it replaced, for
    restore_targets."""
    mesocycle = Mesocycle.get_or_none(Mesocycle.id == mesocycle_id)
    if mesocycle is None:
        raise FeedbackError(f"mesocycle: no mesocycle with id {mesocycle_id!r}")
    if not 1 <= week_number <= mesocycle.accumulation_weeks:
        raise FeedbackError(f"week: {week_number} is not an accumulation week of "
                            f"“{mesocycle.name}” (1–{mesocycle.accumulation_weeks})")
    with database.atomic():
        rows = [row for row in _week_rows(mesocycle_id, week_number)
                if row["status"] == "planned"]
        if not rows:
            raise FeedbackError(f"week {week_number}: no planned session left to deload")
        sessions = sorted({row["session"] for row in rows})
        snapshot = _snapshot(rows, sessions=sessions)
        for row in rows:
            _set_targets(row, RowTargets(math.ceil(row["usual_sets"] / 2), row["usual_rep_low"],
                                         row["usual_rep_high"]))
            row["target_rir"] = float(DELOAD_RIR)
        _write(rows, snapshot)
        Session.update(kind="deload").where(Session.id.in_(sessions)).execute()
    return snapshot


def _is_deloaded(week: WeekRef) -> bool:
    kinds = [kind for (kind,) in row_tuples(Session.select(Session.kind).where(
        (Session.mesocycle == week.mesocycle_id) & (Session.week_number == week.week_number)
        & (Session.status == "planned")))]
    return bool(kinds) and all(kind == "deload" for kind in kinds)


# ---------------------------------------------------------------------------------------------
# Joint pain: swapping an exercise
# ---------------------------------------------------------------------------------------------

def swap_session_exercise(se_id: int, exercise_id: int) -> int:
    """Put another exercise in a session exercise's place, keeping its targets and sets;
    returns the exercise it had."""
    row = SessionExercise.get_or_none(SessionExercise.id == se_id)
    if row is None:
        raise FeedbackError(f"session exercise: no session exercise with id {se_id!r}")
    if Exercise.get_or_none(Exercise.id == exercise_id) is None:
        raise FeedbackError(f"exercise: no exercise with id {exercise_id!r}")
    old = row.exercise_id
    SessionExercise.update(exercise=exercise_id).where(SessionExercise.id == se_id).execute()
    return old


def swap_session_exercises(se_ids: Iterable[int], exercise_id: int) -> dict[int, int]:
    """swap_session_exercise for several rows in one transaction; {se id: exercise it had}."""
    with database.atomic():
        return {se_id: swap_session_exercise(se_id, exercise_id) for se_id in se_ids}


def restore_session_exercises(old: Mapping[int, int]) -> None:
    """Undo swap_session_exercises: each row gets its exercise back."""
    with database.atomic():
        for se_id, exercise_id in old.items():
            swap_session_exercise(se_id, exercise_id)


def upcoming_uses(session_id: int, exercise_id: int) -> list[int]:
    """The session exercises of `exercise_id` in planned sessions after this session's day —
    in its mesocycle when it has one — earliest first: where a swap for joint pain applies."""
    session = _session(session_id)
    where = ((SessionExercise.exercise == exercise_id) & (Session.status == "planned")
             & (Session.date > session.date))
    if session.mesocycle_id is not None:
        where &= Session.mesocycle == session.mesocycle_id
    return [se_id for (se_id,) in row_tuples(SessionExercise.select(SessionExercise.id)
            .join(Session).where(where)
            .order_by(Session.date, Session.position, SessionExercise.position))]


# ---------------------------------------------------------------------------------------------
# Next mesocycle
# ---------------------------------------------------------------------------------------------

def latest_mesocycle() -> MesocycleInfo | None:
    """The mesocycle that starts last (the most recently created on a tie)."""
    row = Mesocycle.select().order_by(Mesocycle.start_date.desc(), Mesocycle.id.desc()).first()
    if row is None:
        return None
    try:
        priorities = json.loads(row.priorities or "{}")
    except ValueError:
        priorities = {}
    return MesocycleInfo(row.id, row.name, row.level, row.start_date, row.accumulation_weeks,
                         bool(row.deload), tuple(d for d in row.training_days.split(",") if d),
                         row.split, dict(priorities) if isinstance(priorities, dict) else {})


def mesocycle_start_adjustments(mesocycle: MesocycleInfo,
                                landmarks: Mapping[str, Landmarks]) -> dict[str, StartAdjustment]:
    """The next mesocycle's start per group from this one's feedback (same level)."""
    return next_mesocycle_start(mesocycle.level, landmarks, feedback_history(mesocycle.id))


# ---------------------------------------------------------------------------------------------
# The user's plates (a preference, kept with the other settings)
# ---------------------------------------------------------------------------------------------

def load_plate_set(unit: str) -> tuple[float, dict[float, int]]:
    """The bar and {plate: pairs} the user keeps for `unit`; a commercial gym's by default."""
    default = default_plate_set(unit)
    try:
        stored = json.loads(get_value(f"plates_{unit}") or "null")
        if stored is None:
            return default
        return float(stored["bar"]), {float(w): int(n) for w, n in stored["plates"]}
    except (ValueError, KeyError, TypeError):
        return default  # an unreadable preference is not worth an error: start over


def save_plate_set(unit: str, bar: float, plates: Mapping[float, int]) -> None:
    default_plates(unit)  # refuses an unknown unit
    set_value(f"plates_{unit}", json.dumps(
        {"bar": bar, "plates": sorted(([w, n] for w, n in plates.items()), reverse=True)}))


# ---------------------------------------------------------------------------------------------
# Rows
# ---------------------------------------------------------------------------------------------

_PLANNED_SQL = """
    SELECT e.primary_group, se.target_sets, se.recovery, se.base_sets
    FROM session s
    JOIN session_exercise se ON se.session_id = s.id
    JOIN exercise e ON e.id = se.exercise_id
    WHERE s.status != 'skipped' AND e.primary_group IS NOT NULL AND s.id IN ({sessions})
"""

_TARGET_COLUMNS = ("target_sets", "rep_low", "rep_high", "target_rir", "recovery", "base_sets",
                   "base_rep_low", "base_rep_high")


def _between(start: date, end: date):
    return Session.date.between(start, end)


def _session_ids(where) -> list[int]:
    return [sid for (sid,) in row_tuples(Session.select(Session.id).where(where))]


def _planned_sets(where) -> dict[str, int]:
    """Weekly sets per primary group of the sessions `where` selects; a recovery row counts the
    sets it had before it was halved."""
    ids = _session_ids(where)
    totals: dict[str, int] = defaultdict(int)
    if not ids:
        return {}
    sql = _PLANNED_SQL.format(sessions=",".join("?" * len(ids)))
    for group, sets, recovery, base in database.execute_sql(sql, ids):
        totals[group] += base if recovery and base is not None else sets
    return dict(totals)


def _latest_feedback(start: date, end: date) -> dict[str, Feedback]:
    """Per group, the feedback of the last done session between the two days that has one."""
    latest = {}
    for entry in feedback_history(since=start, until=end):
        latest[entry.group] = entry.feedback  # oldest first: the last one wins
    return latest


def _week_rows(mesocycle_id: int, week_number: int) -> list[dict]:
    """Every session exercise of a plan week (sessions skipped left out)."""
    return _rows((Session.mesocycle == mesocycle_id) & (Session.week_number == week_number))


def _week_rows_between(week_start: date) -> list[dict]:
    """Every session exercise of the seven days from `week_start` (for weeks of no plan)."""
    return _rows(_between(week_start, week_start + timedelta(days=6)))


def _rows(where) -> list[dict]:
    """Session exercises with their session's status, day and position, their exercise's
    primary group, pattern and secondary groups, and their usual targets (a recovery row's
    from before it was halved)."""
    query = (SessionExercise.select(
                SessionExercise.id, SessionExercise.session, SessionExercise.position,
                SessionExercise.target_sets, SessionExercise.rep_low, SessionExercise.rep_high,
                SessionExercise.target_rir, SessionExercise.recovery, SessionExercise.base_sets,
                SessionExercise.base_rep_low, SessionExercise.base_rep_high, Session.status,
                Session.date, Session.position.alias("session_position"),
                Exercise.primary_group.alias("group"), Exercise.pattern,
                Exercise.id.alias("exercise_id"))
             .join(Session).switch(SessionExercise).join(Exercise)
             .where(where & (Session.status != "skipped")))
    rows = [dict(row) for row in row_dicts(query)]
    secondary = _secondaries({row["exercise_id"] for row in rows})
    for row in rows:
        recovering = row["recovery"] and row["base_sets"] is not None
        row["recovery"] = bool(row["recovery"])
        row["usual_sets"] = row["base_sets"] if recovering else row["target_sets"]
        row["usual_rep_low"] = row["base_rep_low"] if recovering else row["rep_low"]
        row["usual_rep_high"] = row["base_rep_high"] if recovering else row["rep_high"]
        row["secondary"] = secondary.get(row["exercise_id"], ())
    return rows


def _secondaries(exercise_ids: set[int]) -> dict[int, tuple[str, ...]]:
    found: dict[int, list[str]] = defaultdict(list)
    if exercise_ids:
        for exercise_id, group in row_tuples(ExerciseSecondary.select(
                ExerciseSecondary.exercise, ExerciseSecondary.group).where(
                ExerciseSecondary.exercise.in_(list(exercise_ids)))):
            found[exercise_id].append(group)
    return {key: tuple(groups) for key, groups in found.items()}


def _week_row(row: dict) -> WeekRow:
    return WeekRow(row["id"], row["session"], row["date"], row["status"] == "planned",
                   row["group"], row["pattern"], row["secondary"], row["usual_sets"],
                   row["usual_rep_low"], row["usual_rep_high"],
                   (row["date"], row["session_position"], row["session"], row["position"],
                    row["id"]))


def _usual_sets(rows: Sequence[dict]) -> dict[str, int]:
    totals: dict[str, int] = defaultdict(int)
    for row in rows:
        if row["group"]:
            totals[row["group"]] += row["usual_sets"]
    return dict(totals)


def _snapshot(rows: Sequence[dict], *, week: WeekRef | None = None,
              sessions: Sequence[int] = ()) -> TargetsSnapshot:
    adjustments: tuple[dict, ...] = ()
    if week is not None:
        adjustments = tuple(
            {"mesocycle": r.mesocycle_id, "week_number": r.week_number, "group": r.group_key,
             "from_sets": r.from_sets, "to_sets": r.to_sets, "recovery": r.recovery,
             "reason": r.reason}
            for r in Adjustment.select().where((Adjustment.mesocycle == week.mesocycle_id)
                                               & (Adjustment.week_number == week.week_number)))
    kinds = tuple({"id": sid, "kind": kind} for sid, kind in row_tuples(Session.select(
        Session.id, Session.kind).where(Session.id.in_(list(sessions)))))
    return TargetsSnapshot(
        tuple({"id": row["id"], "session": row["session"],
               **{c: row[c] for c in _TARGET_COLUMNS}} for row in rows),
        kinds, week, adjustments)


def _write(rows: Sequence[dict], before: TargetsSnapshot) -> None:
    """Update the rows whose targets changed since `before`."""
    old = {row["id"]: row for row in before.rows}
    for row in rows:
        values = {c: row[c] for c in _TARGET_COLUMNS}
        if row["id"] in old and values != {c: old[row["id"]][c] for c in _TARGET_COLUMNS}:
            SessionExercise.update(**values).where(SessionExercise.id == row["id"]).execute()


def _session(session_id: int) -> Session:
    session = Session.get_or_none(Session.id == session_id)
    if session is None:
        raise FeedbackError(f"session: no session with id {session_id!r}")
    return session
