"""The mesocycle generator: from a few answers to weeks of dated sessions a coach would sign
(DOMAIN §3, §4, §6, §10).

Pure Python over plain data: no Qt, no database. A `PlanRequest` goes in, a `Plan` comes out, and
every rule the plan could not keep, and every choice it made for the user, comes with it as a
`PlanWarning` — never silently.

How a plan is made, in the order of the code below:
1. Targets, in sets counted under the user's rule (fractional by default: a row gives the biceps
   half a set). A grown group ramps from its level's start to its end at most +2 sets (or
   +20 %) a week (models.rules.plan_volume); a maintained group holds MV, and one whose MV is 0 gets
   no direct sets unless the user chose an exercise for it.
2. Direct sets from the targets: each group gets what its indirect sets leave to reach its
   target, groups that feed others first (rows before biceps, presses before triceps).
3. The week's shape (models.rules.plan_sessions): the split names each day; each group trains on
   its split's days, at least twice a week when grown, 48 hours apart; every day gets work;
   exercises rotate through movement patterns, respect the spinal load and stay varied.
4. The budget: days × 25 sets (or the maximum session length). Maintenance comes first, then
   the grown groups in rank order: as many as fit keep a real ramp, the highest-ranked the
   fullest. What the budget took is named in a `budget` warning.
5. Weeks: plan weeks are 7-day blocks counted from `start`; RIR falls from 3 to 0; the deload
   week has about half of the peak week's sets at RIR 5.
6. Check: `check_plan` (models.rules.plan_checks) audits the finished plan and names what broke.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import timedelta
from itertools import pairwise

from models.rules.domain import (
    MUSCLE_GROUPS,
    ExerciseInfo,
    group_label,
    session_minutes,
    set_weights,
)
from models.rules.limits import PRIORITIES, SPLITS
from models.rules.plan_checks import check_plan, group_name, groups_label, plural
from models.rules.plan_sessions import (
    SESSION_TITLES,
    GroupNeed,
    Menu,
    MenuRequest,
    assign_days,
    choose_split,
    day_subsets,
    deload_exercises,
    exercises_for_sets,
    frequency_range,
    home_days,
    pick_menus,
    session_kinds,
    session_names,
    session_order,
    spread,
)
from models.rules.plan_types import (
    DEFAULT_RANK,
    DELOAD_RIR,
    GROUP_SESSION_CAP,
    MAX_ACCUMULATION_WEEKS,
    MAX_EXERCISES,
    MAX_SETS_PER_EXERCISE,
    MIN_ACCUMULATION_WEEKS,
    MIN_SETS_PER_EXERCISE,
    RULES,
    SESSION_SET_CAP,
    ExerciseChoices,
    Plan,
    PlanBudget,
    PlannedExercise,
    PlannedSession,
    PlanRequest,
    PlanWarning,
    PlanWeek,
    SessionSlot,
    day_index,
    plan_budget,
)
from models.rules.plan_volume import (
    PACE_SETS,
    deload_sets,
    full_ramp_end,
    level_ramp,
    lowest_grown_end,
    maintenance_sets,
    pace_limit,
    rir_targets,
    start_volume,
    weekly_targets,
)

__all__ = [
    "DEFAULT_RANK",
    "DELOAD_RIR",
    "MAX_ACCUMULATION_WEEKS",
    "MIN_ACCUMULATION_WEEKS",
    "PRIORITIES",
    "RULES",
    "SESSION_SET_CAP",
    "SPLITS",
    "ExerciseChoices",
    "Plan",
    "PlanBudget",
    "PlanRequest",
    "PlanWarning",
    "PlanWeek",
    "PlannedExercise",
    "PlannedSession",
    "SessionSlot",
    "check_plan",
    "choose_split",
    "frequency_range",
    "generate_plan",
    "maintenance_sets",
    "plan_budget",
    "plan_to_dict",
    "rir_targets",
    "session_layout",
    "start_volume",
    "weekly_targets",
]

# Groups that feed others indirect sets come first, so each group's direct sets are what its
# indirect sets leave (rows before biceps, presses before triceps, squats before glutes).
GIVER_ORDER: tuple[str, ...] = (
    "back", "chest", "quads", "hamstrings", "glutes", "front_delts", "side_delts",
    "rear_delts", "triceps", "biceps", "traps", "calves", "abs", "forearms",
)
# Growth goes down the ranking; a group that does not fit is passed over (its days may be full
# while others have room: legs on an upper/lower split), but two in a row mean the week is
# spent, and the groups ranked below them are maintained.
MISSES_BEFORE_FULL = 2
# Sets a session holds per minute of the user's maximum length, for placing groups on days
# before the exercises are known (a working set with its share of warm-ups and changes).
_MINUTES_PER_SET = 3.2


def generate_plan(request: PlanRequest) -> Plan:
    """The whole mesocycle, with a warning for each rule it could not keep.

    Raises ValueError when the request itself is malformed (see PlanRequest.problems)."""
    _raise_on_problems(request)
    context = _Context(request)
    config = _Budget(context).choose()
    draft = context.draft(config)
    weeks = [draft.week(index) for index in range(request.weeks)]
    if request.deload:
        weeks.append(draft.deload_week(weeks[-1]))
    idle = [day for day in context.days
            if not any(s.exercises for w in weeks for s in w.sessions if s.weekday == day)]
    days = tuple(day for day in context.days if day not in idle)
    plan = Plan(
        level=request.level, days=days, split=context.split, start=request.start,
        layout=tuple(slot for slot in draft.layout_slots() if slot.weekday in days),
        weeks=tuple(_without_days(week, idle) for week in weeks), warnings=(),
        rule=request.rule, priorities=config.priorities(context), rank=config.grown,
        max_minutes=request.max_minutes)
    warnings = (context.warnings + _idle_days_warnings(idle)
                + _budget_warnings(context, config, plan)
                + context.cap_warnings(plan) + _dropped_choices(plan, context)
                + check_plan(plan, request))
    return replace(plan, warnings=tuple(dict.fromkeys(warnings)))


def _without_days(week: PlanWeek, days: list[str]) -> PlanWeek:
    return replace(week, sessions=tuple(s for s in week.sessions if s.weekday not in days))


def _idle_days_warnings(days: list[str]) -> list[PlanWarning]:
    """A chosen day nothing can go on (only a few groups train, and the 48-hour rule and the
    split keep them off it): no empty session is planned; say so."""
    if not days:
        return []
    verb = "has" if len(days) == 1 else "have"
    return [PlanWarning("days", (
        f"Days: {_days_label(days)} {verb} no session — the muscles this plan trains with "
        "direct sets are all placed on the other days (the split and 48 hours between "
        "sessions for a muscle); train more muscles, or choose fewer days."))]


def session_layout(request: PlanRequest) -> tuple[SessionSlot, ...]:
    """Which groups train on which day, for a wizard to show before the plan is generated."""
    return generate_plan(request).layout


def plan_to_dict(plan: Plan) -> dict:
    """The plan as JSON-ready data (the command line's shape)."""
    return {
        "level": plan.level,
        "days": list(plan.days),
        "split": plan.split,
        "start": plan.start.isoformat(),
        "rule": plan.rule,
        "priorities": dict(plan.priorities),
        "rank": list(plan.rank),
        "max_minutes": plan.max_minutes,
        "warnings": [{"rule": w.rule, "message": w.message} for w in plan.warnings],
        "weeks": [_week_to_dict(week) for week in plan.weeks],
    }


# --- What the request asks for -----------------------------------------------------------------

@dataclass(frozen=True)
class _Config:
    """One way to spend the budget: the grown groups (ranked), each one's ramp end, and (only
    when maintenance alone overflows) a ceiling on maintained groups' weekly direct sets."""

    grown: tuple[str, ...]
    ends: Mapping[str, int]
    ceilings: Mapping[str, int] = field(default_factory=dict)

    def priorities(self, context: _Context) -> dict[str, str]:
        return {group: ("grow" if group in self.grown else
                        "maintain" if group in context.maintained_all else "skip")
                for group in MUSCLE_GROUPS}


class _Context:
    """The request worked out once: days, split, exercise pools, the user's choices, ranking."""

    def __init__(self, request: PlanRequest) -> None:
        self.request = request
        self.days = request.training_days()
        self.split = choose_split(self.days) if request.split == "auto" else request.split
        self.kinds = session_kinds(self.days, self.split)
        self.names = session_names(self.days, self.kinds)
        self.warnings: list[PlanWarning] = []
        lookup = _ExerciseNames(request.library)
        self.pinned = self._resolve_day_choices(lookup)
        self.pools, self.user_pools = self._exercise_pools(lookup)
        self.chosen = {e.primary for picks in self.pinned.values() for e in picks} | \
            self.user_pools
        self.ranking = tuple(g for g in request.ranking() if self._has_exercises(g))
        self.maintained_all = {g for g in MUSCLE_GROUPS if request.priority(g) != "skip"
                               and g in self.pools}
        self._give_orphan_days_work()
        self.homes = {g: self._home(g) for g in MUSCLE_GROUPS}
        self.mrv = {g: request.landmarks_for(g).mrv for g in MUSCLE_GROUPS}
        # Sessions a week a group may have: its table range's top, on its split's days.
        self._max_sessions = {
            g: max(1, min(frequency_range(request.landmarks_for(g))[1], len(self.homes[g])))
            for g in MUSCLE_GROUPS}
        # The most sets a group's session holds: 12 (DOMAIN §3), and five per exercise the
        # group has to choose from.
        self._session_cap = {g: min(GROUP_SESSION_CAP,
                                    MAX_SETS_PER_EXERCISE * len(self.pools.get(g, ())))
                             for g in MUSCLE_GROUPS}
        self._estimates: dict[tuple, tuple[dict[str, int], dict[str, float]]] = {}
        self._targets: dict[tuple, dict[str, list[int]]] = {}
        self.shares = {g: _secondary_shares(self.pools.get(g, ()), request.rule)
                       for g in MUSCLE_GROUPS}
        capacity = SESSION_SET_CAP if request.max_minutes is None else min(
            SESSION_SET_CAP, request.max_minutes / _MINUTES_PER_SET)
        self.capacity = capacity
        self._layouts: dict[tuple[str, ...], _Layout] = {}
        self._ramps: dict[tuple[str, int], list[int]] = {}
        self._peak_indirect: dict[tuple[str, ...], dict[str, float]] = {}
        # The most days each group can train 48 hours apart on its split's days.
        self.spaced_days = {g: _most_spaced(self.homes[g], self.max_sessions(g))
                            for g in MUSCLE_GROUPS}
        self.first = {}
        self.full_end = {}
        for group in self.ranking:
            landmarks = request.landmarks_for(group)
            offset = request.start_offsets.get(group, 0)
            self.first[group] = level_ramp(request.level, landmarks, offset)[0]
            self.full_end[group] = full_ramp_end(request.level, landmarks, request.weeks, offset)

    # The user's exercise choices.

    def _resolve_day_choices(self, lookup: _ExerciseNames) -> dict[str, tuple[ExerciseInfo, ...]]:
        pinned = {}
        for day, chosen in self.request.exercise_choices.by_day.items():
            if day not in self.days:
                self._warn("choice", f"Your exercises for {_day_label(day)} are not used: "
                           f"{_day_label(day)} is not one of the training days.")
                continue
            found = [lookup.find(name) for name in chosen]
            for name, exercise in zip(chosen, found, strict=True):
                if exercise is None:
                    self._warn("choice", f"Your choice '{name}' for {_day_label(day)} is not in "
                               "the exercise library; it is left out.")
            usable = []
            for exercise, group in _with_primary(found):
                if self.request.priority(group) == "skip":
                    self._warn("choice", f"Your choice '{exercise.name}' for {_day_label(day)} "
                               f"is not used: {group_name(group)} is skipped.")
                else:
                    usable.append(exercise)
            pinned[day] = tuple(usable)
        return pinned

    def _exercise_pools(self, lookup: _ExerciseNames
                        ) -> tuple[dict[str, tuple[ExerciseInfo, ...]], set[str]]:
        """Group -> the exercises it may use by default (the user's by_group choice, else the
        library's exercises with that primary group), and the groups the user chose for."""
        pools: dict[str, list[ExerciseInfo]] = defaultdict(list)
        for stocked in self.request.library:
            if stocked.primary in MUSCLE_GROUPS:
                pools[stocked.primary].append(stocked)
        user_pools = set()
        for group, chosen in self.request.exercise_choices.by_group.items():
            picked = []
            for name in chosen:
                exercise = lookup.find(name)
                if exercise is None or exercise.primary != group:
                    reason = ("is not in the exercise library" if exercise is None
                              else f"trains {group_label(exercise.primary or 'nothing').lower()}"
                                   " as its primary group")
                    self._warn("choice", f"Your choice '{name}' for {group_name(group)} "
                               f"{reason}; it is left out.")
                else:
                    picked.append(exercise)
            if picked and self.request.priority(group) != "skip":
                pools[group] = list(dict.fromkeys(picked))
                user_pools.add(group)
        return {group: tuple(pool) for group, pool in pools.items()}, user_pools

    def _has_exercises(self, group: str) -> bool:
        if group in self.pools:
            return True
        self._warn("no_exercise", f"No exercise: the library has no exercise with "
                   f"{group_name(group)} as primary group, so it gets no sets.")
        return False

    def _give_orphan_days_work(self) -> None:
        """A day whose session kind trains none of the groups that get direct sets (a Pull
        day when back and biceps are skipped) becomes a full-body day, so it has work."""
        working = [g for g in self.maintained_all if self.request.priority(g) == "grow"
                   or g in self.chosen or self.request.landmarks_for(g).mv > 0]
        orphans = [d for d in self.days
                   if not any(d in home_days(g, self.days, self.kinds) for g in working)]
        if not orphans or not working:
            return
        kinds = sorted({self.kinds[d] for d in orphans})
        for day in orphans:
            self.kinds[day] = "full_body"
        self.names = session_names(self.days, self.kinds)
        self._warn("split", f"Split: no muscle this plan trains belongs on "
                   f"{' or '.join(SESSION_TITLES[k].lower() for k in kinds)} days, so "
                   f"{_days_label(orphans)} train{'s' if len(orphans) == 1 else ''} "
                   "full body instead.")

    def _home(self, group: str) -> tuple[str, ...]:
        home = home_days(group, self.days, self.kinds)
        if home or self.request.priority(group) == "skip" or group not in self.pools:
            return home
        self._warn("split", f"Split: no {self.split.replace('_', ' ')} session of "
                   f"{_days_label(self.days)} trains {group_name(group)}; it goes on any day.")
        return self.days

    def pinned_for(self, group: str) -> dict[str, tuple[ExerciseInfo, ...]]:
        return {day: tuple(e for e in picks if e.primary == group)
                for day, picks in self.pinned.items()
                if any(e.primary == group for e in picks)}

    # Targets, in sets counted under the user's rule.

    def targets(self, config: _Config) -> dict[str, list[int]]:
        key = (config.grown, tuple(config.ends.get(g, 0) for g in config.grown))
        if key not in self._targets:
            self._targets[key] = self._targets_now(config)
        return self._targets[key]

    def _targets_now(self, config: _Config) -> dict[str, list[int]]:
        request, targets = self.request, {}
        for group in MUSCLE_GROUPS:
            if group in config.grown:
                targets[group] = self._ramp(group, config.ends[group])
            elif group in self.maintained_all:
                dose = maintenance_sets(request.landmarks_for(group), chosen=group in self.chosen)
                targets[group] = [dose] * request.weeks
        return targets

    def _ramp(self, group: str, end: int) -> list[int]:
        key = (group, end)
        if key not in self._ramps:
            request = self.request
            self._ramps[key] = weekly_targets(request.level, request.landmarks_for(group),
                                              request.weeks, request.start_offsets.get(group, 0),
                                              end)
        return self._ramps[key]

    def max_sessions(self, group: str) -> int:
        return self._max_sessions[group]

    def direct_sets(self, group: str, target: int, indirect: float, sessions: int,
                    grown: bool) -> int:
        """Weekly direct sets that bring `group` to `target` counted sets, given what other
        groups' exercises already give it: a grown group keeps at least two sets in two
        sessions and stays at or under MRV; a maintained one gets only what is missing."""
        missing = math.ceil(target - indirect - 1e-9)
        cap = self._session_cap[group] * sessions
        if not grown:
            if group in self.chosen:  # the user's own exercise for it gets its sets
                missing = max(missing, MIN_SETS_PER_EXERCISE)
            return 0 if missing <= 0 else min(cap, max(MIN_SETS_PER_EXERCISE, missing))
        floor = MIN_SETS_PER_EXERCISE * min(2, sessions)
        room = math.floor(self.mrv[group] - indirect + 1e-9)
        sets = min(cap, max(floor, missing), max(room, 0))
        return sets if sets >= MIN_SETS_PER_EXERCISE else 0

    def estimate(self, targets: Mapping[str, list[int]], grown: tuple[str, ...],
                 week: int) -> dict[str, int]:
        """Direct sets per group in a week before the exercises are picked, from each group's
        usual secondary groups."""
        return self._estimate(targets, grown, week)[0]

    def _estimate(self, targets: Mapping[str, list[int]], grown: tuple[str, ...],
                  week: int) -> tuple[dict[str, int], dict[str, float]]:
        key = (grown, week, tuple((g, targets[g][week]) for g in targets))
        if key not in self._estimates:
            self._estimates[key] = self._estimate_now(targets, grown, week)
        return self._estimates[key]

    def _estimate_now(self, targets: Mapping[str, list[int]], grown: tuple[str, ...],
                      week: int) -> tuple[dict[str, int], dict[str, float]]:
        indirect: dict[str, float] = defaultdict(float)
        estimate = {}
        for group in GIVER_ORDER:
            if group not in targets:
                continue
            sessions = self.max_sessions(group)
            estimate[group] = self.direct_sets(group, targets[group][week], indirect[group],
                                               sessions, group in grown)
            for other, share in self.shares[group].items():
                indirect[other] += estimate[group] * share
        return estimate, indirect

    def layout(self, grown: tuple[str, ...]) -> _Layout:
        if grown not in self._layouts:
            config = _Config(grown, {g: self.full_end[g] for g in grown})
            self._layouts[grown] = _Layout(self, config)
        return self._layouts[grown]

    def rerank(self, config: _Config) -> None:
        """The odd sets go where the exact peak week has room, not where the estimate said:
        done once, for the chosen groups, before the ends are raised."""
        layout = self.layout(config.grown)
        layout.rerank(_Draft(self, config, layout, trial=True).direct_in_week(-1))

    def draft(self, config: _Config, *, trial: bool = False) -> _Draft:
        """The config's weeks; a `trial` works out only the first and the last accumulation
        week: grown groups only rise and maintained doses hold, so the last week is the
        fullest and the first sets the maintained doses."""
        return _Draft(self, config, self.layout(config.grown), trial=trial)

    def group_cap_end(self, group: str, grown: tuple[str, ...]) -> int:
        """The highest end the 12-sets-a-session cap lets a grown group reach: 12 on each day
        it can train 48 hours apart, plus what other groups' exercises give it."""
        if grown not in self._peak_indirect:
            config = _Config(grown, {g: self.full_end[g] for g in grown})
            self._peak_indirect[grown] = self._estimate(self.targets(config), grown, -1)[1]
        days = self.spaced_days[group]
        return math.floor(self.session_cap(group) * days + self._peak_indirect[grown][group])

    def session_cap(self, group: str) -> int:
        return self._session_cap[group]

    def cap_warnings(self, plan: Plan) -> list[PlanWarning]:
        """Grown groups whose ramp the 12-sets-a-session cap stops short of its full end:
        every session of theirs at the cap in the peak week."""
        peak = plan.peak_week
        capped = []
        for group in plan.rank:
            sessions = [s.sets_for(group) for s in peak.sessions if s.sets_for(group)]
            if sessions and min(sessions) >= self.session_cap(group) and \
                    peak.counted_per_muscle[group] < self.full_end[group]:
                capped.append((group, len(sessions)))
        if not capped:
            return []
        details = ", ".join(
            f"{group_name(g)} on {days} day{plural(range(days))} a week ends at "
            f"{peak.counted_per_muscle[g]:g} (not {self.full_end[g]})" for g, days in capped)
        return [PlanWarning("group_session_cap", (
            f"At most {GROUP_SESSION_CAP} sets per group per session (and "
            f"{MAX_SETS_PER_EXERCISE} per exercise): {details}; more days "
            f"for {'them' if len(capped) > 1 else 'it'} in the split would hold the full ramp."))]

    def _warn(self, rule: str, message: str) -> None:
        self.warnings.append(PlanWarning(rule, message))


def _most_spaced(days: tuple[str, ...], most: int) -> int:
    spaced = [len(s.days) for s in day_subsets(days) if s.spaced and len(s.days) <= most]
    return max(spaced, default=1)


def _secondary_shares(pool: tuple[ExerciseInfo, ...], rule: str) -> dict[str, float]:
    """Counted sets a group's usual exercises give each other group, per direct set: the
    average over the first exercise of each of its movement patterns."""
    usual = list({e.pattern: e for e in reversed(pool)}.values())
    shares: dict[str, float] = defaultdict(float)
    for exercise in usual:
        for group, weight in set_weights(exercise.primary, exercise.secondary, rule):
            if group != exercise.primary:
                shares[group] += weight / len(usual)
    return dict(shares)


# --- The week's shape ----------------------------------------------------------------------------

class _Layout:
    """Days per group and exercises per (group, day), worked out once per set of grown groups
    from the expected direct sets of their full ramps."""

    def __init__(self, context: _Context, config: _Config) -> None:
        self.context = context
        targets = context.targets(config)
        first = context.estimate(targets, config.grown, 0)
        peak = context.estimate(targets, config.grown, -1)
        biggest = {g: max(first.get(g, 0), peak.get(g, 0)) for g in targets}
        needs = self._needs(config.grown, biggest, first)
        self.days_of = assign_days(context.days, needs, context.capacity)
        self.days_of = {g: self._pinned_first(g, days) for g, days in self.days_of.items()}
        self.menus = self._menus(biggest)
        self.rank = config.grown
        self._exercises: dict[tuple[str, int], dict[str, list[tuple[ExerciseInfo, int]]]] = {}
        self._gives: dict[tuple[str, int], list[tuple[str, float]]] = {}

    def _needs(self, grown: tuple[str, ...], biggest: Mapping[str, int],
               first: Mapping[str, int]) -> list[GroupNeed]:
        context = self.context
        request = context.request
        maintained = sorted((g for g in biggest if g not in grown and biggest[g] > 0),
                            key=lambda g: (-biggest[g], DEFAULT_RANK.index(g)))
        return [GroupNeed(group, group in grown, biggest[group], context.homes[group],
                          frequency_range(request.landmarks_for(group)),
                          frozenset(context.pinned_for(group)),
                          first.get(group) or biggest[group])
                for group in (*[g for g in grown if biggest.get(g, 0) > 0], *maintained)]

    def _pinned_first(self, group: str, days: tuple[str, ...]) -> tuple[str, ...]:
        pinned = self.context.pinned_for(group)
        return tuple(sorted(days, key=lambda d: d not in pinned))

    def _menus(self, biggest: Mapping[str, int]) -> dict[tuple[str, str], Menu]:
        context = self.context
        groups_on: dict[str, int] = defaultdict(int)
        peak_sets = {}
        for group, days in self.days_of.items():
            peak_sets[group] = spread(biggest[group], days)
            for day in peak_sets[group]:
                groups_on[day] += 1
        requests = [MenuRequest(
            group=group, days=tuple(sorted(peak_sets[group], key=day_index)),
            peak_sets=peak_sets[group], pool=context.pools[group],
            user_pool=group in context.user_pools, pinned=context.pinned_for(group),
            alone_on=frozenset(d for d in peak_sets[group] if groups_on[d] == 1))
            for group in self.days_of if peak_sets[group]]
        return pick_menus(requests, {})

    def exercises(self, group: str, sets: int) -> dict[str, list[tuple[ExerciseInfo, int]]]:
        """Day -> (exercise, sets) for a group's week of `sets` direct sets."""
        key = (group, sets)
        if key not in self._exercises:
            self._exercises[key] = {
                day: exercises_for_sets(self.menu(group, day).exercises, day_sets,
                                        self.menu(group, day).keep)
                for day, day_sets in spread(sets, self.days_of[group]).items()}
        return self._exercises[key]

    def gives(self, group: str, sets: int) -> list[tuple[str, float]]:
        """The counted sets a group's exercises give other groups at `sets` direct sets."""
        key = (group, sets)
        if key not in self._gives:
            totals: dict[str, float] = defaultdict(float)
            rule = self.context.request.rule
            for items in self.exercises(group, sets).values():
                for exercise, count in items:
                    for other, weight in set_weights(group, exercise.secondary, rule):
                        if other != group:
                            totals[other] += count * weight
            self._gives[key] = list(totals.items())
        return self._gives[key]

    def rerank(self, weekly: Mapping[str, int]) -> None:
        """Rank each group's days again for the odd sets, from the sets each group really has
        (not the estimate): groups with the fewest days first, each onto the days lightest so
        far (its pinned days first)."""
        load = dict.fromkeys(self.context.days, 0)
        ranked = {}
        for group in sorted(self.days_of, key=lambda g: (len(self.days_of[g]),
                                                         -weekly.get(g, 0))):
            pinned = self.context.pinned_for(group)
            days = sorted(self.days_of[group], key=lambda d: (d not in pinned, load[d],
                                                               day_index(d)))
            ranked[group] = tuple(days)
            for day, sets in spread(weekly.get(group, 0), ranked[group]).items():
                load[day] += sets
        days_of = {group: ranked[group] for group in self.days_of}
        if days_of != self.days_of:
            self.days_of = days_of
            self._exercises.clear()
            self._gives.clear()

    def menu(self, group: str, day: str) -> Menu:
        menu = self.menus.get((group, day))
        if menu and menu.exercises:
            return menu
        # A day the group trains only in some weeks: its first day's exercises.
        return next((m for (g, _), m in self.menus.items() if g == group and m.exercises),
                    Menu(()))


class _Draft:
    """One budget choice turned into weeks of sets."""

    def __init__(self, context: _Context, config: _Config, layout: _Layout, *,
                 trial: bool = False) -> None:
        self.context = context
        self.config = config
        self.layout = layout
        weeks = context.request.weeks
        self.indexes = sorted({0, weeks - 1}) if trial else list(range(weeks))
        self.targets = context.targets(config)
        self.rirs = rir_targets(context.request.weeks)
        self._compute()

    def _compute(self) -> None:
        # A maintained group's direct sets are one dose for the whole mesocycle: the most any
        # week needs (its indirect sets vary as other groups' exercises change). Week 1, with
        # the fewest indirect sets, usually sets it; a later week that needs more sends the
        # weeks round once more.
        self._maintained_dose: dict[str, int] = {}
        direct: dict[int, dict[str, int]] = {}
        for _ in range(3):
            self._needed: dict[str, int] = {}
            self._grown_floor: dict[str, int] = {}
            self._grown_counted: dict[str, float] = {}
            direct = {}
            for index in self.indexes:
                direct[index] = self._week_direct(index)
                if index == self.indexes[0]:
                    self._maintained_dose = {g: max(n, self._maintained_dose.get(g, 0))
                                             for g, n in self._needed.items()}
            if all(self._needed[g] <= self._maintained_dose.get(g, 0) for g in self._needed):
                break
            self._maintained_dose = self._needed
        self._hold_grown_ramps(direct)
        self._weeks = {index: self._days(sets) for index, sets in direct.items()}

    def _hold_grown_ramps(self, direct: dict[int, dict[str, int]]) -> None:
        """MRV may cut a late week's direct sets: earlier weeks never hold more."""
        for group in self.config.grown:
            later = math.inf
            for index in reversed(self.indexes):
                sets = direct[index].get(group, 0)
                if sets > later:
                    direct[index][group] = int(later)
                later = min(later, direct[index].get(group, 0))

    def direct_in_week(self, position: int) -> dict[str, int]:
        return self._direct_in(self._weeks[self.indexes[position]])

    def week_index(self, position: int) -> Mapping[str, list[tuple[ExerciseInfo, int]]]:
        return self._weeks[self.indexes[position]]

    @staticmethod
    def _direct_in(week: Mapping[str, list[tuple[ExerciseInfo, int]]]) -> dict[str, int]:
        totals: dict[str, int] = defaultdict(int)
        for items in week.values():
            for exercise, count in items:
                totals[exercise.primary or ""] += count
        return totals

    def _week_direct(self, index: int) -> dict[str, int]:
        """Group -> direct sets for accumulation week `index`. Groups that feed others come
        first; then a second look with every group's indirect sets: a grown group's counted
        sets never fall below last week's (another group's new isolation exercise takes
        indirect sets away), and no group goes over MRV."""
        direct: dict[str, int] = {}
        indirect: dict[str, float] = defaultdict(float)
        for group in GIVER_ORDER:
            if group in self.targets and group in self.layout.days_of:
                direct[group] = self._direct(group, index, indirect[group])
                self._add_indirect(indirect, group, direct[group])
        everything: dict[str, float] = defaultdict(float)
        for group, sets in direct.items():
            self._add_indirect(everything, group, sets)
        for _ in range(3):  # a later group's change moves an earlier group's indirect sets
            if not self._second_look(index, direct, everything):
                break
        for group in self.config.grown:
            if group in direct:
                self._grown_counted[group] = direct[group] + everything[group]
                self._grown_floor[group] = max(self._grown_floor.get(group, 0), direct[group])
        return direct

    def _second_look(self, index: int, direct: dict[str, int],
                     everything: dict[str, float]) -> bool:
        """One pass of the ramp and MRV over every group, with all indirect sets known;
        True when it changed anything."""
        changed = False
        for group, sets in list(direct.items()):
            if group in self.config.grown:
                sets = self._on_ramp(group, index, sets, everything[group])
            room = math.floor(self.context.mrv[group] - everything[group] + 1e-9)
            if sets > room:
                sets = room if room >= MIN_SETS_PER_EXERCISE else 0
            if sets != direct[group]:
                self._add_indirect(everything, group, direct[group], -1)
                self._add_indirect(everything, group, sets)
                direct[group] = sets
                changed = True
        return changed

    def _on_ramp(self, group: str, index: int, sets: int, indirect: float) -> int:
        """A grown group's direct sets, given all its indirect sets: its counted sets reach
        the week's target and never fall below last week's (another group's new isolation
        exercise can take indirect sets away), its direct sets never fall, and counted sets
        climb no faster than the pace from last week (DOMAIN §4)."""
        cap = self.context.session_cap(group) * len(self.layout.days_of[group])
        low = max(math.ceil(self.targets[group][index] - indirect - 1e-9),
                  self._grown_floor.get(group, 0))
        last_week = self._grown_counted.get(group)
        if last_week is not None:
            low = max(low, math.ceil(last_week - indirect - 1e-9))
        low = min(low, cap)
        high = cap
        if last_week is not None and index - 1 in self.indexes:
            high = max(low, math.floor(last_week + pace_limit(last_week) - indirect + 1e-9))
        return min(max(sets, low), high)

    def _days(self, direct: Mapping[str, int]) -> dict[str, list[tuple[ExerciseInfo, int]]]:
        days: dict[str, list[tuple[ExerciseInfo, int]]] = {day: [] for day in self.context.days}
        for group, sets in direct.items():
            for day, items in self._exercises(group, sets).items():
                days[day].extend(items)
        return days

    def _direct(self, group: str, index: int, indirect: float) -> int:
        sessions = len(self.layout.days_of[group])
        grown = group in self.config.grown
        sets = self.context.direct_sets(group, self.targets[group][index], indirect, sessions,
                                        grown)
        if grown:
            return max(sets, self._grown_floor.get(group, 0))
        self._needed[group] = max(self._needed.get(group, 0), sets)
        sets = max(sets, self._maintained_dose.get(group, 0))
        return min(sets, self.config.ceilings.get(group, sets))

    def _exercises(self, group: str, sets: int) -> dict[str, list[tuple[ExerciseInfo, int]]]:
        return self.layout.exercises(group, sets)

    def _add_indirect(self, indirect: dict[str, float], group: str, sets: int,
                      sign: int = 1) -> None:
        for other, amount in self._gives(group, sets):
            indirect[other] += sign * amount

    def _gives(self, group: str, sets: int) -> list[tuple[str, float]]:
        return self.layout.gives(group, sets)

    # Fitting the budget.

    def overflow(self) -> float:
        """How far the accumulation weeks go past the budget (0 when they fit)."""
        return max((self._over(items) for week in self._weeks.values()
                    for items in week.values()), default=0.0)

    def busiest(self) -> tuple[int, str]:
        """(week index, day) of the session furthest over the budget."""
        return max(((w, d) for w in self._weeks for d in self._weeks[w]),
                   key=lambda key: self._over(self._weeks[key[0]][key[1]]))

    def flat_grown(self) -> set[str]:
        """Grown groups that do not really ramp on their own sets: direct sets flat from the
        first to the last week, or counted sets that do not rise."""
        first, last = self._weeks[self.indexes[0]], self._weeks[self.indexes[-1]]
        if first is last:
            return set()
        before, after = self._direct_in(first), self._direct_in(last)
        counted = [self._counted_in(self._weeks[index]) for index in self.indexes]
        return {g for g in self.config.grown
                if after.get(g, 0) <= before.get(g, 0)
                or counted[-1].get(g, 0.0) <= counted[0].get(g, 0.0)
                or any(b.get(g, 0.0) < a.get(g, 0.0) for a, b in pairwise(counted))}

    def _counted_in(self, week: Mapping[str, list[tuple[ExerciseInfo, int]]]
                    ) -> dict[str, float]:
        totals: dict[str, float] = defaultdict(float)
        for items in week.values():
            for exercise, count in items:
                for group, weight in set_weights(exercise.primary, exercise.secondary,
                                                 self.context.request.rule):
                    totals[group] += count * weight
        return totals

    def _over(self, items: list[tuple[ExerciseInfo, int]]) -> float:
        """How far one session goes past the budget: sets over the session cap, exercises over
        eight, minutes over the maximum length (in sets' worth)."""
        sets = sum(count for _, count in items)
        over: float = max(0, sets - SESSION_SET_CAP) + max(0, len(items) - MAX_EXERCISES)
        limit = self.context.request.max_minutes
        if limit is not None:
            over += max(0, _minutes(items) - limit) / _MINUTES_PER_SET
        return over

    def direct_on(self, index: int, day: str) -> dict[str, int]:
        totals: dict[str, int] = defaultdict(int)
        for exercise, count in self._weeks[index][day]:
            totals[exercise.primary or ""] += count  # every planned exercise has one
        return totals

    # Turning sets into the plan's weeks.

    def week(self, index: int) -> PlanWeek:
        rir = self.rirs[index]
        return self._plan_week(index, self._weeks[index], rir, deload=False)

    def deload_week(self, peak: PlanWeek) -> PlanWeek:
        """About half of the peak week's sets per group, on the same exercises, RIR 5."""
        days: dict[str, list[tuple[ExerciseInfo, int]]] = {day: [] for day in self.context.days}
        used: dict[tuple[str, str], list[ExerciseInfo]] = defaultdict(list)
        by_name = {e.name: e for items in self._weeks[self.indexes[-1]].values()
                   for e, _ in items}
        for session in peak.sessions:
            for planned in session.exercises:
                used[planned.primary, session.weekday].append(by_name[planned.name])
        for group in GIVER_ORDER:
            total = deload_sets(peak.sets_per_muscle.get(group, 0))
            ranked = [d for d in self.layout.days_of.get(group, ()) if (group, d) in used]
            for day, day_sets in spread(total, ranked, least=1).items():
                days[day].extend(deload_exercises(used[group, day], day_sets))
        return self._plan_week(len(self._weeks), days, DELOAD_RIR, deload=True)

    def _plan_week(self, index: int, days: Mapping[str, list[tuple[ExerciseInfo, int]]],
                   rir: int, *, deload: bool) -> PlanWeek:
        request = self.context.request
        block_start = request.start + timedelta(days=7 * index)
        sessions = []
        for day in self.context.days:
            offset = (day_index(day) - request.start.weekday()) % 7
            day_sets = dict(days[day])
            ordered = session_order(list(day_sets), self.layout.rank,
                                    self.context.pinned.get(day, ()))
            exercises = tuple(_planned(e, day_sets[e], rir) for e in ordered)
            sessions.append(PlannedSession(day, block_start + timedelta(days=offset),
                                           self.context.names[day], exercises))
        sessions.sort(key=lambda session: session.date)
        direct = dict.fromkeys(MUSCLE_GROUPS, 0)
        counted = dict.fromkeys(MUSCLE_GROUPS, 0.0)
        for session in sessions:
            for group, sets in session.sets_by_group().items():
                direct[group] += sets
            for group, weighted in session.counted_by_group(request.rule).items():
                counted[group] += weighted
        return PlanWeek(index + 1, deload, rir, direct, tuple(sessions), counted)

    def layout_slots(self) -> tuple[SessionSlot, ...]:
        trained: dict[str, set[str]] = defaultdict(set)
        for week in self._weeks.values():
            for day, items in week.items():
                trained[day].update(e.primary or "" for e, _ in items)
        context = self.context
        return tuple(SessionSlot(day, context.names[day], context.kinds[day],
                                 tuple(g for g in MUSCLE_GROUPS if g in trained[day]))
                     for day in context.days)


def _minutes(items: list[tuple[ExerciseInfo, int]]) -> int:
    return session_minutes((e.pattern, e.secondary, count) for e, count in items)


def _planned(exercise: ExerciseInfo, sets: int, rir: int) -> PlannedExercise:
    return PlannedExercise(exercise.name, exercise.primary or "", exercise.secondary,
                           exercise.pattern, sets, exercise.rep_low, exercise.rep_high, rir,
                           exercise.tempo, exercise.key, exercise.id, exercise.equipment)


# --- The budget ----------------------------------------------------------------------------------

class _Budget:
    """Spends the week's budget (DOMAIN §10): maintenance first, then the grown groups' ramps in
    rank order. Each group in turn grows if it fits with a real ramp (three quarters of its
    rise) beside those already growing — a group that does not fit is maintained and the next
    one is tried (an upper day full of back leaves the lower days to the legs). Then the
    highest-ranked get their ramps back first. The top-ranked keeps its full ramp whenever
    three or more days are chosen; when even maintenance overflows, the lowest-ranked
    maintained groups give up sets."""

    def __init__(self, context: _Context) -> None:
        self.context = context
        self.top_full = len(context.days) >= 3
        self.ceilings: Mapping[str, int] = {}
        # Groups that could not ramp on their own sets: other groups' exercises already give
        # them (nearly) all their volume — a front delt beside heavy pressing.
        self.flat: set[str] = set()

    def choose(self) -> _Config:
        self.ceilings = self._squeeze(_Config((), {})).ceilings
        grown: tuple[str, ...] = ()
        self._accepted = self.context.draft(_Config((), {}, self.ceilings), trial=True)
        misses = 0
        for group in self.context.ranking:
            if misses == MISSES_BEFORE_FULL:
                break  # the budget is spent: what is ranked lower is maintained
            if self._room_for(grown, group) and self._fits(self._lowest((*grown, group))):
                grown, misses = (*grown, group), 0
            elif not grown and self._fits(self._lowest((group,), least=True)):
                # Too few days for its usual ramp (two days, an advanced back): the
                # top-ranked still grows, as far as the budget goes.
                grown = (group,)
            elif grown:
                misses += 1
        if not grown:
            return _Config((), {}, self.ceilings)
        config = self._lowest(grown, least=not self._fits(self._lowest(grown)))
        full = replace(config, ends={g: self._capped_full_end(g, grown) for g in grown})
        if full.ends != config.ends and self._fits(full):
            config = full  # everything fits at its full ramp: nothing to weigh
        for group in config.grown:
            config = self._raise(config, group)
        self.context.rerank(config)
        return self._settle(config)

    def _settle(self, config: _Config) -> _Config:
        """Trials look at the first and the last week only; the weeks between can still tip a
        session over (a held ramp). Lower the lowest-ranked ends until every week fits; a
        group whose ramp would go flat is maintained instead."""
        for _ in range(SESSION_SET_CAP * len(MUSCLE_GROUPS)):
            draft = self.context.draft(config)
            flat = draft.flat_grown()
            if flat:
                config = self._without(config, flat)
                continue
            if draft.overflow() == 0 or not config.grown:
                break
            # The lowest-ranked grown group on the session over the budget gives a set.
            week, day = draft.busiest()
            on_day = draft.direct_on(week, day)
            lowest = next((g for g in reversed(config.grown) if on_day.get(g, 0) > 0),
                          config.grown[-1])
            if config.ends[lowest] - 1 <= self.context.first[lowest]:
                config = self._without(config, {lowest})
            else:
                config = replace(config, ends={**config.ends, lowest: config.ends[lowest] - 1})
        return config

    def _without(self, config: _Config, groups: set[str]) -> _Config:
        self.flat.update(groups)
        grown = tuple(g for g in config.grown if g not in groups)
        return replace(config, grown=grown, ends={g: config.ends[g] for g in grown})

    def _capped_full_end(self, group: str, grown: tuple[str, ...]) -> int:
        return min(self.context.full_end[group], max(
            self.context.first[group] + 1, self.context.group_cap_end(group, grown)))

    def _lowest(self, grown: tuple[str, ...], *, least: bool = False) -> _Config:
        """These groups grown, each at its lowest real ramp — the top-ranked at its full ramp
        from three days up; `least`: the smallest ramp there is (+2 sets)."""
        ends = {}
        for position, group in enumerate(grown):
            first, full = self.context.first[group], self._capped_full_end(group, grown)
            if least:
                ends[group] = min(full, first + PACE_SETS)
            elif position == 0 and self.top_full:
                ends[group] = full
            else:
                ends[group] = lowest_grown_end(first, full)
        return _Config(grown, ends, self.ceilings)

    def _fits(self, config: _Config) -> bool:
        if self._clearly_over(config):
            return False
        draft = self.context.draft(config, trial=True)
        flat = draft.flat_grown()
        self.flat.update(flat)
        if draft.overflow() == 0 and not flat:
            self._accepted = draft
            return True
        return False

    def _room_for(self, grown: tuple[str, ...], group: str) -> bool:
        """Worth a trial: the days `group` trains on have room, in the last plan that fitted,
        for the sets its ramp adds to its maintenance (generously counted: growing it can
        also spare other groups some sets)."""
        context, draft = self.context, self._accepted
        peak = draft.week_index(-1)
        loads = {day: sum(count for _, count in items) for day, items in peak.items()}
        room = sum(max(0.0, context.capacity - loads[day]) for day in context.homes[group])
        config = self._lowest((*grown, group))
        wanted = context.estimate(context.targets(config), config.grown, -1).get(group, 0)
        now = draft.direct_in_week(-1).get(group, 0)
        return wanted - now <= room * 1.2 + MIN_SETS_PER_EXERCISE

    def _clearly_over(self, config: _Config) -> bool:
        """The peak week's expected direct sets are well past the week's budget: no need to
        lay the plan out to know it does not fit."""
        context = self.context
        expected = sum(context.estimate(context.targets(config), config.grown, -1).values())
        margin = 1.05 if context.request.max_minutes is None else 1.25
        return expected > len(context.days) * context.capacity * margin

    def _raise(self, config: _Config, group: str) -> _Config:
        """The highest end up to the full ramp's at which the plan still fits."""
        low, high = config.ends[group], self._capped_full_end(group, config.grown)
        while low < high:
            middle = (low + high + 1) // 2
            if self._fits(replace(config, ends={**config.ends, group: middle})):
                low = middle
            else:
                high = middle - 1
        return replace(config, ends={**config.ends, group: low})

    def _squeeze(self, config: _Config) -> _Config:
        """Maintenance alone overflows (e.g. one day a week): the lowest-ranked maintained
        groups on the busiest session lose sets until it fits or nothing is left to take."""
        order = [g for g in reversed(DEFAULT_RANK) if g in self.context.maintained_all]
        for _ in range(SESSION_SET_CAP * 7):
            draft = self.context.draft(config, trial=True)
            if draft.overflow() == 0:
                break
            week, day = draft.busiest()
            on_day = draft.direct_on(week, day)
            group = next((g for g in order if on_day.get(g, 0) > 0), None)
            if group is None:
                break
            weekly = sum(draft.direct_on(week, d).get(group, 0) for d in self.context.days)
            lower = weekly - 1 if weekly - 1 >= MIN_SETS_PER_EXERCISE else 0
            config = replace(config, ceilings={**config.ceilings, group: lower})
        return config


def _budget_warnings(context: _Context, config: _Config, plan: Plan) -> list[PlanWarning]:
    """Name what the budget took: groups maintained instead of grown, and grown groups whose
    ramp ends lower than their level's — each with what would hold it: more training days,
    or, where only the group's own split days are full, a split with more of them."""
    budget = _budget_label(context)
    full_days = _full_split_days(context, plan)
    warnings = []
    dropped = [g for g in context.ranking if g not in config.grown]
    if dropped:
        kept = (f"hold the ramps of {groups_label(config.grown, ordered=True)}" if config.grown
                else "hold no ramp after maintenance")
        verb = "are" if len(dropped) > 1 else "is"
        warnings.append(PlanWarning("budget", (
            f"Budget: {budget} {kept}; {groups_label(dropped, ordered=True)} {verb} maintained, "
            f"not grown. {_remedy(context, dropped, full_days, 'grow')}")))
    capped = {g for g in config.grown if config.ends[g] >= context.group_cap_end(g, config.grown)}
    lowered = [g for g in config.grown if g not in capped
               and plan.peak_week.counted_per_muscle[g] < context.full_end[g] - 0.5]
    if lowered:
        details = ", ".join(f"{group_name(g)} {context.first[g]} → "
                            f"{plan.peak_week.counted_per_muscle[g]:g} (not → "
                            f"{context.full_end[g]})" for g in lowered)
        warnings.append(PlanWarning("budget", (
            f"Budget: the lowest-ranked grown group{plural(lowered)} "
            f"ramp{'s' if len(lowered) == 1 else ''} less to fit {budget}: {details}. "
            f"{_remedy(context, lowered, full_days, 'ramp fully')}")))
    if config.ceilings:
        cut = ", ".join(f"{group_name(g)} {sets}" for g, sets in config.ceilings.items())
        warnings.append(PlanWarning("budget", (
            f"Budget: even maintenance does not fit {budget}: weekly direct sets cut to {cut}. "
            "More days, or longer sessions, would hold maintenance.")))
    return warnings


def _full_split_days(context: _Context, plan: Plan) -> set[str]:
    """The days whose peak-week session is (nearly) full while the week as a whole is not:
    the split, not the number of days, is what holds a group back there."""
    peak = {s.weekday: s for s in plan.peak_week.sessions}
    budget = plan_budget(plan)
    if budget.used >= 0.9 * budget.available:
        return set()
    limit = context.request.max_minutes
    return {day for day, s in peak.items()
            if (s.minutes if limit is not None else s.total_sets)
            >= 0.9 * (limit if limit is not None else SESSION_SET_CAP)}


def _remedy(context: _Context, groups: list[str], full_days: set[str], verb: str) -> str:
    """What would hold these groups: more days, or — where only their split days are full —
    another split."""
    crowded = [g for g in groups if set(context.homes[g]) <= full_days]
    sentence = _days_sentence(context, [g for g in groups if g not in crowded], verb)
    if crowded:
        kinds = sorted({SESSION_TITLES[context.kinds[d]].lower() for g in crowded
                        for d in context.homes[g]})
        days = sorted({d for g in crowded for d in context.homes[g]}, key=day_index)
        one = len(crowded) == 1
        sentence += (f" {groups_label(crowded, ordered=True).capitalize()}: "
                     f"{'its' if one else 'their'} {' and '.join(kinds)} days ({_days_label(days)})"
                     f" are full while other days have room — another split, or moving "
                     f"{'it' if one else 'them'} in the wizard, would let "
                     f"{'it' if one else 'them'} {verb}.")
    return sentence.strip()


def _days_sentence(context: _Context, groups: list[str], verb: str) -> str:
    """'1 more day (5 in all) would let side delts and glutes grow; 2 more days (6 in all)
    rear delts. Forearms need more than a week of sessions holds.' Rough: the peak week's
    expected sets over what a session holds."""
    by_days: dict[int, list[str]] = defaultdict(list)
    for group in groups:
        by_days[_days_to_hold(context, group)].append(group)
    parts: list[str] = []
    chosen = len(context.days)
    for days, named in sorted(by_days.items()):
        if days > 7 or len(parts) == 2:  # the next two steps say enough
            continue
        more = days - chosen
        lead = f"{more} more day{'s' if more > 1 else ''} ({days} in all)"
        parts.append(f"{lead} would let {groups_label(named, ordered=True)} {verb}"
                     if not parts else f"{lead} {groups_label(named, ordered=True)}")
    beyond = [g for days, named in sorted(by_days.items()) for g in named
              if days > 7 or days > sorted(by_days)[min(1, len(by_days) - 1)]]
    sentence = ("; ".join(parts) + ".") if parts else ""
    sentence = sentence[:1].upper() + sentence[1:]
    if beyond:
        sentence += (f" {groups_label(beyond, ordered=True).capitalize()} "
                     f"need{'s' if len(beyond) == 1 else ''} more days still.")
    return sentence.strip()


def _budget_label(context: _Context) -> str:
    days = len(context.days)
    if context.request.max_minutes is not None:
        return (f"{days} day{'s' if days != 1 else ''} of at most "
                f"{context.request.max_minutes} minutes")
    return f"{days} day{'s' if days != 1 else ''} × {SESSION_SET_CAP} sets"


def _days_to_hold(context: _Context, group: str) -> int:
    """Roughly how many training days would hold `group`'s full ramp with every group ranked
    above it (8 when more than a week's): the peak week's direct sets over what one session
    holds, and at least one more day than chosen."""
    position = context.ranking.index(group)
    grown = tuple(context.ranking[:position + 1])
    full = _Config(grown, {g: context.full_end[g] for g in grown})
    total = sum(context.estimate(context.targets(full), grown, -1).values())
    per_session = context.capacity * 0.95  # sessions never fill to the last set
    return min(8, max(len(context.days) + 1, math.ceil(total / per_session)))


def _dropped_choices(plan: Plan, context: _Context) -> list[PlanWarning]:
    """A chosen exercise can still get no set in a week: its group's sets there are split over
    the day's exercises, and there may be fewer sets than exercises (a maintained group, the
    deload), or its group may not train that day. Say so, naming the weeks."""
    warnings = []
    for day, chosen in context.pinned.items():
        for exercise in chosen:
            missing = [week for week in plan.weeks for session in week.sessions
                       if session.weekday == day
                       and exercise.name not in {e.name for e in session.exercises}]
            if not missing:
                continue
            if len(missing) == len(plan.weeks):
                warnings.append(PlanWarning("choice", (
                    f"Your choice '{exercise.name}' for {_day_label(day)} is not used: "
                    f"{group_name(exercise.primary or '')} gets no direct sets on "
                    f"{_day_label(day)} in this plan.")))
                continue
            weeks = ", ".join("the deload" if w.deload else f"week {w.number}" for w in missing)
            warnings.append(PlanWarning("choice", (
                f"Your choice '{exercise.name}' for {_day_label(day)} gets no set in "
                f"{weeks}: {group_name(exercise.primary or '')} has fewer sets there than "
                "exercises chosen.")))
    return warnings


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


# --- Small helpers -------------------------------------------------------------------------------

def _raise_on_problems(request: PlanRequest) -> None:
    problems = request.problems()
    if problems:
        raise ValueError("; ".join(problems))


def _with_primary(found: list[ExerciseInfo | None]) -> list[tuple[ExerciseInfo, str]]:
    """The exercises found that have a primary group, each once and with it, in order."""
    return [(e, e.primary) for e in dict.fromkeys(found) if e is not None and e.primary]


def _day_label(day: str) -> str:
    return day.capitalize()


def _days_label(days) -> str:
    return ", ".join(_day_label(d) for d in sorted(days, key=day_index))


def _week_to_dict(week: PlanWeek) -> dict:
    return {
        "number": week.number,
        "deload": week.deload,
        "rir": week.rir,
        "sets_per_muscle": dict(week.sets_per_muscle),
        "counted_per_muscle": dict(week.counted_per_muscle),
        "sessions": [{
            "weekday": session.weekday,
            "date": session.date.isoformat(),
            "name": session.name,
            "minutes": session.minutes,
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

