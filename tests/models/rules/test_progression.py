"""Double progression (DOMAIN §4): last time's sets in, next time's load, reps and note out."""

import pytest

from models.rules.domain import LB_TO_KG
from models.rules.progression import SetResult, best_e1rm, next_load_kg, next_target


def sets(*pairs, kind="working"):
    return [SetResult(load, reps, kind) for load, reps in pairs]


WARMUPS = sets((40, 10), (60, 5), kind="warmup")

# (case, last sets, rep range, steps kg/lb, units, expected load kg, expected reps, note contains)
CASES = [
    ("in range: +1 rep", sets((80, 8), (80, 8), (80, 7)), (6, 10), (2.5, 5), "kg",
     80, 9, "+1 rep: 9 reps at 80 kg"),
    ("top of range on all sets, kg: +2.5 kg, back to 6", sets((80, 10), (80, 10), (80, 11)),
     (6, 10), (2.5, 5), "kg", 82.5, 6, "top of range on every set: 82.5 kg × 6"),
    ("top of range in lb: 135 lb -> 140 lb", sets((135 * LB_TO_KG, 10), (135 * LB_TO_KG, 10)),
     (6, 10), (2.5, 5), "lb", 140 * LB_TO_KG, 6, "top of range on every set: 140 lb × 6"),
    ("lb user with a kg-logged load lands on the 5 lb grid", sets((80, 10), (80, 10)),
     (6, 10), (2.5, 5), "lb", 180 * LB_TO_KG, 6, "180 lb × 6"),
    ("mixed: one at top, one below: same load, reps to the top", sets((80, 10), (80, 5)),
     (6, 10), (2.5, 5), "kg", 80, 10, "1 set below 6 reps: hold the load"),
    ("mixed: in range and below: +1 rep on the top set", sets((80, 8), (80, 5)),
     (6, 10), (2.5, 5), "kg", 80, 9, "+1 rep: 9 reps at 80 kg (1 set below 6 reps"),
    ("every set below range: hold, aim for the bottom", sets((80, 5), (80, 4)),
     (6, 10), (2.5, 5), "kg", 80, 6, "below the range last time (5 reps): hold 80 kg"),
    ("heaviest set decides, lighter back-off sets count for 'every set'",
     sets((85, 10), (75, 12)), (6, 10), (2.5, 5), "kg", 87.5, 6, "87.5 kg × 6"),
    ("step too big (2 kg on 10 kg = +20 %): add a rep", sets((10, 12), (10, 12)),
     (8, 12), (2, 5), "kg", 10, 13,
     "load step 2 kg is too big a jump from 10 kg (+20 %): add a rep instead"),
    ("step too big, one past the top: another rep", sets((10, 13), (10, 13)),
     (8, 12), (2, 5), "kg", 10, 14, "add a rep instead: 14 reps at 10 kg"),
    ("step too big, at top + 2: take the step anyway", sets((10, 14), (10, 14)),
     (8, 12), (2, 5), "kg", 12, 8, "14 reps on every set: take the load step anyway: 12 kg × 8"),
    ("step of exactly 10 % is not too big", sets((20, 12), (20, 12)),
     (8, 12), (2, 5), "kg", 22, 8, "top of range on every set: 22 kg × 8"),
    ("bodyweight: +1 rep, no load", sets((None, 8), (None, 7)), (6, 10), (0, 0), "kg",
     None, 9, "+1 rep: 9 reps at bodyweight"),
    ("bodyweight at or past the top of the range: add load or a harder variant",
     sets((None, 12)), (6, 10), (0, 0), "kg", None, 10,
     "top of the range (12 reps): add load or move to a harder variant"),
    ("no load step for the unit: +1 rep at the same load", sets((20, 13)), (12, 15), (0, 0),
     "lb", 20, 14, "+1 rep: 14 reps at 44.09 lb"),
    ("no load step, top of the range: add load, not +1 rep forever", sets((20, 15)), (12, 15),
     (0, 0), "lb", 20, 15, "top of the range (15 reps): add load"),
    ("warm-ups ignored", WARMUPS + sets((80, 8), (80, 8)), (6, 10), (2.5, 5), "kg",
     80, 9, "+1 rep: 9 reps at 80 kg"),
    ("drop sets ignored", sets((80, 10), (80, 10)) + sets((50, 4), kind="drop"), (6, 10),
     (2.5, 5), "kg", 82.5, 6, "top of range"),
    ("sets to failure are working sets", sets((80, 10)) + sets((80, 7), kind="failure"),
     (6, 10), (2.5, 5), "kg", 80, 10, "bring every set to 10 reps at 80 kg"),
    ("no history", [], (8, 12), (2.5, 5), "kg", None, 8,
     "first time: pick a load you can lift for 8–12 reps at RIR 3"),
    ("only warm-ups: same as no history", WARMUPS, (6, 10), (2.5, 5), "kg", None, 6,
     "first time"),
]


@pytest.mark.parametrize(
    "last, rep_range, steps, units, load, reps, note",
    [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_next_target(last, rep_range, steps, units, load, reps, note):
    target = next_target(last, *rep_range, *steps, units, target_sets=4)
    assert target.load_kg == (pytest.approx(load, abs=1e-5) if load is not None else None)
    assert target.reps == reps
    assert target.sets == 4
    assert note in target.note


@pytest.mark.parametrize("last, e1rm", [
    (sets((80, 8), (80, 10)), 80 * (1 + 10 / 30)),  # Epley: 106.67
    (sets((100, 1), (90, 5)), 105.0),  # 90 × 7/6 beats a single at 100
    (WARMUPS + sets((60, 10)), 80.0),  # warm-ups are not last time's best
    (sets((None, 12)), None),
    ([], None),
])
def test_e1rm_is_the_best_epley_estimate_of_the_working_sets(last, e1rm):
    target = next_target(last, 6, 10, 2.5, 5, "kg", 3)
    assert target.e1rm_kg == (pytest.approx(e1rm) if e1rm is not None else None)
    assert best_e1rm([s for s in last if s.kind != "warmup"]) == target.e1rm_kg


@pytest.mark.parametrize("load_kg, step, units, expected", [
    (80, 2.5, "kg", 82.5),
    (47.5, 5, "kg", 50),  # off the 5 kg grid: nearest point to 52.5, ties down, still above
    (61, 2.5, "kg", 62.5),
    (135 * LB_TO_KG, 5, "lb", 140 * LB_TO_KG),
    (60, 5, "lb", 135 * LB_TO_KG),  # 132.28 lb + 5 = 137.28 -> 135 lb
    (100 * LB_TO_KG, 10, "lb", 110 * LB_TO_KG),
])
def test_next_load_is_above_the_last_and_on_the_units_grid(load_kg, step, units, expected):
    assert next_load_kg(load_kg, step, units) == pytest.approx(expected, abs=1e-5)


def test_unknown_units_are_refused():
    with pytest.raises(ValueError, match="units: 'st'"):
        next_target(sets((80, 8)), 6, 10, 2.5, 5, "st", 3)


# --- The week's kind (DOMAIN §5) -------------------------------------------------------------

BARBELL = (2.5, 5)
ROW_SETS = sets((80, 9), (80, 8), (80, 8), (80, 7), (80, 7))


@pytest.mark.parametrize("week, rep_range, reps, note", [
    # The example: rated "could not match", a recovery session at 3–5 reps.
    ("recovery", (3, 5), 3, "recovery session: 80 kg × 3 — same load, half the sets and reps"),
    ("deload", (6, 10), 6, "deload week: 80 kg × 6 — same load, fewer sets"),
])
def test_deload_and_recovery_never_raise_the_load(week, rep_range, reps, note):
    topped = sets((80, 10), (80, 10), (80, 10))  # the top of 6–10 on every set
    for last in (ROW_SETS, topped):
        target = next_target(last, *rep_range, *BARBELL, "kg", target_sets=3, week=week,
                             rir=5 if week == "deload" else 2)
        assert target.load_kg == 80 and target.reps == reps
        assert note in target.note
    assert target.rir == (5 if week == "deload" else 2) and target.note.endswith(
        f"@ RIR {target.rir:g}")


@pytest.mark.parametrize("earlier, load, reps, note", [
    # Below 6 reps twice at 80 kg: one 2.5 kg step down.
    (sets((80, 5), (80, 4)), 77.5, 6, "below 6 reps twice at 80 kg: 77.5 kg × 6"),
    # Once is not a trend: hold the load, aim for the bottom of the range.
    (sets((80, 7), (80, 6)), 80, 6, "below the range last time"),
    # At another load it is not the same load twice.
    (sets((82.5, 5)), 80, 6, "below the range last time"),
])
def test_twice_below_the_range_at_one_load_steps_down(earlier, load, reps, note):
    last = sets((80, 5), (80, 5), (80, 4))
    target = next_target(last, 6, 10, *BARBELL, "kg", target_sets=3, earlier_sets=earlier)
    assert (target.load_kg, target.reps) == (pytest.approx(load), reps)
    assert note in target.note


def test_backing_off_a_light_dumbbell_takes_ten_percent_on_the_grid():
    """2 kg is 20 % of a 10 kg dumbbell: a step down that big would be a jump, so 10 % down,
    rounded down to the unit's grid."""
    target = next_target(sets((10, 7)), 8, 12, 2.0, 5.0, "kg", target_sets=3,
                         earlier_sets=sets((10, 6)))
    assert target.load_kg == pytest.approx(8.0) and target.reps == 8


def test_a_bodyweight_exercise_at_the_top_names_a_harder_variant():
    target = next_target(sets((None, 30)), 10, 20, 0, 0, "kg", target_sets=3,
                         harder="Deficit Push-Up")
    assert target.reps == 20 and target.load_kg is None
    assert "add load or move to a harder variant (e.g. Deficit Push-Up)" in target.note


def test_the_weeks_rir_target_is_beside_the_target():
    target = next_target(sets((80, 8)), 6, 10, *BARBELL, "kg", target_sets=3, rir=2)
    assert target.rir == 2 and target.note == "+1 rep: 9 reps at 80 kg @ RIR 2"
    first = next_target([], 6, 10, *BARBELL, "kg", target_sets=3, rir=1)
    assert first.note == "first time: pick a load you can lift for 6–10 reps at RIR 1"


def test_an_unknown_week_kind_is_refused():
    with pytest.raises(ValueError, match="week"):
        next_target([], 6, 10, *BARBELL, "kg", target_sets=3, week="holiday")


# --- timed sets (issue 18) -------------------------------------------------------------------

def timed(*pairs, kind="working"):
    """Timed sets from (load, seconds): 0 reps and a time."""
    return [SetResult(load, 0, kind, seconds) for load, seconds in pairs]


def test_a_timed_exercise_progresses_by_time_at_the_same_load():
    target = next_target(timed((None, 60), (None, 55), (None, 50)), 10, 20, 0, 0, "kg",
                         target_sets=3)
    assert (target.load_kg, target.reps, target.seconds) == (None, 0, 65)
    assert target.timed and target.e1rm_kg is None
    assert target.note == "+5 s: 65 s"
    loaded = next_target(timed((20, 45), (20, 40)), 10, 20, 2.5, 5, "kg", target_sets=3, rir=2)
    assert (loaded.load_kg, loaded.seconds) == (20, 50)
    assert loaded.note == "+5 s: 20 kg × 50 s @ RIR 2"


def test_a_timed_exercise_in_a_deload_week_holds_its_time():
    target = next_target(timed((None, 60)), 10, 20, 0, 0, "kg", target_sets=2, week="deload")
    assert (target.load_kg, target.reps, target.seconds) == (None, 0, 60)
    assert target.note == "deload week: 60 s — same load and time, fewer sets"


def test_sets_of_reps_lead_when_last_time_mixed_them_with_timed_sets():
    target = next_target(sets((80, 8)) + timed((None, 60)), 6, 10, *BARBELL, "kg",
                         target_sets=3)
    assert (target.load_kg, target.reps, target.seconds) == (80, 9, None)


# --- assisted exercises: a negative load is the help given -----------------------------------

ASSISTED_STEPS = (5.0, 10.0)


def test_an_assisted_exercise_at_the_top_takes_one_step_less_help():
    target = next_target(sets((-20, 12), (-20, 12)), 8, 12, *ASSISTED_STEPS, "kg",
                         target_sets=3)
    assert (target.load_kg, target.reps) == (-15, 8)
    assert target.note == "top of range on every set: −15 kg × 8"
    assert target.e1rm_kg is None  # help gives no 1RM


def test_an_assisted_exercise_in_range_adds_a_rep_at_the_same_help():
    target = next_target(sets((-20, 9)), 8, 12, *ASSISTED_STEPS, "kg", target_sets=3)
    assert (target.load_kg, target.reps) == (-20, 10)
    assert target.note == "+1 rep: 10 reps at −20 kg"


def test_an_assisted_exercise_below_the_range_twice_gets_more_help():
    target = next_target(sets((-20, 6)), 8, 12, *ASSISTED_STEPS, "kg", target_sets=3,
                         earlier_sets=sets((-20, 7)))
    assert (target.load_kg, target.reps) == (-25, 8)


def test_the_least_help_ends_at_bodyweight_not_added_load():
    target = next_target(sets((-5, 12), (-5, 12)), 8, 12, *ASSISTED_STEPS, "kg",
                         target_sets=3)
    assert (target.load_kg, target.reps) == (None, 8)
    assert "move to the unassisted exercise" in target.note


def test_e1rm_ignores_timed_and_assisted_sets():
    assert best_e1rm(timed((20, 60)) + sets((-20, 10))) is None
    assert best_e1rm(timed((20, 60)) + sets((60, 10))) == pytest.approx(80.0)
