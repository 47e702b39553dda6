"""Draw the README's screenshots of the main views from a generated history, offscreen.

    QT_QPA_PLATFORM=offscreen python tests/e2e/make_screenshots.py [OUT_DIR]    # make screenshots

OUT_DIR defaults to resources/screenshots. The history is two years of bench/make_history.py
(seed 1) ending today, in a temporary folder; the window is the real main window, opened through
ui.app.load_data as `overload` opens it, at 1200×800, and each view is taken with widget.grab():

- plan.png            the Plan page (calendar, the week's volume) with a session open;
- wizard-review.png   Training ▸ New program…, its review page;
- charts-volume.png   the Charts tab: weekly sets of back over the landmark bands, one year;
- library.png         the exercise library searched and filtered, a row selected.

Run after any visible change (make screenshots); the README shows these files.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1200, 800)
YEARS = 2


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "resources" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["XDG_CONFIG_HOME"] = str(Path(scratch) / "config")  # no user settings
        from bench.make_history import make_history

        db = Path(scratch) / "overload.sqlite"
        make_history(db, years=YEARS, seed=1)
        written = _shoot(db, Path(scratch), out)
    for path in written:
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


def _shoot(db: Path, scratch: Path, out: Path) -> list[Path]:
    from PySide6.QtCore import QSettings

    from models.storage.db import close_database
    from ui.app import create_application, load_data
    from ui.main_window import MainWindow

    app = create_application()
    window = MainWindow(QSettings(str(scratch / "window.ini"), QSettings.Format.IniFormat))
    window.resize(*SIZE)
    window.show()
    if not load_data(window, db, interactive=False):
        raise SystemExit(f"could not open {db}")
    # The path a user sees by default, not the scratch copy's in /tmp.
    window.db_label.setText("Database: ~/.local/share/Overload/overload.sqlite")
    _settle(app)
    try:
        return [_plan(app, window, out), _charts(app, window, out), _library(app, window, out),
                _wizard(app, window, out)]
    finally:
        window.close()
        close_database()


def _save(widget, path: Path) -> Path:
    # Quality 0 is zlib's strongest compression for PNG: the same pixels, a smaller file.
    if not widget.grab().save(str(path), "PNG", 0):
        raise SystemExit(f"could not write {path}")
    return path


def _plan(app, window, out: Path) -> Path:
    from models.storage.schema import Session

    latest = (Session.select().where((Session.status == "done") & (Session.date <= date.today()))
              .order_by(Session.date.desc()).first())
    window.pages.setCurrentIndex(0)
    window.calendar.show_date(latest.date)
    window.open_session(latest.id)
    _settle(app)
    return _save(window, out / "plan.png")


def _charts(app, window, out: Path) -> Path:
    window.session_dock.hide()
    window.show_charts()
    window.charts.show_group(["back"])
    window.charts.set_range("1y")
    _settle(app, 400)
    return _save(window, out / "charts-volume.png")


def _library(app, window, out: Path) -> Path:
    window.pages.setCurrentIndex(0)
    panel = window.library_panel
    panel.search_edit.setText("row")
    panel.table.selectRow(0)
    window.resizeDocks([window.library], [520], _horizontal())
    _settle(app)
    return _save(window, out / "library.png")


def _wizard(app, window, out: Path) -> Path:
    from PySide6.QtWidgets import QWizard

    window.new_program()
    wizard = window.program_wizard
    wizard.resize(1000, 720)
    for _page in range(4):
        wizard.button(QWizard.WizardButton.NextButton).click()
    _settle(app)
    path = _save(wizard, out / "wizard-review.png")
    wizard.reject()
    return path


def _horizontal():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def _settle(app, ms: int = 200) -> None:
    """Let layouts, deferred redraws and the charts' first paint happen."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    app.processEvents()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
