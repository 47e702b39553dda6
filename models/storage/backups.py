"""Copies of the database in backups/ beside it: daily ones, and restoring any copy.

Every copy is a `VACUUM INTO` of the live database, written under a temporary name and renamed
when complete (a killed copy never passes for a backup), and named after the database's whole
file name, so `log.sqlite` and `log.db` in one folder never share a backup:
- `overload.sqlite-2026-11-25.sqlite`                    daily, kept for the last `keep` days;
- `overload.sqlite-before-import-20261125-081500.sqlite` before an import (io/import_writer.py);
- `overload.sqlite-before-restore-20261125-081500.sqlite` before restoring another copy;
- `overload.sqlite-before-v3-20261125-081500.sqlite`     before a schema migration.
Backups made by earlier versions, named after the stem (`overload-2026-11-25.sqlite`), are still
listed for a `.sqlite` database. Only daily copies are pruned, and only those dated up to today:
after the clock was moved back, the copies "from the future" are neither counted nor deleted.
The others were taken before a particular change and stay until the user deletes them.

Restoring checks the whole copy first in a staged copy and then replaces the open database's
content by SQL through the app's own connection (models/storage/restoring.py): the app sees the
restored data at once, with no file replaced under an open connection.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import sqlite3
import tempfile
import threading
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from models.storage.copies import backup_database, backup_prefix, make_backup_folder
from models.storage.db import SQLITE_MAGIC, database
from models.storage.files import read_head
from models.storage.restoring import ContentError, replace_content, stage_database

DAILY_KEEP = 10
# Connections of daily backups being written, and whether quitting told them to stop; once
# stopped, a daily backup that starts later stops at once.
_copying: dict[sqlite3.Connection, bool] = {}
_stopping = threading.Event()
KINDS = ("daily", "before-import", "before-restore", "before-vN")


class BackupError(Exception):
    """A backup that cannot be restored; the message says which file and why."""


class BackupInterruptedError(BackupError):
    """A daily backup stopped because the app is quitting; nothing was left behind."""


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
    make_backup_folder(folder)
    target = folder / f"{backup_prefix(db_path)}{today.isoformat()}.sqlite"
    _remove_leftover_partials(db_path)
    made = None
    if not target.exists():
        # Copy to a temporary name first: a half-written file (power cut, full disk) must never
        # pass for today's backup.
        partial = target.with_name(target.name + ".partial")
        connection = sqlite3.connect(db_path, timeout=5, check_same_thread=False)
        _copying[connection] = _stopping.is_set()
        # Asked every few thousand steps of the copy: a stop aborts it even when it came
        # between this point and the copy's start, when an interrupt would be lost.
        connection.set_progress_handler(lambda: _copying[connection], 4096)
        try:
            connection.execute("VACUUM INTO ?", (str(partial),))
            os.replace(partial, target)
        except sqlite3.OperationalError:
            partial.unlink(missing_ok=True)
            # Stopped mid-copy, or while the copy opened its file (which then fails to open).
            if _copying[connection]:
                raise BackupInterruptedError("the daily backup was stopped (quitting)") from None
            raise
        finally:
            del _copying[connection]
            connection.close()
        made = target
    _prune_daily(db_path, today, keep)
    return made


def stop_daily_backups() -> None:
    """Interrupt any daily backup being written, from any thread: quitting must not wait for a
    copy of a big database. The interrupted copy leaves no file; the next start makes it."""
    _stopping.set()
    for connection in list(_copying):
        _copying[connection] = True
        with contextlib.suppress(sqlite3.ProgrammingError):  # it closed meanwhile: done
            connection.interrupt()


def resume_daily_backups() -> None:
    """Daily backups may run again after stop_daily_backups() (a process that opens a database
    again after closing one: the tests)."""
    _stopping.clear()


def list_backups(db_path: Path | str) -> list[BackupInfo]:
    """Every backup of this database, newest first."""
    db_path = Path(db_path)
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        named = _parse_name(db_path, path)
        if named is not None and path.is_file():
            kind, created = named
            found.append(BackupInfo(path, created, path.stat().st_size, kind))
    return sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)


def check_backup(backup_path: Path | str) -> int:
    """The schema version of a backup that can be restored, after checking all of it (in a
    staged copy: models/storage/restoring.py); BackupError saying why it cannot — damaged, not an
    Overload database, written by a newer version, or content the app cannot use."""
    backup_path = Path(backup_path)
    with tempfile.TemporaryDirectory(prefix="overload-check-") as folder:
        return _stage(backup_path, Path(folder) / "staged.sqlite")


def restore_backup(db_path: Path | str, backup_path: Path | str) -> Path:
    """Replace the open database's content with `backup_path`'s; returns the backup of the state
    before restoring. The backup is checked whole first and a bad one changes nothing; one from
    an older version is migrated in the staged copy. Runs on any thread (it uses that thread's
    connection): the GUI runs it in a worker. Another program holding the write lock longer than
    restoring.RESTORE_BUSY_SECONDS raises BackupError, changing nothing."""
    db_path, backup_path = Path(db_path), Path(backup_path)
    with tempfile.TemporaryDirectory(prefix="overload-restore-") as folder:
        staged = Path(folder) / "staged.sqlite"
        _stage(backup_path, staged)
        safety = backup_database(database, db_path, "before-restore")
        try:
            replace_content(staged)
        except ContentError as exc:
            safety.unlink(missing_ok=True)  # nothing changed: the copy is the database as it is
            raise BackupError(f"{backup_path.name} was not restored: {exc}. Nothing was "
                              "changed.") from None
        except BaseException:
            safety.unlink(missing_ok=True)
            raise
    return safety


def _stage(backup_path: Path, staged: Path) -> int:
    try:
        if read_head(backup_path, len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise BackupError(f"{backup_path.name} is not a database file.")
        return stage_database(backup_path, staged)
    except ContentError as exc:
        raise BackupError(f"{backup_path.name} cannot be restored: {exc}.") from None
    except (OSError, sqlite3.DatabaseError) as exc:
        raise BackupError(f"{backup_path.name} cannot be restored ({exc}).") from None


# --- the parts -----------------------------------------------------------------------------------

def _parse_name(db_path: Path, path: Path) -> tuple[str, datetime] | None:
    """(kind, created) for the name of a backup of the database at `db_path`, else None."""
    name = path.name
    if not name.endswith(".sqlite"):
        return None
    for prefix in _prefixes(db_path):
        if name.startswith(prefix):
            parsed = _parse_rest(name[len(prefix):-len(".sqlite")], path)
            if parsed is not None:
                return parsed
    return None


def _prefixes(db_path: Path) -> tuple[str, ...]:
    """This database's backup prefix, and the stem earlier versions used for a .sqlite file."""
    if db_path.suffix == ".sqlite":
        return backup_prefix(db_path), f"{db_path.stem}-"
    return (backup_prefix(db_path),)


def _parse_rest(rest: str, path: Path) -> tuple[str, datetime] | None:
    if _DAILY.fullmatch(rest):
        try:
            return "daily", _daily_created(rest, path)
        except ValueError:  # "2026-13-45": looks like ours but is not
            return None
    labelled = _LABELLED.fullmatch(rest)
    if labelled:
        label = labelled["label"]
        kind = "before-vN" if label.startswith("before-v") else label
        try:
            return kind, datetime.strptime(labelled["stamp"], "%Y%m%d-%H%M%S")
        except ValueError:
            return None
    return None


_DAILY = re.compile(r"\d{4}-\d{2}-\d{2}")
_LABELLED = re.compile(
    r"(?P<label>before-import|before-restore|before-v\d+)-(?P<stamp>\d{8}-\d{6})(?:-\d+)?")


def _daily_created(day_text: str, path: Path) -> datetime:
    """The day is in the name; the time of day is the file's, when the file is from that day."""
    day = date.fromisoformat(day_text)
    modified = datetime.fromtimestamp(path.stat().st_mtime)
    return modified if modified.date() == day else datetime.combine(day, datetime.min.time())


def _prune_daily(db_path: Path, today: date, keep: int) -> None:
    """Keep the newest `keep` daily copies dated up to today. Copies dated later (the clock was
    moved back) are left alone and not counted: counting them would delete today's at once."""
    daily = sorted((b.created.date(), b.path) for b in list_backups(db_path)
                   if b.kind == "daily" and b.created.date() <= today)
    for _, old in daily[:-keep] if keep > 0 else daily:
        old.unlink(missing_ok=True)


def _remove_leftover_partials(db_path: Path) -> None:
    """Half-written copies of this database that a killed process left behind (an hour old:
    a copy being written right now by an import in this process is left alone)."""
    cutoff = datetime.now().timestamp() - 3600
    for partial in backup_folder(db_path).glob(f"{glob.escape(backup_prefix(db_path))}*.partial"):
        with contextlib.suppress(OSError):
            if partial.stat().st_mtime < cutoff:
                partial.unlink()
