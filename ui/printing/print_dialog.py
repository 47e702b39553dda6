"""File ▸ Print…: session sheets for the coming weeks, previewed and printed through Qt's print
preview, or saved as the same PDF `overload print` writes.

The dialog asks for the first day (today by default), the number of weeks and the paper (Letter
in the United States and Canada, A4 elsewhere), and says how many planned sessions that is
before anything is drawn. Keyboard: Return previews; Escape closes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.io.exporting import export_target_problem
from models.rules.limits import PAPER_SIZES, PRINT_WEEKS
from models.sheets import Sheets, session_sheets
from ui.locale_text import sheet_date, translate
from ui.printing.sheet_pages import (
    PAPER_NAMES,
    PrintError,
    default_paper,
    page_layout,
    paint_sheets,
    write_pdf,
)

PDF_FILTER = "PDF (*.pdf)"
_Widget = TypeVar("_Widget", bound=QWidget)


class PrintSheetsDialog(QDialog):
    """Which weeks to print and on what paper; Preview… opens a QPrintPreviewDialog (kept as
    `preview_dialog`), Save as PDF… writes a file. `db_path` is the open database, never
    written over.

    Signals: those of QDialog.
    """

    def __init__(self, db_path: Path | None = None, parent: QWidget | None = None,
                 start: date | None = None):
        super().__init__(parent)
        self.setObjectName("printSheetsDialog")
        self.setWindowTitle(self.tr("Print session sheets"))
        self.setMinimumWidth(62 * self.fontMetrics().averageCharWidth())
        self.db_path = db_path
        self.preview_dialog: QPrintPreviewDialog | None = None
        self.printer: QPrinter | None = None
        self._sheets: Sheets | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("One block per planned session, to fill in at the gym: targets, "
                               "last time, the load to aim for with its plates, a warm-up for "
                               "the first big lift, cells for each set and the feedback boxes."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(self._build_form(start or date.today()))
        self.summary = _named(QLabel(), "printSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addWidget(self._build_buttons())
        self._range_changed()

    def _build_form(self, start: date) -> QFormLayout:
        form = QFormLayout()
        self.from_edit = _named(QDateEdit(QDate(start.year, start.month, start.day)),
                                "printFrom")
        self.from_edit.setCalendarPopup(True)
        #: Qt date format: short weekday, day, short month, year (Mon 2 Dec 2024)
        self.from_edit.setDisplayFormat(translate("DateFormat", "ddd d MMM yyyy"))
        self.weeks_spin = _named(QSpinBox(), "printWeeks")
        self.weeks_spin.setRange(*PRINT_WEEKS)
        self.paper_combo = _named(QComboBox(), "printPaper")
        for paper in PAPER_SIZES:
            self.paper_combo.addItem(self.tr(PAPER_NAMES[paper]), paper)
        self.paper_combo.setCurrentIndex(PAPER_SIZES.index(default_paper()))
        self.from_edit.dateChanged.connect(self._range_changed)
        self.weeks_spin.valueChanged.connect(self._range_changed)
        form.addRow(self.tr("&From"), self.from_edit)
        form.addRow(self.tr("&Weeks"), self.weeks_spin)
        form.addRow(self.tr("&Paper"), self.paper_combo)
        return form

    def _build_buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.preview_button = _named(QPushButton(self.tr("Pre&view…")), "printPreview")
        self.preview_button.setDefault(True)
        self.preview_button.setToolTip(self.tr("See the pages, then print them"))
        self.pdf_button = _named(QPushButton(self.tr("Save as P&DF…")), "printSavePdf")
        box.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.clicked.connect(self.preview)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        box.rejected.connect(self.reject)
        return box

    # --- the range ------------------------------------------------------------------------------

    @property
    def start(self) -> date:
        return self.from_edit.date().toPython()

    @property
    def paper(self) -> str:
        return self.paper_combo.currentData()

    def sheets(self) -> Sheets:
        """The sheets of the chosen range, read once per range."""
        if self._sheets is None:
            self._sheets = session_sheets(self.start, self.weeks_spin.value())
        return self._sheets

    def _range_changed(self) -> None:
        self._sheets = None
        self.weeks_spin.setSuffix(self.tr(" week") if self.weeks_spin.value() == 1
                                  else self.tr(" weeks"))
        sheets = self.sheets()
        first, last = sheet_date(sheets.start), sheet_date(sheets.end)
        count = len(sheets.sessions)
        if count == 1:
            self.summary.setText(self.tr("1 planned session, {first} to {last}.").format(
                first=first, last=last))
        elif count:
            self.summary.setText(self.tr("{count} planned sessions, {first} to {last}.").format(
                count=count, first=first, last=last))
        else:
            self.summary.setText(self.tr("No planned sessions from {first} to {last}: nothing "
                                         "to print. Plan some (Training ▸ New program…) or "
                                         "choose other weeks.").format(first=first, last=last))
        self.preview_button.setEnabled(bool(count))
        self.pdf_button.setEnabled(bool(count))

    # --- printing -------------------------------------------------------------------------------

    def preview(self) -> QPrintPreviewDialog:
        """Qt's print preview of the sheets (window-modal; print from its toolbar)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(self.paper))
        printer.setDocName(self.tr("Overload session sheets {first}").format(first=self.start))
        self.printer = printer  # the preview paints on it and does not own it
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setObjectName("printPreviewDialog")
        dialog.setWindowTitle(self.tr("Print preview — session sheets"))
        dialog.paintRequested.connect(self._paint)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._preview_closed)
        self.preview_dialog = dialog
        dialog.open()
        return dialog

    def _paint(self, printer: QPrinter) -> None:
        try:
            paint_sheets(self.sheets(), printer)
        except PrintError as exc:
            QMessageBox.warning(self, self.tr("Cannot print"),
                                self.tr("The sheets could not be drawn: {error}.").format(
                                    error=exc))

    def _preview_closed(self) -> None:
        self.preview_dialog = None

    def save_pdf(self, path: Path | str | None = None) -> Path | None:
        """Write the sheets as a PDF to `path`, or to a file the user chooses (asked for when
        `path` is None; the chooser asks before replacing a file); the path written, or None
        when cancelled or refused (after saying why)."""
        if path is None:
            suggested = Path.home() / f"overload-sheets-{self.start}.pdf"
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save session sheets as PDF"),
                                                    str(suggested), PDF_FILTER)
            if not chosen:
                return None
            path = chosen if chosen.lower().endswith(".pdf") else f"{chosen}.pdf"
        path = Path(path)
        problem = export_target_problem(path, self.db_path) if self.db_path else None
        if problem is not None:
            QMessageBox.warning(self, self.tr("Cannot save there"),
                                self.tr("{problem}.\n\nNothing was written.").format(
                                    problem=problem))
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = write_pdf(self.sheets(), path, self.paper)
        except PrintError as exc:
            QMessageBox.warning(self, self.tr("Cannot save the PDF"),
                                self.tr("{problem}.\n\nNothing was written.").format(problem=exc))
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        if pages == 1:
            self.summary.setText(self.tr("Saved 1 page to {path}.").format(path=path))
        else:
            self.summary.setText(self.tr("Saved {pages} pages to {path}.").format(
                pages=pages, path=path))
        return path


def _named(widget: _Widget, name: str) -> _Widget:
    widget.setObjectName(name)
    return widget

