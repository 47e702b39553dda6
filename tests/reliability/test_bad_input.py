"""Bad input everywhere: every command-line option and every input field, given out-of-range,
empty, huge and non-numeric values, answers with a clear message (or keeps the value in range)
and writes nothing — never a traceback.

The command line is fuzzed in-process with hypothesis (main.main, as `overload` runs it), on a
copy of one small database per example, compared byte for byte afterwards; a few odd --db paths
run as real processes. The widgets are driven with typed text (pytest-qt)."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
import uuid
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QTextEdit

import main
from models import sessions as ms
from models.landmarks import load_landmarks
from models.library import list_exercises
from models.opening import open_database
from models.rules.domain import DEFAULT_LANDMARKS
from models.storage.db import close_database
from models.storage.schema import Exercise, LoggedSet, Mesocycle, Session
from tests.reliability.support import rows

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "imports" / "strong_A.csv"
FUZZ = settings(max_examples=40, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

# Values a user (or a script) may type: out of range, empty, huge, not numbers, not text at all.
ODD = st.sampled_from([
    "", " ", "\t", "-1", "0", "1", "13", "99999999999999999999", "-99999999999999999999", "1e309",
    "nan", "inf", "3.5", "abc", "MON", "mon,,tue", "chest,chest", "2026-W00", "2026-W53",
    "9999-W52", "0000-W01", "2026-02-30", "1899-12-31", "9999-12-31", "0001-01-01", "--json",
    "\udcff", "名前", "x" * 10_000, "../../etc/passwd", "'; DROP TABLE session; --",
])
TEXT = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)),
               max_size=40)
BAD = st.one_of(ODD, TEXT, st.integers(-10**12, 10**12).map(str),
                st.floats(allow_nan=True, allow_infinity=True).map(repr))


def maybe(valid: str, bad=BAD):
    """Mostly a bad value, sometimes a valid one (so later options get checked too)."""
    return st.one_of(bad, bad, st.just(valid))


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A small history: one done session with sets, and a saved mesocycle."""
    path = tmp_path_factory.mktemp("bad-input") / "template.sqlite"
    open_database(path)
    session_id = ms.create_session(date(2026, 11, 23), "Pull",
                                   [Exercise.get(Exercise.name == "Barbell Row").id],
                                   status="done")
    ms.log_set(ms.exercise_order(session_id)[0], kind="working", load_kg=80, reps=8)
    close_database()
    return path


@pytest.fixture
def scratch(tmp_path) -> Path:
    return tmp_path


def run(template: Path, scratch: Path, args: list[str]) -> tuple[int, str, str, Path]:
    """`overload --db COPY ARGS` in-process: (code, stdout, stderr, the copy)."""
    db = scratch / f"{uuid.uuid4().hex}.sqlite"
    shutil.copyfile(template, db)
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main.main(["--db", str(db), *args])
    finally:
        close_database()
    return code, out.getvalue(), err.getvalue(), db


def check(template: Path, code: int, err: str, db: Path, *, may_write: bool) -> None:
    assert code in (0, 1, 2), code
    if code:
        assert err.strip(), "a refusal must say why"
        assert err.startswith(("usage:", "overload:")), err[:300]
    if code or not may_write:
        assert db.read_bytes() == template.read_bytes(), "a refused command wrote"
    db.unlink()


@FUZZ
@given(week=st.one_of(st.none(), maybe("2026-W48")),
       rule=st.one_of(st.none(), maybe("direct")), as_json=st.booleans())
def test_volume_options(template, scratch, week, rule, as_json):
    args = ["volume"] + (["--week", week] if week is not None else []) \
        + (["--rule", rule] if rule is not None else []) + (["--json"] if as_json else [])
    code, _, err, db = run(template, scratch, args)
    check(template, code, err, db, may_write=False)


@FUZZ
@given(level=maybe("beginner"), days=maybe("mon,thu"), weeks=maybe("3"),
       start=st.one_of(st.none(), maybe("2027-01-04")), split=st.one_of(st.none(), maybe("auto")),
       groups=st.lists(st.tuples(st.sampled_from(["--grow", "--maintain", "--skip"]),
                                 maybe("back,chest")), max_size=3),
       name=st.one_of(st.none(), maybe("Winter block")), save=st.booleans(),
       no_deload=st.booleans())
def test_plan_options(template, scratch, level, days, weeks, start, split, groups, name, save,
                      no_deload):
    args = ["plan", "--level", level, "--days", days, "--weeks", weeks]
    for option, value in (("--start", start), ("--split", split), ("--name", name)):
        if value is not None:
            args += [option, value]
    for option, value in groups:
        args += [option, value]
    args += (["--save"] if save else []) + (["--no-deload"] if no_deload else [])
    code, _, err, db = run(template, scratch, args)
    check(template, code, err, db, may_write=save)


@FUZZ
@given(file=maybe(str(FIXTURE), st.one_of(ODD, TEXT)),
       fmt=st.one_of(st.none(), maybe("strong")), unit=st.one_of(st.none(), maybe("kg")))
def test_import_options(template, scratch, file, fmt, unit):
    args = ["import", file] + (["--format", fmt] if fmt is not None else []) \
        + (["--unit", unit] if unit is not None else [])
    code, _, err, db = run(template, scratch, args)
    check(template, code, err, db, may_write=True)


@FUZZ
@given(name=maybe("out.csv", st.one_of(ODD, TEXT)), fmt=st.one_of(st.none(), maybe("json")))
def test_export_options(template, scratch, name, fmt):
    # Always inside the scratch folder: an export must never land in the working directory.
    target = str(scratch / name.replace("/", "_")) if name else name
    args = ["export", target] + (["--format", fmt] if fmt is not None else [])
    code, _, err, db = run(template, scratch, args)
    check(template, code, err, db, may_write=False)


def test_a_usage_error_touches_no_database(tmp_path):
    db = tmp_path / "never.sqlite"
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main.main(["--db", str(db), "plan", "--level", "beginner", "--days", "mon",
                          "--weeks", "99"])
    assert code == 2 and "--weeks: 99 is out of range (3–12)" in err.getvalue()
    assert not db.exists()


@pytest.mark.parametrize("kind", ["folder", "empty", "huge", "file as folder"])
def test_odd_database_paths_are_refused_by_a_real_process(tmp_path_factory, kind):
    tmp_path = tmp_path_factory.mktemp("odd")
    home = tmp_path_factory.mktemp("home")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    db = {"folder": str(tmp_path), "empty": "", "huge": str(tmp_path / ("x" * 5000)),
          "file as folder": str(blocker / "overload.sqlite")}[kind]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home)}
    before = sorted(p.name for p in tmp_path.iterdir())
    for args in (["--db", db, "volume"], ["--db", db, "import", str(FIXTURE)],
                 ["--smoke", "--db", db]):
        result = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=tmp_path,
                                env=env, capture_output=True, text=True, timeout=60)
        assert result.returncode == 1, (args, result.stderr)
        # (Qt's offscreen plugin may print a line of its own first.)
        assert "\noverload: " in "\n" + result.stderr and "Traceback" not in result.stderr
        assert "nothing was changed" in result.stderr.lower() or "untouched" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # not even a lock file


# --- input fields ------------------------------------------------------------------------------

def type_into(qtbot, widget, text: str) -> None:
    """Replace the field's text as typing would: key by key where QTest has keys (ASCII), else
    through the line edit's insert(), which applies the same validator."""
    widget.setFocus()
    widget.selectAll()
    if text.isascii() and text.isprintable():
        qtbot.keyClicks(widget, text)
    else:
        line = widget if isinstance(widget, QLineEdit) else widget.lineEdit()
        line.insert(text)


def test_landmark_spin_boxes_keep_values_in_range_and_refuse_disorder(db, qtbot):
    from ui.settings.landmarks_dialog import LandmarksEditor

    before = load_landmarks()
    editor = LandmarksEditor(before)
    qtbot.addWidget(editor)
    mrv = editor.spin("chest", "mrv")
    default = DEFAULT_LANDMARKS["chest"].mrv
    for typed in ("abc", "-5", "999", "", "1e9", "٣"):
        mrv.setValue(default)
        type_into(qtbot, mrv, typed)  # keystrokes that leave 0–60 are not taken
        mrv.interpretText()
        assert 0 <= mrv.value() <= 60
        if typed in ("abc", ""):
            assert mrv.value() == default
    freq = editor.spin("chest", "freq_max")
    type_into(qtbot, freq, "99")
    assert 1 <= freq.value() <= 7
    mrv.setValue(0)  # below MAV: out of order
    assert "Chest" in editor.message.text()
    editor.accept()
    assert editor.result() != LandmarksEditor.DialogCode.Accepted
    assert load_landmarks() == before  # nothing written


def test_exercise_dialog_refuses_a_huge_empty_or_odd_name(db, qtbot):
    from ui.library.exercise_dialog import ExerciseDialog

    count = len(list_exercises())
    huge = ExerciseDialog()
    qtbot.addWidget(huge)
    huge.name_edit.setText("x" * 10_000)
    assert huge.name_edit.text() == "x" * 120  # the field holds no more than a name may have
    for name, problem in (("", "Name"), ("   ", "Name"), ("Barbell Row", "Barbell Row")):
        dialog = ExerciseDialog()
        qtbot.addWidget(dialog)
        dialog.name_edit.setText(name)
        dialog.primary_combo.setCurrentIndex(1)
        assert problem in dialog.message.text(), (name[:20], dialog.message.text())
        dialog.accept()
        assert dialog.result() != ExerciseDialog.DialogCode.Accepted
    dialog = ExerciseDialog()
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("My Row")
    type_into(qtbot, dialog.tempo_edit, "fast!")
    assert "empo" in dialog.message.text()  # "Tempo: …"
    for spin, top in ((dialog.rest_spin, 1800), (dialog.rep_low_spin, 100),
                      (dialog.step_kg_spin, 50)):
        type_into(qtbot, spin, "999999")
        spin.interpretText()
        assert spin.value() <= top
    assert len(list_exercises()) == count


@pytest.fixture
def editor_on_session(store, qtbot):
    from ui.session.session_editor import SessionEditor

    session_id = ms.create_session(date(2026, 11, 25), "Pull",
                                   [Exercise.get(Exercise.name == "Barbell Row").id])
    editor = SessionEditor(store)
    qtbot.addWidget(editor)
    editor.resize(460, 790)
    editor.show()
    qtbot.waitExposed(editor)
    editor.open_session(session_id)
    return editor


ENTRY_TEXT = st.one_of(ODD, TEXT, st.integers(-10**6, 10**6).map(str),
                       st.floats(allow_nan=True, allow_infinity=True).map(repr))


@settings(max_examples=30, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(load=ENTRY_TEXT, reps=ENTRY_TEXT, rir=ENTRY_TEXT)
def test_typed_set_entries_log_only_sets_in_range(editor_on_session, qtbot, load, reps, rir):
    editor = editor_on_session
    entry = editor.set_entry
    for spin, text in ((entry.load_spin, load[:40]), (entry.reps_spin, reps[:40]),
                       (entry.rir_spin, rir[:40])):
        type_into(qtbot, spin, text)
    qtbot.keyClick(entry.rir_spin, Qt.Key.Key_Return)  # Return logs the set as typed
    for logged in LoggedSet.select():
        assert logged.load_kg is None or 0 <= logged.load_kg <= 1000
        assert 0 <= logged.reps <= 100 and (logged.rir is None or 0 <= logged.rir <= 10)


@FUZZ
@given(column=st.sampled_from(["kind", "load", "reps", "rir"]), text=ENTRY_TEXT)
def test_typed_set_table_edits_are_refused_with_a_message(editor_on_session, column, text):
    from ui.session.session_models import COL_KIND, COL_LOAD, COL_REPS

    editor = editor_on_session
    if not LoggedSet.select().exists():
        editor.log_entered_set()
    before = [(s.kind, s.load_kg, s.reps, s.rir) for s in LoggedSet.select()]
    col = {"kind": COL_KIND, "load": COL_LOAD, "reps": COL_REPS}.get(column, COL_REPS + 1)
    accepted = editor.set_model.setData(editor.set_model.index(0, col), text)
    after = [(s.kind, s.load_kg, s.reps, s.rir) for s in LoggedSet.select()]
    if not accepted:
        assert after == before and editor.message  # refused, and said why
    for kind, load_kg, reps, rir in after:
        assert kind in ("warmup", "working", "drop", "failure")
        assert (load_kg is None or 0 <= load_kg <= 1000) and 0 <= reps <= 100
        assert rir is None or 0 <= rir <= 10


def test_preferences_offer_choices_only(store, qtbot):
    from ui.settings.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(store.settings)
    qtbot.addWidget(dialog)
    # The only line edit outside a combo box shows the chosen import folder, read-only.
    assert all(isinstance(e.parent(), QComboBox) or e.isReadOnly()
               for e in dialog.findChildren(QLineEdit))
    assert not dialog.findChildren(QPlainTextEdit) and not dialog.findChildren(QTextEdit)
    for combo in dialog.findChildren(QComboBox):
        assert not combo.isEditable()  # nothing to type: every value is one of the choices


def test_a_huge_wizard_name_is_not_a_crash(store, db_path, qtbot):
    from ui.wizard.program_wizard import ProgramWizard

    wizard = ProgramWizard(store)
    qtbot.addWidget(wizard)
    wizard.goal.name_edit.setText("x" * 10_000)
    type_into(qtbot, wizard.schedule.weeks_spin, "99")
    assert 3 <= wizard.schedule.weeks_spin.value() <= 12
    assert Mesocycle.select().count() == 0 and Session.select().count() == 0
    assert rows(db_path, "PRAGMA quick_check") == [("ok",)]
