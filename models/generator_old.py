"""The mesocycle generator: from a few answers to weeks of dated sessions (DOMAIN §3, §4, §6).

Pure Python over plain data: no Qt, no database. A `PlanRequest` goes in, a `Plan` comes out, and
every rule of the domain the plan could not keep comes with it as a `PlanWarning` — never silently.

How a plan is made, in the order of the code below:
1. Weekly targets per group. `grow` ramps from a start to an end set by the level (§4): beginner
   MEV → halfway to MRV, intermediate MEV → three quarters, advanced 20 % above MEV → MRV. Groups
   whose MEV is 0 (glutes, front delts, abs, traps, forearms) start from half of MAV low, at least
   2 sets, so "grow" means real work. `maintain` holds a constant dose between MV and that start.
   A request's `start_offsets` (the last mesocycle's feedback) move a group's first week.
2. Sessions. The split (full body, upper/lower, push/pull/legs) names each training day; each
   group then gets a set of days, chosen in this order of importance: at least two sessions a
   week (training a muscle more than once beats once), 48 hours between them, the user's
   exercise choices, the table's frequency range (clipped to 2–4), room for the first week's sets
   under the session cap, the split's own days, room for the sets under 12 per session, and
   finally the lighter days.
3. Caps. The last accumulation week (the biggest) is fitted under 25 working sets per session and
   12 per group per session, trimming groups in proportion to their start; every other week
   takes min(target, that fitted value), so caps never make a ramp go down. What the caps take
   is named in a warning.
4. Exercises. Per group, the library's staples (it lists them first) rotate over the group's
   sessions by movement pattern — for back a row in one session and a pulldown in the next, both
   in one session when back has only one. The user's choices replace the default picks.
5. Weeks. Plan weeks are 7-day blocks counted from `start` itself, so every week holds every
   chosen day once and the first session is the first chosen weekday on or after `start`; start
   on a Monday to line plan weeks up with the ISO weeks the gauges count. RIR falls from 3 to 0
   over the accumulation weeks; the optional deload week repeats week 1 at half the sets, RIR 5.
6. Check. `check_plan` audits the finished plan against every rule and names what broke.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from itertools import combinations, pairwise

from models.domain import (
    DEFAULT_LANDMARKS,
    LEVELS,
    MUSCLE_GROUPS,
    WEEKDAYS,
    ExerciseInfo,
    Landmarks,
    group_label,
)

SESSION_SET_CAP = 25  # working sets per session, all groups (DOMAIN §3)
GROUP_SESSION_CAP = 12  # sets per group per session; beyond this the extra sets are junk
MIN_DAYS_APART = 2  # 48 hours between two sessions training a group as primary
FREQUENCY_LIMITS = (2, 4)  # sessions per group per week; the table's ranges are clipped to this
MIN_ACCUMULATION_WEEKS, MAX_ACCUMULATION_WEEKS = 3, 12
START_RIR = 3
DELOAD_RIR = 5
SETS_PER_EXERCISE = 6  # a group with more sets in one session gets a second exercise there

PRIORITIES: tuple[str, ...] = ("grow", "maintain", "skip")
SPLITS: tuple[str, ...] = ("auto", "full_body", "upper_lower", "push_pull_legs")

# Stable warning codes; the UI and the command line may key on them.
RULES: dict[str, str] = {
    "frequency": "each trained group in 2–4 sessions a week (its table range)",
    "spacing_48h": "48 hours between two sessions training the same group",
    "session_cap": f"at most {SESSION_SET_CAP} working sets per session",
    "group_session_cap": f"at most {GROUP_SESSION_CAP} sets per group per session",
    "back_balance": "rows and pulldowns for the back every week",
    "no_exercise": "every trained group has an exercise in the library",
    "range": "grow between MEV and MRV, maintain between MV and MEV",
    "ramp": "weekly sets never go down during accumulation",
    "choice": "the user's exercise choices are used",
}

# The weekly rotation of session kinds for each split, and which groups each kind trains.
SPLIT_CYCLES: dict[str, tuple[str, ...]] = {
    "full_body": ("full_body",),
    "upper_lower": ("upper", "lower"),
    "push_pull_legs": ("push", "pull", "legs"),
}
_LOWER = ("quads", "hamstrings", "glutes", "calves", "abs")
SESSION_GROUPS: dict[str, tuple[str, ...]] = {
    "full_body": MUSCLE_GROUPS,
    "upper": ("back", "chest", "biceps", "triceps", "side_delts", "rear_delts", "front_delts",
              "traps", "forearms"),
    "lower": _LOWER,
    "push": ("chest", "triceps", "side_delts", "front_delts"),
    "pull": ("back", "biceps", "rear_delts", "traps", "forearms"),
    "legs": _LOWER,
}
SESSION_TITLES: dict[str, str] = {
    "full_body": "Full body", "upper": "Upper", "lower": "Lower",
    "push": "Push", "pull": "Pull", "legs": "Legs",
}

# Movement patterns a group's default exercises rotate through, most useful first (DOMAIN §6).
# Patterns not listed are used only when the library has none of these for the group.
PREFERRED_PATTERNS: dict[str, tuple[str, ...]] = {
    "back": ("horizontal_pull", "vertical_pull"),
    "chest": ("horizontal_push", "chest_fly"),
    "quads": ("squat", "knee_extension", "lunge"),
    "hamstrings": ("hinge", "knee_flexion"),
    "glutes": ("hip_extension", "lunge", "hip_abduction"),
    "biceps": ("elbow_flexion",),
    "triceps": ("elbow_extension", "horizontal_push"),
    "side_delts": ("lateral_raise",),
    "rear_delts": ("rear_delt_fly",),
    "front_delts": ("vertical_push", "front_raise"),
    "calves": ("calf_raise",),
    "abs": ("core_flexion", "core_stability", "core_rotation"),
    "traps": ("shrug",),
    "forearms": ("wrist_flexion", "wrist_extension"),
}
# Patterns a group must see every week (DOMAIN §6: rows and pulldowns for the back).
REQUIRED_PATTERNS: dict[str, tuple[str, ...]] = {"back": ("horizontal_pull", "vertical_pull")}
PATTERN_NAMES = {"horizontal_pull": "row", "vertical_pull": "pulldown/pullover"}

# Where each level's ramp starts and ends, as fractions of the way from the start volume to MRV.
LEVEL_RAMPS: dict[str, tuple[float, float]] = {
    "beginner": (0.0, 0.5),
    "intermediate": (0.0, 0.75),
    "advanced": (0.2, 1.0),
}

_DAY_INDEX = {day: index for index, day in enumerate(WEEKDAYS)}
_GROUP_INDEX = {group: index for index, group in enumerate(MUSCLE_GROUPS)}


# --- The request -----------------------------------------------------------------------------

@dataclass(frozen=True)
class ExerciseChoices:
    """What the user picked in the wizard; each choice overrides the default pick.

    by_day: weekday -> exercise names for that day's session, in the order to do them. Each
        named exercise pins its primary group to that day when the 48-hour rule allows.
    by_group: group -> exercise names to rotate through that group's sessions instead of the
        library's staples (days with a by_day choice for the group keep that choice).
    Names match the library's names, aliases or keys, ignoring case."""

    by_day: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    by_group: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class PlanRequest:
    """Everything the generator needs. Groups missing from `priorities` grow; groups missing
    from `landmarks` use DEFAULT_LANDMARKS. `library` is the shipped library plus the user's own
    exercises (plain ExerciseInfo), so the generator itself reads no file."""

    level: str
    days: tuple[str, ...]
    weeks: int
    start: date
    library: tuple[ExerciseInfo, ...]
    deload: bool = True
    priorities: Mapping[str, str] = field(default_factory=dict)
    split: str = "auto"
    exercise_choices: ExerciseChoices = field(default_factory=ExerciseChoices)
    landmarks: Mapping[str, Landmarks] = field(default_factory=lambda: dict(DEFAULT_LANDMARKS))
    # Sets added to (or taken from) a `grow` group's first week, e.g. from the last
    # mesocycle's feedback (models.autoregulation.next_mesocycle_start); the ramp's end stays.
    start_offsets: Mapping[str, int] = field(default_factory=dict)

    def priority(self, group: str) -> str:
        return self.priorities.get(group, "grow")

    def landmarks_for(self, group: str) -> Landmarks:
        return self.landmarks.get(group, DEFAULT_LANDMARKS[group])

    def training_days(self) -> tuple[str, ...]:
        """The chosen days, each once, Monday first."""
        return tuple(sorted(set(self.days), key=_DAY_INDEX.__getitem__))

    def problems(self) -> list[str]:
        """Every way this request is malformed, as sentences (empty when it can be planned)."""
        found = []
        if self.level not in LEVELS:
            found.append(f"level must be one of {', '.join(LEVELS)} (is {self.level!r})")
        if not self.days:
            found.append("choose at least one training day")
        unknown_days = [day for day in self.days if day not in _DAY_INDEX]
        if unknown_days:
            found.append(f"unknown weekdays {unknown_days}; use {', '.join(WEEKDAYS)}")
        if not MIN_ACCUMULATION_WEEKS <= self.weeks <= MAX_ACCUMULATION_WEEKS:
            found.append(f"accumulation weeks must be {MIN_ACCUMULATION_WEEKS}–"
                         f"{MAX_ACCUMULATION_WEEKS} (is {self.weeks})")
        if self.split not in SPLITS:
            found.append(f"split must be one of {', '.join(SPLITS)} (is {self.split!r})")
        for group, priority in self.priorities.items():
            if group not in _GROUP_INDEX:
                found.append(f"unknown muscle group {group!r} in priorities")
            elif priority not in PRIORITIES:
                found.append(f"{group}: priority must be one of {', '.join(PRIORITIES)}")
        for group in self.start_offsets:
            if group not in _GROUP_INDEX:
                found.append(f"unknown muscle group {group!r} in start offsets")
        for group, landmarks in self.landmarks.items():
            if group not in _GROUP_INDEX:
                found.append(f"unknown muscle group {group!r} in landmarks")
            else:
                found.extend(f"{group}: {problem}" for problem in landmarks.problems())
        return found


# --- The result ------------------------------------------------------------------------------

@dataclass(frozen=True)
class PlanWarning:
    """A rule the plan could not keep. `rule` is a stable code from RULES."""

    rule: str
    message: str


@dataclass(frozen=True)
class PlannedExercise:
    name: str
    primary: str
    secondary: tuple[str, ...]
    pattern: str
    sets: int
    rep_low: int
    rep_high: int
    rir: int
    tempo: str
    key: str | None = None  # the library key, to link the exercise when the plan is saved


@dataclass(frozen=True)
class PlannedSession:
    weekday: str
    date: date
    name: str
    exercises: tuple[PlannedExercise, ...]

    def sets_for(self, group: str) -> int:
        """Working sets with `group` as primary."""
        return sum(exercise.sets for exercise in self.exercises if exercise.primary == group)

    def sets_by_group(self) -> dict[str, int]:
        """Working sets per primary group, for the groups this session trains."""
        totals: dict[str, int] = defaultdict(int)
        for exercise in self.exercises:
            totals[exercise.primary] += exercise.sets
        return dict(totals)

    @property
    def total_sets(self) -> int:
        return sum(exercise.sets for exercise in self.exercises)


@dataclass(frozen=True)
class PlanWeek:
    number: int
    deload: bool
    rir: int
    sets_per_muscle: Mapping[str, int]  # direct sets (primary group), every group, table order
    sessions: tuple[PlannedSession, ...]


@dataclass(frozen=True)
class SessionSlot:
    """One training day of the week: what a wizard shows as "which groups on which day"."""

    weekday: str
    name: str
    kind: str
    groups: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    level: str
    days: tuple[str, ...]
    split: str
    start: date
    layout: tuple[SessionSlot, ...]
    weeks: tuple[PlanWeek, ...]
    warnings: tuple[PlanWarning, ...]

    @property
    def accumulation_weeks(self) -> tuple[PlanWeek, ...]:
        return tuple(week for week in self.weeks if not week.deload)

    def rules_broken(self) -> set[str]:
        return {warning.rule for warning in self.warnings}


# --- Public functions ------------------------------------------------------------------------

def choose_split(days: Iterable[str]) -> str:
    """The split for a number of training days: up to 3 full body, 4–5 upper/lower, 6–7 PPL."""
    count = len(set(days))
    if count <= 3:
        return "full_body"
    if count <= 5:
        return "upper_lower"
    return "push_pull_legs"


def start_volume(landmarks: Landmarks) -> int:
    """The weekly sets a `grow` ramp starts from before the level's offset: MEV; for groups
    whose MEV is 0, half of MAV low and at least 2 sets. Never above MRV."""
    if landmarks.mev > 0:
        return min(landmarks.mev, landmarks.mrv)
    return min(landmarks.mrv, max(2, math.ceil(landmarks.mav_low / 2)))


def maintenance_sets(landmarks: Landmarks) -> int:
    """Weekly sets for a `maintain` group: MV, or half the start volume when that is more, and at
    least 2 (two sessions of one set) — never above the start volume unless MV is."""
    base = start_volume(landmarks)
    return max(landmarks.mv, min(base, max(2, math.ceil(base / 2))))


def weekly_targets(level: str, landmarks: Landmarks, weeks: int,
                   start_offset: int = 0) -> list[int]:
    """A `grow` group's weekly sets over the accumulation weeks, never decreasing (DOMAIN §4).

    Back (MEV 10, MRV 25), 6 weeks: beginner 10 → 17, intermediate 10 → 21, advanced 13 → 25.
    `start_offset` moves the first week (kept within 1 set and MRV) and the ramp re-spreads to
    the same end; a start above the end lifts the end with it."""
    if level not in LEVEL_RAMPS:
        raise ValueError(f"unknown level {level!r}")
    if weeks < 1:
        raise ValueError("a ramp needs at least one week")
    base = start_volume(landmarks)
    room = max(0, landmarks.mrv - base)
    start_fraction, end_fraction = LEVEL_RAMPS[level]
    first = base + _round_half_up(room * start_fraction)
    last = base + math.floor(room * end_fraction)  # rounding down keeps "well below MRV" true
    if start_offset:
        first = min(max(1, first + start_offset), landmarks.mrv)
        last = max(last, first)
    if weeks == 1:
        return [first]
    rise, steps = last - first, weeks - 1
    # Integer rounding half up of first + rise * week / steps: exact, hence never decreasing.
    return [first + (2 * rise * week + steps) // (2 * steps) for week in range(weeks)]


def rir_targets(weeks: int) -> list[int]:
    """Reps in reserve per accumulation week, 3 → 0, rounded up so the early weeks stay easier:
    3 weeks 3,2,0; 4 weeks 3,2,1,0; 6 weeks 3,3,2,2,1,0."""
    if weeks <= 1:
        return [START_RIR] * weeks
    steps = weeks - 1
    return [-(-START_RIR * (steps - week) // steps) for week in range(weeks)]


def session_layout(request: PlanRequest) -> tuple[SessionSlot, ...]:
    """Which groups train on which day, for a wizard to show before the plan is generated."""
    _raise_on_problems(request)
    return _Blueprint(request).layout


def generate_plan(request: PlanRequest) -> Plan:
    """The whole mesocycle, with a warning for each rule it could not keep.

    Raises ValueError when the request itself is malformed (see PlanRequest.problems)."""
    _raise_on_problems(request)
    blueprint = _Blueprint(request)
    plan = Plan(
        level=request.level,
        days=request.training_days(),
        split=blueprint.split,
        start=request.start,
        layout=blueprint.layout,
        weeks=tuple(_build_weeks(request, blueprint)),
        warnings=(),
    )
    warnings = _unique(blueprint.warnings + _dropped_choices(plan, blueprint)
                       + check_plan(plan, request))
    return replace(plan, warnings=tuple(warnings))


def check_plan(plan: Plan, request: PlanRequest) -> list[PlanWarning]:
    """Every rule the plan breaks, as warnings naming the groups, days or weeks. Works on any
    plan — also one the user edited — judged by the request's priorities and landmarks."""
    context = _CheckContext(plan, request)
    return [
        *_check_frequency(context),
        *_check_spacing(context),
        *_check_caps(context),
        *_check_back_balance(context),
        *_check_volume_range(context),
    ]


def plan_to_dict(plan: Plan) -> dict:
    """The plan as JSON-ready data (the command line's shape)."""
    return {
        "level": plan.level,
        "days": list(plan.days),
        "split": plan.split,
        "start": plan.start.isoformat(),
        "warnings": [{"rule": w.rule, "message": w.message} for w in plan.warnings],
        "weeks": [_week_to_dict(week) for week in plan.weeks],
    }


# --- Building the plan -----------------------------------------------------------------------

class _Blueprint:
    """One week's template, worked out once: targets, days per group, caps, exercises."""

    def __init__(self, request: PlanRequest) -> None:
        self.request = request
        self.days = request.training_days()
        self.split = choose_split(self.days) if request.split == "auto" else request.split
        self.warnings: list[PlanWarning] = []
        self.user_pools: set[str] = set()  # groups whose exercises the user chose (by_group)
        self.kinds = _session_kinds(self.days, self.split)
        names = _ExerciseNames(request.library)
        self.pinned = self._resolve_day_choices(names)
        self.pools = self._exercise_pools(names)
        self.targets = self._targets()  # group -> weekly sets per accumulation week
        self.sessions_of = self._assign_days()
        self.caps, self.ranks, self.last_week_sets = self._fit_caps()
        self.menus = self._pick_exercises()
        self.layout = self._layout()

    # Which exercises a group may use.

    def _resolve_day_choices(self, names: _ExerciseNames) -> dict[str, tuple[ExerciseInfo, ...]]:
        pinned = {}
        for day, chosen in self.request.exercise_choices.by_day.items():
            if day not in self.days:
                self._warn("choice", f"Your exercises for {_day_label(day)} are not used: "
                           f"{_day_label(day)} is not one of the training days.")
                continue
            found = [names.find(name) for name in chosen]
            for name, exercise in zip(chosen, found, strict=True):
                if exercise is None:
                    self._warn("choice", f"Your choice '{name}' for {_day_label(day)} is not in "
                               "the exercise library; it is left out.")
            # dict.fromkeys: naming an exercise twice for a day means the same exercise.
            pinned[day] = tuple(dict.fromkeys(e for e in found if e is not None and e.primary))
        return pinned

    def _exercise_pools(self, names: _ExerciseNames) -> dict[str, tuple[ExerciseInfo, ...]]:
        """Group -> the exercises it may use by default: the user's by_group choice, else the
        library's exercises with that primary group."""
        pools: dict[str, list[ExerciseInfo]] = defaultdict(list)
        for exercise in self.request.library:
            if exercise.primary in _GROUP_INDEX:
                pools[exercise.primary].append(exercise)
        for group, chosen in self.request.exercise_choices.by_group.items():
            picked = []
            for name in chosen:
                exercise = names.find(name)
                if exercise is None or exercise.primary != group:
                    reason = ("is not in the exercise library" if exercise is None
                              else f"trains {group_label(exercise.primary or 'nothing').lower()}"
                                   " as its primary group")
                    self._warn("choice", f"Your choice '{name}' for {_group_name(group)} "
                               f"{reason}; it is left out.")
                else:
                    picked.append(exercise)
            if picked:
                pools[group] = list(dict.fromkeys(picked))
                self.user_pools.add(group)
        return {group: tuple(pool) for group, pool in pools.items()}

    # How many sets each group gets per week.

    def _targets(self) -> dict[str, list[int]]:
        request, targets = self.request, {}
        for group in MUSCLE_GROUPS:
            priority = request.priority(group)
            if priority == "skip":
                continue
            if not self.pools.get(group):
                self._warn("no_exercise", f"No exercise: the library has no exercise with "
                           f"{_group_name(group)} as primary group, so it gets no sets.")
                continue
            landmarks = request.landmarks_for(group)
            if priority == "grow":
                targets[group] = weekly_targets(request.level, landmarks, request.weeks,
                                                request.start_offsets.get(group, 0))
            else:
                targets[group] = [maintenance_sets(landmarks)] * request.weeks
        return {group: weeks for group, weeks in targets.items() if weeks[-1] > 0}

    # Which days each group trains on.

    def _assign_days(self) -> dict[str, tuple[str, ...]]:
        candidates = _day_subsets(self.days)
        load = _ExpectedLoad(self.days)
        pinned_groups: dict[str, set[str]] = defaultdict(set)
        for day, exercises in self.pinned.items():
            for exercise in exercises:
                pinned_groups[exercise.primary].add(day)
        # The table lists big groups first: they get the best days, small ones fill the gaps.
        sessions_of = {}
        for group in self.targets:
            home = {day for day in self.days if group in SESSION_GROUPS[self.kinds[day]]}
            sessions_of[group] = self._best_days(group, candidates, home, pinned_groups[group],
                                                 load)
            load.add(sessions_of[group], self.targets[group])
        return sessions_of

    def _best_days(self, group: str, candidates: list[_DaySubset], home: set[str],
                   pinned: set[str], load: _ExpectedLoad) -> tuple[str, ...]:
        """The group's days. The order of the score's terms is the order of importance (module
        doc), with one addition: before keeping to the split, keep the first week's sets under
        the session cap (e.g. triceps move to the lower days when the upper days are full), so
        the cap does not push groups below MEV when another day has room."""
        low, high = frequency_range(self.request.landmarks_for(group))
        first_week, last_week = self.targets[group][0], self.targets[group][-1]
        wanted = min(max(first_week // 2, low), high)  # about 2+ sets per session in week 1
        room_needed = math.ceil(last_week / GROUP_SESSION_CAP)

        def score(subset: _DaySubset) -> tuple:
            size, days = len(subset.days), subset.day_set
            return (
                min(size, 2),
                subset.spaced,
                len(days & pinned),
                min(size, low),
                -load.start_overflow(subset.days, first_week),
                -load.peak_overflow(subset.days, last_week),
                -len(days - home - pinned),
                min(size, room_needed),
                -abs(size - wanted),
                subset.min_gap,
                -load.last_week_total(subset.days),
            )

        return max((s for s in candidates if len(s.days) <= high), key=score).days

    # Fitting the sets under the caps.

    def _fit_caps(self) -> tuple[dict[str, int], dict[str, tuple[str, ...]],
                                 dict[str, dict[str, int]]]:
        """Fit the last (biggest) accumulation week under both caps; return each group's
        weekly cap, its days ranked for the odd sets, and that week's sets per day."""
        last_target = {group: weeks[-1] for group, weeks in self.targets.items()}
        room = {group: GROUP_SESSION_CAP * len(self.sessions_of[group]) for group in self.targets}
        weekly = {group: min(last_target[group], room[group]) for group in self.targets}
        floor = {group: max(1, weeks[0]) for group, weeks in self.targets.items()}
        load = dict.fromkeys(self.days, 0)
        per_day: dict[str, dict[str, int]] = {}
        for group in sorted(weekly, key=lambda g: (-weekly[g], _GROUP_INDEX[g])):
            per_day[group] = _spread_to_lightest(weekly[group], self.sessions_of[group], load)
            for day, sets in per_day[group].items():
                load[day] += sets
        while max(load.values(), default=0) > SESSION_SET_CAP:
            day = max(self.days, key=load.__getitem__)
            group = _group_to_trim(day, per_day, weekly, floor)
            _trim_group(group, day, per_day[group], load, weekly)
        ranks = {group: tuple(sorted(days, key=lambda d: (-days[d], _DAY_INDEX[d])))
                 for group, days in per_day.items()}
        self._warn_caps(last_target, room, weekly)
        return weekly, ranks, per_day

    def _warn_caps(self, target: dict[str, int], room: dict[str, int],
                   fitted: dict[str, int]) -> None:
        crowded = [g for g in MUSCLE_GROUPS if g in room and room[g] < target[g]]
        if crowded:
            details = ", ".join(
                f"{_group_name(g)} {room[g]} of {target[g]} ({len(self.sessions_of[g])} "
                f"session{_plural(self.sessions_of[g])} × {GROUP_SESSION_CAP})"
                for g in crowded)
            self._warn("group_session_cap", f"At most {GROUP_SESSION_CAP} sets per group per "
                       f"session: the last week gives {details}.")
        squeezed = [g for g in MUSCLE_GROUPS if g in fitted and fitted[g] < min(target[g], room[g])]
        if squeezed:
            details = ", ".join(f"{_group_name(g)} {fitted[g]} of {min(target[g], room[g])}"
                                for g in squeezed)
            self._warn("session_cap", f"At most {SESSION_SET_CAP} working sets per session: "
                       f"the chosen days cannot hold every target, so the last week gives "
                       f"{details} sets (earlier weeks stop at the same number).")

    # Picking exercises.

    def _pick_exercises(self) -> dict[str, tuple[ExerciseInfo, ...]]:
        """Day -> its exercises in order: the user's choices for the day first, then the default
        picks group by group in table order."""
        chosen_on = {day: [e for e in self.pinned.get(day, ()) if self._trains(e.primary, day)]
                     for day in self.days}
        self._warn_unplaced_choices()
        defaults: dict[str, list[ExerciseInfo]] = {day: [] for day in self.days}
        for group in self.sessions_of:
            pinned_days = {day for day in self.days
                           if any(e.primary == group for e in chosen_on[day])}
            free_days = [day for day in self.sessions_of[group]
                         if self._trains(group, day) and day not in pinned_days]
            covered = {e.pattern for day in pinned_days for e in chosen_on[day]
                       if e.primary == group}
            for day, picks in self._rotate(group, free_days, covered).items():
                defaults[day].extend(picks)
        return {day: tuple(chosen_on[day]) + tuple(sorted(
                    defaults[day], key=lambda e: _GROUP_INDEX[e.primary]))
                for day in self.days}

    def _trains(self, group: str | None, day: str) -> bool:
        return self.last_week_sets.get(group, {}).get(day, 0) > 0

    def _warn_unplaced_choices(self) -> None:
        for day, exercises in self.pinned.items():
            for exercise in exercises:
                if self._trains(exercise.primary, day):
                    continue
                group = exercise.primary
                if group not in self.targets:
                    why = f"{_group_name(group)} gets no sets in this plan"
                else:
                    trained = [d for d in self.sessions_of[group] if self._trains(group, d)]
                    why = (f"{_group_name(group)} trains on {_days_label(trained)} "
                           "(the 48-hour rule and frequency come first)")
                self._warn("choice", f"Your choice '{exercise.name}' for {_day_label(day)} is "
                           f"not used: {why}.")

    def _rotate(self, group: str, days: list[str],
                covered: set[str]) -> dict[str, list[ExerciseInfo]]:
        """Default exercises for a group's free days, cycling through its patterns so the
        sessions of one week differ, and covering the group's required patterns."""
        queues = self._pattern_queues(group, covered)
        counts = {day: max(1, math.ceil(self.last_week_sets[group][day] / SETS_PER_EXERCISE))
                  for day in days}
        missing = [p for p in REQUIRED_PATTERNS.get(group, ()) if p not in covered]
        for day in sorted(days, key=lambda d: -self.last_week_sets[group][d]):
            # One session must hold every missing pattern when there are too few sessions.
            while sum(counts.values()) < len(missing) and \
                    counts[day] < self.last_week_sets[group][day]:
                counts[day] += 1
        used = [0] * len(queues)
        cursor, picks = 0, {}
        for day in days:
            picks[day] = []
            for _ in range(counts[day] * len(queues)):  # bounded: skips duplicates at most
                if len(picks[day]) == counts[day]:
                    break
                queue_index = cursor % len(queues)
                queue = queues[queue_index]
                exercise = queue[used[queue_index] % len(queue)]
                used[queue_index] += 1
                cursor += 1
                if exercise not in picks[day]:
                    picks[day].append(exercise)
        return picks

    def _pattern_queues(self, group: str, covered: set[str]) -> list[tuple[ExerciseInfo, ...]]:
        pool = self.pools[group]
        if group in self.user_pools:
            return [pool]  # the user's own list, rotated in the user's order
        by_pattern: dict[str, list[ExerciseInfo]] = defaultdict(list)
        for exercise in pool:
            by_pattern[exercise.pattern].append(exercise)
        patterns = [p for p in PREFERRED_PATTERNS.get(group, ()) if p in by_pattern]
        patterns = patterns or list(by_pattern)
        # Patterns the week still lacks go first, so the first sessions fill the gap.
        missing = [p for p in REQUIRED_PATTERNS.get(group, ()) if p in by_pattern
                   and p not in covered]
        patterns = missing + [p for p in patterns if p not in missing]
        return [tuple(by_pattern[p]) for p in patterns]

    def _layout(self) -> tuple[SessionSlot, ...]:
        names = _session_names(self.days, self.kinds)
        return tuple(
            SessionSlot(day, names[day], self.kinds[day],
                        tuple(g for g in MUSCLE_GROUPS if self._trains(g, day)))
            for day in self.days)

    def _warn(self, rule: str, message: str) -> None:
        self.warnings.append(PlanWarning(rule, message))


def frequency_range(landmarks: Landmarks) -> tuple[int, int]:
    """Sessions per week for a group: its table range clipped to 2–4 (DOMAIN §3)."""
    low, high = FREQUENCY_LIMITS
    return (min(max(landmarks.freq_min, low), high), min(max(landmarks.freq_max, low), high))


class _ExpectedLoad:
    """Sets per day of the groups placed so far, in the first and the last accumulation week,
    assuming each group's sets split evenly over its days."""

    def __init__(self, days: tuple[str, ...]) -> None:
        self.first = dict.fromkeys(days, 0.0)
        self.last = dict.fromkeys(days, 0.0)

    def add(self, days: tuple[str, ...], weekly_targets: list[int]) -> None:
        for day in days:
            self.first[day] += weekly_targets[0] / len(days)
            self.last[day] += weekly_targets[-1] / len(days)

    def start_overflow(self, days: tuple[str, ...], first_week: int) -> float:
        """How many of a group's first-week sets would land above the session cap."""
        return _overflow(self.first, days, first_week)

    def peak_overflow(self, days: tuple[str, ...], last_week: int) -> float:
        """The same for the last accumulation week: a group that still fits in week 1 moves to
        a roomier day when staying home would flatten everyone's ramp under the cap."""
        return _overflow(self.last, days, last_week)

    def last_week_total(self, days: tuple[str, ...]) -> float:
        return sum(self.last[day] for day in days)


def _overflow(per_day: dict[str, float], days: tuple[str, ...], weekly: int) -> float:
    share = weekly / len(days)
    return sum(max(0.0, per_day[d] + share - SESSION_SET_CAP)
               - max(0.0, per_day[d] - SESSION_SET_CAP) for d in days)


@dataclass(frozen=True)
class _DaySubset:
    days: tuple[str, ...]
    spaced: bool  # every two sessions at least MIN_DAYS_APART, across the week's end too
    min_gap: int
    day_set: frozenset[str]


def _day_subsets(days: tuple[str, ...]) -> list[_DaySubset]:
    subsets = []
    for size in range(1, min(len(days), FREQUENCY_LIMITS[1]) + 1):
        for chosen in combinations(days, size):
            gap = min(_circular_gaps(chosen))
            subsets.append(_DaySubset(chosen, gap >= MIN_DAYS_APART, gap, frozenset(chosen)))
    return subsets


def _circular_gaps(days: Iterable[str]) -> list[int]:
    """Days between consecutive sessions, the last one wrapping to next week's first."""
    indexes = sorted(_DAY_INDEX[day] for day in days)
    return [(later - earlier) % 7 or 7
            for earlier, later in zip(indexes, indexes[1:] + indexes[:1], strict=True)]


def _session_kinds(days: tuple[str, ...], split: str) -> dict[str, str]:
    """Day -> session kind, cycling through the split; the cycle's starting point is the one
    that keeps equal kinds furthest apart (e.g. Upper on Mon and Thu rather than Mon and Tue)."""
    cycle = SPLIT_CYCLES[split]

    def kinds_from(offset: int) -> dict[str, str]:
        return {day: cycle[(i + offset) % len(cycle)] for i, day in enumerate(days)}

    def closest_repeat(kinds: dict[str, str]) -> int:
        return min(min(_circular_gaps([d for d in days if kinds[d] == kind]))
                   for kind in set(kinds.values()))

    return max((kinds_from(offset) for offset in range(len(cycle))), key=closest_repeat)


def _session_names(days: tuple[str, ...], kinds: dict[str, str]) -> dict[str, str]:
    """'Upper A', 'Upper B'… when a kind repeats in the week, plain 'Push' when it does not."""
    seen: dict[str, int] = defaultdict(int)
    names = {}
    repeats = {kind: sum(1 for d in days if kinds[d] == kind) for kind in kinds.values()}
    for day in days:
        kind = kinds[day]
        title = SESSION_TITLES[kind]
        names[day] = f"{title} {chr(ord('A') + seen[kind])}" if repeats[kind] > 1 else title
        seen[kind] += 1
    return names


def _spread_to_lightest(total: int, days: tuple[str, ...], load: dict[str, int]) -> dict[str, int]:
    """Even split of `total` over `days`; the odd sets go to the days with the least load."""
    each, extra = divmod(total, len(days))
    lightest = sorted(days, key=lambda d: (load[d], _DAY_INDEX[d]))[:extra]
    return {day: each + (day in lightest) for day in days}


def _spread_ranked(total: int, ranked_days: tuple[str, ...]) -> dict[str, int]:
    """Even split of `total`; the odd sets go to the first days of the ranking. With a fixed
    ranking a smaller total never gives any day more sets, so caps fitted on the biggest week
    hold for every week."""
    each, extra = divmod(total, len(ranked_days))
    return {day: each + (rank < extra) for rank, day in enumerate(ranked_days)}


def _group_to_trim(day: str, per_day: dict[str, dict[str, int]], weekly: dict[str, int],
                   floor: dict[str, int]) -> str:
    """The group to lose a set on an overfull day: the one that stays furthest above its start,
    relative to that start, after the trim (see _trim_group for what a trim costs); then the one
    with the most sets there. Trimming in proportion keeps small groups from vanishing first."""
    candidates = [g for g, days in per_day.items() if days.get(day, 0) > 0]

    def ratio_after_trim(group: str) -> float:
        days = per_day[group]
        top = max(days.values())
        cost = 1 if days[day] == top else 1 + sum(1 for sets in days.values() if sets == top)
        return (weekly[group] - cost) / floor[group]

    return max(candidates, key=lambda g: (ratio_after_trim(g), per_day[g][day],
                                          -_GROUP_INDEX[g]))


def _trim_group(group: str, day: str, days: dict[str, int], load: dict[str, int],
                weekly: dict[str, int]) -> None:
    """Take one set of `group` off `day`, keeping its days within one set of each other: when
    `day` is already below the group's top, every day at the top loses one too."""
    top = max(days.values())
    if days[day] < top:
        for other, sets in days.items():
            if sets == top:
                days[other] -= 1
                load[other] -= 1
                weekly[group] -= 1
    days[day] -= 1
    load[day] -= 1
    weekly[group] -= 1


def _dropped_choices(plan: Plan, blueprint: _Blueprint) -> list[PlanWarning]:
    """A chosen exercise placed on its day can still get no set in a week: its group's sets
    there are split over the day's exercises, and there may be fewer sets than exercises
    (a maintained group, the deload). Say so, naming the weeks."""
    warnings = []
    for day, chosen in blueprint.pinned.items():
        for exercise in chosen:
            if not blueprint._trains(exercise.primary, day):
                continue  # already named by _warn_unplaced_choices
            missing = [week for week in plan.weeks for session in week.sessions
                       if session.weekday == day
                       and exercise.name not in {e.name for e in session.exercises}]
            if missing:
                weeks = ", ".join("the deload" if w.deload else f"week {w.number}"
                                  for w in missing)
                warnings.append(PlanWarning("choice", (
                    f"Your choice '{exercise.name}' for {_day_label(day)} gets no set in "
                    f"{weeks}: {_group_name(exercise.primary)} has fewer sets there than "
                    "exercises chosen.")))
    return warnings


def _build_weeks(request: PlanRequest, blueprint: _Blueprint) -> list[PlanWeek]:
    rirs = rir_targets(request.weeks)
    weeks = []
    for index in range(request.weeks):
        weekly = {g: min(t[index], blueprint.caps[g]) for g, t in blueprint.targets.items()}
        weeks.append(_build_week(request, blueprint, index, weekly, rirs[index], deload=False))
    if request.deload:
        first = {g: min(t[0], blueprint.caps[g]) for g, t in blueprint.targets.items()}
        halved = {g: (sets + 1) // 2 for g, sets in first.items()}  # half, rounded up: ≥ 1
        weeks.append(_build_week(request, blueprint, request.weeks, halved, DELOAD_RIR,
                                 deload=True))
    return weeks


def _build_week(request: PlanRequest, blueprint: _Blueprint, index: int,
                weekly: dict[str, int], rir: int, *, deload: bool) -> PlanWeek:
    per_day = {g: _spread_ranked(sets, blueprint.ranks[g]) for g, sets in weekly.items()}
    block_start = request.start + timedelta(days=7 * index)
    names = {slot.weekday: slot.name for slot in blueprint.layout}
    sessions = []
    for day in blueprint.days:
        offset = (_DAY_INDEX[day] - request.start.weekday()) % 7
        exercises = _session_exercises(blueprint.menus[day], per_day, day, rir)
        sessions.append(PlannedSession(day, block_start + timedelta(days=offset), names[day],
                                       exercises))
    sessions.sort(key=lambda session: session.date)
    sets_per_muscle = dict.fromkeys(MUSCLE_GROUPS, 0)
    for session in sessions:
        for group, sets in session.sets_by_group().items():
            sets_per_muscle[group] += sets
    return PlanWeek(index + 1, deload, rir, sets_per_muscle, tuple(sessions))


def _session_exercises(menu: tuple[ExerciseInfo, ...], per_day: dict[str, dict[str, int]],
                       day: str, rir: int) -> tuple[PlannedExercise, ...]:
    """The day's exercises with this week's sets: a group's sets for the day are split evenly
    over its exercises there, the first ones taking the odd sets; exercises left with no set
    this week are left out."""
    group_size: dict[str, int] = defaultdict(int)
    for exercise in menu:
        group_size[exercise.primary] += 1
    position: dict[str, int] = defaultdict(int)  # the exercise's place among its group's
    planned = []
    for exercise in menu:
        group = exercise.primary
        each, extra = divmod(per_day.get(group, {}).get(day, 0), group_size[group])
        sets = each + (position[group] < extra)
        position[group] += 1
        if sets:
            planned.append(PlannedExercise(
                exercise.name, exercise.primary, exercise.secondary, exercise.pattern, sets,
                exercise.rep_low, exercise.rep_high, rir, exercise.tempo, exercise.key))
    return tuple(planned)


class _ExerciseNames:
    """Case-insensitive lookup of the library by name, then alias, then key."""

    def __init__(self, library: tuple[ExerciseInfo, ...]) -> None:
        self._index: dict[str, ExerciseInfo] = {}
        for exercise in library:
            self._index.setdefault(exercise.name.casefold(), exercise)
        for exercise in library:
            for other in (*exercise.aliases, exercise.key or ""):
                if other:
                    self._index.setdefault(other.casefold(), exercise)

    def find(self, name: str) -> ExerciseInfo | None:
        return self._index.get(name.strip().casefold())


# --- Checking a plan -------------------------------------------------------------------------

class _CheckContext:
    """What the checks share: the plan, each group's priority, and sets per session and group."""

    def __init__(self, plan: Plan, request: PlanRequest) -> None:
        self.plan = plan
        self.request = request
        in_library = {e.primary for e in request.library}
        # Groups without any exercise are explained by a "no_exercise" warning instead.
        self.priorities = {g: request.priority(g) if g in in_library else "skip"
                           for g in MUSCLE_GROUPS}
        self.days_label = _days_label(plan.days)
        # (week number, weekday) -> sets per primary group: the checks ask for it many times.
        self._sets = {(week.number, session.weekday): session.sets_by_group()
                      for week in plan.weeks for session in week.sessions}

    def sets(self, week: PlanWeek, session: PlannedSession, group: str) -> int:
        return self._sets[week.number, session.weekday].get(group, 0)


def _check_frequency(context: _CheckContext) -> list[PlanWarning]:
    """Accumulation weeks only: the deload's halved sets may fit fewer sessions on purpose."""
    counts: dict[str, set[int]] = defaultdict(set)
    for week in context.plan.accumulation_weeks:
        for group in MUSCLE_GROUPS:
            sessions = sum(1 for s in week.sessions if context.sets(week, s, group) > 0)
            low, high = frequency_range(context.request.landmarks_for(group))
            if sessions and not low <= sessions <= high:
                counts[group].add(sessions)
    if not counts:
        return []
    details = "; ".join(
        f"{_group_name(g)} {_numbers(counts[g])} "
        f"(wanted {_range_label(frequency_range(context.request.landmarks_for(g)))})"
        for g in MUSCLE_GROUPS if g in counts)
    return [PlanWarning("frequency", (
        f"Frequency (sessions a week per group): {details} — the best the chosen days "
        f"({context.days_label}), the 48-hour rule and the session caps allow."))]


def _check_spacing(context: _CheckContext) -> list[PlanWarning]:
    """Consecutive sessions of a group, over the whole plan, so week boundaries count too."""
    close_pairs: dict[str, set[tuple[str, str]]] = defaultdict(set)
    sessions = [(week, s) for week in context.plan.weeks for s in week.sessions]
    for group in MUSCLE_GROUPS:
        dates = sorted((s.date, s.weekday) for week, s in sessions
                       if context.sets(week, s, group) > 0)
        for (earlier, first_day), (later, second_day) in pairwise(dates):
            if (later - earlier).days < MIN_DAYS_APART:
                close_pairs[group].add((first_day, second_day))
    by_pairs: dict[frozenset, list[str]] = defaultdict(list)
    for group, pairs in close_pairs.items():
        by_pairs[frozenset(pairs)].append(group)
    warnings = []
    for pairs, groups in by_pairs.items():
        days = ", ".join(f"{_day_label(a)}→{_day_label(b)}"
                         for a, b in sorted(pairs, key=lambda p: _DAY_INDEX[p[0]]))
        warnings.append(PlanWarning("spacing_48h", (
            f"48-hour rule: {_groups_label(groups)} trained on consecutive days ({days}); "
            f"the chosen days ({context.days_label}) leave no better choice.")))
    return warnings


def _check_caps(context: _CheckContext) -> list[PlanWarning]:
    warnings = []
    for week in context.plan.weeks:
        for session in week.sessions:
            where = f"week {week.number}, {_day_label(session.weekday)}"
            if session.total_sets > SESSION_SET_CAP:
                warnings.append(PlanWarning("session_cap", (
                    f"Session cap: {where} has {session.total_sets} working sets, more than "
                    f"{SESSION_SET_CAP}.")))
            for group in MUSCLE_GROUPS:
                sets = context.sets(week, session, group)
                if sets > GROUP_SESSION_CAP:
                    warnings.append(PlanWarning("group_session_cap", (
                        f"Per-session cap: {where} has {sets} "
                        f"{_group_name(group)} sets, more than {GROUP_SESSION_CAP}.")))
    return warnings


def _check_back_balance(context: _CheckContext) -> list[PlanWarning]:
    lacking: dict[str, list[int]] = defaultdict(list)
    for week in context.plan.weeks:
        patterns = {e.pattern for s in week.sessions for e in s.exercises if e.primary == "back"}
        if not patterns:
            continue
        for pattern in REQUIRED_PATTERNS["back"]:
            if pattern not in patterns:
                lacking[pattern].append(week.number)
    return [PlanWarning("back_balance", (
        f"Back balance: week{_plural(weeks)} {_numbers(weeks)} "
        f"{'have' if len(weeks) > 1 else 'has'} no {PATTERN_NAMES[pattern]} "
        f"({pattern.replace('_', ' ')}) for the back."))
        for pattern, weeks in lacking.items()]


def _check_volume_range(context: _CheckContext) -> list[PlanWarning]:
    """Accumulation weeks: grow within MEV–MRV and never down, maintain within MV–MEV (the
    ramp's start volume for groups whose MEV is 0); a trained group never gets 0 sets."""
    weeks = context.plan.accumulation_weeks
    outside, drops = [], []
    for group in MUSCLE_GROUPS:
        priority = context.priorities[group]
        if priority == "skip" or not weeks:
            continue
        low, high = _volume_bounds(priority, context.request.landmarks_for(group))
        sets = [week.sets_per_muscle.get(group, 0) for week in weeks]
        if priority == "grow" and context.request.start_offsets.get(group, 0) < 0:
            # A start lowered on purpose (the group hit MRV last time) may sit below MEV.
            low = min(low, weekly_targets(context.request.level, context.request.landmarks_for(
                group), 1, context.request.start_offsets[group])[0])
        off = [w.number for w, n in zip(weeks, sets, strict=True) if not low <= n <= high or n == 0]
        if off:
            outside.append(f"{_group_name(group)} {_numbers(sets)} sets in week"
                           f"{_plural(off)} {_numbers(off)} ({priority}: {low}–{high})")
        down = [w.number for w, before, after in zip(weeks[1:], sets, sets[1:], strict=False)
                if after < before]
        if priority == "grow" and down:
            drops.append(f"{_group_name(group)} in week{_plural(down)} {_numbers(down)}")
    warnings = []
    if outside:
        warnings.append(PlanWarning("range", "Volume range (weekly sets): " + "; ".join(outside)
                                    + "."))
    if drops:
        warnings.append(PlanWarning("ramp", "Ramp: weekly sets go down for " + "; ".join(drops)
                                    + "."))
    return warnings


def _volume_bounds(priority: str, landmarks: Landmarks) -> tuple[int, int]:
    if priority == "grow":
        return landmarks.mev, landmarks.mrv
    return landmarks.mv, max(landmarks.mv, start_volume(landmarks))


# --- Small helpers ---------------------------------------------------------------------------

def _raise_on_problems(request: PlanRequest) -> None:
    problems = request.problems()
    if problems:
        raise ValueError("; ".join(problems))


def _round_half_up(value: float) -> int:
    return math.floor(value + 0.5)


def _unique(warnings: list[PlanWarning]) -> list[PlanWarning]:
    return list(dict.fromkeys(warnings))


def _group_name(group: str) -> str:
    return group_label(group).lower()


def _groups_label(groups: Iterable[str]) -> str:
    return ", ".join(_group_name(g) for g in sorted(groups, key=_GROUP_INDEX.__getitem__))


def _day_label(day: str) -> str:
    return day.capitalize()


def _days_label(days: Iterable[str]) -> str:
    return ", ".join(_day_label(d) for d in sorted(days, key=_DAY_INDEX.__getitem__))


def _numbers(values: Iterable[int]) -> str:
    """{1, 2, 3, 5} -> '1–3, 5'."""
    ordered = sorted(set(values))
    runs: list[list[int]] = []
    for value in ordered:
        if runs and value == runs[-1][-1] + 1:
            runs[-1].append(value)
        else:
            runs.append([value])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def _plural(items: Iterable) -> str:
    return "s" if len(list(items)) != 1 else ""


def _range_label(bounds: tuple[int, int]) -> str:
    low, high = bounds
    return str(low) if low == high else f"{low}–{high}"


def _week_to_dict(week: PlanWeek) -> dict:
    return {
        "number": week.number,
        "deload": week.deload,
        "rir": week.rir,
        "sets_per_muscle": dict(week.sets_per_muscle),
        "sessions": [{
            "weekday": session.weekday,
            "date": session.date.isoformat(),
            "name": session.name,
            "exercises": [{
                "name": e.name,
                "primary": e.primary,
                "secondary": list(e.secondary),
                "pattern": e.pattern,
                "sets": e.sets,
                "rep_range": [e.rep_low, e.rep_high],
                "rir": e.rir,
                "tempo": e.tempo,
            } for e in session.exercises],
        } for session in week.sessions],
    }
