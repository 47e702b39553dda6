"""Copies of the database in backups/ beside it: daily ones, and restoring any copy.

Every copy is a `VACUUM INTO` of the live database, named after the database file's stem:
- `overload-2026-11-25.sqlite`                        daily, kept for the last `keep` days used;
- `overload-before-import-20261125-081500.sqlite`     before an import (models/importing.py);
- `overload-before-restore-20261125-081500.sqlite`    before restoring another copy;
- `overload-before-v3-20261125-081500.sqlite`         before a schema migration.
Only daily copies are pruned: the others were taken before a particular change and stay until the
user deletes them.

Restoring goes through SQLite's backup API into the connection the app holds open, so the app sees
the restored data at once, with no reopening and no file replaced under an open connection.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from models.db import SQLITE_MAGIC, backup_database, database
from models.migrations import LATEST_VERSION, migrate

DAILY_KEEP = 10
KINDS = ("daily", "before-import", "before-restore", "before-vN")


class BackupError(Exception):
    """A backup that cannot be restored; the message says which file and why."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    size_bytes: int
    kind: str  # one of KINDS


def backup_folder(db_path: Path | str) -> Path:
    return Path(db_path).parent / "backups"


def daily_backup(db_path: Path | str, today: date | None = None,
                 keep: int = DAILY_KEEP) -> Path | None:
    """Copy the database to backups/<stem>-YYYY-MM-DD.sqlite unless today's copy exists; prune
    daily copies beyond the newest `keep`. Returns the new copy, or None when there was none to
    make. Uses its own short-lived connection, so it may run on any thread."""
    db_path = Path(db_path)
    if not db_path.exists():
        return None
    today = today or date.today()
    folder = backup_folder(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{db_path.stem}-{today.isoformat()}.sqlite"
    made = None
    if not target.exists():
        # Copy to a temporary name first: a half-written file (power cut, full disk) must never
        # pass for today's backup.
        partial = target.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        connection = sqlite3.connect(db_path, timeout=5)
        try:
            connection.execute("VACUUM INTO ?", (str(partial),))
        finally:
            connection.close()
        os.replace(partial, target)
        made = target
    _prune_daily(db_path, keep)
    return made


def list_backups(db_path: Path | str) -> list[BackupInfo]:
    """Every backup of this database, newest first."""
    db_path = Path(db_path)
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        named = _parse_name(db_path.stem, path)
        if named is not None and path.is_file():
            kind, created = named
            found.append(BackupInfo(path, created, path.stat().st_size, kind))
    return sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)


def check_backup(backup_path: Path | str) -> int:
    """The schema version of a restorable backup; BackupError when it is damaged, not an
    Overload database, or written by a newer version of Overload."""
    backup_path = Path(backup_path)
    try:
        with backup_path.open("rb") as handle:
            if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                raise BackupError(f"{backup_path.name} is not a database file.")
        connection = _open_read_only(backup_path)
        try:
            check = connection.execute("PRAGMA quick_check").fetchone()[0]
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            tables = {name for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            connection.close()
    except (OSError, sqlite3.DatabaseError) as exc:
        raise BackupError(
            f"{backup_path.name} is damaged and cannot be restored ({exc}).") from None
    if check != "ok":
        raise BackupError(f"{backup_path.name} is damaged and cannot be restored "
                          f"(integrity check: {check}).")
    if version > LATEST_VERSION:
        raise BackupError(f"{backup_path.name} was written by a newer version of Overload "
                          f"(schema {version}; this version reads up to {LATEST_VERSION}).")
    if version < 1 or not {"exercise", "session", "logged_set"} <= tables:
        raise BackupError(f"{backup_path.name} is not an Overload database.")
    return version


def restore_backup(db_path: Path | str, backup_path: Path | str) -> Path:
    """Replace the open database's content with `backup_path`'s; returns the backup of the state
    before restoring. The backup is checked first and a bad one changes nothing. A backup from an
    older schema is migrated after restoring. Call on the thread that owns the app's connection."""
    db_path, backup_path = Path(db_path), Path(backup_path)
    version = check_backup(backup_path)
    safety = backup_database(database, db_path, "before-restore")
    source = _open_read_only(backup_path)
    try:
        source.backup(database.connection())
    finally:
        source.close()
    # The copy brings its own journal mode in its header; the app runs in WAL (STYLE §3).
    database.execute_sql("PRAGMA journal_mode = wal")
    if version < LATEST_VERSION:
        migrate(database, db_path)
    return safety


# --- the parts -----------------------------------------------------------------------------------

def _open_read_only(path: Path) -> sqlite3.Connection:
    # mode=ro: checking or copying a backup must never change it (not even a journal beside it).
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _parse_name(stem: str, path: Path) -> tuple[str, datetime] | None:
    """(kind, created) for a backup file name of the database called `stem`, else None."""
    name = path.name
    prefix = f"{stem}-"
    if not name.startswith(prefix) or not name.endswith(".sqlite"):
        return None
    rest = name[len(prefix):-len(".sqlite")]
    if _DAILY.fullmatch(rest):
        try:
            return "daily", _daily_created(rest, path)
        except ValueError:  # "2026-13-45": looks like ours but is not
            return None
    labelled = _LABELLED.fullmatch(rest)
    if labelled:
        label = labelled["label"]
        kind = "before-vN" if label.startswith("before-v") else label
        return kind, datetime.strptime(labelled["stamp"], "%Y%m%d-%H%M%S")
    return None


_DAILY = re.compile(r"\d{4}-\d{2}-\d{2}")
_LABELLED = re.compile(
    r"(?P<label>before-import|before-restore|before-v\d+)-(?P<stamp>\d{8}-\d{6})(?:-\d+)?")


def _daily_created(day_text: str, path: Path) -> datetime:
    """The day is in the name; the time of day is the file's, when the file is from that day."""
    day = date.fromisoformat(day_text)
    modified = datetime.fromtimestamp(path.stat().st_mtime)
    return modified if modified.date() == day else datetime.combine(day, datetime.min.time())


def _prune_daily(db_path: Path, keep: int) -> None:
    daily = sorted(b.path for b in list_backups(db_path) if b.kind == "daily")
    for old in daily[:-keep] if keep > 0 else daily:
        old.unlink(missing_ok=True)
