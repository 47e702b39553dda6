"""Qt item model over the exercise library, and the proxy that searches and filters it."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from models.rules.domain import ExerciseInfo
from models.rules.search import matches, search_text
from ui.domain_text import equipment_name, group_name, pattern_name
from ui.locale_text import QT_TRANSLATE_NOOP, translate
from ui.mime import EXERCISE_MIME, exercise_mime

COL_NAME, COL_PRIMARY, COL_SECONDARY, COL_PATTERN, COL_EQUIPMENT = range(5)
HEADERS = (QT_TRANSLATE_NOOP("ExerciseTableModel", "Exercise"),
           QT_TRANSLATE_NOOP("ExerciseTableModel", "Primary"),
           QT_TRANSLATE_NOOP("ExerciseTableModel", "Secondary"),
           QT_TRANSLATE_NOOP("ExerciseTableModel", "Pattern"),
           QT_TRANSLATE_NOOP("ExerciseTableModel", "Equipment"))

ExerciseIdRole = Qt.ItemDataRole.UserRole + 1
SearchTextRole = Qt.ItemDataRole.UserRole + 2
PrimaryGroupRole = Qt.ItemDataRole.UserRole + 3
SecondaryGroupsRole = Qt.ItemDataRole.UserRole + 4
EquipmentRole = Qt.ItemDataRole.UserRole + 5
PatternRole = Qt.ItemDataRole.UserRole + 6
SortRole = Qt.ItemDataRole.UserRole + 7

_Index = QModelIndex | QPersistentModelIndex


def header_text(column: int) -> str:
    """A column's title: 'Exercise', 'Primary'…"""
    return translate("ExerciseTableModel", HEADERS[column])


class ExerciseTableModel(QAbstractTableModel):
    """Rows of ExerciseInfo fed through set_rows(); a drag source of exercise ids."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ExerciseInfo] = []

    def set_rows(self, rows: list[ExerciseInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def names(self) -> list[str]:
        return [exercise.name for exercise in self._rows]

    def column_texts(self, column: int) -> list[str]:
        """What each row shows in `column`."""
        return [self._display(exercise, column) or "" for exercise in self._rows]

    def row_of(self, exercise_id: int) -> int:
        return next((i for i, e in enumerate(self._rows) if e.id == exercise_id), -1)

    def rowCount(self, parent: _Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(HEADERS)):
            return header_text(section)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        exercise = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            return self._display(exercise, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(exercise)
        return self._custom_role(exercise, role)

    def _custom_role(self, exercise: ExerciseInfo, role: int):
        return {
            ExerciseIdRole: exercise.id,
            SearchTextRole: search_text(exercise),
            PrimaryGroupRole: exercise.primary or "",
            SecondaryGroupsRole: list(exercise.secondary),
            EquipmentRole: exercise.equipment,
            PatternRole: exercise.pattern,
        }.get(role)

    @staticmethod
    def _display(exercise: ExerciseInfo, column: int) -> str | None:
        if column == COL_NAME:
            return exercise.name
        if column == COL_PRIMARY:
            return group_name(exercise.primary) if exercise.primary else \
                translate("ExerciseTableModel", "Unassigned")
        if column == COL_SECONDARY:
            return ", ".join(group_name(g) for g in exercise.secondary) or "—"
        if column == COL_PATTERN:
            return pattern_name(exercise.pattern)
        if column == COL_EQUIPMENT:
            return equipment_name(exercise.equipment)
        return None

    @staticmethod
    def _tooltip(exercise: ExerciseInfo) -> str:
        lines = [f"<b>{exercise.name}</b>",
                 f"{pattern_name(exercise.pattern)} · {equipment_name(exercise.equipment)}",
                 translate("ExerciseTableModel", "{low}–{high} reps, tempo {tempo}").format(
                     low=exercise.rep_low, high=exercise.rep_high, tempo=exercise.tempo)]
        if exercise.aliases:
            lines.append(translate("ExerciseTableModel", "Also known as: {names}").format(
                names=", ".join(exercise.aliases)))

        return "<br>".join(lines)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [EXERCISE_MIME]

    def mimeData(self, indexes):
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return exercise_mime([self._rows[r].id for r in rows if self._rows[r].id is not None])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


class ExerciseFilterProxy(QSortFilterProxyModel):
    """Search as you type (name and aliases) and filter by group, equipment and pattern.

    A muscle-group filter matches the primary group or any secondary group."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._query = ""
        self._group = ""
        self._equipment = ""
        self._pattern = ""
        self.setSortRole(SortRole)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._query = text
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_group(self, group: str) -> None:
        self.beginFilterChange()
        self._group = group
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_equipment(self, equipment: str) -> None:
        self.beginFilterChange()
        self._equipment = equipment
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_pattern(self, pattern: str) -> None:
        self.beginFilterChange()
        self._pattern = pattern
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if not matches(self._query, model.data(index, SearchTextRole) or ""):
            return False
        if self._group and self._group != model.data(index, PrimaryGroupRole) \
                and self._group not in (model.data(index, SecondaryGroupsRole) or []):
            return False
        if self._equipment and self._equipment != model.data(index, EquipmentRole):
            return False
        return not (self._pattern and self._pattern != model.data(index, PatternRole))
