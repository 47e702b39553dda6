"""Session sheets to train from: which planned sessions a print-out holds, and for each one
what the paper says — its exercises with targets, last time and the progression's target (the
session editor's data: models/sessions.session_detail), plates per side for bar loads, a
warm-up ramp for the first compound lift with a load, and the muscles to rate afterwards.

No Qt: ui/printing/ lays these out on pages; the command line and File ▸ Print… read them here.
Loads in the sheets are the user's unit (kg or lb), as the plates are.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from models.adaptation import load_plate_set, trained_groups
from models.rules.autoregulation import PlateResult, plates_per_side
from models.rules.domain import kg_to_unit
from models.rules.limits import DATE_RANGE_TEXT, LAST_DATE, PRINT_WEEKS, in_date_range
from models.rules.warmup import WarmupSet, is_plate_loaded, takes_warmup_ramp, warmup_ramp
from models.sessions import SessionDetail, SessionExerciseInfo, session_detail, sessions_between
from models.settings import load_settings

DAYS_A_WEEK = 7


class SheetError(ValueError):
    """A print range that makes no sense; the message names the field."""


@dataclass(frozen=True)
class SheetExercise:
    """One exercise on a sheet: the session editor's data, the plates per side for its target
    load (bars with a known target only) and the warm-up ramp (the session's first compound
    lift with a load only)."""

    info: SessionExerciseInfo
    plates: PlateResult | None = None
    warmup: tuple[WarmupSet, ...] = ()


@dataclass(frozen=True)
class SessionSheet:
    """One planned session: its detail, estimated minutes (DOMAIN §10), exercises, and the
    muscle groups whose feedback boxes end the block."""

    detail: SessionDetail
    minutes: int
    exercises: tuple[SheetExercise, ...]
    groups: tuple[str, ...]


@dataclass(frozen=True)
class Sheets:
    """Every planned session from `start` to `end` inclusive, in date order; loads in `units`
    with the lifter's `bar`."""

    start: date
    end: date
    units: str
    bar: float
    sessions: tuple[SessionSheet, ...]


def sheet_dates(start: date, weeks: int) -> tuple[date, date]:
    """The first and last day `weeks` weeks from `start` cover; SheetError for a number of weeks
    outside PRINT_WEEKS or a start outside the dates a log can hold. The end stops at the
    last date a log can hold."""
    low, high = PRINT_WEEKS
    if not low <= weeks <= high:
        raise SheetError(f"weeks: {weeks} is out of range ({low}–{high})")
    if not in_date_range(start):
        raise SheetError(f"from: {start} is out of range ({DATE_RANGE_TEXT})")
    end = start + timedelta(days=DAYS_A_WEEK * weeks - 1) \
        if (LAST_DATE - start).days >= DAYS_A_WEEK * weeks else LAST_DATE
    return start, end


def session_sheets(start: date, weeks: int, *, units: str | None = None) -> Sheets:
    """The sheets of the planned sessions in `weeks` weeks from `start` (see sheet_dates)."""
    first, last = sheet_dates(start, weeks)
    units = units or load_settings().units
    bar, plates = load_plate_set(units)
    sessions = tuple(
        _session_sheet(session_detail(summary.id, units=units), summary.minutes, units, bar,
                       plates)
        for summary in sessions_between(first, last) if summary.status == "planned")
    return Sheets(first, last, units, bar, sessions)


def _session_sheet(detail: SessionDetail, minutes: int, units: str, bar: float,
                   plates: Mapping[float, int]) -> SessionSheet:
    ramped = warmup_index(detail.exercises)
    exercises = tuple(
        SheetExercise(info, _target_plates(info, units, bar, plates),
                      _warmup(info, units, bar, plates) if index == ramped else ())
        for index, info in enumerate(detail.exercises))
    return SessionSheet(detail, minutes, exercises, trained_groups(detail.id))


def warmup_index(exercises: Sequence[SessionExerciseInfo]) -> int | None:
    """The index of the session's first compound lift with a load (a bodyweight pull-up
    before it is passed over), or None."""
    return next((i for i, info in enumerate(exercises) if takes_warmup_ramp(info.exercise)),
                None)


def working_load(info: SessionExerciseInfo, units: str) -> float | None:
    """The progression's target load in `units`, or None (first time, bodyweight)."""
    if not info.target.load_kg:
        return None
    return round(kg_to_unit(info.target.load_kg, units), 2)


def _target_plates(info: SessionExerciseInfo, units: str, bar: float,
                   plates: Mapping[float, int]) -> PlateResult | None:
    load = working_load(info, units)
    if load is None or not is_plate_loaded(info.exercise):
        return None
    return plates_per_side(load, bar, plates, units)


def _warmup(info: SessionExerciseInfo, units: str, bar: float,
            plates: Mapping[float, int]) -> tuple[WarmupSet, ...]:
    load = working_load(info, units)
    if is_plate_loaded(info.exercise):
        return warmup_ramp(load, units, bar=bar, plates=plates)
    step = info.exercise.load_step_kg if units == "kg" else info.exercise.load_step_lb
    return warmup_ramp(load, units, step=step)
