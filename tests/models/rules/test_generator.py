"""The mesocycle generator (DOMAIN §3, §4, §6, §10): plans a coach signs, or warnings that say
why the chosen days cannot hold one.

The rule reader is tests/models/rules/plan_rules.py, written apart from models.rules.plan_checks.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from models.io.library_file import read_shipped_library
from models.rules.domain import DEFAULT_LANDMARKS, MUSCLE_GROUPS, WEEKDAYS, ExerciseInfo, Landmarks
from models.rules.generator import (
    ExerciseChoices,
    Plan,
    PlanRequest,
    check_plan,
    choose_split,
    generate_plan,
    plan_budget,
    plan_to_dict,
    rir_targets,
    session_layout,
    start_volume,
    weekly_targets,
)
from models.rules.limits import LEVELS, PRIORITIES, SPLITS
from models.rules.plan_volume import full_ramp_end, lowest_grown_end, maintenance_sets
from tests.models.rules.plan_rules import ARTICLE_NINE, assert_plan_is_one_a_coach_signs, warned

SHIPPED = read_shipped_library().exercises
BACK = DEFAULT_LANDMARKS["back"]
MONDAY = date(2025, 3, 3)
ROW, PULLDOWN = "horizontal_pull", "vertical_pull"


def _exercise(name, primary, pattern, low=8, high=12, tempo="2-0-1-0", secondary=(),
              equipment="machine"):
    return ExerciseInfo(name=name, primary=primary, pattern=pattern, rep_low=low, rep_high=high,
                        tempo=tempo, key=name.lower().replace(" ", "_"), secondary=secondary,
                        equipment=equipment)


# A library small enough to reason about: two exercises per group, rows and pulldowns for back.
SMALL_LIBRARY = (
    _exercise("Barbell Row", "back", ROW, 6, 10, "3-1-1-0", ("biceps",), "barbell"),
    _exercise("Cable Row", "back", ROW, 8, 12, "3-0-1-1", ("biceps",), "cable"),
    _exercise("Lat Pulldown", "back", PULLDOWN, 10, 15, "3-1-1-0", ("biceps",), "cable"),
    _exercise("Machine Pulldown", "back", PULLDOWN, 10, 15, "3-1-1-0", ("biceps",)),
    _exercise("Bench Press", "chest", "horizontal_push", 6, 10, secondary=("triceps",),
              equipment="barbell"),
    _exercise("Cable Fly", "chest", "chest_fly", 12, 20),
    _exercise("Back Squat", "quads", "squat", 5, 8, equipment="barbell"),
    _exercise("Leg Extension", "quads", "knee_extension", 12, 20),
    _exercise("Romanian Deadlift", "hamstrings", "hinge", 6, 10, equipment="barbell"),
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

ONLY_BACK = {g: "skip" for g in MUSCLE_GROUPS} | {"back": "grow"}


def _request(**overrides) -> PlanRequest:
    values = {"level": "beginner", "days": ("mon", "wed", "fri"), "weeks": 6, "start": MONDAY,
              "library": SHIPPED}
    return PlanRequest(**(values | overrides))


def _counted(plan: Plan, group: str) -> list[float]:
    return [week.counted_per_muscle[group] for week in plan.accumulation_weeks]


def _direct(plan: Plan, group: str) -> list[int]:
    return [week.sets_per_muscle[group] for week in plan.accumulation_weeks]


# --- Property-based: every §10 rule holds, or a warning names why it cannot -------------------

day_sets = st.sets(st.sampled_from(WEEKDAYS), min_size=2).map(
    lambda chosen: tuple(d for d in WEEKDAYS if d in chosen))


@st.composite
def ranked_priorities(draw):
    """Any priorities, and the grown groups in any order."""
    priorities = draw(st.fixed_dictionaries({g: st.sampled_from(PRIORITIES)
                                             for g in MUSCLE_GROUPS}))
    grown = [g for g in MUSCLE_GROUPS if priorities[g] == "grow"]
    return priorities, tuple(draw(st.permutations(grown)))


@settings(max_examples=200, deadline=None)
@given(level=st.sampled_from(LEVELS), days=day_sets, weeks=st.integers(3, 12),
       ranked=ranked_priorities(), deload=st.booleans(), split=st.sampled_from(SPLITS),
       rule=st.sampled_from(("fractional", "direct")),
       max_minutes=st.one_of(st.none(), st.integers(40, 150)),
       start=st.dates(date(2024, 1, 1), date(2030, 12, 31)))
# Found while building: two adjacent days and three consecutive ones, everything grown.
@example(level="intermediate", days=("mon", "tue"), weeks=6, ranked=({}, ()), deload=True,
         split="auto", rule="fractional", max_minutes=None, start=MONDAY)
@example(level="intermediate", days=("mon", "tue", "wed"), weeks=6, ranked=({}, ()),
         deload=True, split="push_pull_legs", rule="fractional", max_minutes=None, start=MONDAY)
def test_every_plan_is_one_a_coach_signs(level, days, weeks, ranked, deload, split, rule,
                                         max_minutes, start):
    priorities, rank = ranked
    request = _request(level=level, days=days, weeks=weeks, priorities=priorities, rank=rank,
                       deload=deload, split=split, rule=rule, max_minutes=max_minutes,
                       start=start)
    assert_plan_is_one_a_coach_signs(generate_plan(request), request)


@st.composite
def landmark_sets(draw):
    values = sorted(draw(st.lists(st.integers(0, 30), min_size=5, max_size=5)))
    low = draw(st.integers(1, 5))
    return Landmarks(*values, freq_min=low, freq_max=draw(st.integers(low, 6)))


@settings(max_examples=80, deadline=None)
@given(level=st.sampled_from(LEVELS), days=day_sets, weeks=st.integers(3, 12),
       ranked=ranked_priorities(), deload=st.booleans(),
       landmarks=st.fixed_dictionaries({g: landmark_sets() for g in MUSCLE_GROUPS}))
def test_plans_hold_with_any_valid_user_landmarks(level, days, weeks, ranked, deload,
                                                  landmarks):
    priorities, rank = ranked
    request = _request(level=level, days=days, weeks=weeks, priorities=priorities, rank=rank,
                       deload=deload, landmarks=landmarks, library=SMALL_LIBRARY)
    plan = generate_plan(request)
    assert_plan_is_one_a_coach_signs(plan, request, usual_landmarks=False)
    assert set(check_plan(plan, request)) <= set(plan.warnings)


def test_every_day_choice_at_every_level():
    """All 120 choices of 2–7 days × 3 levels, the default priorities: exhaustive where
    hypothesis samples."""
    for mask in range(1, 128):
        days = tuple(d for i, d in enumerate(WEEKDAYS) if mask >> i & 1)
        if len(days) < 2:
            continue
        for level in LEVELS:
            request = _request(level=level, days=days, weeks=3 + mask % 10, deload=mask % 2 == 0)
            assert_plan_is_one_a_coach_signs(generate_plan(request), request)


# --- Typical outcomes (DOMAIN §10) ------------------------------------------------------------

@pytest.mark.parametrize("days, grown", [
    (("mon", "thu"), (1, 1)),
    (("mon", "wed", "fri"), (2, 4)),
    (("mon", "tue", "thu", "fri"), (3, 5)),
    (("mon", "tue", "wed", "fri", "sat"), (5, 8)),
    (("mon", "tue", "wed", "thu", "fri", "sat"), (5, 10)),
])
def test_more_days_grow_more_muscles(days, grown):
    """Intermediate, 6 weeks, nothing chosen: 2 days grow the back alone, 3 days about two
    muscles, 4 days three or four, 5–6 days most of the big ones — the rest maintained."""
    plan = generate_plan(_request(level="intermediate", days=days))
    low, high = grown
    assert low <= len(plan.rank) <= high, plan.rank
    assert plan.rank[0] == "back"
    assert list(plan.rank) == [g for g in plan.rank]  # in the default order…
    default = ["back", "chest", "quads", "hamstrings"]
    assert [g for g in default if g in plan.rank] == default[:len(
        [g for g in default if g in plan.rank])]  # …the big muscles first


@pytest.mark.parametrize("level, ramp", [("beginner", (10, 17)), ("intermediate", (10, 21)),
                                         ("advanced", (13, 25))])
def test_the_top_ranked_back_gets_its_levels_full_ramp(level, ramp):
    """DOMAIN §4: back, 6 weeks — beginner 10 → ~17, advanced ~13 → ~25; whenever three or
    more days are chosen, whatever else the plan grows."""
    for days in (("mon", "wed", "fri"), ("mon", "tue", "thu", "fri"), WEEKDAYS[:5]):
        plan = generate_plan(_request(level=level, days=days))
        back = _counted(plan, "back")
        assert (back[0], back[-1]) == ramp or (
            level == "advanced" and back[-1] == 24 and warned(plan, "group_session_cap", "back")
        ), (days, back)


def test_two_days_grow_only_the_first_ranked_muscle():
    """The issue's example: beginner, Mon and Thu, grow back — back ramps from MEV, everything
    else is maintained, and the muscles whose MV is 0 get no direct sets."""
    plan = generate_plan(_request(days=("mon", "thu"), priorities={"back": "grow"} | {
        g: "maintain" for g in MUSCLE_GROUPS if g != "back"}))
    back = _counted(plan, "back")
    assert back[0] == 10 and back[-1] > back[0] and back == sorted(back)
    for group in ("glutes", "front_delts", "abs", "traps", "forearms", "rear_delts"):
        assert _direct(plan, group) == [0] * 6, group
    for week in plan.accumulation_weeks:
        for session in week.sessions:
            assert 2 <= len(session.exercises) <= 8
            assert all(2 <= e.sets <= 5 for e in session.exercises)


def test_everything_on_grow_still_ramps():
    """The issue's example: intermediate, Mon Tue Thu Fri, 6 weeks, everything on grow —
    back must climb, not sit at 10 sets."""
    plan = generate_plan(_request(level="intermediate", days=("mon", "tue", "thu", "fri")))
    assert _counted(plan, "back") == [10, 12, 14, 16, 19, 21]
    for group in plan.rank:
        sets = _counted(plan, group)
        assert sets[-1] > sets[0], group
    assert {"back", "chest", "quads", "hamstrings"} <= set(plan.rank)
    assert warned(plan, "budget")


def test_a_ranked_muscle_comes_before_the_default_order():
    plan = generate_plan(_request(level="intermediate", days=("mon", "tue", "thu", "fri"),
                                  rank=("side_delts", "biceps")))
    assert plan.rank[:2] == ("side_delts", "biceps")
    side_delts = _counted(plan, "side_delts")
    assert side_delts[-1] >= full_ramp_end("intermediate", DEFAULT_LANDMARKS["side_delts"], 6)


def test_the_budget_names_what_it_maintains_and_the_days_that_would_grow_it():
    plan = generate_plan(_request(level="intermediate", days=("mon", "thu")))
    message = next(w.message for w in plan.warnings if w.rule == "budget")
    assert "chest" in message and "maintained, not grown" in message
    assert "more day" in message and "would let" in message
    assert plan.priorities["chest"] == "maintain"


# --- Ramps (DOMAIN §4) ------------------------------------------------------------------------

def test_ramps_follow_the_level_and_the_pace():
    assert weekly_targets("beginner", BACK, 6) == [10, 11, 13, 14, 16, 17]
    assert weekly_targets("intermediate", BACK, 6) == [10, 12, 14, 16, 19, 21]
    assert weekly_targets("advanced", BACK, 6) == [13, 15, 18, 20, 23, 25]


def test_short_mesocycles_end_lower():
    """The issue's example: intermediate, 3 weeks — not 10 → 16 → 21."""
    assert weekly_targets("intermediate", BACK, 3) == [10, 12, 14]
    ends = [weekly_targets("intermediate", BACK, weeks)[-1] for weeks in range(3, 13)]
    assert ends == sorted(ends) and ends[-1] == 21


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("weeks", range(3, 13))
def test_ramps_climb_at_most_two_sets_or_a_fifth_a_week(level, weeks):
    for group, landmarks in DEFAULT_LANDMARKS.items():
        targets = weekly_targets(level, landmarks, weeks)
        assert len(targets) == weeks
        assert targets[-1] > targets[0] or landmarks.mrv <= start_volume(landmarks), group
        for before, after in pairwise(targets):
            assert 0 <= after - before <= max(2, before // 5), (group, targets)
        assert all(max(landmarks.mev, 1) <= n <= landmarks.mrv for n in targets), group


def test_groups_with_zero_mev_grow_from_two_sessions_of_two_sets():
    assert start_volume(DEFAULT_LANDMARKS["abs"]) == 8  # MAV 16–20
    assert start_volume(DEFAULT_LANDMARKS["glutes"]) == 4  # MAV 4–12: at least 2 × 2


def test_maintenance_is_mv_and_nothing_for_mv_zero_unless_chosen():
    assert maintenance_sets(BACK) == 8
    assert maintenance_sets(DEFAULT_LANDMARKS["rear_delts"]) == 0
    assert maintenance_sets(DEFAULT_LANDMARKS["rear_delts"], chosen=True) == 2


def test_the_budget_keeps_three_quarters_of_a_lowered_ramp():
    assert lowest_grown_end(10, 21) == 19
    assert lowest_grown_end(10, 12) == 12
    assert lowest_grown_end(10, 11) == 11


def test_rir_falls_from_three_to_zero():
    assert rir_targets(4) == [3, 2, 1, 0]
    assert rir_targets(3) == [3, 2, 0]
    assert rir_targets(6) == [3, 3, 2, 2, 1, 0]


def test_deload_is_half_the_peak_week_at_rir_five():
    plan = generate_plan(_request(level="intermediate", priorities=ONLY_BACK))
    peak, deload = plan.accumulation_weeks[-1], plan.weeks[-1]
    assert deload.deload and deload.rir == 5
    assert peak.sets_per_muscle["back"] == 21 and deload.sets_per_muscle["back"] == 11
    assert deload.sessions[0].date == MONDAY + timedelta(weeks=6)


def test_no_deload_week_when_switched_off():
    plan = generate_plan(_request(priorities=ONLY_BACK, deload=False))
    assert len(plan.weeks) == 6 and not any(w.deload for w in plan.weeks)


# --- Counting (DOMAIN §1, §10) ------------------------------------------------------------------

def test_plans_count_under_the_users_rule():
    """Rows give the biceps half a set each under the fractional rule: a maintained biceps
    needs fewer direct sets than under the direct rule."""
    priorities = {g: "maintain" for g in MUSCLE_GROUPS} | {"back": "grow"}
    fractional = generate_plan(_request(days=("mon", "thu"), priorities=priorities))
    direct = generate_plan(_request(days=("mon", "thu"), priorities=priorities, rule="direct"))
    assert fractional.rule == "fractional" and direct.rule == "direct"
    assert sum(_direct(fractional, "biceps")) < sum(_direct(direct, "biceps"))
    assert min(_counted(fractional, "biceps")) >= 6 and min(_counted(direct, "biceps")) >= 6
    for week in direct.weeks:
        assert dict(week.counted_per_muscle) == {g: float(n) for g, n in
                                                 week.sets_per_muscle.items()}


def test_a_chosen_exercise_gives_an_mv_zero_muscle_its_sets():
    choices = ExerciseChoices(by_day={"mon": ("Face Pull",)})
    plan = generate_plan(_request(priorities=ONLY_BACK | {"rear_delts": "maintain"},
                                  exercise_choices=choices))
    monday = plan.weeks[0].sessions[0]
    assert "Face Pull" in [e.name for e in monday.exercises]
    assert monday.sets_for("rear_delts") >= 2


# --- Sessions a lifter can run --------------------------------------------------------------------

def test_three_consecutive_days_of_push_pull_legs_keep_the_split():
    """The issue's example: Mon Tue Wed, push/pull/legs — the Pull session is not empty and
    rows do not land on Push."""
    plan = generate_plan(_request(level="intermediate", days=("mon", "tue", "wed"),
                                  split="push_pull_legs"))
    names = {s.weekday: s.name for s in plan.weeks[0].sessions}
    assert names == {"mon": "Push", "tue": "Pull", "wed": "Legs"}
    for week in plan.accumulation_weeks:
        by_day = {s.weekday: s for s in week.sessions}
        assert by_day["tue"].sets_for("back") > 0
        assert by_day["mon"].sets_for("back") == 0 and by_day["wed"].sets_for("back") == 0
        assert all(s.exercises for s in week.sessions)


def test_every_back_week_has_rows_and_pulldowns_from_the_article():
    plan = generate_plan(_request(level="intermediate", days=("mon", "wed", "fri"),
                                  priorities=ONLY_BACK))
    for week in plan.accumulation_weeks:
        back = [e for s in week.sessions for e in s.exercises if e.primary == "back"]
        assert {ROW, PULLDOWN} <= {e.pattern for e in back}
        assert len({e.name for e in back} & ARTICLE_NINE) >= 3
        assert {e.name for e in back} <= ARTICLE_NINE


def test_a_supported_row_beside_a_squat_and_a_hinge():
    plan = generate_plan(_request(level="intermediate", days=("mon", "thu"),
                                  priorities={g: "maintain" for g in MUSCLE_GROUPS}
                                  | {"back": "grow"}))
    for week in plan.accumulation_weeks:
        for session in week.sessions:
            names = {e.name for e in session.exercises}
            if {"Barbell Back Squat", "Romanian Deadlift"} <= names:
                assert "Barbell Row" not in names, names


def test_the_priority_muscle_and_compounds_come_first():
    plan = generate_plan(_request(level="intermediate", days=("mon", "tue", "thu", "fri"),
                                  rank=("side_delts",)))
    for session in plan.weeks[0].sessions:
        side = [i for i, e in enumerate(session.exercises) if e.primary == "side_delts"]
        if side:
            first = session.exercises[0]
            assert first.primary == "side_delts" or "side_delts" in first.secondary


def test_sessions_have_their_estimated_minutes():
    plan = generate_plan(_request(level="intermediate", priorities=ONLY_BACK))
    session = plan.weeks[0].sessions[0]
    # Per working set rest + 45 s, two warm-ups per compound, a minute to change (§10).
    expected = sum(e.sets * (2.5 + 0.75) + 2 + 1 for e in session.exercises)
    assert session.minutes == round(expected)
    assert plan_to_dict(plan)["weeks"][0]["sessions"][0]["minutes"] == session.minutes


@pytest.mark.parametrize("minutes", [40, 60, 90])
def test_a_maximum_session_length_is_kept(minutes):
    plan = generate_plan(_request(level="intermediate", days=("mon", "tue", "thu", "fri"),
                                  max_minutes=minutes))
    assert all(s.minutes <= minutes for w in plan.weeks for s in w.sessions)
    budget = plan_budget(plan)
    assert budget.unit == "minutes" and budget.available == 4 * minutes
    assert budget.used <= budget.available


def test_the_budget_in_sets():
    plan = generate_plan(_request(level="intermediate", days=("mon", "tue", "thu", "fri")))
    budget = plan_budget(plan)
    assert budget.unit == "sets" and budget.available == 100
    assert budget.used == sum(s.total_sets for s in plan.peak_week.sessions) <= 100
    assert budget.text == f"Week {budget.week} needs {budget.used} of your 100 sets"


# --- The user's exercise choices ------------------------------------------------------------------

def test_day_choices_replace_the_default_picks_in_the_users_order():
    choices = ExerciseChoices(by_day={"mon": ("Lat Pulldown", "Incline Dumbbell Bench Press",
                                              "Helms Row")})
    plan = generate_plan(_request(priorities=ONLY_BACK | {"chest": "grow"},
                                  exercise_choices=choices))
    monday = plan.peak_week.sessions[0]
    names = [e.name for e in monday.exercises]
    assert names[:3] == ["Lat Pulldown", "Incline Dumbbell Bench Press", "Helms Row"]
    assert "Barbell Row" not in names and "Barbell Bench Press" not in names


def test_group_choices_rotate_over_the_groups_sessions():
    choices = ExerciseChoices(by_group={"chest": ("Dumbbell Bench Press", "Pec Deck")})
    plan = generate_plan(_request(priorities=ONLY_BACK | {"chest": "grow"},
                                  exercise_choices=choices))
    chest = {e.name for s in plan.weeks[0].sessions for e in s.exercises if e.primary == "chest"}
    assert chest <= {"Dumbbell Bench Press", "Pec Deck"} and chest


def test_unusable_choices_are_named_not_dropped_silently():
    choices = ExerciseChoices(by_day={"mon": ("Moon Press",), "tue": ("Barbell Row",)},
                              by_group={"back": ("Barbell Bench Press",)})
    plan = generate_plan(_request(priorities=ONLY_BACK, exercise_choices=choices))
    messages = [w.message for w in plan.warnings if w.rule == "choice"]
    assert any("Moon Press" in m for m in messages)
    assert any("Tue" in m for m in messages)
    assert any("Barbell Bench Press" in m for m in messages)


def test_a_choice_for_a_skipped_group_is_named():
    choices = ExerciseChoices(by_day={"wed": ("Barbell Curl",)})
    plan = generate_plan(_request(priorities=ONLY_BACK, exercise_choices=choices))
    assert any(w.rule == "choice" and "Barbell Curl" in w.message for w in plan.warnings)


@settings(max_examples=40, deadline=None)
@given(days=day_sets, ranked=ranked_priorities(),
       picks=st.dictionaries(st.sampled_from(WEEKDAYS),
                             st.lists(st.sampled_from([e.name for e in SHIPPED]), max_size=4),
                             max_size=3))
def test_every_day_choice_is_used_or_named(days, ranked, picks):
    priorities, rank = ranked
    choices = ExerciseChoices(by_day={day: tuple(names) for day, names in picks.items()})
    request = _request(days=days, priorities=priorities, rank=rank, exercise_choices=choices)
    plan = generate_plan(request)
    assert_plan_is_one_a_coach_signs(plan, request)
    for day, names in picks.items():
        used = {e.name for w in plan.weeks for s in w.sessions if s.weekday == day
                for e in s.exercises}
        for name in names:
            assert name in used or any(w.rule == "choice" and (name in w.message or
                                       day.capitalize() in w.message) for w in plan.warnings)


# --- Layout, output, errors ---------------------------------------------------------------------

@pytest.mark.parametrize("count, split", [(1, "full_body"), (2, "full_body"), (3, "full_body"),
                                          (4, "upper_lower"), (5, "upper_lower"),
                                          (6, "push_pull_legs"), (7, "push_pull_legs")])
def test_split_follows_the_number_of_days(count, split):
    assert choose_split(WEEKDAYS[:count]) == split


def test_four_days_train_upper_and_lower_on_alternate_days():
    request = _request(days=("mon", "tue", "thu", "fri"))
    layout = session_layout(request)
    assert [(slot.weekday, slot.name) for slot in layout] == [
        ("mon", "Upper A"), ("tue", "Lower A"), ("thu", "Upper B"), ("fri", "Lower B")]
    groups = {slot.weekday: slot.groups for slot in layout}
    assert "back" in groups["mon"] and "back" in groups["thu"] and "quads" in groups["tue"]
    assert "quads" not in groups["mon"]


def test_push_never_falls_on_sunday_and_monday():
    """Equal kinds furthest apart, across the week's end too."""
    layout = session_layout(_request(days=("mon", "thu", "sat", "sun"), split="push_pull_legs"))
    kinds = {slot.weekday: slot.kind for slot in layout}
    assert kinds["sun"] != kinds["mon"]


def test_plan_to_dict_has_the_command_line_shape_and_is_json():
    plan = generate_plan(_request(days=("mon", "tue"), priorities=ONLY_BACK | {
        "side_delts": "maintain"}))
    data = json.loads(json.dumps(plan_to_dict(plan)))
    assert data["level"] == "beginner" and data["days"] == ["mon", "tue"]
    assert data["rule"] == "fractional" and data["rank"] == ["back"]
    assert data["priorities"]["back"] == "grow" and data["priorities"]["chest"] == "skip"
    assert {w["rule"] for w in data["warnings"]} >= {"spacing_48h"}
    week = data["weeks"][0]
    assert set(week) == {"number", "deload", "rir", "sets_per_muscle", "counted_per_muscle",
                         "sessions"}
    assert week["sets_per_muscle"]["side_delts"] == 6
    assert week["counted_per_muscle"]["biceps"] == 5.0  # 10 rows × 0.5
    session = week["sessions"][0]
    assert session["weekday"] == "mon" and session["date"] == "2025-03-03"
    assert isinstance(session["minutes"], int) and session["minutes"] > 0
    exercise = session["exercises"][0]
    assert set(exercise) == {"name", "primary", "secondary", "pattern", "sets", "rep_range",
                             "rir", "tempo"}
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
    ({"rule": "double"}, "counting rule"),
    ({"max_minutes": 10}, "maximum session length"),
    ({"max_minutes": 300}, "maximum session length"),
    ({"rank": ("wings",)}, "ranking"),
])
def test_malformed_requests_are_refused(overrides, fragment):
    with pytest.raises(ValueError, match=fragment):
        generate_plan(_request(**overrides))
