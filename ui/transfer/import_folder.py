"""The import folder (Edit ▸ Preferences…): a folder a phone syncs its Strong, Hevy or FitNotes
exports into, imported at start and whenever it changes while the app runs; and File ▸ Import
history…, the list of every file imported.

The folder is this computer's (a path), so it is kept with the window's settings, not in the
database. A change in the folder is acted on after it has been quiet for SETTLE_MS — a sync
writes a file in several steps. The import runs in a worker (models.io.import_log.import_folder:
each version of a file once); the status bar says what each file added, or why it was not
imported — once, as the history keeps it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.io.import_log import FolderOutcome, import_folder, import_history
from ui.locale_text import QT_TRANSLATE_NOOP, sortable_date_time, translate
from ui.sizing import fit_to_screen
from ui.worker import run_in_worker

FOLDER_KEY = "import/folder"
ORIGIN_NAMES = {"dialog": QT_TRANSLATE_NOOP("ImportHistoryDialog", "File ▸ Import…"),
                "command": QT_TRANSLATE_NOOP("ImportHistoryDialog", "Command line"),
                "folder": QT_TRANSLATE_NOOP("ImportHistoryDialog", "Import folder")}
SETTLE_MS = 1500


def saved_folder(settings: QSettings) -> Path | None:
    value = settings.value(FOLDER_KEY, "")
    return Path(value) if isinstance(value, str) and value else None


class ImportFolderWatcher(QObject):
    """Watches the import folder; `reported` carries each status-bar message."""

    reported = Signal(str)
    finished = Signal()  # one pass over the folder is done (for tests and the status bar)

    def __init__(self, store, db_path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self._store, self._db_path = store, db_path
        self.folder: Path | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._changed)
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self.scan)
        self._busy = self._again = False

    def set_folder(self, folder: Path | None) -> None:
        """Watch `folder` (None: none) and import what is already there."""
        if self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())
        self.folder = folder
        if folder is None:
            return
        if not folder.is_dir():
            self.reported.emit(self.tr("The import folder {folder} is not there: nothing is "
                                       "imported from it (Edit ▸ Preferences… to choose "
                                       "another).").format(folder=folder))
            return
        self._watcher.addPath(str(folder))
        self.scan()

    def _changed(self, _path: str) -> None:
        self._settle.start()  # restarted by each change: act once the sync is quiet

    def scan(self) -> None:
        """Import what is new in the folder, in a worker; one pass at a time."""
        if self.folder is None:
            return
        if self._busy:
            self._again = True
            return
        self._busy, folder = True, self.folder
        run_in_worker(self, lambda _report: import_folder(folder, self._db_path),
                      on_done=self._done, on_error=self._failed)

    def _done(self, outcomes: object) -> None:
        assert isinstance(outcomes, list)
        self._busy = False
        for outcome in outcomes:
            self.reported.emit(outcome_text(outcome))
        if any(o.summary is not None and o.summary.workouts for o in outcomes):
            self._store.sessions_changed.emit()
        if any(o.summary is not None and o.summary.new_exercises for o in outcomes):
            self._store.exercises_changed.emit()
        self._finish()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self.reported.emit(self.tr("The import folder {folder} could not be read: {error}")
                           .format(folder=self.folder, error=error))
        self._finish()

    def _finish(self) -> None:
        if self._again:
            self._again = False
            self.scan()
            return
        self.finished.emit()


def outcome_text(outcome: FolderOutcome) -> str:
    name = outcome.file.name
    summary = outcome.summary
    if summary is None:
        return translate("ImportFolderWatcher", "Import folder: {file} was not imported — "
                                                "{problem}").format(file=name,
                                                                    problem=outcome.problem)
    if not summary.workouts:
        return translate("ImportFolderWatcher", "Import folder: {file} has nothing new.").format(
            file=name)
    text = translate("ImportFolderWatcher", "Import folder: {workouts} workout(s), {sets} "
                                            "set(s) from {file}").format(
        workouts=summary.workouts, sets=summary.sets, file=name)

    if summary.filled_planned:
        text += translate("ImportFolderWatcher", "; {count} filled a planned session").format(
            count=summary.filled_planned)
    return text + "."


class ImportHistoryDialog(QDialog):
    """File ▸ Import history…: every file imported, newest first, with what it added."""

    COLUMNS = (QT_TRANSLATE_NOOP("ImportHistoryDialog", "When"),
               QT_TRANSLATE_NOOP("ImportHistoryDialog", "File"),
               QT_TRANSLATE_NOOP("ImportHistoryDialog", "How"),
               QT_TRANSLATE_NOOP("ImportHistoryDialog", "What it added"))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importHistoryDialog")
        self.setWindowTitle(self.tr("Import history"))
        fit_to_screen(self, 820, 420)
        layout = QVBoxLayout(self)
        records = import_history()
        self.table = QTableWidget(len(records), len(self.COLUMNS), self,
                                  objectName="importHistoryTable")
        self.table.setAccessibleName(self.tr("Import history"))
        self.table.setHorizontalHeaderLabels([self.tr(title) for title in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for row, record in enumerate(records):
            cells = (sortable_date_time(record.imported_at), Path(record.file).name,
                     self.tr(ORIGIN_NAMES[record.origin]), record.added)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(record.file if column == 1 else text)
                self.table.setItem(row, column, item)
        empty = QLabel(self.tr("No file imported yet: File ▸ Import…, or an import folder in "
                               "Edit ▸ Preferences…."), objectName="importHistoryEmpty")

        empty.setVisible(not records)
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(empty)
        layout.addWidget(self.table)
        self.table.setVisible(bool(records))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
