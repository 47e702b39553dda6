"""The generator's vocabulary: its limits, the request that goes in and the plan that comes out.

Plain data only (no Qt, no database), so the wizard, the command line, saving and the checks all
read the same shapes and the same limits (DOMAIN §3, §4, §10).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from models.rules.domain import (
    COUNTING_RULES,
    DEFAULT_LANDMARKS,
    MUSCLE_GROUPS,
    WEEKDAYS,
    ExerciseInfo,
    Landmarks,
    session_minutes,
    set_weights,
)
from models.rules.limits import FIRST_DATE, LAST_DATE, LEVELS, PRIORITIES, SPLITS

SESSION_SET_CAP = 25  # working sets per session, all groups (DOMAIN §3)
GROUP_SESSION_CAP = 12  # sets per group per session; beyond this the extra sets are junk
MIN_DAYS_APART = 2  # 48 hours between two sessions training a group as primary
FREQUENCY_LIMITS = (2, 4)  # sessions per group per week; the table's ranges are clipped to this
MIN_ACCUMULATION_WEEKS, MAX_ACCUMULATION_WEEKS = 3, 12
# The latest start whose longest block (12 weeks and a deload) still ends inside the dates a log
# can hold.
LAST_PLAN_START = LAST_DATE - timedelta(weeks=MAX_ACCUMULATION_WEEKS + 1)
START_RIR = 3
DELOAD_RIR = 5
# An exercise's working sets in an accumulation week (DOMAIN §10): one set is not a
# prescription; more than five go to a second exercise.
MIN_SETS_PER_EXERCISE, MAX_SETS_PER_EXERCISE = 2, 5
MIN_EXERCISES, MAX_EXERCISES = 2, 8  # per session
MIN_SESSION_MINUTES, MAX_SESSION_MINUTES = 20, 240  # the user's maximum session length
# Deload: this share of the peak week's sets (DOMAIN §4: about half, 35–65 %).
DELOAD_SHARE = 0.5


# The ranking used for grown groups the user did not rank (DOMAIN §10): big muscles first, the
# back on top as in the article; groups that presses, rows and squats already train a lot come
# last, so they are the first to be maintained when the budget runs short.
DEFAULT_RANK: tuple[str, ...] = (
    "back", "chest", "quads", "hamstrings", "side_delts", "glutes", "biceps", "triceps",
    "rear_delts", "calves", "abs", "traps", "forearms", "front_delts",
)

# Stable warning codes; the UI and the command line may key on them.
RULES: dict[str, str] = {
    "budget": "the week's budget holds every grown muscle's ramp",
    "frequency": "each grown group in 2–4 sessions a week (its table range)",
    "spacing_48h": "48 hours between two sessions training the same group",
    "session_cap": f"at most {SESSION_SET_CAP} working sets per session",
    "session_length": "each session within the maximum session length",
    "group_session_cap": f"at most {GROUP_SESSION_CAP} sets per group per session",
    "exercises": (f"{MIN_EXERCISES}–{MAX_EXERCISES} exercises a session, "
                  f"{MIN_SETS_PER_EXERCISE}–{MAX_SETS_PER_EXERCISE} sets each"),
    "split": "each group trains on its split's days",
    "days": "every chosen day gets a session with work",
    "back_balance": "rows and pulldowns for the back every week",
    "spinal_load": "at most two heavy axially loaded barbell lifts a session",
    "no_exercise": "every trained group has an exercise in the library",
    "range": "grow between MEV and MRV, maintain at MV or above",
    "ramp": "a grown group's weekly sets rise and never go down during accumulation",
    "choice": "the user's exercise choices are used",
}

_DAY_INDEX = {day: index for index, day in enumerate(WEEKDAYS)}
_GROUP_INDEX = {group: index for index, group in enumerate(MUSCLE_GROUPS)}


def day_index(day: str) -> int:
    return _DAY_INDEX[day]


def group_index(group: str) -> int:
    return _GROUP_INDEX[group]


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
    from `landmarks` use DEFAULT_LANDMARKS. `rank` orders the grown groups, highest first;
    grown groups it leaves out follow in DEFAULT_RANK order. `library` is the shipped library
    plus the user's own exercises (plain ExerciseInfo), so the generator itself reads no file.
    `rule` is the user's counting rule for secondary groups (DOMAIN §1): plans are built and
    reported under it. `max_minutes` caps every session's estimated length."""

    level: str
    days: tuple[str, ...]
    weeks: int
    start: date
    library: tuple[ExerciseInfo, ...]
    deload: bool = True
    priorities: Mapping[str, str] = field(default_factory=dict)
    rank: tuple[str, ...] = ()
    split: str = "auto"
    rule: str = "fractional"
    max_minutes: int | None = None
    exercise_choices: ExerciseChoices = field(default_factory=ExerciseChoices)
    landmarks: Mapping[str, Landmarks] = field(default_factory=lambda: dict(DEFAULT_LANDMARKS))
    # Sets added to (or taken from) a `grow` group's first week, e.g. from the last
    # mesocycle's feedback (models.rules.autoregulation.next_mesocycle_start); the ramp's end stays.
    start_offsets: Mapping[str, int] = field(default_factory=dict)

    def priority(self, group: str) -> str:
        return self.priorities.get(group, "grow")

    def landmarks_for(self, group: str) -> Landmarks:
        return self.landmarks.get(group, DEFAULT_LANDMARKS[group])

    def training_days(self) -> tuple[str, ...]:
        """The chosen days, each once, Monday first."""
        return tuple(sorted(set(self.days), key=_DAY_INDEX.__getitem__))

    def ranking(self) -> tuple[str, ...]:
        """Every group the user wants to grow, highest-ranked first."""
        wanted = [g for g in MUSCLE_GROUPS if self.priority(g) == "grow"]
        ranked = [g for g in dict.fromkeys(self.rank) if g in wanted]
        return tuple(ranked + [g for g in DEFAULT_RANK if g in wanted and g not in ranked])

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
        if self.rule not in COUNTING_RULES:
            found.append(f"counting rule must be one of {', '.join(COUNTING_RULES)} "
                         f"(is {self.rule!r})")
        if not FIRST_DATE <= self.start <= LAST_PLAN_START:
            found.append(f"the start must be between {FIRST_DATE} and {LAST_PLAN_START} "
                         f"(is {self.start})")
        if self.max_minutes is not None and not (
                MIN_SESSION_MINUTES <= self.max_minutes <= MAX_SESSION_MINUTES):
            found.append(f"maximum session length must be {MIN_SESSION_MINUTES}–"
                         f"{MAX_SESSION_MINUTES} minutes (is {self.max_minutes})")
        for group, priority in self.priorities.items():
            if group not in _GROUP_INDEX:
                found.append(f"unknown muscle group {group!r} in priorities")
            elif priority not in PRIORITIES:
                found.append(f"{group}: priority must be one of {', '.join(PRIORITIES)}")
        found.extend(f"unknown muscle group {group!r} in the ranking"
                     for group in self.rank if group not in _GROUP_INDEX)
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
    """A rule the plan could not keep, or a choice the plan made for the user (`budget`).
    `rule` is a stable code from RULES."""

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
    key: str | None = None  # the library key
    exercise_id: int | None = None  # the database id, to link the exercise when saved
    equipment: str = ""


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

    def counted_by_group(self, rule: str) -> dict[str, float]:
        """Sets per group under a counting rule: secondary groups included (DOMAIN §1)."""
        totals: dict[str, float] = defaultdict(float)
        for exercise in self.exercises:
            for group, weight in set_weights(exercise.primary, exercise.secondary, rule):
                totals[group] += exercise.sets * weight
        return dict(totals)

    @property
    def total_sets(self) -> int:
        return sum(exercise.sets for exercise in self.exercises)

    @property
    def minutes(self) -> int:
        """Estimated length (DOMAIN §10)."""
        return session_minutes((e.pattern, e.secondary, e.sets) for e in self.exercises)


@dataclass(frozen=True)
class PlanWeek:
    number: int
    deload: bool
    rir: int
    sets_per_muscle: Mapping[str, int]  # direct sets (primary group), every group, table order
    sessions: tuple[PlannedSession, ...]
    # Sets under the plan's counting rule, every group, table order (equal to sets_per_muscle
    # under the direct rule).
    counted_per_muscle: Mapping[str, float] = field(default_factory=dict)


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
    rule: str = "fractional"
    # What the plan finally does with each group, after the budget: grow, maintain or skip.
    priorities: Mapping[str, str] = field(default_factory=dict)
    rank: tuple[str, ...] = ()  # the grown groups, highest first
    max_minutes: int | None = None

    @property
    def accumulation_weeks(self) -> tuple[PlanWeek, ...]:
        return tuple(week for week in self.weeks if not week.deload)

    @property
    def peak_week(self) -> PlanWeek:
        """The heaviest week the plan reaches: the last accumulation week."""
        return (self.accumulation_weeks or self.weeks)[-1]


@dataclass(frozen=True)
class PlanBudget:
    """What the peak week asks of the budget: `used` of `available` sets (or minutes)."""

    week: int
    used: int
    available: int
    unit: str  # "sets" or "minutes"

    @property
    def text(self) -> str:
        return f"Week {self.week} needs {self.used} of your {self.available} {self.unit}"


def plan_budget(plan: Plan) -> PlanBudget:
    """The peak week against the week's budget: days × the session cap, or days × the
    maximum session length when the plan has one (DOMAIN §10)."""
    week = plan.peak_week
    if plan.max_minutes is not None:
        return PlanBudget(week.number, sum(s.minutes for s in week.sessions),
                          len(plan.days) * plan.max_minutes, "minutes")
    return PlanBudget(week.number, sum(s.total_sets for s in week.sessions),
                      len(plan.days) * SESSION_SET_CAP, "sets")


def next_monday(today: date) -> date:
    """The default start of a new block: the next Monday after today (a week on, on a Monday)."""
    return today + timedelta(days=(7 - today.weekday()) % 7 or 7)
