"""One writer per database, with real processes: a running Overload holds `<db>.lock`; a second
one (window or writing command) says so and exits 1 without touching the database; commands
that only read still run; the lock of a killed instance does not lock the user out."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile

from models.opening import open_database
from models.storage.db import close_database
from tests.reliability.support import snapshot, stop
from ui.instance_lock import acquire_instance_lock, lock_owner, lock_path

pytestmark = pytest.mark.slow  # real second processes

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    home = tmp_path / "home"
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
            "OVERLOAD_STARTUP_TRACE": "1"}


def overload(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def start_window(env: dict[str, str], db: Path) -> subprocess.Popen:
    """`overload --db DB`, the real GUI (offscreen), once its data is in the window."""
    first = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", str(db)], cwd=ROOT,
                             env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                             text=True)
    lines = []
    for line in first.stderr:  # OVERLOAD_STARTUP_TRACE: "startup: data loaded <clock>"
        lines.append(line)
        if line.startswith("startup: data loaded"):
            return first
    stop(first)
    raise AssertionError(f"the first instance did not start: {''.join(lines)}")


def test_a_second_instance_says_so_and_leaves_the_database_alone(tmp_path, env):
    db = tmp_path / "overload.sqlite"
    open_database(db)  # created and checkpointed before the first instance starts
    close_database()
    first = start_window(env, db)
    try:
        assert lock_path(db).exists() and lock_owner(db).pid == first.pid
        before = snapshot(db)  # its idle work (the daily backup) writes only into backups/

        second = overload(env, "--smoke", "--db", str(db))
        assert second.returncode == 1
        assert (f"Overload is already open on {db} (process {first.pid}). Use that window, or "
                "open another database with --db.") in second.stderr
        assert "smoke: main window shown" not in second.stdout

        for args in (("plan", "--level", "beginner", "--days", "mon,thu", "--weeks", "3",
                      "--save"), ("import", str(ROOT / "tests/fixtures/imports/strong_A.csv"))):
            writer = overload(env, "--db", str(db), *args)
            assert writer.returncode == 1, writer.stderr
            assert f"already open on {db} (process {first.pid})" in writer.stderr
        assert snapshot(db) == before  # not a byte, not a timestamp

        reader = overload(env, "--db", str(db), "volume", "--json")  # readers may
        assert reader.returncode == 0, reader.stderr
    finally:
        stop(first)  # SIGKILL, as a crash would: the lock file stays behind
    assert lock_path(db).exists() and lock_owner(db).pid == first.pid
    third = overload(env, "--smoke", "--db", str(db))  # the dead owner's lock is stale
    assert third.returncode == 0, third.stderr
    assert "smoke: main window shown" in third.stdout
    assert not lock_path(db).exists()  # released on the way out


def test_the_lock_is_one_per_database_and_survives_a_reused_process_id(tmp_path):
    db = tmp_path / "overload.sqlite"
    held = acquire_instance_lock(db)
    assert held is not None and held.isLocked()
    assert acquire_instance_lock(db) is None  # even in the same process
    assert acquire_instance_lock(tmp_path / "other.sqlite") is not None
    held.unlock()
    # A lock file left by a crash whose process id now belongs to a live program (here: us):
    # Qt believes the owner alive; nobody holds the file's native lock, and it is old.
    target = lock_path(db)
    target.write_text(f"{os.getpid()}\npython3.11\n{os.uname().nodename}\n")
    assert acquire_instance_lock(db) is None  # a fresh file might be an instance starting up
    old = time.time() - 60
    os.utime(target, (old, old))
    taken = acquire_instance_lock(db)
    assert taken is not None and lock_owner(db).pid == os.getpid()
    taken.unlock()


def test_a_live_instance_keeps_its_lock_however_old(tmp_path):
    db = tmp_path / "overload.sqlite"
    code = (f"import sys, time; sys.path.insert(0, {str(ROOT)!r}); "
            "from ui.instance_lock import acquire_instance_lock; "
            f"lock = acquire_instance_lock({str(db)!r}); print('locked', flush=True); "
            "time.sleep(60)")
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "locked\n"
        old = time.time() - 3600
        os.utime(lock_path(db), (old, old))  # an instance open for an hour
        assert acquire_instance_lock(db) is None
        assert QLockFile(str(lock_path(db))).getLockInfo()[0] == holder.pid
    finally:
        stop(holder)
