"""Session sheets: reading and drawing four weeks of a six-day plan (24 sessions) as an A4 PDF,
what `overload print --weeks 4` and File ▸ Print… ▸ Save as PDF do (budget ≤ 1.5 s).

    python bench/bench_print.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.harness import markdown_table, result, time_calls

BUDGET_MS = 1500
RUNS = 5
START = date(2026, 11, 30)  # a Monday


def run() -> list[dict]:
    from models.library import planning_library
    from models.opening import open_database
    from models.plans import save_plan
    from models.rules.generator import PlanRequest, generate_plan
    from models.sheets import session_sheets
    from models.storage.db import close_database
    from ui.printing.sheet_pages import ensure_gui_application, pdf_bytes

    ensure_gui_application()
    with tempfile.TemporaryDirectory(prefix="overload-print-") as folder:
        open_database(Path(folder) / "print.sqlite")
        save_plan(generate_plan(PlanRequest(
            level="intermediate", days=("mon", "tue", "wed", "thu", "fri", "sat"), weeks=5,
            start=START, library=planning_library())), name="Bench block")
        pages: list[int] = []

        def print_four_weeks() -> None:
            sheets = session_sheets(START, 4)
            assert len(sheets.sessions) == 24, len(sheets.sessions)
            pages.append(pdf_bytes(sheets, "a4")[1])

        timing = time_calls(print_four_weeks, runs=RUNS, warmup=1)
        close_database()
    return [result("session sheets: 4 weeks × 6 days (24 sessions) read and drawn as an A4 PDF",
                   round(timing.median_ms), "ms", BUDGET_MS,
                   f"median of {timing.runs}, p95 {timing.p95_ms:.0f} ms, {pages[-1]} pages")]


if __name__ == "__main__":
    print(markdown_table(run()))
