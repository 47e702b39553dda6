"""An independent reading of DOMAIN §3, §4, §6 and §10 over a finished plan.

Written apart from models.rules.plan_checks: it reads only the plan and the request, so a generator
that breaks a rule without saying so fails. Some rules are never excused (a grown muscle held
flat, an empty session, a one-set exercise); the others hold, or a warning names them — and only
where the chosen days make the rule impossible.
"""

from __future__ import annotations

import math
from datetime import timedelta
from itertools import combinations, pairwise

from models.rules.domain import MUSCLE_GROUPS, WEEKDAYS, session_minutes, set_weights
from models.rules.generator import Plan, PlanRequest, frequency_range
from models.rules.plan_sessions import SESSION_GROUPS, home_days, session_kinds
from models.rules.plan_volume import full_ramp_end, level_ramp

ARTICLE_NINE = {"Barbell Row", "Cable Row", "Machine Row", "Dumbbell Row", "Helms Row",
                "Lat Pulldown", "Dumbbell Pullover", "Machine Pulldown", "Cable Pulldown"}
COMPOUND = {"horizontal_pull", "vertical_pull", "horizontal_push", "vertical_push", "squat",
            "hinge", "lunge", "hip_extension"}
PACE_SLACK = 1  # whole sets per session, and a half set per secondary exercise, round a target


def warned(plan: Plan, rule: str, text: str = "") -> bool:
    """A warning with this rule code exists and, when text is given, mentions it."""
    return any(w.rule == rule and text.replace("_", " ") in w.message for w in plan.warnings)


def counted(plan: Plan, week) -> dict[str, float]:
    totals = dict.fromkeys(MUSCLE_GROUPS, 0.0)
    for session in week.sessions:
        for exercise in session.exercises:
            for group, weight in set_weights(exercise.primary, exercise.secondary, plan.rule):
                totals[group] += exercise.sets * weight
    return totals


def pinned_names(request: PlanRequest) -> set[str]:
    return {name.casefold() for names in request.exercise_choices.by_day.values()
            for name in names}


def assert_plan_is_one_a_coach_signs(plan: Plan, request: PlanRequest, *,
                                     usual_landmarks: bool = True) -> None:
    """`usual_landmarks`: the default landmarks (or near them), where the top-ranked muscle's
    full ramp fits from three days up; with any numbers a user may type, maintenance alone can
    fill the week, and then the budget must say so."""
    assert plan.warnings == tuple(dict.fromkeys(plan.warnings)), "duplicate warnings"
    assert plan.rule == request.rule
    _assert_shape(plan, request)
    _assert_priorities(plan, request)
    _assert_counting(plan)
    _assert_grown_ramps(plan, request, usual_landmarks)
    _assert_maintained_and_skipped(plan, request)
    _assert_sessions(plan, request)
    _assert_frequency_and_spacing(plan, request)
    _assert_order(plan, request)
    _assert_spinal_load_and_variety(plan, request)
    _assert_deload_and_rir(plan, request)


def _assert_shape(plan: Plan, request: PlanRequest) -> None:
    days = tuple(d for d in WEEKDAYS if d in request.days)
    idle = [d for d in days if d not in plan.days]
    assert not idle or warned(plan, "days", idle[0].capitalize()), idle
    days = tuple(d for d in days if d in plan.days)
    assert plan.days == days
    assert len(plan.accumulation_weeks) == request.weeks
    assert len(plan.weeks) == request.weeks + (1 if request.deload else 0)
    assert [w.number for w in plan.weeks] == list(range(1, len(plan.weeks) + 1))
    for index, week in enumerate(plan.weeks):
        block = request.start + timedelta(days=7 * index)
        assert sorted(s.weekday for s in week.sessions) == sorted(days)
        for session in week.sessions:
            assert block <= session.date < block + timedelta(days=7)
            assert WEEKDAYS[session.date.weekday()] == session.weekday
        assert [s.date for s in week.sessions] == sorted(s.date for s in week.sessions)
        for group in MUSCLE_GROUPS:
            assert week.sets_per_muscle[group] == sum(s.sets_for(group) for s in week.sessions)


def _assert_priorities(plan: Plan, request: PlanRequest) -> None:
    """What the plan finally does: requested growth is kept, or the budget names the group;
    maintain and skip stay; the ranking keeps the user's order."""
    in_library = {e.primary for e in request.library}
    for group in MUSCLE_GROUPS:
        asked, did = request.priority(group), plan.priorities[group]
        if group not in in_library:
            assert did == "skip" and warned(plan, "no_exercise", group)
        elif asked == "grow" and did != "grow":
            assert did == "maintain" and warned(plan, "budget", group), group
        else:
            assert did == asked, group
    assert [g for g in request.ranking() if g in plan.rank] == list(plan.rank)
    assert set(plan.rank) == {g for g, p in plan.priorities.items() if p == "grow"}


def _assert_counting(plan: Plan) -> None:
    for week in plan.weeks:
        assert week.counted_per_muscle == counted(plan, week)
        for session in week.sessions:
            assert session.minutes == session_minutes(
                (e.pattern, e.secondary, e.sets) for e in session.exercises)
            assert session.minutes >= 0


def _assert_grown_ramps(plan: Plan, request: PlanRequest, usual_landmarks: bool) -> None:
    """Never excused: a grown muscle rises (counted and direct), never goes down, never sits
    below MEV, climbs at most +2 sets (or +20 %) a week; the top-ranked keeps its full ramp
    from three days up unless the 12-sets-a-session cap holds it."""
    weeks = plan.accumulation_weeks
    for group in plan.rank:
        landmarks = request.landmarks_for(group)
        sets = [w.counted_per_muscle[group] for w in weeks]
        direct = [w.sets_per_muscle[group] for w in weeks]
        assert sets[-1] > sets[0] and direct[-1] > direct[0], (group, sets, direct)
        assert all(b >= a for a, b in pairwise(sets)), (group, sets)
        assert all(b >= a for a, b in pairwise(direct)), (group, direct)
        floor = landmarks.mev
        if request.start_offsets.get(group, 0) < 0:
            floor = min(floor, level_ramp(request.level, landmarks,
                                          request.start_offsets[group])[0])
        assert min(sets) >= floor, (group, sets)
        assert max(sets) <= landmarks.mrv or warned(plan, "range", group), (group, sets)
        for before, after in pairwise(sets):
            assert after - before <= max(2, math.floor(before * 0.2)) + PACE_SLACK, \
                (group, sets)
    if plan.rank and len(plan.days) >= 3 and request.max_minutes is None:
        top = plan.rank[0]
        full = full_ramp_end(request.level, request.landmarks_for(top), request.weeks,
                             request.start_offsets.get(top, 0))
        peak = weeks[-1].counted_per_muscle[top]
        # A split the user picked may give the top group one crowded day (one Legs day in
        # five), or the chosen days only one session for it: then a warning says so.
        crowded = all(s.total_sets >= 0.9 * 25 for s in weeks[-1].sessions
                      if s.sets_for(top)) and request.max_minutes is None
        excused = warned(plan, "frequency", top) or (
            (request.split != "auto" or not usual_landmarks or crowded)
            and warned(plan, "budget", top))
        # Under fractional counting a half set from another group's exercise can leave the
        # last whole set unplanned below MRV.
        slack = 1 if plan.rule == "fractional" else 0
        assert peak >= full - slack or warned(plan, "group_session_cap", top) or excused, \
            (top, peak, full)


def _assert_maintained_and_skipped(plan: Plan, request: PlanRequest) -> None:
    chosen = {e.primary for names in request.exercise_choices.by_day.values()
              for e in request.library if e.name in names} | set(
        request.exercise_choices.by_group)
    for group in MUSCLE_GROUPS:
        landmarks = request.landmarks_for(group)
        priority = plan.priorities[group]
        if priority == "skip":
            assert all(w.sets_per_muscle[group] == 0 for w in plan.weeks), group
        if priority != "maintain":
            continue
        sets = [w.counted_per_muscle[group] for w in plan.accumulation_weeks]
        assert min(sets) >= landmarks.mv or warned(plan, "range", group) or \
            warned(plan, "budget", group), (group, sets)
        if landmarks.mv == 0 and group not in chosen:
            # Count what the user counts: no direct sets a maintained MV-0 muscle never needs.
            assert all(w.sets_per_muscle[group] == 0 for w in plan.weeks), group


def _assert_sessions(plan: Plan, request: PlanRequest) -> None:
    """Every day has work; 2–8 exercises; 2–5 sets an exercise in accumulation weeks; caps;
    the split's days."""
    kinds = session_kinds(plan.days, plan.split)
    for slot in plan.layout:
        kinds[slot.weekday] = slot.kind  # a day left with no muscle of its kind trains any
    pinned = pinned_names(request)
    for week in plan.weeks:
        for session in week.sessions:
            assert session.exercises, ("empty session", week.number, session.weekday)
            assert all(e.sets >= 1 for e in session.exercises)
            if week.deload:
                continue
            count = len(session.exercises)
            assert 2 <= count <= 8 or warned(plan, "exercises"), (week.number, session)
            for exercise in session.exercises:
                assert exercise.sets >= 2, ("one-set exercise", exercise.name, week.number)
                assert exercise.sets <= 5 or warned(plan, "exercises", exercise.name), exercise
            assert session.total_sets <= 25 or warned(plan, "session_cap")
            if request.max_minutes is not None:
                assert session.minutes <= request.max_minutes or warned(plan, "session_length")
            for group, sets in session.sets_by_group().items():
                assert sets <= 12 or warned(plan, "group_session_cap", group)
                home = home_days(group, plan.days, kinds)
                own = [e for e in session.exercises if e.primary == group
                       and e.name.casefold() not in pinned]
                if own and home:
                    assert group in SESSION_GROUPS[kinds[session.weekday]], \
                        (group, session.weekday, plan.split)


def _assert_frequency_and_spacing(plan: Plan, request: PlanRequest) -> None:
    for week in plan.accumulation_weeks:
        for group in plan.rank:
            count = sum(1 for s in week.sessions
                        if any(group == e.primary or (plan.rule == "fractional"
                                                      and group in e.secondary)
                               for e in s.exercises))
            low, high = frequency_range(request.landmarks_for(group))
            if not low <= count <= high:
                assert warned(plan, "frequency", group), (group, count)
    sessions = [s for week in plan.weeks for s in week.sessions]
    for group in MUSCLE_GROUPS:
        dates = sorted(s.date for s in sessions if s.sets_for(group) > 0)
        if any((b - a).days < 2 for a, b in pairwise(dates)):
            assert warned(plan, "spacing_48h", group), group
    # Whatever breaks the 48-hour rule, it is only two back-to-back days and nothing else.
    days = [WEEKDAYS.index(d) for d in plan.days]
    only_two_adjacent = len(days) == 2 and (days[1] - days[0]) in (1, 6)
    if not only_two_adjacent and not request.exercise_choices.by_day:
        assert not warned(plan, "spacing_48h"), plan.warnings


def _assert_order(plan: Plan, request: PlanRequest) -> None:
    """Priority muscles and compounds first, maintained muscles last (user picks excepted)."""
    rank = {group: index for index, group in enumerate(plan.rank)}
    pinned = pinned_names(request)
    for week in plan.weeks:
        for session in week.sessions:
            free = [e for e in session.exercises if e.name.casefold() not in pinned]

            def best(exercise):
                trained = (exercise.primary, *exercise.secondary)
                return min((rank[g] for g in trained if g in rank), default=len(rank))

            for earlier, later in pairwise(free):
                assert best(earlier) <= best(later), (session.weekday, earlier.name, later.name)
                if best(earlier) == best(later):
                    assert _compound(earlier) or not _compound(later), (earlier.name, later.name)


def _compound(exercise) -> bool:
    if exercise.pattern == "vertical_pull":
        return "biceps" in exercise.secondary  # a pullover is an isolation lift
    return exercise.pattern in COMPOUND


def _assert_spinal_load_and_variety(plan: Plan, request: PlanRequest) -> None:
    library = {e.name: e for e in request.library}
    pinned = pinned_names(request)
    user_pools = set(request.exercise_choices.by_group)
    for week in plan.weeks:
        for session in week.sessions:
            infos = [library[e.name] for e in session.exercises]
            axial = [e for e in infos if e.equipment in ("barbell", "trap_bar")
                     and e.pattern in ("squat", "hinge", "horizontal_pull")
                     and e.key != "seal_row"]
            if not pinned:
                assert len(axial) <= 2, (week.number, session.weekday, axial)
                patterns = {e.pattern for e in axial}
                assert not {"squat", "hinge", "horizontal_pull"} <= patterns, session
            for group in MUSCLE_GROUPS:
                own = [e for e in session.exercises if e.primary == group]
                if pinned or group in user_pools or session.sets_for(group) > 5:
                    continue
                for a, b in combinations(own, 2):
                    assert a.pattern != b.pattern, ("near-identical pair", a.name, b.name)
        if request.exercise_choices.by_day or "back" in user_pools:
            continue
        back = [library[e.name] for s in week.sessions for e in s.exercises
                if e.primary == "back"]
        vertical = [e for e in back if e.pattern == "vertical_pull"]
        if vertical:
            assert any("biceps" in e.secondary for e in vertical), "pullover alone"
        sessions = sum(1 for s in week.sessions if s.sets_for("back"))
        in_library = ARTICLE_NINE & set(library)
        if "back" in plan.rank and sessions >= 3 and not week.deload:
            wanted = min(3, len(in_library))
            assert len({e.name for e in back} & ARTICLE_NINE) >= wanted, week.number
        if back:
            assert {"horizontal_pull", "vertical_pull"} <= {e.pattern for e in back} or \
                warned(plan, "back_balance")


def _assert_deload_and_rir(plan: Plan, request: PlanRequest) -> None:
    rirs = [w.rir for w in plan.accumulation_weeks]
    assert rirs[0] == 3 and rirs[-1] == 0 and all(a >= b for a, b in pairwise(rirs))
    for week in plan.weeks:
        assert all(e.rir == week.rir for s in week.sessions for e in s.exercises)
    if not request.deload:
        assert not any(w.deload for w in plan.weeks)
        return
    deload, peak = plan.weeks[-1], plan.accumulation_weeks[-1]
    assert deload.deload and 4 <= deload.rir <= 5
    for group in MUSCLE_GROUPS:
        top = peak.sets_per_muscle[group]
        sets = deload.sets_per_muscle[group]
        if top == 0:
            assert sets == 0, group
        else:
            assert max(1, math.floor(top * 0.35)) <= sets <= math.ceil(top * 0.65), \
                (group, top, sets)
    peak_names = {e.name for s in peak.sessions for e in s.exercises}
    assert {e.name for s in deload.sessions for e in s.exercises} <= peak_names
