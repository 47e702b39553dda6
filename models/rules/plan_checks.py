"""Auditing a plan against the rules (DOMAIN §3, §4, §6, §10): every rule it breaks, named.

Works on any plan, also one the user edited, judged by what the plan says it does with each group
(grow, maintain, skip) under its counting rule and the request's landmarks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import pairwise

from models.rules.domain import MUSCLE_GROUPS, group_label
from models.rules.plan_sessions import (
    MAX_AXIAL_PER_SESSION,
    PATTERN_NAMES,
    REQUIRED_PATTERNS,
    frequency_range,
    is_heavy_axial,
)
from models.rules.plan_types import (
    GROUP_SESSION_CAP,
    MAX_EXERCISES,
    MAX_SETS_PER_EXERCISE,
    MIN_DAYS_APART,
    MIN_EXERCISES,
    MIN_SETS_PER_EXERCISE,
    SESSION_SET_CAP,
    Plan,
    PlannedSession,
    PlanRequest,
    PlanWarning,
    PlanWeek,
    day_index,
    group_index,
)

_PRIMARY_DAYS_APART = MIN_DAYS_APART


def check_plan(plan: Plan, request: PlanRequest) -> list[PlanWarning]:
    """Every rule the plan breaks, as warnings naming the groups, days or weeks."""
    context = _CheckContext(plan, request)
    return [
        *_check_frequency(context),
        *_check_spacing(context),
        *_check_caps(context),
        *_check_exercises(context),
        *_check_back_balance(context),
        *_check_spinal_load(context),
        *_check_volume_range(context),
        *_check_ramp(context),
    ]


class _CheckContext:
    """What the checks share: the plan, each group's priority, sets per session and group."""

    def __init__(self, plan: Plan, request: PlanRequest) -> None:
        self.plan = plan
        self.request = request
        in_library = {e.primary for e in request.library}
        # Groups without any exercise are explained by a "no_exercise" warning instead.
        stated = plan.priorities or {g: request.priority(g) for g in MUSCLE_GROUPS}
        self.priorities = {g: stated.get(g, "skip") if g in in_library else "skip"
                           for g in MUSCLE_GROUPS}
        self.days_label = days_label(plan.days)
        self._direct = {(week.number, s.weekday): s.sets_by_group()
                        for week in plan.weeks for s in week.sessions}
        self._counted = {(week.number, s.weekday): s.counted_by_group(plan.rule)
                         for week in plan.weeks for s in week.sessions}

    def direct(self, week: PlanWeek, session: PlannedSession, group: str) -> int:
        return self._direct[week.number, session.weekday].get(group, 0)

    def counted(self, week: PlanWeek, session: PlannedSession, group: str) -> float:
        return self._counted[week.number, session.weekday].get(group, 0.0)

    def weekly_counted(self, week: PlanWeek, group: str) -> float:
        return sum(self.counted(week, s, group) for s in week.sessions)

    def grown(self) -> list[str]:
        return [g for g in MUSCLE_GROUPS if self.priorities[g] == "grow"]


def _check_frequency(context: _CheckContext) -> list[PlanWarning]:
    """Grown groups, accumulation weeks: sessions that count sets for the group (under the
    plan's rule) within its 2–4 range."""
    counts: dict[str, set[int]] = defaultdict(set)
    for week in context.plan.accumulation_weeks:
        for group in context.grown():
            sessions = sum(1 for s in week.sessions if context.counted(week, s, group) > 0)
            low, high = frequency_range(context.request.landmarks_for(group))
            if not low <= sessions <= high:
                counts[group].add(sessions)
    if not counts:
        return []
    details = "; ".join(
        f"{group_name(g)} {numbers(counts[g])} "
        f"(wanted {_range_label(frequency_range(context.request.landmarks_for(g)))})"
        for g in MUSCLE_GROUPS if g in counts)
    return [PlanWarning("frequency", (
        f"Frequency (sessions a week per grown group): {details} — the best the chosen days "
        f"({context.days_label}), the split, the 48-hour rule and the session caps allow."))]


def _check_spacing(context: _CheckContext) -> list[PlanWarning]:
    """Consecutive sessions of a group as primary, over the whole plan (week ends count)."""
    close_pairs: dict[str, set[tuple[str, str]]] = defaultdict(set)
    sessions = [(week, s) for week in context.plan.weeks for s in week.sessions]
    for group in MUSCLE_GROUPS:
        dates = sorted((s.date, s.weekday) for week, s in sessions
                       if context.direct(week, s, group) > 0)
        for (earlier, first_day), (later, second_day) in pairwise(dates):
            if (later - earlier).days < _PRIMARY_DAYS_APART:
                close_pairs[group].add((first_day, second_day))
    by_pairs: dict[frozenset[tuple[str, str]], list[str]] = defaultdict(list)
    for group, group_pairs in close_pairs.items():
        by_pairs[frozenset(group_pairs)].append(group)
    warnings = []
    for pairs, groups in by_pairs.items():
        days = ", ".join(f"{day_label(a)}→{day_label(b)}"
                         for a, b in sorted(pairs, key=lambda p: day_index(p[0])))
        warnings.append(PlanWarning("spacing_48h", (
            f"48-hour rule: {groups_label(groups)} trained on consecutive days ({days}); "
            f"the chosen days ({context.days_label}) leave no better choice.")))
    return warnings


def _check_caps(context: _CheckContext) -> list[PlanWarning]:
    warnings = []
    limit = context.plan.max_minutes
    for week in context.plan.weeks:
        for session in week.sessions:
            where = f"week {week.number}, {day_label(session.weekday)}"
            if session.total_sets > SESSION_SET_CAP:
                warnings.append(PlanWarning("session_cap", (
                    f"Session cap: {where} has {session.total_sets} working sets, more than "
                    f"{SESSION_SET_CAP}.")))
            if limit is not None and session.minutes > limit:
                warnings.append(PlanWarning("session_length", (
                    f"Session length: {where} takes about {session.minutes} minutes, more than "
                    f"your {limit}.")))
            for group in MUSCLE_GROUPS:
                sets = context.direct(week, session, group)
                if sets > GROUP_SESSION_CAP:
                    warnings.append(PlanWarning("group_session_cap", (
                        f"Per-session cap: {where} has {sets} {group_name(group)} sets, more "
                        f"than {GROUP_SESSION_CAP}.")))
    return warnings


def _check_exercises(context: _CheckContext) -> list[PlanWarning]:
    """2–8 exercises a session; 2–5 sets an exercise in accumulation weeks."""
    empty, few, many, small, big = set(), set(), set(), set(), set()
    for week in context.plan.weeks:
        for session in week.sessions:
            where = (week.number, session.weekday)
            count = len(session.exercises)
            if count == 0:
                empty.add(where)
            elif count < MIN_EXERCISES:
                few.add(where)
            elif count > MAX_EXERCISES:
                many.add(where)
            if week.deload:
                continue
            for exercise in session.exercises:
                if exercise.sets < MIN_SETS_PER_EXERCISE:
                    small.add(exercise.name)
                elif exercise.sets > MAX_SETS_PER_EXERCISE:
                    big.add(exercise.name)
    warnings = []
    for found, text in ((empty, "no exercise at all"),
                        (few, f"fewer than {MIN_EXERCISES} exercises"),
                        (many, f"more than {MAX_EXERCISES} exercises")):
        if found:
            warnings.append(PlanWarning("exercises", (
                f"Exercises: {_sessions_label(found)} {'have' if len(found) > 1 else 'has'} "
                f"{text}.")))
    if small:
        warnings.append(PlanWarning("exercises", (
            f"Exercises: {', '.join(sorted(small))} get{'s' if len(small) == 1 else ''} a "
            f"single working set in some week — fewer than {MIN_SETS_PER_EXERCISE}.")))
    if big:
        warnings.append(PlanWarning("exercises", (
            f"Exercises: {', '.join(sorted(big))} get{'s' if len(big) == 1 else ''} more than "
            f"{MAX_SETS_PER_EXERCISE} working sets in some week.")))
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
        f"Back balance: week{plural(weeks)} {numbers(weeks)} "
        f"{'have' if len(weeks) > 1 else 'has'} no {PATTERN_NAMES[pattern]} "
        f"({pattern.replace('_', ' ')}) for the back."))
        for pattern, weeks in lacking.items()]


def _check_spinal_load(context: _CheckContext) -> list[PlanWarning]:
    """At most two heavy axial barbell lifts a session; beside a squat and a hinge, the back's
    row is a supported one."""
    heavy, rows = set(), set()
    by_name = {e.name: e for e in context.request.library}
    for week in context.plan.weeks:
        for session in week.sessions:
            axial = [by_name[e.name] for e in session.exercises
                     if e.name in by_name and is_heavy_axial(by_name[e.name])]
            where = (week.number, session.weekday)
            if len(axial) > MAX_AXIAL_PER_SESSION:
                heavy.add(where)
            patterns = {e.pattern for e in axial}
            if {"squat", "hinge", "horizontal_pull"} <= patterns:
                rows.add(where)
    warnings = []
    if heavy:
        warnings.append(PlanWarning("spinal_load", (
            f"Spinal load: {_sessions_label(heavy)} hold more than {MAX_AXIAL_PER_SESSION} "
            "heavy barbell squats, hinges or bent-over rows.")))
    if rows:
        warnings.append(PlanWarning("spinal_load", (
            f"Spinal load: {_sessions_label(rows)} pair a bent-over barbell row with a squat "
            "and a hinge; a supported row (Helms, machine, cable or dumbbell) spares the "
            "lower back.")))
    return warnings


def _check_volume_range(context: _CheckContext) -> list[PlanWarning]:
    """Accumulation weeks, counted under the plan's rule: grow within MEV–MRV, maintain at MV
    or above (never over MRV), skip with no direct set."""
    weeks = context.plan.accumulation_weeks
    outside = []
    for group in MUSCLE_GROUPS:
        priority = context.priorities[group]
        landmarks = context.request.landmarks_for(group)
        if priority == "skip":
            if any(week.sets_per_muscle.get(group, 0) for week in context.plan.weeks):
                outside.append(f"{group_name(group)} is skipped but has direct sets")
            continue
        low = landmarks.mev if priority == "grow" else landmarks.mv
        offset = context.request.start_offsets.get(group, 0)
        if priority == "grow" and offset < 0:
            # A start lowered on purpose (the group hit MRV last time) may sit below MEV.
            low = min(low, max(1, landmarks.mev + offset))
        sets = [context.weekly_counted(week, group) for week in weeks]
        off = [w.number for w, n in zip(weeks, sets, strict=True)
               if not low <= n <= landmarks.mrv or (priority == "grow" and n == 0)]
        if off:
            outside.append(f"{group_name(group)} {numbers_text(sets)} sets in week"
                           f"{plural(off)} {numbers(off)} ({priority}: {low}–{landmarks.mrv})")
    if not outside:
        return []
    return [PlanWarning("range", "Volume range (weekly sets, counted "
                        f"{context.plan.rule}): " + "; ".join(outside) + ".")]


def _check_ramp(context: _CheckContext) -> list[PlanWarning]:
    """A grown group's counted sets never go down during accumulation, and its last week has
    more than its first (a grown group held flat is a defect, DOMAIN §4)."""
    weeks = context.plan.accumulation_weeks
    drops, flat = [], []
    for group in context.grown():
        sets = [context.weekly_counted(week, group) for week in weeks]
        down = [w.number for w, before, after in zip(weeks[1:], sets, sets[1:], strict=False)
                if after < before]
        if down:
            drops.append(f"{group_name(group)} in week{plural(down)} {numbers(down)}")
        if len(sets) > 1 and sets[-1] <= sets[0]:
            flat.append(group)
    warnings = []
    if drops:
        warnings.append(PlanWarning("ramp", "Ramp: weekly sets go down for " + "; ".join(drops)
                                    + "."))
    if flat:
        verb = "grows" if len(flat) == 1 else "grow"
        warnings.append(PlanWarning("ramp", f"Ramp: {groups_label(flat)} {verb} but end the "
                                    "mesocycle no higher than they start."))
    return warnings


# --- Labels (shared with the generator's messages) ---------------------------------------------

def group_name(group: str) -> str:
    return group_label(group).lower()


def groups_label(groups: Iterable[str], *, ordered: bool = False) -> str:
    """'back, chest and quads': table order, or the order given when `ordered`."""
    names = list(groups) if ordered else sorted(groups, key=group_index)
    labels = [group_name(g) for g in names]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def day_label(day: str) -> str:
    return day.capitalize()


def days_label(days: Iterable[str]) -> str:
    return ", ".join(day_label(d) for d in sorted(days, key=day_index))


def numbers(values: Iterable[int]) -> str:
    """{1, 2, 3, 5} -> '1–3, 5'."""
    ordered = sorted(set(values))
    runs: list[list[int]] = []
    for value in ordered:
        if runs and value == runs[-1][-1] + 1:
            runs[-1].append(value)
        else:
            runs.append([value])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def numbers_text(values: Iterable[float]) -> str:
    """Weekly set counts as the user reads them: '10, 11.5, 13'."""
    return ", ".join(f"{v:g}" for v in values)


def plural(items: Iterable) -> str:
    return "s" if len(list(items)) != 1 else ""


def _range_label(bounds: tuple[int, int]) -> str:
    low, high = bounds
    return str(low) if low == high else f"{low}–{high}"


def _sessions_label(found: set[tuple[int, str]]) -> str:
    by_day: dict[str, list[int]] = defaultdict(list)
    for week, day in found:
        by_day[day].append(week)
    return "; ".join(f"{day_label(day)} in week{plural(weeks)} {numbers(weeks)}"
                     for day, weeks in sorted(by_day.items(), key=lambda p: day_index(p[0])))
