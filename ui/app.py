"""Starting the GUI: the QApplication, the database (with a way out when it cannot be opened)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from models.db import DatabaseOpenError, DatabaseTooNewError, fresh_path_beside, open_database
from models.paths import APP_NAME, default_database_path
from models.resources import resource_path


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("overload")
    icon = resource_path("icons/overload.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def window_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)


def open_or_offer_fresh(path: Path, *, interactive: bool) -> Path | None:
    """Open `path`; when it cannot be used, tell the user which file and offer a fresh
    database beside it (never touching the bad one). Returns the path opened, or None."""
    try:
        open_database(path)
        return path
    except DatabaseOpenError as exc:
        error = exc
    if not interactive:
        print(f"overload: {error}", file=sys.stderr)
        return None
    fresh = fresh_path_beside(error.path)
    box = QMessageBox(QMessageBox.Icon.Critical, "Overload cannot open its database", str(error))
    if isinstance(error, DatabaseTooNewError):
        box.setInformativeText("You can start a new, empty database beside it instead.")
    else:
        box.setInformativeText(
            f"The file was not changed. You can start a new, empty database beside it:\n{fresh}")
    start = box.addButton("Start a fresh database", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not start:
        return None
    open_database(fresh)
    return fresh


def run_gui(db_path: Path | None, *, smoke: bool = False) -> int:
    from ui.main_window import MainWindow
    from ui.store import Store

    app = create_application()
    path = open_or_offer_fresh(Path(db_path or default_database_path()), interactive=not smoke)
    if path is None:
        return 1
    store = Store()
    window = MainWindow(store, path, window_settings())
    window.show()
    if smoke:
        return _smoke(app, window, path)
    return app.exec()


def _smoke(app: QApplication, window, path: Path) -> int:
    """Run the event loop once; succeed only if the main window really was shown."""
    seen = {}

    def check_and_quit() -> None:  # quit() closes windows, so look before quitting
        seen["shown"] = window.isVisible() and window.library.isVisible()
        app.quit()

    QTimer.singleShot(0, check_and_quit)
    app.exec()
    shown = seen.get("shown", False)
    print(f"smoke: main window {'shown' if shown else 'NOT shown'}, database {path}")
    return 0 if shown else 1
