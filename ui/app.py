"""Starting the GUI: the window first, then the database (with a way out when it cannot be
opened), so the window appears as fast as a bare Qt window would.

Set OVERLOAD_STARTUP_TRACE=1 to print, on stderr, the system-wide monotonic clock when the window
is first shown and when its data is in (bench/bench_startup.py reads them).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

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


def trace(event: str) -> None:
    if os.environ.get("OVERLOAD_STARTUP_TRACE"):
        print(f"startup: {event} {time.monotonic():.6f}", file=sys.stderr, flush=True)


def open_or_offer_fresh(path: Path, *, interactive: bool, parent=None) -> Path | None:
    """Open `path`; when it cannot be used, tell the user which file and offer a fresh
    database beside it (never touching the bad one). Returns the path opened, or None."""
    from PySide6.QtWidgets import QMessageBox

    from models.db import DatabaseOpenError, DatabaseTooNewError, fresh_path_beside, open_database

    try:
        open_database(path)
        return path
    except DatabaseOpenError as exc:
        error = exc
    if not interactive:
        print(f"overload: {error}", file=sys.stderr)
        return None
    fresh = fresh_path_beside(error.path)
    box = QMessageBox(QMessageBox.Icon.Critical, "Overload cannot open its database", str(error),
                      parent=parent)
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


def load_data(window, db_path: Path, *, interactive: bool) -> bool:
    """Open the database and connect the window to it; False when the user chose to quit."""
    from ui.store import Store

    path = open_or_offer_fresh(db_path, interactive=interactive, parent=window)
    if path is None:
        return False
    window.attach(Store(), path)
    return True


def run_gui(db_path: Path | None, *, smoke: bool = False) -> int:
    from ui.main_window import MainWindow

    app = create_application()
    window = MainWindow(window_settings())
    window.show()
    path = Path(db_path or default_database_path())
    outcome = {"code": 0}

    def load() -> None:
        trace("window shown")
        if not load_data(window, path, interactive=not smoke):
            outcome["code"] = 1
            window.close()
            app.exit(1)
            return
        trace("data loaded")
        if not smoke:  # idle work: the daily backup, and pyqtgraph so charts open in ~50 ms
            QTimer.singleShot(1000, lambda: _daily_backup(window.db_path))
            QTimer.singleShot(1500, _preload_charts)
        if smoke:  # one more turn: widgets added to a shown window show on the next one
            QTimer.singleShot(0, lambda: (_smoke_check(window, outcome), app.quit()))

    QTimer.singleShot(0, load)  # after the first frame
    app.aboutToQuit.connect(_wait_for_workers)
    code = app.exec()
    return outcome["code"] or code


def _daily_backup(db_path: Path) -> None:
    from ui import transfer_actions

    transfer_actions.run_daily_backup(db_path)


def _preload_charts() -> None:
    from ui.charts_page import preload_in_background

    preload_in_background()


def _wait_for_workers() -> None:
    """Quitting while a backup or an import runs must not destroy its thread mid-write."""
    from ui.worker import wait_for_workers

    wait_for_workers()


def _smoke_check(window, outcome: dict) -> None:
    """Succeed only if the window and its library really are on screen with their data.
    (Look before quitting: quit() closes the windows.)"""
    panel = window.library_panel
    shown = (window.isVisible() and window.library.isVisible() and panel is not None
             and panel.model.rowCount() > 0)
    print(f"smoke: main window {'shown' if shown else 'NOT shown'}, database {window.db_path}")
    outcome["code"] = 0 if shown else 1
