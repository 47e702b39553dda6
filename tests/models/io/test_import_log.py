"""The import history and the import folder: each version of a file once, refusals recorded
once, nothing in the folder touched."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from models.io.import_log import import_folder, import_history, record_import
from models.storage.schema import ImportLog, Session

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "imports"


def test_a_folder_is_imported_once_per_version_of_each_file(db, db_path, tmp_path):
    folder = tmp_path / "phone"
    folder.mkdir()
    shutil.copy(FIXTURES / "strong_A.csv", folder / "strong.csv")
    shutil.copy(FIXTURES / "hevy_kg.csv", folder / "hevy.csv")
    (folder / "notes.md").write_text("not an export", encoding="utf-8")
    (folder / ".strong.csv.tmp").write_text("half", encoding="utf-8")
    outcomes = import_folder(folder, db_path)
    assert [(o.file.name, o.summary.workouts if o.summary else None, o.problem)
            for o in outcomes] == [("hevy.csv", 2, ""), ("strong.csv", 3, "")]
    assert Session.select().count() == 5
    assert import_folder(folder, db_path) == []  # nothing new: not even read again
    # The phone replaces the file with a longer export: read again, only the new workout added.
    text = (FIXTURES / "strong_A.csv").read_text(encoding="utf-8")
    (folder / "strong.csv").write_text(
        text + "2019-03-11 18:00:00,Pull Day,Bent Over Row (Barbell),0,62.5,10,0,0,\n",
        encoding="utf-8")
    os.utime(folder / "strong.csv", ns=(1, 2_000_000_000_000_000_000))
    (again,) = import_folder(folder, db_path)
    assert again.summary is not None and again.summary.workouts == 1
    assert sorted(p.name for p in folder.iterdir()) == [
        ".strong.csv.tmp", "hevy.csv", "notes.md", "strong.csv"]  # nothing moved or removed


def test_a_file_that_cannot_be_imported_is_reported_once_and_left(db, db_path, tmp_path):
    folder = tmp_path / "phone"
    folder.mkdir()
    (folder / "broken.csv").write_text("Date,Nonsense\n2020-01-01,1\n", encoding="utf-8")
    shutil.copy(FIXTURES / "strong_B.csv", folder / "no-unit.csv")
    outcomes = import_folder(folder, db_path)
    problems = {o.file.name: o.problem for o in outcomes}
    assert "header" in problems["broken.csv"]
    assert problems["no-unit.csv"].startswith("the file does not say whether its loads are kg")
    assert import_folder(folder, db_path) == []  # reported once
    assert (folder / "broken.csv").exists() and Session.select().count() == 0
    history = import_history()
    assert [(r.origin, r.added.startswith("not imported:")) for r in history] == [
        ("folder", True), ("folder", True)]


def test_the_history_says_what_each_import_added_newest_first(db, db_path):
    from models.io.csv_parsers import parse_file
    from models.io.import_writer import apply_import

    summary = apply_import(parse_file(FIXTURES / "strong_A.csv"), db_path)
    record_import(FIXTURES / "strong_A.csv", "dialog", summary=summary)
    again = apply_import(parse_file(FIXTURES / "strong_A.csv"), db_path)
    record_import(FIXTURES / "strong_A.csv", "command", summary=again)
    newest, oldest = import_history()
    assert (newest.origin, newest.added) == ("command",
                                             "nothing new (every workout was imported before)")
    assert (oldest.origin, oldest.added) == ("dialog", "3 workout(s), 10 set(s)")
    assert ImportLog.select().count() == 2
