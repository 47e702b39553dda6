"""The crash harness: a child process logs sets, saves plans and imports (crash_child.py), and is
killed with SIGKILL at a random moment, again and again on the same database. After every kill
the database opens as the app opens it, PRAGMA integrity_check is "ok", every write the child
reported as committed is there, and no write is there in half (a plan with some of its sessions,
an import with some of its workouts).

    OVERLOAD_CRASH_KILLS=200 python -m pytest tests/reliability/test_crash_safety.py   # make soak
    OVERLOAD_CRASH_SEED=1234 ...                                # replay the moments of a run

The kill moments come from random.Random(seed); the seed is printed with the figures.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from models.opening import open_database
from models.storage.backups import check_backup, list_backups
from models.storage.db import close_database

pytestmark = pytest.mark.slow  # child processes killed at random (~8 s)

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("crash_child.py")
KILLS = int(os.environ.get("OVERLOAD_CRASH_KILLS", "20"))
KILL_AFTER_MS = (20, 400)  # after the child said "ready": its writes are under way


@dataclass
class Committed:
    """What the children reported as committed, over all runs."""

    sets: set[int] = field(default_factory=set)
    plans: dict[int, int] = field(default_factory=dict)  # mesocycle id → its sessions
    imports: dict[str, tuple[int, int]] = field(default_factory=dict)  # tag → (workouts, sets)

    def read(self, output: str) -> None:
        """Complete lines only: a line cut by the kill was never reported."""
        for line in output.splitlines(keepends=True):
            if not line.endswith("\n"):
                break
            kind, *values = line.split()
            if kind == "set":
                self.sets.add(int(values[0]))
            elif kind == "plan":
                self.plans[int(values[0])] = int(values[1])
            elif kind == "import":
                self.imports[values[0]] = (int(values[1]), int(values[2]))


def test_sigkill_at_random_moments_loses_no_committed_write(tmp_path, capsys):
    seed = int(os.environ.get("OVERLOAD_CRASH_SEED") or random.randrange(2**32))
    rng = random.Random(seed)
    db = tmp_path / "crash.sqlite"
    committed = Committed()
    started = time.monotonic()
    for run in range(KILLS):
        output, stderr = _run_and_kill(db, run, rng)
        committed.read(output)
        _verify(db, committed, f"seed {seed}, kill {run + 1}: {stderr[-2000:]}")
    elapsed = time.monotonic() - started
    with capsys.disabled():  # the figures belong in the test output, not only on failure
        print(f"\ncrash harness: {KILLS} SIGKILLs (seed {seed}) in {elapsed:.1f} s; after each "
              f"the database opened with integrity_check ok and every committed write present: "
              f"{len(committed.sets)} sets, {len(committed.plans)} plans "
              f"({sum(committed.plans.values())} sessions), {len(committed.imports)} imports "
              f"({sum(s for _, s in committed.imports.values())} sets)")


def _run_and_kill(db: Path, run: int, rng: random.Random) -> tuple[str, str]:
    """Start a child, wait until it writes, kill it at a random moment; (its stdout, stderr)."""
    err_path = db.with_name(f"child-{run}.err")
    with err_path.open("w") as err, subprocess.Popen(
            [sys.executable, str(CHILD), str(db), str(run), str(rng.randrange(2**32))],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=err, text=True) as child:
        try:
            ready = child.stdout.readline()
            assert ready == "ready\n", f"the child did not start: {err_path.read_text()}"
            # The moment of the kill is the thing under test: a sleep is the point here.
            time.sleep(rng.uniform(*KILL_AFTER_MS) / 1000)
            child.send_signal(signal.SIGKILL)
            output = child.stdout.read()
        finally:
            child.kill()
    assert child.returncode == -signal.SIGKILL, err_path.read_text()  # killed, not crashed
    return output, err_path.read_text()


def _verify(db: Path, committed: Committed, context: str) -> None:
    open_database(db)  # quick_check, migrations: the app would start on it
    close_database()
    for backup in list_backups(db):  # a copy cut by the kill is never listed as a backup
        check_backup(backup.path)
    connection = sqlite3.connect(db)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)], context
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == [], context
        _verify_sets(connection, committed, context)
        _verify_plans(connection, committed, context)
        _verify_imports(connection, committed, context)
    finally:
        connection.close()


def _verify_sets(connection: sqlite3.Connection, committed: Committed, context: str) -> None:
    present = {row[0] for row in connection.execute("SELECT id FROM logged_set")}
    missing = committed.sets - present
    assert not missing, f"committed sets lost: {sorted(missing)[:20]} ({context})"


def _verify_plans(connection: sqlite3.Connection, committed: Committed, context: str) -> None:
    sessions = dict(connection.execute(
        "SELECT m.id, COUNT(s.id) FROM mesocycle m LEFT JOIN session s ON s.mesocycle_id = m.id "
        "GROUP BY m.id"))
    missing = set(committed.plans) - set(sessions)
    assert not missing, f"committed plans lost: {sorted(missing)} ({context})"
    if committed.plans:
        whole = next(iter(committed.plans.values()))  # every child saves the same plan
        partial = {m: n for m, n in sessions.items() if n != whole}
        assert not partial, f"plans saved in part (id: sessions): {partial} ({context})"


def _verify_imports(connection: sqlite3.Connection, committed: Committed, context: str) -> None:
    found: dict[str, list[int]] = {}
    for key, sets in connection.execute(
            "SELECT s.source_key, COUNT(ls.id) FROM session s "
            "JOIN session_exercise se ON se.session_id = s.id "
            "LEFT JOIN logged_set ls ON ls.session_exercise_id = se.id "
            "WHERE s.source_key LIKE '%#%' GROUP BY s.id"):
        counts = found.setdefault(key.rsplit("#", 1)[1], [0, 0])
        counts[0] += 1
        counts[1] += sets
    for tag, (workouts, sets) in committed.imports.items():
        assert tuple(found.get(tag, (0, 0))) == (workouts, sets), \
            f"import {tag} lost or cut: {found.get(tag)} of {(workouts, sets)} ({context})"
    if committed.imports:
        whole = next(iter(committed.imports.values()))  # every import is the same file
        partial = {tag: tuple(counts) for tag, counts in found.items() if tuple(counts) != whole}
        assert not partial, f"imports written in part: {partial} ({context})"
