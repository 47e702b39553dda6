"""The main window: menus, status bar, the exercise library dock and the week's volume.

The window is built in two steps so it appears about as fast as a bare Qt window (the start-up
benchmark holds it to 1.3 × a bare window): the shell (menus, saved size) needs only a few Qt
classes — not the `Qt` namespace, whose enums PySide6 builds on first use (~16 ms), reached as
QtCore.Qt from code that runs after the first frame; `attach()`
adds the dock, the pages, the status bar and the undo stack once the database is open, right after
the first frame. That is the one seam in this module's imports: the rooms under ui/ (and through
them models/ and peewee) are imported where the data half is built, never at module load; the
wizard, the transfer dialogs and the settings dialogs on first use.
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore
from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QSettings, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models import __version__

# ui.theme.THEME_KEY, read here so that the system's look (the default) never loads ui.theme
# before the first frame.
THEME_SETTING = "view/theme"

FIRST_SHARE = 0.85  # of the screen, for the window's first size

# The library, the calendar and the session editor side by side need this much width; below
# it the session editor shares the library's place as a tab.
WIDE_ENOUGH_FOR_BOTH_DOCKS = 1500
# The library dock's first width: what its names need, at most this share of the window's
# width, at least what a laptop's gave it before (the session editor shares its place there).
LIBRARY_SHARE = 0.3
MIN_LIBRARY_WIDTH = 380
# The session dock's first width beside the library; never less than the editor needs (the
# dock's scroll area does not scroll sideways: see ui.sizing.PanelScroll).
SESSION_DOCK_WIDTH = 400
SESSION_SHARE = 0.18  # of a wide window: a long exercise name stays on one line

EMPTY_PROGRAM_TEXT = QT_TRANSLATE_NOOP(
    "MainWindow",
    "<h3>Welcome to Overload</h3>"
    "<p>No program yet — Training ▸ New program… builds a mesocycle for you. Or drag exercises "
    "from the library onto a day to plan a session, and double-click a day to start one. Each "
    "muscle's weekly sets show under the calendar.</p>")


class MainWindow(QMainWindow):
    """The application window. `settings` keeps the window layout; `attach(store, db_path)`
    connects it to the data."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Overload"))
        self._settings = settings
        self._store = None
        self.db_path: Path | None = None
        self.undo_stack = None
        self.library = None
        self.library_panel = None
        self._data_actions: list[QAction] = []
        # Faults while the data is open (ui/app.py): the refused-write note shown (one at a
        # time), and whether the "save it again?" question is already on screen.
        self.write_failure_box: QMessageBox | None = None
        self.offering_save_again = False
        if settings.value(THEME_SETTING, "system") != "system":  # a chosen light or dark theme
            from ui.theme import apply_stored_theme

            apply_stored_theme(settings)
        opening = QLabel(self.tr("Opening your training log…"), objectName="openingLabel")
        # A style sheet, not Qt.AlignmentFlag: importing Qt builds its enums (~16 ms) before
        # the first frame; methods that run after it reach it as QtCore.Qt.
        opening.setStyleSheet("qproperty-alignment: AlignCenter; "
                              "color: palette(placeholder-text);")
        self.setCentralWidget(opening)
        self._build_menus()
        # A first start fills most of the screen, never more than it (a 1280×720 laptop), and
        # most of a big one (1400×860 was a small window in the corner of a 4K screen).
        available = QApplication.primaryScreen().availableGeometry()
        self.resize(min(available.width(), max(1400, round(available.width() * FIRST_SHARE))),
                    min(available.height(), max(860, round(available.height() * FIRST_SHARE))))
        geometry = self._settings.value("mainWindow/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    # The data, once the database is open.

    def attach(self, store, db_path: Path) -> None:
        """Connect the window to the open database: dock, pages, undo, enabled actions."""
        self._store, self.db_path = store, db_path
        store.setParent(self)  # the undo stack lives as long as the actions that use it
        self.finish_shell()
        self.undo_stack = store.undo_stack
        self._build_undo_actions()
        self._build_dock(store)
        self.setCentralWidget(self._build_pages(store))
        self._default_state = self.saveState()
        state = self._settings.value("mainWindow/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
            # No session is open at start: an empty Session dock would only take the
            # calendar's room (it comes back, at its saved width, when a session opens).
            self.session_dock.hide()
        else:  # once the new central widget is laid out, or the dock keeps the shell's width

            QTimer.singleShot(0, self._default_dock_sizes)
        # The status bar comes with the data: creating the first QStatusBar costs ~8 ms that
        # the first frame can do without.
        self._build_status_bar()
        self.db_label.setText(self.tr("Database: {path}").format(path=db_path))
        for action in self._data_actions:
            action.setEnabled(True)
        self.statusBar().showMessage(self.tr("Ready"), 3000)
        self._watch_import_folder(store, db_path)

    def _watch_import_folder(self, store, db_path: Path) -> None:
        from ui.transfer.import_folder import ImportFolderWatcher, saved_folder

        self.import_folder_watcher = ImportFolderWatcher(store, db_path, self)
        self.import_folder_watcher.reported.connect(
            lambda text: self.statusBar().showMessage(text, 15_000))
        folder = saved_folder(self._settings)
        # After the data's first frame: the folder's files are imported in a worker.
        QTimer.singleShot(0, lambda: self.import_folder_watcher.set_folder(folder))

    def _build_dock(self, store) -> None:

        from ui.library.library_dock import ExerciseLibraryPanel

        self.library = QDockWidget(self.tr("Exercise library"), self, objectName="exerciseLibrary")
        self.library_panel = ExerciseLibraryPanel(store, self.library)
        self.library.setWidget(self.library_panel)
        self.addDockWidget(QtCore.Qt.DockWidgetArea.LeftDockWidgetArea, self.library)
        toggle = self.library.toggleViewAction()
        toggle.setShortcut(QKeySequence("Ctrl+L"))
        self.view_menu.insertAction(self.view_menu.actions()[0], toggle)
        self._build_session_dock(store)

    def _default_dock_sizes(self) -> None:
        """Docks at a useful width, the calendar taking the rest (a saved layout overrides).
        On a screen narrower than the three side by side need (a 1280×720 or 1366×768
        laptop), the session editor shares the library's place as a tab: opening a session
        brings its tab forward, and the calendar keeps its room."""
        library = self._library_width()
        if self.width() < WIDE_ENOUGH_FOR_BOTH_DOCKS:
            self.tabifyDockWidget(self.library, self.session_dock)
            self.resizeDocks([self.library], [library], QtCore.Qt.Orientation.Horizontal)
            return
        session = max(SESSION_DOCK_WIDTH, round(self.width() * SESSION_SHARE))
        self.resizeDocks([self.library, self.session_dock], [library, session],
                         QtCore.Qt.Orientation.Horizontal)

    def _library_width(self) -> int:
        """Every exercise's name whole where the window has the room for it — up to
        LIBRARY_SHARE of its width: a 2560-px window's library shows them all, a laptop's
        elides the longest (the tooltip has them) and keeps the calendar's room."""
        panel = self.library_panel
        wanted = min(panel.preferred_width(), round(self.width() * LIBRARY_SHARE))
        return max(wanted, panel.minimumSizeHint().width(), MIN_LIBRARY_WIDTH)

    def _split_home(self) -> None:
        """The calendar as tall as it wants — a row of badges under each session's title —
        within 3/5 to 3/4 of the Plan page's height; the week's volume under it gets the rest
        (it scrolls). Qt's own split follows the size hints, and the week's are the taller.
        Done again at each resize of the page until the user moves the handle."""
        total = sum(self.home_splitter.sizes())
        if total <= 0:
            return
        wanted = self.calendar.sizeHint().height()
        calendar = max(total * 3 // 5, min(wanted, total * 3 // 4))
        self.home_splitter.setSizes([calendar, total - calendar])

    def _home_split_chosen(self) -> None:
        self.home_splitter.removeEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if watched is getattr(self, "home_splitter", None) \
                and event.type() == QtCore.QEvent.Type.Resize:
            QTimer.singleShot(0, self._split_home)  # once the splitter has laid itself out
        return super().eventFilter(watched, event)

    def _build_session_dock(self, store) -> None:
        """The session editor, docked on the right; it appears when a session is opened. The
        dock exists from the start (the saved layout places it); the editor inside is built
        the first time the dock shows, which keeps ~100 ms out of start-up."""

        self._session_editor = None
        self.session_dock = QDockWidget(self.tr("Session"), self, objectName="sessionDock")
        self.session_dock.setWidget(
            QLabel(self.tr("Double-click a session in the calendar to open it.")))
        self.session_dock.visibilityChanged.connect(self._session_dock_shown)
        self.addDockWidget(QtCore.Qt.DockWidgetArea.RightDockWidgetArea, self.session_dock)
        self.session_dock.hide()
        toggle = self.session_dock.toggleViewAction()
        toggle.setShortcut(QKeySequence("Ctrl+E"))
        self.view_menu.insertAction(self.view_menu.actions()[1], toggle)

    def _build_pages(self, store) -> QWidget:
        """Tabs: Plan (calendar and the week's volume) and Charts (built on first view)."""

        from ui.charts.charts_page import ChartsPage  # imports no pyqtgraph until a chart shows

        self.pages = QTabWidget(objectName="pages", accessibleName=self.tr("Plan and charts"))
        self.pages.setDocumentMode(True)
        self.pages.addTab(self._build_home(store), self.tr("&Plan"))
        self.charts = ChartsPage(store, self.pages)
        self.pages.addTab(self.charts, self.tr("C&harts"))
        return self.pages

    def show_plan(self) -> None:
        """The Plan page, with the keyboard on the calendar's current day."""
        self.pages.setCurrentIndex(0)
        self.calendar.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)

    def show_charts(self) -> None:
        self.pages.setCurrentWidget(self.charts)

    def export_chart(self) -> None:
        self.show_charts()
        self.charts.export_with_dialog()

    def _build_home(self, store) -> QWidget:
        """The Plan page: the welcome note (only while the log is empty), the calendar, and
        the selected week's volume under it."""

        from ui.calendar.calendar_view import SessionCalendar
        from ui.calendar.week_panel import WeekVolumePanel
        from ui.session.adjustments_panel import AdjustmentsPanel
        from ui.sizing import scrolling

        home = QWidget(objectName="homePage")
        layout = QVBoxLayout(home)
        layout.setContentsMargins(12, 8, 12, 8)
        self.empty_state = QLabel(self.tr(EMPTY_PROGRAM_TEXT), objectName="emptyState",
                                  wordWrap=True)
        self.calendar = SessionCalendar(store, home)
        # Under the calendar, one at a time: the selected week's volume, and how the feedback
        # adapts the week after it.
        self.week_tabs = QTabWidget(home, objectName="weekTabs",
                                    accessibleName=self.tr("This week"))
        self.week_panel = WeekVolumePanel(store, self.week_tabs)
        self.adjustments_panel = AdjustmentsPanel(store, self.week_tabs)
        # Each page scrolls: on a 1280×720 screen the week's table is taller than its room.
        self.week_tabs.addTab(scrolling(self.week_panel, "weekScroll"),
                              self.tr("Week volume"))
        self.week_tabs.addTab(scrolling(self.adjustments_panel, "adjustmentsScroll"),
                              self.tr("Next week"))
        # The user sets the split between the calendar and the week (kept with the layout).
        self.home_splitter = QSplitter(QtCore.Qt.Orientation.Vertical, objectName="homeSplitter")
        self.home_splitter.addWidget(self.calendar)
        self.home_splitter.addWidget(self.week_tabs)
        self.home_splitter.setStretchFactor(0, 3)
        self.home_splitter.setStretchFactor(1, 2)
        self.home_splitter.setChildrenCollapsible(False)
        self.home_splitter.installEventFilter(self)
        self.home_splitter.splitterMoved.connect(self._home_split_chosen)
        layout.addWidget(self.empty_state)
        layout.addWidget(self.home_splitter, 1)
        self.calendar.week_selected.connect(self.week_panel.show_week)
        self.calendar.week_selected.connect(self.adjustments_panel.show_week)
        self.calendar.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.store.notice.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.calendar.session_activated.connect(self.open_session)
        store.sessions_changed.connect(self._update_empty_state)
        self._update_empty_state()
        return home

    def _update_empty_state(self) -> None:
        from models.sessions import has_sessions

        self.empty_state.setVisible(not has_sessions())

    def open_session(self, session_id: int) -> None:
        """Show a session in the session editor (docked on the right)."""
        self.session_dock.show()  # first: focus only goes to a visible widget
        self.session_dock.raise_()
        self.session_editor.open_session(session_id)  # selects and focuses the load field

    @property
    def store(self):
        return self._store

    def _session_dock_shown(self, visible: bool) -> None:
        if visible:
            self.session_editor  # noqa: B018 — building it is the point

    @property
    def session_editor(self):
        """The session editor, built on first use."""
        if self._session_editor is None:
            from ui.session.session_editor import SessionEditor
            from ui.sizing import scrolling

            self._session_editor = SessionEditor(self._store, self.session_dock, self._settings)
            self.session_dock.setWidget(scrolling(self._session_editor, "sessionScroll"))
        return self._session_editor

    # Menus.

    def _action(self, text: str, slot, shortcut: str = "", name: str = "", *,
                needs_data: bool = False) -> QAction:
        """A menu action; `shortcut` as _key_sequence() reads it."""
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(_key_sequence(shortcut))
        if name:
            action.setObjectName(name)
        action.triggered.connect(slot)
        if needs_data:
            action.setEnabled(False)
            self._data_actions.append(action)
        return action

    def _build_menus(self) -> None:
        """The menu bar's titles. Their items come with finish_shell(), after the first frame:
        twenty QActions with their key sequences are ~3 ms the first frame can do without."""
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.view_menu = bar.addMenu(self.tr("&View"))
        self.training_menu = bar.addMenu(self.tr("&Training"))
        self.help_menu = bar.addMenu(self.tr("&Help"))

    def finish_shell(self) -> None:
        """What the shell adds after the first frame, once: the menus' items, and saving the
        layout on close. run_gui calls this right after the first frame (before the database
        opens, so Quit and About are there whatever happens), attach() if it has not."""
        if self.file_menu.actions():
            return
        self._fill_menus()

    def _fill_menus(self) -> None:
        self.file_menu.addAction(self._action(self.tr("&Import…"), self.import_file,
                                              "Ctrl+I", "importAction",
                                              needs_data=True))
        self.file_menu.addAction(self._action(self.tr("Import &history…"), self.show_import_history,
                                              name="importHistoryAction", needs_data=True))
        self.file_menu.addAction(self._action(self.tr("&Export…"), self.export_file,
                                              "Ctrl+Shift+X", "exportAction",
                                              needs_data=True))
        self.file_menu.addAction(self._action(self.tr("&Restore backup…"), self.restore_backup,
                                              name="restoreAction", needs_data=True))
        self.file_menu.addSeparator()
        self.file_menu.addAction(self._action(self.tr("Export &chart…"), self.export_chart,
                                              "Ctrl+Shift+S", "exportChartAction",
                                              needs_data=True))
        self.file_menu.addAction(self._action(self.tr("&Print…"), self.print_sheets,
                                              "Print", "printAction", needs_data=True))
        self.file_menu.addSeparator()
        self.file_menu.addAction(self._action(self.tr("&Quit"), self.close, "Quit",
                                              "quitAction"))
        self.edit_menu.addAction(self._action(self.tr("&Preferences…"), self.edit_preferences,
                                              "Preferences",
                                              "preferencesAction", needs_data=True))
        self.view_menu.addAction(self._action(self.tr("&Plan"), self.show_plan,
                                              "Ctrl+1", "showPlanAction",
                                              needs_data=True))
        self.view_menu.addAction(self._action(self.tr("C&harts"), self.show_charts,
                                              "Ctrl+2", "showChartsAction",
                                              needs_data=True))
        self.view_menu.addSeparator()
        self.view_menu.addAction(self._action(self.tr("&Reset layout"), self.reset_layout,
                                              name="resetLayout"))
        from ui.theme import theme_menu

        self.view_menu.addMenu(theme_menu(self, self._settings))
        self._fill_training_menu(self.training_menu)
        self.help_menu.addAction(self._action(self.tr("&About Overload"), self.about,
                                              name="aboutAction"))
        self.help_menu.addAction(self._action(self.tr("About &Qt"), QApplication.aboutQt))

    def _build_undo_actions(self) -> None:

        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setObjectName("undoAction")
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        redo.setObjectName("redoAction")
        first = self.edit_menu.actions()[0]
        self.edit_menu.insertActions(first, [undo, redo])
        self.edit_menu.insertSeparator(first)
        self.undo_stack.indexChanged.connect(self._announce_change)

    def _fill_training_menu(self, menu) -> None:
        menu.addAction(self._action(self.tr("&New program…"), self.new_program,
                                    "New", "newProgramAction",
                                    needs_data=True))
        menu.addAction(self._action(self.tr("Ne&xt mesocycle…"), self.next_mesocycle,
                                    name="nextMesocycleAction", needs_data=True))
        menu.addSeparator()
        menu.addAction(self._action(self.tr("Volume &landmarks…"), self.edit_landmarks,
                                    "Ctrl+Shift+L", "landmarksAction",
                                    needs_data=True))
        menu.addAction(self._action(self.tr("New &exercise…"),
                                    lambda: self.library_panel.new_exercise(),

                                    "Ctrl+Shift+E", "newExerciseAction",
                                    needs_data=True))

    def _build_status_bar(self) -> None:
        self.db_label = QLabel(objectName="dbLabel")
        bar = self.statusBar()
        bar.addPermanentWidget(self.db_label)
        # A fixed height: a message coming or going must not re-lay out (and so repaint) the
        # whole window; every drop and logged set shows one.
        bar.setFixedHeight(bar.sizeHint().height())

    def _announce_change(self) -> None:
        command = self.undo_stack.command(self.undo_stack.index() - 1)
        if command is not None:
            self.statusBar().showMessage(self.tr("Done: {change}").format(change=command.text()),
                                         4000)

    # Actions.

    def import_file(self) -> None:
        from ui.transfer import transfer_actions

        transfer_actions.import_file(self, self._store)

    def show_import_history(self) -> None:
        from ui.transfer.import_folder import ImportHistoryDialog

        dialog = ImportHistoryDialog(self)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def export_file(self) -> None:
        from ui.transfer import transfer_actions

        transfer_actions.export_file(self)

    def restore_backup(self) -> None:
        from ui.transfer import transfer_actions

        transfer_actions.restore_backup(self, self._store, self.db_path)

    def print_sheets(self) -> None:
        from ui.printing.print_dialog import PrintSheetsDialog  # loaded on first use

        dialog = PrintSheetsDialog(self.db_path, self)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.print_dialog = dialog

    def new_program(self) -> None:

        from ui.wizard.program_wizard import ProgramWizard  # loaded on first use, not at start-up

        wizard = ProgramWizard(self._store, self)
        # Not modal: the exercise library dock stays usable as a drag source.
        wizard.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.show()
        self.program_wizard = wizard

    def next_mesocycle(self) -> None:
        from ui.wizard.next_mesocycle import open_next_mesocycle  # loaded on first use

        wizard = open_next_mesocycle(self, self._store)
        if wizard is not None:
            self.program_wizard = wizard

    def edit_landmarks(self) -> None:
        from ui.commands import SetLandmarksCommand
        from ui.settings.landmarks_dialog import LandmarksEditor

        before = self._store.landmarks()
        dialog = LandmarksEditor(before, self)
        if dialog.exec() == LandmarksEditor.DialogCode.Accepted:
            after = {k: v for k, v in dialog.values().items() if v != before[k]}
            if after:
                self._store.push(SetLandmarksCommand(self._store, before, after))

    def edit_preferences(self) -> None:
        from ui.commands import SetSettingsCommand
        from ui.settings.preferences_dialog import PreferencesDialog
        from ui.transfer.import_folder import FOLDER_KEY, saved_folder

        before = self._store.settings
        folder = saved_folder(self._settings)
        dialog = PreferencesDialog(before, self, import_folder=folder)
        if dialog.exec() != PreferencesDialog.DialogCode.Accepted:
            return
        if dialog.import_folder() != folder:
            self._settings.setValue(FOLDER_KEY, str(dialog.import_folder() or ""))
            self.import_folder_watcher.set_folder(dialog.import_folder())
        if dialog.result_settings() != before:
            self._store.push(SetSettingsCommand(self._store, before, dialog.result_settings()))

    def about(self) -> None:

        QMessageBox.about(
            self, self.tr("About Overload"),
            self.tr("<h3>Overload {version}</h3><p>Plan and log resistance training for muscle "
                    "growth, offline. Volume landmarks after Renaissance Periodization; "
                    "fractional counting after Pelland et al. 2024.</p><p>Database: {path}</p>")
            .format(version=__version__, path=self.db_path))

    # Layout.

    def reset_layout(self) -> None:
        if self.library is not None:
            self.restoreState(self._default_state)
            self.library.show()
            self._default_dock_sizes()

    def closeEvent(self, event) -> None:
        self.save_layout()
        super().closeEvent(event)

    def save_layout(self) -> None:
        """Keep the window's size and place, and its docks' layout, for the next start."""
        self._settings.setValue("mainWindow/geometry", self.saveGeometry())
        if self.library is not None:  # before attach the dock layout is unknown: keep the old
            self._settings.setValue("mainWindow/state", self.saveState())
        self._settings.sync()


def _key_sequence(shortcut: str):
    """A QKeySequence.StandardKey by name ("Quit": the platform's own keys), else a portable
    key sequence ("Ctrl+Shift+X")."""

    standard = getattr(QKeySequence.StandardKey, shortcut, None)
    return standard if standard is not None else QKeySequence(shortcut)
