"""How a file becomes the open, current, trustworthy database — and what happens to that file
while the app runs.

Opening checks first and writes after (inspect_database_file): only a missing or empty file, an
SQLite file with nothing in it, or Overload's own database is ever opened for writing; anything
else raises an error naming the file and is left byte for byte. Opening never overwrites or
deletes a file it cannot use: the caller offers a fresh database beside it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

import peewee
from peewee import SqliteDatabase

from models.storage.backups import check_backup
from models.storage.copies import backup_database
from models.storage.db import (
    PRAGMAS,
    SQLITE_MAGIC,
    CorruptDatabaseError,
    DatabaseOpenError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    close_database,
    database,
    os_error_text,
    table_names,
)
from models.storage.files import UnreadableFileError, read_head
from models.storage.migrations import (
    LATEST_VERSION,
    contents_error,
    migrate,
    rebuild_missing_rows,
)

# (st_dev, st_ino) of each file open_database() opened: a file deleted, moved or replaced while the
# app runs is noticed before the next write instead of writing into a file that no longer has a
# name (SQLite keeps writing into an unlinked file without complaint; it is gone at exit).
_opened_files: dict[Path, tuple[int, int]] = {}


def open_database(path: Path | str) -> SqliteDatabase:
    """Open (creating if needed) the database at `path`, migrate it, bind it to `database`.

    NotADatabaseError, CorruptDatabaseError or DatabaseTooNewError leave the file as it was,
    byte for byte. A database being migrated is first copied with VACUUM INTO into backups/
    beside it; the muscle groups' rows the app needs are put back if missing. The shipped
    library is the caller's (models/opening.py): this layer knows nothing above storage.
    """
    path = Path(path).expanduser()
    try:
        path = path.resolve()
        version = inspect_database_file(path)
        path.parent.mkdir(parents=True, exist_ok=True)
    except IsADirectoryError as exc:
        raise NotADatabaseError(path, f"{path} is a folder, not a database file; nothing was "
                                      "changed.") from exc
    except PermissionError as exc:  # its folder cannot be created or read
        raise ReadOnlyDatabaseError(path, _unwritable_text(path, exc)) from exc
    except (OSError, RuntimeError) as exc:  # a name too long, a symlink loop, a disk error…
        raise NotADatabaseError(path, f"{path} cannot be opened ({os_error_text(exc)}); "
                                      "nothing was changed.") from exc
    _refuse_read_only(path)
    db = SqliteDatabase(str(path), pragmas=PRAGMAS)
    try:
        db.connect()
        _check_integrity(db, path)
        if 0 < version < LATEST_VERSION:
            backup_database(db, path, f"before-v{LATEST_VERSION}")
        migrate(db, path)
        rebuild_missing_rows(db)
    except (sqlite3.DatabaseError, peewee.DatabaseError) as exc:
        db.close()
        raise _classify(path, exc) from exc
    except BaseException:
        db.close()
        raise
    database.initialize(db)
    _opened_files[path] = _identity(path)
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


def _contents(connection: sqlite3.Connection, *, integrity: bool) -> tuple[int, set[str], str]:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    tables = table_names(connection)
    check = connection.execute("PRAGMA quick_check").fetchone()[0] if integrity else "ok"
    return version, tables, check


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
    return (f"{path} cannot be written ({os_error_text(exc)}): Overload needs to write to the "
            f"database and to its folder {path.parent}. Nothing was changed.")


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


def fresh_path_beside(path: Path) -> Path:
    """A path for a new database next to one that cannot be used, never an existing file."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}-fresh-{stamp}.sqlite")
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = path.with_name(f"{path.stem}-fresh-{stamp}-{counter}.sqlite")
    return candidate


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
    open_database(path)
    return path


def replace_damaged_with_backup(path: Path | str, backup: Path | str) -> Path:
    """Put a backup in the place of a damaged database, keeping the damaged file: it is renamed
    to `<stem>-damaged-<stamp>.sqlite` (with its -wal and -shm), never deleted. The backup is
    checked first (models.storage.backups.check_backup); a bad one raises and changes nothing.
    Returns where the damaged file went. Open the database afterwards with open_database(path)."""
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
