"""The session editor's grid mode without its widgets: the rows each exercise has (one per set,
as the printed sheet's write-in cells), what each cell shows, and what the text typed in a
row changes — a set to log, a logged set's fields to update, or nothing. Text that cannot be
read is a GridEntryError whose message names the row and the cell ("Barbell Row set 3: reps
'x' is not a number"); numbers out of range go on to models/, which names the limit.

An exercise's rows: its logged sets in the order they were logged (warm-ups and drop sets
included, by their kind), then an empty row for each target set still to do, then one more
empty row for a set beyond the target (`extra`: off the Tab path, reached with the arrows or
the mouse). Empty rows show the plan faintly (models.sessions.planned_set).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from models.rules.domain import MINUS, format_load, format_measure, load_kind, unit_to_kg
from models.rules.progression import PROGRESSION_KINDS
from models.sessions import LoggedSetInfo, NextSet, SessionExerciseInfo, planned_set
from ui.locale_text import QT_TRANSLATE_NOOP, number, translate
from ui.session.session_models import parse_measure, shown_number, unit_number

# The typed cells of a row, in Tab order.
LOAD, MEASURE, RIR = CELLS = (0, 1, 2)

NO_RIR = "—"  # an empty RIR cell of a logged set: none recorded
EXTRA_LABEL = "+"
# Sets that do not count towards the target: the set column's word, and how a message names such
# a row ("Barbell Row warm-up 2"); translated where they are shown (context "SessionGrid").
KIND_LABELS = {"warmup": QT_TRANSLATE_NOOP("SessionGrid", "Warm-up"),
               "drop": QT_TRANSLATE_NOOP("SessionGrid", "Drop")}
KIND_NAMES = {"warmup": QT_TRANSLATE_NOOP("SessionGrid", "{exercise} warm-up {number}"),
              "drop": QT_TRANSLATE_NOOP("SessionGrid", "{exercise} drop set {number}")}
BODYWEIGHT_WORDS = ("bw", "bodyweight")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")


class GridEntryError(ValueError):
    """A row's text that cannot be read; the message names the row and the cell, `cell` is
    the cell to correct (None: the row as a whole)."""

    def __init__(self, message: str, cell: int | None = None):
        super().__init__(message)
        self.cell = cell


@dataclass(frozen=True)
class GridRow:
    """One row of the grid: a logged set, or an empty row for the next one."""

    se_id: int
    exercise_name: str
    label: str  # the set column: "1", "Warm-up", "+"
    name: str  # how a message names the row: "Barbell Row set 3"
    load_kind: str  # models.rules.domain.load_kind: "loaded", "bodyweight" or "assisted"
    timed: bool  # the measure cell holds seconds, not reps
    planned: NextSet  # the plan: the faint texts, and the load an empty load cell logs
    logged: LoggedSetInfo | None = None
    empty_index: int = 0  # an empty row's place among the exercise's empty rows
    extra: bool = False  # the row beyond the target, off the Tab path

    @property
    def key(self) -> tuple[str, int]:
        """What the row is, whichever place it has: ("set", its id) for a logged set,
        ("new", its place among the empty rows) for an empty one."""
        return ("set", self.logged.id) if self.logged else ("new", self.empty_index)


def grid_rows(info: SessionExerciseInfo) -> list[GridRow]:
    """The rows of one exercise (see the module docstring)."""
    planned = planned_set(info)
    base = GridRow(se_id=info.id, exercise_name=info.exercise.name, label="", name="",
                   load_kind=load_kind(info.exercise), timed=info.target.timed, planned=planned)
    rows: list[GridRow] = []
    counts: dict[str, int] = {}
    counted = 0  # sets towards the target, numbered as on the sheet
    for logged in info.sets:
        if logged.kind in PROGRESSION_KINDS:
            counted += 1
            label, name = str(counted), _set_name(info.exercise.name, counted)
        else:
            counts[logged.kind] = counts.get(logged.kind, 0) + 1
            label = translate("SessionGrid", KIND_LABELS[logged.kind]) \
                if logged.kind in KIND_LABELS else logged.kind
            pattern = KIND_NAMES.get(logged.kind, "{exercise} " + logged.kind + " {number}")
            name = translate("SessionGrid", pattern).format(exercise=info.exercise.name,
                                                            number=counts[logged.kind])
        rows.append(replace(base, label=label, name=name, logged=logged))
    to_do = max(0, info.target_sets - counted)
    for index in range(to_do + 1):
        set_number, extra = counted + index + 1, index == to_do
        rows.append(replace(base, label=EXTRA_LABEL if extra else str(set_number),
                            name=_set_name(info.exercise.name, set_number), empty_index=index,
                            extra=extra))
    return rows


def _set_name(exercise: str, set_number: int) -> str:
    """'Barbell Row set 3': how a message names a set that counts."""
    return translate("SessionGrid", "{exercise} set {number}").format(exercise=exercise,
                                                                      number=set_number)


# --- what the cells show -----------------------------------------------------------------------

def load_text(load_kg: float | None, units: str) -> str:
    """A load as a cell shows it: '82.5', '−20' (assistance), 'BW'."""
    return shown_number(load_kg, units) if load_kg else translate("SessionEditor", "BW")


def cell_texts(row: GridRow, units: str) -> tuple[str, str, str]:
    """A logged set's values in its cells; nothing in an empty row's."""
    logged = row.logged
    if logged is None:
        return "", "", ""
    if row.timed and logged.timed:
        measure = str(logged.seconds)  # the column says Seconds
    else:
        measure = format_measure(logged.reps, logged.seconds)
    rir = "" if logged.rir is None else number(logged.rir)
    return load_text(logged.load_kg, units), measure, rir


def placeholders(row: GridRow, units: str) -> tuple[str, str, str]:
    """The faint texts: an empty row's plan ("—" for a load still to choose); none in the row
    beyond the target, which is not planned; in a logged set's row, what clearing a cell
    would store."""
    if row.logged is not None:
        return ("" if row.load_kind == "loaded" else translate("SessionEditor", "BW")), "", NO_RIR
    if row.extra:
        return "", "", ""
    planned = row.planned
    load = "—" if planned.load_missing else load_text(planned.load_kg, units)
    measure = str(planned.seconds) if row.timed and planned.seconds else str(planned.reps)
    rir = "" if planned.rir is None else number(planned.rir)
    return load, measure, rir


def measure_word(row: GridRow) -> str:
    """'reps', or 'seconds' in a timed exercise's row: the measure cell, as a name."""
    return translate("SessionGrid", "seconds") if row.timed else translate("SessionGrid", "reps")


# --- what the typed text changes ---------------------------------------------------------------

@dataclass(frozen=True)
class RowChange:
    """What a row's typing does: log a new set (`set_id` None) with `fields` as LogSetCommand
    takes them, or update a logged set's `fields`; `note` is said on the message line (a load
    filled in from the plan)."""

    fields: dict
    set_id: int | None = None
    note: str = ""


def row_change(row: GridRow, typed: Mapping[int, str], units: str) -> RowChange | None:
    """What the cells typed in `row` change (`typed`: the text of each cell the user changed),
    or None when nothing: no cell typed in an empty row, a logged set's values typed again."""
    typed = {cell: text.strip() for cell, text in typed.items()}
    if row.logged is None:
        return _new_set(row, typed, units)
    return _edited_set(row, row.logged, typed, units)


def _new_set(row: GridRow, typed: Mapping[int, str], units: str) -> RowChange | None:
    if not any(typed.values()):
        return None
    if not typed.get(MEASURE):
        if row.timed:
            text = translate("SessionGrid", "{row}: type the seconds to log the set (Escape "
                                            "clears the row)")
        else:
            text = translate("SessionGrid", "{row}: type the reps to log the set (Escape clears "
                                            "the row)")
        raise GridEntryError(text.format(row=row.name), MEASURE)
    measure = _measure(row, typed[MEASURE])
    rir = _rir(row, typed.get(RIR, ""))
    note = ""
    if typed.get(LOAD):
        load = _load(row, typed[LOAD], units)
    else:
        load, note = _planned_load(row, units)
    return RowChange({"kind": "working", "load_kg": load, "rir": rir, **measure}, None, note)


def _planned_load(row: GridRow, units: str) -> tuple[float | None, str]:
    """An empty load cell: the plan's load, said on the message line; refused when there is
    none on an exercise that takes one (a squat is never logged as bodyweight)."""
    planned = row.planned
    if planned.load_missing:
        raise GridEntryError(translate("SessionGrid", "{row}: type the load — there is no "
                                                      "target load yet, and {exercise} is never "
                                                      "logged as bodyweight").format(
            row=row.name, exercise=row.exercise_name), LOAD)
    if not planned.load_kg:
        return None, ""
    return planned.load_kg, translate("SessionGrid", "{row}: no load typed — logged at the "
                                                     "target, {load}").format(
        row=row.name, load=format_load(planned.load_kg, units, number))


def _edited_set(row: GridRow, logged: LoggedSetInfo, typed: Mapping[int, str],
                units: str) -> RowChange | None:
    fields: dict[str, object] = {}
    if LOAD in typed:
        if not typed[LOAD] and row.load_kind == "loaded":
            raise GridEntryError(translate("SessionGrid", "{row}: type the load — {exercise} is "
                                                          "never logged as bodyweight").format(
                row=row.name, exercise=row.exercise_name), LOAD)
        load = _load(row, typed[LOAD], units) if typed[LOAD] else None
        if not _same_load(load, logged.load_kg, units):
            fields["load_kg"] = load
    if MEASURE in typed:
        if not typed[MEASURE]:
            if row.timed:
                text = translate("SessionGrid", "{row}: the seconds cannot be empty — a logged "
                                                "set keeps them (Ctrl+Delete deletes the set)")
            else:
                text = translate("SessionGrid", "{row}: the reps cannot be empty — a logged set "
                                                "keeps them (Ctrl+Delete deletes the set)")
            raise GridEntryError(text.format(row=row.name), MEASURE)
        measure = _measure(row, typed[MEASURE])
        if (measure["reps"], measure["seconds"]) != (logged.reps, logged.seconds):
            fields.update(measure)
    if RIR in typed:
        rir = _rir(row, typed[RIR])
        if rir != logged.rir:
            fields["rir"] = rir
    return RowChange(fields, logged.id) if fields else None


def _same_load(new: float | None, old: float | None, units: str) -> bool:
    """The load typed is the one shown: retyping '82.5' in pounds changes nothing."""
    if new is None or old is None:
        return new is old
    return unit_number(new, units) == unit_number(old, units)


# --- reading a cell -----------------------------------------------------------------------------

def _number(text: str) -> float | None:
    """'82.5', '82,5', '−20' as a number; None for anything else."""
    cleaned = text.replace(MINUS, "-").replace(",", ".").replace(" ", "")
    return float(cleaned) if _NUMBER.fullmatch(cleaned) else None


def _load(row: GridRow, text: str, units: str) -> float | None:
    """A load typed in the user's unit ('82.5', '82.5 kg', '−20', 'BW'); None is bodyweight."""
    if text.casefold() in BODYWEIGHT_WORDS:
        return None
    bare = re.sub(rf"\s*{units}$", "", text, flags=re.IGNORECASE)
    value = _number(bare)
    if value is None:
        raise GridEntryError(translate("SessionGrid", "{row}: load {text} is not a number")
                             .format(row=row.name, text=repr(text)), LOAD)
    return unit_to_kg(value, units) if value else None


def _measure(row: GridRow, text: str) -> dict:
    """Reps ('8'), or a time in a timed exercise's cell ('60', '60 s', '1:30'); a number
    models/ refuses ('-3', '8.5') goes on for it to name the limit."""
    typed = _number(text)
    if typed is not None:
        value: float | int = int(typed) if typed.is_integer() else typed
        return {"reps": 0, "seconds": value} if row.timed else {"reps": value, "seconds": None}
    measure = parse_measure(text)
    if measure is None:
        if row.timed:
            message = translate("SessionGrid", "{row}: seconds {text} is not a number of "
                                               "seconds (60, 60 s or 1:30)")
        else:
            message = translate("SessionGrid", "{row}: reps {text} is not a number")
        raise GridEntryError(message.format(row=row.name, text=repr(text)), MEASURE)
    return measure


def _rir(row: GridRow, text: str) -> float | None:
    if text in ("", NO_RIR, "-"):
        return None
    value = _number(text)
    if value is None:
        raise GridEntryError(translate("SessionGrid", "{row}: RIR {text} is not a number")
                             .format(row=row.name, text=repr(text)), RIR)
    return value



def cell_named_by(message: str) -> int | None:
    """The cell a models/ message is about ('reps: 500 is out of range…'), or None."""
    field = message.split(":", 1)[0].split(" ", 1)[0].casefold()
    return {"load": LOAD, "reps": MEASURE, "seconds": MEASURE, "rir": RIR}.get(field)
