"""The numbers behind the charts: ranges, weekly series, this week's order, progress and PRs."""

from datetime import date, timedelta

import pytest

from models.charts import (
    LINE_GAP,
    MONTHLY_OVER_WEEKS,
    TICK_STEPS,
    VolumeSeries,
    combined_landmarks,
    date_ticks,
    exercise_progress,
    glance_rows,
    line_runs,
    load_volume_history,
    search_exercises_with_history,
    tick_count,
    time_range_bounds,
    volume_bars,
    volume_series,
    volume_title,
    week_label,
    weeks_between,
)
from models.rules.domain import DEFAULT_LANDMARKS, LB_TO_KG, MUSCLE_GROUPS, Landmarks, Status
from models.storage.schema import Exercise, LoggedSet, Mesocycle, Session, SessionExercise
from models.volume import weekly_volume_history

MONDAY = date(2026, 11, 23)  # ISO week 2026-W48


def log(day: date, exercise: str, sets: list[tuple[str, float, int]], *, status="done",
        target_sets=None) -> Session:
    """One session with one exercise; `sets` are (kind, load kg, reps)."""
    session = Session.create(date=day, name="Session", status=status)
    se = SessionExercise.create(session=session, exercise=Exercise.get(Exercise.name == exercise),
                                rep_low=6, rep_high=10,
                                target_sets=target_sets if target_sets is not None else len(sets))
    for position, (kind, load, reps) in enumerate(sets):
        LoggedSet.create(session_exercise=se, position=position, kind=kind, load_kg=load,
                         reps=reps)
    return session


def working(count: int, load: float = 80, reps: int = 8) -> list[tuple[str, float, int]]:
    return [("working", load, reps)] * count


def mesocycle(start: date, weeks: int, deload: bool = True) -> Mesocycle:
    return Mesocycle.create(name="Block", level="intermediate", start_date=start,
                            accumulation_weeks=weeks, deload=deload, training_days="mon,wed,fri")


# --- time ranges ------------------------------------------------------------------------------

def test_months_back_keep_the_day_or_take_the_month_end(db):
    assert time_range_bounds("3m", date(2026, 11, 25)) == (date(2026, 8, 25), date(2026, 11, 25))
    assert time_range_bounds("3m", date(2026, 5, 31)) == (date(2026, 2, 28), date(2026, 5, 31))
    assert time_range_bounds("1y", date(2028, 2, 29)) == (date(2027, 2, 28), date(2028, 2, 29))
    assert time_range_bounds("3m", date(2026, 1, 15))[0] == date(2025, 10, 15)


def test_current_mesocycle_runs_from_its_start_through_the_deload_week(db):
    mesocycle(date(2026, 8, 3), 5)
    mesocycle(date(2026, 10, 12), 6, deload=True)  # 7 weeks: to Sunday 29 Nov
    mesocycle(date(2026, 11, 30), 4)  # planned next
    assert time_range_bounds("mesocycle", MONDAY) == (date(2026, 10, 12), date(2026, 11, 29))


def test_without_a_current_mesocycle_the_most_recent_then_the_next_then_3_months(db):
    today = date(2026, 11, 25)
    assert time_range_bounds("mesocycle", today) == time_range_bounds("3m", today)
    mesocycle(date(2027, 1, 4), 4, deload=False)
    assert time_range_bounds("mesocycle", today) == (date(2027, 1, 4), date(2027, 1, 31))
    mesocycle(date(2026, 6, 1), 3, deload=False)  # ended 21 June: the most recent one run
    assert time_range_bounds("mesocycle", today) == (date(2026, 6, 1), date(2026, 6, 21))


def test_all_spans_every_session_planned_ones_included(db):
    today = date(2026, 11, 25)
    assert time_range_bounds("all", today) == (today, today)
    log(date(2024, 3, 5), "Barbell Row", working(3))
    log(date(2026, 12, 14), "Barbell Row", [], status="planned", target_sets=3)
    assert time_range_bounds("all", today) == (date(2024, 3, 5), date(2026, 12, 14))


def test_unknown_range_is_refused(db):
    with pytest.raises(ValueError, match="time range 'week'"):
        time_range_bounds("week", MONDAY)


# --- weekly volume ----------------------------------------------------------------------------

@pytest.fixture
def weeks(db):
    """Three weeks of back work with a gap week, and a planned week after them."""
    log(MONDAY - timedelta(days=21), "Barbell Row", [("warmup", 40, 10), *working(4)],
        target_sets=4)
    log(MONDAY - timedelta(days=19), "Lat Pulldown", working(3))
    # MONDAY - 14: a week off
    log(MONDAY - timedelta(days=7), "Barbell Row", working(5), target_sets=4)
    log(MONDAY - timedelta(days=5), "Barbell Bench Press", working(4))
    log(MONDAY + timedelta(days=7), "Barbell Row", [], status="planned", target_sets=6)


def test_series_is_dense_and_equals_the_weekly_volume_history(weeks):
    since, until = MONDAY - timedelta(days=21), MONDAY + timedelta(days=13)
    series = volume_series(["back"], "fractional", "mon", since, until)
    assert series.weeks == tuple(MONDAY + timedelta(days=7 * i) for i in range(-3, 2))
    done = weekly_volume_history("fractional", since=since, until=until)
    planned = weekly_volume_history("fractional", since=since, until=until, planned=True)
    assert series.done == tuple(done.get(w, {}).get("back", 0.0) for w in series.weeks)
    assert series.planned == tuple(planned.get(w, {}).get("back", 0.0) for w in series.weeks)
    assert series.done == (7, 0, 5, 0, 0)
    assert series.planned == (7, 0, 4, 0, 6)


def test_several_groups_are_summed_and_the_rule_counts_secondary_sets(weeks):
    since, until = MONDAY - timedelta(days=21), MONDAY
    fractional = volume_series(["back", "biceps"], "fractional", "mon", since, until)
    direct = volume_series(["back", "biceps"], "direct", "mon", since, until)
    assert fractional.done[0] == 7 + 3.5 and direct.done[0] == 7
    assert fractional.groups == ("back", "biceps") and fractional.rule == "fractional"


def test_a_partial_range_still_charts_whole_weeks(weeks):
    # A range starting on a Thursday takes its whole week: the bar is the week's total.
    series = volume_series(["back"], "direct", "mon", MONDAY - timedelta(days=18), MONDAY)
    assert series.weeks[0] == MONDAY - timedelta(days=21) and series.done[0] == 7


def test_a_loaded_history_slices_to_the_same_series_as_a_fresh_query(weeks):
    history = load_volume_history("fractional", "mon", MONDAY - timedelta(days=28),
                                  MONDAY + timedelta(days=13))
    narrow = (MONDAY - timedelta(days=10), MONDAY)
    assert history.covers(*narrow)
    assert not history.covers(MONDAY - timedelta(days=40), MONDAY)
    for groups in (["back"], ["chest", "triceps"], list(MUSCLE_GROUPS)):
        assert history.series(groups, *narrow) == volume_series(groups, "fractional", "mon",
                                                                 *narrow)


def test_empty_range_has_weeks_but_no_sets(db):
    series = volume_series(["back"], "fractional", "mon", MONDAY, MONDAY + timedelta(days=20))
    assert len(series.weeks) == 3 and series.is_empty and not series.has_done


def test_sunday_first_weeks(weeks):
    sunday = MONDAY - timedelta(days=1)
    assert weeks_between(sunday, sunday + timedelta(days=7), "sun") == [
        sunday, sunday + timedelta(days=7)]
    assert week_label(sunday) == "2026-W48 (22 Nov)"  # Mon–Sat of the week are ISO week 48
    assert week_label(MONDAY) == "2026-W48 (23 Nov)"


def test_summed_landmarks_and_titles_name_the_rule():
    landmarks = dict(DEFAULT_LANDMARKS)
    assert combined_landmarks(["back"], landmarks) == landmarks["back"]
    both = combined_landmarks(["back", "chest"], landmarks)
    assert (both.mv, both.mev, both.mav_low, both.mav_high, both.mrv) == (16, 20, 26, 42, 47)
    assert volume_title(["back"], "fractional") == "Back — weekly sets (fractional: secondary ½)"
    assert volume_title(["side_delts", "rear_delts"], "direct") == (
        "Side delts + Rear delts — weekly sets (direct only: secondary 0; "
        "bands: summed landmarks)")


# --- this week at a glance --------------------------------------------------------------------

def test_glance_orders_by_distance_from_the_productive_range():
    lm = Landmarks(4, 6, 10, 14, 18)
    landmarks = dict.fromkeys(("back", "chest", "quads", "biceps", "triceps", "calves", "abs"), lm)
    volume = {"back": 1, "chest": 21, "quads": 7, "biceps": 16, "triceps": 12, "calves": 3,
              "abs": 5}
    rows = glance_rows(volume, landmarks, planned={"back": 8})
    assert [(r.group, r.side, r.distance) for r in rows] == [
        ("back", "below", 5),      # MEV 6 − 1
        ("calves", "below", 3),    # 6 − 3; at equal distance below comes before above
        ("chest", "above", 3),     # 21 − MRV 18
        ("abs", "below", 1),
        ("quads", "inside", 0),    # inside: productive (just over MEV) first,
        ("biceps", "inside", 0),   # then high (near MRV),
        ("triceps", "inside", 0),  # then optimal
    ]
    assert [r.status for r in rows[-3:]] == [Status.PRODUCTIVE, Status.HIGH, Status.OPTIMAL]
    assert rows[0].planned == 8 and rows[1].planned == 0


def test_glance_has_every_group_and_zero_sets_never_count_as_productive():
    rows = glance_rows({}, dict(DEFAULT_LANDMARKS))
    assert {r.group for r in rows} == set(MUSCLE_GROUPS)
    glutes = next(r for r in rows if r.group == "glutes")  # MV = MEV = 0
    assert glutes.side == "below" and glutes.distance == 0
    assert rows[0].group == "back"  # MEV 10: farthest below; chest (also 10) follows
    assert [r.group for r in rows[:2]] == ["back", "chest"]


# --- progress per exercise --------------------------------------------------------------------

@pytest.fixture
def row_history(db):
    """Barbell Row: three sessions (the middle one lighter) plus a later heavy single."""
    log(date(2026, 9, 7), "Barbell Row", [("warmup", 40, 10), ("working", 100, 5),
                                          ("working", 100, 4)])
    log(date(2026, 9, 14), "Barbell Row", [("working", 90, 8), ("drop", 70, 12)])
    log(date(2026, 9, 21), "Barbell Row", [("working", 105, 5), ("failure", 100, 6)])
    log(date(2026, 9, 28), "Barbell Row", [("working", 125, 1), ("warmup", 150, 1)])
    log(date(2026, 9, 30), "Lat Pulldown", working(3, 60, 10))
    return Exercise.get(Exercise.name == "Barbell Row").id


def test_progress_per_session_from_working_sets_only(row_history):
    progress = exercise_progress(row_history)
    assert progress.dates == (date(2026, 9, 7), date(2026, 9, 14), date(2026, 9, 21),
                              date(2026, 9, 28))
    assert progress.e1rm == pytest.approx((100 * (1 + 5 / 30), 90 * (1 + 8 / 30),
                                           105 * (1 + 5 / 30), 125))  # a single is its own 1RM
    assert progress.heaviest == (100, 90, 105, 125)  # the 150 kg warm-up never counts
    assert progress.volume_load == (900, 90 * 8 + 70 * 12, 105 * 5 + 100 * 6, 125)
    assert progress.is_pr == (True, False, True, True)  # the first session: the first record


def test_a_pr_beats_sessions_before_the_range_too(row_history):
    later = exercise_progress(row_history, since=date(2026, 9, 14), until=date(2026, 9, 30))
    assert later.dates[0] == date(2026, 9, 14)
    assert later.is_pr == (False, True, True)  # 14 Sep: below 7 Sep's 116.7, outside the range
    assert exercise_progress(row_history, since=date(2026, 10, 1)).is_empty


def test_progress_in_pounds(row_history):
    pounds = exercise_progress(row_history).in_unit("lb")
    assert pounds.unit == "lb" and pounds.heaviest[-1] == pytest.approx(125 / LB_TO_KG)
    assert pounds.is_pr == exercise_progress(row_history).is_pr


def test_search_matches_names_and_aliases_of_logged_exercises(row_history):
    everything = search_exercises_with_history("")
    assert [(name, count) for _, name, count in everything] == [
        ("Barbell Row", 4), ("Lat Pulldown", 1)]
    assert [name for _, name, _ in search_exercises_with_history("bent over")] == ["Barbell Row"]
    assert [name for _, name, _ in search_exercises_with_history("PULL")] == ["Lat Pulldown"]
    assert search_exercises_with_history("Squat") == []  # in the library, never logged
    assert search_exercises_with_history("%") == []  # a literal percent sign, not a wildcard


# --- bars: weekly, or the average week of each month --------------------------------------------

def weekly_series(first: date, done: list[float], planned: list[float] | None = None):
    weeks = tuple(first + timedelta(days=7 * i) for i in range(len(done)))
    return VolumeSeries(("back",), "fractional", weeks, tuple(done),
                        tuple(planned if planned is not None else [0.0] * len(done)))


@pytest.mark.parametrize(("weeks", "monthly"), [
    (1, False), (14, False), (54, False), (MONTHLY_OVER_WEEKS, False),
    (MONTHLY_OVER_WEEKS + 1, True), (520, True)])
def test_bars_are_weekly_up_to_the_threshold_then_monthly(weeks, monthly):
    series = weekly_series(date(2016, 12, 5), [10.0] * weeks, [12.0] * weeks)
    bars = volume_bars(series, today=date(2030, 1, 1))
    assert bars.monthly is monthly
    if monthly:
        months = {(week + timedelta(days=3)).replace(day=1) for week in series.weeks}
        assert len(bars) == len(months) and bars.starts == tuple(sorted(months))
        assert set(bars.done) == {10.0} and set(bars.planned) == {12.0}  # averages, not sums
    else:
        assert bars.starts == series.weeks and bars.done == series.done
        assert bars.ends == tuple(week + timedelta(days=7) for week in series.weeks)


def test_a_month_averages_its_weeks_taking_each_week_by_its_middle_day():
    # Mondays from 28 Sep 2026: that week's Thursday is 1 Oct, so it is October's; the week of
    # 30 Nov (Thursday 3 Dec) is December's.
    done = [4, 8, 12, 0, 16] + [10] * (MONTHLY_OVER_WEEKS - 4)
    planned = [10, 10, 10, 10, 20] + [0] * (MONTHLY_OVER_WEEKS - 4)
    series = weekly_series(date(2026, 9, 28), done, planned)
    bars = volume_bars(series, today=date(2030, 1, 1))
    assert bars.starts[0] == date(2026, 10, 1) and bars.ends[0] == date(2026, 11, 1)
    assert bars.weeks[0] == 5 and bars.done_weeks[0] == 5  # 28 Sep, 5, 12, 19, 26 Oct
    assert bars.done[0] == (4 + 8 + 12 + 0 + 16) / 5  # the week off counts, as 0
    assert bars.planned[0] == 60 / 5
    assert bars.starts[1] == date(2026, 11, 1) and bars.weeks[1] == 4  # 2 – 23 Nov
    assert bars.done[1] == 10 and bars.planned[1] == 0
    assert bars.label(0) == "Oct 2026, average per week: 8 sets done, 12 planned (5 weeks)"


def test_a_month_under_way_averages_only_the_weeks_begun():
    done = [10.0] * (MONTHLY_OVER_WEEKS + 2)
    series = weekly_series(date(2025, 10, 6), done, [14.0] * len(done))
    assert series.weeks[-2:] == (date(2026, 11, 30), date(2026, 12, 7))  # December's two
    bars = volume_bars(series, today=date(2026, 12, 2))
    assert bars.starts[-1] == date(2026, 12, 1)
    assert (bars.done_weeks[-1], bars.weeks[-1]) == (1, 2)
    assert bars.done[-1] == 10.0  # not diluted by the week to come
    assert bars.planned[-1] == 14.0
    assert bars.label(len(bars) - 1) == (
        "Dec 2026, average per week: 10 sets done, 14 planned (1 of 2 weeks so far)")
    later = volume_bars(series, today=date(2026, 11, 20))  # December not begun at all
    assert later.done_weeks[-1] == 0 and later.done[-1] == 0.0


def test_weekly_bars_are_labelled_by_their_week():
    bars = volume_bars(weekly_series(date(2026, 10, 26), [6.0], [6.0]), today=date(2026, 11, 1))
    assert bars.label(0) == "Week 2026-W44 (26 Oct): 6 sets done, 6 planned"


def test_monthly_titles_say_the_bars_are_averages():
    assert volume_title(["back"], "fractional", monthly=True) == (
        "Back — average weekly sets per month (fractional: secondary ½)")


# --- progress lines break at long pauses ----------------------------------------------------------

D = date(2026, 1, 5)


@pytest.mark.parametrize(("offsets", "runs"), [
    ([], []),
    ([0], [range(0, 1)]),
    ([0, 7, 14], [range(0, 3)]),
    ([0, 56], [range(0, 2)]),  # exactly 8 weeks: still one line
    ([0, 57], [range(0, 1), range(1, 2)]),  # a day more: broken, two lone sessions
    ([0, 3, 200, 203, 500], [range(0, 2), range(2, 4), range(4, 5)]),
])
def test_line_runs_break_at_pauses_longer_than_eight_weeks(offsets, runs):
    assert timedelta(weeks=8) == LINE_GAP
    assert line_runs([D + timedelta(days=o) for o in offsets]) == runs


def test_a_session_label_names_its_numbers_and_a_pr(row_history):
    progress = exercise_progress(row_history)
    assert progress.label(3) == ("28 Sep 2026 — PR\nestimated 1RM 125 kg, heaviest set 125 kg\n"
                                 "volume load 125 kg × reps")
    assert not progress.label(1).splitlines()[0].endswith("PR")


def test_an_exercise_logged_once_is_its_own_record(db):
    log(date(2026, 9, 7), "Barbell Row", working(3, 60, 10))
    progress = exercise_progress(Exercise.get(Exercise.name == "Barbell Row").id)
    assert progress.is_pr == (True,)


# --- date axis ticks -----------------------------------------------------------------------------

@pytest.mark.parametrize(("unit", "step", "first", "last", "starts", "labels"), [
    ("day", 1, date(2026, 11, 29), date(2026, 12, 1),
     [date(2026, 11, 29), date(2026, 11, 30), date(2026, 12, 1)], ["29 Nov", "30 Nov", "1 Dec"]),
    ("week", 1, date(2026, 12, 24), date(2027, 1, 6),  # from the week holding the 24th
     [date(2026, 12, 21), date(2026, 12, 28), date(2027, 1, 4)],
     ["21 Dec", "28 Dec", "4 Jan 2027"]),  # the year where it changes
    ("month", 1, date(2026, 11, 15), date(2027, 2, 1),
     [date(2026, 11, 1), date(2026, 12, 1), date(2027, 1, 1), date(2027, 2, 1)],
     ["Nov", "Dec", "2027", "Feb"]),  # January says its year
    ("month", 3, date(2026, 2, 1), date(2026, 12, 31),
     [date(2026, 4, 1), date(2026, 7, 1), date(2026, 10, 1)], ["Apr", "Jul", "Oct"]),
    ("year", 5, date(2016, 12, 5), date(2027, 1, 29),
     [date(2020, 1, 1), date(2025, 1, 1)], ["2020", "2025"]),
])
def test_date_ticks_step_on_the_calendar(unit, step, first, last, starts, labels):
    ticks = date_ticks(unit, step, first, last)
    assert list(ticks.starts) == starts and list(ticks.labels) == labels


def test_week_ticks_follow_the_week_start_and_skip_on_a_fixed_count():
    sundays = date_ticks("week", 1, date(2026, 11, 25), date(2026, 12, 10), "sun").starts
    assert sundays == (date(2026, 11, 22), date(2026, 11, 29), date(2026, 12, 6))
    # Every 2nd week: the same weeks whichever range asks, so labels stay put while panning.
    wide = set(date_ticks("week", 2, date(2026, 1, 1), date(2026, 12, 31)).starts)
    narrow = date_ticks("week", 2, date(2026, 6, 10), date(2026, 8, 1)).starts
    assert narrow and set(narrow) <= wide


def test_tick_counts_estimate_the_density_and_unknown_steps_are_refused():
    ten_years = (date(2016, 12, 5), date(2026, 12, 6))
    assert 3600 < tick_count("day", 1, *ten_years) < 3700
    assert 9 < tick_count("year", 1, *ten_years) < 11
    assert all((unit, step) in TICK_STEPS for unit, step in (("week", 2), ("month", 6)))
    with pytest.raises(ValueError, match=r"\('week', 3\)"):
        date_ticks("week", 3, *ten_years)


def test_timed_and_assisted_sets_count_as_sets_but_give_no_progress_points(db):
    """A plank and an assisted pull-up are hard sets for the week (DOMAIN §1); neither has an
    e1RM, heaviest load or volume load to chart: 0 reps and a negative load are left out."""
    from models.library import create_exercise
    from models.rules.domain import ExerciseInfo
    from models.volume import weekly_volume

    day = date(2026, 9, 7)
    plank = create_exercise(ExerciseInfo(name="Plank", primary="abs", equipment="bodyweight"))
    assisted = Exercise.get(Exercise.name == "Assisted Pull-Up").id
    session = Session.create(date=day, name="Core and pull", status="done")
    for exercise_id, load, reps, seconds in ((plank, None, 0, 60), (plank, 10.0, 0, 45),
                                             (assisted, -20.0, 8, None)):
        se = SessionExercise.create(session=session, exercise=exercise_id, rep_low=6,
                                    rep_high=10)
        LoggedSet.create(session_exercise=se, kind="working", load_kg=load, reps=reps,
                         seconds=seconds)
    volume = weekly_volume(day, "direct")
    assert (volume["abs"], volume["back"]) == (2, 1)
    assert exercise_progress(plank).is_empty and exercise_progress(assisted).is_empty
