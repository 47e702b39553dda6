"""Schema versions: one integer in PRAGMA user_version and ordered steps, each in one transaction.

Steps are written in SQL, not derived from the peewee classes, so that an old step keeps meaning
what it meant when it shipped even after the classes in schema.py move on.
"""

from __future__ import annotations

import re
from pathlib import Path

from peewee import DatabaseProxy, SqliteDatabase

from models.rules.domain import DEFAULT_LANDMARKS, MUSCLE_GROUPS
from models.storage.db import (
    CORE_TABLES,
    DatabaseOpenError,
    DatabaseTooNewError,
    NotADatabaseError,
    table_names,
)

V1_TABLES = """
CREATE TABLE muscle_group (
    key TEXT PRIMARY KEY,
    sort_order INTEGER NOT NULL,
    mv INTEGER NOT NULL CHECK (mv BETWEEN 0 AND 60),
    mev INTEGER NOT NULL CHECK (mev BETWEEN 0 AND 60),
    mav_low INTEGER NOT NULL CHECK (mav_low BETWEEN 0 AND 60),
    mav_high INTEGER NOT NULL CHECK (mav_high BETWEEN 0 AND 60),
    mrv INTEGER NOT NULL CHECK (mrv BETWEEN 0 AND 60),
    freq_min INTEGER NOT NULL CHECK (freq_min BETWEEN 1 AND 7),
    freq_max INTEGER NOT NULL CHECK (freq_max BETWEEN 1 AND 7),
    CHECK (mv <= mev AND mev <= mav_low AND mav_low <= mav_high AND mav_high <= mrv),
    CHECK (freq_min <= freq_max)
);
CREATE TABLE exercise (
    id INTEGER PRIMARY KEY,
    key TEXT UNIQUE,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) BETWEEN 1 AND 120),
    primary_group TEXT REFERENCES muscle_group (key) ON DELETE RESTRICT,
    pattern TEXT NOT NULL DEFAULT '',
    equipment TEXT NOT NULL DEFAULT '',
    rep_low INTEGER NOT NULL CHECK (rep_low BETWEEN 1 AND 100),
    rep_high INTEGER NOT NULL CHECK (rep_high BETWEEN 1 AND 100),
    tempo TEXT NOT NULL DEFAULT '2-0-1-0',
    load_step_kg REAL NOT NULL DEFAULT 2.5 CHECK (load_step_kg BETWEEN 0 AND 50),
    load_step_lb REAL NOT NULL DEFAULT 5 CHECK (load_step_lb BETWEEN 0 AND 100),
    rest_seconds INTEGER NOT NULL DEFAULT 120 CHECK (rest_seconds BETWEEN 0 AND 1800),
    is_custom INTEGER NOT NULL DEFAULT 0 CHECK (is_custom IN (0, 1)),
    notes TEXT NOT NULL DEFAULT '',
    CHECK (rep_low <= rep_high)
);
CREATE TABLE exercise_alias (
    id INTEGER PRIMARY KEY,
    exercise_id INTEGER NOT NULL REFERENCES exercise (id) ON DELETE CASCADE,
    alias TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(alias)) >= 1)
);
CREATE INDEX exercise_alias_exercise ON exercise_alias (exercise_id);
CREATE TABLE exercise_secondary (
    exercise_id INTEGER NOT NULL REFERENCES exercise (id) ON DELETE CASCADE,
    group_key TEXT NOT NULL REFERENCES muscle_group (key) ON DELETE RESTRICT,
    PRIMARY KEY (exercise_id, group_key)
) WITHOUT ROWID;
CREATE INDEX exercise_secondary_group ON exercise_secondary (group_key);
CREATE TABLE mesocycle (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('beginner', 'intermediate', 'advanced')),
    start_date TEXT NOT NULL CHECK (date(start_date) IS start_date),
    accumulation_weeks INTEGER NOT NULL CHECK (accumulation_weeks BETWEEN 3 AND 12),
    deload INTEGER NOT NULL CHECK (deload IN (0, 1)),
    training_days TEXT NOT NULL,
    split TEXT NOT NULL DEFAULT 'auto',
    priorities TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE session (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL CHECK (date(date) IS date),
    position INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done', 'skipped')),
    notes TEXT NOT NULL DEFAULT '',
    mesocycle_id INTEGER REFERENCES mesocycle (id) ON DELETE SET NULL,
    week_number INTEGER CHECK (week_number BETWEEN 1 AND 13)
);
CREATE INDEX session_date ON session (date);
CREATE INDEX session_mesocycle ON session (mesocycle_id);
CREATE TABLE session_exercise (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    exercise_id INTEGER NOT NULL REFERENCES exercise (id) ON DELETE RESTRICT,
    position INTEGER NOT NULL DEFAULT 0,
    target_sets INTEGER NOT NULL DEFAULT 3 CHECK (target_sets BETWEEN 0 AND 20),
    rep_low INTEGER NOT NULL CHECK (rep_low BETWEEN 0 AND 100),
    rep_high INTEGER NOT NULL CHECK (rep_high BETWEEN 0 AND 100),
    target_rir REAL CHECK (target_rir BETWEEN 0 AND 10),
    tempo TEXT NOT NULL DEFAULT '',
    rest_seconds INTEGER NOT NULL DEFAULT 120 CHECK (rest_seconds BETWEEN 0 AND 1800),
    notes TEXT NOT NULL DEFAULT '',
    CHECK (rep_low <= rep_high)
);
CREATE INDEX session_exercise_session ON session_exercise (session_id, position);
CREATE INDEX session_exercise_exercise ON session_exercise (exercise_id);
CREATE TABLE logged_set (
    id INTEGER PRIMARY KEY,
    session_exercise_id INTEGER NOT NULL REFERENCES session_exercise (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    kind TEXT NOT NULL DEFAULT 'working' CHECK (kind IN ('warmup', 'working', 'drop', 'failure')),
    load_kg REAL CHECK (load_kg BETWEEN 0 AND 1000),
    reps INTEGER NOT NULL CHECK (reps BETWEEN 0 AND 100),
    rir REAL CHECK (rir BETWEEN 0 AND 10),
    rpe REAL CHECK (rpe BETWEEN 1 AND 10),
    notes TEXT NOT NULL DEFAULT '',
    logged_at TEXT
);
CREATE INDEX logged_set_session_exercise ON logged_set (session_exercise_id, position);
CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    group_key TEXT NOT NULL REFERENCES muscle_group (key) ON DELETE RESTRICT,
    soreness INTEGER CHECK (soreness BETWEEN 0 AND 3),
    pump INTEGER CHECK (pump BETWEEN 0 AND 3),
    performance INTEGER CHECK (performance BETWEEN 0 AND 3),
    joint_pain INTEGER NOT NULL DEFAULT 0 CHECK (joint_pain IN (0, 1)),
    UNIQUE (session_id, group_key)
);
CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

# Version 2: what importing other apps' history needs — where a session came from (so importing
# the same file twice adds nothing) and the user's remembered name → exercise mappings.
V2_IMPORT_SUPPORT = """
ALTER TABLE session ADD COLUMN source TEXT;
ALTER TABLE session ADD COLUMN source_key TEXT;
CREATE UNIQUE INDEX session_source ON session (source, source_key) WHERE source IS NOT NULL;
CREATE TABLE exercise_mapping (
    source_name TEXT PRIMARY KEY COLLATE NOCASE,
    exercise_id INTEGER NOT NULL REFERENCES exercise (id) ON DELETE CASCADE
);
"""


# Version 3: counting a week's volume reads only (session exercise, kind) pairs — a covering
# index makes the whole 10-year history count in about 20 ms instead of 100.
V3_VOLUME_INDEX = """
CREATE INDEX logged_set_counting ON logged_set (session_exercise_id, kind);
"""


# Version 4: adaptation state as data, not prose (issue 15). A recovery session's halved rows
# keep the targets they had; a deload session says so; each applied "next week" adjustment is a
# row; a mesocycle keeps the longest session its plan was made for.
V4_ADAPTATION_STATE = """
ALTER TABLE mesocycle ADD COLUMN max_minutes INTEGER
    CHECK (max_minutes IS NULL OR max_minutes BETWEEN 20 AND 240);
ALTER TABLE session ADD COLUMN kind TEXT NOT NULL DEFAULT 'regular'
    CHECK (kind IN ('regular', 'deload'));
ALTER TABLE session_exercise ADD COLUMN recovery INTEGER NOT NULL DEFAULT 0
    CHECK (recovery IN (0, 1));
ALTER TABLE session_exercise ADD COLUMN base_sets INTEGER
    CHECK (base_sets IS NULL OR base_sets BETWEEN 0 AND 20);
ALTER TABLE session_exercise ADD COLUMN base_rep_low INTEGER
    CHECK (base_rep_low IS NULL OR base_rep_low BETWEEN 0 AND 100);
ALTER TABLE session_exercise ADD COLUMN base_rep_high INTEGER
    CHECK (base_rep_high IS NULL OR base_rep_high BETWEEN 0 AND 100);
CREATE TABLE adjustment (
    id INTEGER PRIMARY KEY,
    mesocycle_id INTEGER NOT NULL REFERENCES mesocycle (id) ON DELETE CASCADE,
    week_number INTEGER NOT NULL CHECK (week_number BETWEEN 1 AND 13),
    group_key TEXT NOT NULL REFERENCES muscle_group (key) ON DELETE RESTRICT,
    from_sets INTEGER NOT NULL CHECK (from_sets BETWEEN 0 AND 200),
    to_sets INTEGER NOT NULL CHECK (to_sets BETWEEN 0 AND 200),
    recovery INTEGER NOT NULL DEFAULT 0 CHECK (recovery IN (0, 1)),
    reason TEXT NOT NULL DEFAULT '',
    UNIQUE (mesocycle_id, week_number, group_key)
);
"""
# Version 5: timed sets and assistance (issue 18). A set may hold a time in seconds (a plank:
# 0 reps, 60 s), and an assisted exercise's load is negative — the help a machine or band gives.
# SQLite cannot change a CHECK in place, so logged_set is rebuilt with every row as it was (same
# ids), the new column last, and its indexes made again.
V5_TIMED_AND_ASSISTED_SETS = """
CREATE TABLE logged_set_v5 (
    id INTEGER PRIMARY KEY,
    session_exercise_id INTEGER NOT NULL REFERENCES session_exercise (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    kind TEXT NOT NULL DEFAULT 'working' CHECK (kind IN ('warmup', 'working', 'drop', 'failure')),
    load_kg REAL CHECK (load_kg BETWEEN -300 AND 1000),
    reps INTEGER NOT NULL CHECK (reps BETWEEN 0 AND 100),
    rir REAL CHECK (rir BETWEEN 0 AND 10),
    rpe REAL CHECK (rpe BETWEEN 1 AND 10),
    notes TEXT NOT NULL DEFAULT '',
    logged_at TEXT,
    seconds INTEGER CHECK (seconds BETWEEN 1 AND 3600)
);
INSERT INTO logged_set_v5 (id, session_exercise_id, position, kind, load_kg, reps, rir, rpe,
                           notes, logged_at)
    SELECT id, session_exercise_id, position, kind, load_kg, reps, rir, rpe, notes, logged_at
    FROM logged_set;
DROP TABLE logged_set;
ALTER TABLE logged_set_v5 RENAME TO logged_set;
CREATE INDEX logged_set_session_exercise ON logged_set (session_exercise_id, position);
CREATE INDEX logged_set_counting ON logged_set (session_exercise_id, kind);
"""

# How versions 1–3 remembered a recovery session: a sentence before the row's notes.
_V3_RECOVERY_NOTE = re.compile(
    r"^Recovery session: half the sets and reps at the same load "
    r"\(planned (\d+) × (\d+)–(\d+)\)\.\s?")
_V3_DELOAD_RIR = 5


def _step_1(db: SqliteDatabase) -> None:
    _run_script(db, V1_TABLES)
    for key in MUSCLE_GROUPS:
        _insert_group(db, key)


def _step_2(db: SqliteDatabase) -> None:
    _run_script(db, V2_IMPORT_SUPPORT)


def _step_3(db: SqliteDatabase) -> None:
    _run_script(db, V3_VOLUME_INDEX)


def _step_4(db: SqliteDatabase) -> None:
    _run_script(db, V4_ADAPTATION_STATE)
    # Recovery rows: the targets before halving come out of the note, which is the user's again.
    for row_id, notes in db.execute_sql(
            "SELECT id, notes FROM session_exercise WHERE notes LIKE 'Recovery session:%'"
    ).fetchall():
        match = _V3_RECOVERY_NOTE.match(notes)
        if match:
            sets, low, high = (int(value) for value in match.groups())
            db.execute_sql("UPDATE session_exercise SET recovery = 1, base_sets = ?, "
                           "base_rep_low = ?, base_rep_high = ?, notes = ? WHERE id = ?",
                           (sets, low, high, notes[match.end():], row_id))
    # Deload sessions: a mesocycle's deload week, and weeks whose every row was set to the
    # deload RIR (an early deload accepted).
    db.execute_sql("UPDATE session SET kind = 'deload' WHERE id IN (SELECT s.id FROM session s "
                   "JOIN mesocycle m ON m.id = s.mesocycle_id "
                   "WHERE s.week_number > m.accumulation_weeks)")
    db.execute_sql("UPDATE session SET kind = 'deload' WHERE mesocycle_id IS NOT NULL AND id IN "
                   "(SELECT session_id FROM session_exercise GROUP BY session_id "
                   f"HAVING MIN(target_rir) = {_V3_DELOAD_RIR} AND MAX(target_rir) = "
                   f"{_V3_DELOAD_RIR})")


def _step_5(db: SqliteDatabase) -> None:
    _run_script(db, V5_TIMED_AND_ASSISTED_SETS)


STEPS = (_step_1, _step_2, _step_3, _step_4, _step_5)
LATEST_VERSION = len(STEPS)


def _run_script(db: SqliteDatabase, script: str) -> None:
    # executescript would COMMIT the open transaction; run statement by statement instead.
    for statement in script.split(";"):
        if statement.strip():
            db.execute_sql(statement)


def schema_version(db: SqliteDatabase) -> int:
    return db.execute_sql("PRAGMA user_version").fetchone()[0]


def contents_problem(version: int, tables: set[str]) -> tuple[type[DatabaseOpenError], str] | None:
    """Why a database with this user_version and these tables is not one Overload may open
    and write — the error to raise and the rest of the sentence "<file> …" — or None."""
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


def migrate(db: SqliteDatabase, path: Path, target: int = LATEST_VERSION) -> None:
    """Bring the database to `target`, each step in one transaction. A database that is not
    Overload's — another program's tables, a newer schema — raises and is not touched. (Taking
    a backup first is the caller's: models/storage/connection.py.)"""
    current = schema_version(db)
    refused = contents_error(path, current, table_names(db.connection()))
    if refused is not None:
        raise refused
    for version in range(current + 1, target + 1):
        with db.atomic():
            STEPS[version - 1](db)
            db.execute_sql(f"PRAGMA user_version = {version}")


def rebuild_missing_rows(db: SqliteDatabase | DatabaseProxy) -> int:
    """Put back the muscle groups' rows (with the default landmarks) that are missing: every
    screen and the generator need all of them. Returns how many were missing."""
    present = {key for (key,) in db.execute_sql("SELECT key FROM muscle_group").fetchall()}
    missing = [key for key in MUSCLE_GROUPS if key not in present]
    if missing:
        with db.atomic():
            for key in missing:
                _insert_group(db, key)
    return len(missing)


def _insert_group(db: SqliteDatabase | DatabaseProxy, key: str) -> None:
    lm = DEFAULT_LANDMARKS[key]
    db.execute_sql("INSERT INTO muscle_group VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   (key, MUSCLE_GROUPS.index(key), lm.mv, lm.mev, lm.mav_low, lm.mav_high,
                    lm.mrv, lm.freq_min, lm.freq_max))
