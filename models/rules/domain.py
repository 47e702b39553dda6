"""The training domain as plain data: muscle groups, landmarks, statuses, units, formulas.

Nothing here touches the database or Qt; every rule of ../shared/DOMAIN.md that is a constant or a
small formula lives here so the generator, the gauges, the charts and the command line agree.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from models.rules.limits import SETTING_CHOICES

LB_TO_KG = 0.45359237

# Keys are the DOMAIN §2 names in lower case with underscores; order is the table's order.
MUSCLE_GROUPS: tuple[str, ...] = (
    "back", "chest", "quads", "hamstrings", "glutes", "biceps", "triceps",
    "side_delts", "rear_delts", "front_delts", "calves", "abs", "traps", "forearms",
)

WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


SET_KINDS: tuple[str, ...] = ("warmup", "working", "drop", "failure")

SESSION_STATUSES: tuple[str, ...] = ("planned", "done", "skipped")

EQUIPMENT: tuple[str, ...] = (
    "barbell", "dumbbell", "cable", "machine", "bodyweight", "smith_machine",
    "ez_bar", "kettlebell", "band", "trap_bar",
)

PATTERNS: tuple[str, ...] = (
    "horizontal_pull", "vertical_pull", "horizontal_push", "vertical_push", "squat", "hinge",
    "lunge", "knee_flexion", "knee_extension", "hip_extension", "hip_abduction", "elbow_flexion",
    "elbow_extension", "lateral_raise", "front_raise", "rear_delt_fly", "chest_fly", "shrug",
    "calf_raise", "core_flexion", "core_stability", "core_rotation", "wrist_flexion",
    "wrist_extension", "grip",
)

# Load step per equipment, in kilograms and in pounds (DOMAIN §4: barbell 2.5 kg / 5 lb,
# dumbbell pair step, cable/machine stack step). Bodyweight and bands progress by reps.
EQUIPMENT_LOAD_STEPS: dict[str, tuple[float, float]] = {
    "barbell": (2.5, 5.0),
    "dumbbell": (2.0, 5.0),
    "cable": (2.5, 5.0),
    "machine": (5.0, 10.0),
    "bodyweight": (0.0, 0.0),
    "smith_machine": (2.5, 5.0),
    "ez_bar": (2.5, 5.0),
    "kettlebell": (4.0, 10.0),
    "band": (0.0, 0.0),
    "trap_bar": (2.5, 5.0),
}

# What a secondary set counts for, by counting rule (DOMAIN §2).
COUNTING_RULES: tuple[str, ...] = SETTING_CHOICES["secondary_rule"]
SECONDARY_RULES: dict[str, float] = dict(zip(COUNTING_RULES, (0.5, 0.0), strict=True))

# Multi-joint movement patterns (DOMAIN §10: compounds before isolation, longer rest, warm-ups).
COMPOUND_PATTERNS: frozenset[str] = frozenset({
    "horizontal_pull", "vertical_pull", "horizontal_push", "vertical_push", "squat", "hinge",
    "lunge", "hip_extension",
})

# Session length (DOMAIN §10), in minutes: rest per working set, ~45 s of work per set, two
# one-minute warm-up sets before each compound exercise, one minute to change exercise.
REST_MINUTES = {"compound": 2.5, "isolation": 1.5}
WORK_MINUTES_PER_SET = 0.75
WARMUP_MINUTES_PER_COMPOUND = 2.0
CHANGE_MINUTES = 1.0


def is_compound(pattern: str, secondary: Iterable[str] = ("biceps",)) -> bool:
    """A multi-joint lift. A vertical pull that leaves the biceps out (a pullover, a
    straight-arm pulldown) moves the shoulder alone: isolation."""
    if pattern == "vertical_pull":
        return "biceps" in secondary
    return pattern in COMPOUND_PATTERNS


def session_minutes(exercises: Iterable[tuple[str, Iterable[str], int]]) -> int:
    """Estimated minutes of a session from (movement pattern, secondary groups, working sets)
    per exercise, rounded to the nearest minute; exercises with no set take no time."""
    total = 0.0
    for pattern, secondary, sets in exercises:
        if sets <= 0:
            continue
        compound = is_compound(pattern, secondary)
        rest = REST_MINUTES["compound" if compound else "isolation"]
        total += sets * (rest + WORK_MINUTES_PER_SET) + CHANGE_MINUTES
        total += WARMUP_MINUTES_PER_COMPOUND if compound else 0.0
    return math.floor(total + 0.5)


def set_weights(primary: str | None, secondary: Iterable[str],
                rule: str) -> tuple[tuple[str, float], ...]:
    """(group, sets counted per working set) for an exercise under a counting rule (DOMAIN §1):
    1 for the primary group, the rule's weight for each secondary group."""
    weight = SECONDARY_RULES[rule]
    weights = [(primary, 1.0)] if primary else []
    if weight:
        weights.extend((group, weight) for group in secondary if group != primary)
    return tuple(weights)


def group_label(key: str) -> str:
    """'side_delts' -> 'Side delts', as the DOMAIN table writes it."""
    return key.replace("_", " ").capitalize()


@dataclass(frozen=True)
class Landmarks:
    """Weekly hard-set landmarks of one muscle group (DOMAIN §2)."""

    mv: int
    mev: int
    mav_low: int
    mav_high: int
    mrv: int
    freq_min: int = 2
    freq_max: int = 4

    def problems(self) -> list[str]:
        """Every way these numbers break MV ≤ MEV ≤ MAV low ≤ MAV high ≤ MRV, as sentences."""
        found = []
        values = [("MV", self.mv), ("MEV", self.mev), ("MAV low", self.mav_low),
                  ("MAV high", self.mav_high), ("MRV", self.mrv)]
        for name, value in values:
            if not 0 <= value <= 60:
                found.append(f"{name} must be between 0 and 60 sets (is {value})")
        for (lo_name, lo), (hi_name, hi) in pairwise(values):
            if lo > hi:
                found.append(f"{lo_name} ({lo}) must not be above {hi_name} ({hi})")
        if not 1 <= self.freq_min <= self.freq_max <= 7:
            found.append(
                f"frequency {self.freq_min}–{self.freq_max} must satisfy 1 ≤ min ≤ max ≤ 7")
        return found


DEFAULT_LANDMARKS: dict[str, Landmarks] = {
    "back": Landmarks(8, 10, 14, 22, 25, 2, 4),
    "chest": Landmarks(8, 10, 12, 20, 22, 2, 4),
    "quads": Landmarks(6, 8, 12, 18, 20, 1, 3),
    "hamstrings": Landmarks(4, 6, 10, 16, 20, 2, 3),
    "glutes": Landmarks(0, 0, 4, 12, 16, 2, 3),
    "biceps": Landmarks(6, 8, 14, 20, 26, 2, 6),
    "triceps": Landmarks(4, 6, 10, 14, 18, 2, 4),
    "side_delts": Landmarks(6, 8, 16, 22, 26, 2, 6),
    "rear_delts": Landmarks(0, 6, 12, 18, 22, 2, 6),
    "front_delts": Landmarks(0, 0, 6, 8, 12, 1, 2),
    "calves": Landmarks(6, 8, 12, 16, 20, 2, 4),
    "abs": Landmarks(0, 0, 16, 20, 25, 3, 5),
    "traps": Landmarks(0, 0, 12, 20, 26, 2, 6),
    "forearms": Landmarks(0, 0, 10, 16, 20, 2, 6),
}


class Status(StrEnum):
    """Where a week's sets sit against the landmarks (DOMAIN §2), worst to best to too much."""

    NOT_MAINTAINING = "not maintaining"
    MAINTENANCE = "maintenance"
    PRODUCTIVE = "productive"
    OPTIMAL = "optimal"
    HIGH = "high"
    OVER_MRV = "over MRV"


# Each status's colour, the same in every gauge, chart band and calendar badge, is the UI's:
# ui/theme.py's status palette, tuned for light and dark.


def landmark_bands(lm: Landmarks) -> list[tuple[float, float, Status]]:
    """(from, to, status) spans of the scale, left to right, in sets."""
    top = max(lm.mrv * 1.2, lm.mrv + 3)
    spans = [(0, lm.mv, Status.NOT_MAINTAINING), (lm.mv, lm.mev, Status.MAINTENANCE),
             (lm.mev, lm.mav_low, Status.PRODUCTIVE), (lm.mav_low, lm.mav_high, Status.OPTIMAL),
             (lm.mav_high, lm.mrv, Status.HIGH), (lm.mrv, top, Status.OVER_MRV)]
    return [(lo, hi, status) for lo, hi, status in spans if hi > lo]


def volume_status(sets: float, lm: Landmarks) -> Status:
    """Status of a weekly set count. Boundaries: below MV, [MV, MEV), [MEV, MAV low),
    [MAV low, MAV high], (MAV high, MRV], above MRV."""
    if sets > lm.mrv:
        return Status.OVER_MRV
    if sets > lm.mav_high:
        return Status.HIGH
    # Zero sets is never "productive", even for groups whose MEV is 0 (glutes, abs...).
    if sets >= lm.mav_low and sets > 0:
        return Status.OPTIMAL
    if sets >= lm.mev and sets > 0:
        return Status.PRODUCTIVE
    if sets >= lm.mv:
        return Status.MAINTENANCE
    return Status.NOT_MAINTAINING


def is_within_landmarks(sets: float, lm: Landmarks) -> bool:
    """True when the week is in the productive range: from MEV to MRV inclusive."""
    return volume_status(sets, lm) in (Status.PRODUCTIVE, Status.OPTIMAL, Status.HIGH)


def estimated_1rm(load_kg: float, reps: int) -> float:
    """Epley: load × (1 + reps / 30). A single is its own 1RM; zero reps estimate nothing."""
    if reps <= 0 or load_kg <= 0:
        return 0.0
    if reps == 1:
        return float(load_kg)
    return load_kg * (1 + reps / 30)


def kg_to_unit(kg: float, unit: str) -> float:
    return kg if unit == "kg" else kg / LB_TO_KG


def unit_to_kg(value: float, unit: str) -> float:
    return value if unit == "kg" else value * LB_TO_KG


# A negative load (an assisted exercise's help) is written with a true minus sign: −20 kg.
MINUS = "\u2212"


def plain_number(value: float) -> str:
    """A number as the command line writes it: at most two decimals, no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


# How a number is written: plain_number here and on the command line; the window passes its
# locale's (ui/locale_text.py: '82,5' in German).
NumberText = Callable[[float], str]


def format_load(kg: float, unit: str, number: NumberText = plain_number) -> str:
    """A load for display: at most two decimals, no trailing zeros, with its unit; a negative
    one (assistance) with a minus sign: '−20 kg'."""
    value = round(kg_to_unit(kg, unit), 2)
    return f"{MINUS if value < 0 else ''}{number(abs(value))} {unit}"


def format_load_or_bw(kg: float | None, unit: str, number: NumberText = plain_number) -> str:
    """A set's load for display: 'BW' for none (bodyweight), else format_load()."""
    return format_load(kg, unit, number) if kg else "BW"


# --- sets: timed, assisted, and how one is written -----------------------------------------------

def is_timed(reps: int, seconds: int | None) -> bool:
    """A timed set: held for a time, not counted in reps (a plank: 0 reps, 60 s)."""
    return not reps and bool(seconds)


def is_assisted(name: str) -> bool:
    """An assisted exercise — a machine or a band takes part of the bodyweight — whose load is
    negative: the help given (−20 kg). Its name says so: 'Assisted Pull-Up', 'Band-Assisted
    Pull-Up', a user's own 'Assisted Dip'."""
    return "assisted" in name.casefold()


# Equipment whose sets are done without an external load as a matter of course: a set with no
# load is a bodyweight set ("BW"). An exercise without equipment (a user's own) is treated so too.
BODYWEIGHT_EQUIPMENT: tuple[str, ...] = ("bodyweight", "band", "")


def load_kind(exercise: ExerciseInfo) -> str:
    """How an exercise's sets are loaded: "assisted" (a negative load is the help; 0 or none is
    bodyweight), "bodyweight" (no load is a real set; load may be added) or "loaded" (every set
    has a load: a squat is never "BW × 5")."""
    if is_assisted(exercise.name):
        return "assisted"
    return "bodyweight" if exercise.equipment in BODYWEIGHT_EQUIPMENT else "loaded"


def format_measure(reps: int, seconds: int | None) -> str:
    """What a set did, without its load: '8' (reps), '60 s' (timed), '8 in 40 s'."""
    if is_timed(reps, seconds):
        return f"{seconds} s"
    return f"{reps} in {seconds} s" if seconds else str(reps)


def format_set(load_kg: float | None, reps: int, seconds: int | None, unit: str,
               number: NumberText = plain_number) -> str:
    """One set for display, the one way sets are written: '82.5 kg × 6', 'BW × 10', '60 s',
    '20 kg × 60 s', '−20 kg × 8' (assisted)."""
    return format_sets(load_kg, [(reps, seconds)], unit, number)


def format_sets(load_kg: float | None, measures: Iterable[tuple[int, int | None]],
                unit: str, number: NumberText = plain_number) -> str:
    """Sets at one load: '80 kg × 10, 10, 9', '60 s, 45 s' (timed, no load), '20 kg × 60 s'."""
    measures = list(measures)
    text = ", ".join(format_measure(reps, seconds) for reps, seconds in measures)
    if not load_kg and measures and all(is_timed(r, s) for r, s in measures):
        return text  # a hold without a load needs no "BW ×"
    return f"{format_load_or_bw(load_kg, unit, number)} × {text}"



def parse_tempo(text: str) -> tuple[int, int, int, int] | None:
    """'3-1-1-0' -> (3, 1, 1, 0); anything else -> None. 'X' (explosive) reads as 0."""
    parts = text.strip().upper().split("-")
    if len(parts) != 4:
        return None
    try:
        values = tuple(0 if p == "X" else int(p) for p in parts)
    except ValueError:
        return None
    if any(v < 0 or v > 20 for v in values):
        return None
    return values  # type: ignore[return-value]


@dataclass(frozen=True)
class ExerciseInfo:
    """An exercise as plain data: what the generator, progression and importers work with.

    `id` is the database id, or None for an exercise that is not stored (e.g. straight from the
    shipped library file)."""

    name: str
    primary: str | None
    secondary: tuple[str, ...] = ()
    pattern: str = ""
    equipment: str = ""
    rep_low: int = 8
    rep_high: int = 12
    tempo: str = "2-0-1-0"
    load_step_kg: float = 2.5
    load_step_lb: float = 5.0
    rest_seconds: int = 120
    aliases: tuple[str, ...] = ()
    key: str | None = None
    id: int | None = None
