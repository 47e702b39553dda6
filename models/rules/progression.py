"""Double progression (DOMAIN §4): from last time's sets to the target for next time.

Pure functions over plain data; no database. Loads are kilograms, as stored; the user's unit only
decides which load step applies and which grid the next load is rounded to, so a pound user sees
round pounds.

The rules, in the order `next_target` applies them (the week's kind first, DOMAIN §5):
1. No working set last time: a first-time target (bottom of the range, load left to the user).
2. A deload week or a recovery session: the same load as last time, never more, and the week's
   reduced rep target (the bottom of the row's range: a recovery row's range is already halved).
3. Bodyweight (no load) or no load step for the user's unit: one more rep up to the top of the
   range; at the top, add load or move to a harder variant (one is named when the library has
   it) — not "+1 rep" forever.
4. Two sessions in a row below the range at the same load: one load step down (or 10 % when a
   step is a big jump), aiming for the bottom of the range.
5. Every working set at the top of the range: the next load step, back to the bottom of the range —
   unless the step is a big jump (over 10 % of the load, e.g. 2 kg on a 10 kg dumbbell): then
   reps keep climbing up to two past the top before the step is taken anyway.
6. The top set below the range: hold the load and aim for the bottom of the range.
7. Otherwise: one more rep than the top set, capped at the top of the range, same load.
The week's RIR target travels with the target and is named in its note.

Timed sets (a plank: 0 reps, 60 s) progress by time: the same load, 5 s longer than the longest
hold (in a deload week or a recovery session, the same time again). When last time mixed timed
sets and sets of reps, the sets of reps lead. They never give an e1RM.

Assisted exercises carry a negative load, the help given (−20 kg on an assisted pull-up): less
help is the heavier set, one step up is one step less help, and the steps stop at none (the
unassisted exercise is next). Their loads give no e1RM either.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from models.rules.domain import (
    estimated_1rm,
    format_load,
    format_set,
    is_timed,
    kg_to_unit,
    unit_to_kg,
)
from models.rules.limits import REPS, SET_SECONDS

# Drop sets follow a top set at a lighter load, so they say nothing about the next top set;
# warm-ups never do. Sets taken to failure are working sets that went all the way.
PROGRESSION_KINDS: tuple[str, ...] = ("working", "failure")
WEEK_KINDS: tuple[str, ...] = ("accumulation", "deload", "recovery")
BIG_STEP_FRACTION = 0.10
# Below the range twice at one load: back off this much when one load step is a big jump.
BACK_OFF_FRACTION = 0.10
EXTRA_REPS_BEFORE_BIG_STEP = 2
MAX_REPS = REPS[1]
FIRST_TIME_RIR = 3
# A timed set's progression: this much longer than the longest hold last time.
TIMED_STEP_SECONDS = 5
_EPSILON = 1e-9  # float noise of kg ↔ lb conversions


@dataclass(frozen=True)
class SetResult:
    """One set as it was done: load in kg (None for bodyweight, negative for assistance), reps,
    its kind, and its time in seconds (a timed set: 0 reps and a time)."""

    load_kg: float | None
    reps: int
    kind: str = "working"
    seconds: int | None = None

    @property
    def timed(self) -> bool:
        return is_timed(self.reps, self.seconds)


@dataclass(frozen=True)
class Target:
    """What to aim for on each working set next time, why, last time's best Epley 1RM, and
    the week's RIR target (None when the session has none). A timed target (a plank) has 0
    reps and `seconds`."""

    load_kg: float | None
    reps: int
    sets: int
    note: str
    e1rm_kg: float | None
    rir: float | None = None
    seconds: int | None = None

    @property
    def timed(self) -> bool:
        return is_timed(self.reps, self.seconds)


def next_target(last_sets: Sequence[SetResult], rep_low: int, rep_high: int,
                load_step_kg: float, load_step_lb: float, units: str,
                target_sets: int, *, week: str = "accumulation", rir: float | None = None,
                earlier_sets: Sequence[SetResult] = (), harder: str | None = None) -> Target:
    """The load and reps for every working set next time, from last time's sets and the
    week's kind: "accumulation", "deload" or "recovery" (see the module's rules).
    `earlier_sets` are the sets of the session before last; `harder` names a harder variant
    of a bodyweight exercise."""
    if units not in ("kg", "lb"):
        raise ValueError(f"units: {units!r} is not kg or lb")
    if week not in WEEK_KINDS:
        raise ValueError(f"week: {week!r} is not one of {', '.join(WEEK_KINDS)}")
    working = [s for s in last_sets if s.kind in PROGRESSION_KINDS]
    if not working:
        first_rir = FIRST_TIME_RIR if rir is None else rir
        plan = _Plan(None, rep_low, f"first time: pick a load you can lift for {rep_low}–"
                                    f"{rep_high} reps at RIR {first_rir:g}")
        return _target(plan, target_sets, None, rir, with_rir=False)
    if all(s.timed for s in working):
        return _target(_timed(working, week, units), target_sets, None, rir)
    working = [s for s in working if not s.timed]  # the sets of reps lead
    earlier_sets = [s for s in earlier_sets if not s.timed]
    top = top_set(working)
    step = load_step_kg if units == "kg" else load_step_lb
    if week != "accumulation":
        plan = _reduced_week(week, top, rep_low, units)
    elif not top.load_kg or step <= 0:
        plan = _by_reps(top, rep_high, units, harder)
    elif _below_twice(top, rep_low, earlier_sets):
        plan = _back_off(top.load_kg, rep_low, step, units)
    else:
        plan = _loaded_progression(working, top, top.load_kg, rep_low, rep_high, step, units)
    return _target(plan, target_sets, best_e1rm(working), rir)


def _target(plan: _Plan, sets: int, e1rm: float | None, rir: float | None, *,
            with_rir: bool = True) -> Target:
    note = plan.note + (f" @ RIR {rir:g}" if rir is not None and with_rir else "")
    return Target(plan.load_kg, plan.reps, sets, note, e1rm, rir, plan.seconds)


def _timed(working: Sequence[SetResult], week: str, units: str) -> _Plan:
    """Timed sets: the same load, TIMED_STEP_SECONDS longer than the longest hold at the
    heaviest load; in a deload week or a recovery session the same time again."""
    top = max(working, key=lambda s: (s.load_kg or 0.0, s.seconds or 0))
    held = top.seconds or 0
    if week != "accumulation":
        what = "deload week" if week == "deload" else "recovery session"
        how = "fewer sets" if week == "deload" else "half the sets"
        return _Plan(top.load_kg, 0, f"{what}: {format_set(top.load_kg, 0, held, units)} — "
                                     f"same load and time, {how}", held)
    longer = min(held + TIMED_STEP_SECONDS, SET_SECONDS[1])
    return _Plan(top.load_kg, 0, f"+{longer - held} s: {format_set(top.load_kg, 0, longer, units)}",
                 longer)


def _reduced_week(week: str, top: SetResult, rep_low: int, units: str) -> _Plan:
    """Deload week or recovery session: last time's load, never more, the reduced reps."""
    what = "deload week" if week == "deload" else "recovery session"
    how = "fewer sets" if week == "deload" else "half the sets and reps"
    return _Plan(top.load_kg, rep_low, f"{what}: {_load_text(top.load_kg, units)} × {rep_low} — "
                                       f"same load, {how}")


def _by_reps(top: SetResult, rep_high: int, units: str, harder: str | None) -> _Plan:
    """No load to add (bodyweight, bands): reps up to the top of the range, then harder."""
    if top.reps >= rep_high:
        variant = f" (e.g. {harder})" if harder else ""
        return _Plan(top.load_kg, rep_high,
                     f"top of the range ({top.reps} reps): add load or move to a harder "
                     f"variant{variant}")
    reps = min(top.reps + 1, rep_high, MAX_REPS)
    return _Plan(top.load_kg, reps, f"+1 rep: {reps} reps at {_load_text(top.load_kg, units)}")


def _below_twice(top: SetResult, rep_low: int, earlier_sets: Sequence[SetResult]) -> bool:
    """Below the bottom of the range last time and the time before, at the same load."""
    earlier = [s for s in earlier_sets if s.kind in PROGRESSION_KINDS]
    if top.reps >= rep_low or not earlier or not top.load_kg:
        return False
    before = top_set(earlier)
    return before.reps < rep_low and abs((before.load_kg or 0.0) - top.load_kg) < 1e-6


def _back_off(load_kg: float, rep_low: int, step: float, units: str) -> _Plan:
    """One load step down on the unit's grid; 10 % down when a step is a big jump. An assisted
    load (negative) goes one step further down: more help."""
    current = kg_to_unit(load_kg, units)
    if current < 0 or step <= BIG_STEP_FRACTION * current + _EPSILON:
        lighter = math.floor((current - step) / step + _EPSILON) * step
    else:
        lighter = math.floor(current * (1 - BACK_OFF_FRACTION) / step + _EPSILON) * step
    if current > 0:
        lighter = max(lighter, 0.0)  # a loaded exercise backs off to bodyweight at most
    lighter_kg = round(unit_to_kg(lighter, units), 6)
    return _Plan(lighter_kg or None, rep_low,
                 f"below {rep_low} reps twice at {_load_text(load_kg, units)}: "
                 f"{_load_text(lighter_kg, units)} × {rep_low}")


def top_set(working: Sequence[SetResult]) -> SetResult:
    """The heaviest set; among equally heavy sets, the one with the most reps."""
    return max(working, key=lambda s: (s.load_kg or 0.0, s.reps))


def best_e1rm(sets: Sequence[SetResult]) -> float | None:
    """The best Epley estimate among sets with a load and reps, or None when no set had one:
    timed sets (0 reps) and assisted ones (a negative load) estimate nothing."""
    estimates = [estimated_1rm(s.load_kg, s.reps) for s in sets
                 if s.load_kg and s.load_kg > 0 and s.reps > 0]
    best = max(estimates, default=0.0)
    return best or None


def next_load_kg(load_kg: float, step: float, units: str) -> float:
    """`load_kg` plus one step of the user's unit, on that unit's grid of steps, in kg.

    The grid point nearest to load + step is taken (ties round down, so an off-grid load never
    jumps by more than a step), but always above the current load.
    """
    current = kg_to_unit(load_kg, units)
    steps = math.ceil((current + step) / step - 0.5 - _EPSILON)
    candidate = steps * step
    if candidate <= current + _EPSILON:
        candidate += step
    return round(unit_to_kg(candidate, units), 6)


@dataclass(frozen=True)
class _Plan:
    load_kg: float | None
    reps: int
    note: str
    seconds: int | None = None


def _loaded_progression(working: Sequence[SetResult], top: SetResult, load: float,
                        rep_low: int, rep_high: int, step: float, units: str) -> _Plan:
    """`load` is the top set's load, passed narrowed: only a loaded top set gets here."""
    fewest_reps = min(s.reps for s in working)
    step_kg = unit_to_kg(step, units)
    # Less help is never too big a jump: the assisted machine's steps are the only ones there are.
    step_is_big = load > 0 and step_kg > BIG_STEP_FRACTION * load + _EPSILON
    if fewest_reps >= rep_high:
        if load < 0 and next_load_kg(load, step, units) >= -_EPSILON:
            return _Plan(None, rep_low, f"top of range on every set: no help: bodyweight × "
                                        f"{rep_low} — or move to the unassisted exercise")
        if not step_is_big:
            heavier = next_load_kg(load, step, units)
            return _Plan(heavier, rep_low, f"top of range on every set: "
                                           f"{_load_text(heavier, units)} × {rep_low}")
        if fewest_reps >= rep_high + EXTRA_REPS_BEFORE_BIG_STEP:
            heavier = next_load_kg(load, step, units)
            return _Plan(heavier, rep_low,
                         f"{rep_high + EXTRA_REPS_BEFORE_BIG_STEP} reps on every set: take the "
                         f"load step anyway: {_load_text(heavier, units)} × {rep_low}")
        reps = min(top.reps + 1, rep_high + EXTRA_REPS_BEFORE_BIG_STEP)
        return _Plan(load, reps,
                     f"load step {_load_text(step_kg, units)} is too big a jump from "
                     f"{_load_text(load, units)} (+{round(100 * step_kg / load)} %): add a rep "
                     f"instead: {reps} reps at {_load_text(load, units)}")
    if top.reps < rep_low:
        return _Plan(load, rep_low, f"below the range last time ({top.reps} reps): hold "
                                    f"{_load_text(load, units)}, aim for {rep_low} reps")
    reps = min(top.reps + 1, rep_high)
    note = (f"+1 rep: {reps} reps at {_load_text(load, units)}" if top.reps < rep_high else
            f"bring every set to {reps} reps at {_load_text(load, units)}, then add load")
    below = sum(1 for s in working if s.reps < rep_low)
    if below:
        note += f" ({below} set{'s' if below > 1 else ''} below {rep_low} reps: hold the load)"
    return _Plan(load, reps, note)


def _load_text(load_kg: float | None, units: str) -> str:
    return format_load(load_kg, units) if load_kg else "bodyweight"
