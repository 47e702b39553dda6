"""Session sheets on paper: each session's block (sheet_html.py) laid out by a QTextDocument,
blocks packed onto pages — several to a page where they fit, never one split across two
unless it is taller than a page — and painted on a PDF writer or a printer, with a footer
naming the range and the page.

Blocks are laid out at LAYOUT_DPI (CSS pixels: a 1px rule is a fine line on paper) and the
painter scales them to the device, so a PDF and a printer's preview look the same.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QLocale, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from models.sheets import Sheets
from ui.locale_text import QT_TRANSLATE_NOOP, sheet_date, translate
from ui.printing.sheet_html import INK, sheet_html

LAYOUT_DPI = 96
PAGE_MARGIN_MM = 12
BLOCK_GAP_MM = 7  # between two sessions on a page, a heavier rule in the middle
BASE_POINT_SIZE = 9
FOOTER_POINT_SIZE = 7
PAPER_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
PAPER_NAMES = {"a4": "A4", "letter": QT_TRANSLATE_NOOP("PrintSheetsDialog", "Letter")}
# Where Letter is the usual paper; A4 everywhere else.
LETTER_TERRITORIES = (QLocale.Country.UnitedStates, QLocale.Country.Canada)
PDF_RESOLUTION = 600


class PrintError(OSError):
    """A PDF that could not be made or written; the message says where and why."""


def default_paper(locale: QLocale | None = None) -> str:
    """'letter' in the United States and Canada, 'a4' elsewhere (the system's locale)."""
    territory = (locale or QLocale.system()).territory()
    return "letter" if territory in LETTER_TERRITORIES else "a4"


def page_layout(paper: str) -> QPageLayout:
    """Portrait `paper` ('a4' or 'letter') with PAGE_MARGIN_MM on every side."""
    margin = PAGE_MARGIN_MM
    return QPageLayout(QPageSize(PAPER_SIZES[paper]), QPageLayout.Orientation.Portrait,
                       QMarginsF(margin, margin, margin, margin), QPageLayout.Unit.Millimeter)


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or a QGuiApplication for the command line: fonts and PDF
    writing need one, a window system does not. On Linux and the BSDs the command line's is
    told to draw offscreen (unless QT_QPA_PLATFORM says otherwise), before it is made: with
    no display (a server, CI, ssh) the X11 plugin would abort the process, and with one it
    would only connect to it for nothing. Windows and macOS always have their own."""
    running = QGuiApplication.instance()
    if isinstance(running, QGuiApplication):
        return running
    if sys.platform not in ("win32", "darwin") and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    global _APPLICATION
    _APPLICATION = QGuiApplication(["overload"])
    return _APPLICATION


_APPLICATION: QGuiApplication | None = None  # the command line's, kept alive while it runs


# --- laying out -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Placement:
    """One block, or one page-high part of a block taller than a page, on a page: drawn at
    `top` (layout pixels from the top of the page's body), showing the block from `offset`
    down for `height`."""

    block: int
    top: float
    offset: float
    height: float


class SheetLayout:
    """The session blocks of `sheets` laid out for a page body of `width` × `height` layout
    pixels and packed onto pages (`pages`: each a list of Placements)."""

    def __init__(self, sheets: Sheets, width: float, height: float):
        self.sheets = sheets
        self.width = width
        self._measure = _layout_device()  # the documents measure and draw against it
        self.footer_height = self._footer("Page 1 of 1").size().height()  # one line: measured
        self.body_height = height - self.footer_height - _mm(2)
        self.blocks = [self._document(sheet_html(s, sheets.units)) for s in sheets.sessions]
        self.pages = self._pack()

    def _document(self, html: str) -> QTextDocument:
        document = QTextDocument()
        document.documentLayout().setPaintDevice(self._measure)
        document.setDefaultFont(_base_font(BASE_POINT_SIZE))
        document.setUseDesignMetrics(True)
        document.setDocumentMargin(0)
        document.setHtml(html)
        document.setTextWidth(self.width)
        return document

    def _footer(self, text: str) -> QTextDocument:
        document = QTextDocument()
        document.documentLayout().setPaintDevice(self._measure)
        document.setDefaultFont(_base_font(FOOTER_POINT_SIZE))
        document.setDocumentMargin(0)
        document.setPlainText(text)
        document.setTextWidth(self.width)
        return document

    def _pack(self) -> list[list[Placement]]:
        pages: list[list[Placement]] = [[]]
        top = 0.0
        for index, document in enumerate(self.blocks):
            height = document.size().height()
            if height > self.body_height:  # taller than a page: page-high parts of its own
                if pages[-1]:
                    pages.append([])
                pages[-1:] = self._split(index, document)
                pages.append([])
                top = 0.0
                continue
            if pages[-1] and top + _mm(BLOCK_GAP_MM) + height > self.body_height:
                pages.append([])
                top = 0.0
            if pages[-1]:
                top += _mm(BLOCK_GAP_MM)
            pages[-1].append(Placement(index, top, 0.0, height))
            top += height
        return [page for page in pages if page]

    def _split(self, index: int, document: QTextDocument) -> list[list[Placement]]:
        """A block taller than the page body, paginated by the document itself: its layout
        moves a line or a table row that would straddle a page to the next one."""
        document.setPageSize(QSizeF(self.width, self.body_height))
        return [[Placement(index, 0.0, part * self.body_height, self.body_height)]
                for part in range(document.pageCount())]

    def footer_text(self, page: int) -> str:
        s = self.sheets
        return translate("SessionSheet", "Overload · session sheets {first} – {last} · page "
                                         "{page} of {pages}").format(
            first=sheet_date(s.start), last=sheet_date(s.end), page=page + 1,
            pages=len(self.pages))

    def paint(self, painter: QPainter, device: QPagedPaintDevice) -> None:
        """Every page, on a painter that is active on `device` and scaled to layout pixels."""
        for number, page in enumerate(self.pages):
            if number:
                device.newPage()
            for placement in page:
                self._paint_block(painter, placement, first=placement is page[0])
            footer = self._footer(self.footer_text(number))
            painter.save()
            painter.translate(0, self.body_height + _mm(2))
            footer.drawContents(painter)
            painter.restore()

    def _paint_block(self, painter: QPainter, placement: Placement, *, first: bool) -> None:
        if not first:  # a heavier rule halfway between two sessions: where to cut the page
            painter.setPen(QPen(QColor(INK), 1.5))
            y = placement.top - _mm(BLOCK_GAP_MM) / 2
            painter.drawLine(0, round(y), round(self.width), round(y))
        painter.save()
        painter.translate(0, placement.top - placement.offset)
        self.blocks[placement.block].drawContents(
            painter, QRectF(0, placement.offset, self.width, placement.height))
        painter.restore()


def paint_sheets(sheets: Sheets, device: QPagedPaintDevice) -> int:
    """Paint every page of `sheets` on `device` (a QPdfWriter or a QPrinter whose page layout
    is set); the number of pages. PrintError when the device cannot be painted on."""
    scale = device.logicalDpiX() / LAYOUT_DPI
    layout = SheetLayout(sheets, device.width() / scale, device.height() / scale)
    painter = QPainter()
    if not painter.begin(device):
        raise PrintError(translate("SessionSheet", "the page could not be drawn on (the printer "
                                                   "or file refused it)"))
    try:
        painter.scale(scale, scale)
        layout.paint(painter, device)
    finally:
        painter.end()
    return len(layout.pages)


def pdf_bytes(sheets: Sheets, paper: str) -> tuple[bytes, int]:
    """The PDF of `sheets` on `paper` ('a4' or 'letter'), and its number of pages."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(page_layout(paper))
    writer.setTitle(translate("SessionSheet", "Overload session sheets {first} to {last}").format(
        first=sheets.start, last=sheets.end))
    writer.setCreator("Overload")
    pages = paint_sheets(sheets, writer)
    del writer  # the PDF's last bytes are written when the writer goes
    buffer.close()
    return bytes(buffer.data().data()), pages


def write_pdf(sheets: Sheets, path: Path, paper: str) -> int:
    """Write the PDF of `sheets` to `path` whole or not at all (a temporary file beside it,
    renamed); the number of pages. PrintError naming the file when it cannot be written."""
    data, pages = pdf_bytes(sheets, paper)
    path = Path(path).expanduser()
    partial = path.with_name(f".{path.name}.part")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise PrintError(translate("SessionSheet", "cannot write {path}: {error}").format(
            path=path, error=exc.strerror or exc)) from None
    return pages


# --- helpers ------------------------------------------------------------------------------------

def _layout_device() -> QImage:
    """A 1-pixel image at LAYOUT_DPI: what the documents measure fonts against."""
    image = QImage(1, 1, QImage.Format.Format_RGB32)
    dots_per_metre = round(LAYOUT_DPI / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


def _base_font(points: float) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    font.setPointSizeF(points)
    return font


def _mm(millimetres: float) -> float:
    return millimetres / 25.4 * LAYOUT_DPI

