"""Why weekly_volume_history is slow on ten years, and a measured fix for models/volume.py.

    python bench/explain_volume.py

Prints the EXPLAIN QUERY PLAN of the current query, then, on a throw-away copy of the 10-year
history, times the current query and the proposed one (with and without the proposed index) and
checks that both give the same numbers for both rules and both week starts. It changes nothing in
models/ and nothing in the cached history.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections import defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import time_calls
from bench.make_history import ensure_history
from models import volume
from models.db import close_database, database, open_database
from models.domain import SECONDARY_RULES

# The proposal, part 1: a covering index, so counting a session exercise's sets reads the index
# only (migration step 3).
PROPOSED_INDEX = "CREATE INDEX logged_set_kind ON logged_set (session_exercise_id, kind)"

# Part 2: one row per session exercise, no GROUP BY (the current query sorts 55,000 sets in a
# temp B-tree, then sorts again twice to fan out to groups) and no date() per set (the week is
# computed once per distinct date, in Python). Uses session_date for one week as well.
PROPOSED_SQL = """
    SELECT s.date, se.exercise_id,
           (SELECT COUNT(*) FROM logged_set ls
            WHERE ls.session_exercise_id = se.id AND ls.kind != 'warmup')
    FROM session s JOIN session_exercise se ON se.session_id = s.id
    WHERE s.date BETWEEN ? AND ?
"""


def proposed_history(rule: str = "fractional", *, week_start: str = "mon",
                     since: date | None = None,
                     until: date | None = None) -> dict[date, dict[str, float]]:
    """Same result as volume.weekly_volume_history (done sets); the fan-out to groups in Python."""
    weights = _group_weights(SECONDARY_RULES[rule])
    weeks: dict[str, date] = {}
    history: dict[date, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    low, high = (since or date(1900, 1, 1)).isoformat(), (until or date(9999, 12, 31)).isoformat()
    for day, exercise_id, sets in database.execute_sql(PROPOSED_SQL, (low, high)):
        if not sets:
            continue  # planned or skipped: nothing logged
        week = weeks.get(day)
        if week is None:
            week = weeks[day] = volume.week_start_of(date.fromisoformat(day), week_start)
        for group, weight in weights.get(exercise_id, ()):
            history[week][group] += sets * weight
    return {week: dict(groups) for week, groups in sorted(history.items())}


def _group_weights(secondary_weight: float) -> dict[int, list[tuple[str, float]]]:
    weights = defaultdict(list)
    for exercise_id, group in database.execute_sql(
            "SELECT id, primary_group FROM exercise WHERE primary_group IS NOT NULL"):
        weights[exercise_id].append((group, 1.0))
    if secondary_weight > 0:  # the direct rule gives secondary groups nothing, not a zero entry
        for exercise_id, group in database.execute_sql(
                "SELECT exercise_id, group_key FROM exercise_secondary"):
            weights[exercise_id].append((group, secondary_weight))
    return weights


def current_plan() -> list[str]:
    """EXPLAIN QUERY PLAN of the query weekly_volume_history runs for done sets."""
    sql = volume._BY_GROUP.format(per_exercise=volume._DONE_PER_EXERCISE)
    params = (1, "1900-01-01", "9999-12-31", 0.5, 0.5)
    return [f"{'  ' * depth(row, plan)}{row[3]}"
            for plan in [database.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()]
            for row in plan]


def depth(row: tuple, plan: list[tuple]) -> int:
    parents = {r[0]: r[1] for r in plan}
    level, parent = 0, row[1]
    while parent:
        level, parent = level + 1, parents.get(parent, 0)
    return level


def _same_results() -> bool:
    return all(proposed_history(rule, week_start=start)
               == volume.weekly_volume_history(rule, week_start=start)
               for rule in SECONDARY_RULES for start in ("mon", "sun"))


def _timings(label: str) -> None:
    for rule in SECONDARY_RULES:
        now = time_calls(lambda r=rule: volume.weekly_volume_history(r))
        new = time_calls(lambda r=rule: proposed_history(r))
        print(f"  {label:<14} {rule:<10} current {now.median_ms:6.1f} ms "
              f"(CPU {now.cpu_median_ms:5.1f})   proposed {new.median_ms:6.1f} ms "
              f"(CPU {new.cpu_median_ms:5.1f}, p95 {new.p95_ms:.1f})")


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "history.sqlite"
        shutil.copyfile(ensure_history(), copy)
        open_database(copy)
        try:
            print("EXPLAIN QUERY PLAN, weekly_volume_history (done sets):")
            print("\n".join(f"  {line}" for line in current_plan()))
            print("median of 30 runs:")
            _timings("no new index")
            database.execute_sql(PROPOSED_INDEX)
            _timings("with index")
            print(f"proposed == current for both rules and week starts: {_same_results()}")
        finally:
            close_database()
    return 0


if __name__ == "__main__":
    sys.exit(main())
