"""The one database object and how a file becomes an open, current, trustworthy database.

`database` is a proxy that `open_database()` binds once per process (tests bind a temporary file).
Opening never overwrites or deletes a file it cannot read: it raises an error naming the file, and
the caller offers a fresh database beside it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

import peewee
from peewee import DatabaseProxy, Model, SqliteDatabase

from models.storage.files import UnreadableFileError, read_head

database = DatabaseProxy()

PRAGMAS = {
    "foreign_keys": 1,
    "journal_mode": "wal",
    # A desktop app writes rarely; FULL keeps the last save through a power cut.
    "synchronous": "full",
    "busy_timeout": 5000,
}

SQLITE_MAGIC = b"SQLite format 3\x00"
# Files beside a database that belong to it: SQLite's journals and the instance lock
# (ui/instance_lock.py). Nothing else may write over them.
LOCK_SUFFIX = ".lock"
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal", LOCK_SUFFIX)


def database_files(path: Path | str) -> tuple[Path, ...]:
    """The database file and the files beside it that belong to it."""
    path = Path(path)
    return (path, *(path.with_name(path.name + suffix) for suffix in COMPANION_SUFFIXES))


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


class ReadOnlyDatabaseError(DatabaseOpenError):
    """The file or its folder cannot be written (permissions, a read-only disk): Overload needs
    both, for the database and for its journal (WAL) beside it."""


# (st_dev, st_ino) of each file open_database() opened: a file deleted, moved or replaced while the
# app runs is noticed before the next write instead of writing into a file that no longer has a
# name (SQLite keeps writing into an unlinked file without complaint; it is gone at exit).
_opened_files: dict[Path, tuple[int, int]] = {}


def open_database(path: Path | str, *, seed_library: bool = True) -> SqliteDatabase:
    """Open (creating if needed) the database at `path`, migrate it, bind it to `database`.

    Check first, write after: the file is inspected read-only (inspect_database_file) and only
    a missing or empty file, an SQLite file with nothing in it, or Overload's own database is
    ever opened for writing. NotADatabaseError, CorruptDatabaseError or DatabaseTooNewError
    leave the file as it was, byte for byte. A database being migrated is first copied with
    VACUUM INTO into backups/ beside it. What the app can rebuild (the landmarks' rows, the
    library) is rebuilt if missing.
    """
    from models.storage import migrations  # late: migrations imports the schema, which imports us

    path = Path(path).expanduser()
    try:
        path = path.resolve()
        inspect_database_file(path)
        path.parent.mkdir(parents=True, exist_ok=True)
    except IsADirectoryError as exc:
        raise NotADatabaseError(path, f"{path} is a folder, not a database file; nothing was "
                                      "changed.") from exc
    except PermissionError as exc:  # its folder cannot be created or read
        raise ReadOnlyDatabaseError(path, _unwritable_text(path, exc)) from exc
    except (OSError, RuntimeError) as exc:  # a name too long, a symlink loop, a disk error…
        raise NotADatabaseError(path, f"{path} cannot be opened ({_reason(exc)}); nothing was "
                                      "changed.") from exc
    _refuse_read_only(path)
    db = SqliteDatabase(str(path), pragmas=PRAGMAS)
    try:
        db.connect()
        _check_integrity(db, path)
        migrations.migrate(db, path)
        migrations.rebuild_missing_rows(db)
    except (sqlite3.DatabaseError, peewee.DatabaseError) as exc:
        db.close()
        raise _classify(path, exc) from exc
    except BaseException:
        db.close()
        raise
    database.initialize(db)
    _opened_files[path] = _identity(path)
    if seed_library:
        from models.library import sync_shipped_library

        sync_shipped_library()
    return db


def inspect_database_file(path: Path) -> int:
    """The schema version of the Overload database at `path`, or 0 for a file to create (none,
    empty, or an SQLite file with no tables); DatabaseOpenError for anything else. Read-only:
    a rollback-journal file is opened `mode=ro`, a WAL file `immutable` (a read-only WAL
    connection would leave -wal and -shm files beside a file that is not ours)."""
    if path.is_dir():
        raise IsADirectoryError(21, "is a folder", str(path))
    if not path.exists():
        return 0
    try:
        header = read_head(path, _HEADER_BYTES)
    except UnreadableFileError as exc:
        raise NotADatabaseError(path, f"{path} is {exc.strerror}; it was left untouched.") \
            from None
    if not header:
        return 0
    if not header.startswith(SQLITE_MAGIC):
        raise NotADatabaseError(path, f"{path} is not a database file; it was left untouched.")
    in_wal_mode = len(header) > _WRITE_VERSION_OFFSET and header[_WRITE_VERSION_OFFSET] == 2
    mode = "immutable=1" if in_wal_mode else "mode=ro"
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?{mode}", uri=True)
        try:
            version, tables, check = _contents(connection, integrity=not in_wal_mode)
        finally:
            connection.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # names that are not text
        raise _classify(path, exc) from exc
    if check != "ok":
        raise CorruptDatabaseError(
            path, f"{path} is damaged (integrity check: {check}); it was left untouched.")
    refused = contents_error(path, version, tables)
    if refused is not None:
        raise refused
    return version


# The SQLite header: its first 100 bytes; byte 18 is 2 for a WAL database, 1 for rollback.
_HEADER_BYTES, _WRITE_VERSION_OFFSET = 100, 18
# Tables every Overload database has had since version 1: without them it is not one.
CORE_TABLES = ("muscle_group", "exercise", "session", "session_exercise", "logged_set",
               "setting")


def _contents(connection: sqlite3.Connection, *, integrity: bool) -> tuple[int, set[str], str]:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    tables = table_names(connection)
    check = connection.execute("PRAGMA quick_check").fetchone()[0] if integrity else "ok"
    return version, tables, check


def contents_problem(version: int, tables: set[str]) -> tuple[type[DatabaseOpenError], str] | None:
    """Why a database with this user_version and these tables is not one Overload may open
    and write — the error to raise and the rest of the sentence "<file> …" — or None."""
    from models.storage.migrations import LATEST_VERSION  # late: migrations imports us

    if version > LATEST_VERSION:
        return DatabaseTooNewError, (
            f"was written by a newer version of Overload (schema {version}; this version "
            f"reads up to {LATEST_VERSION}). Update Overload to open it")
    if version == 0 and tables:
        shown = ", ".join(sorted(tables)[:5]) + (", …" if len(tables) > 5 else "")
        return NotADatabaseError, (
            f"is another program's SQLite database (tables {shown}), not an Overload "
            "database: Overload does not change it")
    missing = [name for name in CORE_TABLES if name not in tables]
    if version > 0 and missing:
        return NotADatabaseError, (
            f"is not a complete Overload database (no {', '.join(missing)} "
            f"{'table' if len(missing) == 1 else 'tables'})")
    return None


def contents_error(path: Path, version: int, tables: set[str]) -> DatabaseOpenError | None:
    """contents_problem() as the error for a database file the app was asked to open."""
    problem = contents_problem(version, tables)
    if problem is None:
        return None
    error, text = problem
    return error(path, f"{path} {text}; it was left untouched.")


def table_names(connection: sqlite3.Connection) -> set[str]:
    """The tables of a database, SQLite's own excepted."""
    return {name for (name,) in connection.execute(_TABLES_SQL).fetchall()}


_TABLES_SQL = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"


def close_database() -> None:
    if database.obj is not None and not database.is_closed():
        database.close()


def _refuse_read_only(path: Path) -> None:
    """Refuse, before SQLite opens it, a database or folder that cannot be written: SQLite would
    open such a file read-only without a word, and the first save would fail instead."""
    try:
        if path.exists():
            with path.open("r+b"):  # opened for writing, nothing written
                pass
        with tempfile.TemporaryFile(dir=path.parent):  # the WAL and the lock go beside it
            pass
    except OSError as exc:
        raise ReadOnlyDatabaseError(path, _unwritable_text(path, exc)) from exc


def _unwritable_text(path: Path, exc: OSError) -> str:
    return (f"{path} cannot be written ({_reason(exc)}): Overload needs to write to the database "
            f"and to its folder {path.parent}. Nothing was changed.")


def _reason(exc: Exception) -> str:
    strerror = getattr(exc, "strerror", None)
    return strerror.lower() if strerror else str(exc)


def _classify(path: Path, exc: Exception) -> DatabaseOpenError:
    if isinstance(exc, UnicodeDecodeError) or "malformed" in str(exc) or "corrupt" in str(exc):
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
    make_backup_folder(folder)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{backup_prefix(path)}{label}-{stamp}.sqlite"
    counter = 1
    # Under a temporary name until complete: a killed copy must never be listed as a backup.
    # A name whose temporary file a killed copy left is skipped (VACUUM INTO will not write
    # into a file that has content); models.storage.backups removes such leftovers later.
    while target.exists() or _partial(target).exists():
        counter += 1
        target = folder / f"{backup_prefix(path)}{label}-{stamp}-{counter}.sqlite"
    partial = _partial(target)
    try:
        db.execute_sql("VACUUM INTO ?", (str(partial),))
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def _partial(target: Path) -> Path:
    return target.with_name(target.name + ".partial")


def backup_prefix(path: Path) -> str:
    """How the backups of the database at `path` begin: its whole file name, so that
    `log.sqlite` and `log.db` in one folder never share one."""
    return f"{path.name}-"


def make_backup_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise BackupFolderError(folder, "is a file, not a folder") from None
    except OSError as exc:
        raise BackupFolderError(folder, _reason(exc)) from None


class BackupFolderError(OSError):
    """The backups folder cannot be made; the message names it and says why."""

    def __init__(self, folder: Path, reason: str) -> None:
        super().__init__(f"the backups folder {folder} cannot be used ({reason}), so no "
                         "backup could be made first")
        self.folder = folder


def fresh_path_beside(path: Path) -> Path:
    """A path for a new database next to one that cannot be used, never an existing file."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}-fresh-{stamp}.sqlite")
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = path.with_name(f"{path.stem}-fresh-{stamp}-{counter}.sqlite")
    return candidate


# --- the file under the open database ----------------------------------------------------------

def _identity(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_dev, info.st_ino


def database_file_status(path: Path | str) -> str:
    """"ok"; "missing" when the file open_database() opened at `path` was deleted or moved away;
    "replaced" when another file now has its name. SQLite goes on writing into a deleted file
    without an error, and that data is lost when the app quits: check before writing."""
    path = Path(path).expanduser().resolve()
    opened = _opened_files.get(path)
    try:
        current = _identity(path)
    except OSError:  # gone, or its folder is: nothing can be written there
        return "missing"
    return "ok" if opened is None or current == opened else "replaced"


def save_open_database_as(path: Path | str) -> Path:
    """Write the open database — as the app still sees it — to `path`, then reopen it there.

    For a database file deleted or replaced while the app ran: the connection still reads the old
    file, so VACUUM INTO copies every committed change into a new file. The old file's WAL and
    shared-memory files, if left behind under the name, are moved aside first: SQLite would
    otherwise replay them into the new file. `path` must not exist. Returns `path`."""
    path = Path(path).expanduser().resolve()
    if path.exists():
        raise FileExistsError(17, "a file of that name exists", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    database.execute_sql("VACUUM INTO ?", (str(partial),))
    old = Path(database.obj.database)
    close_database()
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    # The old name's leftovers only when no file has that name any more: a file that replaced
    # ours may own a journal of its own there.
    owners = [path] if old.exists() else [path, old]
    for owner in owners:
        for suffix in ("-wal", "-shm"):
            leftover = owner.with_name(owner.name + suffix)
            if leftover.exists():
                leftover.rename(leftover.with_name(f"{leftover.name}.orphaned-{stamp}"))
    os.replace(partial, path)
    open_database(path, seed_library=False)
    return path


def replace_damaged_with_backup(path: Path | str, backup: Path | str) -> Path:
    """Put a backup in the place of a damaged database, keeping the damaged file: it is renamed
    to `<stem>-damaged-<stamp>.sqlite` (with its -wal and -shm), never deleted. The backup is
    checked first (models.storage.backups.check_backup); a bad one raises and changes nothing.
    Returns where the damaged file went. Open the database afterwards with open_database(path)."""
    from models.storage.backups import check_backup  # late: backups imports this module

    path, backup = Path(path).expanduser().resolve(), Path(backup)
    check_backup(backup)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.stem}-damaged-{stamp}.sqlite")
    counter = 1
    while kept.exists():
        counter += 1
        kept = path.with_name(f"{path.stem}-damaged-{stamp}-{counter}.sqlite")
    partial = path.with_name(path.name + ".partial")
    shutil.copyfile(backup, partial)  # copied before anything moves: a failure changes nothing
    if path.exists():
        path.rename(kept)
    for suffix in ("-wal", "-shm"):  # they belong to the damaged file, not to the backup
        leftover = path.with_name(path.name + suffix)
        if leftover.exists():
            leftover.rename(kept.with_name(kept.name + suffix))
    os.replace(partial, path)
    return kept


def describe_write_error(path: Path | str, exc: BaseException) -> str:
    """What a failed write means for the user, naming the file: read-only, disk full, …

    SQLite rolls a transaction back by itself on some errors (a full disk); peewee's own ROLLBACK
    then fails with "no transaction is active" and hides the cause, which is looked for in the
    chain of exceptions."""
    chain, seen = [], exc
    while seen is not None and len(chain) < 10:
        chain.append(str(seen))
        seen = seen.__cause__ or seen.__context__
    for text in reversed(chain):  # the first cause first
        reason = _write_error_reason(text.lower())
        if reason:
            return f"{path} could not be written: {reason} ({text})."
    return f"{path} could not be written ({chain[0]})."


def _write_error_reason(text: str) -> str | None:
    reasons = (("readonly", "the file or its folder is read-only"),
               ("read-only", "the file or its folder is read-only"),
               ("disk is full", "the disk is full"),
               ("disk i/o", "the disk reported an error"),
               ("locked", "another program is using the database"),
               ("unable to open", "the file cannot be opened (was it deleted or moved?)"),
               ("malformed", "the file is damaged"))
    return next((reason for key, reason in reasons if key in text), None)
