"""The program wizard: how long one change takes to regenerate the plan and redraw the gauges and
the page on screen (budget ≤ 16 ms; the exercise lists, ranking and review are drawn when their
page is shown), and the generator alone for a 12-week, 6-day plan (budget ≤ 50 ms).

    python bench/bench_wizard.py
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

CHANGE_BUDGET_MS = 16
GENERATE_BUDGET_MS = 50
RUNS = 40


def run() -> list[dict]:
    from PySide6.QtWidgets import QApplication

    from models.landmarks import load_landmarks
    from models.library import planning_library
    from models.opening import open_database
    from models.rules.generator import PlanRequest, generate_plan
    from models.storage.db import close_database
    from ui.store import Store
    from ui.wizard.program_wizard import ProgramWizard

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="overload-wizard-") as folder:
        open_database(Path(folder) / "wizard.sqlite")
        library, landmarks = planning_library(), load_landmarks()
        request = PlanRequest(level="advanced", days=("mon", "tue", "wed", "thu", "fri", "sat"),
                              weeks=12, start=date(2026, 11, 30), library=library,
                              landmarks=landmarks)
        generation = time_calls(lambda: generate_plan(request), runs=RUNS)
        wizard = ProgramWizard(Store())
        wizard.show()
        app.processEvents()
        changes = _changes(wizard)
        state = {"i": 0}

        def one_change() -> None:
            changes[state["i"] % len(changes)]()
            state["i"] += 1
            app.processEvents()

        change = time_calls(one_change, runs=RUNS)
        wizard.close()
        close_database()
    return [
        result("generate a 12-week, 6-day advanced plan", round(generation.median_ms, 2), "ms",
               GENERATE_BUDGET_MS, f"median of {generation.runs}, p95 "
                                   f"{generation.p95_ms:.1f} ms"),
        result("wizard: one change → plan, gauges and the page on screen redrawn (other "
               "pages catch up when shown)",
               round(change.median_ms, 2), "ms", CHANGE_BUDGET_MS,
               f"median of {change.runs} (days, weeks, level, priority), p95 "
               f"{change.p95_ms:.1f} ms"),
    ]


def _changes(wizard) -> list:
    """Changes a user makes on the pages, each undone by the next in the cycle."""
    days, weeks = wizard.schedule.day_boxes, wizard.schedule.weeks_spin
    ranking = wizard.priorities.ranking
    return [
        lambda: days["sat"].setChecked(True),
        lambda: weeks.setValue(8),
        lambda: wizard.goal.level_group.button(2).setChecked(True),
        lambda: ranking.set_priority("back", "maintain"),
        lambda: days["sat"].setChecked(False),
        lambda: weeks.setValue(5),
        lambda: wizard.goal.level_group.button(1).setChecked(True),
        lambda: ranking.set_priority("back", "grow"),
    ]


if __name__ == "__main__":
    print(markdown_table(run()))
