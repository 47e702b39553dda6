"""Weekly volume on a 10-year history: the whole history (charts) and one week (the gauges).

    python bench/bench_volume.py

Budgets: every week of every group for ten years ≤ 50 ms (median), one week ≤ 2 ms (median).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import markdown_table, result, time_calls
from bench.make_history import ensure_history
from models.opening import open_database
from models.rules.domain import SECONDARY_RULES
from models.storage.db import close_database
from models.volume import weekly_volume, weekly_volume_history

HISTORY_BUDGET_MS = 50.0
WEEK_BUDGET_MS = 2.0
RUNS = 30


def run() -> list[dict]:
    open_database(ensure_history())
    try:
        weeks = sorted(weekly_volume_history("fractional"))
        middle = weeks[len(weeks) // 2]
        _print_sanity(weeks, middle)
        rows = [_time_history(rule, len(weeks)) for rule in SECONDARY_RULES]
        rows += [_time_week(middle, rule) for rule in SECONDARY_RULES]
    finally:
        close_database()
    return rows


def _time_history(rule: str, weeks: int) -> dict:
    timing = time_calls(lambda: weekly_volume_history(rule), runs=RUNS)
    return result(f"weekly_volume_history, 10 years, {rule}", timing.median_ms, "ms",
                  HISTORY_BUDGET_MS,
                  f"median of {timing.runs}, p95 {timing.p95_ms:.1f} ms, "
                  f"CPU {timing.cpu_median_ms:.1f} ms, {weeks} weeks")


def _time_week(monday: date, rule: str) -> dict:
    timing = time_calls(lambda: weekly_volume(monday, rule), runs=RUNS)
    return result(f"weekly_volume, one week, {rule}", timing.median_ms, "ms", WEEK_BUDGET_MS,
                  f"median of {timing.runs}, p95 {timing.p95_ms:.2f} ms, "
                  f"CPU {timing.cpu_median_ms:.2f} ms, week of {monday}")


def _print_sanity(weeks: list[date], middle: date) -> None:
    """Numbers a reader can check by eye: the week count and one week's sets per group."""
    print(f"weekly_volume_history: {len(weeks)} weeks with sets, {weeks[0]} to {weeks[-1]}")
    print(f"week of {middle}:")
    fractional, direct = weekly_volume(middle, "fractional"), weekly_volume(middle, "direct")
    for group in fractional:
        print(f"  {group:<12} {direct[group]:>5g} direct  {fractional[group]:>5g} fractional")


if __name__ == "__main__":
    print(markdown_table(run()))
