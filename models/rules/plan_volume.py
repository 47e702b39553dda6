"""Weekly set targets: where a grown muscle's ramp starts and ends, how fast it may climb, the
maintenance dose, reps in reserve and the deload (DOMAIN §4, §10). Pure functions over numbers.
"""

from __future__ import annotations

import math

from models.rules.domain import Landmarks
from models.rules.plan_types import DELOAD_SHARE, MIN_SETS_PER_EXERCISE, START_RIR

# Where each level's ramp starts and ends, as fractions of the way from the start volume to MRV.
LEVEL_RAMPS: dict[str, tuple[float, float]] = {
    "beginner": (0.0, 0.5),
    "intermediate": (0.0, 0.75),
    "advanced": (0.2, 1.0),
}
# Pace of a ramp (DOMAIN §4): at most +2 sets a week, or +20 % of last week when that is more.
PACE_SETS, PACE_SHARE = 2, 0.2
# A grown group's first week holds at least two sessions of two sets.
MIN_GROW_START = 2 * MIN_SETS_PER_EXERCISE


def start_volume(landmarks: Landmarks) -> int:
    """The weekly sets a `grow` ramp starts from before the level's offset: MEV; for groups
    whose MEV is 0, half of MAV low and at least two sessions of two sets. Never above MRV."""
    if landmarks.mev > 0:
        return min(landmarks.mev, landmarks.mrv)
    return min(landmarks.mrv, max(MIN_GROW_START, math.ceil(landmarks.mav_low / 2)))


def maintenance_sets(landmarks: Landmarks, *, chosen: bool = False) -> int:
    """Weekly sets that maintain a group (DOMAIN §10): MV. A group whose MV is 0 gets no sets,
    unless the user chose an exercise for it: then one exercise's worth (2 sets)."""
    if chosen:
        return max(landmarks.mv, MIN_SETS_PER_EXERCISE)
    return landmarks.mv


def pace_limit(sets: float) -> int:
    """The most a week may add after a week of `sets` (DOMAIN §4)."""
    return max(PACE_SETS, math.floor(sets * PACE_SHARE))


def reachable(first: int, steps: int) -> int:
    """The highest week `steps` weeks after a week of `first` sets, at full pace."""
    sets = first
    for _ in range(steps):
        sets += pace_limit(sets)
    return sets


def level_ramp(level: str, landmarks: Landmarks, start_offset: int = 0) -> tuple[int, int]:
    """(first, last) week of a grown group's ramp at a level, before the pace limits it (§4):
    beginner MEV → halfway to MRV, intermediate MEV → three quarters, advanced 20 % above MEV →
    MRV. `start_offset` moves the first week (kept within 1 set and MRV); a start above the end
    lifts the end with it."""
    if level not in LEVEL_RAMPS:
        raise ValueError(f"unknown level {level!r}")
    base = start_volume(landmarks)
    room = max(0, landmarks.mrv - base)
    start_fraction, end_fraction = LEVEL_RAMPS[level]
    first = base + math.floor(room * start_fraction + 0.5)
    last = base + math.floor(room * end_fraction)  # rounding down keeps "well below MRV" true
    if start_offset:
        first = min(max(1, first + start_offset), landmarks.mrv)
    return first, max(last, first)


def full_ramp_end(level: str, landmarks: Landmarks, weeks: int, start_offset: int = 0) -> int:
    """The last accumulation week of a grown group's full ramp: the level's end, as far as the
    pace reaches in `weeks` weeks (a short mesocycle ends lower than a long one)."""
    first, last = level_ramp(level, landmarks, start_offset)
    return max(first, min(last, reachable(first, weeks - 1)))


def weekly_targets(level: str, landmarks: Landmarks, weeks: int, start_offset: int = 0,
                   end: int | None = None) -> list[int]:
    """A grown group's weekly sets over the accumulation weeks (DOMAIN §4): from the level's
    first week to `end` (default: the full ramp's end), close to a straight line, never down,
    never faster than the pace allows.

    Back (MEV 10, MRV 25), 6 weeks: beginner 10 → 17, intermediate 10 → 21, advanced 13 → 25;
    intermediate 3 weeks: 10 → 12 → 14."""
    if weeks < 1:
        raise ValueError("a ramp needs at least one week")
    first, _ = level_ramp(level, landmarks, start_offset)
    full_end = full_ramp_end(level, landmarks, weeks, start_offset)
    last = max(first, min(full_end if end is None else end, reachable(first, weeks - 1)))
    targets = [first]
    for week in range(1, weeks):
        previous, remaining = targets[-1], weeks - 1 - week
        straight = first + math.floor((last - first) * week / (weeks - 1) + 0.5)
        needed = _lowest_start_reaching(last, remaining, previous)
        targets.append(min(previous + pace_limit(previous), max(previous, straight, needed)))
    return targets


def _lowest_start_reaching(target: int, steps: int, floor: int) -> int:
    """The fewest sets, from `floor` up, from which `steps` weeks at full pace reach `target`."""
    low, high = floor, max(floor, target)
    while low < high:
        middle = (low + high) // 2
        if reachable(middle, steps) >= target:
            high = middle
        else:
            low = middle + 1
    return low


# The least of its full rise a grown group keeps when the budget lowers its end: growing fewer
# muscles with real ramps beats growing many by a set or two (DOMAIN §10).
LOWEST_RISE_SHARE = 0.75


def lowest_grown_end(first: int, full_end: int) -> int:
    """How far the budget may lower a grown group's end (DOMAIN §10): it keeps three quarters
    of its full rise, and at least 2 sets of it when the full ramp has them — a muscle the plan
    grows really ramps."""
    rise = full_end - first
    return first + min(rise, max(PACE_SETS, math.ceil(rise * LOWEST_RISE_SHARE)))


def rir_targets(weeks: int) -> list[int]:
    """Reps in reserve per accumulation week, 3 → 0, rounded up so the early weeks stay easier:
    3 weeks 3,2,0; 4 weeks 3,2,1,0; 6 weeks 3,3,2,2,1,0."""
    if weeks <= 1:
        return [START_RIR] * weeks
    steps = weeks - 1
    return [-(-START_RIR * (steps - week) // steps) for week in range(weeks)]


def deload_sets(peak: int) -> int:
    """A deload week's sets for a group from its peak week's (DOMAIN §4): about half, at least
    one set for a trained group."""
    if peak <= 0:
        return 0
    return max(1, math.floor(peak * DELOAD_SHARE + 0.5))
