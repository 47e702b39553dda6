"""Everything the user logged, out of the database: a CSV of sets, and a complete JSON export.

CSV — for spreadsheets: one row per logged set, header
`date,workout,exercise,set_order,set_kind,weight_kg,reps,rir,rpe,notes,seconds`, ordered by date,
the session's place in its day, the exercise's place in the session and the set's. `set_order`
counts from 1 within the exercise; numbers are written without float noise (82.5, not
82.50000001) and blank when unknown. A timed set (a plank) has reps 0 and its time in `seconds`,
the last column (added last, so a sheet that reads the first ten columns reads them still); an
assisted exercise's weight is negative, the help it had. A text cell that begins with `=`,
`+`, `-`, `@`, a tab or a carriage return — after any invisible or space characters, and in
full-width forms too — gets a leading `'`, so a spreadsheet shows it as text instead of running
it as a formula ("CSV injection"); numbers are never changed. The CSV is for reading, not for
re-importing.

JSON — for moving to another computer or keeping a readable archive: every table (exercises with
the user's edits, aliases and secondary groups, landmarks, mesocycles, sessions, session
exercises, sets, feedback, settings, remembered import mappings) with its ids, each as
`{"columns": [...], "rows": [[...], ...]}` in primary-key order, under a header
`"format": "overload-export", "version": 1`. The output depends only on the database's content,
so exporting, importing into an empty database and exporting again gives the same bytes.

import_json() restores such a file into a database that has no training history yet (no
sessions, no mesocycles, no custom exercises): the whole file is checked first in a staged copy
(models/storage/restoring.py: every table there, every value of its type and range, foreign
keys whole), then it replaces that database's library, landmarks, settings and mappings with the
file's, in
one transaction. A file refused changes nothing. It does not merge into a database in
use — two histories with their own ids cannot be merged without guessing.
"""

from __future__ import annotations

import csv
import json
import os
import stat
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from models import __version__
from models.library import sync_shipped_library
from models.storage.copies import backup_database
from models.storage.db import database, database_files
from models.storage.files import UnreadableFileError, read_file, read_head
from models.storage.migrations import LATEST_VERSION
from models.storage.restoring import TABLES, ContentError, replace_content, stage_json

CSV_HEADER = ("date", "workout", "exercise", "set_order", "set_kind", "weight_kg", "reps", "rir",
              "rpe", "notes", "seconds")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

EXPORT_FORMAT = "overload-export"
EXPORT_VERSION = 1

class ExportFileError(ValueError):
    """A JSON file that import_json cannot restore, or a database it will not restore into."""


def export_target_problem(target: Path | str, db_path: Path | str) -> str | None:
    """Why an export must not write `target`, or None: the open database, a file that belongs
    to it (journal, lock) or anything in its backups folder would be destroyed; a folder or a
    special file cannot be an export. Symbolic links are followed: a link to the database is
    the database."""
    target = Path(target).expanduser()
    try:
        resolved = target.resolve()
        database_path = Path(db_path).expanduser().resolve()
    except (OSError, RuntimeError) as exc:
        return f"{target} cannot be used ({exc})"
    own = {f for f in database_files(database_path)}
    if resolved in own or target.absolute() in own:
        return (f"{target} is the open database {database_path.name} or one of its files: "
                "exporting there would destroy your training log")
    backups = database_path.parent / "backups"
    if resolved == backups or backups in resolved.parents:
        return f"{target} is in the database's backups folder {backups}: backups are never replaced"
    try:
        mode = resolved.stat().st_mode
    except FileNotFoundError:
        return None  # a new file
    except OSError as exc:  # a name too long, no permission: writing would fail the same way
        return f"{target} cannot be used ({exc.strerror or exc})"
    if stat.S_ISDIR(mode):
        return f"{target} is a folder: choose a file name"
    if not stat.S_ISREG(mode):
        return f"{target} is not a regular file"
    return None


# --- CSV -----------------------------------------------------------------------------------------

_SETS_SQL = """
SELECT s.date, s.name, e.name, se.id, ls.kind, ls.load_kg, ls.reps, ls.rir, ls.rpe, ls.notes,
       ls.seconds
FROM logged_set ls
JOIN session_exercise se ON se.id = ls.session_exercise_id
JOIN session s ON s.id = se.session_id
JOIN exercise e ON e.id = se.exercise_id
ORDER BY s.date, s.position, s.id, se.position, se.id, ls.position, ls.id
"""


def export_csv(path: Path | str) -> int:
    """Write every logged set to `path` (UTF-8, header as CSV_HEADER); returns the set count."""
    rows = 0

    def write(handle) -> None:
        nonlocal rows
        writer = csv.writer(handle)
        writer.writerow(CSV_HEADER)
        previous_se, order = None, 0
        for day, workout, exercise, se_id, kind, load, reps, rir, rpe, notes, seconds in \
                database.execute_sql(_SETS_SQL):
            order = order + 1 if se_id == previous_se else 1
            previous_se = se_id
            writer.writerow((day, escape_cell(workout), escape_cell(exercise), order, kind,
                             format_number(load), format_number(reps), format_number(rir),
                             format_number(rpe), escape_cell(notes), format_number(seconds)))
            rows += 1

    with database.atomic():  # one snapshot, even if the app writes meanwhile
        _write_replacing(Path(path), write, newline="")
    return rows


def escape_cell(text: str | None) -> str:
    """A text cell a spreadsheet will not run: a leading ' when the cell starts with = + - @
    tab or CR — also after characters a spreadsheet skips or folds (a BOM, zero-width and
    other invisible format characters, spaces) and in their full-width or small forms
    (＝ ＋ － ＠ ﹦ …, which NFKC folds to the ASCII ones)."""
    text = text or ""
    first = next((c for c in text if unicodedata.category(c) not in _SKIPPED), "")
    if first and unicodedata.normalize("NFKC", first)[:1] in FORMULA_STARTS:
        return "'" + text
    return text


# Characters a spreadsheet may pass over before it decides a cell is a formula: Unicode format
# characters (BOM, zero-width space and joiners, word joiner…) and spaces.
_SKIPPED = ("Cf", "Zs")


def format_number(value: float | int | None) -> str:
    """82.5, 80 (not 80.0), 102.058; '' for None. Three decimals hold every stored load."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return f"{value:.3f}".rstrip("0").rstrip(".")


# --- JSON ----------------------------------------------------------------------------------------

def export_json(path: Path | str) -> dict[str, int]:
    """Write everything to `path`; returns the row count of each table."""
    with database.atomic():
        tables = {name: _read_table(name, order) for name, order in TABLES}
    text = _render(tables)
    _write_replacing(Path(path), lambda handle: handle.write(text))
    return {name: len(table["rows"]) for name, table in tables.items()}


@dataclass(frozen=True)
class ExportInfo:
    """What an export holds, read before restoring it (the GUI asks with it)."""
    app: str
    counts: dict[str, int]  # rows per table


@dataclass(frozen=True)
class RestoreResult:
    counts: dict[str, int]
    safety: Path | None  # the backup of the data the restore replaced (None: there was none)


def looks_like_json(path: Path | str) -> bool:
    """A file that starts like JSON: an Overload export to restore (which says what is wrong
    with it), never a CSV to read."""
    try:
        start = read_head(Path(path), 64)
    except OSError:
        return False
    return start.removeprefix(b"\xef\xbb\xbf").lstrip().startswith((b"{", b"["))


def read_export_info(path: Path | str) -> ExportInfo:
    """The export's header and row counts; ExportFileError when it is not one we can read."""
    data = _load(Path(path))
    counts = {name: len(table["rows"]) if isinstance(table, dict)
              and isinstance(table.get("rows"), list) else 0
              for name, table in data["tables"].items()}
    return ExportInfo(str(data.get("app", "")), counts)


def history_counts() -> tuple[int, int, int]:
    """Sessions, mesocycles and custom exercises in this database: its training history."""
    return database.execute_sql(
        "SELECT (SELECT COUNT(*) FROM session), (SELECT COUNT(*) FROM mesocycle),"
        " (SELECT COUNT(*) FROM exercise WHERE is_custom)").fetchone()


def import_json(path: Path | str) -> dict[str, int]:
    """Restore an export_json file into this database (see the module docstring for when it is
    allowed); returns the row count of each table. The whole file is checked first, in a
    staged copy (models/storage/restoring.py); all or nothing."""
    path = Path(path)
    return _restore(path, _load(path), before=_refuse_history)


def restore_json_replacing(path: Path | str, db_path: Path | str) -> RestoreResult:
    """Restore an export over this database's content, history included — what File ▸ Import…
    does once the user agreed. The data it replaces is backed up first ("before-restore", listed
    by Restore backup…); a refused file changes nothing and leaves no backup behind."""
    path = Path(path)
    data = _load(path)  # a file that is not an export is refused before any backup is made
    safety = backup_database(database, Path(db_path), "before-restore") \
        if any(history_counts()) else None
    try:
        counts = _restore(path, data, before=None)
    except BaseException:
        if safety is not None:
            safety.unlink(missing_ok=True)  # nothing changed: the copy is the database as it is
        raise
    return RestoreResult(counts, safety)


def _restore(path: Path, data: dict, before: Callable[[], None] | None) -> dict[str, int]:
    with tempfile.TemporaryDirectory(prefix="overload-restore-") as folder:
        staged = Path(folder) / "staged.sqlite"
        try:
            if before is not None:
                before()  # before the work of staging; again inside the transaction
            stage_json(data["tables"], data["schema"], staged)
            counts = replace_content(staged, before=before)
        except ContentError as exc:
            raise ExportFileError(f"{path.name} cannot be restored: {exc}. Nothing was "
                                  "changed.") from None
    sync_shipped_library()  # a file without the shipped exercises gets them back
    return counts


def _read_table(name: str, order: str) -> dict:
    columns = _columns(name)
    rows = database.execute_sql(
        f"SELECT {', '.join(columns)} FROM {name} ORDER BY {order}").fetchall()
    return {"columns": columns, "rows": [list(row) for row in rows]}


def _columns(table: str) -> list[str]:
    return [row[1] for row in database.execute_sql(f"PRAGMA table_info({table})").fetchall()]


def _render(tables: dict[str, dict]) -> str:
    """JSON with one table row per line: readable, diffable, and a fraction of indent=2's size."""
    lines = ["{",
             f' "format": {_dump(EXPORT_FORMAT)},',
             f' "version": {EXPORT_VERSION},',
             f' "schema": {LATEST_VERSION},',
             f' "app": {_dump(__version__)},',
             ' "tables": {']
    for index, (name, table) in enumerate(tables.items()):
        lines.append(f'  {_dump(name)}: {{"columns": {_dump(table["columns"])}, "rows": [')
        if table["rows"]:
            lines.append(",\n".join(f"   {_dump(row)}" for row in table["rows"]))
        lines.append("  ]}" + ("," if index < len(tables) - 1 else ""))
    lines += [" }", "}", ""]
    return "\n".join(lines)


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _load(path: Path) -> dict:
    """The file's header checked and its data parsed; ExportFileError saying what is wrong."""
    try:
        data = json.loads(read_file(path).decode("utf-8"))
    except UnreadableFileError as exc:
        raise ExportFileError(f"{path.name}: {exc.strerror}") from None
    except OSError as exc:
        raise ExportFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ExportFileError(f"{path.name} is not an Overload JSON export ({exc})") from None
    except RecursionError:
        raise ExportFileError(f"{path.name} is nested too deeply to be an Overload JSON "
                              "export") from None
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise ExportFileError(f"{path.name} is JSON but not an Overload JSON export (it has no "
                              f'"format": "{EXPORT_FORMAT}")')
    if data.get("version") != EXPORT_VERSION or type(data.get("version")) is not int:
        raise ExportFileError(f"{path.name} is export version {_shown(data.get('version'))}; "
                              f"this version of Overload reads version {EXPORT_VERSION}")
    schema = data.get("schema")
    if "schema" not in data:
        raise ExportFileError(f"{path.name} has no \"schema\" number: it is not a complete "
                              "Overload export")
    if type(schema) is not int or schema < 1:
        raise ExportFileError(f"{path.name} has schema {_shown(schema)}, which is not a "
                              "schema number")
    if schema > LATEST_VERSION:
        raise ExportFileError(f"{path.name} comes from a newer version of Overload (schema "
                              f"{schema}; this version reads up to {LATEST_VERSION})")
    if not isinstance(data.get("tables"), dict):
        raise ExportFileError(f"{path.name} has no tables")
    return data


def _shown(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:37] + "…"


def _refuse_history() -> None:
    counts = history_counts()
    if any(counts):
        sessions, mesocycles, custom = counts
        raise ContentError(
            "this database already has training data "
            f"({sessions} sessions, {mesocycles} mesocycles, {custom} custom exercises): restore "
            "a JSON export into a new, empty database (overload --db NEW.sqlite import FILE.json)"
            " or from File ▸ Import…, which backs this data up before replacing it")


def _write_replacing(path: Path, write, newline: str | None = None) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`: a failed export never
    leaves half a file where the user expects a whole one."""
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8", newline=newline) as handle:
            write(handle)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
