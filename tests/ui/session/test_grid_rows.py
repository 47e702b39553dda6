"""The grid's rows and what text typed in a row means, without widgets or a database."""

from __future__ import annotations

from datetime import date

import pytest

from models.rules.domain import LB_TO_KG, ExerciseInfo
from models.rules.progression import Target
from models.sessions import LoggedSetInfo, NextSet, SessionExerciseInfo
from ui.session.grid_rows import (
    LOAD,
    MEASURE,
    RIR,
    GridEntryError,
    GridRow,
    RowChange,
    cell_named_by,
    cell_texts,
    grid_rows,
    placeholders,
    row_change,
)

PLAN = NextSet("working", 82.5, 8, None, 2.0)


def row(*, load_kind="loaded", timed=False, planned=PLAN, logged=None, extra=False) -> GridRow:
    return GridRow(se_id=1, exercise_name="Barbell Row", label="2", name="Barbell Row set 2",
                   load_kind=load_kind, timed=timed, planned=planned, logged=logged,
                   extra=extra)


def logged_set(kind="working", load_kg=80.0, reps=8, rir=2.0, seconds=None, set_id=7):
    return LoggedSetInfo(set_id, 0, kind, load_kg, reps, rir, None, seconds)


def info(sets=(), target_sets=3) -> SessionExerciseInfo:
    exercise = ExerciseInfo(name="Barbell Row", primary="back", equipment="barbell")
    return SessionExerciseInfo(
        id=1, position=0, exercise=exercise, target_sets=target_sets, rep_low=6, rep_high=10,
        target_rir=2, tempo="", rest_seconds=120, notes="", sets=tuple(sets), last_time=(),
        last_date=date(2026, 11, 18), target=Target(82.5, 8, target_sets, "", None, 2))


def logged(*sets: LoggedSetInfo) -> tuple[LoggedSetInfo, ...]:
    return tuple(LoggedSetInfo(i, i, s.kind, s.load_kg, s.reps, s.rir, s.rpe, s.seconds)
                 for i, s in enumerate(sets, start=1))


# --- the rows -----------------------------------------------------------------------------------

def test_rows_are_the_logged_sets_then_the_sets_still_to_do_then_one_more():
    rows = grid_rows(info(logged(logged_set("warmup"), logged_set(), logged_set("drop"),
                                 logged_set("failure"))))
    assert [(r.label, r.name, r.extra) for r in rows] == [
        ("Warm-up", "Barbell Row warm-up 1", False),
        ("1", "Barbell Row set 1", False),
        ("Drop", "Barbell Row drop set 1", False),
        ("2", "Barbell Row set 2", False),  # a set to failure counts towards the target
        ("3", "Barbell Row set 3", False),
        ("+", "Barbell Row set 4", True)]
    assert [r.key for r in rows] == [("set", 1), ("set", 2), ("set", 3), ("set", 4),
                                     ("new", 0), ("new", 1)]


def test_past_the_target_only_the_extra_row_is_empty():
    rows = grid_rows(info(logged(*[logged_set()] * 4)))
    assert [r.label for r in rows] == ["1", "2", "3", "4", "+"]


def test_what_the_cells_show():
    assert cell_texts(row(logged=logged_set(load_kg=-20, rir=None)), "kg") == ("−20", "8", "")
    assert cell_texts(row(logged=logged_set(load_kg=None)), "kg") == ("BW", "8", "2")
    assert cell_texts(row(logged=logged_set(load_kg=100)), "lb") == ("220.46", "8", "2")
    plank = logged_set(load_kg=None, reps=0, seconds=60, rir=None)
    assert cell_texts(row(timed=True, logged=plank), "kg") == ("BW", "60", "")
    assert cell_texts(row(logged=plank), "kg") == ("BW", "60 s", "")  # not a timed column
    assert cell_texts(row(), "kg") == ("", "", "")
    assert placeholders(row(), "kg") == ("82.5", "8", "2")
    assert placeholders(row(extra=True), "kg") == ("", "", "")
    first_time = NextSet("working", None, 8, None, None, load_missing=True)
    assert placeholders(row(planned=first_time), "kg") == ("—", "8", "")
    assert placeholders(row(timed=True, planned=NextSet("working", None, 0, 65, None)),
                        "kg") == ("BW", "65", "")
    assert placeholders(row(logged=logged_set()), "kg") == ("", "", "—")


# --- a new set ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "units", "fields"), [
    ({LOAD: "80", MEASURE: "8", RIR: "2"}, "kg", (80, 8, None, 2.0)),
    ({LOAD: " 82,5 ", MEASURE: "8"}, "kg", (82.5, 8, None, None)),
    ({LOAD: "80 kg", MEASURE: "8", RIR: "—"}, "kg", (80, 8, None, None)),
    ({LOAD: "135", MEASURE: "8", RIR: "1.5"}, "lb", (135 * LB_TO_KG, 8, None, 1.5)),
    ({LOAD: "BW", MEASURE: "12"}, "kg", (None, 12, None, None)),
    ({LOAD: "0", MEASURE: "12"}, "kg", (None, 12, None, None)),
    ({LOAD: "\u221220", MEASURE: "8"}, "kg", (-20, 8, None, None)),
    ({LOAD: "20", MEASURE: "60 s"}, "kg", (20, 0, 60, None)),  # a timed set in a reps column
    ({LOAD: "80", MEASURE: "8.5"}, "kg", (80, 8.5, None, None)),  # models/ names the limit
])
def test_a_new_sets_typed_values(typed, units, fields):
    change = row_change(row(), typed, units)
    assert change is not None and change.set_id is None and change.note == ""
    load, reps, seconds, rir = fields
    assert change.fields == {"kind": "working", "load_kg": pytest.approx(load) if load else load,
                             "reps": reps, "seconds": seconds, "rir": rir}


@pytest.mark.parametrize(("text", "seconds"), [("70", 70), ("1:30", 90), ("45 s", 45),
                                                ("45s", 45)])
def test_a_timed_rows_measure_is_seconds(text, seconds):
    change = row_change(row(timed=True, load_kind="bodyweight",
                            planned=NextSet("working", None, 0, 65, None)),
                        {MEASURE: text}, "kg")
    assert change == RowChange({"kind": "working", "load_kg": None, "rir": None, "reps": 0,
                                "seconds": seconds})


def test_an_empty_row_or_one_cleared_again_logs_nothing():
    assert row_change(row(), {}, "kg") is None
    assert row_change(row(), {LOAD: "", MEASURE: " "}, "kg") is None


def test_an_empty_load_is_the_plans_and_said_so():
    change = row_change(row(), {MEASURE: "8"}, "lb")
    assert change is not None and change.fields["load_kg"] == 82.5
    assert change.note == "Barbell Row set 2: no load typed — logged at the target, 181.88 lb"
    bodyweight = row(load_kind="bodyweight", planned=NextSet("working", None, 8, None, None))
    assert row_change(bodyweight, {MEASURE: "8"}, "kg") == RowChange(
        {"kind": "working", "load_kg": None, "rir": None, "reps": 8, "seconds": None})


@pytest.mark.parametrize(("the_row", "typed", "message", "cell"), [
    (row(), {LOAD: "80"}, "Barbell Row set 2: type the reps to log the set (Escape clears the "
                          "row)", MEASURE),
    (row(), {MEASURE: "x"}, "Barbell Row set 2: reps 'x' is not a number", MEASURE),
    (row(timed=True), {MEASURE: "long"}, "Barbell Row set 2: seconds 'long' is not a number of "
                                         "seconds (60, 60 s or 1:30)", MEASURE),
    (row(), {LOAD: "heavy", MEASURE: "8"}, "Barbell Row set 2: load 'heavy' is not a number",
     LOAD),
    (row(), {LOAD: "80 lb", MEASURE: "8"}, "Barbell Row set 2: load '80 lb' is not a number",
     LOAD),  # the other unit is not converted silently
    (row(), {MEASURE: "8", RIR: "easy"}, "Barbell Row set 2: RIR 'easy' is not a number", RIR),
    (row(planned=NextSet("working", None, 8, None, None, load_missing=True)), {MEASURE: "8"},
     "Barbell Row set 2: type the load — there is no target load yet, and Barbell Row is never "
     "logged as bodyweight", LOAD),
])
def test_text_that_cannot_be_read_names_the_row_and_the_cell(the_row, typed, message, cell):
    with pytest.raises(GridEntryError) as raised:
        row_change(the_row, typed, "kg")
    assert str(raised.value) == message and raised.value.cell == cell


# --- a logged set -------------------------------------------------------------------------------

def test_a_logged_sets_changed_cells_only_are_updated():
    done = row(logged=logged_set(load_kg=80, reps=8, rir=2))
    assert row_change(done, {LOAD: "80", MEASURE: "8", RIR: "2"}, "kg") is None
    assert row_change(done, {LOAD: "82.5", MEASURE: "8"}, "kg") == RowChange(
        {"load_kg": 82.5}, set_id=7)
    assert row_change(done, {MEASURE: "7", RIR: ""}, "kg") == RowChange(
        {"reps": 7, "seconds": None, "rir": None}, set_id=7)
    in_pounds = row(logged=logged_set(load_kg=100 * LB_TO_KG))
    assert row_change(in_pounds, {LOAD: "100"}, "lb") is None  # the same load, retyped


def test_a_logged_sets_load_and_reps_cannot_be_cleared_away():
    with pytest.raises(GridEntryError, match="type the load — Barbell Row is never logged"):
        row_change(row(logged=logged_set()), {LOAD: ""}, "kg")
    with pytest.raises(GridEntryError, match="the reps cannot be empty") as raised:
        row_change(row(logged=logged_set()), {MEASURE: ""}, "kg")
    assert raised.value.cell == MEASURE
    pull_up = row(load_kind="bodyweight", logged=logged_set(load_kg=10))
    assert row_change(pull_up, {LOAD: ""}, "kg") == RowChange({"load_kg": None}, set_id=7)


@pytest.mark.parametrize(("message", "cell"), [
    ("reps: 500 is out of range (0–100)", MEASURE), ("seconds: 0 is out of range", MEASURE),
    ("load −20 kg: only an assisted exercise takes a negative load", LOAD),
    ("load: 1200 kg is out of range", LOAD), ("RIR: 11 is out of range", RIR),
    ("set: no logged set with id 4", None)])
def test_the_cell_a_models_message_names(message, cell):
    assert cell_named_by(message) == cell
