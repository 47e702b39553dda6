"""Undoable commands: each calls models/ (one transaction per call) and tells the store."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QUndoCommand

from models.landmarks import save_landmarks
from models.library import (
    create_exercise,
    delete_exercise,
    restore_exercise,
    update_exercise,
)
from models.rules.domain import ExerciseInfo, Landmarks
from models.settings import Settings, save_settings
from ui.locale_text import translate


class CreateExerciseCommand(QUndoCommand):
    def __init__(self, store, info: ExerciseInfo):
        super().__init__(translate("Commands", "Create exercise “{name}”").format(
            name=info.name))
        self._store = store
        self._info = info

    def redo(self) -> None:
        if self._info.id is None:
            self._info = replace(self._info, id=create_exercise(self._info))
        else:
            restore_exercise(self._info)
        self._store.exercises_changed.emit()

    def undo(self) -> None:
        assert self._info.id is not None, "undo runs after redo, which gives the exercise its id"
        delete_exercise(self._info.id)
        self._store.exercises_changed.emit()

    @property
    def exercise_id(self) -> int | None:
        return self._info.id


class EditExerciseCommand(QUndoCommand):
    def __init__(self, store, before: ExerciseInfo, after: ExerciseInfo):
        super().__init__(translate("Commands", "Edit exercise “{name}”").format(
            name=after.name))
        if before.id is None:
            raise ValueError("only a stored exercise (one with an id) can be edited")
        self._store = store
        self._id = before.id
        self._before = before
        self._after = after

    def redo(self) -> None:
        update_exercise(self._id, self._after)
        self._store.exercises_changed.emit()

    def undo(self) -> None:
        update_exercise(self._id, self._before)
        self._store.exercises_changed.emit()


class DeleteExerciseCommand(QUndoCommand):
    """Raises ExerciseInUseError from push() when sessions use the exercise (nothing changes)."""

    def __init__(self, store, exercise_id: int):
        super().__init__(translate("Commands", "Delete exercise"))
        self._store = store
        self._exercise_id = exercise_id
        self._deleted: ExerciseInfo | None = None

    def redo(self) -> None:
        self._deleted = delete_exercise(self._exercise_id)
        self.setText(translate("Commands", "Delete exercise “{name}”").format(
            name=self._deleted.name))
        self._store.exercises_changed.emit()

    def undo(self) -> None:
        assert self._deleted is not None, "undo runs after redo, which keeps what it deleted"
        restore_exercise(self._deleted)
        self._store.exercises_changed.emit()


class SetLandmarksCommand(QUndoCommand):
    def __init__(self, store, before: dict[str, Landmarks], after: dict[str, Landmarks],
                 text: str | None = None):
        super().__init__(text or translate("Commands", "Edit volume landmarks"))

        self._store = store
        self._before = {k: before[k] for k in after}
        self._after = after

    def redo(self) -> None:
        save_landmarks(self._after)
        self._store.landmarks_changed.emit()

    def undo(self) -> None:
        save_landmarks(self._before)
        self._store.landmarks_changed.emit()


class SetSettingsCommand(QUndoCommand):
    def __init__(self, store, before: Settings, after: Settings):
        super().__init__(translate("Commands", "Change preferences"))
        self._store = store
        self._before = before
        self._after = after

    def redo(self) -> None:
        save_settings(self._after)
        self._store.reload_settings()

    def undo(self) -> None:
        save_settings(self._before)
        self._store.reload_settings()


class SavePlanCommand(QUndoCommand):
    """Finish in the program wizard: the whole mesocycle in one transaction; undo removes it.
    With `replace`, the planned sessions in its way go in the same transaction (and come back
    on undo)."""

    def __init__(self, store, plan, name: str, *, replace: bool = False):
        super().__init__(translate("Commands", "Create program “{name}”").format(name=name))

        self._store = store
        self._plan = plan
        self._name = name
        self._replace = replace
        self._replaced: list = []
        self.mesocycle_id: int | None = None

    def redo(self) -> None:
        from models.plans import save_plan, save_plan_replacing

        if self._replace:
            self.mesocycle_id, self._replaced = save_plan_replacing(self._plan, name=self._name)
        else:
            self.mesocycle_id = save_plan(self._plan, name=self._name)
        self._store.sessions_changed.emit()

    def undo(self) -> None:
        from models.plans import delete_mesocycle
        from models.sessions import restore_session

        assert self.mesocycle_id is not None, "undo runs after redo, which saved the plan"
        delete_mesocycle(self.mesocycle_id)
        for snapshot in self._replaced:
            restore_session(snapshot)
        self._store.sessions_changed.emit()
