"""Replacing the database's content with a whole copy — a JSON export or a backup — that was
checked as a whole before anything was written.

Both kinds go through a staged copy: a scratch database in a temporary folder, made by the same
migrations as the real one, that receives the copy's content (the JSON's rows, or the backup's
pages), is migrated to this version (so an old copy is converted the way an old database is) and
is then checked whole by check_content(): every table there, every value of its column's type,
dates inside the years a log can hold, settings valid, foreign keys whole, integrity ok. Only a
copy that passes replaces the open database's content — in one IMMEDIATE transaction that waits
at most RESTORE_BUSY_SECONDS for another program's write lock, and copies by SQL, so a copy with
another page size or journal mode restores the same way.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import peewee

from models.rules.limits import DATE_RANGE_TEXT, FIRST_DATE, LAST_DATE, setting_problem
from models.storage.db import database, table_names
from models.storage.migrations import (
    LATEST_VERSION,
    contents_problem,
    migrate,
    rebuild_missing_rows,
)

# Every table, parents before children (the order to insert in; deleting goes the other way),
# with the ORDER BY that makes a JSON export independent of how rows happen to be stored.
TABLES: tuple[tuple[str, str], ...] = (
    ("muscle_group", "sort_order, key"),
    ("exercise", "id"),
    ("exercise_alias", "id"),
    ("exercise_secondary", "exercise_id, group_key"),
    ("mesocycle", "id"),
    ("session", "id"),
    ("session_exercise", "id"),
    ("logged_set", "id"),
    ("feedback", "id"),
    ("setting", "key"),
    ("exercise_mapping", "source_name"),
    ("adjustment", "id"),
    ("import_log", "id"),
)
TABLE_NAMES = tuple(name for name, _ in TABLES)
# Another program writing: how long a restore waits for it before saying so.
RESTORE_BUSY_SECONDS = 3
# Columns holding a day (must be a date the calendar can show) or a moment (its year likewise).
_DAY_COLUMNS = (("session", "date"), ("mesocycle", "start_date"))
_MOMENT_COLUMNS = (("logged_set", "logged_at"), ("mesocycle", "created_at"))
# SQLite's typeof() values a column of each declared type may hold (NULL is the schema's
# NOT NULL's business).
_TYPES = {"INTEGER": ("integer",), "REAL": ("real", "integer"), "TEXT": ("text",)}
_TYPE_WORDS = {"INTEGER": "whole numbers", "REAL": "numbers", "TEXT": "text"}
_INT64 = (-(2 ** 63), 2 ** 63 - 1)


class ContentError(ValueError):
    """A copy that cannot be restored; the message names the table, column or row at fault."""


class DatabaseBusyError(ContentError):
    """Another program held the database's write lock for longer than RESTORE_BUSY_SECONDS."""


# --- staging -------------------------------------------------------------------------------------

def stage_json(tables: object, schema: int, staged: Path) -> None:
    """Write a JSON export's `tables` (as written by export_json, at schema version `schema`)
    into a new database at `staged`, migrate it to this version and check it whole."""
    if not isinstance(tables, dict):
        raise ContentError("\"tables\" is not an object of tables")
    with closing(_scratch(staged)) as db:
        migrate(db, staged, schema)
        expected = [name for name in TABLE_NAMES if name in table_names(db.connection())]
        _check_table_names(tables, expected)
        with db.atomic():
            for name in reversed(expected):  # step 1 seeded the muscle groups: the file's win
                db.execute_sql(f"DELETE FROM {name}")
            for name in expected:
                _insert_rows(db, name, tables[name])
        _migrate_staged(db, staged)
        _raise_problems(check_content(db.connection()))


def stage_database(source: Path, staged: Path) -> int:
    """Copy the database file `source` (read-only: it is never changed) to `staged`, migrate
    the copy to this version and check it whole; returns the schema version `source` has. A
    damaged or foreign file raises ContentError."""
    with _damage_as_content():
        with closing(open_read_only(source)) as reader, \
                closing(sqlite3.connect(staged)) as writer:
            version = reader.execute("PRAGMA user_version").fetchone()[0]
            tables = table_names(reader)
            check = reader.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise ContentError(f"it is damaged (integrity check: {check})")
            _refuse_foreign(version, tables)
            reader.backup(writer)
        with closing(_scratch(staged)) as db:
            _migrate_staged(db, staged)
            _raise_problems(check_content(db.connection()))
    return version


@contextmanager
def _damage_as_content() -> Iterator[None]:
    """What a damaged file raises on the way — SQLite's errors, text that is not UTF-8 — as the
    ContentError that says so."""
    try:
        yield
    except (sqlite3.DatabaseError, peewee.DatabaseError, UnicodeDecodeError) as exc:
        raise ContentError(f"it is damaged ({exc})") from None


def open_read_only(path: Path) -> sqlite3.Connection:
    # mode=ro: reading a copy must never change it (not even a journal beside it).
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _scratch(path: Path) -> peewee.SqliteDatabase:
    db = peewee.SqliteDatabase(str(path), pragmas={"foreign_keys": 1})
    db.connect()
    return db


def _migrate_staged(db: peewee.SqliteDatabase, staged: Path) -> None:
    try:
        migrate(db, staged)
    except (sqlite3.DatabaseError, peewee.DatabaseError) as exc:
        raise ContentError(f"it cannot be brought up to this version ({exc})") from None


def _refuse_foreign(version: int, tables: set[str]) -> None:
    problem = contents_problem(version, tables)
    if problem is not None:
        raise ContentError(f"it {problem[1]}")


def _raise_problems(problems: list[str]) -> None:
    if problems:
        more = f" (and {len(problems) - 3} more problems)" if len(problems) > 3 else ""
        raise ContentError("; ".join(problems[:3]) + more)


# --- rows of a JSON file -------------------------------------------------------------------------

def _check_table_names(tables: dict, expected: list[str]) -> None:
    unknown = sorted(str(name) for name in tables if name not in expected)
    if unknown:
        raise ContentError(f"it has tables this version does not know: {', '.join(unknown)}")
    missing = [name for name in expected if name not in tables]
    if missing:
        raise ContentError(f"it has no {', '.join(missing)} "
                           f"{'table' if len(missing) == 1 else 'tables'}: it is not a "
                           "complete export")


def _insert_rows(db: peewee.SqliteDatabase, name: str, table: object) -> None:
    allowed = [row[1] for row in db.execute_sql(f"PRAGMA table_info({name})").fetchall()]
    columns, rows = _table_parts(name, table, allowed)
    if not rows:
        return
    sql = (f"INSERT INTO {name} ({', '.join(columns)}) "
           f"VALUES ({', '.join('?' * len(columns))})")
    for number, row in enumerate(rows, 1):
        _check_row(name, number, row, columns)
    try:
        with db.atomic():  # a savepoint: a refused batch leaves no row behind
            db.cursor().executemany(sql, rows)
    except (sqlite3.Error, peewee.DatabaseError, UnicodeEncodeError) as exc:
        _find_bad_row(db.cursor(), name, sql, rows)
        raise ContentError(f"table {name}: {_constraint_text(exc)}") from None


def _find_bad_row(cursor: sqlite3.Cursor, name: str, sql: str, rows: list) -> None:
    """Name the first row SQLite refuses (row by row, only once the batch failed; the caller's
    transaction rolls every row back)."""
    for number, row in enumerate(rows, 1):
        try:
            cursor.execute(sql, row)
        except (sqlite3.Error, UnicodeEncodeError) as exc:
            raise ContentError(f"table {name}, row {number}: {_constraint_text(exc)}") from None


def _table_parts(name: str, table: object, allowed: list[str]) -> tuple[list[str], list]:
    if not isinstance(table, dict):
        raise ContentError(f"table {name} is not an object with \"columns\" and \"rows\"")
    columns, rows = table.get("columns"), table.get("rows")
    if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
        raise ContentError(f"table {name}: \"columns\" is not a list of column names")
    unknown = [c for c in columns if c not in allowed]
    if unknown or len(set(columns)) != len(columns) or not columns:
        raise ContentError(f"table {name}: columns {_shown(columns)} are not some of "
                           f"{', '.join(allowed)}, each once")
    if not isinstance(rows, list):
        raise ContentError(f"table {name}: \"rows\" is not a list")
    return columns, rows


def _check_row(name: str, number: int, row: object, columns: list[str]) -> None:
    where = f"table {name}, row {number}"
    if not isinstance(row, list) or len(row) != len(columns):
        raise ContentError(f"{where}: expected a list of {len(columns)} values")
    for column, value in zip(columns, row, strict=True):
        if value is None or type(value) is str:
            continue
        if type(value) is int and _INT64[0] <= value <= _INT64[1]:
            continue
        if type(value) is float and math.isfinite(value):
            continue
        raise ContentError(f"{where}, column {column}: {_shown(value)} is not a value Overload "
                           "stores")


def _constraint_text(exc: Exception) -> str:
    text = str(exc)
    if "FOREIGN KEY" in text:
        return "it refers to a row that is not in the file (FOREIGN KEY constraint failed)"
    if text.startswith("CHECK constraint failed: "):
        return f"a value is outside what Overload stores ({text.split(': ', 1)[1]})"
    return text


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


# --- the whole-content check ---------------------------------------------------------------------

def check_content(connection: sqlite3.Connection) -> list[str]:
    """Every reason the database behind `connection` (at this schema version) cannot be the
    app's content, as phrases; empty when it can."""
    # integrity_check, not quick_check: damaged bytes can leave an index that no longer matches
    # its table, which quick_check does not look at and the foreign key check below relies on.
    check = connection.execute("PRAGMA integrity_check(1)").fetchone()[0]
    if check != "ok":
        return [f"it is damaged (integrity check: {check})"]
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    present = table_names(connection)
    missing = [name for name in TABLE_NAMES if name not in present]
    if version != LATEST_VERSION or missing:
        return [f"it is not a complete Overload database (version {version}"
                + (f", no {', '.join(missing)}" if missing else "") + ")"]
    problems = []
    for name in TABLE_NAMES:
        problems += _type_problems(connection, name)
        problems += _text_problems(connection, name)
    problems += _date_problems(connection)
    problems += _setting_problems(connection)
    problems += _foreign_key_problems(connection)
    return problems


def _type_problems(connection: sqlite3.Connection, table: str) -> list[str]:
    columns = [(row[1], row[2].upper()) for row in
               connection.execute(f"PRAGMA table_info({table})").fetchall()
               if row[2].upper() in _TYPES]
    if not columns:
        return []
    wrong = [f"SUM(typeof({column}) NOT IN ('null', {_quoted(_TYPES[kind])}))"
             for column, kind in columns]
    counts = connection.execute(f"SELECT {', '.join(wrong)} FROM {table}").fetchone()
    problems = []
    for (column, kind), count in zip(columns, counts, strict=True):
        if count:
            example = connection.execute(
                f"SELECT {column} FROM {table} WHERE typeof({column}) NOT IN "
                f"('null', {_quoted(_TYPES[kind])}) LIMIT 1").fetchone()[0]
            problems.append(f"table {table}, column {column}: {count} values are not "
                            f"{_TYPE_WORDS[kind]} (e.g. {_shown(example)})")
    return problems


def _text_problems(connection: sqlite3.Connection, table: str) -> list[str]:
    """Text the app could not read: SQLite stores whatever bytes it is given (a damaged
    page, another tool) and checks nothing; Python refuses to decode them later, mid-screen."""
    columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})").fetchall()
               if row[2].upper() == "TEXT"]
    for column in columns:
        rows = connection.execute(f"SELECT CAST({column} AS BLOB) FROM {table} "
                                  f"WHERE typeof({column}) = 'text'")
        for (raw,) in rows:
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                return [f"table {table}, column {column}: a value is not readable text "
                        "(damaged)"]
    return []


def _quoted(words: tuple[str, ...]) -> str:
    return ", ".join(f"'{word}'" for word in words)


def _date_problems(connection: sqlite3.Connection) -> list[str]:
    problems = []
    low, high = FIRST_DATE.isoformat(), LAST_DATE.isoformat()
    for table, column in _DAY_COLUMNS:
        found = connection.execute(
            f"SELECT {column} FROM {table} WHERE {column} < ? OR {column} > ? LIMIT 1",
            (low, high)).fetchone()
        if found:
            problems.append(f"table {table}, column {column}: {found[0]} is outside the years "
                            f"Overload keeps ({DATE_RANGE_TEXT})")
    for table, column in _MOMENT_COLUMNS:
        found = connection.execute(
            f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL AND "
            f"(datetime({column}) IS NULL OR substr({column}, 1, 10) NOT BETWEEN ? AND ?) "
            "LIMIT 1", (low, high)).fetchone()
        if found:
            problems.append(f"table {table}, column {column}: {_shown(found[0])} is not a "
                            f"time in the years Overload keeps ({DATE_RANGE_TEXT})")
    return problems


def _setting_problems(connection: sqlite3.Connection) -> list[str]:
    return [f"setting {key}: {problem}" for key, value in
            connection.execute("SELECT key, value FROM setting").fetchall()
            if (problem := setting_problem(key, value)) is not None]


def _foreign_key_problems(connection: sqlite3.Connection) -> list[str]:
    broken = connection.execute("PRAGMA foreign_key_check").fetchall()
    if not broken:
        return []
    tables = sorted({row[0] for row in broken})
    return [f"{len(broken)} rows of {', '.join(tables)} refer to rows that are not there "
            "(foreign keys)"]


# --- replacing the content -----------------------------------------------------------------------

def replace_content(staged: Path, *, before: Callable[[], None] | None = None) -> dict[str, int]:
    """Replace every table of the open database (this thread's connection) with the checked
    copy at `staged`, in one transaction; returns each table's row count. `before` runs inside
    the transaction, first (a check that may raise to change nothing). DatabaseBusyError when
    another program holds the write lock for RESTORE_BUSY_SECONDS."""
    connection = database.connection()
    connection.execute("ATTACH DATABASE ? AS staged", (str(staged),))
    try:
        with _write_lock(connection), _refused_as_content(), database.atomic("IMMEDIATE"):
            if before is not None:
                before()
            for name in reversed(TABLE_NAMES):
                connection.execute(f"DELETE FROM main.{name}")
            for name in TABLE_NAMES:
                columns = ", ".join(row[1] for row in connection.execute(
                    f"PRAGMA main.table_info({name})").fetchall())
                connection.execute(f"INSERT INTO main.{name} ({columns}) "
                                   f"SELECT {columns} FROM staged.{name}")
            rebuild_missing_rows(database)
            return {name: connection.execute(
                f"SELECT COUNT(*) FROM main.{name}").fetchone()[0] for name in TABLE_NAMES}
    finally:
        connection.execute("DETACH DATABASE staged")


@contextmanager
def _refused_as_content() -> Iterator[None]:
    """A copy the live database refuses after all (a constraint the check could not see) is
    rolled back by the transaction inside and reported like any other refused copy."""
    try:
        yield
    except (sqlite3.IntegrityError, peewee.IntegrityError) as exc:
        raise ContentError(f"the database refused it ({exc})") from None


@contextmanager
def _write_lock(connection: sqlite3.Connection) -> Iterator[None]:
    """A short wait for the write lock, then DatabaseBusyError instead of SQLite's own."""
    busy = connection.execute("PRAGMA busy_timeout").fetchone()[0]
    connection.execute(f"PRAGMA busy_timeout = {RESTORE_BUSY_SECONDS * 1000}")
    try:
        yield
    except (sqlite3.OperationalError, peewee.OperationalError) as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseBusyError(
                f"another program is writing to the database and did not finish within "
                f"{RESTORE_BUSY_SECONDS} seconds") from None
        raise
    finally:
        connection.execute(f"PRAGMA busy_timeout = {busy}")
