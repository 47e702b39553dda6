"""The main window: menus, status bar, the exercise library dock and the week's volume."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from models import __version__
from ui.commands import SetLandmarksCommand, SetSettingsCommand
from ui.landmarks_dialog import LandmarksEditor
from ui.library_dock import ExerciseLibraryDock
from ui.preferences_dialog import PreferencesDialog
from ui.week_panel import WeekVolumePanel

EMPTY_PROGRAM_TEXT = (
    "<h2>Welcome to Overload</h2>"
    "<p>No program yet — Training ▸ New program… builds a mesocycle for you. Browse the "
    "exercise library on the left, tune your volume landmarks (Training ▸ Volume landmarks…), "
    "and watch each muscle's weekly sets below.</p>")


class MainWindow(QMainWindow):
    """The application window; `store` is the data door, `settings` keeps window layout."""

    def __init__(self, store, db_path: Path, settings: QSettings,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Overload")
        self._store = store
        self._settings = settings
        self.db_path = db_path
        self.library = ExerciseLibraryDock(store, self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library)
        self.resizeDocks([self.library], [430], Qt.Orientation.Horizontal)
        self.setCentralWidget(self._build_home())
        self._build_menus()
        self._build_status_bar()
        self._default_state = self.saveState()
        self.resize(1200, 800)
        self._restore_layout()

    def _build_home(self) -> QWidget:
        home = QWidget(objectName="homePage")
        layout = QVBoxLayout(home)
        layout.setContentsMargins(16, 12, 16, 12)
        self.empty_state = QLabel(EMPTY_PROGRAM_TEXT, objectName="emptyState", wordWrap=True)
        self.week_panel = WeekVolumePanel(self._store, home)
        layout.addWidget(self.empty_state)
        layout.addWidget(self.week_panel, 1)
        return home

    def _action(self, text: str, slot, shortcut=None, name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        if name:
            action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self._action("&Quit", self.close, QKeySequence.StandardKey.Quit,
                                         "quitAction"))

        edit_menu = bar.addMenu("&Edit")
        undo = self._store.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setObjectName("undoAction")
        redo = self._store.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        redo.setObjectName("redoAction")
        edit_menu.addActions([undo, redo])
        edit_menu.addSeparator()
        edit_menu.addAction(self._action("&Preferences…", self.edit_preferences,
                                         QKeySequence.StandardKey.Preferences,
                                         "preferencesAction"))

        view_menu = bar.addMenu("&View")
        toggle = self.library.toggleViewAction()
        toggle.setShortcut(QKeySequence("Ctrl+L"))
        view_menu.addAction(toggle)
        view_menu.addAction(self._action("&Reset layout", self.reset_layout, name="resetLayout"))

        training_menu = bar.addMenu("&Training")
        training_menu.addAction(self._action("&New program…", self.new_program,
                                             QKeySequence.StandardKey.New, "newProgramAction"))
        training_menu.addSeparator()
        training_menu.addAction(self._action("Volume &landmarks…", self.edit_landmarks,
                                             QKeySequence("Ctrl+Shift+L"), "landmarksAction"))
        training_menu.addAction(self._action("New &exercise…", self.library.new_exercise,
                                             QKeySequence("Ctrl+Shift+E"), "newExerciseAction"))

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self._action("&About Overload", self.about, name="aboutAction"))
        help_menu.addAction(self._action("About &Qt", QApplication.aboutQt))

    def _build_status_bar(self) -> None:
        self.db_label = QLabel(f"Database: {self.db_path}", objectName="dbLabel")
        self.statusBar().addPermanentWidget(self.db_label)
        self._store.undo_stack.indexChanged.connect(self._announce_change)
        self.statusBar().showMessage("Ready", 3000)

    def _announce_change(self) -> None:
        stack = self._store.undo_stack
        command = stack.command(stack.index() - 1)
        if command is not None:
            self.statusBar().showMessage(f"Done: {command.text()}", 4000)

    def new_program(self) -> None:
        from ui.program_wizard import ProgramWizard  # loaded on first use, not at start-up

        wizard = ProgramWizard(self._store, self)
        # Not modal: the exercise library dock stays usable as a drag source.
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.show()
        self.program_wizard = wizard

    def edit_landmarks(self) -> None:
        before = self._store.landmarks()
        dialog = LandmarksEditor(before, self)
        if dialog.exec() == LandmarksEditor.DialogCode.Accepted:
            after = {k: v for k, v in dialog.values().items() if v != before[k]}
            if after:
                self._store.push(SetLandmarksCommand(self._store, before, after))

    def edit_preferences(self) -> None:
        before = self._store.settings
        dialog = PreferencesDialog(before, self)
        if dialog.exec() == PreferencesDialog.DialogCode.Accepted \
                and dialog.result_settings() != before:
            self._store.push(SetSettingsCommand(self._store, before, dialog.result_settings()))

    def about(self) -> None:
        QMessageBox.about(
            self, "About Overload",
            f"<h3>Overload {__version__}</h3><p>Plan and log resistance training for muscle "
            "growth, offline. Volume landmarks after Renaissance Periodization; fractional "
            f"counting after Pelland et al. 2024.</p><p>Database: {self.db_path}</p>")

    def reset_layout(self) -> None:
        self.restoreState(self._default_state)
        self.library.show()

    def _restore_layout(self) -> None:
        geometry = self._settings.value("mainWindow/geometry")
        state = self._settings.value("mainWindow/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def closeEvent(self, event) -> None:
        self._settings.setValue("mainWindow/geometry", self.saveGeometry())
        self._settings.setValue("mainWindow/state", self.saveState())
        self._settings.sync()
        super().closeEvent(event)
