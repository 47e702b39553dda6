"""Session sheets on pages (ui/printing/): what each exercise's lines say, blocks packed several
to a page and never split unless taller than a page, the paper by locale, and a printer
painted the same as the PDF."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtPrintSupport import QPrinter

from models.rules.autoregulation import PlateResult
from models.rules.warmup import WarmupSet
from models.sessions import create_session, exercise_order, set_exercise_targets
from models.sheets import session_sheets
from models.storage.schema import Exercise
from tests.shared import BLOCK_START, pdf_page_count, pdf_text
from ui.printing.sheet_html import plates_text, warmup_text
from ui.printing.sheet_pages import (
    SheetLayout,
    default_paper,
    page_layout,
    paint_sheets,
    pdf_bytes,
)

A4_BODY = (700.0, 1000.0)  # layout pixels (96 dpi): about A4 less its margins


@pytest.fixture(autouse=True)
def application(qapp):
    return qapp


# --- texts -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("result", "units", "text"), [
    (PlateResult((25, 5, 1.25), 82.5, True, 0), "kg", "plates per side: 25 + 5 + 1.25"),
    (PlateResult((), 20, True, 0), "kg", "empty bar"),
    (PlateResult((45, 10), 155, False, 2.5), "lb",
     "plates per side: 45 + 10 (makes 155 lb: your plates are 2.5 lb short)"),
])
def test_plates_text(result, units, text):
    assert plates_text(result, units) == text


@pytest.mark.parametrize(("ramp", "units", "text"), [
    ((WarmupSet(10, 20, None), WarmupSet(5, 40, 0.4, (10,)), WarmupSet(1, 80, 0.8, (25, 5))),
     "kg", "Warm-up (plates per side): bar × 10 · 40 kg × 5 (10) · 80 kg × 1 (25 + 5)"),
    ((WarmupSet(10, 6, 0.2), WarmupSet(5, 12, 0.4)), "kg", "Warm-up: 6 kg × 10 · 12 kg × 5"),
    ((WarmupSet(10, None, None), WarmupSet(5, None, 0.4)), "lb",
     "Warm-up: bar × 10 · 40 % × 5 of your first working set's load"),
    ((WarmupSet(10, None, 0.2), WarmupSet(1, None, 0.8)), "kg",
     "Warm-up: 20 % × 10 · 80 % × 1 of your first working set's load"),
])
def test_warmup_text(ramp, units, text):
    assert warmup_text(ramp, units) == text


# --- pages -------------------------------------------------------------------------------------

def test_blocks_are_packed_several_to_a_page_and_never_split(block):
    sheets = session_sheets(BLOCK_START, 2)
    layout = SheetLayout(sheets, *A4_BODY)
    placed = [p.block for page in layout.pages for p in page]
    assert placed == list(range(len(sheets.sessions))) == list(range(8))
    assert any(len(page) > 1 for page in layout.pages)  # several to a page where they fit
    assert len(layout.pages) < len(sheets.sessions)
    for page in layout.pages:
        bottom = 0.0
        for placement in page:
            assert placement.offset == 0  # whole blocks only
            assert placement.top >= bottom and placement.top + placement.height <= \
                layout.body_height
            bottom = placement.top + placement.height
    assert layout.footer_text(0) == ("Overload · session sheets Mon 2 Nov 2026 – "
                                     f"Sun 15 Nov 2026 · page 1 of {len(layout.pages)}")


def test_a_block_taller_than_a_page_goes_on_pages_of_its_own(block):
    day = BLOCK_START + timedelta(days=2)  # Wednesday: between the block's sessions
    names = [e.name for e in Exercise.select().where(Exercise.equipment == "barbell")
             .order_by(Exercise.id).limit(12)]
    long_one = create_session(day, "Marathon", [Exercise.get(Exercise.name == n).id
                                                for n in names])
    for se_id in exercise_order(long_one):
        set_exercise_targets(se_id, target_sets=12)
    sheets = session_sheets(BLOCK_START, 1)
    index = [s.detail.id for s in sheets.sessions].index(long_one)
    layout = SheetLayout(sheets, *A4_BODY)
    parts = [(number, p) for number, page in enumerate(layout.pages) for p in page
             if p.block == index]
    assert len(parts) >= 2
    assert all(len(layout.pages[number]) == 1 for number, _ in parts)  # alone on its pages
    assert [p.offset for _, p in parts] == [k * layout.body_height for k in range(len(parts))]
    numbers = [number for number, _ in parts]
    assert numbers == list(range(numbers[0], numbers[0] + len(parts)))
    before, after = layout.pages[numbers[0] - 1], layout.pages[numbers[-1] + 1]
    assert before[-1].block == index - 1 and after[0].block == index + 1


@pytest.mark.parametrize(("language", "territory", "paper"), [
    (QLocale.Language.English, QLocale.Country.UnitedStates, "letter"),
    (QLocale.Language.French, QLocale.Country.Canada, "letter"),
    (QLocale.Language.English, QLocale.Country.UnitedKingdom, "a4"),
    (QLocale.Language.German, QLocale.Country.Germany, "a4"),
    (QLocale.Language.Spanish, QLocale.Country.Mexico, "a4"),
])
def test_the_default_paper_follows_the_locale(language, territory, paper):
    assert default_paper(QLocale(language, territory)) == paper


def test_a_printer_gets_the_same_pages_as_the_pdf(block, tmp_path):
    sheets = session_sheets(BLOCK_START, 1)
    data, pages = pdf_bytes(sheets, "a4")
    assert pdf_page_count(data) == pages
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    printer.setPageLayout(page_layout("a4"))
    assert paint_sheets(sheets, printer) == pages
    (tmp_path / "writer.pdf").write_bytes(data)
    assert pdf_text(tmp_path / "printer.pdf") == pdf_text(tmp_path / "writer.pdf")


def test_an_empty_session_still_gets_its_block(db, tmp_path):
    create_session(date(2026, 11, 23), "To plan")
    data, pages = pdf_bytes(session_sheets(date(2026, 11, 23), 1), "letter")
    (tmp_path / "empty.pdf").write_bytes(data)
    text = pdf_text(tmp_path / "empty.pdf")
    assert pages == 1 and "Mon 23 Nov 2026 — To plan" in text
    assert "No exercises planned in this session yet." in text


def test_a_ramp_of_the_empty_bar_alone_names_no_plates():
    assert warmup_text((WarmupSet(10, 20, None),), "kg") == "Warm-up: bar × 10"


def test_the_facts_line_counts_and_names_a_deload_week(block):
    from tests.shared import week_sessions
    from ui.printing.sheet_html import session_facts_text

    deload_day = week_sessions(block, 5)[0].date
    (sheet, *_) = session_sheets(deload_day, 1).sessions
    facts = session_facts_text(sheet)
    assert facts.startswith("about ") and " · week 5 · deload week · " in facts
    one = create_session(date(2027, 3, 1), "Single",
                         [Exercise.get(Exercise.name == "Barbell Row").id])
    (se_id,) = exercise_order(one)
    set_exercise_targets(se_id, target_sets=1)
    assert session_facts_text(session_sheets(date(2027, 3, 1), 1).sessions[0]).endswith(
        "1 exercise, 1 set")
