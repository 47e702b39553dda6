"""File ▸ Import…, Export… and Restore backup…, and the daily backup at start-up.

The main window wires its menu actions to these functions; each takes what it needs explicitly
(the window as dialog parent, the store for signals and the undo stack, the database path).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import opening
from models.io.exporting import export_csv, export_json, export_target_problem, looks_like_json
from models.storage import backups
from ui.locale_text import QT_TRANSLATE_NOOP, date_time, sortable_date_time, translate
from ui.sizing import fit_to_screen
from ui.theme import Tone, follow_theme, tone
from ui.transfer.import_dialog import IMPORT_FILTER, ImportDialog
from ui.transfer.json_restore import JsonRestore, announce_everything_changed
from ui.worker import WorkerHandle, run_in_worker

log = logging.getLogger(__name__)

# Translated where they are shown (context "Transfer", the dialog's "RestoreDialog").
CSV_FILTER = QT_TRANSLATE_NOOP("Transfer", "CSV, one row per set (*.csv)")
JSON_FILTER = QT_TRANSLATE_NOOP("Transfer", "JSON, everything (*.json)")
KIND_NAMES = {"daily": QT_TRANSLATE_NOOP("RestoreDialog", "Daily"),
              "before-import": QT_TRANSLATE_NOOP("RestoreDialog", "Before an import"),
              "before-restore": QT_TRANSLATE_NOOP("RestoreDialog", "Before a restore"),
              "before-vN": QT_TRANSLATE_NOOP("RestoreDialog", "Before a database upgrade")}


def import_file(window, store,
                path: Path | str | None = None) -> ImportDialog | JsonRestore | None:
    """File ▸ Import…: ask for a file unless given, then open the import dialog (non-modal:
    returns it), or for the app's own JSON export start its restore (returns it); None when the
    user cancelled the file chooser."""
    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            window, translate("ImportDialog", "Import workout history"), str(Path.home()),
            translate("ImportDialog", IMPORT_FILTER))
        if not path:
            return None
    if looks_like_json(path):
        restore = JsonRestore(window, store, Path(path))
        restore.start()
        return restore
    dialog = ImportDialog(store, window.db_path, Path(path), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def export_file(window, path: Path | str | None = None) -> WorkerHandle | None:
    """File ▸ Export…: CSV (one row per set) or JSON (everything), chosen by the file type. Runs
    in a worker; the status bar says when it is done. Returns the worker, or None if cancelled
    or refused. The open database, its journal and lock files and its backups are refused; an
    existing file is replaced only after the user said so (the file chooser asks for the name
    typed; a name it did not show — a suffix added, a path passed in — is asked here)."""
    confirmed = None
    if path is None:
        default = Path.home() / "overload-export.csv"
        csv_filter = translate("Transfer", CSV_FILTER)
        json_filter = translate("Transfer", JSON_FILTER)

        chosen, chosen_filter = QFileDialog.getSaveFileName(
            window, translate("Transfer", "Export training data"), str(default),
            f"{csv_filter};;{json_filter}")
        if not chosen:
            return None
        confirmed = Path(chosen)
        path = _with_suffix(confirmed, ".json" if chosen_filter == json_filter else ".csv")
    path = Path(path)
    problem = export_target_problem(path, window.db_path)
    if problem is not None:
        QMessageBox.warning(window, translate("Transfer", "Cannot export there"),
                            translate("Transfer", "{problem}.\n\nNothing was written.").format(
                                problem=problem))
        return None
    if path != confirmed and os.path.lexists(path) and QMessageBox.question(
            window, translate("Transfer", "Replace the file?"),
            translate("Transfer", "{path} exists. Replace it with this export?").format(path=path)
    ) != QMessageBox.StandardButton.Yes:
        return None
    return _export_in_worker(window, path)


def _export_in_worker(window, path: Path) -> WorkerHandle:
    as_json = path.suffix.lower() == ".json"

    def export(_report) -> str:
        if as_json:
            counts = export_json(path)
            return translate("Transfer", "Exported everything ({sets} sets) to {path}").format(
                sets=counts["logged_set"], path=path)
        return translate("Transfer", "Exported {sets} sets to {path}").format(
            sets=export_csv(path), path=path)

    return run_in_worker(
        window, export,
        on_done=lambda message: window.statusBar().showMessage(message, 15_000),
        on_error=lambda exc: QMessageBox.warning(
            window, translate("Transfer", "Export failed"),
            translate("Transfer", "{path} could not be written:\n{error}").format(
                path=path, error=exc)))


def _with_suffix(path: Path, suffix: str) -> Path:
    return path if path.suffix.lower() in (".csv", ".json") else path.with_name(path.name + suffix)


def restore_backup(window, store, db_path: Path | str) -> RestoreDialog:
    """File ▸ Restore backup…: the backups with dates and sizes; restores the one chosen."""
    dialog = RestoreDialog(store, Path(db_path), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def run_daily_backup(db_path: Path | str) -> WorkerHandle:
    """Today's automatic backup, in a worker (call once the window is shown). A failure is
    logged, never shown: the app works without it and tries again next start."""
    return run_in_worker(
        None, lambda _report: backups.daily_backup(Path(db_path)),
        on_done=lambda made: log.info("daily backup: %s", made or "already made today"),
        on_error=lambda exc: log.warning("daily backup failed: %s", exc))


class RestoreDialog(QDialog):
    """The backups of the database, newest first, each checked in a worker (a damaged one is
    marked and cannot be chosen); Restore replaces the data with the chosen one after
    confirmation, in a worker (the current state is backed up first). The window stays
    responsive throughout: a restore waiting on another program's lock ends with a message.

    Signals: restored(str) — the path of the backup of the state before restoring;
    restore_failed(str) — the message shown; checked() — every listed backup was checked."""

    restored = Signal(str)
    restore_failed = Signal(str)
    checked = Signal()

    COLUMNS = (QT_TRANSLATE_NOOP("RestoreDialog", "Date"),
               QT_TRANSLATE_NOOP("RestoreDialog", "Kind"),
               QT_TRANSLATE_NOOP("RestoreDialog", "Size"),
               QT_TRANSLATE_NOOP("RestoreDialog", "State"))
    CHECKING = QT_TRANSLATE_NOOP("RestoreDialog", "Checking…")
    USABLE = QT_TRANSLATE_NOOP("RestoreDialog", "Can be restored")

    def __init__(self, store, db_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore a backup"))
        fit_to_screen(self, 680, 400)
        self._store = store
        self._db_path = db_path
        self.backups: list[backups.BackupInfo] = []
        self.problems: dict[Path, str | None] = {}  # None: checked and usable
        self._busy = False
        self.table = QTableWidget(0, len(self.COLUMNS), objectName="backupTable",
                                  tabKeyNavigation=False, accessibleName=self.tr("Backups"))
        self.table.setHorizontalHeaderLabels([self.tr(title) for title in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(self.COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.message = QLabel(objectName="restoreMessage", wordWrap=True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restore_button = QPushButton(self.tr("Restore…"), objectName="restoreButton")
        self.restore_button.clicked.connect(self.restore_selected)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Backups are kept in {folder}").format(
            folder=backups.backup_folder(db_path)), wordWrap=True))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.refresh()
        follow_theme(self, self._paint_states)

    def refresh(self) -> None:
        self.backups = backups.list_backups(self._db_path)
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            cells = (sortable_date_time(info.created), self.tr(KIND_NAMES[info.kind]),
                     QLocale().formattedDataSize(info.size_bytes), self._state_text(info.path))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(self.problems.get(info.path) or str(info.path))
                self.table.setItem(row, column, item)
            self._paint_state(self.table.item(row, 3), info.path)
        if not self.backups:
            self.message.setText(self.tr("There are no backups yet: one is made every day you "
                                         "use Overload, and before every import."))
        self._check_unchecked()
        self._update_buttons()

    def selected(self) -> backups.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def restore_selected(self) -> bool:
        """Ask, then restore the selected backup in a worker; True when the restore started
        (restored or restore_failed follows)."""
        info = self.selected()
        if info is None or not self._usable(info):
            return False
        answer = QMessageBox.question(
            self, self.tr("Restore this backup?"),
            self.tr("Replace all your current data with the backup from {when}?\n\nThe current "
                    "state is backed up first, so you can come back to it.").format(
                when=date_time(info.created)))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self._set_busy(True)
        self.message.setText(self.tr("Restoring the backup from {when}…").format(
            when=date_time(info.created)))
        run_in_worker(self, lambda _report: opening.restore_backup(self._db_path, info.path),
                      on_done=lambda safety: self._restore_done(info, safety),
                      on_error=self._restore_failed)
        return True

    def reject(self) -> None:
        if not self._busy:  # closing mid-restore would hide how it ended
            super().reject()

    # --- the parts --------------------------------------------------------------------------

    def _restore_done(self, info: backups.BackupInfo, safety: Path) -> None:
        self._set_busy(False)
        announce_everything_changed(self._store)
        self.message.setText(self.tr("Restored the backup from {when}. The state before "
                                     "restoring is saved in {path}").format(
            when=date_time(info.created), path=safety))
        self.refresh()
        self.restored.emit(str(safety))

    def _restore_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        text = str(error) if isinstance(error, backups.BackupError) else \
            self.tr("The backup was not restored ({error}). Nothing was changed.").format(
                error=error)
        self.message.setText(text)
        self.refresh()
        self.restore_failed.emit(text)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.table.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setEnabled(not busy)
        self._update_buttons()

    def _state_text(self, path: Path) -> str:
        if path not in self.problems:
            return self.tr(self.CHECKING)
        return self.tr(self.USABLE) if self.problems[path] is None else \
            self.tr("Damaged: cannot be restored")


    def _paint_states(self) -> None:
        for row, info in enumerate(self.backups):
            self._paint_state(self.table.item(row, 3), info.path)

    def _paint_state(self, item: QTableWidgetItem, path: Path) -> None:
        item.setText(self._state_text(path))
        if self.problems.get(path):
            item.setForeground(tone(Tone.ERROR))

    def _usable(self, info: backups.BackupInfo) -> bool:
        return info.path in self.problems and self.problems[info.path] is None

    def _check_unchecked(self) -> None:
        """Check, in a worker, each listed backup not checked yet
        (models.storage.backups.check_backup reads all of it); each row shows its result as it
        comes."""
        paths = [info.path for info in self.backups if info.path not in self.problems]
        if not paths:
            return
        found: dict[Path, str | None] = {}

        def check_all(report) -> None:
            for done, path in enumerate(paths, 1):
                try:
                    backups.check_backup(path)
                    found[path] = None
                except backups.BackupError as exc:
                    found[path] = str(exc)
                report(done, len(paths))

        def show(done: int, _total: int) -> None:
            path = paths[done - 1]
            self.problems[path] = found[path]
            self._show_state(path)

        run_in_worker(self, check_all, on_progress=show,
                      on_done=lambda _result: self.checked.emit(),
                      on_error=lambda exc: log.warning("checking backups failed: %s", exc))

    def _show_state(self, path: Path) -> None:
        for row, info in enumerate(self.backups):
            if info.path == path:
                for column in range(self.table.columnCount()):
                    item = self.table.item(row, column)
                    item.setToolTip(self.problems[path] or str(path))
                self._paint_state(self.table.item(row, 3), path)
        self._update_buttons()

    def _selection_changed(self) -> None:
        info = self.selected()
        if info is not None and self.problems.get(info.path):
            self.message.setText(self.problems[info.path])
        self._update_buttons()

    def _update_buttons(self) -> None:
        info = self.selected()
        self.restore_button.setEnabled(not self._busy and info is not None and self._usable(info))
