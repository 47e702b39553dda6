"""The numbers behind the charts: time ranges, weekly volume series, this week at a glance,
per-exercise progress. Plain data and SQL; the widgets in ui/charts/charts_page.py only draw them.

Volume comes from models.volume (DOMAIN §1, one SQL aggregation per call); progress is aggregated
per session in SQL (DOMAIN §8: Epley e1RM, volume load = Σ load × reps over working sets).
"""

from __future__ import annotations

import calendar
import functools
from collections.abc import Callable
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
    week_start: str = "mon"

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
            planned=tuple(_sum_groups(self.planned.get(week), groups) for week in weeks),
            week_start=self.week_start)


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


def volume_title(groups: list[str] | tuple[str, ...], rule: str, *,
                 monthly: bool = False) -> str:
    """'Back — weekly sets (fractional: secondary ½)': every chart names its counting rule, and
    says so when its bars are monthly averages."""
    names = " + ".join(group_label(group) for group in groups)
    bands = "; bands: summed landmarks" if len(groups) > 1 else ""
    sets = "average weekly sets per month" if monthly else "weekly sets"
    return f"{names} — {sets} ({RULE_TITLES[rule]}{bands})"


# --- the bars drawn: weeks, or the average week of each month on long ranges -------------------

# More weeks than this and the chart draws one bar per calendar month, the average week of that
# month. A year of weekly bars (53–54) still reads at the page's width in a 1280×720 window
# (about 14 px a bar) and shows each mesocycle's ramp; ten years of them (520 bars of 1–2 px)
# merge into hatching.
MONTHLY_OVER_WEEKS = 60


@dataclass(frozen=True)
class VolumeBars:
    """What the volume chart draws: one bar per week, or beyond MONTHLY_OVER_WEEKS weeks one bar
    per calendar month holding the average week of that month."""

    monthly: bool
    starts: tuple[date, ...]  # the first day of each bar's week or month
    ends: tuple[date, ...]  # the day after its last day
    done: tuple[float, ...]  # sets done in the week, or per week on average over the month
    planned: tuple[float, ...]
    done_weeks: tuple[int, ...]  # weeks `done` averages: those begun by today (1 when weekly)
    weeks: tuple[int, ...]  # weeks of the range in the bar, those `planned` averages
    week_start: str = "mon"

    def __len__(self) -> int:
        return len(self.starts)

    def label(self, index: int) -> str:
        """What hovering the bar says: 'Week 2026-W44 (26 Oct): 6 sets done, 6 planned', or
        'Oct 2024, average per week: 12.5 sets done, 14 planned (4 weeks)'."""
        done, planned = self.done[index], self.planned[index]
        if not self.monthly:
            return f"Week {week_label(self.starts[index])}: {done:g} sets done, {planned:g} planned"
        weeks, begun = self.weeks[index], self.done_weeks[index]
        counted = _weeks_text(weeks) if begun == weeks else \
            f"{begun} of {_weeks_text(weeks)} so far"
        return (f"{self.starts[index]:%b %Y}, average per week: {_tenths(done)} sets done, "
                f"{_tenths(planned)} planned ({counted})")


def volume_bars(series: VolumeSeries, today: date) -> VolumeBars:
    """The series as bars: its weeks, or past MONTHLY_OVER_WEEKS weeks one bar per month.

    A week belongs to the month of its middle day (4 of its 7 days). A month's done sets are the
    average of its weeks begun by today (a month under way is not diluted by weeks to come); its
    planned sets the average of all its weeks in the range. Weeks without sets count as 0: a
    week off lowers the month's average, as it lowered the stimulus.
    """
    if len(series.weeks) <= MONTHLY_OVER_WEEKS:
        ones = (1,) * len(series.weeks)
        return VolumeBars(False, series.weeks,
                          tuple(week + timedelta(days=7) for week in series.weeks),
                          series.done, series.planned, ones, ones, series.week_start)
    months: dict[date, list[int]] = {}
    for index, week in enumerate(series.weeks):
        middle = week + timedelta(days=3)
        months.setdefault(middle.replace(day=1), []).append(index)
    done, planned, done_weeks, weeks = [], [], [], []
    for indexes in months.values():
        begun = [index for index in indexes if series.weeks[index] <= today]
        done.append(sum(series.done[i] for i in begun) / len(begun) if begun else 0.0)
        planned.append(sum(series.planned[i] for i in indexes) / len(indexes))
        done_weeks.append(len(begun))
        weeks.append(len(indexes))
    starts = tuple(months)
    return VolumeBars(True, starts, tuple(next_period(month, "month") for month in starts),
                      tuple(done), tuple(planned), tuple(done_weeks), tuple(weeks),
                      series.week_start)


def _tenths(value: float) -> str:
    return f"{round(value, 1):g}"


def _weeks_text(count: int) -> str:
    return f"{count} week" if count == 1 else f"{count} weeks"


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
    is_pr: tuple[bool, ...]  # e1RM above every earlier session's (before the range too)
    unit: str = "kg"

    @property
    def is_empty(self) -> bool:
        return not self.dates

    def label(self, index: int) -> str:
        """One session's numbers, as hovering it shows them (three lines)."""
        day, unit = self.dates[index], self.unit
        record = " — PR" if self.is_pr[index] else ""
        return (f"{day.day} {day:%b %Y}{record}\n"
                f"estimated 1RM {_tenths(self.e1rm[index])} {unit}, "
                f"heaviest set {_tenths(self.heaviest[index])} {unit}\n"
                f"volume load {self.volume_load[index]:,.0f} {unit} × reps")

    def in_unit(self, unit: str) -> ProgressSeries:
        """The same series in kg or lb (volume load in that unit × reps)."""
        def convert(values):
            return tuple(kg_to_unit(value, unit) for value in values)

        return ProgressSeries(self.exercise_id, self.dates, convert(self.e1rm),
                              convert(self.heaviest), convert(self.volume_load), self.is_pr, unit)


# Per session in SQL; the PR flag compares with the best of every earlier session (window
# function over the whole history), so a 3-month chart still knows last year's best. The first
# session ever is a PR too: the best so far, the record the next ones have to beat (an exercise
# logged once shows its star). A single's e1RM is its load (models.rules.domain).
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
    SELECT day, e1rm, heaviest, volume_load, best_before IS NULL OR e1rm > best_before
    FROM ranked
    WHERE day BETWEEN ? AND ?
    ORDER BY day
"""


# A pause longer than this between two sessions breaks the progress lines: a line drawn straight
# across months without training would show a steady change that never happened. Eight weeks is
# longer than any deload or holiday inside a training block.
LINE_GAP = timedelta(weeks=8)


def line_runs(days: tuple[date, ...] | list[date], gap: timedelta = LINE_GAP) -> list[range]:
    """Index ranges of the sessions a progress line joins: consecutive sessions no more than
    `gap` apart. A range of one is a session standing alone between two long pauses."""
    runs, start = [], 0
    for index in range(1, len(days)):
        if days[index] - days[index - 1] > gap:
            runs.append(range(start, index))
            start = index
    if days:
        runs.append(range(start, len(days)))
    return runs


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


# --- date axis: the labels a time axis can show, finest first ----------------------------------

# Each unit with the steps its labels may skip by, finest first: a date axis takes the first
# whose labels fit side by side at its width (ui/charts/date_axis.py measures them). No 4-week
# step: a label every 4th week names arbitrary days where months read at once.
TICK_STEPS: tuple[tuple[str, int], ...] = (
    ("day", 1), ("day", 2), ("week", 1), ("week", 2), ("month", 1), ("month", 2), ("month", 3),
    ("month", 6), ("year", 1), ("year", 2), ("year", 5), ("year", 10), ("year", 20),
    ("year", 50), ("year", 100))
_UNIT_DAYS = {"day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}


@dataclass(frozen=True)
class DateTicks:
    """The labelled periods of one (unit, step): where each begins and what it says."""

    unit: str
    step: int
    starts: tuple[date, ...]
    labels: tuple[str, ...]


def tick_count(unit: str, step: int, first: date, last: date) -> float:
    """About how many ticks date_ticks would make: lets an axis skip a step far too dense for
    its width without listing ten years of days."""
    return ((last - first).days + 1) / (_UNIT_DAYS[unit] * step)


def date_ticks(unit: str, step: int, first: date, last: date, week_start: str = "mon",
               month_name: Callable[[int], str] | None = None) -> DateTicks:
    """Every `step`-th day, week, month or year from the one holding `first` to the one holding
    `last`, labelled '30 Nov' (days and weeks; the year added where it changes), 'Oct' (months;
    January says its year, '2025') or '2025'. `month_name` names a month (1–12) on the labels:
    the window passes its locale's; by default strftime's.

    The steps are counted on the calendar — days and weeks from a fixed origin, months from
    January, years divisible by the step — so the labels stay on the same dates while a chart is
    panned or its range grows.
    """
    if (unit, step) not in TICK_STEPS:
        raise ValueError(f"tick step {(unit, step)!r} is not one of {list(TICK_STEPS)}")
    starts = []
    day = period_start(first, unit, week_start)
    while day <= last:
        if _on_step(day, unit, step):
            starts.append(day)
        day = next_period(day, unit)
    return DateTicks(unit, step, tuple(starts),
                     tuple(_tick_labels(unit, starts, month_name or _month_name)))


def period_start(day: date, unit: str, week_start: str = "mon") -> date:
    """The first day of the day, week, month or year holding `day`."""
    if unit == "week":
        return week_start_of(day, week_start)
    if unit == "month":
        return day.replace(day=1)
    if unit == "year":
        return day.replace(month=1, day=1)
    return day


def next_period(start: date, unit: str) -> date:
    """The first day of the period after the one beginning on `start`."""
    if unit == "day":
        return start + timedelta(days=1)
    if unit == "week":
        return start + timedelta(days=7)
    if unit == "month":
        return date(start.year + 1, 1, 1) if start.month == 12 else \
            date(start.year, start.month + 1, 1)
    return date(start.year + 1, 1, 1)


def _on_step(day: date, unit: str, step: int) -> bool:
    if unit == "day":
        return day.toordinal() % step == 0
    if unit == "week":
        return day.toordinal() // 7 % step == 0
    if unit == "month":
        return (day.year * 12 + day.month - 1) % step == 0
    return day.year % step == 0


def _tick_labels(unit: str, starts: list[date], month_name: Callable[[int], str]) -> list[str]:
    if unit == "year":
        return [str(day.year) for day in starts]
    if unit == "month":
        return [str(day.year) if day.month == 1 else month_name(day.month) for day in starts]
    labels = []
    for index, day in enumerate(starts):
        label = f"{day.day} {month_name(day.month)}"

        new_year = index > 0 and starts[index - 1].year != day.year
        labels.append(f"{label} {day.year}" if new_year else label)
    return labels


@functools.cache
def _month_name(month: int) -> str:
    """'Oct': strftime once per month, not once per label on every redraw of an axis."""
    return f"{date(2000, month, 1):%b}"
