"""The warm-up ramp before the first compound lift (models/rules/warmup.py), table-driven: bar
lifts in kg and lb on the lifter's plates, lifts without a bar on their load step, unknown
working loads, light loads where steps fall away, and which exercises take a ramp."""

from __future__ import annotations

import pytest

from models.rules.autoregulation import default_plate_set
from models.rules.domain import ExerciseInfo
from models.rules.warmup import WarmupSet, is_plate_loaded, takes_warmup_ramp, warmup_ramp

KG_BAR, KG_PLATES = default_plate_set("kg")
LB_BAR, LB_PLATES = default_plate_set("lb")


def loads(ramp: tuple[WarmupSet, ...]) -> list[tuple[float | None, int]]:
    return [(s.load, s.reps) for s in ramp]


@pytest.mark.parametrize(("working", "expected"), [
    (100, [(20, 10), (40, 5), (60, 3), (80, 1)]),
    # 33 → 32.5, 49.5 → 50, 66 → 65: the nearest 2.5 kg (a pair of 1.25s) above the bar.
    (82.5, [(20, 10), (32.5, 5), (50, 3), (65, 1)]),
    # 40 % and 60 % of 30 kg are lighter than the bar: only the bar and 80 % (24 → 25) are left.
    (30, [(20, 10), (25, 1)]),
    # 80 % of 25 kg rounds to the bar itself: one set with the empty bar.
    (25, [(20, 10)]),
    # Working with the empty bar (or less): nothing to warm up with.
    (20, []),
    (15, []),
    (140, [(20, 10), (55, 5), (85, 3), (112.5, 1)]),
])
def test_kg_bar_ramp_lands_on_the_plate_grid(working, expected):
    assert loads(warmup_ramp(working, "kg", bar=KG_BAR, plates=KG_PLATES)) == expected


@pytest.mark.parametrize(("working", "expected"), [
    (225, [(45, 10), (90, 5), (135, 3), (180, 1)]),
    (185, [(45, 10), (75, 5), (110, 3), (150, 1)]),  # 74 → 75, 111 → 110, 148 → 150
    (95, [(45, 10), (55, 3), (75, 1)]),  # 40 % (38) is below the bar
])
def test_lb_bar_ramp_lands_on_five_pound_steps(working, expected):
    assert loads(warmup_ramp(working, "lb", bar=LB_BAR, plates=LB_PLATES)) == expected


def test_bar_ramp_says_the_plates_per_side_and_the_empty_bar():
    ramp = warmup_ramp(100, "kg", bar=20, plates=KG_PLATES)
    assert ramp[0] == WarmupSet(10, 20, None, ()) and ramp[0].empty_bar
    assert [s.per_side for s in ramp[1:]] == [(10,), (20,), (25, 5)]
    assert [s.fraction for s in ramp[1:]] == [0.4, 0.6, 0.8]


def test_a_bar_ramp_uses_only_the_plates_the_lifter_has():
    # Only 10 kg and 5 kg plates: 40 % of 100 (40 kg) is 2 × 10 per side; 60 % (60) cannot be
    # made with one pair of 10s and one of 5s beyond 50: the closest lighter load, 50, is used.
    ramp = warmup_ramp(100, "kg", bar=20, plates={10: 1, 5: 1})
    assert loads(ramp) == [(20, 10), (40, 5), (50, 3)]
    assert ramp[-1].per_side == (10, 5)


def test_the_default_plates_are_a_commercial_gyms():
    assert warmup_ramp(100, "kg", bar=20) == warmup_ramp(100, "kg", bar=20, plates=KG_PLATES)


@pytest.mark.parametrize(("working", "step", "expected"), [
    (30, 2, [(6, 10), (12, 5), (18, 3), (24, 1)]),  # dumbbells: 20 % start, 2 kg steps
    (50, 5, [(10, 10), (20, 5), (30, 3), (40, 1)]),  # a machine's stack
    (12, 2, [(2, 10), (4, 5), (8, 3), (10, 1)]),  # 2.4 → 2, 4.8 → 4, 7.2 → 8, 9.6 → 10
    (5, 2.5, [(2.5, 5)]),  # 1 → 0, 2 → 2.5, 3 → 2.5 (not heavier), 4 → 5 (not lighter)
])
def test_ramp_without_a_bar_rounds_to_the_load_step(working, step, expected):
    ramp = warmup_ramp(working, "kg", step=step)
    assert loads(ramp) == expected
    assert all(s.per_side == () and not s.empty_bar for s in ramp)


def test_an_unknown_working_load_gives_the_fractions():
    ramp = warmup_ramp(None, "kg", bar=20)
    assert [(s.load, s.fraction, s.reps) for s in ramp] == [
        (None, None, 10), (None, 0.4, 5), (None, 0.6, 3), (None, 0.8, 1)]
    no_bar = warmup_ramp(None, "kg", step=2)
    assert [s.fraction for s in no_bar] == [0.2, 0.4, 0.6, 0.8]


@pytest.mark.parametrize("working", [None, 0, 40])
def test_no_bar_and_no_step_is_no_load_to_ramp(working):
    assert warmup_ramp(working, "kg") == ()


@pytest.mark.parametrize(("exercise", "ramped", "plate_loaded"), [
    (ExerciseInfo("Barbell Bench Press", "chest", pattern="horizontal_push",
                  equipment="barbell"), True, True),
    (ExerciseInfo("Dumbbell Press", "chest", pattern="horizontal_push",
                  equipment="dumbbell"), True, False),
    (ExerciseInfo("Trap Bar Deadlift", "glutes", pattern="hinge", equipment="trap_bar"),
     True, True),
    (ExerciseInfo("Pull-up", "back", ("biceps",), pattern="vertical_pull",
                  equipment="bodyweight"), False, False),
    (ExerciseInfo("EZ-Bar Curl", "biceps", pattern="elbow_flexion", equipment="ez_bar"),
     False, True),
    (ExerciseInfo("Straight-arm Pulldown", "back", pattern="vertical_pull",
                  equipment="cable"), False, False),
])
def test_which_exercises_take_a_ramp_and_plates(exercise, ramped, plate_loaded):
    assert (takes_warmup_ramp(exercise), is_plate_loaded(exercise)) == (ramped, plate_loaded)
