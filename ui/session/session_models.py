"""The session editor's item models and the plain helpers that format what they show.

Adapters over models.sessions data (STYLE §2): fed through set_rows(), custom roles, column
constants; each passes qtmodeltester.check.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from datetime import date
from itertools import groupby

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush

from models.rules.domain import (
    MINUS,
    format_measure,
    format_set,
    format_sets,
    kg_to_unit,
    unit_to_kg,
)
from models.rules.limits import ASSISTANCE_KG, LOAD_KG, REPS, RIR, SET_SECONDS
from models.rules.progression import PROGRESSION_KINDS, Target
from models.sessions import LoggedSetInfo, SessionError, SessionExerciseInfo
from ui.locale_text import (
    QT_TRANSLATE_NOOP,
    day_month,
    number,
    parse_number,
    translate,
)
from ui.mime import EXERCISE_MIME
from ui.theme import Tone, tone

SESSION_EXERCISE_MIME = "application/x-overload-session-exercise"

# Translated where they are shown: translate("SessionEditor", NO_SESSION_TEXT)…
NO_SESSION_TEXT = QT_TRANSLATE_NOOP("SessionEditor",
                                    "Double-click a session in the calendar to open it.")
NO_EXERCISES_TEXT = QT_TRANSLATE_NOOP("SessionEditor", "Drag exercises here from the library.")
NO_SELECTION_TEXT = QT_TRANSLATE_NOOP("SessionEditor", "Select an exercise to log its sets.")

# Through kind_label() and status_label().
KIND_LABELS = {"warmup": QT_TRANSLATE_NOOP("SessionEditor", "Warm-up"),
               "working": QT_TRANSLATE_NOOP("SessionEditor", "Working"),
               "drop": QT_TRANSLATE_NOOP("SessionEditor", "Drop"),
               "failure": QT_TRANSLATE_NOOP("SessionEditor", "Failure")}
STATUS_LABELS = {"planned": QT_TRANSLATE_NOOP("SessionEditor", "Planned"),
                 "done": QT_TRANSLATE_NOOP("SessionEditor", "Done"),
                 "skipped": QT_TRANSLATE_NOOP("SessionEditor", "Skipped")}
INFO_STYLE = "color: palette(placeholder-text);"  # muted: readable on light and dark palettes

# The database's limits (models/sessions.py _SET_CHECKS); the spin boxes keep input inside them.
MAX_LOAD_KG, MAX_REPS, MAX_RIR = LOAD_KG[1], REPS[1], RIR[1]
MAX_ASSISTANCE_KG, MAX_SET_SECONDS = ASSISTANCE_KG[1], SET_SECONDS[1]

SessionExerciseIdRole = Qt.ItemDataRole.UserRole + 1
ExerciseIdRole = Qt.ItemDataRole.UserRole + 2
TargetTextRole = Qt.ItemDataRole.UserRole + 3
LastTimeTextRole = Qt.ItemDataRole.UserRole + 4
NextTargetTextRole = Qt.ItemDataRole.UserRole + 5
SetsDoneTextRole = Qt.ItemDataRole.UserRole + 6
SetsCompleteRole = Qt.ItemDataRole.UserRole + 7
SetIdRole = Qt.ItemDataRole.UserRole + 8

COL_NUMBER, COL_KIND, COL_LOAD, COL_REPS, COL_RIR = range(5)
SET_HEADERS = ("#", QT_TRANSLATE_NOOP("SessionEditor", "Kind"),
               QT_TRANSLATE_NOOP("SessionEditor", "Load"),
               QT_TRANSLATE_NOOP("SessionEditor", "Reps / time"),
               QT_TRANSLATE_NOOP("SessionEditor", "RIR"))

_Index = QModelIndex | QPersistentModelIndex


# ---------------------------------------------------------------------------------------------
# Pure helpers: drag payloads, drop order, the texts a row shows
# ---------------------------------------------------------------------------------------------

def session_exercise_mime(se_ids: Sequence[int]) -> QMimeData:
    """MIME data for dragging session exercises inside the editor (JSON list of their ids)."""
    mime = QMimeData()
    mime.setData(SESSION_EXERCISE_MIME, json.dumps([int(i) for i in se_ids]).encode())
    return mime


def session_exercise_ids_from_mime(mime: QMimeData) -> list[int]:
    """The session exercise ids a drop carries; [] for anything else or malformed data."""
    if not mime.hasFormat(SESSION_EXERCISE_MIME):
        return []
    try:
        ids = json.loads(bytes(mime.data(SESSION_EXERCISE_MIME)).decode())
    except (ValueError, UnicodeDecodeError):
        return []
    if not isinstance(ids, list):
        return []
    return [i for i in ids if isinstance(i, int) and not isinstance(i, bool)]


def moved_order(order: Sequence[int], moved: Sequence[int], row: int) -> list[int]:
    """`order` with the ids in `moved` taken out and put back, in their order, before the item
    that was at `row` (len(order) = at the end)."""
    moved = set(moved)
    moving = [i for i in order if i in moved]
    staying = [i for i in order if i not in moved]
    before = sum(1 for i in order[:max(0, row)] if i not in moved)
    return staying[:before] + moving + staying[before:]


def kind_label(kind: str) -> str:
    """'Warm-up', 'Working'… — a set's kind as the editor names it."""
    return translate("SessionEditor", KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def status_label(status: str) -> str:
    """'Planned', 'Done', 'Skipped'."""
    return translate("SessionEditor", STATUS_LABELS[status]) if status in STATUS_LABELS \
        else status


def unit_number(load_kg: float, units: str) -> str:
    """A load as a bare number in the user's unit, for editing: 82.5, 135, 61.23, -20 (the
    locale's decimal point: 82,5 in German)."""
    return number(kg_to_unit(load_kg, units))


def shown_number(load_kg: float, units: str) -> str:
    """unit_number() for reading: a negative load (assistance) with a true minus, −20."""
    return unit_number(load_kg, units).replace("-", MINUS)


# What a reps cell may hold: '8' reps, a time '60 s' / '60s' / '1:30' (a timed set), or both
# '8 in 40 s' — as format_measure() writes them.
_SECONDS = r"(?:(\d+)\s*(?:s|sec|secs|seconds?)|(\d+):([0-5]\d))"
_MEASURE = re.compile(rf"(?:(\d+)|{_SECONDS}|(\d+)\s+in\s+{_SECONDS})", re.IGNORECASE)


def parse_measure(text: str) -> dict | None:
    """The reps and seconds a reps cell says ({"reps": 0, "seconds": 60} for '60 s'), or None
    when it says neither."""
    match = _MEASURE.fullmatch(text.strip())
    if match is None:
        return None
    (reps, seconds, minutes, rest, both_reps, both_seconds, both_minutes,
     both_rest) = match.groups()
    if reps is not None:
        return {"reps": int(reps), "seconds": None}

    def time(plain: str | None, clock_minutes: str | None, clock_seconds: str | None) -> int:
        if plain is not None:
            return int(plain)
        return int(clock_minutes or 0) * 60 + int(clock_seconds or 0)

    if both_reps is not None:
        return {"reps": int(both_reps), "seconds": time(both_seconds, both_minutes, both_rest)}
    return {"reps": 0, "seconds": time(seconds, minutes, rest)}


def working_sets_done(info: SessionExerciseInfo) -> int:
    """Sets that count towards the target: working sets and sets taken to failure."""
    return sum(1 for s in info.sets if s.kind in PROGRESSION_KINDS)


def target_text(info: SessionExerciseInfo) -> str:
    """'4 × 6–10 @ RIR 2 · 3-1-1-0'; a timed exercise's sets by their target time, '3 × 65 s'."""
    if info.target.timed:
        reps = translate("SessionEditor", "{seconds} s").format(seconds=info.target.seconds)
    else:
        reps = (f"{info.rep_low}" if info.rep_low == info.rep_high
                else f"{info.rep_low}–{info.rep_high}")
    text = f"{info.target_sets} × {reps}"
    if info.target_rir is not None:
        text += translate("SessionEditor", " @ RIR {rir}").format(rir=number(info.target_rir))
    if info.recovery:
        text += translate("SessionEditor", " · recovery session")
    return f"{text} · {info.tempo}" if info.tempo else text


def last_time_text(info: SessionExerciseInfo, units: str) -> str:
    """'last 18 Nov: 80 kg × 10, 10, 9', loads grouped as they followed each other; timed
    sets by their time ('last 18 Nov: 60 s, 55 s')."""
    if info.last_date is None:
        return translate("SessionEditor", "last time: not done before")
    done = [s for s in info.last_time if s.kind != "warmup"] or list(info.last_time)
    groups = [format_sets(load, [(s.reps, s.seconds) for s in sets], units, number)
              for load, sets in groupby(done, key=lambda s: s.load_kg)]
    return translate("SessionEditor", "last {day}: {sets}").format(
        day=short_date(info.last_date), sets=" · ".join(groups))


def next_target_text(target: Target, units: str, rep_high: int) -> str:
    """'→ 82.5 kg × 6 @ RIR 2 · e1RM 107 kg' — the progression's target for each working set,
    at the week's RIR; '→ 65 s' for a timed one."""
    # The progression's first-time target names no load (a bodyweight target with a history
    # has none either, and reads "→ BW × 9").
    if target.e1rm_kg is None and target.load_kg is None and not target.timed \
            and target.note.startswith("first time"):
        return translate("SessionEditor", "→ first time: pick a load for {low}–{high} reps"
                         ).format(low=target.reps, high=rep_high)
    text = f"→ {format_set(target.load_kg, target.reps, target.seconds, units, number)}"
    if target.rir is not None:
        text += translate("SessionEditor", " @ RIR {rir}").format(rir=number(target.rir))
    return f"{text} · {e1rm_text(target, units)}" if target.e1rm_kg else text


def e1rm_text(target: Target, units: str) -> str:
    if not target.e1rm_kg:
        return ""
    return translate("SessionEditor", "e1RM {load} {unit}").format(
        load=number(kg_to_unit(target.e1rm_kg, units), 0), unit=units)


def short_date(day: date) -> str:
    """'18 Nov'."""
    return day_month(day)


def capitalised(text: str) -> str:
    """The first letter upper case, the rest untouched (str.capitalize lowers "Nov")."""
    return text[:1].upper() + text[1:]


def error_text(error: SessionError) -> str:
    """models/ messages start with the field in lower case; a message line starts upper case."""
    return capitalised(str(error))


# ---------------------------------------------------------------------------------------------
# The exercise list
# ---------------------------------------------------------------------------------------------

class SessionExerciseModel(QAbstractListModel):
    """A session's exercises (SessionExerciseInfo) fed through set_rows(); drags their ids and
    accepts drops of library exercises and of its own rows between rows (never onto one)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[SessionExerciseInfo] = []
        self._units = "kg"

    def set_rows(self, rows: Sequence[SessionExerciseInfo], units: str) -> None:
        """Show new rows. The same exercises in the same order only change data, so the view
        keeps its selection; anything else resets the model."""
        rows = list(rows)
        if [r.id for r in rows] == [r.id for r in self._rows] and units == self._units:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))
            return
        self.beginResetModel()
        self._rows, self._units = rows, units
        self.endResetModel()

    def info_at(self, row: int) -> SessionExerciseInfo:
        return self._rows[row]

    def row_of(self, se_id: int | None) -> int:
        return next((i for i, info in enumerate(self._rows) if info.id == se_id), -1)

    def order(self) -> list[int]:
        return [info.id for info in self._rows]

    def rowCount(self, parent: _Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return info.exercise.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{name}\nNext: {note}").format(name=info.exercise.name,
                                                          note=info.target.note)
        return self._custom_role(info, role)

    def _custom_role(self, info: SessionExerciseInfo, role: int):
        if role == SessionExerciseIdRole:
            return info.id
        if role == ExerciseIdRole:
            return info.exercise.id
        if role == TargetTextRole:
            return target_text(info)
        if role == LastTimeTextRole:
            return last_time_text(info, self._units)
        if role == NextTargetTextRole:
            return next_target_text(info.target, self._units, info.rep_high)
        if role == SetsDoneTextRole:
            return self.tr("{done} / {target} sets").format(done=working_sets_done(info),
                                                            target=info.target_sets)
        if role == SetsCompleteRole:
            return 0 < info.target_sets <= working_sets_done(info)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drops land between rows
        return super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled

    def mimeTypes(self) -> list[str]:
        return [SESSION_EXERCISE_MIME, EXERCISE_MIME]

    def mimeData(self, indexes) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return session_exercise_mime([self._rows[r].id for r in rows])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction


class SetTableModel(QAbstractTableModel):
    """Logged sets (LoggedSetInfo) fed through set_rows(), loads in the user's unit.

    Edits are not stored here: `on_edit(set_id, {field: value})` is called with the value in
    the database's terms (load in kg, "" → None) and returns whether the change was made.
    Text that does not parse is passed on as it is, so models/ names the field and the problem.
    """

    def __init__(self, parent: QObject | None = None,
                 on_edit: Callable[[int, dict], bool] | None = None):
        super().__init__(parent)
        self._rows: list[LoggedSetInfo] = []
        self._units = "kg"
        self._on_edit = on_edit

    def set_rows(self, rows: Sequence[LoggedSetInfo], units: str) -> None:
        rows = list(rows)
        if [r.id for r in rows] == [r.id for r in self._rows] and units == self._units:
            self._rows = rows
            if rows:  # same sets: keep the view's current cell and selection
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(rows) - 1, len(SET_HEADERS) - 1))
            return
        self.beginResetModel()
        self._rows, self._units = rows, units
        self.endResetModel()

    def set_at(self, row: int) -> LoggedSetInfo:
        return self._rows[row]

    def rowCount(self, parent: _Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(SET_HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(SET_HEADERS)):
            if section == COL_LOAD:
                return translate("SessionEditor", "Load ({unit})").format(unit=self._units)
            return translate("SessionEditor", SET_HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        logged = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(logged, index.row(), column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(logged, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != COL_KIND:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and logged.kind == "warmup":
            return QBrush(tone(Tone.MUTED))  # warm-ups do not count: shown muted
        if role == SetIdRole:
            return logged.id
        return None

    def _display(self, logged: LoggedSetInfo, row: int, column: int) -> str | None:
        if column == COL_NUMBER:
            return str(row + 1)
        if column == COL_KIND:
            return kind_label(logged.kind)
        if column == COL_LOAD:
            return shown_number(logged.load_kg, self._units) if logged.load_kg else \
                translate("SessionEditor", "BW")
        if column == COL_REPS:
            return format_measure(logged.reps, logged.seconds)
        if column == COL_RIR:
            return "—" if logged.rir is None else number(logged.rir)
        return None

    def _edit_value(self, logged: LoggedSetInfo, column: int) -> str | None:
        if column == COL_KIND:
            return logged.kind
        if column == COL_LOAD:
            return unit_number(logged.load_kg, self._units) if logged.load_kg else "0"
        if column == COL_REPS:
            return format_measure(logged.reps, logged.seconds)
        if column == COL_RIR:
            return "" if logged.rir is None else number(logged.rir)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() != COL_NUMBER and self._on_edit is not None:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or self._on_edit is None or not index.isValid()
                or index.column() == COL_NUMBER or not 0 <= index.row() < len(self._rows)):
            return False
        logged = self._rows[index.row()]
        if str(value).strip() == self._edit_value(logged, index.column()):
            return True  # the editor closed without a change: no undo step
        return self._on_edit(logged.id, self._stored_fields(index.column(), value))

    def _stored_fields(self, column: int, value) -> dict[str, object]:
        text = str(value).strip()
        if column == COL_REPS:
            # '8' is reps, '60 s' a timed set's time; anything else goes on as typed, for
            # models/ to name what is wrong with it.
            measure = parse_measure(text)
            if measure is not None:
                return measure
            return {"reps": int(text) if text.lstrip("-").isdigit() else text}
        return dict([self._stored_value(column, text)])

    def _stored_value(self, column: int, text: str) -> tuple[str, object]:
        if column == COL_KIND:
            return "kind", text
        number = _number_or_text(text.replace(MINUS, "-"))
        if column == COL_LOAD:
            if isinstance(number, float):  # 0 means bodyweight, as in the entry row
                return "load_kg", unit_to_kg(number, self._units) if number else None
            return "load_kg", number
        return "rir", None if text in ("", "—", "-") else number


def _number_or_text(text: str) -> float | str:
    value = parse_number(text)
    return text if value is None else value


