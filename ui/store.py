"""The application's one door to the data: the undo stack, and signals when data changes.

Widgets read through models/ functions and change data only by pushing commands here, so every
change is undoable and every view hears about it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from models.landmarks import load_landmarks
from models.settings import Settings, load_settings


class Store(QObject):
    """Signals: exercises_changed(), landmarks_changed(), settings_changed(),
    sessions_changed()."""

    exercises_changed = Signal()
    landmarks_changed = Signal()
    settings_changed = Signal()
    sessions_changed = Signal()

    def __init__(self, undo_stack: QUndoStack | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self._settings = load_settings()
        self._landmarks = None
        # Connected first, so the cache is cleared before any view redraws on the same signal.
        self.landmarks_changed.connect(self._forget_landmarks)

    @property
    def settings(self) -> Settings:
        return self._settings

    def reload_settings(self) -> None:
        self._settings = load_settings()
        self._landmarks = None
        # Connected first, so the cache is cleared before any view redraws on the same signal.
        self.landmarks_changed.connect(self._forget_landmarks)
        self.settings_changed.emit()

    def landmarks(self):
        """The user's landmarks, read once and kept until landmarks_changed."""
        if self._landmarks is None:
            self._landmarks = load_landmarks()
        return self._landmarks

    def _forget_landmarks(self) -> None:
        self._landmarks = None

    def push(self, command) -> None:
        """Run a command (its redo) and keep it for Edit ▸ Undo."""
        self.undo_stack.push(command)
