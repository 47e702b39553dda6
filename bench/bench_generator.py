"""Time the mesocycle generator on its biggest ordinary case against the 50 ms budget.

A 12-week, 6-day (Mon–Sat) plan for an advanced lifter with every group set to grow, on the
shipped exercise library: the most weeks, sessions and capping work the wizard can ask for.

Run from the repository root:  python bench/bench_generator.py
"""

import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.generator import PlanRequest, generate_plan
from models.library_file import read_shipped_library

BUDGET_MS = 50.0
REPETITIONS = 50


def main() -> int:
    request = PlanRequest(
        level="advanced",
        days=("mon", "tue", "wed", "thu", "fri", "sat"),
        weeks=12,
        start=date(2025, 1, 6),
        library=read_shipped_library().exercises,
        deload=True,
    )
    generate_plan(request)  # warm-up: first-call costs are not what the user waits for twice
    timings = []
    for _ in range(REPETITIONS):
        began = time.perf_counter()
        plan = generate_plan(request)
        timings.append((time.perf_counter() - began) * 1000)
    median = statistics.median(timings)
    p95 = statistics.quantiles(timings, n=20)[-1]
    sessions = sum(len(week.sessions) for week in plan.weeks)
    print(f"generate_plan: {len(plan.weeks)} weeks, {sessions} sessions, "
          f"{len(plan.warnings)} warnings; {REPETITIONS} runs")
    print(f"median {median:.1f} ms, p95 {p95:.1f} ms, budget {BUDGET_MS:.0f} ms: "
          f"{'within' if p95 <= BUDGET_MS else 'OVER'} budget")
    return 0 if p95 <= BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
