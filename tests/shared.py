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
