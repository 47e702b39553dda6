"""Importing a 60,000-set Strong export, against the simplest import there could be.

    python bench/bench_import.py

Budgets (the issue's): parse_file + apply_import of 60,000 set rows into a fresh database ≤ 2 s,
and ≤ 3 × a baseline that reads the same file with the csv module and inserts its rows with
sqlite3 executemany into a plain table in one transaction. Both run with the app's pragmas (WAL,
synchronous=FULL), alternately, in the same run, so machine load hits them alike; medians of 3.
The database is created (schema, shipped library) before the clock starts: opening is not import.
"""

from __future__ import annotations

import csv
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import markdown_table, result
from bench.make_strong_export import write_strong_export
from models.db import close_database, open_database
from models.importers import parse_file
from models.importing import apply_import

ROWS = 60_000
RUNS = 3
BUDGET_SECONDS = 2.0
BUDGET_RATIO = 3.0


def run() -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="overload-bench-import-") as folder:
        folder = Path(folder)
        export = folder / "strong-60k.csv"
        workouts = write_strong_export(export, ROWS)
        imports, parses, baselines = [], [], []
        for attempt in range(RUNS):
            baselines.append(_baseline(export, folder / f"baseline-{attempt}.sqlite"))
            total, parse = _import(export, folder / f"overload-{attempt}.sqlite")
            imports.append(total)
            parses.append(parse)
    seconds = statistics.median(imports)
    baseline = statistics.median(baselines)
    parse = statistics.median(parses)
    note = f"median of {RUNS}, {ROWS} sets in {workouts} workouts"
    return [
        result("import 60k-set Strong export (parse + apply_import)", seconds, "s",
               BUDGET_SECONDS, f"{note}; parse {parse:.2f} s, write {seconds - parse:.2f} s"),
        result("import vs csv + executemany baseline", seconds / baseline, "×", BUDGET_RATIO,
               f"baseline {baseline:.2f} s, same file, same run"),
    ]


def _import(export: Path, db_path: Path) -> tuple[float, float]:
    """(parse + import seconds, parse seconds) into a fresh database."""
    open_database(db_path)
    try:
        started = time.perf_counter()
        parsed = parse_file(export)
        parsed_at = time.perf_counter()
        summary = apply_import(parsed, db_path, create_unassigned=True)
        finished = time.perf_counter()
    finally:
        close_database()
    assert summary.sets == ROWS, summary
    return finished - started, parsed_at - started


def _baseline(export: Path, db_path: Path) -> float:
    """The floor: csv rows straight into a table, no checks, no conversion, no matching."""
    connection = sqlite3.connect(db_path)
    connection.execute("PRAGMA journal_mode = wal")
    connection.execute("PRAGMA synchronous = full")
    connection.execute("CREATE TABLE row (date, workout, exercise, set_order, kg, reps, km,"
                       " seconds, notes)")
    try:
        started = time.perf_counter()
        with export.open(newline="", encoding="utf-8") as handle, connection:
            rows = csv.reader(handle)
            next(rows)
            connection.executemany("INSERT INTO row VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        elapsed = time.perf_counter() - started
        count = connection.execute("SELECT COUNT(*) FROM row").fetchone()[0]
    finally:
        connection.close()
    assert count == ROWS, count
    return elapsed


if __name__ == "__main__":
    print(markdown_table(run()))
