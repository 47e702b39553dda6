"""`python main.py print FILE.pdf`: session sheets of a saved block as a PDF (its pages and its
text), bad --from and --weeks (exit 2), no planned sessions (exit 1), files it must not
replace, and a real process without a display."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from models.storage.db import close_database
from tests.shared import BLOCK_START, pdf_page_count, pdf_text

ROOT = Path(__file__).resolve().parent.parent
WEEK = ("--from", BLOCK_START.isoformat())


@pytest.fixture(autouse=True)
def application(qapp):
    """The QApplication the UI tests use, made first: the command would otherwise make a
    QGuiApplication, and no widget could be made in this test process after it."""
    return qapp


@pytest.fixture
def saved_block(block, db_path) -> Path:
    """The 4-day block of tests/shared.py, saved and closed: the command opens the file."""
    close_database()
    return db_path


@pytest.fixture
def run(run_cli, saved_block):
    def run_print(*args) -> tuple[int, str, str]:
        return run_cli("print", *map(str, args), "--db", str(saved_block))

    return run_print


def test_a_week_of_sessions_as_a_pdf(run, saved_block, tmp_path):
    from models.opening import open_database
    from models.sheets import session_sheets
    from ui.session.session_models import target_text

    pdf = tmp_path / "week.pdf"
    code, out, err = run(pdf, *WEEK)
    assert (code, err) == (0, "")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    # Four sessions, about two to an A4 page (each block is half a page or a little more).
    pages = pdf_page_count(data)
    assert 2 <= pages <= 4
    assert out == (f"Wrote 4 session sheets from Mon 02 Nov 2026 to Sun 08 Nov 2026 on {pages} "
                   f"A4 pages to {pdf}.\n")
    open_database(saved_block)
    try:
        sheets = session_sheets(BLOCK_START, 1)
    finally:
        close_database()
    text = pdf_text(pdf)
    assert text.count("\f") == pages
    page_texts = text.split("\f")
    for sheet in sheets.sessions:
        day = sheet.detail.date
        heading = f"{day:%a} {day.day} {day:%b %Y} — {sheet.detail.name}"
        # The whole block on one page: its heading, every exercise and target, the feedback.
        (page,) = [p for p in page_texts if heading in p]
        block = page[page.index(heading):]
        for exercise in sheet.exercises:
            assert exercise.info.exercise.name in block
            assert target_text(exercise.info) in block
        assert "Joint pain" in block
    assert "first time: pick a load" in text  # nothing logged yet
    assert "Warm-up: bar × 10 · 40 % × 5 · 60 % × 3 · 80 % × 1" in text
    assert "Soreness before" in text and "Joint pain" in text


def test_letter_paper_and_several_weeks(run, tmp_path):
    pdf = tmp_path / "month.pdf"
    code, out, _ = run(pdf, *WEEK, "--weeks", 4, "--paper", "letter")
    assert code == 0 and "Wrote 16 session sheets" in out and "Letter pages" in out
    data = pdf.read_bytes()
    assert b"/MediaBox [0 0 612" in data and b"792" in data
    assert pdf_page_count(data) >= 8  # 16 sessions, at most two to a page


@pytest.mark.parametrize(("args", "message"), [
    (("--from", "2026-02-30"), "--from: '2026-02-30' is not a date like 2026-11-30"),
    (("--from", "next monday"), "--from: 'next monday' is not a date like 2026-11-30"),
    (("--from", "1899-12-31"), "--from: 1899-12-31 is out of range (1900–2199)"),
    (("--weeks", "0"), "--weeks: 0 is out of range (1–12)"),
    (("--weeks", "13"), "--weeks: 13 is out of range (1–12)"),
    (("--weeks", "99"), "--weeks: 99 is out of range (1–12)"),
    (("--weeks", "two"), "argument --weeks: invalid int value: 'two'"),
    (("--paper", "a5"), "argument --paper: invalid choice: 'a5'"),
])
def test_bad_print_arguments_exit_2(run, tmp_path, args, message):
    pdf = tmp_path / "sheets.pdf"
    code, out, err = run(pdf, *args)
    assert (code, out) == (2, "")
    assert message in err and not pdf.exists()


def test_a_file_name_that_names_no_file_exits_2(run):
    code, _, err = run("")
    assert code == 2 and "FILE: '.' names no file" in err


def test_no_planned_sessions_in_the_range_exits_1_saying_so(run, tmp_path):
    pdf = tmp_path / "sheets.pdf"
    later = BLOCK_START + timedelta(weeks=10)
    code, out, err = run(pdf, "--from", later, "--weeks", 2)
    assert (code, out) == (1, "")
    assert err.startswith(f"overload: no planned sessions from {later:%a %d %b %Y} to "
                          f"{later + timedelta(days=13):%a %d %b %Y}; nothing was written.")
    assert not pdf.exists()


def test_done_sessions_are_not_printed(run, saved_block, tmp_path):
    from models.opening import open_database
    from models.storage.schema import Session

    open_database(saved_block)
    Session.update(status="done").where(Session.date < BLOCK_START + timedelta(days=7)).execute()
    close_database()
    code, _, err = run(tmp_path / "sheets.pdf", *WEEK)
    assert code == 1 and "no planned sessions" in err


def test_an_existing_file_needs_force_and_the_database_is_never_replaced(run, saved_block,
                                                                         tmp_path):
    pdf = tmp_path / "sheets.pdf"
    pdf.write_text("keep me")
    code, _, err = run(pdf, *WEEK)
    assert code == 1 and "exists; add --force to replace it" in err
    assert pdf.read_text() == "keep me"
    assert run(pdf, *WEEK, "--force")[0] == 0 and pdf.read_bytes().startswith(b"%PDF")
    before = saved_block.read_bytes()
    code, _, err = run(saved_block, *WEEK, "--force")
    assert code == 1 and "would destroy your training log" in err
    assert saved_block.read_bytes() == before


def test_a_folder_that_cannot_be_written_exits_1_naming_the_file(run, tmp_path):
    pdf = tmp_path / "missing folder" / "sheets.pdf"
    code, _, err = run(pdf, *WEEK)
    assert code == 1
    assert err.startswith(f"overload: cannot write {pdf}: No such file or directory")
    assert not pdf.parent.exists()


def test_print_does_not_create_a_database(run_cli, tmp_path):
    database = tmp_path / "none.sqlite"
    code, _, err = run_cli("print", str(tmp_path / "s.pdf"), "--db", str(database))
    assert code == 1 and "no planned sessions" in err
    assert not database.exists()


@pytest.mark.slow
@pytest.mark.parametrize("display", [None, ":97.5"], ids=["no display", "a display not there"])
def test_a_real_process_without_a_display_writes_the_pdf(saved_block, tmp_path, display):
    """No QT_QPA_PLATFORM, and no DISPLAY or one that answers nobody (a server, an ssh
    session, a stale variable): the command draws offscreen by itself."""
    pdf = tmp_path / "sheets.pdf"
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    if display:
        env["DISPLAY"] = display
    result = subprocess.run([sys.executable, "main.py", "--db", str(saved_block), "print",
                             str(pdf), *WEEK], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and "Wrote 4 session sheets" in result.stdout
    assert pdf_page_count(pdf.read_bytes()) >= 2
