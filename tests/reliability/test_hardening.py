"""Hardening (issue 16): no command, file or restore may destroy or lock up a training log.

Each test works on real files in a temporary folder — FIFOs, symbolic links, devices, databases in
either journal mode — and checks the exit status, the message, and that every file involved is
byte for byte what it was (or, for a valid change, exactly the new content). The GUI paths are in
test_hardening_gui.py; the hypothesis fuzzing of JSON files and backups in test_restore_fuzz.py.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from models.io.csv_parsers import parse_file
from models.io.exporting import escape_cell, export_json
from models.io.import_writer import apply_import
from models.library import list_exercises
from models.opening import open_database
from models.rules.domain import MUSCLE_GROUPS
from models.settings import load_settings
from models.storage import backups
from models.storage.backups import (
    BackupError,
    check_backup,
    daily_backup,
    list_backups,
    restore_backup,
)
from models.storage.db import close_database, database
from models.storage.files import MAX_IMPORT_BYTES
from models.storage.migrations import LATEST_VERSION
from models.storage.restoring import RESTORE_BUSY_SECONDS
from models.storage.schema import Session
from tests.reliability.support import stop

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "imports" / "strong_A.csv"


# --- helpers -------------------------------------------------------------------------------------

def files_in(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (recursively) with its bytes; symlinks and FIFOs by kind."""
    found = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        if path.is_symlink():
            found[name] = b"-> " + os.readlink(path).encode()
        elif path.is_fifo():
            found[name] = b"<fifo>"
        elif path.is_file():
            found[name] = path.read_bytes()
        else:
            found[name] = b"<dir>"
    return found


def cli(*args, timeout: float = 60) -> subprocess.CompletedProcess:
    """`overload ARGS` as a real process: for what may hang (a hang fails the test, not the
    suite) and for the window."""
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


@pytest.fixture
def run(run_cli):
    """`overload ARGS` in-process (tests/conftest.py: run_cli): (exit code, stdout, stderr)."""
    return lambda *args: run_cli(*map(str, args))


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """log.sqlite with a little history (3 imported workouts, 10 sets) and one daily backup,
    closed (no WAL left over)."""
    path = tmp_path_factory.mktemp("hardening") / "log.sqlite"
    open_database(path)
    parsed = parse_file(FIXTURE)
    apply_import(parsed, path)
    for backup in list_backups(path):  # the before-import copy: only the daily one is wanted
        backup.path.unlink()
    daily_backup(path, today=date(2026, 1, 1))
    export_json(path.parent / "all.json")
    close_database()
    return path


@pytest.fixture
def folder(tmp_path) -> Path:
    return tmp_path


@pytest.fixture
def log(template, folder) -> Path:
    """A copy of the template's database and its backups folder."""
    shutil.copytree(template.parent / "backups", folder / "backups")
    shutil.copyfile(template, folder / "log.sqlite")
    return folder / "log.sqlite"


@pytest.fixture
def export_data(template) -> dict:
    return json.loads((template.parent / "all.json").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _nothing_left_open():
    yield
    close_database()


# --- 1. an export never destroys the database, its files or a backup ------------------------------

@pytest.mark.parametrize("target", ["log.sqlite", "log.sqlite-wal", "log.sqlite-shm",
                                    "log.sqlite-journal", "log.sqlite.lock", "link-to-db.csv",
                                    "backups/log.sqlite-2026-01-01.sqlite", "backups/new.csv",
                                    "backups", "."])
@pytest.mark.parametrize("extra", [[], ["--force"], ["--format", "json", "--force"]])
def test_export_onto_the_database_or_a_backup_is_refused(run, log, folder, target, extra):
    (folder / "link-to-db.csv").symlink_to(log)
    before = files_in(folder)
    code, out, err = run("--db", log, "export", folder / target, *extra)
    assert code == 1, out
    assert err.startswith("overload: ") and "Nothing was written." in err
    reason = ("backups folder" if target.startswith("backups") else
              "is a folder" if target == "." else "open database")
    assert reason in err
    assert files_in(folder) == before


def test_an_existing_file_is_replaced_only_with_force(run, log, folder):
    target = folder / "sets.csv"
    target.write_text("keep me\n")
    code, _, err = run("--db", log, "export", target)
    assert code == 1 and "exists; add --force to replace it" in err
    assert target.read_text() == "keep me\n"
    code, _, err = run("--db", log, "export", target, "--force")
    assert code == 0, err
    assert target.read_text(encoding="utf-8").startswith("date,workout,exercise")
    assert len(target.read_text(encoding="utf-8").splitlines()) == 11  # header and 10 sets


# --- 2. a JSON restore is checked whole; a database always opens --------------------------------

def mutate(data: dict, change) -> dict:
    copy = json.loads(json.dumps(data))
    change(copy)
    return copy


def set_setting(key, value):
    def change(data):
        rows = data["tables"]["setting"]["rows"]
        rows[:] = [row for row in rows if row[0] != key] + [[key, value]]
    return change


def set_cell(table, column, value, row=0):
    def change(data):
        columns = data["tables"][table]["columns"]
        data["tables"][table]["rows"][row][columns.index(column)] = value
    return change


HOSTILE = {
    "no tables at all": (lambda d: d.update(tables={}), "no muscle_group, exercise"),
    "a table missing": (lambda d: d["tables"].pop("setting"), "no setting table"),
    "library_version abc": (set_setting("library_version", "abc"), "not a version number"),
    "units stone": (set_setting("units", "stone"), "setting units: 'stone'"),
    "a table is a number": (lambda d: d["tables"].update(session=5), "table session is not"),
    "tables is a list": (lambda d: d.update(tables=[]), "has no tables"),
    "columns a string": (lambda d: d["tables"]["session"].update(columns="id"), "columns"),
    "rows an object": (lambda d: d["tables"]["session"].update(rows={}), "not a list"),
    "a row a string": (lambda d: d["tables"]["session"]["rows"].__setitem__(0, "x"), "row 1"),
    "a list for a name": (set_cell("session", "name", ["x"]), "column name: ['x']"),
    "a number for a date": (set_cell("session", "date", 20240101),
                            "session, row 1: a value is outside what Overload stores"),
    "text for reps": (set_cell("logged_set", "reps", "eight"), "logged_set, row 1"),
    "a huge number": (set_cell("logged_set", "reps", 10 ** 30), "column reps"),
    "true for a count": (set_cell("session_exercise", "target_sets", True), "target_sets"),
    "NaN load": (set_cell("logged_set", "load_kg", float("nan")), "load_kg"),
    "year 9999": (set_cell("session", "date", "9999-01-01"), "outside the years"),
    "year 1": (set_cell("session", "date", "0001-01-01"), "outside the years"),
    "not a date": (set_cell("session", "date", "yesterday"), "session, row 1"),
    "a time in year 9999": (set_cell("logged_set", "logged_at", "9999-12-31T10:00:00"),
                            "logged_at"),
    "a broken reference": (set_cell("session_exercise", "exercise_id", 999_999),
                           "refers to a row that is not in the file"),
    "an unknown group": (set_cell("exercise", "primary_group", "wings"), "table exercise"),
    "a duplicate id": (lambda d: d["tables"]["session"]["rows"].append(
        d["tables"]["session"]["rows"][0]), "UNIQUE"),
    "no schema": (lambda d: d.pop("schema"), 'no "schema" number'),
    "schema as text": (lambda d: d.update(schema="4"), "not a schema number"),
    "no format": (lambda d: d.pop("format"), "not an Overload JSON export"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_json_file_is_refused_whole_and_changes_nothing(run, export_data, folder,
                                                                   case):
    change, message = HOSTILE[case]
    bad = folder / "bad.json"
    bad.write_text(json.dumps(mutate(export_data, change)), encoding="utf-8")
    target = folder / "empty.sqlite"
    open_database(target)  # a real, new database to restore into
    close_database()
    before = files_in(folder)
    code, out, err = run("--db", target, "import", bad)
    assert code == 1, out
    assert err.startswith("overload: bad.json") and "Traceback" not in err
    assert message in err
    assert files_in(folder) == before


def test_deep_nesting_is_refused_with_a_message(run, folder):
    deep = folder / "deep.json"
    deep.write_text('{"format": "overload-export", "version": 1, "schema": 4, "tables": '
                    + "[" * 100_000 + "]" * 100_000 + "}")
    code, _, err = run("--db", folder / "new.sqlite", "import", deep)
    assert code == 1 and "nested too deeply" in err


def test_a_valid_json_file_restores_exactly(run, template, export_data, folder):
    target = folder / "restored.sqlite"
    code, _, err = run("--db", target, "import", template.parent / "all.json")
    assert code == 0, err
    assert run("--db", target, "export", folder / "again.json")[0] == 0
    assert json.loads((folder / "again.json").read_text(encoding="utf-8")) == export_data


def test_what_the_app_can_rebuild_is_rebuilt_at_start(log):
    """A database missing its landmarks' rows, its library and with settings it cannot read
    (as a tool or an old bug could leave it) opens, whole, and the window starts."""
    connection = sqlite3.connect(log)
    with connection:
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute("DELETE FROM exercise_secondary")
        connection.execute("DELETE FROM exercise_alias")
        connection.execute("DELETE FROM exercise WHERE key IS NOT NULL AND id NOT IN "
                           "(SELECT exercise_id FROM session_exercise)")
        connection.execute("UPDATE exercise SET key = NULL")
        connection.execute("DELETE FROM muscle_group WHERE key NOT IN "
                           "(SELECT primary_group FROM exercise WHERE primary_group IS NOT NULL)")
        connection.execute("UPDATE setting SET value = 'abc'")
    connection.close()
    open_database(log)
    assert [g for (g,) in database.execute_sql(
        "SELECT key FROM muscle_group ORDER BY sort_order").fetchall()] == list(MUSCLE_GROUPS)
    assert len(list_exercises()) > 200
    assert load_settings().units == "kg"
    close_database()
    assert cli("--db", log, "--smoke", timeout=120).returncode == 0


# --- 3. check first, write after -----------------------------------------------------------------

def make_file(path: Path, kind: str) -> Path:
    """A database file Overload must not change, in rollback-journal (DELETE) mode or WAL."""
    connection = sqlite3.connect(path)
    if kind.endswith("wal"):
        connection.execute("PRAGMA journal_mode = wal")
    if kind.startswith("foreign"):
        connection.execute("CREATE TABLE notes (text TEXT)")
        connection.execute("INSERT INTO notes VALUES ('mine')")
    elif kind.startswith("newer"):
        connection.execute("CREATE TABLE exercise (id INTEGER)")
        connection.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    elif kind.startswith("partial"):
        connection.execute("CREATE TABLE exercise (id INTEGER)")
        connection.execute("PRAGMA user_version = 2")
    connection.commit()
    connection.close()
    if kind == "damaged":
        open_database(path)
        close_database()
        connection = sqlite3.connect(path)
        connection.execute("PRAGMA journal_mode = delete")
        connection.close()
        data = bytearray(path.read_bytes())
        for offset in range(2 * 4096, len(data), 4096):
            data[offset + 8:offset + 200] = os.urandom(192)
        path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("kind, message", [
    ("foreign", "another program's SQLite database (tables notes)"),
    ("foreign-wal", "another program's SQLite database (tables notes)"),
    ("newer", "newer version of Overload"),
    ("newer-wal", "newer version of Overload"),
    ("partial", "not a complete Overload database"),
    ("damaged", "damaged"),
])
@pytest.mark.parametrize("command", [
    ["volume"], ["exercises", "--json"], ["export", "out.csv"],
    ["plan", "--level", "beginner", "--days", "mon,thu", "--weeks", "3", "--save"],
    ["import", str(FIXTURE)],
])
def test_a_file_that_is_not_ours_is_left_byte_for_byte(run, folder, kind, message, command):
    path = make_file(folder / "their.sqlite", kind)
    before = files_in(folder)
    code, out, err = run("--db", path, *[folder / c if c == "out.csv" else c for c in command])
    assert code == 1, out
    assert message in err and "left untouched" in err
    assert files_in(folder) == before  # no -wal, -shm, lock or backup beside it either


def test_read_only_commands_never_create_a_database(run, folder):
    for command in (["volume"], ["exercises"], ["export", folder / "out.json"],
                    ["plan", "--level", "advanced", "--days", "mon,wed,fri", "--weeks", "4"]):
        code, _, err = run("--db", folder / "new" / "log.sqlite", *command)
        assert code == 0, err
    assert sorted(p.name for p in folder.iterdir()) == ["out.json"]
    empty = folder / "empty.sqlite"
    empty.touch()
    assert run("--db", empty, "volume")[0] == 0
    assert empty.read_bytes() == b"" and sorted(p.name for p in folder.iterdir()) == [
        "empty.sqlite", "out.json"]


# --- 4. special files ----------------------------------------------------------------------------

@pytest.fixture
def specials(folder) -> dict[str, Path]:
    fifo = folder / "pipe.csv"
    os.mkfifo(fifo)
    link = folder / "zero.csv"
    link.symlink_to("/dev/zero")
    return {"fifo": fifo, "zero": Path("/dev/zero"), "urandom": Path("/dev/urandom"),
            "link to /dev/zero": link, "folder": folder / "sub"}


@pytest.mark.parametrize("name, kind", [("fifo", "a pipe (FIFO)"), ("zero", "a device"),
                                        ("urandom", "a device"), ("link to /dev/zero", "a device"),
                                        ("folder", "a folder")])
def test_importing_a_special_file_is_refused_at_once(log, folder, specials, name, kind):
    specials["folder"].mkdir()
    before = files_in(folder)
    result = cli("--db", log, "import", specials[name], timeout=30)  # a hang fails here
    assert result.returncode == 1
    assert f"{kind}, not a regular file" in result.stderr
    assert files_in(folder) == before  # no lock file, no backup, no database change


def test_a_special_file_as_the_database_is_refused(folder, specials):
    before = files_in(folder)
    for command in (["volume"], ["import", FIXTURE]):
        result = cli("--db", specials["fifo"], *command, timeout=30)
        assert result.returncode == 1 and "a pipe (FIFO), not a regular file" in result.stderr
    assert files_in(folder) == before


def test_a_file_over_the_size_limit_is_refused_naming_the_limit(run, log, folder):
    huge = folder / "huge.csv"
    with huge.open("wb") as handle:  # sparse: costs no disk
        handle.truncate(MAX_IMPORT_BYTES + 1)
    before = log.read_bytes()
    for name in ("huge.csv", "huge.json"):
        (folder / "huge.csv").rename(folder / name)
        code, _, err = run("--db", log, "import", folder / name)
        assert code == 1 and "Overload reads files up to 200 MB" in err
    assert log.read_bytes() == before


# --- 5. dates the calendar can show --------------------------------------------------------------

@pytest.mark.parametrize("day, accepted", [
    ("0001-01-01 10:00:00", False), ("1899-12-31 10:00:00", False),
    ("1900-01-01 10:00:00", True), ("2199-12-31 10:00:00", True),
    ("2200-01-01 10:00:00", False), ("9999-12-31 10:00:00", False),
])
def test_import_dates_are_bounded_with_the_line(run, log, folder, day, accepted):
    csv_file = folder / "dates.csv"
    csv_file.write_text(
        "Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,Seconds,Notes\n"
        "2024-01-01 10:00:00,Push,Bench Press (Barbell),1,80,8,0,0,\n"
        f"{day},Push,Bench Press (Barbell),1,80,8,0,0,\n", encoding="utf-8")
    before = log.read_bytes()
    code, _, err = run("--db", log, "import", csv_file)
    if accepted:
        assert code == 0, err
        return
    assert code == 1
    assert err.startswith("overload: line 3: date") and "1900–2199" in err
    assert log.read_bytes() == before


def test_a_plan_must_end_inside_the_years_a_log_keeps(run, folder):
    code, _, err = run("--db", folder / "x.sqlite", "plan", "--level", "beginner", "--days",
                       "mon,thu", "--weeks", "12", "--start", "2199-12-01")
    assert code == 2 and "--start: 2199-12-01 is out of range" in err


# --- 6. restore ----------------------------------------------------------------------------------

@pytest.fixture
def restorable(log) -> tuple[Path, Path]:
    """(the open database with one more session than its backup, the backup)."""
    open_database(log)
    backup = list_backups(log)[0].path
    Session.create(date=date(2026, 2, 2), name="After the backup")
    return log, backup


def test_a_backup_with_another_page_size_restores(restorable, folder):
    log, backup = restorable
    copy = folder / "big-pages.sqlite"
    connection = sqlite3.connect(backup)
    connection.execute(f"VACUUM INTO '{copy}'")
    connection.close()
    connection = sqlite3.connect(copy)
    connection.execute("PRAGMA page_size = 16384")
    connection.execute("VACUUM")
    assert connection.execute("PRAGMA page_size").fetchone()[0] == 16384
    connection.close()
    restore_backup(log, copy)
    assert Session.select().count() == 3
    assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert database.execute_sql("PRAGMA page_size").fetchone()[0] == 4096


@pytest.mark.parametrize("damage, message", [
    ("DROP TABLE adjustment", "no adjustment"),
    ("DROP TABLE session", "not a complete Overload database"),
    ("UPDATE setting SET value = 'abc' WHERE key = 'library_version'", "not a version number"),
    ("UPDATE session SET date = '9999-01-01'", "outside the years"),
    ("UPDATE session SET position = 'first'", "column position: 3 values are not whole"),
    ("UPDATE session_exercise SET exercise_id = 99999", "foreign keys"),
])
def test_a_backup_that_would_break_the_app_is_refused_and_nothing_changes(
        restorable, folder, damage, message):
    log, backup = restorable
    bad = folder / "bad.sqlite"
    bad.write_bytes(backup.read_bytes())
    connection = sqlite3.connect(bad)
    connection.execute("PRAGMA foreign_keys = OFF")
    connection.execute(damage)
    connection.commit()
    connection.close()
    saved = bad.read_bytes()
    before = sorted(backups.backup_folder(log).iterdir())
    with pytest.raises(BackupError, match=message):
        check_backup(bad)
    with pytest.raises(BackupError, match=message):
        restore_backup(log, bad)
    assert Session.select().count() == 4
    assert sorted(backups.backup_folder(log).iterdir()) == before  # no safety copy left
    assert bad.read_bytes() == saved


LOCK_HOLDER = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
"""


def hold_write_lock(path: Path, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", LOCK_HOLDER, str(path), str(seconds)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline() == "locked\n"
    return holder


def test_a_restore_waits_a_bounded_time_for_another_writer(restorable):
    log, backup = restorable
    holder = hold_write_lock(log, RESTORE_BUSY_SECONDS + 30)
    try:
        started = datetime.now()
        with pytest.raises(BackupError, match="another program is writing"):
            restore_backup(log, backup)
        waited = (datetime.now() - started).total_seconds()
    finally:
        stop(holder)
    assert waited < RESTORE_BUSY_SECONDS + 20  # it gave up; the holder would have held 30 s more
    assert Session.select().count() == 4
    assert [b.kind for b in list_backups(log)] == ["daily"]  # no safety copy left


# --- 7. backup names, dates and leftovers ---------------------------------------------------------

def test_two_databases_with_one_stem_keep_their_own_backups(log, folder):
    other = folder / "log.db"
    for path in (log, other):
        open_database(path)
        assert daily_backup(path, today=date(2026, 3, 1)) is not None
        close_database()
    assert sorted(p.name for p in (folder / "backups").iterdir()) == [
        "log.db-2026-03-01.sqlite", "log.sqlite-2026-01-01.sqlite",
        "log.sqlite-2026-03-01.sqlite"]
    assert [b.path.name for b in list_backups(log)] == [
        "log.sqlite-2026-03-01.sqlite", "log.sqlite-2026-01-01.sqlite"]
    assert [b.path.name for b in list_backups(other)] == ["log.db-2026-03-01.sqlite"]


def test_backups_from_the_future_do_not_prune_todays(log):
    folder = backups.backup_folder(log)
    future = [folder / f"log.sqlite-{date(2030, 1, day):%Y-%m-%d}.sqlite" for day in range(1, 13)]
    for path in future:
        path.write_bytes(list_backups(log)[0].path.read_bytes())
    open_database(log)
    today = date(2026, 6, 1)
    made = daily_backup(log, today=today, keep=10)
    assert made is not None and made.exists()
    assert all(path.exists() for path in future)  # not counted, not deleted
    for offset in range(1, 12):
        daily_backup(log, today=today + timedelta(days=offset), keep=10)
    kept = [b.created.date() for b in list_backups(log) if b.created.year == 2026]
    assert len(kept) == 10 and max(kept) == today + timedelta(days=11)


def test_a_killed_backup_is_never_listed(log):
    folder = backups.backup_folder(log)
    partial = folder / "log.sqlite-before-import-20260101-120000.sqlite.partial"
    partial.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    old = datetime.now().timestamp() - 7200
    os.utime(partial, (old, old))
    assert all(b.path != partial for b in list_backups(log))
    open_database(log)
    daily_backup(log, today=date(2026, 1, 2))
    assert not partial.exists()  # an hour-old leftover of a killed copy is removed


# --- 8. messages that name the right thing -------------------------------------------------------

def test_backups_being_a_file_is_named_as_such(run, log, folder):
    backup_dir = folder / "backups"
    for child in backup_dir.iterdir():
        child.unlink()
    backup_dir.rmdir()
    backup_dir.write_text("not a folder")
    before = files_in(folder)
    code, _, err = run("--db", log, "import", FIXTURE)
    assert code == 1
    assert f"the backups folder {backup_dir} cannot be used (is a file, not a folder)" in err
    assert "nothing was imported" in err and "cannot read" not in err
    assert files_in(folder) == before


def test_a_folder_where_the_lock_file_goes_is_named(run, log, folder):
    (folder / "log.sqlite.lock").mkdir()
    before = files_in(folder)
    code, _, err = run("--db", log, "import", FIXTURE)
    assert code == 1
    assert "log.sqlite.lock is not a lock file" in err and "already open" not in err
    assert files_in(folder) == before


@pytest.mark.parametrize("text, message", [
    ('{"format": "overload-export", "version": 1, "tables": {}}', 'no "schema" number'),
    ('{"version": 1, "tables": {}}', "not an Overload JSON export"),
    ('[1, 2, 3]', "not an Overload JSON export"),
])
def test_json_without_schema_or_format_is_named_json(run, log, folder, text, message):
    path = folder / "file.json"
    path.write_text(text)
    code, _, err = run("--db", log, "import", path)
    assert code == 1 and message in err
    assert "CSV" not in err and "None" not in err


# --- 9. CSV escaping -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["＝1+1", "＋1", "－2 kg", "＠home", "\u200b=1+1", "\ufeff=1",
                                  "\u2060+1", " =1", "\u3000=1", "﹦1", "\u200d\ufeff@x"])
def test_cells_a_spreadsheet_would_still_run_are_escaped(text):
    assert escape_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["Bench", "5 × 8", "\u200bBench", "Ｂench", "a=b"])
def test_plain_cells_stay_as_they_are(text):
    assert escape_cell(text) == text


def test_exported_numbers_stay_unescaped(run, log, folder):
    open_database(log)
    database.execute_sql("UPDATE logged_set SET notes = '\u200b=cmd()'")
    close_database()
    assert run("--db", log, "export", folder / "sets.csv")[0] == 0
    rows = (folder / "sets.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert all(row.endswith(",'\u200b=cmd(),") for row in rows)  # notes, then seconds
    assert all(row.split(",")[5].replace(".", "").isdigit() for row in rows)  # weight_kg
