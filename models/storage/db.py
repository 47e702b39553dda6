"""The bottom layer: the one database object, its pragmas, its errors, the files that belong to
a database file. Imports nothing else from models (tests/test_architecture.py checks).

`database` is a proxy that models.storage.connection.open_database() binds once per process
(tests bind a temporary file); peewee keeps one connection per thread behind it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any, cast

from peewee import BaseQuery, DatabaseProxy, Model

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


# peewee's stubs type every query's rows as model instances, whatever row type was asked for:
# these two say what .tuples() and .dicts() yield. Each returns the query those return, unread.

def row_tuples(query: BaseQuery) -> Iterable[tuple[Any, ...]]:
    """`query.tuples()`, typed as the tuples of column values it yields."""
    return cast("Iterable[tuple[Any, ...]]", query.tuples())


def row_dicts(query: BaseQuery) -> Iterable[dict[str, Any]]:
    """`query.dicts()`, typed as the {column name: value} dicts it yields."""
    return cast("Iterable[dict[str, Any]]", query.dicts())


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


# Tables every Overload database has had since version 1: without them it is not one.
CORE_TABLES = ("muscle_group", "exercise", "session", "session_exercise", "logged_set",
               "setting")


def table_names(connection: sqlite3.Connection) -> set[str]:
    """The tables of a database, SQLite's own excepted."""
    return {name for (name,) in connection.execute(_TABLES_SQL).fetchall()}


_TABLES_SQL = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"


def close_database() -> None:
    if database.obj is not None and not database.is_closed():
        database.close()


def describe_write_error(path: Path | str, exc: BaseException) -> str:
    """What a failed write means for the user, naming the file: read-only, disk full, …

    SQLite rolls a transaction back by itself on some errors (a full disk); peewee's own ROLLBACK
    then fails with "no transaction is active" and hides the cause, which is looked for in the
    chain of exceptions."""
    chain: list[str] = []
    seen: BaseException | None = exc
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


def os_error_text(exc: Exception) -> str:
    strerror = getattr(exc, "strerror", None)
    return strerror.lower() if strerror else str(exc)
