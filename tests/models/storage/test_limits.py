"""The limits in models/rules/limits.py (and the planner's) against the CHECK constraints of a
new database: the frozen migration SQL and the one declared limit must say the same."""

from __future__ import annotations

import re

import pytest

from models.rules import limits
from models.rules.plan_types import (
    MAX_ACCUMULATION_WEEKS,
    MAX_SESSION_MINUTES,
    MIN_ACCUMULATION_WEEKS,
    MIN_SESSION_MINUTES,
)
from models.storage.db import database

CHECKS = [
    ("exercise", "length(trim(name))", (1, limits.MAX_NAME_LENGTH)),
    ("exercise", "rep_low", limits.REP_RANGE),
    ("exercise", "rep_high", limits.REP_RANGE),
    ("exercise", "load_step_kg", limits.LOAD_STEP_KG),
    ("exercise", "load_step_lb", limits.LOAD_STEP_LB),
    ("exercise", "rest_seconds", limits.REST_SECONDS),
    ("session_exercise", "target_sets", limits.TARGET_SETS),
    ("session_exercise", "base_sets", limits.TARGET_SETS),
    ("session_exercise", "target_rir", limits.RIR),
    ("session_exercise", "rest_seconds", limits.REST_SECONDS),
    ("logged_set", "load_kg", limits.STORED_LOAD_KG),
    ("logged_set", "reps", limits.REPS),
    ("logged_set", "rir", limits.RIR),
    ("logged_set", "rpe", limits.RPE),
    ("logged_set", "seconds", limits.SET_SECONDS),
    ("muscle_group", "mv", limits.LANDMARK_SETS),
    ("muscle_group", "mrv", limits.LANDMARK_SETS),
    ("muscle_group", "freq_min", limits.FREQUENCY),
    ("muscle_group", "freq_max", limits.FREQUENCY),
    ("feedback", "soreness", limits.RATING),
    ("feedback", "pump", limits.RATING),
    ("feedback", "performance", limits.RATING),
    ("mesocycle", "accumulation_weeks", (MIN_ACCUMULATION_WEEKS, MAX_ACCUMULATION_WEEKS)),
    ("mesocycle", "max_minutes", (MIN_SESSION_MINUTES, MAX_SESSION_MINUTES)),
]


@pytest.mark.parametrize("table, expression, bounds", CHECKS,
                         ids=[f"{t}.{e}" for t, e, _ in CHECKS])
def test_each_limit_is_the_schemas_check(db, table, expression, bounds):
    sql = database.execute_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                               (table,)).fetchone()[0]
    found = re.findall(rf"(?<![\w.]){re.escape(expression)} BETWEEN (-?\d+) AND (-?\d+)", sql)
    assert found, f"no CHECK on {table}.{expression}"
    assert {(int(low), int(high)) for low, high in found} == {bounds}


def test_a_stored_load_is_a_load_or_an_assisted_exercises_help():
    assert (-limits.ASSISTANCE_KG[1], limits.LOAD_KG[1]) == limits.STORED_LOAD_KG
