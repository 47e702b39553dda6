"""Helpers several test folders share (plain functions; fixtures live in conftest.py)."""

from __future__ import annotations

from datetime import date

BLOCK_START = date(2026, 11, 2)  # a Monday


def save_block() -> int:
    """A 4-week intermediate upper/lower block on Mon, Tue, Thu, Fri plus a deload week,
    starting BLOCK_START, counted under the direct rule (so biceps get curls of their own on
    both upper days), saved; its mesocycle id."""
    from models.library import planning_library
    from models.plans import save_plan
    from models.rules.generator import PlanRequest, generate_plan

    plan = generate_plan(PlanRequest(level="intermediate", days=("mon", "tue", "thu", "fri"),
                                     weeks=4, start=BLOCK_START, library=planning_library(),
                                     rule="direct"))
    return save_plan(plan, name="Autumn block")


def week_sessions(mesocycle_id: int, week: int):
    """The sessions of one week of a saved mesocycle, by date."""
    from models.storage.schema import Session

    return list(Session.select().where((Session.mesocycle == mesocycle_id)
                                       & (Session.week_number == week)).order_by(Session.date))


# --- import files with timed sets (tests/models/io) ------------------------------------------

STRONG_D_HEADER = ("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,"
                   "Seconds,Notes,Workout Notes,RPE")
HEVY_HEADER = ('"title","start_time","end_time","description","exercise_title","superset_id",'
               '"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",'
               '"duration_seconds","rpe"')
FITNOTES_HEADER = "Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time"

# A plank of 60 s, a weighted one of 45 s, and a set of reps, as each app writes them.
PLANK_FILES = {
    "strong": "\n".join([
        STRONG_D_HEADER,
        "2024-03-04 18:00:00,Core,40m,Plank,1,0,0,0,60,,,",
        "2024-03-04 18:00:00,Core,40m,Plank,2,10,0,0,45,,,",
        "2024-03-04 18:00:00,Core,40m,Crunch,1,0,15,0,0,,,"]) + "\n",
    "hevy": "\n".join([
        HEVY_HEADER,
        '"Core","4 Mar 2024, 18:00","4 Mar 2024, 18:40","","Plank","","","0","normal","","",'
        '"","60",""',
        '"Core","4 Mar 2024, 18:00","4 Mar 2024, 18:40","","Plank","","","1","normal","10","",'
        '"","45",""',
        '"Core","4 Mar 2024, 18:00","4 Mar 2024, 18:40","","Crunch","","","0","normal","",'
        '"15","","",""']) + "\n",
    "fitnotes": "\n".join([
        FITNOTES_HEADER,
        "2024-03-04,Plank,Abs,,,,,0:01:00",
        "2024-03-04,Plank,Abs,10.0,,,,0:00:45",
        "2024-03-04,Crunch,Abs,,15,,,"]) + "\n",
}
