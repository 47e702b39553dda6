"""Weekly hard sets per group under both counting rules (DOMAIN §1), from SQL aggregation."""

from datetime import date, timedelta

import pytest

from models.landmarks import load_landmarks
from models.rules.domain import MUSCLE_GROUPS, Status
from models.storage.schema import Exercise, LoggedSet, Session, SessionExercise
from models.volume import (
    groups_in_range,
    iso_week_label,
    parse_iso_week,
    week_report,
    week_start_of,
    weekly_volume,
    weekly_volume_history,
)

MONDAY = date(2026, 11, 23)  # ISO week 2026-W48


def log(day: date, exercise: str, kinds: list[str], *, status="done", target_sets=None):
    session = Session.create(date=day, name="Session", status=status)
    se = SessionExercise.create(session=session, exercise=Exercise.get(Exercise.name == exercise),
                                rep_low=6, rep_high=10, target_sets=target_sets or len(kinds))
    for position, kind in enumerate(kinds):
        LoggedSet.create(session_exercise=se, position=position, kind=kind, load_kg=80, reps=8)
    return session


@pytest.fixture
def week(db):
    # Barbell Row: back (1) + biceps, rear delts (secondary). Bench: chest + triceps, front delts.
    log(MONDAY, "Barbell Row", ["warmup", "working", "working", "working", "failure"])
    log(MONDAY + timedelta(days=2), "Barbell Bench Press", ["warmup", "working", "drop"])
    log(MONDAY + timedelta(days=4), "Lat Pulldown", ["working"] * 3)
    log(MONDAY - timedelta(days=1), "Barbell Row", ["working"] * 5)  # Sunday: previous ISO week
    log(MONDAY + timedelta(days=7), "Barbell Row", ["working"] * 2)  # next week


def test_fractional_rule_counts_half_a_set_for_secondary_groups(week):
    volume = weekly_volume(MONDAY, "fractional")
    assert set(volume) == set(MUSCLE_GROUPS)
    assert volume["back"] == 7  # 4 row working sets + 3 pulldowns; the warm-up never counts
    assert volume["biceps"] == 3.5 and volume["rear_delts"] == 3.5
    assert volume["chest"] == 2
    assert volume["triceps"] == 1 and volume["front_delts"] == 1
    assert volume["quads"] == 0


def test_direct_rule_counts_only_the_primary_group(week):
    volume = weekly_volume(MONDAY, "direct")
    assert volume["back"] == 7 and volume["chest"] == 2
    assert volume["biceps"] == 0 and volume["triceps"] == 0


def test_sunday_belongs_to_the_week_that_starts_on_it_when_the_user_picks_sunday(week):
    sunday = MONDAY - timedelta(days=1)
    assert week_start_of(MONDAY, "sun") == sunday
    assert weekly_volume(sunday, "direct", week_start="sun")["back"] == 5 + 4 + 3
    history = weekly_volume_history("direct", week_start="sun")
    assert history[sunday]["back"] == 12  # Sun 5 + Mon 4 + Fri 3


def test_history_groups_every_week(week):
    history = weekly_volume_history("fractional")
    assert list(history) == [MONDAY - timedelta(days=7), MONDAY, MONDAY + timedelta(days=7)]
    assert history[MONDAY - timedelta(days=7)]["back"] == 5
    assert history[MONDAY]["back"] == 7 and history[MONDAY]["biceps"] == 3.5
    assert history[MONDAY + timedelta(days=7)] == {"back": 2, "biceps": 1, "rear_delts": 1}
    assert weekly_volume_history("fractional", since=MONDAY, until=MONDAY + timedelta(days=6)) \
        == {MONDAY: history[MONDAY]}


def test_planned_volume_counts_target_sets_of_sessions_not_skipped(db):
    log(MONDAY, "Barbell Row", [], status="planned", target_sets=4)
    log(MONDAY + timedelta(days=1), "Lat Pulldown", [], status="skipped", target_sets=3)
    planned = weekly_volume(MONDAY, "fractional", planned=True)
    assert planned["back"] == 4 and planned["biceps"] == 2
    assert weekly_volume(MONDAY, "fractional")["back"] == 0


def test_exercises_without_a_group_count_nowhere(db):
    Exercise.create(name="Mystery Lift", rep_low=5, rep_high=8)
    log(MONDAY, "Mystery Lift", ["working"] * 3)
    assert sum(weekly_volume(MONDAY).values()) == 0


def test_unknown_rule_is_refused(db):
    with pytest.raises(ValueError, match="counting rule"):
        weekly_volume(MONDAY, "double")


def test_week_report_gives_status_against_the_users_landmarks(week):
    report = {g.group: g for g in week_report(weekly_volume(MONDAY), load_landmarks())}
    assert report["back"].status is Status.NOT_MAINTAINING  # 7 < MV 8
    assert report["back"].landmarks.mev == 10
    assert report["glutes"].status is Status.MAINTENANCE


@pytest.mark.parametrize("text, monday", [
    ("2026-W48", date(2026, 11, 23)), ("2026-W01", date(2025, 12, 29)),
    ("2020-W53", date(2020, 12, 28)),
])
def test_iso_weeks(text, monday):
    assert parse_iso_week(text) == monday
    assert iso_week_label(monday + timedelta(days=6)) == text


@pytest.mark.parametrize("text, message", [
    ("2026-48", "YYYY-Www"), ("2026-W54", "has no week 54"), ("2021-W53", "has no week 53"),
    ("", "YYYY-Www"),
])
def test_bad_iso_weeks_say_what_is_wrong(text, message):
    with pytest.raises(ValueError, match=message):
        parse_iso_week(text)


def test_groups_in_range_counts_mev_to_mrv(db):
    landmarks = load_landmarks()
    volume = {"back": 10, "chest": 9, "quads": 20, "biceps": 27, "glutes": 0}
    # back 10 = MEV, quads 20 = MRV: in; chest 9 < MEV, biceps 27 > MRV, glutes 0: out
    assert groups_in_range(volume, landmarks) == 2
