"""Importing a 60,000-set Strong export, against the simplest import there could be.

    python bench/bench_import.py

Budgets (the issue's): parse_file + apply_import of 60,000 set rows into a fresh database ≤ 2 s,
and ≤ 3 × a baseline that reads the same file with the csv module and inserts its rows with
sqlite3 executemany into a plain table in one transaction.

What each side does, so the ratio says what it seems to:
- the import: parse_file (decode, detect, read and check every value, build the workouts), then
  apply_import (backup, match the 16 exercise names, one transaction writing 3,750 sessions,
  15,000 session exercises and 60,000 logged sets, with every CHECK, foreign key and index);
- the baseline: csv.reader over the same file, straight into executemany: one row per set with
  the nine columns it parsed, as text, into one table with no constraint or index, one
  transaction. No conversion, no checks, no grouping: the floor of "read a CSV into SQLite".
Both use the app's pragmas (WAL, synchronous=FULL). Runs alternate (baseline, import, baseline,
...) so machine load hits both alike; figures are medians of RUNS. The database is created
(schema, shipped library) before the clock starts: opening is not import. The import's write
time is also split out: "inserts" is the time inside the INSERT statements alone, with the rows
already prepared — SQLite's share, which no Python change can lower.
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
from models.io import import_writer as importing
from models.io.csv_parsers import parse_file
from models.io.import_writer import apply_import
from models.opening import open_database
from models.storage.db import close_database

ROWS = 60_000
RUNS = 5
BUDGET_SECONDS = 2.0
BUDGET_RATIO = 3.0


def run() -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="overload-bench-import-") as folder:
        folder = Path(folder)
        export = folder / "strong-60k.csv"
        workouts = write_strong_export(export, ROWS)
        baselines, imports = [], []
        for attempt in range(RUNS):
            baselines.append(_baseline(export, folder / f"baseline-{attempt}.sqlite"))
            imports.append(_import(export, folder / f"overload-{attempt}.sqlite"))
    baseline = statistics.median(baselines)
    total = statistics.median(t.total for t in imports)
    parse = statistics.median(t.parse for t in imports)
    write = statistics.median(t.write for t in imports)
    inserts = statistics.median(t.inserts for t in imports)
    note = f"median of {RUNS}, {ROWS} sets in {workouts} workouts"
    return [
        result("import 60k-set Strong export (parse + apply_import)", total, "s",
               BUDGET_SECONDS, f"{note}; parse {parse:.3f} s, write {write:.3f} s"),
        result("import vs csv + executemany baseline", total / baseline, "×", BUDGET_RATIO,
               f"import {total:.3f} s / baseline {baseline:.3f} s, same file, same run"),
        result("import: parse_file", parse, "s", None, f"{parse / baseline:.2f} × baseline"),
        result("import: apply_import", write, "s", None,
               f"{write / baseline:.2f} × baseline; of which INSERT statements {inserts:.3f} s "
               f"({inserts / baseline:.2f} × baseline)"),
        result("baseline: csv.reader → executemany into one table", baseline, "s", None),
    ]


class _Timing:
    def __init__(self, parse: float, write: float, inserts: float) -> None:
        self.parse, self.write, self.inserts = parse, write, inserts
        self.total = parse + write


def _import(export: Path, db_path: Path) -> _Timing:
    """parse_file + apply_import into a fresh database, timed in parts."""
    open_database(db_path)
    inserts = []
    insert = importing._insert

    def timed_insert(*args: object) -> None:
        started = time.perf_counter()
        insert(*args)
        inserts.append(time.perf_counter() - started)

    importing._insert = timed_insert
    try:
        started = time.perf_counter()
        parsed = parse_file(export)
        parsed_at = time.perf_counter()
        summary = apply_import(parsed, db_path, create_unassigned=True)
        finished = time.perf_counter()
    finally:
        importing._insert = insert
        close_database()
    assert summary.sets == ROWS, summary
    return _Timing(parsed_at - started, finished - parsed_at, sum(inserts))


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
