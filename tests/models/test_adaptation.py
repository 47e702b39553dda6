"""Autoregulation over a real database: feedback saved and loaded, next week adapted and put
back, an early deload accepted and undone, exercises swapped for joint pain."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import pytest

from models import adaptation as fs
from models import sessions as ms
from models.rules.autoregulation import Feedback, GroupAdjustment
from models.rules.domain import DEFAULT_LANDMARKS
from models.rules.generator import DELOAD_RIR
from models.settings import set_value
from models.storage.schema import Exercise, Mesocycle, Session, SessionExercise
from models.storage.schema import Feedback as FeedbackRow
from tests.shared import BLOCK_START as START
from tests.shared import week_sessions

WEEK_2 = START + timedelta(days=7)
WEEK_3 = START + timedelta(days=14)






def targets(mesocycle_id: int, week: int) -> dict[int, tuple]:
    """se id -> (sets, rep low, rep high, RIR, notes) for a plan week."""
    return {se.id: (se.target_sets, se.rep_low, se.rep_high, se.target_rir, se.notes)
            for s in week_sessions(mesocycle_id, week)
            for se in SessionExercise.select().where(SessionExercise.session == s.id)}


def weekly_sets(mesocycle_id: int, week: int) -> dict[str, int]:
    totals: dict[str, int] = defaultdict(int)
    for s in week_sessions(mesocycle_id, week):
        for se in SessionExercise.select().join(Exercise).where(SessionExercise.session == s.id):
            totals[se.exercise.primary_group_id] += se.target_sets
    return dict(totals)


def group_rows(session: Session, group: str) -> list[SessionExercise]:
    return list(SessionExercise.select().join(Exercise)
                .where((SessionExercise.session == session.id)
                       & (Exercise.primary_group == group)).order_by(SessionExercise.position))


def finish_week_1(mesocycle_id: int, ratings: dict[int, list[Feedback]]) -> list[Session]:
    """Mark week 1 done, with feedback on the sessions at the given indexes."""
    sessions = week_sessions(mesocycle_id, 1)
    for session in sessions:
        ms.set_status(session.id, "done")
    for index, feedbacks in ratings.items():
        fs.save_feedback(sessions[index].id, feedbacks)
    return sessions


# --- feedback ---------------------------------------------------------------------------------

def test_feedback_asks_only_about_the_muscles_trained(db):
    session_id = ms.create_session(START, "Pull", [Exercise.get(Exercise.name == n).id
                                                   for n in ("Barbell Row", "Barbell Curl")])
    row, curl = (e.id for e in ms.session_detail(session_id).exercises)
    ms.log_set(curl, kind="warmup", load_kg=10, reps=10, rir=None)
    assert fs.trained_groups(session_id) == ("back", "biceps")  # a warm-up trains nothing yet
    ms.log_set(row, kind="working", load_kg=60, reps=8, rir=2)
    assert fs.trained_groups(session_id) == ("back",)  # the curls were skipped


def test_save_load_replace_and_remove_feedback(db):
    session_id = ms.create_session(START, "Pull", [Exercise.get(Exercise.name == n).id
                                                   for n in ("Barbell Row", "Barbell Curl")])
    assert fs.trained_groups(session_id) == ("back", "biceps")
    first = (Feedback("biceps", 1, 2, 0), Feedback("back", 0, 3, 1, joint_pain=True))
    assert fs.save_feedback(session_id, first) == ()
    assert fs.load_feedback(session_id) == (first[1], first[0])  # table order
    second = (Feedback("back", 2, None, 3),)
    assert fs.save_feedback(session_id, second) == (first[1], first[0])
    assert fs.load_feedback(session_id) == second
    assert fs.save_feedback(session_id, ()) == second
    assert FeedbackRow.select().count() == 0


@pytest.mark.parametrize(("feedbacks", "message"), [
    ([Feedback("back", 4, 0, 0)], "Back soreness: 4 is not 0–3"),
    ([Feedback("back", 0, -1, 0)], "Back pump: -1 is not 0–3"),
    ([Feedback("back", 0, 0, True)], "Back performance: True is not 0–3"),
    ([Feedback("back", 0, 0, 1.5)], "Back performance: 1.5 is not 0–3"),
    ([Feedback("lats", 0, 0, 0)], "'lats' is not a muscle group"),
    ([Feedback("back", 0, 0, 0, joint_pain=1)], "joint pain: 1 is not yes or no"),
    ([Feedback("back", 0), Feedback("back", 1)], "each group at most once per session"),
])
def test_invalid_feedback_is_refused_and_nothing_changes(db, feedbacks, message):
    session_id = ms.create_session(START, "Pull")
    fs.save_feedback(session_id, [Feedback("chest", 1, 1, 1)])
    with pytest.raises(fs.FeedbackError, match=message):
        fs.save_feedback(session_id, feedbacks)
    assert fs.load_feedback(session_id) == (Feedback("chest", 1, 1, 1),)


def test_feedback_for_a_missing_session_is_refused(db):
    with pytest.raises(fs.FeedbackError, match="no session with id 99"):
        fs.save_feedback(99, [Feedback("back", 1, 1, 1)])


def test_feedback_history_by_mesocycle_and_dates_with_week_sets(block):
    sessions = finish_week_1(block, {0: [Feedback("back", 1, 2, 1)],
                                     2: [Feedback("back", 0, 2, 0)]})
    ms.set_status(week_sessions(block, 2)[0].id, "done")
    fs.save_feedback(week_sessions(block, 2)[0].id, [Feedback("back", 2, 2, 2)])
    ms.set_status(sessions[3].id, "planned")  # only done sessions count
    fs.save_feedback(sessions[3].id, [Feedback("quads", 0, 0, 0)])
    history = fs.feedback_history(block)
    assert [(e.day, e.group, e.feedback.performance, e.week_sets) for e in history] == [
        (START, "back", 1, 10), (START + timedelta(days=3), "back", 0, 10),
        (WEEK_2, "back", 2, 12)]
    assert [e.day for e in fs.feedback_history(since=WEEK_2)] == [WEEK_2]
    assert [e.day for e in fs.feedback_history(until=START)] == [START]
    assert fs.feedback_history(block + 1) == []


# --- next week --------------------------------------------------------------------------------

def test_week_adjustments_use_the_last_done_session_per_group(block):
    finish_week_1(block, {0: [Feedback("back", 2, 2, 2), Feedback("chest", 0, 2, 1),
                              Feedback("biceps", 2, 1, 3), Feedback("side_delts", pump=2)],
                          2: [Feedback("back", 1, 2, 1)]})
    adjustments = fs.week_adjustments(WEEK_2)
    assert adjustments == [
        GroupAdjustment("back", 11, 1, False, "back +1: healed just in time, performance held",
                        12, False, base=10),
        GroupAdjustment("chest", 11, 1, False, "chest +1: healed early, performance held",
                        12, False, base=10),
        GroupAdjustment("biceps", 6, 0, True, "biceps recovery session: still sore, "
                        "performance dropped", 6, False, base=6),
    ]  # side delts were not rated: the plan stays
    assert fs.week_adjustments(WEEK_3) == []  # no feedback in week 2
    assert fs.week_plan(WEEK_2) == fs.WeekRef(block, 2)


def test_a_skipped_session_gives_no_feedback_and_no_sets(block):
    sessions = finish_week_1(block, {0: [Feedback("back", 1, 2, 1)]})
    ms.set_status(sessions[2].id, "skipped")
    (back,) = fs.week_adjustments(WEEK_2)
    assert (back.group, back.sets) == ("back", 6)  # week 1 counts only Monday's 5 sets


def test_apply_next_week_spreads_the_sets_and_restore_puts_them_back(block):
    finish_week_1(block, {2: [Feedback("back", 0, 2, 1), Feedback("chest", 1, 2, 1),
                              Feedback("biceps", 2, 1, 3)]})
    before = targets(block, 2)
    planned = weekly_sets(block, 2)
    adjustments = fs.week_adjustments(WEEK_2)
    snapshot = fs.apply_next_week(block, 2, adjustments)
    after = weekly_sets(block, 2)
    assert after["back"] == 11 and after["chest"] == 11
    # Biceps hold 6 a week, and their first session of the week is a recovery session.
    monday, _, thursday, _ = week_sessions(block, 2)
    (curl,) = group_rows(monday, "biceps")
    assert (curl.target_sets, curl.rep_low, curl.rep_high) == (2, 4, 6)
    # The recovery is data: the row knows it and the targets it had; its notes stay the user's.
    assert curl.recovery and (curl.base_sets, curl.base_rep_low, curl.base_rep_high) == (3, 8, 12)
    assert curl.notes == ""
    assert [r.target_sets for r in group_rows(thursday, "biceps")] == [3]
    # Every group not adjusted is left as planned; the new sets are spread evenly.
    assert {g: s for g, s in after.items() if g not in ("back", "chest", "biceps")} == {
        g: s for g, s in planned.items() if g not in ("back", "chest", "biceps")}
    assert [sum(r.target_sets for r in group_rows(s, "back")) for s in (monday, thursday)] == [
        6, 5]
    assert all(a.applied for a in fs.week_adjustments(WEEK_2))
    fs.restore_targets(snapshot)
    assert targets(block, 2) == before
    assert not any(a.applied for a in fs.week_adjustments(WEEK_2))


def test_applying_twice_never_halves_a_recovery_session_twice(block):
    finish_week_1(block, {0: [Feedback("biceps", 1, 1, 3)]})
    adjustments = fs.week_adjustments(WEEK_2)
    fs.apply_next_week(block, 2, adjustments)
    once = targets(block, 2)
    fs.apply_next_week(block, 2, adjustments)
    assert targets(block, 2) == once
    # The recovery session counts its usual sets: next week's base is not the halved week.
    assert fs.week_adjustments(WEEK_2)[0].planned == 6


def test_sets_of_sessions_already_done_in_the_week_count_as_they_are(block):
    finish_week_1(block, {0: [Feedback("back", 0, 2, 0)]})
    monday, _, thursday, _ = week_sessions(block, 2)
    ms.set_status(monday.id, "done")
    done_before = {r.id: r.target_sets for r in group_rows(monday, "back")}
    fs.apply_next_week(block, 2, fs.week_adjustments(WEEK_2))
    assert {r.id: r.target_sets for r in group_rows(monday, "back")} == done_before
    assert sum(r.target_sets for r in group_rows(thursday, "back")) == 12 - 6


def test_apply_next_week_refuses_bad_input(block):
    bad = GroupAdjustment("lats", 12, 2, False, "")
    with pytest.raises(fs.FeedbackError, match="not a muscle group"):
        fs.apply_next_week(block, 2, [bad])
    with pytest.raises(fs.FeedbackError, match="week 9: no planned session"):
        fs.apply_next_week(block, 9, [])


# --- early deload -----------------------------------------------------------------------------

def test_two_dropped_sessions_suggest_a_deload_and_accepting_it_can_be_undone(block):
    finish_week_1(block, {0: [Feedback("chest", 1, 1, 3)], 2: [Feedback("chest", 2, 1, 3)]})
    suggestion = fs.deload_suggestion(WEEK_2)
    assert suggestion.week == fs.WeekRef(block, 2)
    assert suggestion.suggestion.groups == ("chest",)
    before = targets(block, 2)
    snapshot = fs.accept_early_deload(block, 2)
    after = targets(block, 2)
    assert all(sets == -(-before[i][0] // 2) and rir == DELOAD_RIR
               for i, (sets, _, _, rir, _) in after.items())
    assert fs.deload_suggestion(WEEK_2) is None  # already a deload
    fs.restore_targets(snapshot)
    assert targets(block, 2) == before
    assert fs.deload_suggestion(WEEK_2) is not None


def test_a_week_at_mrv_suggests_a_deload(block):
    for session in week_sessions(block, 1):
        for row in group_rows(session, "back"):
            ms.set_exercise_targets(row.id, target_sets=13)
    finish_week_1(block, {0: [Feedback("back", 1, 2, 1)]})
    suggestion = fs.deload_suggestion(WEEK_2)
    assert suggestion.suggestion.reasons == ("back reaches MRV 25 (26 sets)",)


def test_no_deload_suggestion_without_cause_or_in_the_deload_week(block):
    finish_week_1(block, {0: [Feedback("back", 1, 2, 1)]})
    assert fs.deload_suggestion(WEEK_2) is None
    assert fs.deload_suggestion(START + timedelta(days=28)) is None  # week 5 is the deload
    assert fs.deload_suggestion(date(2027, 6, 7)) is None  # no plan that week


def test_accept_early_deload_refuses_other_weeks(block):
    with pytest.raises(fs.FeedbackError, match="not an accumulation week"):
        fs.accept_early_deload(block, 5)
    with pytest.raises(fs.FeedbackError, match="no mesocycle"):
        fs.accept_early_deload(block + 1, 2)
    for session in week_sessions(block, 2):
        ms.set_status(session.id, "done")
    with pytest.raises(fs.FeedbackError, match="no planned session left"):
        fs.accept_early_deload(block, 2)


# --- swaps for joint pain ---------------------------------------------------------------------

def test_swap_keeps_targets_and_undoes(block):
    monday = week_sessions(block, 1)[0]
    row = Exercise.get(Exercise.name == "Barbell Row")
    uses = fs.upcoming_uses(monday.id, row.id)
    assert len(uses) == 4  # Mondays of weeks 2–4 and the deload
    assert uses == sorted(uses, key=lambda i: SessionExercise.get_by_id(i).session.date)
    helms = Exercise.get(Exercise.name == "Helms Row").id
    before = {i: targets(block, SessionExercise.get_by_id(i).session.week_number)[i]
              for i in uses}
    old = fs.swap_session_exercises(uses, helms)
    assert old == dict.fromkeys(uses, row.id)
    assert {SessionExercise.get_by_id(i).exercise_id for i in uses} == {helms}
    assert {i: targets(block, SessionExercise.get_by_id(i).session.week_number)[i]
            for i in uses} == before
    fs.restore_session_exercises(old)
    assert {SessionExercise.get_by_id(i).exercise_id for i in uses} == {row.id}
    assert fs.swap_session_exercise(uses[0], helms) == row.id


def test_swap_refuses_missing_rows(block):
    with pytest.raises(fs.FeedbackError, match="no session exercise"):
        fs.swap_session_exercise(99999, 1)
    se_id = SessionExercise.select().first().id
    with pytest.raises(fs.FeedbackError, match="no exercise with id 99999"):
        fs.swap_session_exercises([se_id], 99999)


def test_upcoming_uses_outside_a_mesocycle(db):
    curl = Exercise.get(Exercise.name == "Barbell Curl").id
    today = ms.create_session(START, "Arms", [curl])
    later = ms.create_session(START + timedelta(days=3), "Arms", [curl])
    ms.create_session(START - timedelta(days=3), "Arms", [curl])
    ms.set_status(ms.create_session(START + timedelta(days=5), "Arms", [curl]), "done")
    assert fs.upcoming_uses(today, curl) == ms.exercise_order(later)


# --- next mesocycle ---------------------------------------------------------------------------

def test_latest_mesocycle_and_its_start_adjustments(block):
    meso = fs.latest_mesocycle()
    assert (meso.id, meso.level, meso.days, meso.weeks, meso.deload, meso.split) == (
        block, "intermediate", ("mon", "tue", "thu", "fri"), 4, True, "upper_lower")
    assert meso.end == START + timedelta(days=34)
    finish_week_1(block, {0: [Feedback("chest", 0, 2, 0)], 2: [Feedback("chest", 0, 2, 1)]})
    adjustments = fs.mesocycle_start_adjustments(meso, DEFAULT_LANDMARKS)
    assert (adjustments["chest"].start_sets, adjustments["chest"].offset) == (12, 2)
    assert adjustments["back"].offset == 0


def test_latest_mesocycle_when_there_is_none_or_priorities_are_unreadable(db):
    assert fs.latest_mesocycle() is None
    Mesocycle.create(name="Old", level="beginner", start_date=START, accumulation_weeks=3,
                     deload=False, training_days="mon,thu", priorities="not json")
    meso = fs.latest_mesocycle()
    assert (meso.name, meso.priorities, meso.end) == ("Old", {}, START + timedelta(days=20))


# --- the plate set ----------------------------------------------------------------------------

def test_plate_sets_are_kept_per_unit(db):
    assert fs.load_plate_set("kg") == (20.0, {25: 6, 20: 2, 15: 2, 10: 2, 5: 2, 2.5: 2, 1.25: 2})
    fs.save_plate_set("lb", 35.0, {45: 4, 25: 2, 2.5: 1})
    assert fs.load_plate_set("lb") == (35.0, {45: 4, 25: 2, 2.5: 1})
    assert fs.load_plate_set("kg")[0] == 20.0
    set_value("plates_kg", "{broken")
    assert fs.load_plate_set("kg")[0] == 20.0
    with pytest.raises(ValueError, match="not kg or lb"):
        fs.save_plate_set("stone", 6, {})
