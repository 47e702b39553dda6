"""File ▸ Import…, Export… and Restore backup…, and the daily backup at start-up.

The main window wires its menu actions to these functions; each takes what it needs explicitly
(the window as dialog parent, the store for signals and the undo stack, the database path).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
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

from models import backups
from models.exporting import export_csv, export_json
from ui.import_dialog import IMPORT_FILTER, ImportDialog
from ui.worker import WorkerHandle, run_in_worker

log = logging.getLogger(__name__)

CSV_FILTER = "CSV, one row per set (*.csv)"
JSON_FILTER = "JSON, everything (*.json)"
KIND_NAMES = {"daily": "Daily", "before-import": "Before an import",
              "before-restore": "Before a restore", "before-vN": "Before a database upgrade"}


def import_file(window, store, path: Path | str | None = None) -> ImportDialog | None:
    """File ▸ Import…: ask for a file unless given, then open the import dialog (non-modal:
    returns it, or None when the user cancelled the file chooser)."""
    if path is None:
        path, _ = QFileDialog.getOpenFileName(window, "Import workout history",
                                              str(Path.home()), IMPORT_FILTER)
        if not path:
            return None
    dialog = ImportDialog(store, window.db_path, Path(path), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def export_file(window, path: Path | str | None = None) -> WorkerHandle | None:
    """File ▸ Export…: CSV (one row per set) or JSON (everything), chosen by the file type. Runs
    in a worker; the status bar says when it is done. Returns the worker, or None if cancelled."""
    if path is None:
        default = Path.home() / "overload-export.csv"
        path, chosen_filter = QFileDialog.getSaveFileName(
            window, "Export training data", str(default), f"{CSV_FILTER};;{JSON_FILTER}")
        if not path:
            return None
        path = _with_suffix(Path(path), ".json" if chosen_filter == JSON_FILTER else ".csv")
    path = Path(path)
    as_json = path.suffix.lower() == ".json"

    def export(_report) -> str:
        if as_json:
            counts = export_json(path)
            return f"Exported everything ({counts['logged_set']} sets) to {path}"
        return f"Exported {export_csv(path)} sets to {path}"

    return run_in_worker(
        window, export,
        on_done=lambda message: window.statusBar().showMessage(message, 15_000),
        on_error=lambda exc: QMessageBox.warning(
            window, "Export failed", f"{path} could not be written:\n{exc}"))


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
    """The backups of the database, newest first; Restore replaces the data with the chosen one
    after confirmation (the current state is backed up first).

    Signals: restored(str) — the path of the backup of the state before restoring."""

    restored = Signal(str)

    COLUMNS = ("Date", "Kind", "Size")

    def __init__(self, store, db_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle("Restore a backup")
        self.resize(560, 400)
        self._store = store
        self._db_path = db_path
        self.backups: list[backups.BackupInfo] = []
        self.table = QTableWidget(0, len(self.COLUMNS), objectName="backupTable")
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.message = QLabel(objectName="restoreMessage", wordWrap=True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restore_button = QPushButton("Restore…", objectName="restoreButton")
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Backups are kept in {backups.backup_folder(db_path)}",
                                wordWrap=True))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.backups = backups.list_backups(self._db_path)
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            cells = (f"{info.created:%Y-%m-%d %H:%M}", KIND_NAMES[info.kind],
                     readable_size(info.size_bytes))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.path))
                self.table.setItem(row, column, item)
        if not self.backups:
            self.message.setText("There are no backups yet: one is made every day you use "
                                 "Overload, and before every import.")
        self._update_buttons()

    def selected(self) -> backups.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def restore_selected(self) -> bool:
        """Ask, then restore the selected backup; True when it was restored."""
        info = self.selected()
        if info is None:
            return False
        answer = QMessageBox.question(
            self, "Restore this backup?",
            f"Replace all your current data with the backup from {info.created:%d %b %Y %H:%M}?"
            "\n\nThe current state is backed up first, so you can come back to it.")
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            safety = backups.restore_backup(self._db_path, info.path)
        except backups.BackupError as exc:
            self.message.setText(str(exc))
            return False
        self._announce_everything_changed()
        self.message.setText(f"Restored the backup from {info.created:%d %b %Y %H:%M}. "
                             f"The state before restoring is saved in {safety}")
        self.refresh()
        self.restored.emit(str(safety))
        return True

    def _announce_everything_changed(self) -> None:
        # The undo history refers to rows as they were before the restore: replaying it would
        # act on data that no longer exists, so it goes.
        self._store.undo_stack.clear()
        self._store.reload_settings()  # emits settings_changed
        self._store.landmarks_changed.emit()
        self._store.exercises_changed.emit()
        self._store.sessions_changed.emit()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)


def readable_size(size: int) -> str:
    """1536 → "1.5 KB"."""
    if size < 1024:
        return f"{size} bytes"
    value, unit = size / 1024, "KB"
    for bigger in ("MB", "GB"):
        if value < 1024:
            break
        value, unit = value / 1024, bigger
    return f"{value:.1f} {unit}"
