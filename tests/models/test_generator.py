"""The mesocycle generator (DOMAIN §3, §4, §6): every rule holds, or a warning names it.

The rule checker here is written independently of models.generator.check_plan: it reads only the
finished plan and the request, so a generator that breaks a rule without saying so fails.
"""

from __future__ import annotations

import json
import math
from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from models.domain import (
    DEFAULT_LANDMARKS,
    LEVELS,
    MUSCLE_GROUPS,
    WEEKDAYS,
    ExerciseInfo,
    Landmarks,
)
from models.generator import (
    PRIORITIES,
    SPLITS,
    ExerciseChoices,
    Plan,
    PlanRequest,
    check_plan,
    choose_split,
    frequency_range,
    generate_plan,
    maintenance_sets,
    plan_to_dict,
    rir_targets,
    session_layout,
    start_volume,
    weekly_targets,
)
from models.library_file import read_shipped_library

SHIPPED = read_shipped_library().exercises
BACK = DEFAULT_LANDMARKS["back"]
MONDAY = date(2025, 3, 3)
ROW, PULLDOWN = "horizontal_pull", "vertical_pull"


def _exercise(name, primary, pattern, low=8, high=12, tempo="2-0-1-0"):
    return ExerciseInfo(name=name, primary=primary, pattern=pattern, rep_low=low, rep_high=high,
                        tempo=tempo, key=name.lower().replace(" ", "_"))


# A library small enough to reason about: two exercises per group, rows and pulldowns for back.
SMALL_LIBRARY = (
    _exercise("Barbell Row", "back", ROW, 6, 10, "3-1-1-0"),
    _exercise("Cable Row", "back", ROW, 8, 12, "3-0-1-1"),
    _exercise("Lat Pulldown", "back", PULLDOWN, 10, 15, "3-1-1-0"),
    _exercise("Dumbbell Pullover", "back", PULLDOWN, 10, 15, "3-1-1-0"),
    _exercise("Bench Press", "chest", "horizontal_push", 6, 10),
    _exercise("Cable Fly", "chest", "chest_fly", 12, 20),
    _exercise("Back Squat", "quads", "squat", 5, 8),
    _exercise("Leg Extension", "quads", "knee_extension", 12, 20),
    _exercise("Romanian Deadlift", "hamstrings", "hinge", 6, 10),
    _exercise("Lying Leg Curl", "hamstrings", "knee_flexion", 10, 15),
    _exercise("Hip Thrust", "glutes", "hip_extension"),
    _exercise("Barbell Curl", "biceps", "elbow_flexion"),
    _exercise("Triceps Pushdown", "triceps", "elbow_extension", 10, 15),
    _exercise("Lateral Raise", "side_delts", "lateral_raise", 12, 20),
    _exercise("Face Pull", "rear_delts", "rear_delt_fly", 12, 20),
    _exercise("Overhead Press", "front_delts", "vertical_push", 6, 10),
    _exercise("Standing Calf Raise", "calves", "calf_raise", 10, 20, "2-2-1-0"),
    _exercise("Cable Crunch", "abs", "core_flexion", 10, 20),
    _exercise("Barbell Shrug", "traps", "shrug", 10, 15),
    _exercise("Wrist Curl", "forearms", "wrist_flexion", 12, 20),
)

# Back, chest and legs grow; arms and side delts are maintained: fits 3 full-body sessions.
MAIN_LIFTS = {g: "skip" for g in MUSCLE_GROUPS} | {
    "back": "grow", "chest": "grow", "quads": "grow", "hamstrings": "grow",
    "biceps": "maintain", "side_delts": "maintain",
}
ONLY_BACK = {g: "skip" for g in MUSCLE_GROUPS} | {"back": "grow"}


def _request(**overrides) -> PlanRequest:
    values = {"level": "beginner", "days": ("mon", "wed", "fri"), "weeks": 6, "start": MONDAY,
              "library": SHIPPED}
    return PlanRequest(**(values | overrides))


def _weekly(plan: Plan, group: str) -> list[int]:
    return [week.sets_per_muscle[group] for week in plan.accumulation_weeks]


def _warned_about(plan: Plan, rule: str, group: str | None = None) -> bool:
    """A warning with this rule code exists and, when a group is given, names the group."""
    label = group.replace("_", " ") if group else ""
    return any(w.rule == rule and label in w.message for w in plan.warnings)


def _trained_days(week, group):
    return [s for s in week.sessions if s.sets_for(group) > 0]


# --- The independent rule checker ------------------------------------------------------------

def assert_rules_hold_or_warned(plan: Plan, request: PlanRequest) -> None:
    library_groups = {e.primary for e in request.library}
    priorities = {g: request.priority(g) for g in MUSCLE_GROUPS}
    assert plan.warnings == tuple(dict.fromkeys(plan.warnings)), "duplicate warnings"
    for group, priority in priorities.items():
        if priority != "skip" and group not in library_groups:
            assert _warned_about(plan, "no_exercise", group)
            priorities[group] = "skip"
    _assert_shape(plan, request)
    _assert_volume(plan, request, priorities)
    _assert_frequency_and_spacing(plan, request)
    _assert_caps_and_balance(plan)
    _assert_prescriptions(plan, request)


def _assert_shape(plan: Plan, request: PlanRequest) -> None:
    days = tuple(d for d in WEEKDAYS if d in request.days)
    assert plan.days == days
    assert len(plan.accumulation_weeks) == request.weeks
    assert len(plan.weeks) == request.weeks + (1 if request.deload else 0)
    assert [w.number for w in plan.weeks] == list(range(1, len(plan.weeks) + 1))
    for index, week in enumerate(plan.weeks):
        block = request.start + timedelta(days=7 * index)
        assert [s.weekday for s in sorted(week.sessions, key=lambda s: WEEKDAYS.index(
            s.weekday))] == list(days)
        for session in week.sessions:
            assert block <= session.date < block + timedelta(days=7)
            assert WEEKDAYS[session.date.weekday()] == session.weekday
        assert [s.date for s in week.sessions] == sorted(s.date for s in week.sessions)
    first = plan.weeks[0].sessions[0].date
    assert first >= request.start and (first - request.start).days < 7
    assert all(WEEKDAYS[(request.start + timedelta(d)).weekday()] not in days
               for d in range((first - request.start).days))


def _assert_volume(plan: Plan, request: PlanRequest, priorities: dict[str, str]) -> None:
    for week in plan.weeks:
        for group in MUSCLE_GROUPS:
            assert week.sets_per_muscle[group] == sum(s.sets_for(group) for s in week.sessions)
    for group, priority in priorities.items():
        sets = _weekly(plan, group)
        landmarks = request.landmarks_for(group)
        if priority == "skip":
            assert all(w.sets_per_muscle[group] == 0 for w in plan.weeks), group
            continue
        if priority == "grow":
            low, high = landmarks.mev, landmarks.mrv
            wanted = weekly_targets(request.level, landmarks, request.weeks)
            if any(a > b for a, b in pairwise(sets)):
                assert _warned_about(plan, "ramp", group)
        else:
            low, high = landmarks.mv, max(landmarks.mv, start_volume(landmarks))
            wanted = [maintenance_sets(landmarks)] * request.weeks
        if any(not low <= n <= high or n == 0 for n in sets):
            assert _warned_about(plan, "range", group), (group, sets)
        if sets != wanted:
            # Only the caps may take sets away from the targets, and never silently.
            assert all(n <= t for n, t in zip(sets, wanted, strict=True))
            assert (_warned_about(plan, "session_cap", group)
                    or _warned_about(plan, "group_session_cap", group)), (group, sets, wanted)
        if request.deload:
            deload = plan.weeks[-1]
            assert deload.sets_per_muscle[group] == math.ceil(sets[0] / 2), group


def _assert_frequency_and_spacing(plan: Plan, request: PlanRequest) -> None:
    for week in plan.accumulation_weeks:
        for group in MUSCLE_GROUPS:
            count = len(_trained_days(week, group))
            low, high = frequency_range(request.landmarks_for(group))
            if count and not low <= count <= high:
                assert _warned_about(plan, "frequency", group), (group, count)
    sessions = [s for week in plan.weeks for s in week.sessions]
    for group in MUSCLE_GROUPS:
        dates = sorted(s.date for s in sessions if s.sets_for(group) > 0)
        if any((b - a).days < 2 for a, b in pairwise(dates)):
            assert _warned_about(plan, "spacing_48h", group), group
    # Whatever breaks the 48-hour rule, it is only ever two back-to-back days and nothing else.
    days = [WEEKDAYS.index(d) for d in plan.days]
    only_two_adjacent = len(days) == 2 and (days[1] - days[0]) in (1, 6)
    if not only_two_adjacent:
        assert not _warned_about(plan, "spacing_48h"), plan.warnings


def _assert_caps_and_balance(plan: Plan) -> None:
    for week in plan.weeks:
        for session in week.sessions:
            assert session.total_sets <= 25 or _warned_about(plan, "session_cap")
            for group in MUSCLE_GROUPS:
                assert session.sets_for(group) <= 12 or _warned_about(
                    plan, "group_session_cap", group)
        back_patterns = {e.pattern for s in week.sessions for e in s.exercises
                         if e.primary == "back"}
        if back_patterns and not {ROW, PULLDOWN} <= back_patterns:
            assert _warned_about(plan, "back_balance"), (week.number, back_patterns)
    # Each group's sets spread evenly over its days: no two of them differ by more than 1.
    for slot_group in {g for slot in plan.layout for g in slot.groups}:
        days = [slot.weekday for slot in plan.layout if slot_group in slot.groups]
        for week in plan.weeks:
            per_day = [s.sets_for(slot_group) for s in week.sessions if s.weekday in days]
            assert max(per_day) - min(per_day) <= 1, (slot_group, week.number, per_day)


def _assert_prescriptions(plan: Plan, request: PlanRequest) -> None:
    by_name = {e.name: e for e in request.library}
    rirs = [w.rir for w in plan.accumulation_weeks]
    assert rirs[0] == 3 and rirs[-1] == 0
    assert all(a >= b for a, b in pairwise(rirs))
    for week in plan.weeks:
        if week.deload:
            assert 4 <= week.rir <= 5
        for session in week.sessions:
            for exercise in session.exercises:
                source = by_name[exercise.name]
                assert exercise.sets > 0
                assert exercise.rir == week.rir
                assert (exercise.rep_low, exercise.rep_high) == (source.rep_low, source.rep_high)
                assert exercise.tempo == source.tempo
                assert exercise.primary == source.primary
                assert exercise.pattern == source.pattern


# --- Property-based: every rule holds or a warning names it ----------------------------------

day_sets = st.sets(st.sampled_from(WEEKDAYS), min_size=1).map(
    lambda chosen: tuple(d for d in WEEKDAYS if d in chosen))
priority_maps = st.fixed_dictionaries({g: st.sampled_from(PRIORITIES) for g in MUSCLE_GROUPS})


@settings(max_examples=150, deadline=None)
@given(level=st.sampled_from(LEVELS), days=day_sets, weeks=st.integers(3, 12),
       priorities=priority_maps, deload=st.booleans(), split=st.sampled_from(SPLITS),
       start=st.dates(date(2024, 1, 1), date(2030, 12, 31)))
def test_every_rule_holds_or_is_named_in_a_warning(level, days, weeks, priorities, deload, split,
                                                   start):
    request = _request(level=level, days=days, weeks=weeks, priorities=priorities,
                       deload=deload, split=split, start=start)
    plan = generate_plan(request)
    assert_rules_hold_or_warned(plan, request)


@st.composite
def landmark_sets(draw):
    values = sorted(draw(st.lists(st.integers(0, 30), min_size=5, max_size=5)))
    low = draw(st.integers(1, 5))
    return Landmarks(*values, freq_min=low, freq_max=draw(st.integers(low, 6)))


@settings(max_examples=80, deadline=None)
@given(level=st.sampled_from(LEVELS), days=day_sets, weeks=st.integers(3, 12),
       priorities=priority_maps, deload=st.booleans(),
       landmarks=st.fixed_dictionaries({g: landmark_sets() for g in MUSCLE_GROUPS}))
def test_rules_hold_with_any_valid_user_landmarks(level, days, weeks, priorities, deload,
                                                  landmarks):
    request = _request(level=level, days=days, weeks=weeks, priorities=priorities,
                       deload=deload, landmarks=landmarks, library=SMALL_LIBRARY)
    plan = generate_plan(request)
    assert_rules_hold_or_warned(plan, request)
    assert set(check_plan(plan, request)) <= set(plan.warnings)


def test_every_subset_of_weekdays_at_every_level():
    """All 127 day choices × 3 levels, all groups grow: exhaustive where hypothesis samples."""
    for mask in range(1, 128):
        days = tuple(d for i, d in enumerate(WEEKDAYS) if mask >> i & 1)
        for level in LEVELS:
            request = _request(level=level, days=days, weeks=3 + mask % 10, deload=mask % 2 == 0)
            assert_rules_hold_or_warned(generate_plan(request), request)


# --- The ramp: DOMAIN §4's numbers ------------------------------------------------------------

def test_beginner_back_six_weeks_runs_10_to_17():
    assert weekly_targets("beginner", BACK, 6) == [10, 11, 13, 14, 16, 17]


def test_advanced_back_starts_above_mev_and_ends_at_mrv():
    targets = weekly_targets("advanced", BACK, 6)
    assert targets[0] == 13
    assert targets[-1] == 25


def test_intermediate_back_ends_three_quarters_of_the_way_to_mrv():
    targets = weekly_targets("intermediate", BACK, 6)
    assert targets[0] == 10
    assert targets[-1] == 21  # 10 + 0.75 × 15 = 21.25


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("weeks", range(3, 13))
def test_ramps_never_fall_and_stay_within_mev_and_mrv(level, weeks):
    for group, landmarks in DEFAULT_LANDMARKS.items():
        targets = weekly_targets(level, landmarks, weeks)
        assert len(targets) == weeks
        assert all(a <= b for a, b in pairwise(targets)), group
        assert all(max(landmarks.mev, 1) <= n <= landmarks.mrv for n in targets), group
        base, room = start_volume(landmarks), landmarks.mrv - start_volume(landmarks)
        if level == "beginner":  # MEV → about halfway: well below MRV
            assert targets[0] == base and targets[-1] <= base + room / 2 < landmarks.mrv
        if level == "intermediate":  # MEV → about three quarters of the way
            assert targets[0] == base and base + room / 2 < targets[-1] <= base + room * 3 / 4
        if level == "advanced":  # a little above MEV → MRV
            assert base < targets[0] <= base + room / 4 and targets[-1] == landmarks.mrv


def test_groups_with_zero_mev_grow_from_half_their_mav_low():
    assert start_volume(DEFAULT_LANDMARKS["abs"]) == 8  # MAV 16–20
    assert start_volume(DEFAULT_LANDMARKS["glutes"]) == 2  # MAV 4–12: at least 2
    assert weekly_targets("beginner", DEFAULT_LANDMARKS["glutes"], 4) == [2, 4, 7, 9]


def test_maintenance_sits_between_mv_and_mev():
    assert maintenance_sets(BACK) == 8
    assert maintenance_sets(DEFAULT_LANDMARKS["rear_delts"]) == 3  # MV 0, MEV 6
    assert maintenance_sets(DEFAULT_LANDMARKS["front_delts"]) == 2  # two sessions of one set


def test_rir_falls_from_three_to_zero():
    assert rir_targets(4) == [3, 2, 1, 0]
    assert rir_targets(3) == [3, 2, 0]
    assert rir_targets(6) == [3, 3, 2, 2, 1, 0]
    twelve = rir_targets(12)
    assert twelve[0] == 3 and twelve[-1] == 0 and sorted(twelve, reverse=True) == twelve


# --- Plans -------------------------------------------------------------------------------------

def test_beginner_plan_ramps_back_from_10_to_17():
    plan = generate_plan(_request(priorities=MAIN_LIFTS))
    assert _weekly(plan, "back") == [10, 11, 13, 14, 16, 17]


def test_advanced_plan_ramps_back_from_13_to_25():
    plan = generate_plan(_request(level="advanced", priorities=ONLY_BACK))
    back = _weekly(plan, "back")
    assert back[0] == 13
    assert 24 <= back[-1] <= 25
    assert back == sorted(back)
    assert not plan.warnings


def test_three_spaced_days_give_full_body_with_no_warnings():
    request = _request(priorities=MAIN_LIFTS)
    plan = generate_plan(request)
    assert plan.split == "full_body"
    assert plan.warnings == ()
    assert [s.name for s in plan.weeks[0].sessions] == ["Full body A", "Full body B",
                                                        "Full body C"]
    for week in plan.accumulation_weeks:
        for group in ("back", "chest", "quads", "hamstrings", "biceps", "side_delts"):
            assert len(_trained_days(week, group)) == 3
        assert all(s.total_sets <= 25 for s in week.sessions)
    assert_rules_hold_or_warned(plan, request)


def test_two_consecutive_days_still_plan_and_name_the_48_hour_rule():
    request = _request(days=("mon", "tue"), priorities=MAIN_LIFTS)
    plan = generate_plan(request)
    assert len(plan.weeks) == 7
    spacing = [w for w in plan.warnings if w.rule == "spacing_48h"]
    assert spacing and "back" in spacing[0].message and "Mon→Tue" in spacing[0].message
    assert all(len(_trained_days(w, "back")) == 2 for w in plan.accumulation_weeks)


def test_sunday_and_monday_break_the_rule_across_the_week_boundary():
    plan = generate_plan(_request(days=("mon", "sun"), priorities=ONLY_BACK))
    assert _warned_about(plan, "spacing_48h", "back")


def test_one_day_a_week_names_the_frequency_rule():
    plan = generate_plan(_request(days=("wed",), priorities=ONLY_BACK))
    assert _warned_about(plan, "frequency", "back")
    assert not _warned_about(plan, "spacing_48h")


@pytest.mark.parametrize("count, split", [(1, "full_body"), (2, "full_body"), (3, "full_body"),
                                          (4, "upper_lower"), (5, "upper_lower"),
                                          (6, "push_pull_legs"), (7, "push_pull_legs")])
def test_split_follows_the_number_of_days(count, split):
    assert choose_split(WEEKDAYS[:count]) == split


def test_four_days_train_upper_and_lower_on_alternate_days():
    plan = generate_plan(_request(days=("mon", "tue", "thu", "fri"), priorities=MAIN_LIFTS))
    assert plan.split == "upper_lower"
    names = {s.weekday: s.name for s in plan.weeks[0].sessions}
    assert names == {"mon": "Upper A", "tue": "Lower A", "thu": "Upper B", "fri": "Lower B"}
    layout = {slot.weekday: slot.groups for slot in plan.layout}
    assert "back" in layout["mon"] and "back" in layout["thu"] and "quads" in layout["tue"]
    assert "quads" not in layout["mon"]


def test_six_days_train_push_pull_legs_twice():
    plan = generate_plan(_request(days=WEEKDAYS[:6], level="advanced", weeks=12))
    assert plan.split == "push_pull_legs"
    assert [s.name for s in plan.weeks[0].sessions] == [
        "Push A", "Pull A", "Legs A", "Push B", "Pull B", "Legs B"]
    layout = {slot.weekday: slot.groups for slot in plan.layout}
    assert "back" in layout["tue"] and "back" in layout["fri"] and "back" not in layout["mon"]


def test_the_user_may_pick_the_split():
    plan = generate_plan(_request(days=WEEKDAYS[:6], split="full_body", priorities=MAIN_LIFTS))
    assert plan.split == "full_body"
    assert plan.weeks[0].sessions[0].name == "Full body A"


@pytest.mark.parametrize("days", [("mon", "wed", "fri"), ("mon", "thu"), ("tue", "thu", "sat"),
                                  ("mon", "tue", "thu", "fri"), WEEKDAYS[:6], ("sat",)])
def test_every_back_week_has_rows_and_pulldowns(days):
    plan = generate_plan(_request(days=days, level="intermediate", weeks=8,
                                  priorities=ONLY_BACK))
    for week in plan.weeks:
        patterns = {e.pattern for s in week.sessions for e in s.exercises if e.primary == "back"}
        assert {ROW, PULLDOWN} <= patterns, (days, week.number)
    assert not _warned_about(plan, "back_balance")


def test_back_sessions_rotate_rows_and_pulldowns_with_the_articles_exercises():
    plan = generate_plan(_request(priorities=MAIN_LIFTS))
    back = [[e.name for e in s.exercises if e.primary == "back"] for s in plan.weeks[0].sessions]
    assert back == [["Barbell Row"], ["Lat Pulldown"], ["Cable Row"]]
    row = next(e for e in plan.weeks[0].sessions[0].exercises if e.name == "Barbell Row")
    assert (row.rep_low, row.rep_high, row.tempo) == (6, 10, "3-1-1-0")


def test_deload_halves_week_one_at_rir_five():
    plan = generate_plan(_request(priorities=MAIN_LIFTS, deload=True))
    first, deload = plan.weeks[0], plan.weeks[-1]
    assert deload.deload and deload.number == 7 and deload.rir == 5
    assert deload.sets_per_muscle["back"] == 5 and first.sets_per_muscle["back"] == 10
    for group in MAIN_LIFTS:
        assert deload.sets_per_muscle[group] == math.ceil(first.sets_per_muscle[group] / 2)
    first_names = {e.name for s in first.sessions for e in s.exercises}
    assert {e.name for s in deload.sessions for e in s.exercises} <= first_names
    assert deload.sessions[0].date == MONDAY + timedelta(weeks=6)


def test_no_deload_week_when_switched_off():
    plan = generate_plan(_request(priorities=MAIN_LIFTS, deload=False))
    assert len(plan.weeks) == 6 and not any(w.deload for w in plan.weeks)


def test_weeks_count_from_the_start_day():
    wednesday = date(2025, 3, 5)
    plan = generate_plan(_request(start=wednesday, priorities=MAIN_LIFTS))
    week_one = [(s.weekday, s.date) for s in plan.weeks[0].sessions]
    assert week_one == [("wed", wednesday), ("fri", date(2025, 3, 7)), ("mon", date(2025, 3, 10))]
    assert plan.weeks[1].sessions[0].date == date(2025, 3, 12)


def test_caps_are_kept_and_named_when_everything_grows():
    request = _request(days=WEEKDAYS[:6], level="advanced", weeks=12)
    plan = generate_plan(request)
    assert all(s.total_sets <= 25 for w in plan.weeks for s in w.sessions)
    assert _warned_about(plan, "session_cap")
    assert _warned_about(plan, "group_session_cap", "back")  # 25 sets over 2 pull days
    assert_rules_hold_or_warned(plan, request)


def test_a_group_missing_from_the_library_is_named():
    library = tuple(e for e in SMALL_LIBRARY if e.primary != "calves")
    plan = generate_plan(_request(library=library))
    assert _warned_about(plan, "no_exercise", "calves")
    assert all(w.sets_per_muscle["calves"] == 0 for w in plan.weeks)


def test_skipped_groups_get_nothing():
    plan = generate_plan(_request(priorities=ONLY_BACK))
    trained = {e.primary for w in plan.weeks for s in w.sessions for e in s.exercises}
    assert trained == {"back"}


# --- The user's exercise choices ----------------------------------------------------------------

def test_day_choices_replace_the_default_picks_in_the_users_order():
    choices = ExerciseChoices(by_day={"mon": ("Lat Pulldown", "Incline Dumbbell Bench Press",
                                              "Helms Row")})
    plan = generate_plan(_request(priorities=MAIN_LIFTS, exercise_choices=choices))
    monday = plan.weeks[-2].sessions[0]
    names = [e.name for e in monday.exercises]
    assert names[:3] == ["Lat Pulldown", "Incline Dumbbell Bench Press", "Helms Row"]
    assert "Barbell Row" not in names and "Barbell Bench Press" not in names
    back_sets = [e.sets for e in monday.exercises if e.primary == "back"]
    assert sum(back_sets) == monday.sets_for("back") and max(back_sets) - min(back_sets) <= 1
    assert not plan.warnings


def test_group_choices_rotate_over_the_groups_sessions():
    choices = ExerciseChoices(by_group={"chest": ("Dumbbell Bench Press", "Pec Deck")})
    plan = generate_plan(_request(priorities=MAIN_LIFTS, exercise_choices=choices))
    chest = [[e.name for e in s.exercises if e.primary == "chest"]
             for s in plan.weeks[0].sessions]
    assert chest == [["Dumbbell Bench Press"], ["Pec Deck"], ["Dumbbell Bench Press"]]


def test_unusable_choices_are_named_not_dropped_silently():
    choices = ExerciseChoices(by_day={"mon": ("Moon Press",), "tue": ("Barbell Row",)},
                              by_group={"back": ("Barbell Bench Press",)})
    plan = generate_plan(_request(priorities=MAIN_LIFTS, exercise_choices=choices))
    messages = [w.message for w in plan.warnings if w.rule == "choice"]
    assert any("Moon Press" in m for m in messages)
    assert any("Tue" in m for m in messages)
    assert any("Barbell Bench Press" in m for m in messages)


def test_a_day_choice_brings_its_group_to_that_day_when_the_48_hour_rule_allows():
    choices = ExerciseChoices(by_day={"tue": ("Barbell Curl",)})
    request = _request(days=("mon", "tue", "thu", "fri"), priorities=MAIN_LIFTS,
                       exercise_choices=choices)
    plan = generate_plan(request)
    tuesday = next(s for s in plan.weeks[0].sessions if s.weekday == "tue")
    assert tuesday.name == "Lower A"
    assert tuesday.exercises[0].name == "Barbell Curl" and tuesday.sets_for("biceps") > 0
    assert not plan.warnings
    assert_rules_hold_or_warned(plan, request)


@settings(max_examples=60, deadline=None)
@given(days=day_sets, priorities=priority_maps,
       picks=st.dictionaries(st.sampled_from(WEEKDAYS),
                             st.lists(st.sampled_from([e.name for e in SHIPPED]), max_size=4),
                             max_size=3))
# Found by hypothesis: two rear-delt choices on the only day, rear delts maintained — fewer
# sets than exercises, so the second never got a set, and nothing said so.
@example(days=("mon",), priorities={"rear_delts": "maintain"},
         picks={"mon": ["Face Pull", "Band Face Pull"]})
def test_every_day_choice_is_used_or_named(days, priorities, picks):
    choices = ExerciseChoices(by_day={day: tuple(names) for day, names in picks.items()})
    request = _request(days=days, priorities=priorities, exercise_choices=choices)
    plan = generate_plan(request)
    assert_rules_hold_or_warned(plan, request)
    for day, names in picks.items():
        used = {e.name for w in plan.weeks for s in w.sessions if s.weekday == day
                for e in s.exercises}
        for name in names:
            assert name in used or any(w.rule == "choice" and (name in w.message or
                                       day.capitalize() in w.message) for w in plan.warnings)


def test_a_choice_for_a_skipped_group_is_named():
    choices = ExerciseChoices(by_day={"wed": ("Barbell Curl",)})
    plan = generate_plan(_request(priorities=ONLY_BACK, exercise_choices=choices))
    assert any(w.rule == "choice" and "Barbell Curl" in w.message for w in plan.warnings)


# --- Layout, output, errors ---------------------------------------------------------------------

def test_session_layout_shows_which_groups_train_on_which_day():
    request = _request(days=("mon", "tue", "thu", "fri"), priorities=MAIN_LIFTS)
    layout = session_layout(request)
    assert [(slot.weekday, slot.name) for slot in layout] == [
        ("mon", "Upper A"), ("tue", "Lower A"), ("thu", "Upper B"), ("fri", "Lower B")]
    week = generate_plan(request).weeks[-2]
    for slot, session in zip(layout, week.sessions, strict=True):
        assert set(slot.groups) == {e.primary for e in session.exercises}


def test_plan_to_dict_has_the_command_line_shape_and_is_json():
    plan = generate_plan(_request(days=("mon", "tue"), priorities=MAIN_LIFTS))
    data = json.loads(json.dumps(plan_to_dict(plan)))
    assert data["level"] == "beginner" and data["days"] == ["mon", "tue"]
    assert {w["rule"] for w in data["warnings"]} >= {"spacing_48h"}
    week = data["weeks"][0]
    assert set(week) == {"number", "deload", "rir", "sets_per_muscle", "sessions"}
    assert week["number"] == 1 and week["deload"] is False and week["rir"] == 3
    assert set(week["sets_per_muscle"]) == set(MUSCLE_GROUPS)
    assert week["sets_per_muscle"]["side_delts"] == 6
    session = week["sessions"][0]
    assert session["weekday"] == "mon" and session["date"] == "2025-03-03"
    exercise = session["exercises"][0]
    assert set(exercise) == {"name", "primary", "secondary", "pattern", "sets", "rep_range",
                             "rir", "tempo"}
    assert exercise["name"] == "Barbell Row" and exercise["rep_range"] == [6, 10]
    assert exercise["secondary"] == ["biceps", "rear_delts"] and exercise["tempo"] == "3-1-1-0"
    assert data["weeks"][-1]["deload"] is True


@pytest.mark.parametrize("overrides, fragment", [
    ({"level": "expert"}, "level"),
    ({"days": ()}, "training day"),
    ({"days": ("mon", "funday")}, "weekdays"),
    ({"weeks": 2}, "weeks"),
    ({"weeks": 13}, "weeks"),
    ({"split": "bro"}, "split"),
    ({"priorities": {"back": "blast"}}, "priority"),
    ({"landmarks": {"back": Landmarks(12, 10, 14, 22, 25)}}, "MV"),
])
def test_malformed_requests_are_refused(overrides, fragment):
    with pytest.raises(ValueError, match=fragment):
        generate_plan(_request(**overrides))
