"""Autoregulation (DOMAIN §5): next week's sets from how each muscle recovered, early deloads,
swaps for joint pain, the next mesocycle's start volumes, and a plate calculator.

Pure functions over plain dataclasses: no database, no Qt. models/adaptation.py reads and
writes the rows these rules work on; the UI only draws what comes back.

The rules, as this module applies them:
- Next week (DOMAIN §5 table): soreness 0 or 1 with performance 0–1 adds sets (+2 only for
  "healed early" and "beat it"), performance 2 holds, performance 3 (could not match last time)
  calls for a recovery session whatever the soreness; soreness 2–3 never adds. Pump refines the
  table: a hold that comes only from performance 2 (soreness 0–1) with a pump of 0–1 adds one —
  the dose was too small to feel; pump never turns a recovery session into more sets. A muscle
  the block maintains (or skips) only holds or drops. The result is never above MRV; a week
  already above MRV comes down to it. Every result names its reason and its base: last week's
  sets, from → to.
- The week's limits (fit_week): the new sets go to the group's planned sessions of that week,
  evenly, never past 12 sets of a group in a session, the session cap (25 working sets) or the
  plan's longest session; sets that do not fit are not added, and the reason says where there
  was no room.
- A recovery session is half the sets and half the reps (rounded up, at least 1) at the same
  load: the load is not a target, so last time's load carries over as the progression's target.
- An early deload is suggested when a group's planned weekly sets reach its MRV, or when its
  performance was rated 3 in its last two rated sessions.
- Next mesocycle: a group that hit MRV starts NEXT_START_STEP sets lower (never below MV, nor
  below 2 sets for groups that start from MAV low); a group that always progressed and healed
  early (at least MIN_RATINGS ratings, every one soreness 0 and performance 0–1) starts
  NEXT_START_STEP higher, never above MAV low (so the ramp keeps its room to MRV). No ratings or
  mixed ratings leave the level's start as it is. MRV wins when both apply: it is the ceiling
  the group actually met.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from models.rules.domain import (
    DEFAULT_LANDMARKS,
    MUSCLE_GROUPS,
    ExerciseInfo,
    Landmarks,
    group_label,
    session_minutes,
)
from models.rules.generator import weekly_targets
from models.rules.limits import RATING, TARGET_SETS
from models.rules.plan_types import GROUP_SESSION_CAP, SESSION_SET_CAP
from models.rules.plan_volume import MIN_GROW_START

RATING_RANGE = range(RATING[0], RATING[1] + 1)
MAX_ROW_SETS = TARGET_SETS[1]  # target sets on one session exercise
NEXT_START_STEP = 2
MIN_RATINGS = 2  # "always" needs more than one rating to mean anything
MIN_START_SETS = MIN_GROW_START  # the generator's floor for groups whose MEV is 0

# Short labels for each rating, shared by the feedback dialog and the reasons.
SORENESS_LABELS = {0: "never sore / healed early", 1: "healed just in time",
                   2: "still a bit sore", 3: "still sore"}
PUMP_LABELS = {0: "no pump", 1: "mild", 2: "good", 3: "huge"}
PERFORMANCE_LABELS = {0: "beat it", 1: "matched it", 2: "barely matched", 3: "could not match"}

_SORENESS_REASON = {0: "healed early", 1: "healed just in time", 2: "still sore", 3: "still sore"}
_PERFORMANCE_REASON = {0: "performance beat last time", 1: "performance held",
                       2: "performance barely held", 3: "performance dropped"}
_PUMP_REASON = {0: "no pump", 1: "little pump"}

# DOMAIN §5: rows soreness 0, 1, 2–3; columns performance 0–3. None = recovery session.
_TABLE: dict[int, tuple[int | None, ...]] = {
    0: (2, 1, 0, None),
    1: (1, 1, 0, None),
    2: (0, 0, 0, None),
}

KG_BAR, LB_BAR = 20.0, 45.0
KG_PLATES: tuple[float, ...] = (25, 20, 15, 10, 5, 2.5, 1.25)
LB_PLATES: tuple[float, ...] = (45, 35, 25, 10, 5, 2.5)
HEAVIEST_PAIRS, OTHER_PAIRS = 6, 2
_MILLI = 1000  # plate arithmetic in thousandths of the unit: 1.25 kg is 1250, exactly


# --- Plain data -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Feedback:
    """One muscle group's ratings after one session (DOMAIN §5); None = not rated."""

    group: str
    soreness: int | None = None
    pump: int | None = None
    performance: int | None = None
    joint_pain: bool = False

    @property
    def rated(self) -> bool:
        """Both ratings the table reads are given."""
        return self.soreness is not None and self.performance is not None

    def problems(self) -> list[str]:
        found = []
        if self.group not in MUSCLE_GROUPS:
            found.append(f"{self.group!r} is not a muscle group")
        for name in ("soreness", "pump", "performance"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                      or value not in RATING_RANGE):
                found.append(f"{group_label(self.group)} {name}: {value!r} is not 0–3")
        if not isinstance(self.joint_pain, bool):
            found.append(f"{group_label(self.group)} joint pain: {self.joint_pain!r} is not "
                         "yes or no")
        return found


@dataclass(frozen=True)
class FeedbackEntry:
    """A group's feedback from one session, with its day and that week's planned sets of the
    group (None when unknown). History is a sequence of these."""

    day: date
    feedback: Feedback
    week_sets: int | None = None
    session_id: int | None = None

    @property
    def group(self) -> str:
        return self.feedback.group


@dataclass(frozen=True)
class Adjustment:
    """One cell of the DOMAIN §5 table: a change in weekly sets, or a recovery session."""

    delta: int | None  # None for a recovery session
    recovery: bool
    reason: str


@dataclass(frozen=True)
class GroupAdjustment:
    """Next week's sets of one group and why: `base` (last week's sets) → `sets`, `delta`
    their difference. `planned` is what the week holds now, when known; `applied` says this
    adjustment is the one applied to the week."""

    group: str
    sets: int
    delta: int
    recovery: bool
    reason: str
    planned: int | None = None
    applied: bool = False
    base: int | None = None


@dataclass(frozen=True)
class DeloadSuggestion:
    groups: tuple[str, ...]
    reasons: tuple[str, ...]

    @property
    def text(self) -> str:
        return "Deload early: " + "; ".join(self.reasons) + "."


@dataclass(frozen=True)
class ExerciseTargets:
    """The targets of one session exercise that a recovery session changes."""

    id: int
    sets: int
    rep_low: int
    rep_high: int


@dataclass(frozen=True)
class StartAdjustment:
    """A group's first-week sets in the next mesocycle, the offset from the level's usual start
    (what PlanRequest.start_offsets takes) and why."""

    start_sets: int
    reason: str
    offset: int = 0


@dataclass(frozen=True)
class PlateResult:
    """Plates for each side of the bar, heaviest first. `remainder` = load asked − achieved:
    positive when the plates fall short, negative only for a load below the bar itself."""

    per_side: tuple[float, ...]
    achieved_load: float
    exact: bool
    remainder: float


# --- Next week ----------------------------------------------------------------------------------

def adjustment(soreness: int, performance: int, pump: int | None = None) -> Adjustment:
    """The DOMAIN §5 cell for these ratings (soreness 2 and 3 share a row), refined by pump:
    a hold that comes only from performance 2 (soreness 0–1) with little pump (0–1) is +1."""
    for name, value in (("soreness", soreness), ("performance", performance), ("pump", pump)):
        if value is None and name == "pump":
            continue
        if isinstance(value, bool) or value not in RATING_RANGE:
            raise ValueError(f"{name}: {value!r} is not 0–3")
    delta = _TABLE[min(soreness, 2)][performance]
    reason = f"{_SORENESS_REASON[soreness]}, {_PERFORMANCE_REASON[performance]}"
    if delta == 0 and soreness <= 1 and performance == 2 and pump is not None and pump <= 1:
        delta = 1
        reason += f", {_PUMP_REASON[pump]}: too small a dose to feel"
    return Adjustment(delta=delta, recovery=delta is None, reason=reason)


def next_week_sets(group: str, current_sets: int, feedback: Feedback | None,
                   landmarks: Landmarks, *, maintained: bool = False) -> GroupAdjustment:
    """Next week's sets for `group` from last week's `current_sets` (the base) and its
    feedback, never above MRV; a `maintained` group (the block maintains or skips it) only
    holds or drops. Unrated feedback changes nothing (apart from bringing a week above MRV
    down)."""
    name = group_label(group).lower()
    mrv = landmarks.mrv
    # Not rated (Feedback.rated), spelled out so that the two ratings read below are ints.
    if feedback is None or feedback.soreness is None or feedback.performance is None:
        sets = min(current_sets, mrv)
        why = "not rated" if sets == current_sets else f"not rated, down to MRV {mrv}"
        return GroupAdjustment(group, sets, sets - current_sets, False, f"{name}: {why}",
                               base=current_sets)
    cell = adjustment(feedback.soreness, feedback.performance, feedback.pump)
    if cell.delta is None:  # a recovery session (cell.recovery)
        sets = min(current_sets, mrv)
        return GroupAdjustment(group, sets, sets - current_sets, True,
                               f"{name} recovery session: {cell.reason}", base=current_sets)
    if maintained and cell.delta > 0:
        sets = min(current_sets, mrv)
        change = _change_text(sets - current_sets, current_sets, sets, mrv)
        return GroupAdjustment(group, sets, sets - current_sets, False,
                               f"{name} {change} (maintained this block: it holds or drops): "
                               f"{cell.reason}", base=current_sets)
    wanted = current_sets + cell.delta
    sets = min(wanted, mrv)
    delta = sets - current_sets
    return GroupAdjustment(group, sets, delta, False,
                           f"{name} {_change_text(delta, wanted, sets, mrv)}: {cell.reason}",
                           base=current_sets)


def _change_text(delta: int, wanted: int, sets: int, mrv: int) -> str:
    """'+1', 'held', 'held at MRV 25', '+1 (capped at MRV 25)', '−2 to MRV 25'."""
    capped = wanted > sets
    if delta > 0:
        return f"+{delta} (capped at MRV {mrv})" if capped else f"+{delta}"
    if delta == 0:
        return f"held at MRV {mrv}" if capped else "held"
    return f"−{-delta} to MRV {mrv}"


# --- The week's limits ----------------------------------------------------------------------------

@dataclass(frozen=True)
class WeekRow:
    """One session exercise of the week being adapted, as the limits need it. `sets`,
    `rep_low` and `rep_high` are its usual targets (a recovery row's, before halving)."""

    id: int
    session_id: int
    day: date
    planned: bool  # its session is still planned; a done session's sets count as they are
    group: str | None
    pattern: str
    secondary: tuple[str, ...]
    sets: int
    rep_low: int
    rep_high: int
    order: tuple = ()  # where it sits in the week: session day, position, row position


@dataclass(frozen=True)
class WeekLimits:
    """What one session may hold (DOMAIN §3, §10): working sets, sets of one group, minutes."""

    session_sets: int = SESSION_SET_CAP
    group_sets: int = GROUP_SESSION_CAP
    max_minutes: int | None = None
    row_sets: int = MAX_ROW_SETS


@dataclass(frozen=True)
class RowTargets:
    """A planned row's targets after the week is adapted; a recovery row's `usual` are the
    targets it had before it was halved (sets, rep low, rep high)."""

    sets: int
    rep_low: int
    rep_high: int
    recovery: bool = False
    usual: tuple[int, int, int] | None = None


def fit_week(rows: Sequence[WeekRow], adjustments: Sequence[GroupAdjustment],
             limits: WeekLimits = WeekLimits()) -> tuple[list[GroupAdjustment],
                                                         dict[int, RowTargets]]:
    """Each adjusted group's weekly sets spread over its planned sessions of the week — evenly,
    earliest first, within the limits — and the adjustments as they fit: sets that find no
    room are not added, and the reason names the sessions that were full. Sets of sessions
    already done count as they are. A recovery group's first planned session is halved (sets
    and reps, same load). Returns (fitted adjustments, {row id: its new targets}) for every
    planned row (rows of groups not adjusted keep their usual targets)."""
    targets = {r.id: RowTargets(r.sets, r.rep_low, r.rep_high) for r in rows if r.planned}
    # Groups that hold or drop first: the room they leave is there for those that add.
    ordered = sorted(adjustments, key=lambda a: a.delta > 0)
    fitted = {}
    for adjusted in ordered:
        fitted[adjusted.group] = _fit_group(adjusted, rows, targets, limits)
    return [fitted[a.group] for a in adjustments], targets


def _fit_group(adjusted: GroupAdjustment, rows: Sequence[WeekRow],
               targets: dict[int, RowTargets], limits: WeekLimits) -> GroupAdjustment:
    mine = [r for r in rows if r.group == adjusted.group]
    planned = sorted((r for r in mine if r.planned), key=lambda r: r.order)
    if not planned:
        return adjusted
    done = sum(r.sets for r in mine if not r.planned)
    sessions: dict[int, list[WeekRow]] = {}
    for row in planned:
        sessions.setdefault(row.session_id, []).append(row)
    rooms = {sid: _room(sid, session_rows, rows, targets, limits)
             for sid, session_rows in sessions.items()}
    wanted = max(0, adjusted.sets - done)
    shares = _fill(wanted, rooms)
    for sid, session_rows in sessions.items():
        for row, sets in zip(session_rows, _even(shares[sid], len(session_rows)), strict=True):
            targets[row.id] = RowTargets(min(sets, limits.row_sets), row.rep_low, row.rep_high)
    if adjusted.recovery:
        first = sessions[planned[0].session_id]
        for row in first:
            usual = targets[row.id]
            targets[row.id] = RowTargets(_half(usual.sets), max(1, _half(usual.rep_low)),
                                         max(1, _half(usual.rep_low), _half(usual.rep_high)),
                                         recovery=True,
                                         usual=(usual.sets, usual.rep_low, usual.rep_high))
    placed = done + sum(shares.values())
    if placed >= adjusted.sets:
        return adjusted
    base = adjusted.base if adjusted.base is not None else adjusted.sets - adjusted.delta
    days = " or ".join(f"{rows_[0].day:%a}" for rows_ in sessions.values())
    limit = (f"at most {limits.session_sets} sets a session, {limits.group_sets} for one muscle"
             + (f", {limits.max_minutes} minutes" if limits.max_minutes else ""))
    name = group_label(adjusted.group).lower()
    cause = adjusted.reason.split(": ", 1)[-1]
    change = _change_text(placed - base, placed, placed, 10 ** 6)
    return replace(adjusted, sets=placed, delta=placed - base, reason=(
        f"{name} {change} ({adjusted.delta:+d} wanted, no room on {days}: {limit}): {cause}"))


def _room(session_id: int, own: list[WeekRow], rows: Sequence[WeekRow],
          targets: Mapping[int, RowTargets], limits: WeekLimits) -> int:
    """How many sets of the group one session can hold: 12 for a muscle, what the session cap
    leaves beside the other groups' sets, and what the longest session leaves in minutes —
    never less than the group has there now (a plan already past a limit is not cut here)."""
    others = [r for r in rows if r.session_id == session_id and r.planned and r not in own]
    other_sets = sum(targets[r.id].sets for r in others)
    now = sum(targets[r.id].sets for r in own)
    room = min(limits.group_sets, limits.session_sets - other_sets)
    if limits.max_minutes is not None:
        while room > now and _minutes(others, own, room, targets) > limits.max_minutes:
            room -= 1
    return max(room, now, 0)


def _minutes(others: Sequence[WeekRow], own: Sequence[WeekRow], sets: int,
             targets: Mapping[int, RowTargets]) -> int:
    items = [(r.pattern, r.secondary, targets[r.id].sets) for r in others]
    items += [(r.pattern, r.secondary, share) for r, share in zip(own, _even(sets, len(own)),
                                                                     strict=True)]
    return session_minutes(items)


def _fill(total: int, rooms: Mapping[int, int]) -> dict[int, int]:
    """`total` sets over sessions as evenly as their rooms allow, earliest first on ties."""
    shares = dict.fromkeys(rooms, 0)
    order = list(rooms)
    for _ in range(total):
        open_ = [sid for sid in order if shares[sid] < rooms[sid]]
        if not open_:
            break
        shares[min(open_, key=lambda sid: (shares[sid], order.index(sid)))] += 1
    return shares


def _even(total: int, parts: int) -> list[int]:
    """`total` split into `parts` whole numbers that differ by at most one, bigger ones first."""
    each, extra = divmod(total, parts)
    return [each + (index < extra) for index in range(parts)]


def recovery_targets(exercises: Iterable[ExerciseTargets]) -> tuple[ExerciseTargets, ...]:
    """Half the sets and half the reps of each exercise, rounded up (at least 1 where there was
    any); the load is not a target, so it stays."""
    return tuple(replace(e, sets=_half(e.sets), rep_low=max(1, _half(e.rep_low)),
                         rep_high=max(1, _half(e.rep_low), _half(e.rep_high)))
                 for e in exercises)


def _half(value: int) -> int:
    return math.ceil(value / 2)


# --- Early deload ---------------------------------------------------------------------------

def early_deload(history: Sequence[FeedbackEntry], *,
                 planned_sets: Mapping[str, int] | None = None,
                 landmarks: Mapping[str, Landmarks] | None = None) -> DeloadSuggestion | None:
    """A deload before the planned one, when a group's planned weekly sets reach its MRV (next
    week's `planned_sets`, or the latest week in the history) or its performance was 3 (could
    not match) in its last two rated sessions. None when nothing calls for it."""
    landmarks = landmarks or DEFAULT_LANDMARKS
    planned_sets = planned_sets or {}
    by_group = _entries_by_group(history)
    groups, reasons = [], []
    for group in MUSCLE_GROUPS:
        entries = by_group.get(group, [])
        reason = (_mrv_reason(group, entries, planned_sets.get(group), landmarks.get(group))
                  or _dropping_reason(group, entries))
        if reason:
            groups.append(group)
            reasons.append(reason)
    return DeloadSuggestion(tuple(groups), tuple(reasons)) if groups else None


def _entries_by_group(history: Iterable[FeedbackEntry]) -> dict[str, list[FeedbackEntry]]:
    grouped: dict[str, list[FeedbackEntry]] = {}
    for entry in sorted(history, key=lambda e: (e.day, e.session_id or 0)):
        grouped.setdefault(entry.group, []).append(entry)
    return grouped


def _mrv_reason(group: str, entries: list[FeedbackEntry], planned: int | None,
                landmarks: Landmarks | None) -> str | None:
    if landmarks is None:
        return None
    latest = next((e.week_sets for e in reversed(entries) if e.week_sets is not None), None)
    reached = [sets for sets in (planned, latest) if sets is not None and sets >= landmarks.mrv]
    if not reached:
        return None
    return f"{group_label(group).lower()} reaches MRV {landmarks.mrv} ({max(reached)} sets)"


def _dropping_reason(group: str, entries: list[FeedbackEntry]) -> str | None:
    rated = [e for e in entries if e.feedback.performance is not None]
    if len(rated) < 2 or any(e.feedback.performance != 3 for e in rated[-2:]):
        return None
    days = " and ".join(f"{e.day:%d %b}" for e in rated[-2:])
    return (f"{group_label(group).lower()} could not match last time in two sessions in a row "
            f"({days})")


# --- Joint pain -------------------------------------------------------------------------------

def swap_candidates(exercise: ExerciseInfo, library: Iterable[ExerciseInfo], *,
                    exclude: Collection[int | str] = ()) -> list[ExerciseInfo]:
    """Exercises of the same movement pattern and primary group, in the library's order (its
    staples first). `exclude` holds ids or names to leave out, e.g. what the session already
    has; the exercise itself is always left out."""
    def excluded(other: ExerciseInfo) -> bool:
        return (other.name.casefold() == exercise.name.casefold()
                or (other.id is not None and other.id in (exercise.id, *exclude))
                or other.name in exclude)

    return [other for other in library
            if other.primary == exercise.primary and other.pattern == exercise.pattern
            and not excluded(other)]


def exercise_alternatives(exercise: ExerciseInfo, library: Sequence[ExerciseInfo], *,
                          limit: int = 20) -> list[ExerciseInfo]:
    """What to offer when swapping an exercise in a plan: the swap candidates (same pattern and
    primary group) first, then the group's other exercises, each in the library's order."""
    same_pattern = swap_candidates(exercise, library)
    others = [other for other in library
              if other.primary == exercise.primary and other.pattern != exercise.pattern
              and other.name.casefold() != exercise.name.casefold()]
    return (same_pattern + others)[:limit]


# --- Next mesocycle -------------------------------------------------------------------------

def next_mesocycle_start(level: str, landmarks: Mapping[str, Landmarks],
                         feedback_history: Iterable[FeedbackEntry]) -> dict[str, StartAdjustment]:
    """Each group's start in the next mesocycle at `level`, moved by how the last one went (see
    the module docstring for the rules); every group of `landmarks`, in table order."""
    by_group = _entries_by_group(feedback_history)
    result = {}
    for group in MUSCLE_GROUPS:
        if group in landmarks:
            result[group] = _start_for(group, level, landmarks[group], by_group.get(group, []))
    return result


def _start_for(group: str, level: str, lm: Landmarks,
               entries: list[FeedbackEntry]) -> StartAdjustment:
    usual = weekly_targets(level, lm, 1)[0]
    name = group_label(group).lower()
    peak = max((e.week_sets for e in entries if e.week_sets is not None), default=None)
    rated = [e.feedback for e in entries if e.feedback.rated]
    if peak is not None and peak >= lm.mrv:
        floor = min(usual, max(lm.mv, MIN_START_SETS))
        start = max(floor, usual - NEXT_START_STEP)
        why = f"reached MRV {lm.mrv} last time"
        if start == usual:
            why += ", but already starts as low as it can"
        return StartAdjustment(start, f"{name} starts at {start}{_offset_text(start - usual)}: "
                                      f"{why}", start - usual)
    # `rated` feedback has a performance: the `is not None` only says so to the type checker.
    if len(rated) >= MIN_RATINGS and all(
            f.soreness == 0 and f.performance is not None and f.performance <= 1 for f in rated):
        start = max(usual, min(usual + NEXT_START_STEP, lm.mav_low, lm.mrv))
        why = "always progressed and healed early"
        if start == usual:
            why += f", but already starts at MAV low ({lm.mav_low}) or above"
        return StartAdjustment(start, f"{name} starts at {start}{_offset_text(start - usual)}: "
                                      f"{why}", start - usual)
    why = "no feedback" if not rated else "mixed feedback"
    return StartAdjustment(usual, f"{name} starts at {usual} as usual: {why}")


def _offset_text(offset: int) -> str:
    if offset > 0:
        return f" (+{offset})"
    return f" (−{-offset})" if offset < 0 else ""


# --- Plates -----------------------------------------------------------------------------------

def default_plates(unit: str) -> tuple[float, tuple[float, ...]]:
    """The bar and the plates of a commercial gym: 20 kg with 25…1.25 kg, or 45 lb with 45…2.5."""
    if unit not in ("kg", "lb"):
        raise ValueError(f"unit: {unit!r} is not kg or lb")
    return (KG_BAR, KG_PLATES) if unit == "kg" else (LB_BAR, LB_PLATES)


def default_plate_set(unit: str) -> tuple[float, dict[float, int]]:
    """The bar and {plate: pairs} a new user starts from: plenty of the heaviest plate
    (HEAVIEST_PAIRS), OTHER_PAIRS of each other one."""
    bar, plates = default_plates(unit)
    return bar, {p: HEAVIEST_PAIRS if i == 0 else OTHER_PAIRS for i, p in enumerate(plates)}


def plates_per_side(load: float, bar: float | None = None,
                    plates: Mapping[float, int] | Iterable[float] | None = None,
                    unit: str = "kg") -> PlateResult:
    """The plates to put on each side for `load` (in `unit`, bar included).

    `plates` is either {plate weight: pairs available} or the plate weights alone (as many as
    needed). Heaviest plates are tried first, backtracking to lighter ones, so an exact
    combination is found whenever one exists; otherwise the closest lighter load."""
    default_bar, default_set = default_plates(unit)
    bar = default_bar if bar is None else bar
    stock = _stock(default_set if plates is None else plates)
    if load < bar:
        return PlateResult((), bar, False, _round(load - bar))
    target = (_milli(load) - _milli(bar)) // 2
    counts = _best_fill(stock, target)
    per_side = tuple(weight / _MILLI for (weight, _), count in zip(stock, counts, strict=True)
                     for _ in range(count))
    achieved = _round(bar + 2 * sum(per_side))
    return PlateResult(per_side, achieved, math.isclose(achieved, load, abs_tol=1e-6),
                       _round(load - achieved))


def _stock(plates: Mapping[float, int] | Iterable[float]) -> list[tuple[int, int | None]]:
    """[(weight in milli-units, pairs available or None for unlimited)], heaviest first."""
    # A plate lighter than a thousandth of the unit rounds to nothing: it is no plate (and
    # would divide by zero below). Such a value can only come from a hand-edited setting.
    if isinstance(plates, Mapping):
        pairs = {_milli(w): int(n) for w, n in plates.items() if _milli(w) > 0 and n > 0}
        items: list[tuple[int, int | None]] = list(pairs.items())
    else:
        items = [(w, None) for w in {_milli(w) for w in plates if _milli(w) > 0}]
    return sorted(items, reverse=True, key=lambda item: item[0])


def _best_fill(stock: list[tuple[int, int | None]], target: int) -> tuple[int, ...]:
    """Counts per plate (same order as `stock`) whose sum comes closest to `target` from below.

    Depth-first, most of the heaviest plate first; the first exact fill wins, so the plates are
    the ones a lifter would load. Results are kept per (plate, remaining weight), which bounds
    the search to plates × distinct remainders."""
    known: dict[tuple[int, int], tuple[int, tuple[int, ...]]] = {}

    def fill(index: int, remaining: int) -> tuple[int, tuple[int, ...]]:
        if index == len(stock) or remaining <= 0:
            return 0, (0,) * (len(stock) - index)
        key = (index, remaining)
        if key not in known:
            weight, available = stock[index]
            most = remaining // weight
            if available is not None:
                most = min(most, available)
            best: tuple[int, tuple[int, ...]] | None = None
            for count in range(most, -1, -1):
                rest_total, rest = fill(index + 1, remaining - count * weight)
                total = count * weight + rest_total
                if best is None or total > best[0]:
                    best = (total, (count, *rest))
                if total == remaining:
                    break
            assert best is not None, "range(most, -1, -1) has a count: most >= 0"
            known[key] = best
        return known[key]

    return fill(0, target)[1]


def _milli(value: float) -> int:
    return round(value * _MILLI)


def _round(value: float) -> float:
    return round(value, 6)
