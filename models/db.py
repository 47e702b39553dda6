"""The one database object and how a file becomes an open, current, trustworthy database.

`database` is a proxy that `open_database()` binds once per process (tests bind a temporary file).
Opening never overwrites or deletes a file it cannot read: it raises an error naming the file, and
the caller offers a fresh database beside it.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import peewee
from peewee import DatabaseProxy, Model, SqliteDatabase

database = DatabaseProxy()

PRAGMAS = {
    "foreign_keys": 1,
    "journal_mode": "wal",
    # A desktop app writes rarely; FULL keeps the last save through a power cut.
    "synchronous": "full",
    "busy_timeout": 5000,
}

SQLITE_MAGIC = b"SQLite format 3\x00"


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class DatabaseOpenError(Exception):
    """A database file that cannot be used as it is. `path` names the file."""

    def __init__(self, path: Path, message: str):
        super().__init__(message)
        self.path = path


class NotADatabaseError(DatabaseOpenError):
    pass


class CorruptDatabaseError(DatabaseOpenError):
    pass


class DatabaseTooNewError(DatabaseOpenError):
    pass


def open_database(path: Path | str, *, seed_library: bool = True) -> SqliteDatabase:
    """Open (creating if needed) the database at `path`, migrate it, bind it to `database`.

    Raises NotADatabaseError, CorruptDatabaseError or DatabaseTooNewError without touching the
    file. A database being migrated is first copied with VACUUM INTO into backups/ beside it.
    """
    from models import migrations  # late: migrations imports the schema, which imports us

    path = Path(path).expanduser().resolve()
    _refuse_unreadable(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = SqliteDatabase(str(path), pragmas=PRAGMAS)
    try:
        db.connect()
        _check_integrity(db, path)
        migrations.migrate(db, path)
    except (sqlite3.DatabaseError, peewee.DatabaseError) as exc:
        db.close()
        raise _classify(path, exc) from exc
    except BaseException:
        db.close()
        raise
    database.initialize(db)
    if seed_library:
        from models.library import sync_shipped_library

        sync_shipped_library()
    return db


def close_database() -> None:
    if database.obj is not None and not database.is_closed():
        database.close()


def _refuse_unreadable(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_MAGIC))
    if header != SQLITE_MAGIC:
        raise NotADatabaseError(path, f"{path} is not a database file; it was left untouched.")


def _classify(path: Path, exc: Exception) -> DatabaseOpenError:
    if "malformed" in str(exc) or "corrupt" in str(exc):
        return CorruptDatabaseError(path, f"{path} is damaged ({exc}); it was left untouched.")
    return NotADatabaseError(path, f"{path} cannot be used as an Overload database ({exc}); "
                                   "it was left untouched.")


def _check_integrity(db: SqliteDatabase, path: Path) -> None:
    result = db.execute_sql("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        raise CorruptDatabaseError(
            path, f"{path} is damaged (integrity check: {result}); it was left untouched.")


def backup_database(db: SqliteDatabase, path: Path, label: str) -> Path:
    """Write a consistent copy of the open database into backups/ beside it (VACUUM INTO)."""
    folder = path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-{label}-{stamp}.sqlite"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{path.stem}-{label}-{stamp}-{counter}.sqlite"
    db.execute_sql("VACUUM INTO ?", (str(target),))
    return target


def fresh_path_beside(path: Path) -> Path:
    """A path for a new database next to one that cannot be used, never an existing file."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}-fresh-{stamp}.sqlite")
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = path.with_name(f"{path.stem}-fresh-{stamp}-{counter}.sqlite")
    return candidate
