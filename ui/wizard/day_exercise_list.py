"""A day's exercises in the program wizard: reorder by dragging, drop exercises from a library."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

from ui.mime import EXERCISE_MIME, exercise_ids_from_mime, exercise_mime

NameRole = Qt.ItemDataRole.UserRole + 1
ExerciseIdRole = Qt.ItemDataRole.UserRole + 2
SearchRole = Qt.ItemDataRole.UserRole + 3  # the text a search looks in (models.rules.search)


class DayExerciseList(QListWidget):
    """Signals: edited() — the user reordered, dropped, added or removed an exercise.

    `names_for_ids` maps dropped exercise ids to names (the wizard knows the library)."""

    edited = Signal()

    def __init__(self, names_for_ids, parent=None):
        super().__init__(parent)
        self._names_for_ids = names_for_ids
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def names(self) -> list[str]:
        return [self.item(i).data(NameRole) for i in range(self.count())]

    def set_rows(self, rows: list[tuple[str, str]]) -> None:
        """(exercise name, text to show) per row; keeps the selected row where it was."""
        current = self.currentRow()
        with QSignalBlocker(self):
            self.clear()
            for name, text in rows:
                item = QListWidgetItem(text)
                item.setData(NameRole, name)
                self.addItem(item)
        if 0 <= current < self.count():
            self.setCurrentRow(current)

    def insert_names(self, names: list[str], row: int | None = None) -> None:
        row = self.count() if row is None or row < 0 else row
        for offset, name in enumerate(names):
            item = QListWidgetItem(name)
            item.setData(NameRole, name)
            self.insertItem(row + offset, item)
        self.edited.emit()

    def remove_current(self) -> None:
        if self.currentRow() >= 0:
            self.takeItem(self.currentRow())
            self.edited.emit()

    def move_current(self, step: int) -> None:
        row = self.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.count():
            return
        item = self.takeItem(row)
        self.insertItem(target, item)
        self.setCurrentRow(target)
        self.edited.emit()

    def replace_current(self, name: str) -> None:
        row = self.currentRow()
        if row < 0:
            return
        self.item(row).setData(NameRole, name)
        self.item(row).setText(name)
        self.edited.emit()

    # Drops from the exercise library carry ids; drags inside the list reorder.

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(EXERCISE_MIME):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasFormat(EXERCISE_MIME):
            # Accepted here and not passed on: the list's own handler only knows its internal
            # move and would reject the library's MIME type, so a real drag would do nothing.
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:
        ids = exercise_ids_from_mime(event.mimeData())
        if ids:
            row = self.indexAt(event.position().toPoint()).row()
            self.insert_names(self._names_for_ids(ids), row)
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            return
        super().dropEvent(event)
        self.edited.emit()


class ExercisePickerList(QListWidget):
    """A searchable list of exercises that drags their ids (the wizard's own small library)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)

    def mimeTypes(self) -> list[str]:
        return [EXERCISE_MIME]

    def mimeData(self, items):
        return exercise_mime([item.data(ExerciseIdRole) for item in items])
