"""File ▸ Import… of an Overload JSON export: the app's own "everything" file comes back.

The file is read in a worker (a 10-year export is tens of megabytes), the user is told what it
holds and what it replaces, and the restore runs in a worker too. A database with training
history is backed up first ("before-restore", listed by File ▸ Restore backup…), so replacing it
is never a loss; a file that is not a whole, valid export is refused naming what is wrong, and
nothing changes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from models.io.exporting import (
    ExportFileError,
    ExportInfo,
    RestoreResult,
    history_counts,
    read_export_info,
    restore_json_replacing,
)
from ui.locale_text import translate
from ui.worker import run_in_worker


class JsonRestore(QObject):
    """One restore, from reading the file to the status-bar message. `finished` carries the
    message shown (restored or refused); `cancelled` is emitted when the user says no."""

    finished = Signal(str)
    cancelled = Signal()

    def __init__(self, window: QWidget, store, path: Path):
        super().__init__(window)
        self._window, self._store, self._path = window, store, path

    def start(self) -> None:
        self._window.statusBar().showMessage(
            self.tr("Reading {file}…").format(file=self._path.name))
        run_in_worker(self, lambda _report: (read_export_info(self._path), history_counts()),
                      on_done=self._ask, on_error=self._failed)

    def _ask(self, read: object) -> None:
        info, history = read  # type: ignore[misc]
        answer = QMessageBox.question(self._window, self.tr("Restore this Overload export?"),
                                      _question(self._path, info, history))
        if answer != QMessageBox.StandardButton.Yes:
            self._window.statusBar().showMessage(self.tr("Nothing was restored."), 8000)
            self.cancelled.emit()
            return
        self._window.statusBar().showMessage(
            self.tr("Restoring {file}…").format(file=self._path.name))
        run_in_worker(self, lambda _report: restore_json_replacing(self._path,
                                                                   self._window.db_path),
                      on_done=self._done, on_error=self._failed)

    def _done(self, result: object) -> None:
        assert isinstance(result, RestoreResult)
        announce_everything_changed(self._store)
        counts = result.counts
        message = self.tr("Restored {file}: {sessions} sessions, {sets} sets.").format(
            file=self._path.name, sessions=counts.get("session", 0),
            sets=counts.get("logged_set", 0))
        if result.safety is not None:
            message += " " + self.tr("The data it replaced is saved in {file}.").format(
                file=result.safety.name)
        self._window.statusBar().showMessage(message, 20_000)
        self.finished.emit(message)

    def _failed(self, error: BaseException) -> None:
        text = str(error) if isinstance(error, ExportFileError) else \
            self.tr("{file} was not restored ({error}). Nothing was changed.").format(
                file=self._path.name, error=error)
        self._window.statusBar().clearMessage()
        QMessageBox.warning(self._window, self.tr("Cannot restore this file"), text)
        self.finished.emit(text)


def _question(path: Path, info: ExportInfo, history: tuple[int, int, int]) -> str:
    counts = info.counts
    holds = translate("JsonRestore", "{file} (Overload {version}) holds {sessions} sessions, "
                                     "{sets} sets and {programs} programs.").format(
        file=path.name, version=info.app or translate("JsonRestore", "export"),
        sessions=counts.get("session", 0), sets=counts.get("logged_set", 0),
        programs=counts.get("mesocycle", 0))
    sessions, mesocycles, custom = history
    if not any(history):
        return holds + "\n\n" + translate(
            "JsonRestore", "This database has no training yet: restore the export into it?")
    return holds + "\n\n" + translate(
        "JsonRestore", "It replaces everything in this database ({sessions} sessions, "
                       "{programs} programs, {custom} custom exercises). Your current data is "
                       "backed up first: File ▸ Restore backup… brings it back.\n\nRestore the "
                       "export?").format(sessions=sessions, programs=mesocycles, custom=custom)



def announce_everything_changed(store) -> None:
    """After the database's whole content was replaced: every view reloads. The undo history
    refers to rows as they were before, so replaying it would act on data that no longer
    exists: it goes."""
    store.undo_stack.clear()
    store.reload_settings()  # emits settings_changed
    store.landmarks_changed.emit()
    store.exercises_changed.emit()
    store.sessions_changed.emit()
