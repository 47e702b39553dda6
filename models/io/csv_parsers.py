"""Workout history exported by Strong, Hevy and FitNotes, read into plain data.

This is the parsing half of the importer (../shared/FORMATS.md describes the files): bytes in,
dataclasses out, no Qt and no database. The database half matches exercise names to the library and
stores each ImportedWorkout once, keyed by ImportedWorkout.key.

The path through a file: decode (UTF-8 with or without BOM; UTF-16 and Windows-1252 as spreadsheet
programs re-save CSV) → sniff ',' or ';' on the header line → name the format and variant from the
column names → read every row by column name, converting loads to kg and checking each value with
its line number → group the rows into workouts and exercises, oldest workout first.

Which rows are sets: a row with reps; a row with a time and no reps (a plank: Strong's Seconds,
Hevy's duration_seconds, FitNotes' Time) is a timed set, with its load if it has one. Cardio is
not: a row with a distance and no reps, a FitNotes row of the Cardio category, or a row timed
over an hour with no reps is skipped, and so is a row with a load alone (no reps, no time).
Each skipped row is counted under its reason (ParsedFile.skipped). A negative weight is kept as
it is — the help an assisted exercise gets (−20 kg on an assisted pull-up); the database half
refuses it, with its line, for any exercise that is not assisted.

Speed: a 60,000-row export must read in a fraction of a second (bench/bench_import.py), so the row
loop does no more per row than it must. Each format's reader takes a row's cells in one itemgetter
call (no dict per row) and parses a workout's date once for its run of rows; a set's values are
converted and checked once per distinct cell (a file repeats the same few hundred loads and reps)
and looked up after that. Every check still applies to every cell, with the same message and line.

Every problem with the content is an ImportFileError whose str() reads
"line 412: weight 'abc' is not a number" (lines are 1-based file lines, the header is line 1).
Nothing else escapes for a bad file; OSError still does when a path cannot be read at all, and
models.storage.files.UnreadableFileError (an OSError) for a device, a pipe or a file over the
size limit.
"""

from __future__ import annotations

import codecs
import csv
import gc
import io
import math
import os
import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import itemgetter
from typing import TYPE_CHECKING

from models.rules.domain import LB_TO_KG, SET_KINDS
from models.rules.limits import (
    ASSISTANCE_KG,
    DATE_RANGE_TEXT,
    IMPORT_FORMATS,
    LOAD_KG,
    REPS,
    SET_SECONDS,
    in_date_range,
)
from models.storage.files import read_file

if TYPE_CHECKING:  # what csv.reader() returns; typeshed names its type
    from _csv import Reader as CsvReader

FORMATS = IMPORT_FORMATS

# FitNotes has no workout name and at most one workout per day. A fixed name keeps the key stable
# when a later export adds an exercise to a day (a name built from the day's categories would
# change, and re-importing would then duplicate the workout).
FITNOTES_WORKOUT_NAME = "FitNotes workout"

MAX_LOAD_KG, MAX_REPS = LOAD_KG[1], REPS[1]
MAX_ASSISTANCE_KG, MAX_SET_SECONDS = ASSISTANCE_KG[1], SET_SECONDS[1]
METRES_PER_MILE = 1609.344

Source = str | bytes | os.PathLike[str]


# --- errors --------------------------------------------------------------------------------------

class ImportFileError(ValueError):
    """A file that cannot be imported, and the 1-based file line at fault when there is one."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        self.reason = reason
        self.line = line
        super().__init__(reason if line is None else f"line {line}: {reason}")


class UnitRequiredError(ImportFileError):
    """The file does not say whether its loads are kg or lb (Strong B, D, F, or a blank FitNotes
    'Weight Unit'): ask the user, then call parse_file again with unit="kg" or unit="lb"."""


# --- the result ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ImportedSet:
    """One set as the file recorded it, load converted to kg.

    `order` is the set's 1-based position within its exercise in that workout, warm-ups included
    (the files number sets differently: Strong from 0 or 1 and not at all for W/D/F, Hevy from 0,
    FitNotes not at all). None of the three formats records RIR, so `rir` is always None here."""

    exercise: str
    order: int
    kind: str  # one of SET_KINDS
    # None: no external load (bodyweight), as the file left it blank or 0; negative: assistance
    load_kg: float | None
    reps: int | None  # None: a timed set (no reps, `seconds`)
    rpe: float | None = None
    rir: float | None = None
    distance_m: float | None = None
    seconds: int | None = None
    notes: str = ""
    line: int = 0


@dataclass
class ImportedExercise:
    """The consecutive sets of one exercise in a workout, with what the file says about it
    (Strong 'Note' and 'Rest Timer' rows, Hevy exercise_notes)."""

    name: str
    sets: list[ImportedSet] = field(default_factory=list)
    notes: str = ""
    rest_seconds: int | None = None

    def add_note(self, text: str) -> None:
        if text and text not in self.notes.split("\n"):
            self.notes = f"{self.notes}\n{text}" if self.notes else text


@dataclass
class ImportedWorkout:
    """One workout. `key` is the idempotency key: the format, the start and the name (FORMATS:
    "keyed by workout date+name"), identical in every export of the same history."""

    started: datetime  # naive, local time as the app showed it
    name: str
    key: str
    duration_seconds: int | None = None
    notes: str = ""
    number: int | None = None  # Strong E 'Workout #', for display only
    exercises: list[ImportedExercise] = field(default_factory=list)
    line: int = 0  # the first line of the workout in the file

    @property
    def sets(self) -> list[ImportedSet]:
        return [s for exercise in self.exercises for s in exercise.sets]


@dataclass
class ParsedFile:
    """A whole file, read and checked; workouts oldest first.

    `unit` is the unit the loads were written in: from the header, from the `unit` argument, or
    for files with a unit per row the one unit they all use (None when rows mix kg and lb).
    `unit_source` says which: "header", "argument" or "row". Loads in the sets are always kg."""

    format: str
    variant: str
    unit: str | None
    unit_source: str
    workouts: list[ImportedWorkout]
    skipped: dict[str, int] = field(default_factory=dict)  # rows that are not sets, by reason
    encoding: str = "utf-8"
    delimiter: str = ","

    @property
    def skipped_rows(self) -> int:
        return sum(self.skipped.values())

    @property
    def sets(self) -> list[ImportedSet]:
        return [s for workout in self.workouts for s in workout.sets]

    @property
    def set_count(self) -> int:
        return sum(len(e.sets) for w in self.workouts for e in w.exercises)

    @property
    def warmup_sets(self) -> int:
        return sum(s.kind == "warmup" for s in self.sets)

    @property
    def first_started(self) -> datetime:
        return self.workouts[0].started

    @property
    def last_started(self) -> datetime:
        return self.workouts[-1].started

    @property
    def date_range(self) -> tuple[date, date]:
        return self.first_started.date(), self.last_started.date()

    def exercise_names(self) -> list[str]:
        """Every exercise name once, in order of first appearance: what the matcher must map."""
        return list(dict.fromkeys(s.exercise for s in self.sets))


@dataclass(frozen=True)
class FilePreview:
    """What the header alone tells: enough for the import dialog to ask for a unit up front."""

    format: str
    variant: str
    header_unit: str | None
    unit_per_row: bool

    @property
    def needs_unit(self) -> bool:
        return self.header_unit is None and not self.unit_per_row


# --- the headers we know -------------------------------------------------------------------------

# Every header of FORMATS.md, as column names (Strong C and E are written with ';' and E quotes
# them all: the delimiter does not matter here). Detection compares names as sets, so a file is
# read by name even if an app reorders its columns.
_KNOWN_HEADERS: tuple[tuple[str, str, str], ...] = (
    ("strong", "strong-A", "Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,Seconds,Notes"),
    ("strong", "strong-B", "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,"
                           "Seconds,Notes,Workout Notes,RPE"),
    ("strong", "strong-C", "Date,Workout Name,Exercise Name,Set Order,Weight,Weight Unit,Reps,RPE,"
                           "Distance,Distance Unit,Seconds,Notes,Workout Notes"),
    ("strong", "strong-D", "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,"
                           "Distance,Seconds,Notes,Workout Notes,RPE"),
    ("strong", "strong-E", "Workout #,Date,Workout Name,Duration (sec),Exercise Name,Set Order,"
                           "Weight (kg),Reps,RPE,Distance (meters),Seconds,Notes,Workout Notes"),
    ("strong", "strong-F", "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,"
                           "Distance,Seconds,RPE"),
    ("hevy", "hevy-kg", "title,start_time,end_time,description,exercise_title,superset_id,"
                        "exercise_notes,set_index,set_type,weight_kg,reps,distance_km,"
                        "duration_seconds,rpe"),
    ("hevy", "hevy-lbs", "title,start_time,end_time,description,exercise_title,superset_id,"
                         "exercise_notes,set_index,set_type,weight_lbs,reps,distance_miles,"
                         "duration_seconds,rpe"),
    ("fitnotes", "fitnotes-lbs", "Date,Exercise,Category,Weight (lbs),Reps,Distance,"
                                 "Distance Unit,Time"),
    # Not seen verbatim, but Comment is optional in the kgs header, so an lbs export has it too.
    ("fitnotes", "fitnotes-lbs-comment", "Date,Exercise,Category,Weight (lbs),Reps,Distance,"
                                         "Distance Unit,Time,Comment"),
    ("fitnotes", "fitnotes-kgs", "Date,Exercise,Category,Weight (kgs),Reps,Distance,"
                                 "Distance Unit,Time"),
    ("fitnotes", "fitnotes-kgs-comment", "Date,Exercise,Category,Weight (kgs),Reps,Distance,"
                                         "Distance Unit,Time,Comment"),
    ("fitnotes", "fitnotes-unit", "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,"
                                  "Distance Unit,Time"),
    ("fitnotes", "fitnotes-unit-comment", "Date,Exercise,Category,Weight,Weight Unit,Reps,"
                                          "Distance,Distance Unit,Time,Comment"),
)

# Column name (normalised) → the field it feeds, per format. Several names feed one field where
# the apps renamed a column between variants.
_FIELDS: dict[str, dict[str, str]] = {
    "strong": {
        "workout #": "number", "date": "date", "workout name": "workout", "duration": "duration",
        "duration (sec)": "duration", "exercise name": "exercise", "set order": "order",
        "kg": "weight", "weight": "weight", "weight (kg)": "weight", "weight unit": "weight_unit",
        "reps": "reps", "rpe": "rpe", "km": "distance", "distance": "distance",
        "distance (meters)": "distance", "distance unit": "distance_unit", "seconds": "seconds",
        "notes": "notes", "workout notes": "workout_notes",
    },
    "hevy": {
        "title": "workout", "start_time": "date", "end_time": "end",
        "description": "workout_notes", "exercise_title": "exercise", "superset_id": "superset",
        "exercise_notes": "exercise_notes", "set_index": "order", "set_type": "kind",
        "weight_kg": "weight", "weight_lbs": "weight", "reps": "reps",
        "distance_km": "distance", "distance_miles": "distance", "duration_seconds": "seconds",
        "rpe": "rpe",
    },
    "fitnotes": {
        "date": "date", "exercise": "exercise", "category": "category",
        "weight (lbs)": "weight", "weight (kgs)": "weight", "weight": "weight",
        "weight unit": "weight_unit", "reps": "reps", "distance": "distance",
        "distance unit": "distance_unit", "time": "seconds", "comment": "notes",
    },
}

# Units named by a column's name; the other weight and distance columns carry no unit.
_WEIGHT_COLUMN_UNITS = {
    "kg": "kg", "weight (kg)": "kg", "weight_kg": "kg", "weight (kgs)": "kg",
    "weight_lbs": "lb", "weight (lbs)": "lb",
}
_DISTANCE_COLUMN_METRES = {
    "km": 1000.0, "distance (meters)": 1.0, "distance_km": 1000.0,
    "distance_miles": METRES_PER_MILE,
}
# Units written in a row ('Weight Unit', 'Distance Unit') or passed by the caller.
_WEIGHT_UNIT_WORDS = {"kg": "kg", "kgs": "kg", "lb": "lb", "lbs": "lb"}
_DISTANCE_UNIT_METRES = {
    "m": 1.0, "meters": 1.0, "metres": 1.0, "km": 1000.0, "kms": 1000.0,
    "mi": METRES_PER_MILE, "mile": METRES_PER_MILE, "miles": METRES_PER_MILE,
    "ft": 0.3048, "feet": 0.3048, "yd": 0.9144, "yds": 0.9144, "yards": 0.9144,
}

_STRONG_SET_LETTERS = {"w": "warmup", "d": "drop", "f": "failure"}
_HEVY_SET_TYPES = {"normal": "working", "warmup": "warmup", "failure": "failure", "dropset": "drop"}
assert set(_STRONG_SET_LETTERS.values()) | set(_HEVY_SET_TYPES.values()) <= set(SET_KINDS)


@dataclass(frozen=True)
class _Variant:
    format: str
    name: str
    headers: tuple[str, ...]  # as the app writes them, for messages
    columns: frozenset[str]  # normalised, for matching


def _normalise_column(name: str) -> str:
    return " ".join(name.replace("\ufeff", "").split()).lower()


_VARIANTS: tuple[_Variant, ...] = tuple(
    _Variant(fmt, name, tuple(header.split(",")),
             frozenset(_normalise_column(c) for c in header.split(",")))
    for fmt, name, header in _KNOWN_HEADERS
)


# --- public entry points -------------------------------------------------------------------------

def detect_format(header_fields: Sequence[str]) -> tuple[str, str]:
    """("strong", "strong-B") and so on, from the column names of a header row, in any order and
    any letter case. Raises ImportFileError listing the columns found when no variant matches."""
    return _detect(header_fields, line=None)


def peek(source: Source) -> FilePreview:
    """Read only as far as the header: which format and variant, and whether a unit is needed."""
    table = _open_table(_read_text(source)[0])
    fmt, variant = _detect(table.header, table.header_line)
    names = [_normalise_column(h) for h in table.header]
    return FilePreview(fmt, variant, _header_weight_unit(names), "weight unit" in names)


def needs_unit(source: Source) -> bool:
    """True for files that never say kg or lb (Strong B, D, F): the caller must pass `unit`."""
    return peek(source).needs_unit


def parse_file(source: Source, *, format: str = "auto", unit: str | None = None) -> ParsedFile:
    """Read a Strong, Hevy or FitNotes export.

    `source` is a path (os.PathLike), the file's bytes, or its text as str. `format` may insist
    on "strong", "hevy" or "fitnotes"; the header decides in any case. `unit` ("kg" or "lb") is
    used only where the file is silent; when it is needed and missing, UnitRequiredError is raised
    (see peek() to know before). A file with no sets at all is refused."""
    if format != "auto" and format not in FORMATS:
        raise ValueError(f"format must be 'auto' or one of {', '.join(FORMATS)}, not {format!r}")
    argument_unit = _unit_argument(unit)
    text, encoding = _read_text(source)
    table = _open_table(text)
    fmt, variant = _detect(table.header, table.header_line)
    if format not in ("auto", fmt):
        raise ImportFileError(
            f"this is a {fmt} export ({variant}), not a {format} export", table.header_line)
    columns = _Columns(fmt, table.header, table.delimiter)
    job = _Import(fmt, _Units.plan(columns.names, argument_unit), table.delimiter == ";")
    with _collector_paused():
        rows = _READERS[fmt](table.records, columns, job)
    workouts = job.finish()
    if not workouts:
        raise ImportFileError(_nothing_found(rows, job.skipped))
    return ParsedFile(
        format=fmt, variant=variant, unit=job.units.file_unit(), unit_source=job.units.source(),
        workouts=workouts, skipped=dict(job.skipped), encoding=encoding,
        delimiter=table.delimiter)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while the rows are read. Reading builds a tree of 100,000
    objects with no cycle in it: a collection cannot free any of it, but the gen-2 collections
    its growth triggers each walk every object in the process (a quarter of the parse time for a
    60,000-row file). Memory is still freed as usual by reference counting; the collector goes
    back to its state afterwards, and catches up on its next run."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# --- bytes to CSV records ------------------------------------------------------------------------

_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")


def _read_text(source: Source) -> tuple[str, str]:
    if isinstance(source, str):
        if "\n" not in source and "\r" not in source and os.path.exists(source):
            # A one-line str cannot be an export, and this one names a file: a likely mix-up.
            raise TypeError("parse_file reads a str as the file's text: pass a pathlib.Path")
        return source.removeprefix("\ufeff"), "text"
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _decode(bytes(source))
    return _decode(read_file(source))


def _decode(data: bytes) -> tuple[str, str]:
    """The file's text and the encoding it was in."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Unicode text" and some Windows tools write UTF-16 with a BOM.
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise ImportFileError("not a text file: broken UTF-16") from None
    if data.startswith(b"PK\x03\x04"):
        raise ImportFileError("this is a spreadsheet or zip archive, not CSV: export as CSV")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ImportFileError("not a text file (it contains NUL bytes)", _line_at(data, nul))
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if _UTF8_SEQUENCE.search(data):
            # Some text is UTF-8, so this is a damaged UTF-8 file: decoding the whole file as
            # Windows-1252 instead would silently garble every accented name.
            raise ImportFileError(
                f"byte 0x{data[exc.start]:02x} is not UTF-8 text", _line_at(data, exc.start),
            ) from None
    # Pure 8-bit text: a CSV re-saved by a spreadsheet on Windows.
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        raise ImportFileError("not a text file (neither UTF-8 nor Windows-1252)") from None


def _line_at(data: bytes, index: int) -> int:
    return data.count(b"\n", 0, index) + 1


@dataclass
class _Table:
    delimiter: str
    header: list[str]
    header_line: int
    records: Iterator[tuple[int, list[str]]]  # (first line of the record, its cells)


def _open_table(text: str) -> _Table:
    start = text.lstrip()
    if not start:
        raise ImportFileError("the file is empty")
    if start.startswith(("{", "[")):
        raise ImportFileError("this is a JSON file, not a CSV export from Strong, Hevy or "
                              "FitNotes (an Overload JSON export is restored into a new "
                              "database: overload --db NEW.sqlite import FILE.json)", 1)
    # Header lines are a few hundred characters; a cap keeps the Sniffer's regexes fast on junk.
    delimiter = _sniff_delimiter(start[:4096].splitlines()[0])
    # newline="" hands line endings to the csv module: CRLF, LF and newlines inside quotes.
    records = _records(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    first = next(records, None)
    if first is None:
        raise ImportFileError("the file is empty")
    header_line, header = first
    return _Table(delimiter, header, header_line, records)


def _sniff_delimiter(header_line: str) -> str:
    try:
        delimiter = csv.Sniffer().sniff(header_line, delimiters=",;").delimiter
        if delimiter in header_line:
            return delimiter
    except csv.Error:
        pass
    # The Sniffer gives up on some one-line samples. No header name contains ',' or ';', so the
    # more frequent of the two is the delimiter.
    return ";" if header_line.count(";") > header_line.count(",") else ","


def _records(reader: CsvReader) -> Iterator[tuple[int, list[str]]]:
    """Non-blank records with the file line each starts on (quoted notes may span lines)."""
    line = reader.line_num + 1
    try:
        for cells in reader:
            if any(map(str.strip, cells)):
                yield line, cells
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ImportFileError(f"unreadable CSV ({exc})", line) from None


# --- header to variant ---------------------------------------------------------------------------

def _detect(header: Sequence[str], line: int | None) -> tuple[str, str]:
    names = [_normalise_column(h) for h in header]
    repeated = [name for name, count in Counter(names).items() if count > 1]
    if repeated:
        raise ImportFileError(f"the header repeats the column {_shown(repeated[0])}", line)
    found = frozenset(names)
    for variant in _VARIANTS:
        if variant.columns == found:
            return variant.format, variant.name
    raise ImportFileError(_unknown_header(header, found), line)


def _unknown_header(header: Sequence[str], found: frozenset[str]) -> str:
    listed = ", ".join(_shown(h) for h in header[:20]) + (", …" if len(header) > 20 else "")
    message = (f"not a Strong, Hevy or FitNotes export: unknown header with "
               f"{len(header)} column(s): {listed}")
    closest = min(_VARIANTS, key=lambda v: len(v.columns ^ found))
    if 2 * len(closest.columns & found) >= len(closest.columns):
        # Near a known header: say what differs, which is what a new app version changed.
        missing = [h for h in closest.headers if _normalise_column(h) not in found]
        extra = [_shown(h) for h in header if _normalise_column(h) not in closest.columns]
        message += (f". Closest known header is {closest.name}: this file lacks "
                    f"{', '.join(missing) or 'nothing'} and adds "
                    f"{', '.join(extra[:10]) or 'nothing'}")
    return message


def _header_weight_unit(names: Sequence[str]) -> str | None:
    return next((_WEIGHT_COLUMN_UNITS[n] for n in names if n in _WEIGHT_COLUMN_UNITS), None)


class _Columns:
    """Where each field is in a record, given the header, and records checked for width."""

    def __init__(self, fmt: str, header: Sequence[str], delimiter: str) -> None:
        self.format = fmt
        self.names = [_normalise_column(h) for h in header]
        self.fields = [_FIELDS[fmt][name] for name in self.names]
        self.width = len(self.fields)
        self.delimiter = delimiter
        self.exercise_index = self.fields.index("exercise")

    def getter(self, *fields: str) -> Callable[[list[str]], tuple[str, ...]]:
        """A function reading these fields (two or more) from a record made by cells(), in one
        call. A field the variant has no column for reads '', the blank cell cells() appends, so
        readers need not know which variant they read (the shared code asks for RPE even in
        FitNotes)."""
        return itemgetter(*(self.fields.index(f) if f in self.fields else self.width
                            for f in fields))

    def cells(self, line: int, cells: list[str]) -> list[str]:
        """The record's cells checked for width, then one blank cell for absent fields. The cells
        are as the file wrote them: readers strip the text they keep, and _number() reads plain
        numbers as they are and strips the rest."""
        if len(cells) != self.width:
            cells = self._fit(line, cells)
        cells.append("")
        return cells

    def _fit(self, line: int, cells: list[str]) -> list[str]:
        width = len(self.fields)
        if self.format != "fitnotes" or len(cells) < width:
            raise ImportFileError(f"expected {width} fields, found {len(cells)}", line)
        # FitNotes does not always quote exercise names with commas ("Overhead Press (Each Side,
        # Dumbbells)"). Every other column is fixed, so read them from both ends and give the
        # surplus cells back to the name.
        start = self.exercise_index
        end = start + len(cells) - width + 1
        return [*cells[:start], self.delimiter.join(cells[start:end]), *cells[end:]]


# --- units ---------------------------------------------------------------------------------------

def _unit_argument(unit: str | None) -> str | None:
    if unit is None:
        return None
    found = _WEIGHT_UNIT_WORDS.get(str(unit).strip().lower())
    if found is None:
        raise ValueError(f"unit must be 'kg' or 'lb', not {unit!r}")
    return found


@dataclass
class _Units:
    """Where each row's weight and distance units come from: the header, the row, or the caller."""

    header: str | None
    per_row: bool
    argument: str | None
    distance_metres: float | None
    distance_per_row: bool
    seen: set[str] = field(default_factory=set)

    @classmethod
    def plan(cls, names: Sequence[str], argument: str | None) -> _Units:
        header = _header_weight_unit(names)
        per_row = "weight unit" in names
        if header is None and not per_row and argument is None:
            raise UnitRequiredError("the file does not say whether weights are in kg or lb: "
                                    "choose the unit the app was set to (--unit kg or --unit lb)")
        distance = next(
            (_DISTANCE_COLUMN_METRES[n] for n in names if n in _DISTANCE_COLUMN_METRES), None)
        return cls(header, per_row, argument, distance, "distance unit" in names)

    def weight(self, line: int, unit_cell: str) -> str:
        """The unit of a row's weight; `unit_cell` is its 'Weight Unit' cell ('' if none)."""
        unit = self.header or self._row_unit(line, unit_cell) or self.argument
        if unit is None:
            raise UnitRequiredError(
                "the weight has no unit (blank 'Weight Unit'): choose kg or lb", line)
        self.seen.add(unit)
        return unit

    def _row_unit(self, line: int, unit_cell: str) -> str | None:
        text = unit_cell.strip() if self.per_row else ""
        if not text:
            return None
        unit = _WEIGHT_UNIT_WORDS.get(text.lower())
        if unit is None:
            raise ImportFileError(f"weight unit {_shown(text)} is not kg or lbs", line)
        return unit

    def metres(self, line: int, shown_distance: str, unit_cell: str,
               weight_unit_cell: str) -> float:
        """Metres per unit of a row's distance, from its 'Distance Unit' cell ('' if none)."""
        if self.distance_metres is not None:
            return self.distance_metres
        if self.distance_per_row:
            text = unit_cell.strip()
            metres = _DISTANCE_UNIT_METRES.get(text.lower())
            if metres is None:
                raise ImportFileError(
                    f"distance {shown_distance} has unit {_shown(text)}, not km, m or mi", line)
            return metres
        # Strong B, D and F name no distance unit either; assume the app's default that goes with
        # the weight unit (kg users see km, lb users see miles).
        return 1000.0 if self.weight(line, weight_unit_cell) == "kg" else METRES_PER_MILE

    def file_unit(self) -> str | None:
        if self.header:
            return self.header
        if self.per_row and self.seen:
            return next(iter(self.seen)) if len(self.seen) == 1 else None
        return self.argument

    def source(self) -> str:
        return "header" if self.header else "row" if self.per_row else "argument"


# --- cells to values -----------------------------------------------------------------------------

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)", re.ASCII)
_CLOCK = re.compile(r"(\d+)(?::([0-5]\d))?:([0-5]\d)", re.ASCII)
_DURATION = re.compile(r"(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?", re.ASCII)
_STRONG_DATE = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?", re.ASCII)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_HEVY_DATE = re.compile(r"(\d{1,2}) ([A-Za-z]{3})[A-Za-z]*\.? (\d{4}),? (\d{1,2}):(\d{2})",
                        re.ASCII)
# English month names by hand: strptime's %b follows the process locale once anything calls
# setlocale (Qt does), and Hevy writes English names whatever the phone's language.
_MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


def _shown(text: str) -> str:
    """A cell quoted for a message, cut short: a garbage cell can be megabytes."""
    return repr(text if len(text) <= 40 else text[:40] + "…")


def _number(text: str, what: str, line: int, decimal_comma: bool) -> float | None:
    """A numeric cell as the file wrote it; None when blank."""
    text = text.strip()
    if not text:
        return None
    plain = text.replace(",", ".") if decimal_comma and text.count(",") == 1 else text
    if not _NUMBER.fullmatch(plain):
        raise ImportFileError(f"{what} {_shown(text)} is not a number", line)
    value = float(plain)
    if not math.isfinite(value):
        raise ImportFileError(f"{what} {_shown(text)} is too large", line)
    return value


def _blank(text: str) -> bool:
    """An empty cell, or a zero as Strong writes blanks ('0', '0.0', '0,0')."""
    text = text.strip()
    if not text:
        return True
    try:
        return float(text.replace(",", ".")) == 0
    except ValueError:
        return False


def _whole(value: float | None, text: str, what: str, line: int) -> int | None:
    """A count that must be whole and not negative; 0 reads as blank, as Strong writes blanks.
    `text` is the cell the value was read from, for messages."""
    if not value:
        return None
    if value < 0:
        raise ImportFileError(f"{what} {_shown(text.strip())} is negative", line)
    if value != int(value):
        raise ImportFileError(f"{what} {_shown(text.strip())} is not a whole number", line)
    return int(value)


def _seconds(text: str, what: str, line: int, decimal_comma: bool) -> int | None:
    """Whole seconds from '90', '90.0' or a clock 'H:MM:SS' / 'M:SS' (FitNotes); 0 → None."""
    if ":" in text:
        text = text.strip()
        match = _CLOCK.fullmatch(text)
        if not match:
            raise ImportFileError(f"{what} {_shown(text)} is not H:MM:SS", line)
        first, middle, last = match.groups()
        value = (int(first) * 3600 + int(middle) * 60 if middle else int(first) * 60) + int(last)
        return value or None
    number = _number(text, what, line, decimal_comma)
    if number is not None and number < 0:
        raise ImportFileError(f"{what} {_shown(text.strip())} is negative", line)
    return round(number) if number else None


def _duration(text: str, line: int) -> int | None:
    """Strong's workout duration: '2h 18m', '1h', '51m' (D, F) or whole seconds (E)."""
    text = text.strip()
    if not text:
        return None
    if _NUMBER.fullmatch(text):
        return _seconds(text, "duration", line, False)
    match = _DURATION.fullmatch(text)
    if not match or not any(match.groups()):
        raise ImportFileError(f"duration {_shown(text)} is not like '1h 5m' or seconds", line)
    hours, minutes, seconds = (int(g or 0) for g in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def _strong_date(text: str, line: int) -> datetime:
    moment = _iso(text) if _STRONG_DATE.fullmatch(text) else None
    if moment is None:
        raise ImportFileError(f"date {_shown(text)} is not a date like 2024-05-31 18:30:00",
                              line)
    return _in_range(moment, text, line)


def _hevy_date(text: str, line: int) -> datetime:
    match = _HEVY_DATE.fullmatch(text)
    moment = None
    if match:
        day, month, year, hour, minute = match.groups()
        number = _MONTHS.get(month.lower())
        if number:
            with suppress(ValueError):
                moment = datetime(int(year), number, int(day), int(hour), int(minute))
    if moment is None:
        raise ImportFileError(f"date {_shown(text)} is not a date like '15 Sep 2025, 07:48'",
                              line)
    return _in_range(moment, text, line)


def _fitnotes_date(text: str, line: int) -> datetime:
    moment = _iso(text) if _DAY.fullmatch(text) else None
    if moment is None:
        raise ImportFileError(f"date {_shown(text)} is not a date like 2024-05-31", line)
    return _in_range(moment, text, line)


def _iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:  # 2024-02-30
        return None


def _in_range(moment: datetime, text: str, line: int) -> datetime:
    if not in_date_range(moment.date()):
        raise ImportFileError(f"date {_shown(text)} is outside the years Overload keeps "
                              f"({DATE_RANGE_TEXT})", line)
    return moment


def _exercise_name(cell: str, line: int) -> str:
    name = cell.strip()
    if not name:
        raise ImportFileError("the exercise name is empty", line)
    return name


# --- rows to workouts ----------------------------------------------------------------------------

# The cells of a row that _Import.add_set reads, in its order.
_MEASURES = ("weight", "reps", "rpe", "distance", "seconds", "weight_unit", "distance_unit")

# Why rows are not sets (ParsedFile.skipped's keys, shown to the user).
SKIP_CARDIO = "cardio rows (a distance or the Cardio category, no reps)"
SKIP_LONG = "rows timed over an hour with no reps (cardio)"
SKIP_LOAD_ONLY = "rows with a load but no reps or time"
SKIP_EMPTY = "rows without load, reps or time"


class _Import:
    """The state of one file being read: units, the workouts built so far, the skipped rows."""

    def __init__(self, fmt: str, units: _Units, decimal_comma: bool) -> None:
        self.format = fmt
        self.units = units
        # A ';'-separated export comes from a locale that writes 12,5 for 12.5.
        self.decimal_comma = decimal_comma
        self.seconds_column = "time" if fmt == "fitnotes" else "seconds"  # as the user knows it
        self.workouts: dict[str, ImportedWorkout] = {}
        self.skipped: Counter[str] = Counter()
        self.line = 0  # the line being read, for the messages of the conversions below
        # A set's values from its cells. A file repeats the same few hundred loads, reps and
        # RPEs, so each conversion runs once per distinct cell, or cells with the unit cells the
        # value depends on; the rest is lookups. A cell that fails raises on its own line, since
        # failures are not remembered; units.seen still sees every unit of a load.
        self.loads = _Remembered(self._load_kg)
        self.reps = _Remembered(self._reps)
        self.rpes = _Remembered(self._rpe)
        self.distances = _Remembered(self._distance_m)
        self.seconds = _Remembered(self._seconds)

    def workout(self, started: datetime, name: str, line: int) -> tuple[ImportedWorkout, bool]:
        """The workout this row belongs to, and whether it is new. Rows are grouped by the key
        itself, so two groups can never share a key."""
        key = f"{self.format}:{started.isoformat()}:{name}"
        found = self.workouts.get(key)
        if found is not None:
            return found, False
        workout = self.workouts[key] = ImportedWorkout(started, name, key, line=line)
        return workout, True

    def exercise(self, workout: ImportedWorkout, name: str) -> ImportedExercise:
        """The latest block of this exercise in the workout, for notes and rest timers."""
        for exercise in reversed(workout.exercises):
            if exercise.name == name:
                return exercise
        return self._new_block(workout, name)

    def add_set(self, workout: ImportedWorkout, name: str, kind: str, line: int,
                measures: tuple[str, ...], notes: str = "",
                cardio: bool = False) -> ImportedExercise | None:
        """Append the row as a set — reps, or a time without reps (a timed set) — or count it
        as skipped under its reason (see the module docstring). `measures` are the row's cells
        named by _MEASURES; `cardio`: the file files the row under cardio (FitNotes' Category).
        Returns the exercise block, or None when skipped."""
        weight, reps_cell, rpe, distance, seconds, weight_unit, distance_unit = measures
        self.line = line
        load = self.loads[weight, weight_unit]
        reps = self.reps[reps_cell]
        if reps is None and (cardio or not _blank(distance)):
            # Cardio, read no further: its distance and time may be in units no set has.
            self.skip(SKIP_CARDIO)
            return None
        seconds_value = self.seconds[seconds]
        if reps is None:
            reason = self._not_a_set(load, seconds_value)
            if reason is not None:
                self.skip(reason)
                return None
        elif seconds_value is not None and seconds_value > MAX_SET_SECONDS:
            raise ImportFileError(f"{self.seconds_column} {_shown(seconds.strip())} is over "
                                  f"an hour ({MAX_SET_SECONDS} s) for a set", line)
        distance_m = self.distances[distance, distance_unit, weight_unit]
        rpe_value = self.rpes[rpe]
        last = workout.exercises[-1] if workout.exercises else None
        block = last if last is not None and last.name == name else self._new_block(workout, name)
        # Positional (exercise, order, kind, load_kg, reps, rpe, rir, distance_m, seconds,
        # notes, line): keywords cost a fifth more, 60,000 times.
        block.sets.append(ImportedSet(name, len(block.sets) + 1, kind, load, reps, rpe_value, None,
                                      distance_m, seconds_value, notes, line))
        return block

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1

    @staticmethod
    def _not_a_set(load: float | None, seconds: int | None) -> str | None:
        """Why a row without reps or distance is not a set, or None for a timed set (a
        plank, with its load if it has one)."""
        if seconds is None:
            return SKIP_EMPTY if load is None else SKIP_LOAD_ONLY
        if seconds > MAX_SET_SECONDS:
            return SKIP_LONG
        return None

    def number(self, text: str, what: str, line: int) -> float | None:
        return _number(text, what, line, self.decimal_comma)

    def finish(self) -> list[ImportedWorkout]:
        """Workouts with sets, oldest first; exercises reduced to those with sets (a note on a
        cardio exercise leaves an empty block behind)."""
        kept = []
        for workout in self.workouts.values():
            workout.exercises = [e for e in workout.exercises if e.sets]
            if workout.exercises:
                kept.append(workout)
        return sorted(kept, key=lambda w: (w.started, w.key))

    @staticmethod
    def _new_block(workout: ImportedWorkout, name: str) -> ImportedExercise:
        block = ImportedExercise(name)
        workout.exercises.append(block)
        return block

    # The conversions behind self.loads and the others: each reads one distinct cell (with its
    # unit cells) and raises for self.line.

    def _load_kg(self, cells: tuple[str, str]) -> float | None:
        text, unit_cell = cells
        line = self.line
        value = self.number(text, "weight", line)
        if not value:  # blank, or Strong's 0 for "no weight": bodyweight
            return None
        text = text.strip()
        unit = self.units.weight(line, unit_cell)
        kg = value * LB_TO_KG if unit == "lb" else value
        if kg > MAX_LOAD_KG:
            raise ImportFileError(f"weight {text} {unit} is over {MAX_LOAD_KG:g} kg", line)
        if kg < -MAX_ASSISTANCE_KG:  # negative: assistance, kept for the writer to judge
            raise ImportFileError(f"weight {text} {unit} is more help than an assisted "
                                  f"exercise has ({MAX_ASSISTANCE_KG:g} kg)", line)
        # Round away float noise (12.900000000000034) and the tail of the lb conversion.
        return round(kg, 3)

    def _reps(self, text: str) -> int | None:
        line = self.line
        reps = _whole(self.number(text, "reps", line), text, "reps", line)
        if reps is not None and reps > MAX_REPS:
            raise ImportFileError(f"reps {reps} is over {MAX_REPS}", line)
        return reps

    def _rpe(self, text: str) -> float | None:
        value = self.number(text, "RPE", self.line)
        if not value:
            return None
        if not 1 <= value <= 10:
            raise ImportFileError(f"RPE {_shown(text.strip())} is not between 1 and 10",
                                  self.line)
        return round(value, 1)

    def _distance_m(self, cells: tuple[str, str, str]) -> float | None:
        text, unit_cell, weight_unit_cell = cells
        line = self.line
        value = self.number(text, "distance", line)
        if not value:
            return None
        shown = _shown(text.strip())
        if value < 0:
            raise ImportFileError(f"distance {shown} is negative", line)
        return round(value * self.units.metres(line, shown, unit_cell, weight_unit_cell), 1)

    def _seconds(self, text: str) -> int | None:
        return _seconds(text, self.seconds_column, self.line, self.decimal_comma)


class _Remembered(dict):
    """A conversion of cells that depends on nothing else, remembered by its argument. A
    conversion that raises remembers nothing (and the error ends the file anyway)."""

    def __init__(self, convert: Callable) -> None:
        super().__init__()
        self.convert = convert

    def __missing__(self, key: Hashable) -> object:  # key: a cell, or a tuple of cells
        value = self[key] = self.convert(key)
        return value


# Each reader goes through a file's records and returns how many there were. The rows of a
# workout come one after the other in every format, so a reader parses the date and looks the
# workout up once for each run of rows with the same date and name cells (rows of a workout
# further apart still join it: job.workout() finds it by its key).

def _read_strong(records: Iterator[tuple[int, list[str]]], columns: _Columns,
                 job: _Import) -> int:
    row_cells = columns.getter("date", "workout", "exercise", "order", "notes", "workout_notes",
                               "seconds")
    workout_cells = columns.getter("duration", "number")
    measures = columns.getter(*_MEASURES)
    kinds: dict[str, str] = {}  # Set Order cell → kind, for the dozen values a file uses
    rows = 0
    same = workout = None
    for line, cells in records:
        rows += 1
        cells = columns.cells(line, cells)
        day, workout_name, exercise, order, notes, workout_notes, seconds = row_cells(cells)
        if workout is None or (day, workout_name) != same:  # None: only before the first row
            same = (day, workout_name)
            workout = _strong_workout(job, line, day, workout_name, *workout_cells(cells))
        if not workout.notes:  # repeated on every row of the workout
            workout.notes = workout_notes.strip()
        name = _exercise_name(exercise, line)
        kind = kinds.get(order)
        if kind is None:
            kind = kinds[order] = _strong_kind(order.strip(), line)
        if kind == "note":
            job.exercise(workout, name).add_note(notes.strip())
            job.skip("note rows")
        elif kind == "rest timer":
            rest = _seconds(seconds, "rest timer seconds", line, job.decimal_comma)
            job.exercise(workout, name).rest_seconds = rest
            job.skip("rest timer rows")
        else:
            job.add_set(workout, name, kind, line, measures(cells), notes.strip())
    return rows


def _strong_workout(job: _Import, line: int, day: str, name: str, duration: str,
                    number: str) -> ImportedWorkout:
    workout, new = job.workout(_strong_date(day.strip(), line), name.strip(), line)
    if new:
        workout.duration_seconds = _duration(duration, line)
        workout.number = _whole(job.number(number, "workout number", line), number,
                                "workout number", line)
    return workout


def _strong_kind(text: str, line: int) -> str:
    """Set Order: a number is a working set; W, D, F a warm-up, drop or failure set; 'Note' and
    'Rest Timer' rows are about the exercise, not sets."""
    lowered = text.lower()
    if lowered in ("note", "rest timer"):
        return lowered
    if lowered in _STRONG_SET_LETTERS:
        return _STRONG_SET_LETTERS[lowered]
    if _NUMBER.fullmatch(text) and float(text) >= 0 and float(text).is_integer():
        return "working"
    raise ImportFileError(
        f"set order {_shown(text)} is not a number, W, D, F, Note or Rest Timer", line)


def _read_hevy(records: Iterator[tuple[int, list[str]]], columns: _Columns, job: _Import) -> int:
    row_cells = columns.getter("date", "workout", "exercise", "kind", "exercise_notes")
    workout_cells = columns.getter("end", "workout_notes")
    measures = columns.getter(*_MEASURES)
    rows = 0
    same = workout = None
    for line, cells in records:
        rows += 1
        cells = columns.cells(line, cells)
        start, title, exercise, set_type, exercise_notes = row_cells(cells)
        if workout is None or (start, title) != same:  # None: only before the first row
            same = (start, title)
            workout = _hevy_workout(job, line, start, title, *workout_cells(cells))
        set_type = set_type.strip()
        kind = _HEVY_SET_TYPES.get(set_type.lower())
        if kind is None:
            raise ImportFileError(
                f"set type {_shown(set_type)} is not normal, warmup, failure or dropset", line)
        block = job.add_set(workout, _exercise_name(exercise, line), kind, line, measures(cells))
        if block is not None and not block.notes:  # exercise_notes repeat on every row
            block.notes = exercise_notes.strip()
    return rows


def _hevy_workout(job: _Import, line: int, start: str, title: str, end: str,
                  notes: str) -> ImportedWorkout:
    started = _hevy_date(start.strip(), line)
    workout, new = job.workout(started, title.strip(), line)
    if new:
        end = end.strip()
        finished = _hevy_date(end, line) if end else None
        if finished is not None and finished >= started:
            workout.duration_seconds = int((finished - started).total_seconds())
        workout.notes = notes.strip()
    return workout


def _read_fitnotes(records: Iterator[tuple[int, list[str]]], columns: _Columns,
                   job: _Import) -> int:
    row_cells = columns.getter("date", "exercise", "notes", "category")
    measures = columns.getter(*_MEASURES)
    rows = 0
    same = workout = None
    for line, cells in records:
        rows += 1
        cells = columns.cells(line, cells)
        day, exercise, notes, category = row_cells(cells)
        if workout is None or day != same:  # None: only before the first row
            same = day
            workout, _ = job.workout(_fitnotes_date(day.strip(), line), FITNOTES_WORKOUT_NAME,
                                     line)
        # FitNotes has no warm-up flag: every set is a working set, in row order.
        job.add_set(workout, _exercise_name(exercise, line), "working", line, measures(cells),
                    notes.strip(), cardio=category.strip().casefold() == "cardio")
    return rows


_READERS: dict[str, Callable[[Iterator[tuple[int, list[str]]], _Columns, _Import], int]] = {
    "strong": _read_strong, "hevy": _read_hevy, "fitnotes": _read_fitnotes,
}


def _nothing_found(rows: int, skipped: Counter[str]) -> str:
    if not rows:
        return "no sets found: the file has a header but no rows"
    reasons = ", ".join(f"{count} {reason}" for reason, count in skipped.items())
    return f"no sets found: none of the {rows} rows is a set ({reasons})"
