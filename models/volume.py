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

from models.rules.domain import (
    MUSCLE_GROUPS,
    SECONDARY_RULES,
    Landmarks,
    Status,
    is_within_landmarks,
    volume_status,
)
from models.storage.db import database

_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")

_FIRST_WEEKDAY = {"mon": 1, "sun": 0}  # isoweekday() % 7 of the week's first day

# Working sets per session exercise, counted in SQL from the covering index on
# logged_set (session_exercise_id, kind). Fanning the counts out to weeks and muscle groups is
# done on these ~20,000 aggregated rows (10 years), never on the sets themselves.
# (A correlated count, not JOIN + GROUP BY se.id: the GROUP BY makes SQLite walk every session
# exercise in id order instead of using the date index, 2 ms for one week instead of 0.1.)
_DONE_PER_SESSION_EXERCISE = """
    SELECT s.date, se.exercise_id,
           (SELECT COUNT(*) FROM logged_set ls
            WHERE ls.session_exercise_id = se.id AND ls.kind != 'warmup')
    FROM session s
    JOIN session_exercise se ON se.session_id = s.id
    WHERE s.date BETWEEN ? AND ?
"""

_PLANNED_PER_SESSION_EXERCISE = """
    SELECT s.date, se.exercise_id, se.target_sets
    FROM session s
    JOIN session_exercise se ON se.session_id = s.id
    WHERE s.date BETWEEN ? AND ? AND s.status != 'skipped'
"""

_EXERCISE_GROUPS = """
    SELECT e.id, e.primary_group, x.group_key
    FROM exercise e LEFT JOIN exercise_secondary x ON x.exercise_id = e.id
    WHERE e.id IN ({marks})
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
    sql = _PLANNED_PER_SESSION_EXERCISE if planned else _DONE_PER_SESSION_EXERCISE
    low, high = (since or _EARLIEST).isoformat(), (until or _LATEST).isoformat()
    rows = database.execute_sql(sql, (low, high)).fetchall()
    weights = _group_weights({exercise_id for _, exercise_id, _ in rows}, SECONDARY_RULES[rule])
    week_of = _WeekOf(week_start)
    history: dict[date, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for day, exercise_id, sets in rows:
        if not sets:
            continue
        week = history[week_of(day)]
        for group, weight in weights.get(exercise_id, ()):
            week[group] += sets * weight
    return {week: dict(groups) for week, groups in sorted(history.items())}


def _group_weights(exercise_ids: set[int],
                   secondary_weight: float) -> dict[int, list[tuple[str, float]]]:
    """exercise id → [(group, sets counted per set)]: 1 for the primary group, the rule's
    weight for each secondary group (none under the direct rule)."""
    weights: dict[int, list[tuple[str, float]]] = defaultdict(list)
    if not exercise_ids:
        return weights
    marks = ",".join("?" * len(exercise_ids))
    for exercise_id, primary, secondary in database.execute_sql(
            _EXERCISE_GROUPS.format(marks=marks), tuple(exercise_ids)):
        entry = weights[exercise_id]
        if primary and (primary, 1.0) not in entry:
            entry.append((primary, 1.0))
        if secondary and secondary_weight > 0:
            entry.append((secondary, secondary_weight))
    return weights


class _WeekOf:
    """'2026-11-25' → the date its week starts on, worked out once per distinct day."""

    def __init__(self, week_start: str):
        self._week_start = week_start
        self._cache: dict[str, date] = {}

    def __call__(self, day: str) -> date:
        week = self._cache.get(day)
        if week is None:
            week = self._cache[day] = week_start_of(date.fromisoformat(day), self._week_start)
        return week


def groups_in_range(volume: dict[str, float], landmarks: dict[str, Landmarks]) -> int:
    """How many muscle groups' weekly sets are between MEV and MRV (the calendar's week rows and
    the week panel's summary say it)."""
    return sum(is_within_landmarks(volume.get(group, 0.0), landmarks[group])
               for group in MUSCLE_GROUPS if group in landmarks)


def week_report(volume: dict[str, float], landmarks: dict[str, Landmarks]) -> list[GroupVolume]:
    """Each group's sets with its landmarks and status, in the DOMAIN table's order."""
    return [GroupVolume(group, volume.get(group, 0.0), landmarks[group],
                        volume_status(volume.get(group, 0.0), landmarks[group]))
            for group in MUSCLE_GROUPS if group in landmarks]
