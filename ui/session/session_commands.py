"""Undoable changes to sessions: each redo/undo is one models.sessions call (one transaction).

Every command tells the store `sessions_changed` after it runs, so the calendar, the session
editor and the week's gauges redraw from the database. Commands are made only through
Store.push(): it runs the command in Python first — a SessionError (bad input) reaches the
caller and nothing is kept — and keeps it, already done, only when it worked.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QUndoCommand

from models import sessions as ms
from ui.locale_text import QT_TRANSLATE_NOOP, translate, weekday_day_month

# Each status a session can be marked with, as the undo stack names the change.
MARK_SESSION_TEXTS = {"planned": QT_TRANSLATE_NOOP("SessionCommands", "Mark session planned"),
                      "done": QT_TRANSLATE_NOOP("SessionCommands", "Mark session done"),
                      "skipped": QT_TRANSLATE_NOOP("SessionCommands", "Mark session skipped")}


class _SessionCommand(QUndoCommand):
    def __init__(self, store, text: str):
        super().__init__(text)
        self._store = store

    def redo(self) -> None:
        self._apply()
        self._store.sessions_changed.emit()

    def undo(self) -> None:
        self._revert()
        self._store.sessions_changed.emit()

    def _apply(self) -> None:
        raise NotImplementedError

    def _revert(self) -> None:
        raise NotImplementedError


class CreateSessionCommand(_SessionCommand):
    def __init__(self, store, day: date, name: str = "", exercise_ids=()):
        super().__init__(store, translate("SessionCommands", "New session on {day}").format(
            day=weekday_day_month(day)))
        self._args = (day, name, tuple(exercise_ids))
        self.session_id: int | None = None
        self._snapshot = None

    def _apply(self) -> None:
        if self._snapshot is None:
            self.session_id = ms.create_session(*self._args)
        else:
            ms.restore_session(self._snapshot)

    def _revert(self) -> None:
        self._snapshot = ms.delete_session(self.session_id)


class MoveSessionCommand(_SessionCommand):
    def __init__(self, store, session_id: int, new_day: date):
        super().__init__(store, translate("SessionCommands", "Move session to {day}").format(
            day=weekday_day_month(new_day)))
        self._session_id, self._new_day = session_id, new_day
        self._old_day: date | None = None

    def _apply(self) -> None:
        self._old_day = ms.move_session(self._session_id, self._new_day)

    def _revert(self) -> None:
        ms.move_session(self._session_id, self._old_day)


class CopySessionCommand(_SessionCommand):
    def __init__(self, store, session_id: int, new_day: date):
        super().__init__(store, translate("SessionCommands", "Copy session to {day}").format(
            day=weekday_day_month(new_day)))
        self._session_id, self._new_day = session_id, new_day
        self.new_session_id: int | None = None
        self._snapshot = None

    def _apply(self) -> None:
        if self._snapshot is None:
            self.new_session_id = ms.copy_session(self._session_id, self._new_day)
        else:
            ms.restore_session(self._snapshot)

    def _revert(self) -> None:
        self._snapshot = ms.delete_session(self.new_session_id)


class DeleteSessionCommand(_SessionCommand):
    def __init__(self, store, session_id: int):
        super().__init__(store, translate("SessionCommands", "Delete session"))
        self._session_id = session_id
        self._snapshot = None

    def _apply(self) -> None:
        self._snapshot = ms.delete_session(self._session_id)

    def _revert(self) -> None:
        ms.restore_session(self._snapshot)


class AddExerciseCommand(_SessionCommand):
    def __init__(self, store, session_id: int, exercise_id: int, position: int | None = None):
        super().__init__(store, translate("SessionCommands", "Add exercise"))
        self._args = (session_id, exercise_id, position)
        self.se_id: int | None = None
        self._snapshot = None

    def _apply(self) -> None:
        if self._snapshot is None:
            self.se_id = ms.add_exercise(*self._args)
        else:
            ms.restore_session_exercise(self._snapshot)

    def _revert(self) -> None:
        self._snapshot = ms.remove_session_exercise(self.se_id)


class RemoveSessionExerciseCommand(_SessionCommand):
    def __init__(self, store, se_id: int):
        super().__init__(store, translate("SessionCommands", "Remove exercise"))
        self._se_id = se_id
        self._snapshot = None

    def _apply(self) -> None:
        self._snapshot = ms.remove_session_exercise(self._se_id)

    def _revert(self) -> None:
        ms.restore_session_exercise(self._snapshot)


class ReorderExercisesCommand(_SessionCommand):
    def __init__(self, store, session_id: int, new_order: list[int]):
        super().__init__(store, translate("SessionCommands", "Reorder exercises"))
        self._session_id, self._new_order = session_id, list(new_order)
        self._old_order: list[int] = []

    def _apply(self) -> None:
        self._old_order = ms.reorder_exercises(self._session_id, self._new_order)

    def _revert(self) -> None:
        ms.reorder_exercises(self._session_id, self._old_order)


class MoveExerciseCommand(_SessionCommand):
    """An exercise to a place in its own session (a reorder) or in another session."""

    def __init__(self, store, se_id: int, session_id: int, position: int | None):
        super().__init__(store, translate("SessionCommands", "Move exercise"))
        self._args = (se_id, session_id, position)
        self._was: ms.ExercisePlace | None = None

    def _apply(self) -> None:
        self._was = ms.move_session_exercise(*self._args)

    def _revert(self) -> None:
        assert self._was is not None  # undo follows a redo
        ms.move_session_exercise(self._args[0], self._was.session_id, self._was.position)


class MoveExerciseToNewSessionCommand(_SessionCommand):
    """An exercise out of its session into a new session on `day`; undo deletes that session
    and puts the exercise back, redo brings the same session back (same id)."""

    def __init__(self, store, se_id: int, day: date):
        super().__init__(store, translate("SessionCommands", "Move exercise to {day}").format(
            day=weekday_day_month(day)))
        self._se_id, self._day = se_id, day
        self.session_id: int | None = None
        self._was: ms.ExercisePlace | None = None
        self._snapshot: ms.SessionSnapshot | None = None

    def _apply(self) -> None:
        if self._snapshot is None:
            self.session_id, self._was = ms.move_exercise_to_new_session(self._se_id, self._day)
        else:
            self._was = ms.restore_new_session(self._snapshot, self._se_id)

    def _revert(self) -> None:
        assert self.session_id is not None and self._was is not None  # undo follows a redo
        self._snapshot = ms.return_exercise_from_new_session(self.session_id, self._se_id,
                                                             self._was)


class LogSetCommand(_SessionCommand):
    def __init__(self, store, se_id: int, *, kind: str, load_kg: float | None, reps: int,
                 rir: float | None = None, rpe: float | None = None,
                 seconds: int | None = None):
        super().__init__(store, translate("SessionCommands", "Log set"))
        self._se_id = se_id
        self._fields = {"kind": kind, "load_kg": load_kg, "reps": reps, "rir": rir, "rpe": rpe,
                        "seconds": seconds}
        self.set_id: int | None = None
        self._snapshot = None

    def _apply(self) -> None:
        if self._snapshot is None:
            self.set_id = ms.log_set(self._se_id, **self._fields)
        else:
            ms.restore_set(self._snapshot)

    def _revert(self) -> None:
        self._snapshot = ms.delete_set(self.set_id)


class UpdateSetCommand(_SessionCommand):
    def __init__(self, store, set_id: int, **fields):
        super().__init__(store, translate("SessionCommands", "Edit set"))
        self._set_id, self._fields = set_id, fields
        self._old: dict = {}

    def _apply(self) -> None:
        self._old = ms.update_set(self._set_id, **self._fields)

    def _revert(self) -> None:
        ms.update_set(self._set_id, **self._old)


class DeleteSetCommand(_SessionCommand):
    def __init__(self, store, set_id: int):
        super().__init__(store, translate("SessionCommands", "Delete set"))
        self._set_id = set_id
        self._snapshot = None

    def _apply(self) -> None:
        self._snapshot = ms.delete_set(self._set_id)

    def _revert(self) -> None:
        ms.restore_set(self._snapshot)


class _SessionFieldCommand(_SessionCommand):
    """Status, notes or name: one column, its old value kept for undo. Subclasses name the
    models/ setter."""

    def __init__(self, store, session_id: int, value: str, text: str):
        super().__init__(store, text)
        self._session_id, self._value = session_id, value
        self._old: str | None = None

    def _apply(self) -> None:
        self._old = self.setter(self._session_id, self._value)

    def _revert(self) -> None:
        self.setter(self._session_id, self._old)


class SetStatusCommand(_SessionFieldCommand):
    setter = staticmethod(ms.set_status)

    def __init__(self, store, session_id: int, status: str):
        super().__init__(store, session_id, status,
                         translate("SessionCommands", MARK_SESSION_TEXTS[status]))


class SetNotesCommand(_SessionFieldCommand):
    setter = staticmethod(ms.set_notes)

    def __init__(self, store, session_id: int, notes: str):
        super().__init__(store, session_id, notes,
                         translate("SessionCommands", "Edit session notes"))


class RenameSessionCommand(_SessionFieldCommand):
    setter = staticmethod(ms.rename_session)

    def __init__(self, store, session_id: int, name: str):
        super().__init__(store, session_id, name, translate(
            "SessionCommands", "Rename session “{name}”").format(name=name))


class SetTargetsCommand(_SessionCommand):
    def __init__(self, store, se_id: int, **targets):
        super().__init__(store, translate("SessionCommands", "Change targets"))
        self._se_id, self._targets = se_id, targets
        self._old: dict = {}

    def _apply(self) -> None:
        self._old = ms.set_exercise_targets(self._se_id, **self._targets)

    def _revert(self) -> None:
        ms.set_exercise_targets(self._se_id, **self._old)
