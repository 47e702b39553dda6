"""Starting the GUI: the window first, then the database (with a way out when it cannot be
opened), so the window appears as fast as a bare Qt window would.

Set OVERLOAD_STARTUP_TRACE=1 to print, on stderr, the system-wide monotonic clock when the window
is first shown and when its data is in (bench/bench_startup.py reads them).
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from models.storage.paths import APP_NAME, default_database_path
from models.storage.resources import resource_path

if TYPE_CHECKING:
    from PySide6.QtCore import QLocale, QTranslator

log = logging.getLogger(__name__)

# ui.locale_text.translate, named here so that the first frame does not wait for that module
# (it is imported where a date is written, after the first frame).
translate = QCoreApplication.translate

# Under resources/: overload_<language>.qm, compiled from overload.ts (README: Translating).
TRANSLATIONS_FOLDER = "translations"


def create_application(argv: list[str] | None = None, *, icon: bool = True) -> QApplication:
    """The application object, named for its settings and data folders and for the desktop's
    menu entry; with the window icon unless `icon` is False (run_gui sets it after the first
    frame)."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("overload")  # before any window: Wayland's app_id is set once
    install_translations(app)  # before any window: widgets take their text when built
    if icon:
        set_window_icon(app)
    return app


def install_translations(app: QApplication, locale: QLocale | None = None,
                         folder: Path | None = None) -> list[QTranslator]:
    """Overload in the language of `locale` (the system's), when a translation for it ships
    as resources/translations/overload_<language>.qm, and Qt's own dialogs and buttons in the
    same language where Qt's translations are found. The translators installed; none when no
    translation fits (the English source text stays). With no .qm at all this is one directory
    listing: the first frame waits for nothing else."""
    folder = folder or resource_path(TRANSLATIONS_FOLDER)
    try:
        if not any(name.endswith(".qm") for name in os.listdir(folder)):
            return []
    except OSError:  # no translations folder: English only
        return []
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator  # only with a translation

    locale = locale or QLocale.system()
    overload = QTranslator(app)
    if not overload.load(locale, "overload", "_", str(folder)):
        return []
    installed = [overload]
    qt_own = QTranslator(app)  # QDialogButtonBox's Cancel, the file dialogs…
    if qt_own.load(locale, "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        installed.append(qt_own)
    for translator in installed:
        app.installTranslator(translator)
    return installed




def set_window_icon(app: QApplication) -> None:
    """The Overload icon for every window and the taskbar. Loading it starts Qt's SVG icon
    engine (its plugin and the QtSvg library, ~2 ms), which the first frame can do without."""
    path = resource_path("icons/overload.svg")
    if path.exists():
        app.setWindowIcon(QIcon(str(path)))


def window_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)


def trace(event: str) -> None:
    if os.environ.get("OVERLOAD_STARTUP_TRACE"):
        print(f"startup: {event} {time.monotonic():.6f}", file=sys.stderr, flush=True)


def open_or_offer_fresh(path: Path, *, interactive: bool, parent=None) -> Path | None:
    """Open `path`; when it cannot be used, tell the user which file and offer a fresh
    database beside it (never touching the bad one) or, for a damaged file with a good backup,
    to restore the newest backup in its place (the damaged file is kept, renamed). A database
    that cannot be written is only explained. Returns the path opened, or None."""
    # models/ (and peewee) load after the first frame: this runs then, never at import.
    from models.opening import open_database
    from models.storage.connection import fresh_path_beside
    from models.storage.db import DatabaseOpenError, DatabaseTooNewError, ReadOnlyDatabaseError
    from ui.locale_text import date_time, day_month_year

    try:
        open_database(path)
        return path
    except DatabaseOpenError as exc:
        error = exc
    if not interactive:
        print(f"overload: {error}", file=sys.stderr)
        return None
    fresh = fresh_path_beside(error.path)
    box = QMessageBox(QMessageBox.Icon.Critical,
                      translate("App", "Overload cannot open its database"), str(error),
                      parent=parent)
    if isinstance(error, ReadOnlyDatabaseError):  # a fresh one beside it could not be written
        box.setInformativeText(translate(
            "App", "Make the file and its folder writable, or open another database with --db."))
        box.addButton(translate("App", "Quit"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return None
    backup = None if isinstance(error, DatabaseTooNewError) else _newest_good_backup(error.path)
    if isinstance(error, DatabaseTooNewError):
        box.setInformativeText(translate(
            "App", "You can start a new, empty database beside it instead."))
    elif backup is not None:
        box.setInformativeText(translate(
            "App", "You can restore the backup of {when} in its place (the damaged file is kept, "
            "renamed), or start a new, empty database beside it:\n{fresh}").format(
                when=date_time(backup.created), fresh=fresh))
    else:
        box.setInformativeText(translate(
            "App", "The file was not changed. You can start a new, empty database beside it:\n"
            "{fresh}").format(fresh=fresh))
    restore = None if backup is None else box.addButton(
        translate("App", "Restore the backup of {day}").format(
            day=day_month_year(backup.created)), QMessageBox.ButtonRole.AcceptRole)
    start = box.addButton(translate("App", "Start a fresh database"),
                          QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("App", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if restore is not None and box.clickedButton() is restore:
        return _restore_in_place(error.path, backup, parent)
    if box.clickedButton() is not start:
        return None
    open_database(fresh)
    return fresh


def _newest_good_backup(path: Path):
    """The newest backup of `path` that can be restored (models.storage.backups.check_backup),
    or None."""
    from models.storage.backups import BackupError, check_backup, list_backups

    for backup in list_backups(path):
        try:
            check_backup(backup.path)
        except BackupError:
            continue
        return backup
    return None


def _restore_in_place(path: Path, backup, parent) -> Path | None:
    from models.opening import open_database
    from models.storage.backups import BackupError
    from models.storage.connection import replace_damaged_with_backup
    from models.storage.db import DatabaseOpenError
    from ui.locale_text import date_time

    try:
        kept = replace_damaged_with_backup(path, backup.path)
        open_database(path)
    except (BackupError, DatabaseOpenError, OSError) as exc:
        QMessageBox.critical(
            parent, translate("App", "Overload could not restore the backup"),
            translate("App", "{backup} could not be restored in place of {path}: {error}").format(
                backup=backup.path, path=path, error=exc))
        return None
    text = translate("App", "Restored the backup of {when} in place of {path}; the damaged file "
                            "was kept as {kept}.").format(
        when=date_time(backup.created), path=path, kept=kept)
    if parent is not None and hasattr(parent, "statusBar"):  # after attach() says "Ready"
        QTimer.singleShot(0, lambda: parent.statusBar().showMessage(text, 60_000))
    print(f"overload: {text}", file=sys.stderr)
    return path


def load_data(window, db_path: Path, *, interactive: bool) -> bool:
    """Open the database and connect the window to it; False when the user chose to quit."""
    path = open_or_offer_fresh(db_path, interactive=interactive, parent=window)
    if path is None:
        return False
    connect_data(window, path)
    return True


def connect_data(window, path: Path) -> None:
    """The window connected to the open database at `path`."""
    from ui.store import Store

    store = Store(db_path=path)
    watch_database(window, store)
    window.attach(store, path)


def import_storage() -> None:
    """models/ and peewee, imported as a step of their own (see import_data_half)."""
    import models.opening  # noqa: F401 — the import is the point


def import_data_half() -> None:
    """The modules attach() builds the window's data half from, imported as a step of its own:
    a key press (Ctrl+Q) between the steps is handled at once, not after the whole load."""
    import ui.calendar.calendar_view  # the imports are the point
    import ui.charts.charts_page
    import ui.library.library_dock
    import ui.session.adjustments_panel
    import ui.store  # noqa: F401


def run_gui(db_path: Path | None, *, smoke: bool = False) -> int:
    from ui.main_window import MainWindow

    app = create_application(icon=False)
    window = MainWindow(window_settings())
    window.show()
    path = Path(db_path or default_database_path())
    outcome: dict = {"code": 0}

    def step(work) -> None:
        """Run one loading step on the next event-loop turn, unless the user closed the
        window meanwhile (then there is nothing left to load)."""
        def run() -> None:
            if not window.isVisible():
                return
            try:
                work()
            except Exception:  # a slot's exception would leave an empty window (or a hung --smoke)
                log.exception("Overload could not start")
                _refuse_to_start(
                    translate("App", "Overload could not start:\n{details}").format(
                        details=traceback.format_exc(limit=3)),
                    translate("App", "Overload could not start"), not smoke, window)
                give_up()
        QTimer.singleShot(0, run)

    def give_up() -> None:
        outcome["code"] = 1
        window.close()
        app.exit(1)

    def take_lock() -> None:
        trace("window painted")
        window.finish_shell()
        set_window_icon(app)  # the window manager picks up the change at once
        # One writer per database: another Overload on it means quit before touching it.
        outcome["lock"] = take_instance_lock(path, interactive=not smoke, parent=window)
        if outcome["lock"] is None:
            give_up()
            return
        step(import_storage)
        step(open_file)

    def open_file() -> None:
        outcome["path"] = open_or_offer_fresh(path, interactive=not smoke, parent=window)
        if outcome["path"] is None:
            give_up()
            return
        step(import_data_half)
        step(fill_window)

    def fill_window() -> None:
        connect_data(window, outcome["path"])
        trace("data loaded")
        if not smoke:  # idle work: the daily backup, and pyqtgraph so charts open in ~50 ms
            app.applicationStateChanged.connect(lambda state: _check_database_file(window, state))
            QTimer.singleShot(1000, lambda: _daily_backup(window.db_path))
            QTimer.singleShot(1500, _preload_charts)
        if smoke:  # one more turn: widgets added to a shown window show on the next one
            QTimer.singleShot(0, lambda: _smoke_check_and_quit(window, outcome, app))

    QTimer.singleShot(0, lambda: trace("window shown"))  # the benchmark's mark, as before
    after_first_paint(window, lambda: step(take_lock))
    app.aboutToQuit.connect(_stop_work)
    code = app.exec()
    _close_database()
    if hasattr(outcome.get("lock"), "unlock"):
        outcome["lock"].unlock()
    trace("closed")
    return outcome["code"] or code


class _FirstPaint(QObject):
    """Runs `then` once the window's first frame is on screen. The database opens in one
    blocking step (a second or more for years of data on a busy machine): run before the
    window server's expose is handled, it leaves a mapped window unpainted — black — all that
    time. A window that is never exposed (started minimized) still loads after a second."""

    def __init__(self, window, then) -> None:
        super().__init__(window)
        self._then, self._done = then, False
        handle = window.windowHandle()
        handle.installEventFilter(self)
        QTimer.singleShot(1000, self._run)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Expose and watched.isExposed():
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._run)  # after this expose is painted and flushed
        return False

    def _run(self) -> None:
        if not self._done:
            self._done = True
            self._then()


def after_first_paint(window, then) -> None:
    _FirstPaint(window, then)


def _stop_work() -> None:
    """Quitting: the idle work stops at once (the daily backup is interrupted and leaves no
    file), then the workers still running are waited for — an import or a restore ends its
    transaction, never dies mid-write."""
    trace("quitting")
    from models.storage.backups import stop_daily_backups
    from ui.worker import wait_for_workers

    stop_daily_backups()
    wait_for_workers(closing=True)


def _close_database() -> None:
    from models.storage.db import close_database

    close_database()  # the WAL is checkpointed into the file now, not left for the next start


def _daily_backup(db_path: Path) -> None:
    from ui.transfer import transfer_actions

    transfer_actions.run_daily_backup(db_path)


def _preload_charts() -> None:
    from ui.charts.chart_plots import preload_in_background

    preload_in_background()


def _smoke_check_and_quit(window, outcome: dict, app) -> None:
    outcome["code"] = 1  # until the check says otherwise: an exception in it is a failure
    try:
        _smoke_check(window, outcome)
    finally:
        app.quit()


def _smoke_check(window, outcome: dict) -> None:
    """Succeed only if the window and its library really are on screen with their data, and
    the charts draw. (Look before quitting: quit() closes the windows.)"""
    panel = window.library_panel
    shown = (window.isVisible() and window.library.isVisible() and panel is not None
             and panel.model.rowCount() > 0)
    print(f"smoke: main window {'shown' if shown else 'NOT shown'}, database {window.db_path}")
    failure = _smoke_charts(window)
    print(f"smoke: charts {'drawn' if failure is None else 'NOT drawn: ' + failure}")
    outcome["code"] = 0 if shown and failure is None else 1


def _smoke_charts(window) -> str | None:
    """Draw every chart and export it as PNG, which needs pyqtgraph, numpy and Qt's image
    code all present (a packaged build that lost one of them fails here, not in a user's
    hands). None when all went well, else what failed."""
    from ui.charts.charts_page import CHART_KEYS

    try:
        window.show_charts()
        with tempfile.TemporaryDirectory(prefix="overload-smoke-") as folder:
            for key in CHART_KEYS:
                window.charts.show_chart(key)
                image = Path(folder) / f"{key}.png"
                window.charts.export_current(image)
                if image.stat().st_size == 0:
                    return f"the {key} chart exported an empty image"
    except Exception as exc:  # whatever is missing, say it: this is the check
        return f"{type(exc).__name__}: {exc}"
    finally:
        window.pages.setCurrentIndex(0)
    return None


# --- faults: another instance, refused writes, a database file that went away -----------------

def take_instance_lock(path: Path, *, interactive: bool, parent=None):
    """This process's lock on the database (ui/instance_lock.py): a locked QLockFile; True when
    no lock file can be made there (a read-only or missing folder: opening the database then
    says what is wrong); None when another Overload has the database open, or something that
    is not a lock file has the lock's name — the user was told, and the caller quits without
    touching the database."""
    from ui.instance_lock import (
        LockPathBlockedError,
        LockUnavailableError,
        acquire_instance_lock,
        already_open_text,
    )

    try:
        lock = acquire_instance_lock(path)
    except LockPathBlockedError as exc:
        return _refuse_to_start(str(exc), translate("App", "Overload cannot lock the database"),
                                interactive, parent)
    except LockUnavailableError:
        return True
    if lock is not None:
        return lock
    return _refuse_to_start(already_open_text(path), translate("App", "Overload is already open"),
                            interactive, parent)


def _refuse_to_start(text: str, title: str, interactive: bool, parent) -> None:
    """Say why this instance will not open the database (a box, or stderr); None."""
    if not interactive:
        print(f"overload: {text}", file=sys.stderr)
        return None
    QMessageBox.information(parent, title, text)
    return None


def watch_database(window, store) -> None:
    """Show the store's refused writes, and offer to save a database file deleted meanwhile."""
    store.write_failed.connect(lambda message: show_write_failure(window, message))
    store.database_lost.connect(lambda status: offer_to_save_again(window, store, status))


def show_write_failure(window, message: str) -> None:
    """A window-modal note (not blocking: a drop that failed five times shows it once)."""
    box = window.write_failure_box
    if box is not None and box.isVisible():
        return
    box = QMessageBox(QMessageBox.Icon.Warning, translate("App", "Overload could not save"),
                      message, QMessageBox.StandardButton.Ok, window)
    box.setObjectName("writeFailureBox")
    box.setInformativeText(translate(
        "App", "That change was not made. Everything saved before it is safe. Free some disk "
        "space or make the file writable, then try again."))
    window.write_failure_box = box
    box.open()


def offer_to_save_again(window, store, status: str) -> None:
    """The database file was deleted or moved ("missing") or another file took its name
    ("replaced"): offer to write what is open (every committed change) to a file again and go
    on there — its own path when missing, a new file beside it when replaced."""
    from models.storage.connection import fresh_path_beside, save_open_database_as

    if window.offering_save_again:
        return
    path = store.db_path
    target = path if status == "missing" else fresh_path_beside(path)
    if status == "missing":
        text = translate(
            "App", "{path} was deleted or moved while Overload had it open. Everything saved "
            "until now is still open here, but nothing can be saved to a file that is gone, "
            "and it would be lost when Overload closes.").format(path=path)
    else:
        text = translate(
            "App", "{path} was replaced by another file while Overload had it open. Overload "
            "does not write into a file it did not open.").format(path=path)
    box = QMessageBox(QMessageBox.Icon.Warning, translate("App", "The database file is gone"),
                      text, parent=window)
    box.setObjectName("databaseLostBox")
    box.setInformativeText(translate(
        "App", "Save what is open as {target} and go on there?").format(target=target))
    save = box.addButton(translate("App", "Save it again"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("App", "Not now"), QMessageBox.ButtonRole.RejectRole)
    window.offering_save_again = True
    try:
        box.exec()
        if box.clickedButton() is not save:
            return
        try:
            save_open_database_as(target)
        except Exception as exc:  # whatever it is, it is shown: never a crash here
            QMessageBox.critical(
                window, translate("App", "Overload could not save"),
                translate("App", "{target} could not be written: {error}").format(
                    target=target, error=exc))
            return
    finally:
        window.offering_save_again = False
    store.db_path = window.db_path = target
    window.db_label.setText(translate("MainWindow", "Database: {path}").format(path=target))
    window.statusBar().showMessage(
        translate("App", "Saved the open database as {target}").format(target=target), 15_000)



def _check_database_file(window, state) -> None:
    """On coming back to the app: is the database file still there?"""
    from PySide6.QtCore import Qt

    from models.storage.connection import database_file_status

    store = window.store
    if state != Qt.ApplicationState.ApplicationActive or store is None or not store.db_path:
        return
    status = database_file_status(store.db_path)
    if status != "ok":
        offer_to_save_again(window, store, status)
