"""Checking and restoring whole copies of a 10-year history (issue 16): what the staged, whole
check costs before a backup or a JSON export may replace the content.

    python bench/bench_restore.py

No budget was set; the rows are information. What each does:
- check_backup: copy the backup into a scratch database, migrate it, then check everything
  (integrity_check, every value's type, dates, settings, UTF-8 text, foreign keys) — what the
  Restore dialog runs in a worker for each backup it lists;
- restore_backup: the same check, a before-restore copy of the live database, then the content
  replaced by SQL in one transaction;
- import_json: parse the export, insert it into a scratch database table by table, the same
  check, then the content replaced.
Medians of RUNS, each on a fresh copy of the cached history.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import markdown_table, result
from bench.make_history import ensure_history
from models.io.exporting import export_json, import_json
from models.opening import open_database
from models.storage.backups import check_backup, daily_backup, restore_backup
from models.storage.db import close_database

RUNS = 3


def run() -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="overload-bench-restore-") as folder:
        live = Path(folder) / "history.sqlite"
        shutil.copyfile(ensure_history(), live)
        open_database(live)
        backup = daily_backup(live)
        export_json(Path(folder) / "all.json")
        sets = _count("logged_set")
        close_database()
        size = f"{backup.stat().st_size / 2 ** 20:.0f} MB backup, {sets} sets"
        rows = [_timed("check_backup, 10-year backup", lambda: check_backup(backup), size),
                _timed_restore(live, backup, size),
                _timed_json(Path(folder), size)]
    return rows


def _count(table: str) -> int:
    from models.storage.db import database

    return database.execute_sql(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def _timed(name: str, call, note: str) -> dict:
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return result(name, statistics.median(samples) * 1000, "ms", None,
                  f"median of {RUNS}; {note}")


def _timed_restore(live: Path, backup: Path, note: str) -> dict:
    def restore() -> None:
        open_database(live)
        try:
            safety = restore_backup(live, backup)
            safety.unlink()
        finally:
            close_database()
    return _timed("restore_backup, 10-year backup", restore, note)


def _timed_json(folder: Path, note: str) -> dict:
    def restore() -> None:
        target = folder / "restored.sqlite"
        for leftover in folder.glob("restored.sqlite*"):
            leftover.unlink()
        open_database(target)
        try:
            import_json(folder / "all.json")
        finally:
            close_database()
    size = (folder / "all.json").stat().st_size / 2 ** 20
    return _timed("import_json into a new database, 10-year export", restore,
                  f"{note}; {size:.0f} MB JSON")


if __name__ == "__main__":
    print(markdown_table(run()))
