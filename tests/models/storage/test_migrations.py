"""Storage that never loses data: versions, backups, refusal of newer and broken files."""

import sqlite3
from pathlib import Path

import peewee
import pytest
from peewee import SqliteDatabase

from models.opening import open_database
from models.storage import migrations
from models.storage.connection import fresh_path_beside
from models.storage.db import (
    PRAGMAS,
    CorruptDatabaseError,
    DatabaseTooNewError,
    NotADatabaseError,
    close_database,
    database,
)
from models.storage.schema import ALL_MODELS


def _make_v1_database(path: Path) -> None:
    """A database as version 1 of the app left it, with a user's rows in every table."""
    db = SqliteDatabase(str(path), pragmas=PRAGMAS)
    db.connect()
    migrations.migrate(db, path, target=1)
    db.execute_sql("INSERT INTO exercise (id, name, primary_group, rep_low, rep_high) "
                   "VALUES (1, 'My Row', 'back', 8, 12)")
    db.execute_sql("INSERT INTO exercise_alias (exercise_id, alias) VALUES (1, 'Row of mine')")
    db.execute_sql("INSERT INTO exercise_secondary VALUES (1, 'biceps')")
    db.execute_sql("INSERT INTO mesocycle (id, name, level, start_date, accumulation_weeks, "
                   "deload, training_days) VALUES (1, 'Block 1', 'beginner', '2026-01-05', 4, 1, "
                   "'mon,wed,fri')")
    db.execute_sql("INSERT INTO session (id, date, name, status, mesocycle_id, week_number) "
                   "VALUES (1, '2026-01-05', 'Full body A', 'done', 1, 1)")
    db.execute_sql("INSERT INTO session_exercise (id, session_id, exercise_id, target_sets, "
                   "rep_low, rep_high, target_rir) VALUES (1, 1, 1, 3, 8, 12, 3)")
    for position in range(3):
        db.execute_sql("INSERT INTO logged_set (session_exercise_id, position, kind, load_kg, "
                       "reps, rir) VALUES (1, ?, 'working', 60.5, 10, 2)", (position,))
    db.execute_sql("INSERT INTO feedback (session_id, group_key, soreness, pump, performance) "
                   "VALUES (1, 'back', 1, 2, 0)")
    db.execute_sql("UPDATE muscle_group SET mev = 11 WHERE key = 'back'")
    db.execute_sql("INSERT INTO setting VALUES ('units', 'lb')")
    db.close()


def _dump(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'setting'")]
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
                for t in tables}


def test_new_database_is_at_latest_version_with_pragmas(db, db_path):
    assert migrations.schema_version(db) == migrations.LATEST_VERSION
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert not (db_path.parent / "backups").exists()  # nothing to back up on a new file


def test_every_peewee_field_exists_in_the_migrated_schema(db):
    for model in ALL_MODELS:
        table = model._meta.table_name
        columns = {row[1] for row in db.execute_sql(f"PRAGMA table_info({table})")}
        expected = {field.column_name for field in model._meta.sorted_fields}
        assert expected <= columns, f"{table}: missing {expected - columns}"


def test_old_version_is_upgraded_with_every_row_intact_and_backed_up(db_path):
    _make_v1_database(db_path)
    before = _dump(db_path)
    db = open_database(db_path)
    try:
        assert migrations.schema_version(db) == migrations.LATEST_VERSION
        after = _dump(db_path)
        for table, rows in before.items():
            if table in ("exercise", "exercise_alias", "exercise_secondary"):
                # the shipped library was added around the user's own rows
                assert set(rows) <= set(after[table])
            elif table == "session":  # v2 adds source columns, empty; v4 the session kind
                assert [(*r, None, None, "regular") for r in rows] == after[table]
            elif table == "mesocycle":  # v4: no longest-session limit for old blocks
                assert [(*r, None) for r in rows] == after[table]
            elif table == "session_exercise":  # v4: not a recovery row, no base targets
                assert [(*r, 0, None, None, None) for r in rows] == after[table]
            elif table == "logged_set":  # v5: not a timed set
                assert [(*r, None) for r in rows] == after[table]
            else:
                assert rows == after[table], table
        backups = list((db_path.parent / "backups").glob("*.sqlite"))
        assert len(backups) == 1
        assert _dump(backups[0]) == before
    finally:
        close_database()


def test_a_database_from_a_newer_version_is_refused_untouched(db_path):
    _make_v1_database(db_path)
    with sqlite3.connect(db_path) as conn:
        conn.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 1}")
    content = db_path.read_bytes()
    with pytest.raises(DatabaseTooNewError, match="newer version of Overload") as info:
        open_database(db_path)
    assert info.value.path == db_path.resolve()
    assert db_path.read_bytes() == content
    assert database.obj is None or database.is_closed()


def test_a_file_that_is_not_a_database_is_kept_and_named(db_path):
    db_path.write_text("date,exercise\n2026-01-01,squat\n")
    content = db_path.read_bytes()
    with pytest.raises(NotADatabaseError) as info:
        open_database(db_path)
    assert str(db_path.resolve()) in str(info.value)
    assert db_path.read_bytes() == content


def test_a_corrupt_database_is_kept_and_named(db_path):
    _make_v1_database(db_path)
    data = bytearray(db_path.read_bytes())
    for offset in range(4096, len(data), 7):  # trash every page after the header
        data[offset] = 0xA5
    db_path.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    content = db_path.read_bytes()
    with pytest.raises((CorruptDatabaseError, NotADatabaseError)) as info:
        open_database(db_path)
    assert str(db_path.resolve()) in str(info.value)
    assert db_path.read_bytes() == content


def test_fresh_path_beside_never_names_an_existing_file(tmp_path):
    bad = tmp_path / "overload.sqlite"
    bad.write_text("x")
    fresh = fresh_path_beside(bad)
    assert fresh.parent == tmp_path and not fresh.exists() and fresh != bad
    fresh.write_text("y")
    assert fresh_path_beside(bad) != fresh


def test_each_step_is_one_transaction(db_path, monkeypatch):
    """A step that fails half-way leaves the database at the previous version, unchanged."""
    _make_v1_database(db_path)
    before = _dump(db_path)

    def broken_step(db):
        db.execute_sql("ALTER TABLE session ADD COLUMN source TEXT")
        raise RuntimeError("power cut")

    monkeypatch.setattr(migrations, "STEPS", (migrations.STEPS[0], broken_step))
    with pytest.raises(RuntimeError):
        open_database(db_path, seed_library=False)
    close_database()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert _dump(db_path) == before


def test_version_4_turns_recovery_notes_and_deload_weeks_into_data(db_path):
    """Versions 1–3 remembered a recovery session in the notes and a deload by its RIR: the
    step to version 4 moves both into columns and gives the notes back to the user."""
    _make_v1_database(db_path)
    db = SqliteDatabase(str(db_path), pragmas=PRAGMAS)
    db.connect()
    migrations.migrate(db, db_path, target=3)
    db.execute_sql("UPDATE session_exercise SET target_sets = 2, rep_low = 4, rep_high = 6, "
                   "notes = 'Recovery session: half the sets and reps at the same load "
                   "(planned 3 × 8–12). Grip wider' WHERE id = 1")
    db.execute_sql("INSERT INTO session (id, date, name, status, mesocycle_id, week_number) "
                   "VALUES (2, '2026-02-02', 'Deload', 'planned', 1, 5)")
    db.execute_sql("INSERT INTO session (id, date, name, status, mesocycle_id, week_number) "
                   "VALUES (3, '2026-01-26', 'Early deload', 'planned', 1, 4)")
    db.execute_sql("INSERT INTO session_exercise (session_id, exercise_id, target_sets, rep_low, "
                   "rep_high, target_rir) VALUES (3, 1, 2, 8, 12, 5)")
    db.execute_sql("INSERT INTO session (id, date, name, status, mesocycle_id, week_number) "
                   "VALUES (4, '2026-01-19', 'Week 3', 'planned', 1, 3)")
    db.execute_sql("INSERT INTO session_exercise (session_id, exercise_id, target_sets, rep_low, "
                   "rep_high, target_rir) VALUES (4, 1, 4, 8, 12, 1)")
    db.close()
    open_database(db_path)
    try:
        row = database.execute_sql(
            "SELECT recovery, base_sets, base_rep_low, base_rep_high, target_sets, notes "
            "FROM session_exercise WHERE id = 1").fetchone()
        assert row == (1, 3, 8, 12, 2, "Grip wider")
        kinds = dict(database.execute_sql("SELECT id, kind FROM session").fetchall())
        assert kinds == {1: "regular", 2: "deload", 3: "deload", 4: "regular"}
    finally:
        close_database()


def _indexes(path: Path, table: str) -> dict[str, str]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                 "AND tbl_name = ? AND sql IS NOT NULL", (table,)).fetchall())


def test_version_5_adds_timed_sets_and_assistance_keeping_every_set(db_path):
    """A version 4 database (the last before timed sets) with its sets: opened, it is backed up
    first, then logged_set is rebuilt with the same rows and ids, a seconds column, loads that
    may be negative (assistance), and its indexes; nothing else changes."""
    _make_v1_database(db_path)
    db = SqliteDatabase(str(db_path), pragmas=PRAGMAS)
    db.connect()
    migrations.migrate(db, db_path, target=4)
    db.execute_sql("INSERT INTO logged_set (id, session_exercise_id, position, kind, load_kg, "
                   "reps, rir, rpe, notes, logged_at) VALUES (40, 1, 3, 'drop', NULL, 12, NULL, "
                   "9.5, 'to failure', '2026-01-05T18:30:00')")
    db.close()
    before = _dump(db_path)
    indexes_before = _indexes(db_path, "logged_set")
    open_database(db_path)
    try:
        assert migrations.schema_version(database) == 5
        after = _dump(db_path)
        assert after["logged_set"] == [(*row, None) for row in before["logged_set"]]
        assert {t: rows for t, rows in after.items() if t not in (
            "logged_set", "exercise", "exercise_alias", "exercise_secondary")} == {
            t: rows for t, rows in before.items() if t not in (
                "logged_set", "exercise", "exercise_alias", "exercise_secondary")}
        assert _indexes(db_path, "logged_set") == indexes_before
        (backup,) = (db_path.parent / "backups").glob("*before-v5*.sqlite")
        assert _dump(backup) == before
        # What the new schema takes and refuses.
        database.execute_sql("INSERT INTO logged_set (session_exercise_id, load_kg, reps, "
                             "seconds) VALUES (1, -20, 0, 60)")
        for bad in ("load_kg, reps) VALUES (1, -301, 8", "reps, seconds) VALUES (1, 0, 0",
                    "reps, seconds) VALUES (1, 0, 3601"):
            with pytest.raises(peewee.IntegrityError, match="CHECK"):
                database.execute_sql(f"INSERT INTO logged_set (session_exercise_id, {bad})")
        # The foreign key still cascades: a removed session exercise takes its sets along.
        database.execute_sql("DELETE FROM session_exercise WHERE id = 1")
        assert database.execute_sql("SELECT COUNT(*) FROM logged_set").fetchone()[0] == 0
        assert database.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    finally:
        close_database()
