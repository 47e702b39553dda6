"""What a session sheet holds (models/sheets.py): which sessions a range prints, each one's
exercises with the session editor's data, plates per side for bar loads, the warm-up ramp on
the first compound lift with a load, the muscles to rate, and the range's limits."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from models.rules.domain import LB_TO_KG
from models.rules.limits import LAST_DATE, PRINT_WEEKS
from models.sessions import create_session, exercise_order, log_set, session_detail, set_status
from models.settings import update_settings
from models.sheets import SheetError, session_sheets, sheet_dates, warmup_index
from models.storage.schema import Exercise

MONDAY = date(2026, 11, 23)


def exercise(name: str) -> int:
    return Exercise.get(Exercise.name == name).id


def logged(day: date, names: list[str], load: float, reps: int = 8, status: str = "done") -> int:
    session_id = create_session(day, "Before", [exercise(n) for n in names], status=status)
    for se_id in exercise_order(session_id):
        for _ in range(3):
            log_set(se_id, kind="working", load_kg=load, reps=reps)
    return session_id


# --- the range ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("weeks", "end"), [
    (1, MONDAY + timedelta(days=6)), (4, MONDAY + timedelta(days=27)),
    (PRINT_WEEKS[1], MONDAY + timedelta(weeks=PRINT_WEEKS[1], days=-1))])
def test_a_range_is_whole_weeks_from_the_first_day(weeks, end):
    assert sheet_dates(MONDAY, weeks) == (MONDAY, end)


@pytest.mark.parametrize(("start", "weeks", "message"), [
    (MONDAY, 0, "weeks: 0 is out of range (1–12)"),
    (MONDAY, PRINT_WEEKS[1] + 1, "weeks: 13 is out of range (1–12)"),
    (MONDAY, -1, "weeks: -1 is out of range (1–12)"),
    (date(1899, 12, 31), 1, "from: 1899-12-31 is out of range (1900–2199)"),
])
def test_a_bad_range_is_refused_naming_the_field(start, weeks, message):
    with pytest.raises(SheetError) as caught:
        sheet_dates(start, weeks)
    assert str(caught.value) == message


def test_a_range_stops_at_the_last_date_a_log_holds():
    assert sheet_dates(LAST_DATE - timedelta(days=3), 2) == (LAST_DATE - timedelta(days=3),
                                                              LAST_DATE)


# --- which sessions -----------------------------------------------------------------------------

def test_only_planned_sessions_in_the_range_in_date_order(db):
    later = create_session(MONDAY + timedelta(days=2), "Lower", [exercise("Barbell Back Squat")])
    first = create_session(MONDAY, "Upper", [exercise("Barbell Bench Press")])
    done = create_session(MONDAY + timedelta(days=1), "Done", [exercise("Barbell Row")])
    set_status(done, "done")
    skipped = create_session(MONDAY + timedelta(days=3), "Skipped", [exercise("Barbell Row")])
    set_status(skipped, "skipped")
    create_session(MONDAY + timedelta(days=7), "Next week", [exercise("Barbell Row")])
    create_session(MONDAY - timedelta(days=1), "Before", [exercise("Barbell Row")])
    sheets = session_sheets(MONDAY, 1)
    assert [s.detail.id for s in sheets.sessions] == [first, later]
    assert (sheets.start, sheets.end) == (MONDAY, MONDAY + timedelta(days=6))
    assert [s.detail.name for s in session_sheets(MONDAY, 2).sessions] == [
        "Upper", "Lower", "Next week"]


def test_a_sheet_carries_the_session_editors_data_minutes_and_groups(block):
    from tests.shared import BLOCK_START

    sheets = session_sheets(BLOCK_START, 1)
    assert [s.detail.date.strftime("%a") for s in sheets.sessions] == ["Mon", "Tue", "Thu",
                                                                         "Fri"]
    for sheet in sheets.sessions:
        detail = session_detail(sheet.detail.id)
        assert [e.info for e in sheet.exercises] == list(detail.exercises)
        assert 20 < sheet.minutes < 120
        primaries = {e.info.exercise.primary for e in sheet.exercises}
        assert set(sheet.groups) == primaries and len(sheet.groups) == len(primaries)


def test_no_planned_sessions_is_an_empty_print(db):
    sheets = session_sheets(MONDAY, 2)
    assert sheets.sessions == () and sheets.end == MONDAY + timedelta(days=13)


# --- plates and the warm-up ramp ----------------------------------------------------------------

def test_bar_targets_get_plates_and_the_first_compound_gets_the_ramp(db):
    logged(MONDAY - timedelta(days=7), ["Barbell Bench Press", "Barbell Row",
                                        "Dumbbell Lateral Raise"], 80)
    create_session(MONDAY, "Upper", [exercise("Pull-Up"), exercise("Barbell Bench Press"),
                                     exercise("Barbell Row"), exercise("Dumbbell Lateral Raise")])
    (sheet,) = session_sheets(MONDAY, 1, units="kg").sessions
    pull_up, bench, row, raise_ = sheet.exercises
    # 80 kg × 8 in a 6–10 range: one more rep at 80 kg next time.
    assert bench.info.target.load_kg == 80
    assert bench.plates.per_side == (25, 5) and bench.plates.exact
    assert [(s.load, s.reps) for s in bench.warmup] == [(20, 10), (32.5, 5), (47.5, 3), (65, 1)]
    assert row.plates.per_side == (25, 5) and row.warmup == ()  # only the first compound
    assert pull_up.plates is None and pull_up.warmup == ()  # bodyweight: passed over
    assert raise_.plates is None and raise_.warmup == ()  # dumbbells: no plates


def test_plates_and_ramp_are_in_the_users_unit_with_their_plate_set(db):
    from models.adaptation import save_plate_set

    update_settings(units="lb")
    save_plate_set("lb", 45, {45: 4, 25: 2, 10: 2, 5: 2, 2.5: 2})
    logged(MONDAY - timedelta(days=7), ["Barbell Back Squat"], 225 * LB_TO_KG, reps=5)
    create_session(MONDAY, "Lower", [exercise("Barbell Back Squat")])
    sheets = session_sheets(MONDAY, 1)
    (squat,) = sheets.sessions[0].exercises
    assert (sheets.units, sheets.bar) == ("lb", 45)
    assert squat.plates.per_side == (45, 45) and squat.plates.achieved_load == 225
    assert [(s.load, s.per_side) for s in squat.warmup] == [
        (45, ()), (90, (10, 10, 2.5)), (135, (45,)), (180, (45, 10, 10, 2.5))]


def test_a_first_time_lift_gets_a_ramp_in_percentages_and_no_plates(db):
    create_session(MONDAY, "New", [exercise("Barbell Bench Press")])
    (bench,) = session_sheets(MONDAY, 1).sessions[0].exercises
    assert bench.plates is None
    assert [(s.load, s.fraction) for s in bench.warmup] == [
        (None, None), (None, 0.4), (None, 0.6), (None, 0.8)]


def test_the_ramp_goes_to_the_first_compound_with_a_load(db):
    session_id = create_session(MONDAY, "Pull", [
        exercise("Dumbbell Lateral Raise"), exercise("Pull-Up"), exercise("Barbell Row")])
    assert warmup_index(session_detail(session_id).exercises) == 2
    isolation_only = create_session(MONDAY, "Arms", [exercise("Dumbbell Lateral Raise")])
    assert warmup_index(session_detail(isolation_only).exercises) is None
