"""Backups: one a day, the last ten kept, listed with dates and sizes, restored into the open
database; a damaged or newer backup is refused without touching anything."""

import os
import sqlite3
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from models.storage.backups import (
    BackupError,
    BackupInterruptedError,
    backup_folder,
    daily_backup,
    list_backups,
    restore_backup,
    resume_daily_backups,
    stop_daily_backups,
)
from models.storage.copies import backup_database
from models.storage.db import database
from models.storage.migrations import LATEST_VERSION, migrate
from models.storage.schema import Session

DAY = date(2025, 3, 10)  # in the past: backups taken "now" are newer


def session_names() -> list[str]:
    return [s.name for s in Session.select().order_by(Session.id)]


def test_daily_backup_once_per_day(db, db_path):
    first = daily_backup(db_path, today=DAY)
    assert first == backup_folder(db_path) / "overload.sqlite-2025-03-10.sqlite"
    assert first.exists()
    assert daily_backup(db_path, today=DAY) is None  # already made today
    assert daily_backup(db_path, today=DAY + timedelta(days=1)).name == \
        "overload.sqlite-2025-03-11.sqlite"
    assert not list(backup_folder(db_path).glob("*.partial"))


def test_a_daily_backup_is_a_complete_copy(db, db_path):
    Session.create(date=DAY, name="Legs")
    path = daily_backup(db_path, today=DAY)
    with sqlite3.connect(path) as copy:
        assert copy.execute("SELECT name FROM session").fetchall() == [("Legs",)]
        assert copy.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION


def test_only_the_last_ten_daily_backups_are_kept(db, db_path):
    other = backup_database(database, db_path, "before-import")  # never pruned
    for offset in range(13):
        daily_backup(db_path, today=DAY + timedelta(days=offset))
    daily = sorted(p.name for p in backup_folder(db_path).glob("overload.sqlite-2025-*.sqlite"))
    assert daily == [f"overload.sqlite-{DAY + timedelta(days=offset)}.sqlite"
                     for offset in range(3, 13)]
    assert other.exists()
    daily_backup(db_path, today=DAY + timedelta(days=20), keep=3)
    assert len([b for b in list_backups(db_path) if b.kind == "daily"]) == 3


def test_list_backups_kinds_dates_and_sizes_newest_first(db, db_path):
    folder = backup_folder(db_path)
    daily = daily_backup(db_path, today=DAY)
    os.utime(daily, (datetime(2025, 3, 10, 8, 30).timestamp(),) * 2)
    before_import = backup_database(database, db_path, "before-import")
    before_v9 = folder / "overload-before-v9-20200101-120000.sqlite"
    before_v9.write_bytes(daily.read_bytes())
    (folder / "unrelated.txt").write_text("not a backup")
    (folder / "other-2025-03-10.sqlite").write_bytes(b"")  # another database's backup
    (folder / "overload-2026-13-45.sqlite").write_bytes(b"")  # not a date
    found = list_backups(db_path)
    assert [(b.path, b.kind) for b in found] == [
        (before_import, "before-import"), (daily, "daily"), (before_v9, "before-vN")]
    assert found[1].created == datetime(2025, 3, 10, 8, 30)
    assert found[2].created == datetime(2020, 1, 1, 12, 0)
    assert all(b.size_bytes == b.path.stat().st_size > 0 for b in found)


def test_restore_brings_back_the_old_rows_through_the_live_connection(db, db_path):
    Session.create(date=DAY, name="Before")
    backup = daily_backup(db_path, today=DAY)
    Session.create(date=DAY, name="After")
    connection = database.connection()
    safety = restore_backup(db_path, backup)
    assert database.connection() is connection  # the same open connection sees the old data
    assert session_names() == ["Before"]
    assert safety.exists() and "before-restore" in safety.name
    with sqlite3.connect(safety) as copy:  # the state before restoring is kept
        assert copy.execute("SELECT name FROM session ORDER BY id").fetchall() == [
            ("Before",), ("After",)]
    Session.create(date=DAY, name="Later")  # still writable, still in WAL, keys still enforced
    assert session_names() == ["Before", "Later"]
    assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert database.execute_sql("PRAGMA quick_check").fetchone()[0] == "ok"


def test_restore_is_visible_to_other_connections(db, db_path):
    backup = daily_backup(db_path, today=DAY)
    Session.create(date=DAY, name="Gone after restore")
    restore_backup(db_path, backup)
    with sqlite3.connect(db_path) as other:
        assert other.execute("SELECT COUNT(*) FROM session").fetchone()[0] == 0


def test_an_older_schema_backup_is_migrated_after_restoring(db, db_path, tmp_path):
    old_path = tmp_path / "old.sqlite"
    old = SqliteDatabase(str(old_path))
    migrate(old, old_path, target=LATEST_VERSION - 1)  # as an older Overload left it
    old.close()
    restore_backup(db_path, old_path)
    assert database.execute_sql("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert session_names() == []


def damaged_copy(source: Path, target: Path) -> Path:
    data = bytearray(source.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data), page):  # scramble every page after the first two
        data[offset + 8:offset + 200] = os.urandom(192)
    target.write_bytes(bytes(data))
    return target


@pytest.mark.parametrize("damage, message", [
    ("damaged", "damaged"),
    ("truncated", "damaged"),
    ("text", "not a database file"),
    ("newer", "newer version of Overload"),
    ("foreign", "not an Overload database"),
])
def test_a_bad_backup_is_refused_and_nothing_changes(db, db_path, tmp_path, damage, message):
    Session.create(date=DAY, name="Current")
    good = daily_backup(db_path, today=DAY)
    bad = tmp_path / "bad.sqlite"
    if damage == "damaged":
        damaged_copy(good, bad)
    elif damage == "truncated":
        bad.write_bytes(good.read_bytes()[:6000])
    elif damage == "text":
        bad.write_text("hello")
    elif damage == "newer":
        bad.write_bytes(good.read_bytes())
        with sqlite3.connect(bad) as newer:
            newer.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    else:
        with sqlite3.connect(bad) as foreign:
            foreign.execute("CREATE TABLE notes (text TEXT)")
    backups_before = sorted(backup_folder(db_path).iterdir())
    with pytest.raises(BackupError, match=message):
        restore_backup(db_path, bad)
    assert session_names() == ["Current"]
    assert sorted(backup_folder(db_path).iterdir()) == backups_before  # no safety copy either


def test_no_database_file_no_backup(tmp_path):
    assert daily_backup(tmp_path / "missing.sqlite", today=DAY) is None
    assert list_backups(tmp_path / "missing.sqlite") == []


def test_quitting_stops_a_daily_backup_and_leaves_no_file(db, db_path):
    # Enough pages that the copy is still running when it is interrupted.
    database.execute_sql("CREATE TABLE padding (blob BLOB)")
    with database.atomic():
        for _ in range(60):
            database.execute_sql("INSERT INTO padding VALUES (randomblob(1000000))")
    outcome: list[object] = []

    def copy() -> None:
        try:
            outcome.append(daily_backup(db_path, today=date(2026, 3, 1)))
        except BackupInterruptedError as exc:
            outcome.append(exc)

    worker = threading.Thread(target=copy)
    worker.start()
    while worker.is_alive():  # until the copy has started and been told to stop
        stop_daily_backups()
    worker.join()
    assert isinstance(outcome[0], BackupInterruptedError), outcome
    assert not any(backup_folder(db_path).iterdir())  # no backup, no .partial
    # A daily backup that starts after the stop (a timer firing while the app quits) stops too.
    with pytest.raises(BackupInterruptedError):
        daily_backup(db_path, today=date(2026, 3, 1))
    assert not any(backup_folder(db_path).iterdir())
    resume_daily_backups()  # the next start makes it
    assert daily_backup(db_path, today=date(2026, 3, 1)) is not None
