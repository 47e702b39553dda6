"""Autoregulation rules (DOMAIN §5), table-driven: every cell of the table, the MRV cap, recovery
sessions, both early-deload triggers, swaps, the next mesocycle's start, and the plate calculator
for kg and lb plate sets."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

import pytest

from models.rules.autoregulation import (
    Adjustment,
    DeloadSuggestion,
    ExerciseTargets,
    Feedback,
    FeedbackEntry,
    GroupAdjustment,
    PlateResult,
    StartAdjustment,
    WeekLimits,
    WeekRow,
    adjustment,
    default_plate_set,
    early_deload,
    fit_week,
    next_mesocycle_start,
    next_week_sets,
    plates_per_side,
    recovery_targets,
    swap_candidates,
)
from models.rules.domain import DEFAULT_LANDMARKS, ExerciseInfo, Landmarks
from models.rules.generator import weekly_targets

BACK = DEFAULT_LANDMARKS["back"]  # MEV 10, MAV 14–22, MRV 25
DAY = date(2026, 11, 2)

# --- pump and maintained muscles (DOMAIN §5) -----------------------------------------------------

@pytest.mark.parametrize(("soreness", "performance", "pump", "delta"), [
    (0, 2, 0, 1), (0, 2, 1, 1), (1, 2, 0, 1), (1, 2, 1, 1),  # a hold too small to feel: +1
    (0, 2, 2, 0), (1, 2, 3, 0),  # a good pump: the hold stands
    (2, 2, 0, 0), (3, 2, 1, 0),  # still sore: no more sets whatever the pump
    (0, 1, 0, 1), (0, 0, 0, 2),  # pump refines holds only
    (0, 3, 0, None), (1, 3, 1, None),  # and never turns a recovery session into more sets
])
def test_pump_refines_only_a_hold_from_performance(soreness, performance, pump, delta):
    cell = adjustment(soreness, performance, pump)
    assert cell.delta == delta and cell.recovery == (delta is None)
    if (soreness, performance) in ((0, 2), (1, 2)) and pump <= 1:
        assert "too small a dose to feel" in cell.reason


def test_a_maintained_muscle_only_holds_or_drops():
    traps = DEFAULT_LANDMARKS["traps"]
    held = next_week_sets("traps", 3, Feedback("traps", 0, 2, 0), traps, maintained=True)
    assert (held.sets, held.delta, held.base) == (3, 0, 3)
    assert "maintained this block" in held.reason
    recovery = next_week_sets("traps", 3, Feedback("traps", 1, 2, 3), traps, maintained=True)
    assert recovery.recovery and recovery.sets == 3


# --- the week's limits ------------------------------------------------------------------------

MON, THU = date(2026, 11, 9), date(2026, 11, 12)


def row(id_, session, day, group, sets, pattern="horizontal_pull", planned=True):
    return WeekRow(id_, session, day, planned, group, pattern, ("biceps",), sets, 8, 12,
                   (day, session, id_))


def grow(group, base, sets):
    return GroupAdjustment(group, sets, sets - base, False, f"{group} +{sets - base}: healed "
                           "early, performance beat last time", base=base)


def test_new_sets_spread_over_the_groups_sessions_evenly():
    rows = [row(1, 1, MON, "back", 5), row(2, 2, THU, "back", 5)]
    (fitted,), targets = fit_week(rows, [grow("back", 10, 12)])
    assert fitted.sets == 12 and {i: t.sets for i, t in targets.items()} == {1: 6, 2: 6}


def test_a_full_session_takes_no_more_and_the_reason_names_it():
    """Monday is at 25 sets, Thursday's back is at 12: +2 back finds no room."""
    rows = [row(1, 1, MON, "back", 5), row(2, 1, MON, "chest", 10, "horizontal_push"),
            row(3, 1, MON, "quads", 10, "squat"), row(4, 2, THU, "back", 12)]
    (fitted,), targets = fit_week(rows, [grow("back", 17, 19)])
    assert fitted.sets == 17 and fitted.delta == 0
    assert fitted.reason == ("back held (+2 wanted, no room on Mon or Thu: at most 25 sets a "
                             "session, 12 for one muscle): healed early, performance beat last "
                             "time")
    assert targets[1].sets + targets[4].sets == 17
    assert targets[1].sets + 20 <= 25 and targets[4].sets <= 12


def test_the_longest_session_limits_what_is_added():
    rows = [row(1, 1, MON, "back", 5), row(2, 1, MON, "chest", 5, "horizontal_push")]
    (fitted,), _ = fit_week(rows, [grow("back", 5, 7)], WeekLimits(max_minutes=35))
    assert fitted.sets < 7 and "35 minutes" in fitted.reason


def test_done_sessions_count_as_they_are_and_a_drop_frees_room_first():
    rows = [row(1, 1, MON, "back", 6, planned=False), row(2, 2, THU, "back", 5),
            row(3, 2, THU, "chest", 12, "horizontal_push"), row(4, 2, THU, "quads", 8, "squat")]
    chest_down = GroupAdjustment("chest", 10, -2, False, "chest −2", base=12)
    fitted, targets = fit_week(rows, [grow("back", 11, 13), chest_down])
    assert [a.sets for a in fitted] == [13, 10]
    assert targets[2].sets == 7 and 1 not in targets  # Monday was done: untouched


# --- the DOMAIN §5 table, every cell ------------------------------------------------------------

# (soreness, performance) -> sets to add, None for a recovery session.
TABLE = {
    (0, 0): 2, (0, 1): 1, (0, 2): 0, (0, 3): None,
    (1, 0): 1, (1, 1): 1, (1, 2): 0, (1, 3): None,
    (2, 0): 0, (2, 1): 0, (2, 2): 0, (2, 3): None,
    (3, 0): 0, (3, 1): 0, (3, 2): 0, (3, 3): None,  # soreness 2 and 3 share the row
}


@pytest.mark.parametrize(("soreness", "performance"), sorted(TABLE))
def test_every_cell_of_the_domain_table(soreness, performance):
    expected = TABLE[soreness, performance]
    cell = adjustment(soreness, performance)
    assert cell.delta == expected
    assert cell.recovery is (expected is None)
    assert cell.reason  # every change says why


@pytest.mark.parametrize(("soreness", "performance", "reason"), [
    (0, 0, "healed early, performance beat last time"),
    (1, 1, "healed just in time, performance held"),
    (0, 2, "healed early, performance barely held"),
    (2, 1, "still sore, performance held"),
    (3, 3, "still sore, performance dropped"),
])
def test_reasons_name_both_ratings(soreness, performance, reason):
    assert adjustment(soreness, performance) == Adjustment(
        TABLE[soreness, performance], TABLE[soreness, performance] is None, reason)


@pytest.mark.parametrize(("soreness", "performance"), [(-1, 0), (4, 0), (0, 4), (None, 1),
                                                       (True, 1), (1, "2")])
def test_ratings_outside_0_to_3_are_refused(soreness, performance):
    with pytest.raises(ValueError, match="is not 0–3"):
        adjustment(soreness, performance)


# --- next week's sets and the MRV cap ---------------------------------------------------------

@pytest.mark.parametrize(("current", "soreness", "performance", "sets", "delta", "recovery",
                          "reason"), [
    (12, 1, 1, 13, 1, False, "back +1: healed just in time, performance held"),
    (12, 0, 0, 14, 2, False, "back +2: healed early, performance beat last time"),
    (12, 0, 2, 12, 0, False, "back held: healed early, performance barely held"),
    (12, 2, 0, 12, 0, False, "back held: still sore, performance beat last time"),
    (12, 0, 3, 12, 0, True, "back recovery session: healed early, performance dropped"),
    # The MRV cap: never above 25 sets.
    (24, 0, 0, 25, 1, False, "back +1 (capped at MRV 25): healed early, performance beat "
                             "last time"),
    (25, 0, 0, 25, 0, False, "back held at MRV 25: healed early, performance beat last time"),
    (25, 1, 1, 25, 0, False, "back held at MRV 25: healed just in time, performance held"),
    (27, 2, 2, 25, -2, False, "back −2 to MRV 25: still sore, performance barely held"),
    (27, 3, 3, 25, -2, True, "back recovery session: still sore, performance dropped"),
])
def test_next_week_sets_follow_the_table_capped_at_mrv(current, soreness, performance, sets,
                                                       delta, recovery, reason):
    result = next_week_sets("back", current, Feedback("back", soreness, 2, performance), BACK)
    assert (result.group, result.sets, result.delta, result.recovery, result.reason) == (
        "back", sets, delta, recovery, reason)


def test_the_cap_is_the_users_mrv_and_names_the_group():
    low_mrv = Landmarks(4, 6, 8, 10, 12)
    result = next_week_sets("side_delts", 11, Feedback("side_delts", 0, 3, 0), low_mrv)
    assert (result.sets, result.reason) == (
        12, "side delts +1 (capped at MRV 12): healed early, performance beat last time")


@pytest.mark.parametrize("feedback", [None, Feedback("back", pump=3),
                                      Feedback("back", soreness=1),
                                      Feedback("back", performance=0, joint_pain=True)])
def test_unrated_feedback_keeps_the_plan(feedback):
    result = next_week_sets("back", 14, feedback, BACK)
    assert (result.sets, result.delta, result.recovery, result.reason) == (
        14, 0, False, "back: not rated")


def test_unrated_feedback_still_comes_down_to_mrv():
    assert next_week_sets("back", 28, None, BACK).sets == 25


# --- recovery sessions ------------------------------------------------------------------------

@pytest.mark.parametrize(("sets", "low", "high", "half"), [
    (4, 6, 10, (2, 3, 5)),
    (3, 8, 12, (2, 4, 6)),
    (1, 10, 15, (1, 5, 8)),
    (5, 5, 5, (3, 3, 3)),
    (2, 1, 1, (1, 1, 1)),
    (0, 8, 12, (0, 4, 6)),  # no sets stays no sets
])
def test_a_recovery_session_halves_sets_and_reps(sets, low, high, half):
    (result,) = recovery_targets([ExerciseTargets(7, sets, low, high)])
    assert result == ExerciseTargets(7, *half)


# --- early deload -----------------------------------------------------------------------------

def entry(days: int, group: str = "back", performance: int | None = 1, soreness: int = 1,
          week_sets: int | None = 12) -> FeedbackEntry:
    return FeedbackEntry(DAY + timedelta(days=days), Feedback(group, soreness, 2, performance),
                         week_sets, session_id=days + 1)


@pytest.mark.parametrize(("history", "planned", "groups"), [
    # Performance 3 in the last two rated sessions of a group.
    ([entry(0, performance=3), entry(3, performance=3)], None, ("back",)),
    ([entry(0), entry(3, performance=3), entry(7, performance=3)], None, ("back",)),
    # Unrated sessions in between do not break the row.
    ([entry(0, performance=3), entry(2, performance=None), entry(4, performance=3)], None,
     ("back",)),
    # Not two in a row.
    ([entry(0, performance=3), entry(3, performance=2)], None, ()),
    ([entry(0, performance=3), entry(3, performance=2), entry(7, performance=3)], None, ()),
    ([entry(0, performance=3)], None, ()),
    # Another group's drop does not count for this one.
    ([entry(0, performance=3), entry(1, "chest", performance=3)], None, ()),
    # Planned weekly sets reach MRV: next week's plan, or the latest week in the history.
    ([entry(0)], {"back": 25}, ("back",)),
    ([entry(0)], {"back": 24}, ()),
    ([entry(0, week_sets=25)], None, ("back",)),
    ([entry(0, week_sets=25), entry(7, week_sets=22)], None, ()),  # the latest week counts
    ([], {"chest": 22, "back": 26}, ("back", "chest")),  # table order
    ([], None, ()),
])
def test_early_deload_triggers(history, planned, groups):
    suggestion = early_deload(history, planned_sets=planned)
    assert (suggestion.groups if suggestion else ()) == groups


def test_early_deload_names_its_reasons():
    history = [entry(0, "chest", performance=3), entry(4, "chest", performance=3),
               entry(4, week_sets=25)]
    assert early_deload(history) == DeloadSuggestion(
        ("back", "chest"),
        ("back reaches MRV 25 (25 sets)",
         "chest could not match last time in two sessions in a row (02 Nov and 06 Nov)"))
    assert early_deload(history).text.startswith("Deload early: back reaches MRV 25")


def test_early_deload_uses_the_users_landmarks():
    history = [entry(0, week_sets=20)]
    assert early_deload(history) is None
    assert early_deload(history, landmarks={"back": Landmarks(8, 10, 14, 18, 20)}).groups == (
        "back",)


# --- joint pain: swap candidates ----------------------------------------------------------------

def exercise(id_: int, name: str, primary: str = "back", pattern: str = "horizontal_pull",
             equipment: str = "barbell") -> ExerciseInfo:
    return ExerciseInfo(name=name, primary=primary, pattern=pattern, equipment=equipment, id=id_)


LIBRARY = (
    exercise(1, "Barbell Row"),
    exercise(2, "Lat Pulldown", pattern="vertical_pull", equipment="cable"),
    exercise(3, "Cable Row", equipment="cable"),
    exercise(4, "Rear Delt Row", primary="rear_delts"),
    exercise(5, "Helms Row", equipment="dumbbell"),
    exercise(6, "Machine Row", equipment="machine"),
)


@pytest.mark.parametrize(("current", "exclude", "names"), [
    (LIBRARY[0], (), ["Cable Row", "Helms Row", "Machine Row"]),  # library order
    (LIBRARY[0], (3,), ["Helms Row", "Machine Row"]),  # e.g. already in the session
    (LIBRARY[0], ("Helms Row", 6), ["Cable Row"]),  # ids or names
    (LIBRARY[2], (), ["Barbell Row", "Helms Row", "Machine Row"]),
    (LIBRARY[1], (), []),  # the only vertical pull
    (LIBRARY[3], (), []),  # same pattern, other group
])
def test_swap_candidates_share_pattern_and_primary_group(current, exclude, names):
    assert [e.name for e in swap_candidates(current, LIBRARY, exclude=exclude)] == names


# --- the next mesocycle's start ---------------------------------------------------------------

def ratings(group: str, *pairs: tuple[int, int], week_sets: int = 14) -> list[FeedbackEntry]:
    return [FeedbackEntry(DAY + timedelta(days=3 * i), Feedback(group, s, 1, p), week_sets, i)
            for i, (s, p) in enumerate(pairs)]


@pytest.mark.parametrize(("level", "group", "history", "start", "offset", "reason"), [
    # Always progressed and healed early: +2 over the level's start.
    ("intermediate", "back", ratings("back", (0, 0), (0, 1), (0, 0)), 12, 2,
     "back starts at 12 (+2): always progressed and healed early"),
    # ... never above MAV low: front delts start at 4 (two sessions of two sets), +2 = 6.
    ("intermediate", "front_delts", ratings("front_delts", (0, 0), (0, 0), week_sets=6), 6, 2,
     "front delts starts at 6 (+2): always progressed and healed early"),
    # Advanced back starts at 13 (20 % above MEV): +2 would pass MAV low 14, so 14.
    ("advanced", "back", ratings("back", (0, 1), (0, 1)), 14, 1,
     "back starts at 14 (+1): always progressed and healed early"),
    # Hit MRV: 2 below the level's start, never below MV.
    ("intermediate", "back", ratings("back", (1, 1), (0, 0), week_sets=25), 8, -2,
     "back starts at 8 (−2): reached MRV 25 last time"),
    ("advanced", "chest", ratings("chest", (2, 2), week_sets=23), 10, -2,
     "chest starts at 10 (−2): reached MRV 22 last time"),
    ("intermediate", "glutes", ratings("glutes", (0, 0), week_sets=16), 4, 0,
     "glutes starts at 4: reached MRV 16 last time, but already starts as low as it can"),
    # MRV wins over "always progressed": it is the ceiling the group met.
    ("intermediate", "back", ratings("back", (0, 0), (0, 0), week_sets=25), 8, -2,
     "back starts at 8 (−2): reached MRV 25 last time"),
    # No data, too little, or mixed feedback: unchanged.
    ("intermediate", "back", [], 10, 0, "back starts at 10 as usual: no feedback"),
    ("intermediate", "back", ratings("back", (0, 0)), 10, 0,
     "back starts at 10 as usual: mixed feedback"),
    ("intermediate", "back", ratings("back", (0, 0), (1, 1)), 10, 0,
     "back starts at 10 as usual: mixed feedback"),
    ("beginner", "back", ratings("back", (0, 0), (0, 3)), 10, 0,
     "back starts at 10 as usual: mixed feedback"),
])
def test_next_mesocycle_start(level, group, history, start, offset, reason):
    result = next_mesocycle_start(level, DEFAULT_LANDMARKS, history)
    assert result[group] == StartAdjustment(start, reason, offset)
    assert start == weekly_targets(level, DEFAULT_LANDMARKS[group], 1, offset)[0]


def test_next_mesocycle_start_lists_every_group_in_table_order():
    result = next_mesocycle_start("beginner", DEFAULT_LANDMARKS, ratings("chest", (0, 0),
                                                                         (0, 0)))
    assert list(result) == list(DEFAULT_LANDMARKS)
    assert [g for g, a in result.items() if a.offset] == ["chest"]


# --- plates -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("load", "per_side", "achieved", "exact", "remainder"), [
    (20, (), 20, True, 0),  # the empty bar
    (60, (20,), 60, True, 0),
    (100, (25, 15), 100, True, 0),
    (142.5, (25, 25, 10, 1.25), 142.5, True, 0),
    (102.5, (25, 15, 1.25), 102.5, True, 0),
    (200, (25, 25, 25, 15), 200, True, 0),
    # Loads the plates cannot make: the closest lighter one.
    (101, (25, 15), 100, False, 1),
    (103, (25, 15, 1.25), 102.5, False, 0.5),
    (21, (), 20, False, 1),
    (15, (), 20, False, -5),  # below the bar: nothing lighter exists
])
def test_plates_for_kg_defaults(load, per_side, achieved, exact, remainder):
    assert plates_per_side(load) == PlateResult(per_side, achieved, exact, remainder)


@pytest.mark.parametrize(("load", "per_side", "achieved", "exact", "remainder"), [
    (45, (), 45, True, 0),
    (135, (45,), 135, True, 0),
    (225, (45, 45), 225, True, 0),
    (185, (45, 25), 185, True, 0),
    (155, (45, 10), 155, True, 0),
    (160, (45, 10, 2.5), 160, True, 0),
    (315, (45, 45, 45), 315, True, 0),
    (227, (45, 45), 225, False, 2),
    (137.5, (45,), 135, False, 2.5),  # a side needs 1.25 lb: there is none
    (51, (2.5,), 50, False, 1),
])
def test_plates_for_lb_defaults(load, per_side, achieved, exact, remainder):
    assert plates_per_side(load, unit="lb") == PlateResult(per_side, achieved, exact, remainder)


@pytest.mark.parametrize(("load", "bar", "plates", "per_side", "exact"), [
    # Greedy would take the 25 and be stuck at 25 of 40: backtracking finds 20 + 20.
    (100, 20, {25: 1, 20: 2}, (20, 20), True),
    (60, 20, (25, 20), (20,), True),
    # Limited pairs: only one pair of 25s.
    (140, 20, {25: 1, 20: 1, 15: 1}, (25, 20, 15), True),
    (150, 20, {25: 1, 20: 1, 15: 1}, (25, 20, 15), False),
    # Pairs of none, or plates of no weight, are ignored.
    (60, 20, {20: 0, 10: 2, 0: 5}, (10, 10), True),
    # A 15 kg bar and fractional plates.
    (17.5, 15, {1.25: 2, 0.5: 4}, (1.25,), True),
    (16.9, 15, {1.25: 2, 0.5: 4}, (0.5,), False),
    # A lb gym with 35s and no 2.5s.
    (125, 45, {45: 4, 35: 2, 25: 2, 10: 2, 5: 2}, (35, 5), True),
    (130, 45, {45: 4, 35: 2, 25: 2, 10: 2, 5: 2}, (35, 5), False),
])
def test_plates_with_the_users_plate_set(load, bar, plates, per_side, exact):
    unit = "lb" if bar == 45 else "kg"
    result = plates_per_side(load, bar, plates, unit)
    assert (result.per_side, result.exact) == (per_side, exact)
    assert result.achieved_load == pytest.approx(bar + 2 * sum(per_side))
    assert result.remainder == pytest.approx(load - result.achieved_load)


def test_plates_stay_fast_for_huge_loads_with_small_plates():
    result = plates_per_side(999.9, plates=(25, 20, 15, 10, 5, 2.5, 1.25, 0.5))
    assert result.achieved_load == 999.5 and not result.exact


def test_default_plate_sets_and_units():
    assert default_plate_set("kg") == (20.0, {25: 6, 20: 2, 15: 2, 10: 2, 5: 2, 2.5: 2,
                                              1.25: 2})
    assert default_plate_set("lb")[0] == 45.0
    with pytest.raises(ValueError, match="not kg or lb"):
        plates_per_side(100, unit="stone")


# --- purity -----------------------------------------------------------------------------------

def test_the_rules_import_no_qt():
    code = ("import sys, models.rules.autoregulation, models.adaptation; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'ui')]; "
            "print(bad); sys.exit(bool(bad))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=str(__import__("pathlib").Path(__file__).parents[3]))
    assert result.returncode == 0, result.stdout + result.stderr


def test_exercise_alternatives_offer_the_same_pattern_first_then_the_group():
    from models.io.library_file import read_shipped_library
    from models.rules.autoregulation import exercise_alternatives

    library = read_shipped_library().exercises
    row = next(e for e in library if e.name == "Barbell Row")
    offered = exercise_alternatives(row, library)
    patterns = [e.pattern for e in offered]
    assert offered and all(e.primary == "back" for e in offered)
    assert "Barbell Row" not in [e.name for e in offered]
    first_other = patterns.index("vertical_pull")
    assert set(patterns[:first_other]) == {"horizontal_pull"}  # rows before pulldowns
    assert offered[0].name == "Cable Row"  # the library's order: its staples first
    assert len(exercise_alternatives(row, library, limit=3)) == 3


def test_a_plate_too_light_to_count_is_no_plate():
    """A plate under a thousandth of the unit (only a hand-edited setting holds one) rounded to
    0 and divided by zero: now it is left out."""
    assert plates_per_side(101.0, 20.0, [0.0004, 20]) == plates_per_side(101.0, 20.0, [20])
    assert plates_per_side(60.0, 20.0, {0.0004: 3, 20: 1}).per_side == (20.0,)
