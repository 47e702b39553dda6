"""Weekly hard sets per muscle group (DOMAIN §1), aggregated in SQL.

A set counts 1 for its exercise's primary group and, for each secondary group, the weight of the
chosen rule (fractional 0.5, direct 0). Warm-up sets never count. Done volume counts logged sets;
planned volume counts the target sets of every session exercise in the week.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from models.db import database
from models.domain import (
    MUSCLE_GROUPS,
    SECONDARY_RULES,
    Landmarks,
    Status,
    volume_status,
)

_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")

# sqlite's %w: 0 = Sunday. Days back from a date to its week's first day, for each week start.
_FIRST_WEEKDAY = {"mon": 1, "sun": 0}

# Working sets per (week start, exercise): the inner aggregation runs once over the sets; the
# outer ones fan each exercise's count out to its primary and secondary groups.
_DONE_PER_EXERCISE = """
    SELECT date(s.date, '-' || ((CAST(strftime('%w', s.date) AS INTEGER) + 7 - ?) % 7)
                || ' days') AS week,
           se.exercise_id AS exercise_id, COUNT(*) AS n
    FROM logged_set ls
    JOIN session_exercise se ON se.id = ls.session_exercise_id
    JOIN session s ON s.id = se.session_id
    WHERE ls.kind != 'warmup' AND s.date BETWEEN ? AND ?
    GROUP BY week, se.exercise_id
"""

_PLANNED_PER_EXERCISE = """
    SELECT date(s.date, '-' || ((CAST(strftime('%w', s.date) AS INTEGER) + 7 - ?) % 7)
                || ' days') AS week,
           se.exercise_id AS exercise_id, SUM(se.target_sets) AS n
    FROM session_exercise se
    JOIN session s ON s.id = se.session_id
    WHERE s.date BETWEEN ? AND ? AND s.status != 'skipped'
    GROUP BY week, se.exercise_id
"""

_BY_GROUP = """
    WITH per_exercise AS ({per_exercise})
    SELECT p.week, e.primary_group, SUM(p.n) * 1.0
    FROM per_exercise p JOIN exercise e ON e.id = p.exercise_id
    WHERE e.primary_group IS NOT NULL
    GROUP BY p.week, e.primary_group
    UNION ALL
    SELECT p.week, x.group_key, SUM(p.n) * ?
    FROM per_exercise p JOIN exercise_secondary x ON x.exercise_id = p.exercise_id
    WHERE ? > 0
    GROUP BY p.week, x.group_key
"""

_EARLIEST = date(1900, 1, 1)
_LATEST = date(9999, 12, 31)


@dataclass(frozen=True)
class GroupVolume:
    group: str
    sets: float
    landmarks: Landmarks
    status: Status


def week_start_of(day: date, week_start: str = "mon") -> date:
    """The first day of the week holding `day` (Monday, or Sunday when the user picks it)."""
    offset = (day.isoweekday() % 7 - _FIRST_WEEKDAY[week_start]) % 7
    return day - timedelta(days=offset)


def iso_week_label(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def parse_iso_week(text: str) -> date:
    """'2026-W48' -> the Monday of that ISO week; ValueError naming the problem otherwise."""
    match = _ISO_WEEK.match(text.strip())
    if not match:
        raise ValueError(f"week {text!r} is not of the form YYYY-Www (e.g. 2026-W48)")
    year, week = int(match.group(1)), int(match.group(2))
    try:
        return date.fromisocalendar(year, week, 1)
    except ValueError:
        raise ValueError(f"week {text!r} does not exist: {year} has no week {week}") from None


def weekly_volume(start: date, rule: str = "fractional", *, planned: bool = False,
                  week_start: str = "mon") -> dict[str, float]:
    """Sets per group in the seven days from `start` (every group present, 0 when untrained)."""
    history = weekly_volume_history(rule, week_start=week_start, since=start,
                                    until=start + timedelta(days=6), planned=planned)
    totals = dict.fromkeys(MUSCLE_GROUPS, 0.0)
    for groups in history.values():
        for group, sets in groups.items():
            totals[group] += sets
    return totals


def weekly_volume_history(rule: str = "fractional", *, week_start: str = "mon",
                          since: date | None = None, until: date | None = None,
                          planned: bool = False) -> dict[date, dict[str, float]]:
    """{week start: {group: sets}} for every week with sets between `since` and `until`."""
    if rule not in SECONDARY_RULES:
        raise ValueError(f"counting rule {rule!r} is not one of {sorted(SECONDARY_RULES)}")
    weight = SECONDARY_RULES[rule]
    per_exercise = _PLANNED_PER_EXERCISE if planned else _DONE_PER_EXERCISE
    sql = _BY_GROUP.format(per_exercise=per_exercise)
    low, high = (since or _EARLIEST).isoformat(), (until or _LATEST).isoformat()
    rows = database.execute_sql(sql, (_FIRST_WEEKDAY[week_start], low, high, weight, weight))
    history: dict[date, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for week, group, sets in rows:
        history[date.fromisoformat(week)][group] += sets
    return {week: dict(groups) for week, groups in sorted(history.items())}


def week_report(volume: dict[str, float], landmarks: dict[str, Landmarks]) -> list[GroupVolume]:
    """Each group's sets with its landmarks and status, in the DOMAIN table's order."""
    return [GroupVolume(group, volume.get(group, 0.0), landmarks[group],
                        volume_status(volume.get(group, 0.0), landmarks[group]))
            for group in MUSCLE_GROUPS if group in landmarks]
