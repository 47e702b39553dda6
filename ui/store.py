"""The application's one door to the data: the undo stack, and signals when data changes.

Widgets read through models/ functions and change data only by pushing commands here, so every
change is undoable and every view hears about it.

Every write goes through `guarded()`: when the database refuses it (read-only, disk full, the
file deleted), the transaction has rolled back, `write_failed` carries a message naming the file
and the reason, and the caller gets WriteFailedError instead of a traceback. `push()` runs a
command once in Python before the undo stack keeps it, so a command that failed is never kept
(QUndoStack.push() would keep it, and its exception would surface as a PySide error).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

import peewee
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from models.landmarks import load_landmarks
from models.rules.domain import Landmarks
from models.sessions import SessionError
from models.settings import Settings, load_settings
from models.storage.connection import database_file_status
from models.storage.db import describe_write_error

WRITE_ERRORS = (peewee.DatabaseError, sqlite3.DatabaseError)


class WriteFailedError(SessionError):
    """The database refused a change, which was rolled back: nothing was written. A SessionError,
    so the session editor shows it in its message line like any other refusal."""


class Store(QObject):
    """Signals: exercises_changed(), landmarks_changed(), settings_changed(),
    sessions_changed(); write_failed(str) — a change the database refused, with the message to
    show; notice(str) — a change worked, with something to tell the user; database_lost(str) —
    before a write, the database file was found "missing" or
    "replaced" (a handler may save it again; see ui/app.py).

    `db_path`, when given, is checked before every write
    (models.storage.db.database_file_status)."""

    exercises_changed = Signal()
    landmarks_changed = Signal()
    settings_changed = Signal()
    sessions_changed = Signal()
    write_failed = Signal(str)
    notice = Signal(str)  # a change worked, with something the user should know about it
    database_lost = Signal(str)

    def __init__(self, undo_stack: QUndoStack | None = None, parent: QObject | None = None, *,
                 db_path: Path | None = None):
        super().__init__(parent)
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.db_path = db_path
        self._settings = load_settings()
        self._landmarks: dict[str, Landmarks] | None = None
        # Connected first, so the cache is cleared before any view redraws on the same signal.
        self.landmarks_changed.connect(self._forget_landmarks)

    @property
    def settings(self) -> Settings:
        return self._settings

    def reload_settings(self) -> None:
        self._settings = load_settings()
        self._landmarks = None
        self.settings_changed.emit()

    def landmarks(self):
        """The user's landmarks, read once and kept until landmarks_changed."""
        if self._landmarks is None:
            self._landmarks = load_landmarks()
        return self._landmarks

    def _forget_landmarks(self) -> None:
        self._landmarks = None

    def push(self, command: QUndoCommand, *, raise_refusal: bool = False) -> bool:
        """Run a command (its redo) and keep it for Edit ▸ Undo — the one way a change is made.
        False when the database refused the write (write_failed was emitted; nothing changed,
        nothing kept), or with raise_refusal=True WriteFailedError (a SessionError, for callers
        that show refusals in their own message line). Errors of the command's own
        (SessionError, ExerciseError…) reach the caller; nothing is kept then."""
        try:
            self.guarded(command.redo)
        except WriteFailedError:
            if raise_refusal:
                raise
            return False
        self.undo_stack.push(_AlreadyDone(self, command))
        return True

    def push_all(self, text: str, commands: Iterable[QUndoCommand], *,
                 raise_refusal: bool = False) -> list[QUndoCommand]:
        """push() the commands as one undo step named `text`; stops at the first refused or
        failing one (its error reaches the caller) and returns those that ran. The macro is
        always closed: an open one would swallow every later command and disable Undo."""
        commands = list(commands)
        if len(commands) == 1:  # one step needs no macro: it keeps its own name
            return commands if self.push(commands[0], raise_refusal=raise_refusal) else []
        done: list[QUndoCommand] = []
        self.undo_stack.beginMacro(text)
        try:
            for command in commands:
                if not self.push(command, raise_refusal=raise_refusal):
                    break
                done.append(command)
        finally:
            self.undo_stack.endMacro()
        return done

    def guarded(self, write):
        """Call `write()` and return its result; a refused write becomes WriteFailedError after
        write_failed is emitted. Refuses to write at all into a database file that was deleted
        or replaced meanwhile, unless a database_lost handler put it back."""
        self.check_database()
        try:
            return write()
        except WRITE_ERRORS as exc:
            message = describe_write_error(self.db_path or self.tr("The database"), exc)
            self.write_failed.emit(message)
            raise WriteFailedError(message) from exc

    def check_database(self) -> None:
        """WriteFailedError when the database file is gone and no handler saved it again."""
        if self.db_path is None:
            return
        status = database_file_status(self.db_path)
        if status == "ok":
            return
        self.database_lost.emit(status)  # the handler may save it again (and set db_path)
        if database_file_status(self.db_path) != "ok":
            if status == "missing":
                message = self.tr("{path} was deleted or moved while Overload had it open; "
                                  "this change was not saved.")
            else:
                message = self.tr("{path} was replaced by another file while Overload had it "
                                  "open; this change was not saved.")
            message = message.format(path=self.db_path)

            self.write_failed.emit(message)
            raise WriteFailedError(message)


class _AlreadyDone(QUndoCommand):
    """What the undo stack keeps for a command push() already ran: its first redo (the one
    QUndoStack.push() calls) does nothing. Later undos and redos go through Store.guarded();
    one the database refuses marks this command obsolete, and Qt drops it from the stack — the
    data stays as it is, and the message says why."""

    def __init__(self, store: Store, command: QUndoCommand):
        super().__init__(command.text())  # read after the first run: some commands name it then
        self._store = store
        self.command = command
        self._skip_redo = True

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._replay(self.command.redo)

    def undo(self) -> None:
        self._replay(self.command.undo)

    def _replay(self, step) -> None:
        try:
            self._store.guarded(step)
        except WriteFailedError:
            self.setObsolete(True)
