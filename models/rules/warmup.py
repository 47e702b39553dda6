"""Warm-up ramps and the bars loaded with plates: what a session sheet tells the lifter to do
before the first working set of a session's first compound lift.

The ramp (WARMUP_RAMP) climbs from the empty bar to 80 % of the working load with fewer reps
each step: bar × 10, 40 % × 5, 60 % × 3, 80 % × 1. Each load is rounded to what can be loaded:
for a bar, to the nearest pair of the lightest plate and then to what the lifter's plates make
(plates_per_side); for dumbbells, cables and machines (no bar), to the equipment's load step,
starting at 20 % instead of an empty bar. A step that would not be heavier than the one before,
or not lighter than the working load, is left out. Bodyweight and band exercises get no ramp.

Pure functions over plain data; loads are in the user's unit (kg or lb), as the plates are.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from models.rules.autoregulation import default_plate_set, plates_per_side
from models.rules.domain import ExerciseInfo, is_compound

# Bars loaded with plates: these get plates per side and an empty-bar first warm-up set.
PLATE_LOADED: tuple[str, ...] = ("barbell", "ez_bar", "trap_bar", "smith_machine")
# Loaded by the body or a band: no load to ramp up to.
UNLOADED: tuple[str, ...] = ("bodyweight", "band")
# (fraction of the working load, reps). Fraction 0 is the empty bar, or NO_BAR_START of the
# working load where there is no bar.
WARMUP_RAMP: tuple[tuple[float, int], ...] = ((0.0, 10), (0.4, 5), (0.6, 3), (0.8, 1))
NO_BAR_START = 0.2
_EPSILON = 1e-6  # float noise of kg ↔ lb conversions


@dataclass(frozen=True)
class WarmupSet:
    """One warm-up set. `load` is in the user's unit, None while the working load is not known
    (the sheet then says the fraction); `fraction` is None for the empty bar; `per_side` lists
    the plates on each side of a bar, heaviest first."""

    reps: int
    load: float | None
    fraction: float | None
    per_side: tuple[float, ...] = ()

    @property
    def empty_bar(self) -> bool:
        return self.fraction is None


def is_plate_loaded(exercise: ExerciseInfo) -> bool:
    return exercise.equipment in PLATE_LOADED


def takes_warmup_ramp(exercise: ExerciseInfo) -> bool:
    """A compound lift with a load: the kind the first of in a session is ramped up to."""
    return is_compound(exercise.pattern, exercise.secondary) and \
        exercise.equipment not in UNLOADED


def warmup_ramp(working_load: float | None, unit: str, *, bar: float | None = None,
                plates: Mapping[float, int] | None = None,
                step: float = 0.0) -> tuple[WarmupSet, ...]:
    """The warm-up sets before a working load (in `unit`; None when it is not known yet).

    With `bar` (the bar's weight) the lift is plate-loaded: loads land on the lifter's
    `plates` ({plate: pairs}; a commercial gym's by default) and say the plates per side.
    Without, loads are rounded to `step` (the equipment's load step in `unit`); no step means
    no load to ramp (bodyweight, bands): no warm-up sets."""
    if bar is None and step <= 0:
        return ()
    if working_load is None:
        return tuple(WarmupSet(reps, None, None if fraction == 0 and bar is not None
                               else fraction or NO_BAR_START)
                     for fraction, reps in WARMUP_RAMP)
    if bar is not None:
        stock = default_plate_set(unit)[1] if plates is None else plates
        return _bar_ramp(working_load, unit, bar, stock)
    return _stepped_ramp(working_load, step)


def _bar_ramp(working_load: float, unit: str, bar: float,
              plates: Mapping[float, int]) -> tuple[WarmupSet, ...]:
    if working_load <= bar + _EPSILON:
        return ()  # the work is the empty bar: nothing lighter to warm up with
    usable = [weight for weight, pairs in plates.items() if weight > 0 and pairs > 0]
    grid = 2 * min(usable) if usable else 0.0
    ramp = [WarmupSet(WARMUP_RAMP[0][1], bar, None)]
    previous = bar
    for fraction, reps in WARMUP_RAMP[1:]:
        wanted = _nearest(working_load * fraction - bar, grid) + bar if grid else bar
        loaded = plates_per_side(wanted, bar, plates, unit)
        if previous + _EPSILON < loaded.achieved_load < working_load - _EPSILON:
            ramp.append(WarmupSet(reps, loaded.achieved_load, fraction, loaded.per_side))
            previous = loaded.achieved_load
    return tuple(ramp)


def _stepped_ramp(working_load: float, step: float) -> tuple[WarmupSet, ...]:
    ramp: list[WarmupSet] = []
    previous = 0.0
    for fraction, reps in WARMUP_RAMP:
        share = fraction or NO_BAR_START
        load = round(_nearest(working_load * share, step), 6)
        if previous + _EPSILON < load < working_load - _EPSILON:
            ramp.append(WarmupSet(reps, load, share))
            previous = load
    return tuple(ramp)


def _nearest(value: float, grid: float) -> float:
    """`value` rounded to the nearest multiple of `grid`, halves up (37.5 on a 5 grid is 40)."""
    return math.floor(value / grid + 0.5 + _EPSILON) * grid
