"""Hypothesis fuzzing of the two ways a whole copy replaces the content (issue 16): JSON exports
(`overload import FILE.json`) and backups (models.storage.backups.restore_backup).

Each example starts from a real export or backup of a small history and changes it the way a
damaged disk, a hand edit or a hostile tool could: values of any JSON type in any cell, tables
dropped or replaced, header fields changed, bytes flipped, SQL writes that bypass the schema's
checks. Whatever the copy, exactly one of two things happens: it is refused with a message and
every file is byte for byte what it was, or it is restored and the app can use all of it (the
calendar's, the charts' and the session editor's reads run over every date it holds)."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import sqlite3
import uuid
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import main
from models.charts import load_volume_history, time_range_bounds
from models.io.csv_parsers import parse_file
from models.io.exporting import export_json
from models.io.import_writer import apply_import
from models.landmarks import load_landmarks
from models.library import list_exercises, planning_library
from models.opening import open_database
from models.rules.limits import FIRST_DATE, LAST_DATE
from models.sessions import conflicts_between, session_detail, sessions_between
from models.settings import load_settings
from models.storage.backups import BackupError, check_backup, daily_backup, restore_backup
from models.storage.db import close_database, database
from models.storage.restoring import TABLE_NAMES, check_content

pytestmark = pytest.mark.slow  # hypothesis, 120 restores

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "imports" / "strong_A.csv"
FUZZ = settings(max_examples=60, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-(2 ** 70), 2 ** 70),
                    st.floats(allow_nan=True, allow_infinity=True),
                    st.text(max_size=12), st.sampled_from([
                        "2026-01-05", "9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01",
                        "abc", "", "kg", "lb", "direct", "wings", "back", "-1", "1e9"]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)),
    max_leaves=6)


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> dict[str, Path]:
    """A small history's JSON export and backup, and an empty database to restore into."""
    folder = tmp_path_factory.mktemp("restore-fuzz")
    log = folder / "log.sqlite"
    open_database(log)
    apply_import(parse_file(FIXTURE), log)
    export_json(folder / "all.json")
    backup = daily_backup(log, today=date(2026, 1, 1))
    close_database()
    empty = folder / "empty.sqlite"
    open_database(empty)
    close_database()
    return {"json": folder / "all.json", "backup": backup, "log": log, "empty": empty}


@pytest.fixture
def scratch(tmp_path) -> Path:
    return tmp_path


def use_everything() -> None:
    """What the app reads at start and as the user moves around, over every date there is."""
    load_landmarks()
    load_settings()
    list_exercises()
    planning_library()
    summaries = sessions_between(FIRST_DATE, LAST_DATE)
    conflicts_between(FIRST_DATE, LAST_DATE)
    for summary in summaries:
        session_detail(summary.id)
    since, until = time_range_bounds("all", date(2026, 12, 6))
    settings_now = load_settings()
    load_volume_history(settings_now.secondary_rule, settings_now.week_start, since, until)


def check_usable(path: Path) -> None:
    open_database(path)
    try:
        assert check_content(database.connection()) == []
        use_everything()
    finally:
        close_database()


# --- JSON ----------------------------------------------------------------------------------------

@st.composite
def json_changes(draw) -> list[tuple]:
    kinds = st.sampled_from(["cell", "cell", "cell", "table", "drop", "column", "row", "header"])
    return draw(st.lists(st.tuples(kinds, st.sampled_from(TABLE_NAMES), st.integers(0, 10_000),
                                   st.integers(0, 40), VALUES), min_size=1, max_size=4))


def apply_json_change(data: dict, change: tuple) -> None:
    kind, table_name, row_pick, column_pick, value = change
    tables = data.get("tables")
    table = tables.get(table_name) if isinstance(tables, dict) else None
    if kind == "header":
        data[["format", "version", "schema", "tables"][column_pick % 4]] = value
    elif kind == "drop" and isinstance(tables, dict):
        tables.pop(table_name, None)
    elif kind == "table" and isinstance(tables, dict):
        tables[table_name] = value
    elif isinstance(table, dict) and isinstance(table.get("rows"), list) and table["rows"]:
        rows, columns = table["rows"], table["columns"]
        row = rows[row_pick % len(rows)]
        if kind == "column":
            columns[column_pick % len(columns)] = value if isinstance(value, str) else "nope"
        elif kind == "row":
            rows.append(list(row))
        elif isinstance(row, list) and row:
            row[column_pick % len(row)] = value


@FUZZ
@given(changes=json_changes())
def test_a_changed_json_export_is_restored_whole_or_refused_untouched(sources, scratch, changes):
    data = json.loads(sources["json"].read_text(encoding="utf-8"))
    for change in changes:
        apply_json_change(data, change)
    name = uuid.uuid4().hex
    file = scratch / f"{name}.json"
    file.write_text(json.dumps(data, allow_nan=True), encoding="utf-8")
    target = scratch / f"{name}.sqlite"
    shutil.copyfile(sources["empty"], target)
    before = target.read_bytes()
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main.main(["--db", str(target), "import", str(file)])
    finally:
        close_database()
    assert code in (0, 1), err.getvalue()
    event("restored" if code == 0 else "refused")
    if code == 1:
        assert err.getvalue().startswith(f"overload: {name}.json"), err.getvalue()
        assert target.read_bytes() == before
    else:
        check_usable(target)


# --- backups -------------------------------------------------------------------------------------

@st.composite
def backup_changes(draw) -> list[tuple]:
    kinds = st.sampled_from(["value", "value", "value", "drop", "bytes", "truncate", "version"])
    return draw(st.lists(st.tuples(kinds, st.sampled_from(TABLE_NAMES), st.integers(0, 40),
                                   st.randoms(use_true_random=False), SCALARS),
                         min_size=1, max_size=3))


def apply_backup_change(path: Path, change: tuple) -> None:
    kind, table, column_pick, rng, value = change
    if kind in ("bytes", "truncate"):
        data = bytearray(path.read_bytes())
        if not data:  # truncated to nothing already
            return
        if kind == "truncate":
            del data[rng.randrange(len(data)):]
        else:
            for _ in range(rng.randrange(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        path.write_bytes(bytes(data))
        return
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute("PRAGMA ignore_check_constraints = ON")  # what a hostile tool does
        if kind == "drop":
            connection.execute(f"DROP TABLE IF EXISTS {table}")
        elif kind == "version":
            connection.execute(f"PRAGMA user_version = {rng.randrange(-3, 9)}")
        else:
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
            if columns:
                column = columns[column_pick % len(columns)]
                stored = None if isinstance(value, bool) else value
                if isinstance(stored, int) and not -(2 ** 63) <= stored < 2 ** 63:
                    stored = str(stored)
                key = "exercise_id" if table == "exercise_secondary" else "rowid"
                connection.execute(
                    f"UPDATE {table} SET {column} = ? WHERE {key} IN (SELECT {key} FROM {table} "
                    "ORDER BY 1 LIMIT 2 OFFSET ?)", (stored, column_pick % 5))
        connection.commit()
    except (sqlite3.DatabaseError, UnicodeDecodeError):
        pass  # the bytes were already broken: the change is what it is
    finally:
        connection.close()


def dump(path: Path) -> list:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return [connection.execute(f"SELECT * FROM {name} ORDER BY 1").fetchall()
                for name in TABLE_NAMES]
    finally:
        connection.close()


@FUZZ
@given(changes=backup_changes())
def test_a_changed_backup_is_restored_whole_or_refused_untouched(sources, scratch, changes):
    name = uuid.uuid4().hex
    backup = scratch / f"{name}-backup.sqlite"
    shutil.copyfile(sources["backup"], backup)
    for change in changes:
        apply_backup_change(backup, change)
    saved = backup.read_bytes()
    live = scratch / f"{name}.sqlite"
    shutil.copyfile(sources["log"], live)
    expected = dump(live)
    open_database(live)
    try:
        try:
            check_backup(backup)
            checked = True
        except BackupError:
            checked = False
        try:
            restore_backup(live, backup)
            restored = True
        except BackupError as exc:
            assert str(exc).startswith(f"{name}-backup.sqlite"), str(exc)
            restored = False
    finally:
        close_database()
    event("restored" if restored else "refused")
    assert restored == checked  # the check and the restore agree
    assert backup.read_bytes() == saved  # a backup is only ever read
    if restored:
        check_usable(live)
    else:
        assert dump(live) == expected
