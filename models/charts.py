"""The numbers behind the charts: time ranges, weekly volume series, this week at a glance,
per-exercise progress. Plain data and SQL; the widgets in ui/charts/charts_page.py only draw them.

Volume comes from models.volume (DOMAIN §1, one SQL aggregation per call); progress is aggregated
per session in SQL (DOMAIN §8: Epley e1RM, volume load = Σ load × reps over working sets).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from models.rules.domain import (
    MUSCLE_GROUPS,
    Landmarks,
    Status,
    group_label,
    kg_to_unit,
    volume_status,
)
from models.storage.db import database
from models.volume import iso_week_label, week_start_of, weekly_volume_history

RANGE_KEYS: tuple[str, ...] = ("mesocycle", "3m", "1y", "all")
RANGE_LABELS: dict[str, str] = {
    "mesocycle": "Current mesocycle", "3m": "3 months", "1y": "1 year", "all": "All",
}
RULE_TITLES: dict[str, str] = {
    "fractional": "fractional: secondary ½", "direct": "direct only: secondary 0",
}


# --- time ranges ------------------------------------------------------------------------------

def time_range_bounds(range_key: str, today: date) -> tuple[date, date]:
    """(since, until), both inclusive, of a chart's time range.

    mesocycle: the current mesocycle, else the most recent one that has started, else the next
    one planned (start to end, deload week included); 3 months when there is none.
    3m / 1y: that long back from today, to today.
    all: the first session to the last one (planned ones included), and at least to today.
    """
    if range_key not in RANGE_LABELS:
        raise ValueError(f"time range {range_key!r} is not one of {list(RANGE_KEYS)}")
    if range_key == "mesocycle":
        found = mesocycle_bounds(today)
        return found if found else time_range_bounds("3m", today)
    if range_key == "3m":
        return _months_before(today, 3), today
    if range_key == "1y":
        return _months_before(today, 12), today
    first, last = database.execute_sql("SELECT MIN(date), MAX(date) FROM session").fetchone()
    if first is None:
        return today, today
    return min(date.fromisoformat(first), today), max(date.fromisoformat(last), today)


def mesocycle_bounds(today: date) -> tuple[date, date] | None:
    """Start and last day (deload included) of the mesocycle the range 'mesocycle' means."""
    rows = database.execute_sql(
        "SELECT start_date, accumulation_weeks + deload FROM mesocycle").fetchall()
    spans = [(start, start + timedelta(weeks=weeks) - timedelta(days=1))
             for start, weeks in ((date.fromisoformat(s), w) for s, w in rows)]
    started = [span for span in spans if span[0] <= today]
    if started:
        # The latest start that is not after today is the current one, or else the last one run.
        return max(started)
    return min(spans) if spans else None


def _months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (31 May - 3 months = 28/29 Feb)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# --- weekly volume ----------------------------------------------------------------------------

@dataclass(frozen=True)
class VolumeSeries:
    """Sets per week of one group or several groups summed; every week in range is present."""

    groups: tuple[str, ...]
    rule: str
    weeks: tuple[date, ...]  # week starts, oldest first, one every 7 days
    done: tuple[float, ...]
    planned: tuple[float, ...]

    @property
    def has_done(self) -> bool:
        return any(self.done)

    @property
    def is_empty(self) -> bool:
        return not any(self.done) and not any(self.planned)


@dataclass(frozen=True)
class VolumeHistory:
    """Done and planned sets per week and group over [since, until] under one rule: one load,
    then any group selection or narrower range is a pure slice (what makes chart switching fast).
    """

    rule: str
    week_start: str
    since: date  # first day of the first week loaded
    until: date  # last day of the last week loaded
    done: dict[date, dict[str, float]]
    planned: dict[date, dict[str, float]]

    def covers(self, since: date, until: date) -> bool:
        return self.since <= week_start_of(since, self.week_start) and until <= self.until

    def series(self, groups: list[str] | tuple[str, ...], since: date,
               until: date) -> VolumeSeries:
        weeks = weeks_between(since, until, self.week_start)
        return VolumeSeries(
            groups=tuple(groups), rule=self.rule, weeks=tuple(weeks),
            done=tuple(_sum_groups(self.done.get(week), groups) for week in weeks),
            planned=tuple(_sum_groups(self.planned.get(week), groups) for week in weeks))


def load_volume_history(rule: str, week_start: str, since: date, until: date) -> VolumeHistory:
    """Both histories (done, planned) for whole weeks covering since..until."""
    first = week_start_of(since, week_start)
    last = week_start_of(until, week_start) + timedelta(days=6)
    done = weekly_volume_history(rule, week_start=week_start, since=first, until=last)
    planned = weekly_volume_history(rule, week_start=week_start, since=first, until=last,
                                    planned=True)
    return VolumeHistory(rule, week_start, first, last, done, planned)


def volume_series(groups: list[str] | tuple[str, ...], rule: str, week_start: str, since: date,
                  until: date) -> VolumeSeries:
    """Weekly done and planned sets of `groups` (summed) for every week touching since..until."""
    return load_volume_history(rule, week_start, since, until).series(groups, since, until)


def weeks_between(since: date, until: date, week_start: str = "mon") -> list[date]:
    """Every week start from the week holding `since` to the week holding `until`."""
    week, last = week_start_of(since, week_start), week_start_of(until, week_start)
    weeks = []
    while week <= last:
        weeks.append(week)
        week += timedelta(days=7)
    return weeks


def _sum_groups(volume: dict[str, float] | None, groups) -> float:
    return sum(volume.get(group, 0.0) for group in groups) if volume else 0.0


def combined_landmarks(groups: list[str] | tuple[str, ...],
                       landmarks: dict[str, Landmarks]) -> Landmarks:
    """Landmarks of several groups charted as one sum of sets: each landmark summed."""
    chosen = [landmarks[group] for group in groups]
    if len(chosen) == 1:
        return chosen[0]
    return Landmarks(*(sum(getattr(lm, name) for lm in chosen)
                       for name in ("mv", "mev", "mav_low", "mav_high", "mrv")))


def week_label(week: date) -> str:
    """'2026-W48 (23 Nov)'. The ISO number is read mid-week so a Sunday-first week is named
    after the ISO week that holds six of its seven days."""
    return f"{iso_week_label(week + timedelta(days=3))} ({week.day} {week:%b})"


def volume_title(groups: list[str] | tuple[str, ...], rule: str) -> str:
    """'Back — weekly sets (fractional: secondary ½)': every chart names its counting rule."""
    names = " + ".join(group_label(group) for group in groups)
    bands = "; bands: summed landmarks" if len(groups) > 1 else ""
    return f"{names} — weekly sets ({RULE_TITLES[rule]}{bands})"


# --- this week at a glance --------------------------------------------------------------------

# Inside the productive range, the groups at its edges come before the well-placed ones.
_INSIDE_ORDER = {Status.PRODUCTIVE: 0, Status.HIGH: 1, Status.OPTIMAL: 2}


@dataclass(frozen=True)
class GlanceRow:
    group: str
    sets: float
    planned: float
    landmarks: Landmarks
    status: Status
    distance: float  # sets outside the productive range [MEV, MRV]; 0 inside it
    side: str  # "below", "above" or "inside"


def glance_rows(volume: dict[str, float], landmarks: dict[str, Landmarks],
                planned: dict[str, float] | None = None) -> list[GlanceRow]:
    """Every group's week against its landmarks, farthest from the productive range first.

    Distance: below MEV → MEV − sets; above MRV → sets − MRV; inside → 0. Order: distance, larger
    first; at equal distance below before above before inside (a missing stimulus costs growth,
    a little too much only recovery); inside, productive (just over MEV) then high (near MRV)
    then optimal; last, the DOMAIN table's order. A group at zero sets whose MEV is 0 counts as
    below at distance 0: its status is "not maintaining", never "productive".
    """
    rows = [_glance_row(group, volume.get(group, 0.0), landmarks[group],
                        (planned or {}).get(group, 0.0))
            for group in MUSCLE_GROUPS if group in landmarks]
    side_rank = {"below": 0, "above": 1, "inside": 2}
    return sorted(rows, key=lambda row: (-row.distance, side_rank[row.side],
                                         _INSIDE_ORDER.get(row.status, 0),
                                         MUSCLE_GROUPS.index(row.group)))


def _glance_row(group: str, sets: float, lm: Landmarks, planned: float) -> GlanceRow:
    status = volume_status(sets, lm)
    if status in (Status.NOT_MAINTAINING, Status.MAINTENANCE):
        side, distance = "below", max(lm.mev - sets, 0.0)
    elif status is Status.OVER_MRV:
        side, distance = "above", sets - lm.mrv
    else:
        side, distance = "inside", 0.0
    return GlanceRow(group, sets, planned, lm, status, float(distance), side)


# --- progress per exercise --------------------------------------------------------------------

@dataclass(frozen=True)
class ProgressSeries:
    """One row per session that logged loaded working sets of the exercise, oldest first."""

    exercise_id: int
    dates: tuple[date, ...]
    e1rm: tuple[float, ...]  # best Epley estimate of the session
    heaviest: tuple[float, ...]  # heaviest working set's load
    volume_load: tuple[float, ...]  # Σ load × reps over working sets
    is_pr: tuple[bool, ...]  # e1RM above every earlier session's, before the range too
    unit: str = "kg"

    @property
    def is_empty(self) -> bool:
        return not self.dates

    def in_unit(self, unit: str) -> ProgressSeries:
        """The same series in kg or lb (volume load in that unit × reps)."""
        def convert(values):
            return tuple(kg_to_unit(value, unit) for value in values)

        return ProgressSeries(self.exercise_id, self.dates, convert(self.e1rm),
                              convert(self.heaviest), convert(self.volume_load), self.is_pr, unit)


# Per session in SQL; the PR flag compares with the best of every earlier session (window
# function over the whole history), so a 3-month chart still knows last year's best. The first
# session ever sets a baseline and is not a PR. A single's e1RM is its load (models.rules.domain).
_PROGRESS = """
    WITH per_session AS (
        SELECT s.id AS session_id, s.date AS day, s.position AS position,
               MAX(CASE WHEN ls.reps = 1 THEN ls.load_kg
                        ELSE ls.load_kg * (1 + ls.reps / 30.0) END) AS e1rm,
               MAX(ls.load_kg) AS heaviest,
               SUM(ls.load_kg * ls.reps) AS volume_load
        FROM logged_set ls
        JOIN session_exercise se ON se.id = ls.session_exercise_id
        JOIN session s ON s.id = se.session_id
        WHERE se.exercise_id = ? AND ls.kind != 'warmup' AND ls.load_kg > 0 AND ls.reps > 0
        GROUP BY s.id
    ), ranked AS (
        SELECT day, e1rm, heaviest, volume_load,
               MAX(e1rm) OVER (ORDER BY day, position, session_id
                               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS best_before
        FROM per_session
    )
    SELECT day, e1rm, heaviest, volume_load, best_before IS NOT NULL AND e1rm > best_before
    FROM ranked
    WHERE day BETWEEN ? AND ?
    ORDER BY day
"""


def exercise_progress(exercise_id: int, since: date | None = None,
                      until: date | None = None) -> ProgressSeries:
    """e1RM, heaviest set and volume load per session between since and until (kg)."""
    low = (since or date(1900, 1, 1)).isoformat()
    high = (until or date(9999, 12, 31)).isoformat()
    rows = database.execute_sql(_PROGRESS, (exercise_id, low, high)).fetchall()
    return ProgressSeries(
        exercise_id=exercise_id,
        dates=tuple(date.fromisoformat(row[0]) for row in rows),
        e1rm=tuple(float(row[1]) for row in rows),
        heaviest=tuple(float(row[2]) for row in rows),
        volume_load=tuple(float(row[3]) for row in rows),
        is_pr=tuple(bool(row[4]) for row in rows))


_SEARCH = """
    SELECT e.id, e.name, COUNT(DISTINCT se.session_id) AS sessions
    FROM exercise e
    JOIN session_exercise se ON se.exercise_id = e.id
    WHERE (? = '' OR e.name LIKE ? ESCAPE '\\'
           OR e.id IN (SELECT exercise_id FROM exercise_alias WHERE alias LIKE ? ESCAPE '\\'))
      AND EXISTS (SELECT 1 FROM logged_set ls
                  WHERE ls.session_exercise_id = se.id AND ls.kind != 'warmup')
    GROUP BY e.id
    ORDER BY sessions DESC, e.name COLLATE NOCASE
"""


def search_exercises_with_history(text: str) -> list[tuple[int, str, int]]:
    """(id, name, sessions with working sets) of logged exercises whose name or an alias
    contains `text` (any case), most trained first. Empty text lists every logged exercise."""
    needle = text.strip()
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    return [(row[0], row[1], row[2])
            for row in database.execute_sql(_SEARCH, (needle, pattern, pattern)).fetchall()]
