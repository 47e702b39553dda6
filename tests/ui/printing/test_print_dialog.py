"""File ▸ Print…: the dialog says what the range holds, Preview… opens Qt's print preview with
the sheets' pages, and Save as PDF… writes the very pages `overload print` writes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QMessageBox

from models.sheets import session_sheets
from tests.shared import BLOCK_START, pdf_page_count, pdf_text, save_block
from ui.printing.print_dialog import PrintSheetsDialog
from ui.printing.sheet_pages import default_paper, write_pdf


@pytest.fixture
def dialog(window, qtbot) -> PrintSheetsDialog:
    """File ▸ Print… on a saved block, showing the block's first week."""
    save_block()
    window.store.sessions_changed.emit()
    action = window.findChild(QAction, "printAction")
    assert action.isEnabled() and action.text() == "&Print…"
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    action.trigger()
    opened = window.print_dialog
    assert isinstance(opened, PrintSheetsDialog) and opened.isVisible()
    opened.from_edit.setDate(QDate(BLOCK_START.year, BLOCK_START.month, BLOCK_START.day))
    return opened


def test_print_opens_on_today_with_the_locales_paper(window):
    window.findChild(QAction, "printAction").trigger()
    opened = window.print_dialog
    assert opened.start == QDate.currentDate().toPython()
    assert opened.weeks_spin.value() == 1 and opened.paper == default_paper()
    # A new log has nothing planned: nothing to print, and the dialog says so.
    assert opened.summary.text().startswith("No planned sessions from ")
    assert not opened.preview_button.isEnabled() and not opened.pdf_button.isEnabled()


def test_the_dialog_says_how_many_sessions_the_range_holds(dialog):
    assert dialog.summary.text() == "4 planned sessions, Mon 2 Nov 2026 to Sun 8 Nov 2026."
    dialog.weeks_spin.setValue(3)
    assert dialog.summary.text() == "12 planned sessions, Mon 2 Nov 2026 to Sun 22 Nov 2026."
    assert dialog.weeks_spin.suffix() == " weeks"
    later = BLOCK_START + timedelta(weeks=20)
    dialog.from_edit.setDate(QDate(later.year, later.month, later.day))
    assert "No planned sessions" in dialog.summary.text()
    assert not dialog.preview_button.isEnabled()


def test_preview_opens_the_print_preview_with_the_sheets_pages(dialog, qtbot, tmp_path):
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    preview = dialog.preview_dialog
    assert isinstance(preview, QPrintPreviewDialog)
    qtbot.waitExposed(preview)
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() > 0)
    _, expected = _pdf_of_the_week(tmp_path)
    assert widget.pageCount() == expected
    preview.close()
    qtbot.waitUntil(lambda: dialog.preview_dialog is None)


def test_save_as_pdf_writes_what_the_command_line_writes(dialog, tmp_path):
    saved = dialog.save_pdf(tmp_path / "from the menu.pdf")
    assert saved == tmp_path / "from the menu.pdf"
    expected_path, pages = _pdf_of_the_week(tmp_path)
    assert pdf_page_count(saved.read_bytes()) == pages
    assert pdf_text(saved) == pdf_text(expected_path)
    assert dialog.summary.text() == f"Saved {pages} pages to {saved}."


def test_save_as_pdf_on_letter_paper(dialog, tmp_path):
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("letter"))
    saved = dialog.save_pdf(tmp_path / "letter.pdf")
    assert b"/MediaBox [0 0 612" in saved.read_bytes()


def test_save_as_pdf_never_writes_over_the_database(dialog, window, tmp_path):
    before = window.db_path.read_bytes()
    seen = []

    def close_warning():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, close_warning)
            return
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(0, close_warning)
    assert dialog.save_pdf(window.db_path) is None
    assert "would destroy your training log" in seen[0] and "Nothing was written" in seen[0]
    assert window.db_path.read_bytes() == before


def _pdf_of_the_week(tmp_path):
    """The block's first week as `overload print` writes it (session_sheets, write_pdf)."""
    path = tmp_path / "command line.pdf"
    return path, write_pdf(session_sheets(BLOCK_START, 1), path, default_paper())

