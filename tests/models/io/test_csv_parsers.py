"""The parsing half of the importer: every export variant of FORMATS.md, its quirks, its errors."""

import codecs
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.io.csv_parsers import (
    FITNOTES_WORKOUT_NAME,
    SKIP_CARDIO,
    ImportFileError,
    UnitRequiredError,
    detect_format,
    needs_unit,
    parse_file,
    peek,
)
from models.rules.domain import SET_KINDS
from tests.shared import FITNOTES_HEADER, PLANK_FILES, STRONG_D_HEADER

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "imports"


def fixture(name: str) -> Path:
    return FIXTURES / name


def table(parsed):
    """Every set as (start, workout, exercise, order, kind, load kg, reps): the exact import."""
    return [(f"{w.started:%Y-%m-%d %H:%M}", w.name, s.exercise, s.order, s.kind, s.load_kg, s.reps)
            for w in parsed.workouts for s in w.sets]


# --- detection -----------------------------------------------------------------------------------

VARIANTS = {
    "strong_A.csv": ("strong", "strong-A"), "strong_B.csv": ("strong", "strong-B"),
    "strong_C.csv": ("strong", "strong-C"), "strong_D.csv": ("strong", "strong-D"),
    "strong_E.csv": ("strong", "strong-E"), "strong_F.csv": ("strong", "strong-F"),
    "hevy_kg.csv": ("hevy", "hevy-kg"), "hevy_lbs.csv": ("hevy", "hevy-lbs"),
    "fitnotes_lbs.csv": ("fitnotes", "fitnotes-lbs"),
    "fitnotes_kgs.csv": ("fitnotes", "fitnotes-kgs"),
    "fitnotes_kgs_comment.csv": ("fitnotes", "fitnotes-kgs-comment"),
    "fitnotes_unit.csv": ("fitnotes", "fitnotes-unit"),
    "fitnotes_unit_comment.csv": ("fitnotes", "fitnotes-unit-comment"),
}
NEEDS_UNIT = {"strong_B.csv", "strong_D.csv", "strong_F.csv"}


def test_every_fixture_is_listed():
    assert {p.name for p in FIXTURES.glob("*.csv")} == set(VARIANTS)


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_each_fixture_is_detected_and_parses(name):
    parsed = parse_file(fixture(name), unit="kg")
    assert (parsed.format, parsed.variant) == VARIANTS[name]
    assert peek(fixture(name)).variant == VARIANTS[name][1]
    assert needs_unit(fixture(name)) is (name in NEEDS_UNIT)
    assert all(s.kind in SET_KINDS and s.rir is None for s in parsed.sets)


def test_detection_reads_names_not_positions():
    header = ["Date", "Workout Name", "Exercise Name", "Set Order", "kg", "Reps", "km",
              "Seconds", "Notes"]
    assert detect_format(header) == ("strong", "strong-A")
    assert detect_format([h.upper() for h in reversed(header)]) == ("strong", "strong-A")
    assert detect_format([" Date ", *header[1:]]) == ("strong", "strong-A")


def test_reordered_columns_are_read_by_name():
    text = ("Reps,kg,Exercise Name,Date,Workout Name,Set Order,km,Seconds,Notes\n"
            "8,80,Bench Press (Barbell),2024-01-01 10:00:00,Push,1,0,0,\n")
    parsed = parse_file(text)
    assert table(parsed) == [
        ("2024-01-01 10:00", "Push", "Bench Press (Barbell)", 1, "working", 80.0, 8)]


def test_unknown_header_lists_the_columns_found():
    with pytest.raises(ImportFileError) as caught:
        detect_format(["Date", "Workout Name", "Exercise Name", "Set Order", "Weight", "Reps",
                       "Distance", "Seconds", "Notes", "Workout Notes", "Mood"])
    message = str(caught.value)
    assert "unknown header" in message
    assert "'Mood'" in message and "'Workout Notes'" in message
    assert "strong-B" in message and "RPE" in message  # the closest header, and what differs


def test_unknown_header_in_a_file_points_at_line_1():
    with pytest.raises(ImportFileError) as caught:
        parse_file("name,weight,reps\nBench,80,8\n")
    assert caught.value.line == 1
    assert str(caught.value).startswith("line 1: not a Strong, Hevy or FitNotes export")
    assert "'name', 'weight', 'reps'" in str(caught.value)


def test_a_repeated_column_is_refused():
    with pytest.raises(ImportFileError, match="repeats the column 'reps'"):
        detect_format(["Date", "Exercise", "Category", "Weight (kgs)", "Reps", "Reps"])


def test_a_str_is_text_not_a_path():
    with pytest.raises(TypeError, match=r"pathlib\.Path"):
        parse_file(str(fixture("strong_A.csv")))


def test_insisting_on_another_format_is_refused():
    with pytest.raises(ImportFileError, match="this is a hevy export"):
        parse_file(fixture("hevy_kg.csv"), format="strong")
    assert parse_file(fixture("hevy_kg.csv"), format="hevy").variant == "hevy-kg"
    with pytest.raises(ValueError, match="format must be"):
        parse_file(fixture("hevy_kg.csv"), format="excel")


# --- Strong --------------------------------------------------------------------------------------

def test_strong_a_crlf_set_order_from_0_kg_header():
    assert b"\r\n" in fixture("strong_A.csv").read_bytes()
    parsed = parse_file(fixture("strong_A.csv"))
    assert (parsed.unit, parsed.unit_source) == ("kg", "header")
    assert table(parsed) == [
        ("2019-03-04 18:02", "Pull Day", "Bent Over Row (Barbell)", 1, "working", 60.0, 10),
        ("2019-03-04 18:02", "Pull Day", "Bent Over Row (Barbell)", 2, "working", 60.0, 10),
        ("2019-03-04 18:02", "Pull Day", "Bent Over Row (Barbell)", 3, "working", 62.5, 8),
        ("2019-03-04 18:02", "Pull Day", "Lat Pulldown (Cable)", 1, "working", 50.0, 12),
        ("2019-03-04 18:02", "Pull Day", "Lat Pulldown (Cable)", 2, "working", 52.5, 10),
        ("2019-03-06 17:45", "Push Day", "Bench Press (Barbell)", 1, "working", 80.0, 8),
        ("2019-03-06 17:45", "Push Day", "Bench Press (Barbell)", 2, "working", 80.0, 7),
        ("2019-03-08 09:10", "Leg Day", "Squat (Barbell)", 1, "working", 100.0, 5),
        ("2019-03-08 09:10", "Leg Day", "Squat (Barbell)", 2, "working", 100.0, 5),
        ("2019-03-08 09:10", "Leg Day", "Squat (Barbell)", 3, "working", 102.5, 4),
    ]
    assert parsed.skipped == {SKIP_CARDIO: 1}  # the treadmill
    row = parsed.workouts[0].exercises[0].sets[2]
    assert (row.notes, row.line, row.seconds, row.distance_m) == (
        "Grip slipped on the last rep", 4, None, None)
    assert parsed.workouts[0].started == datetime(2019, 3, 4, 18, 2, 11)
    assert [s.line for s in parsed.workouts[2].sets] == [10, 11, 12]  # CRLF counts one line


def test_crlf_and_lf_read_the_same():
    crlf = fixture("strong_A.csv").read_bytes()
    assert table(parse_file(crlf)) == table(parse_file(crlf.replace(b"\r\n", b"\n")))


@pytest.mark.parametrize("name", sorted(NEEDS_UNIT))
def test_strong_variants_without_unit_raise_unit_required(name):
    assert peek(fixture(name)).needs_unit
    with pytest.raises(UnitRequiredError) as caught:
        parse_file(fixture(name))
    assert isinstance(caught.value, ImportFileError)  # callers that catch only that still work
    assert caught.value.line is None
    assert "kg or lb" in str(caught.value)


def test_strong_b_in_kg_kinds_noise_notes_rest_and_localized_names():
    parsed = parse_file(fixture("strong_B.csv"), unit="kg")
    assert (parsed.unit, parsed.unit_source) == ("kg", "argument")
    assert table(parsed) == [
        ("2023-05-02 19:15", "Entraînement du soir", "Bent Over Row (Barbell)", 1, "warmup",
         40.0, 10),
        ("2023-05-02 19:15", "Entraînement du soir", "Bent Over Row (Barbell)", 2, "working",
         60.0, 10),
        ("2023-05-02 19:15", "Entraînement du soir", "Bent Over Row (Barbell)", 3, "working",
         62.5, 8),
        ("2023-05-02 19:15", "Entraînement du soir", "Lat Pulldown (Cable)", 1, "working",
         12.9, 13),
        ("2023-05-02 19:15", "Entraînement du soir", "Lat Pulldown (Cable)", 2, "drop", 9.1, 12),
        ("2023-05-04 07:02", "Тренировка", "Squat (Barbell)", 1, "warmup", 60.0, 5),
        ("2023-05-04 07:02", "Тренировка", "Squat (Barbell)", 2, "working", 100.0, 5),
        ("2023-05-04 07:02", "Тренировка", "Squat (Barbell)", 3, "failure", 100.0, 3),
        ("2023-05-04 07:02", "Тренировка", "Seated Cable Row", 1, "working", 55.0, 12),
    ]
    evening, russian = parsed.workouts
    row = evening.exercises[0]
    assert (row.notes, row.rest_seconds) == ("Keep the back flat", 120)
    assert [s.rpe for s in row.sets] == [None, 8.0, 8.5]
    assert isinstance(evening.exercises[1].sets[0].reps, int)  # '13.0'
    assert evening.notes == "Bonne séance" and russian.notes == ""
    assert russian.sets[2].notes == "Failed in the hole, spotter helped"
    assert russian.sets[2].rpe == 10.0
    assert parsed.skipped == {"note rows": 1, "rest timer rows": 1}
    assert (parsed.skipped_rows, parsed.set_count, parsed.warmup_sets) == (2, 9, 2)
    assert evening.key == "strong:2023-05-02T19:15:43:Entraînement du soir"
    assert russian.key == "strong:2023-05-04T07:02:09:Тренировка"


def test_strong_b_in_pounds_converts_to_kg():
    parsed = parse_file(fixture("strong_B.csv"), unit="lb")
    assert [s.load_kg for s in parsed.sets] == [
        18.144, 27.216, 28.35, 5.851, 4.128, 27.216, 45.359, 45.359, 24.948]
    assert (parsed.unit, parsed.unit_source) == ("lb", "argument")


def test_strong_c_semicolons_and_mixed_row_units():
    parsed = parse_file(fixture("strong_C.csv"))
    assert parsed.delimiter == ";"
    assert (parsed.unit, parsed.unit_source) == (None, "row")  # rows mix kg and lbs
    assert table(parsed) == [
        ("2024-01-08 06:30", "Upper A", "Bench Press (Barbell)", 1, "warmup", 20.0, 10),
        ("2024-01-08 06:30", "Upper A", "Bench Press (Barbell)", 2, "working", 80.0, 8),
        ("2024-01-08 06:30", "Upper A", "Bench Press (Barbell)", 3, "working", 80.0, 7),
        ("2024-01-08 06:30", "Upper A", "Seated Cable Row", 1, "working", 45.359, 12),  # 100 lbs
        ("2024-01-08 06:30", "Upper A", "Seated Cable Row", 2, "working", 49.895, 10),  # 110 lbs
        ("2024-01-10 06:28", "Lower A", "Squat (Barbell)", 1, "working", 102.058, 5),  # 225 lbs
        ("2024-01-10 06:28", "Lower A", "Squat (Barbell)", 2, "working", 102.5, 5),
    ]
    assert [s.rpe for s in parsed.sets] == [None, 8.0, 9.0, None, None, 8.5, 9.0]
    assert parsed.workouts[0].notes == "Gym at work"
    assert parsed.skipped_rows == 1  # the rowing machine


def test_strong_d_duration_text():
    parsed = parse_file(fixture("strong_D.csv"), unit="kg")
    assert [w.duration_seconds for w in parsed.workouts] == [3600, 2 * 3600 + 18 * 60, 51 * 60]
    assert table(parsed) == [
        ("2022-11-14 17:30", "Back & Biceps", "Bent Over Row (Barbell)", 1, "working", 70.0, 8),
        ("2022-11-14 17:30", "Back & Biceps", "Bent Over Row (Barbell)", 2, "working", 70.0, 8),
        ("2022-11-14 17:30", "Back & Biceps", "Lat Pulldown (Cable)", 1, "working", 60.0, 10),
        ("2022-11-16 17:41", "Chest Day", "Bench Press (Barbell)", 1, "working", 90.0, 5),
        ("2022-11-16 17:41", "Chest Day", "Bench Press (Barbell)", 2, "working", 90.0, 5),
        ("2022-11-18 18:00", "Quick Legs", "Squat (Barbell)", 1, "working", 120.0, 3),
        ("2022-11-18 18:00", "Quick Legs", "Plank", 1, "working", None, None),  # timed
    ]
    assert parsed.workouts[1].notes == "Long session"
    assert parsed.workouts[2].sets[0].rpe == 9.5
    assert parsed.workouts[2].sets[1].seconds == 60
    assert parsed.skipped_rows == 0  # the plank is a timed set


def test_strong_e_quoted_semicolons_workout_number_seconds_duration():
    parsed = parse_file(fixture("strong_E.csv"))
    assert (parsed.delimiter, parsed.unit) == (";", "kg")
    assert table(parsed) == [
        ("2025-02-03 18:05", "Pull", "Bent Over Row (Barbell)", 1, "warmup", 40.0, 8),
        ("2025-02-03 18:05", "Pull", "Bent Over Row (Barbell)", 2, "working", 70.0, 8),
        ("2025-02-03 18:05", "Pull", "Lat Pulldown (Cable)", 1, "working", 59.0, 10),
        ("2025-02-05 18:10", "Push", "Bench Press (Barbell)", 1, "working", 85.0, 6),
        ("2025-02-05 18:10", "Push", "Bench Press (Barbell)", 2, "working", 85.0, 6),
    ]
    pull, push = parsed.workouts
    assert (pull.number, pull.duration_seconds, pull.notes) == (41, 4980, "New belt")
    assert (push.number, push.duration_seconds) == (42, 3600)
    assert pull.exercises[1].rest_seconds == 90
    assert push.sets[1].notes == "Touch and go"
    # Keyed by date + name like every other Strong variant, so re-importing an older export of
    # the same history (without 'Workout #') matches the same workouts.
    assert pull.key == "strong:2025-02-03T18:05:12:Pull"


def test_strong_f_in_pounds():
    parsed = parse_file(fixture("strong_F.csv"), unit="lb")
    assert table(parsed) == [
        ("2021-06-01 12:00", "Lunch Lift", "Squat (Barbell)", 1, "warmup", 61.235, 5),
        ("2021-06-01 12:00", "Lunch Lift", "Squat (Barbell)", 2, "working", 102.058, 5),
        ("2021-06-01 12:00", "Lunch Lift", "Squat (Barbell)", 3, "working", 102.058, 5),
        ("2021-06-03 12:05", "Lunch Lift", "Bench Press (Barbell)", 1, "working", 83.915, 6),
        ("2021-06-03 12:05", "Lunch Lift", "Seated Cable Row", 1, "working", 63.503, 10),
        ("2021-06-03 12:05", "Lunch Lift", "Seated Cable Row", 2, "drop", 45.359, 12),
    ]
    assert [w.duration_seconds for w in parsed.workouts] == [45 * 60, 3900]
    assert parsed.workouts[0].key != parsed.workouts[1].key  # same name, other day


def test_a_unit_argument_does_not_override_the_header():
    assert table(parse_file(fixture("strong_A.csv"), unit="lb")) == table(
        parse_file(fixture("strong_A.csv")))


def test_unit_argument_spellings():
    assert parse_file(fixture("strong_F.csv"), unit="LBS").unit == "lb"
    with pytest.raises(ValueError, match="unit must be"):
        parse_file(fixture("strong_F.csv"), unit="stone")


def test_strong_quoted_note_spanning_lines_keeps_line_numbers():
    text = ("Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,Seconds,Notes\n"
            '2024-01-01 10:00:00,Push,Bench Press (Barbell),1,80,8,0,0,"first line\nsecond"\n'
            "2024-01-01 10:00:00,Push,Bench Press (Barbell),2,80,x,0,0,\n")
    with pytest.raises(ImportFileError) as caught:
        parse_file(text)
    assert str(caught.value) == "line 4: reps 'x' is not a number"


def test_decimal_commas_in_semicolon_files():
    text = ("Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
            "Distance Unit;Seconds;Notes;Workout Notes\n"
            "2024-01-08 06:30:00;Upper;Bench Press (Barbell);1;82,5;kg;8;8,5;;;;;\n")
    only = parse_file(text).sets[0]
    assert (only.load_kg, only.rpe) == (82.5, 8.5)


# --- Hevy ----------------------------------------------------------------------------------------

def test_hevy_kg_newest_first_becomes_oldest_first():
    parsed = parse_file(fixture("hevy_kg.csv"))
    assert table(parsed) == [
        ("2025-09-15 07:48", "Pull", "Lat Pulldown (Cable)", 1, "working", 65.0, 10),
        ("2025-09-15 07:48", "Pull", "Lat Pulldown (Cable)", 2, "working", 65.0, 9),
        ("2025-09-15 07:48", "Pull", "Seated Cable Row", 1, "working", 70.0, 12),
        ("2025-09-15 07:48", "Pull", "Seated Cable Row", 2, "working", 70.0, 11),
        ("2025-09-17 18:30", "Push", "Bench Press (Barbell)", 1, "warmup", 60.0, 8),
        ("2025-09-17 18:30", "Push", "Bench Press (Barbell)", 2, "working", 92.5, 5),
        ("2025-09-17 18:30", "Push", "Bench Press (Barbell)", 3, "working", 92.5, 5),
    ]
    pull, push = parsed.workouts
    assert (pull.duration_seconds, pull.notes) == (63 * 60, "Morning session")
    assert push.exercises[0].notes == "Pause on chest"
    assert [s.rpe for s in push.sets] == [None, 8.0, 9.0]
    assert pull.key == "hevy:2025-09-15T07:48:00:Pull"
    assert parsed.date_range == (date(2025, 9, 15), date(2025, 9, 17))
    assert parsed.skipped_rows == 1  # treadmill


def test_hevy_lbs_bom_kinds_bodyweight_and_half_rpe():
    assert fixture("hevy_lbs.csv").read_bytes().startswith(codecs.BOM_UTF8)
    parsed = parse_file(fixture("hevy_lbs.csv"))
    assert (parsed.unit, parsed.encoding) == ("lb", "utf-8")
    assert table(parsed) == [
        ("2025-08-18 17:00", "Upper", "Pull Up", 1, "warmup", None, 5),
        ("2025-08-18 17:00", "Upper", "Pull Up", 2, "working", None, 10),
        ("2025-08-18 17:00", "Upper", "Pull Up", 3, "working", None, 8),
        ("2025-08-18 17:00", "Upper", "Bent Over Row (Barbell)", 1, "working", 70.307, 8),
        ("2025-08-18 17:00", "Upper", "Bent Over Row (Barbell)", 2, "drop", 52.163, 10),
        ("2025-08-20 06:15", "Leg Day", "Squat (Barbell)", 1, "warmup", 61.235, 5),
        ("2025-08-20 06:15", "Leg Day", "Squat (Barbell)", 2, "working", 102.058, 5),
        ("2025-08-20 06:15", "Leg Day", "Squat (Barbell)", 3, "failure", 102.058, 4),
    ]
    upper = parsed.workouts[0]
    assert upper.exercises[0].notes == "Strict, no kipping"  # repeated per row, kept once
    assert [s.rpe for s in upper.exercises[0].sets] == [None, 9.5, 9.5]
    assert (upper.notes, upper.duration_seconds) == ("Deload week", 65 * 60)
    assert parsed.warmup_sets == 2
    assert parsed.exercise_names() == ["Pull Up", "Bent Over Row (Barbell)", "Squat (Barbell)"]


def test_hevy_month_names_do_not_depend_on_the_locale():
    header = fixture("hevy_kg.csv").read_text().splitlines()[0]
    row = ('"Push","1 Dec 2024, 9:05","","","Bench Press (Barbell)","","","0","normal",'
           '"80","8","","",""')
    assert parse_file(f"{header}\n{row}\n").first_started == datetime(2024, 12, 1, 9, 5)


# --- FitNotes ------------------------------------------------------------------------------------

def test_fitnotes_lbs_recovers_an_unquoted_comma_in_the_exercise_name():
    parsed = parse_file(fixture("fitnotes_lbs.csv"))
    assert table(parsed) == [
        ("2020-02-10 00:00", FITNOTES_WORKOUT_NAME, "Bench Press (Barbell)", 1, "working",
         83.915, 5),
        ("2020-02-10 00:00", FITNOTES_WORKOUT_NAME, "Bench Press (Barbell)", 2, "working",
         83.915, 5),
        ("2020-02-10 00:00", FITNOTES_WORKOUT_NAME, "Overhead Press (Each Side, Dumbbells)", 1,
         "working", 18.144, 10),
        ("2020-02-10 00:00", FITNOTES_WORKOUT_NAME, "Overhead Press (Each Side, Dumbbells)", 2,
         "working", 18.144, 9),
        ("2020-02-12 00:00", FITNOTES_WORKOUT_NAME, "Squat (Barbell)", 1, "working", 102.058, 5),
    ]
    assert parsed.skipped == {SKIP_CARDIO: 1}  # cycling
    assert parsed.workouts[0].key == "fitnotes:2020-02-10T00:00:00:FitNotes workout"


def test_fitnotes_kgs():
    parsed = parse_file(fixture("fitnotes_kgs.csv"))
    assert table(parsed) == [
        ("2020-03-02 00:00", FITNOTES_WORKOUT_NAME, "Bent Over Row (Barbell)", 1, "working",
         60.0, 10),
        ("2020-03-02 00:00", FITNOTES_WORKOUT_NAME, "Bent Over Row (Barbell)", 2, "working",
         60.0, 10),
        ("2020-03-02 00:00", FITNOTES_WORKOUT_NAME, "Lat Pulldown (Cable)", 1, "working", 50.0, 12),
        ("2020-03-04 00:00", FITNOTES_WORKOUT_NAME, "Squat (Barbell)", 1, "working", 100.0, 5),
        ("2020-03-04 00:00", FITNOTES_WORKOUT_NAME, "Squat (Barbell)", 2, "working", 100.0, 5),
    ]


def test_fitnotes_kgs_comment_recovery_with_an_empty_last_column():
    parsed = parse_file(fixture("fitnotes_kgs_comment.csv"))
    rows = [(s.exercise, s.load_kg, s.reps, s.notes, s.line) for s in parsed.sets]
    assert rows == [
        ("Bench Press (Barbell)", 80.0, 8, "Paused reps, 1 s", 2),
        ("Overhead Press (Each Side, Dumbbells)", 16.0, 12, "", 3),
        ("Overhead Press (Each Side, Dumbbells)", 16.0, 10, "Left arm weaker", 4),
        ("Seated Cable Row", 65.0, 12, "", 5),
    ]
    assert [w.started for w in parsed.workouts] == [datetime(2021, 4, 5), datetime(2021, 4, 7)]
    assert parsed.skipped_rows == 1  # the run


def test_fitnotes_unit_per_row_and_bodyweight():
    parsed = parse_file(fixture("fitnotes_unit.csv"))
    assert (parsed.unit, parsed.unit_source) == (None, "row")
    assert table(parsed) == [
        ("2022-07-11 00:00", FITNOTES_WORKOUT_NAME, "Squat (Barbell)", 1, "working", 100.0, 5),
        ("2022-07-11 00:00", FITNOTES_WORKOUT_NAME, "Squat (Barbell)", 2, "working", 100.0, 5),
        ("2022-07-11 00:00", FITNOTES_WORKOUT_NAME, "Leg Press", 1, "working", 136.078, 12),
        ("2022-07-13 00:00", FITNOTES_WORKOUT_NAME, "Bench Press (Barbell)", 1, "working",
         80.0, 8),
        ("2022-07-13 00:00", FITNOTES_WORKOUT_NAME, "Pull Up", 1, "working", None, 10),
    ]


def test_fitnotes_unit_comment():
    parsed = parse_file(fixture("fitnotes_unit_comment.csv"))
    assert table(parsed) == [
        ("2023-09-04 00:00", FITNOTES_WORKOUT_NAME, "Bent Over Row (Barbell)", 1, "working",
         61.235, 10),
        ("2023-09-04 00:00", FITNOTES_WORKOUT_NAME, "Lat Pulldown (Cable)", 1, "working",
         54.431, 12),
        ("2023-09-06 00:00", FITNOTES_WORKOUT_NAME, "Squat (Barbell)", 1, "working", 102.5, 5),
    ]
    assert parsed.sets[1].notes == "Wide grip"
    assert parsed.skipped_rows == 1  # treadmill


def test_fitnotes_time_distance_and_blank_row_unit():
    header = "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time"
    carry = "2023-01-02,Farmer's Walk,Forearms,32.0,kgs,1,40,m,0:01:05"
    parsed = parse_file(f"{header}\n{carry}\n")
    only = parsed.sets[0]
    assert (only.load_kg, only.distance_m, only.seconds) == (32.0, 40.0, 65)
    blank_unit = "2023-01-02,Squat (Barbell),Legs,100.0,,5,,,"
    with pytest.raises(UnitRequiredError) as caught:
        parse_file(f"{header}\n{carry}\n{blank_unit}\n")
    assert caught.value.line == 3
    assert parse_file(f"{header}\n{blank_unit}\n", unit="lb").sets[0].load_kg == 45.359


# --- encodings and empty files -------------------------------------------------------------------

def test_a_bom_is_ignored_in_text_and_bytes():
    text = fixture("strong_A.csv").read_text(encoding="utf-8")
    assert table(parse_file("\ufeff" + text)) == table(parse_file(fixture("strong_A.csv")))
    assert parse_file(codecs.BOM_UTF8 + text.encode()).variant == "strong-A"


def test_windows_1252_and_utf16_files():
    text = fixture("strong_B.csv").read_text(encoding="utf-8").replace("Тренировка", "Séance")
    for encoding in ("cp1252", "utf-16"):
        parsed = parse_file(text.encode(encoding), unit="kg")
        assert parsed.encoding == encoding
        assert [w.name for w in parsed.workouts] == ["Entraînement du soir", "Séance"]


def test_broken_utf8_names_its_line():
    data = fixture("strong_B.csv").read_bytes().replace(b"Seated Cable Row", b"Seated \xff Row")
    with pytest.raises(ImportFileError) as caught:
        parse_file(data, unit="kg")
    assert str(caught.value) == "line 12: byte 0xff is not UTF-8 text"


@pytest.mark.parametrize("data, message", [
    (b"", "the file is empty"),
    (b"\r\n\n  \n", "the file is empty"),
    (b"PK\x03\x04\x14\x00\x06\x00", "spreadsheet or zip archive"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
])
def test_empty_and_binary_files(data, message):
    with pytest.raises(ImportFileError, match=message):
        parse_file(data)


def test_header_only_and_no_sets_are_refused():
    header = fixture("strong_A.csv").read_bytes().split(b"\r\n")[0]
    with pytest.raises(ImportFileError, match="no sets found: the file has a header but no rows"):
        parse_file(header + b"\r\n")
    cardio = b"2019-03-06 17:45:30,Push Day,Treadmill,0,0,0,2.4,900,\r\n"
    with pytest.raises(ImportFileError, match="none of the 1 rows is a set"):
        parse_file(header + b"\r\n" + cardio)


# --- errors with line numbers --------------------------------------------------------------------

STRONG_A = "Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,Seconds,Notes\n"
GOOD = "2024-01-01 10:00:00,Push,Bench Press (Barbell),1,80,8,0,0,"


@pytest.mark.parametrize("bad_row, reason", [
    ("2024-01-01 10:00:00,Push,Bench Press (Barbell),1,abc,8,0,0,",
     "weight 'abc' is not a number"),
    ("2024-01-01 10:00:00,Push,Bench Press (Barbell),1,-400,8,0,0,",
     "weight -400 kg is more help than an assisted exercise has (300 kg)"),
    ("2024-01-01 10:00:00,Push,Bench Press (Barbell),1,80,8,0,5000,",
     "seconds '5000' is over an hour (3600 s) for a set"),
    ("2024-01-01 10:00:00,Push,Bench Press (Barbell),1,1200,8,0,0,",
     "weight 1200 kg is over 1000 kg"),
    ("2024-01-01 10:00:00,Push,Bench Press (Barbell),1,nan,8,0,0,", "weight 'nan' is not a number"),
    ("2024-01-01 10:00:00,Push,Bench Press (Barbell),1," + "9" * 400 + ",8,0,0,", "is too large"),
    ("2024-01-01 10:00:00,Push,Bench Press (Barbell),1,80,eight,0,0,",
     "reps 'eight' is not a number"),
    ("2024-01-01 10:00:00,Push,Bench Press (Barbell),1,80,-3,0,0,", "reps '-3' is negative"),
    ("2024-01-01 10:00:00,Push,Bench Press (Barbell),1,80,8.5,0,0,",
     "reps '8.5' is not a whole number"),
    ("2024-01-01 10:00:00,Push,Bench Press (Barbell),1,80,150,0,0,", "reps 150 is over 100"),
    ("2024-13-01 10:00:00,Push,Bench Press (Barbell),1,80,8,0,0,",
     "date '2024-13-01 10:00:00' is not a date like 2024-05-31 18:30:00"),
    ("01/02/2024,Push,Bench Press (Barbell),1,80,8,0,0,", "date '01/02/2024' is not a date"),
    ("2024-01-01 10:00:00,Push,Bench Press (Barbell),X,80,8,0,0,",
     "set order 'X' is not a number, W, D, F, Note or Rest Timer"),
    ("2024-01-01 10:00:00,Push,,1,80,8,0,0,", "the exercise name is empty"),
    ("2024-01-01 10:00:00,Push,Bench Press (Barbell),1,80,8,0,0", "expected 9 fields, found 8"),
    ("2024-01-01 10:00:00,Push,Bench Press (Barbell),1,80,8,0,0,,",
     "expected 9 fields, found 10"),
])
def test_bad_values_name_their_line(bad_row, reason):
    with pytest.raises(ImportFileError) as caught:
        parse_file(STRONG_A + GOOD + "\n" + GOOD + "\n" + bad_row + "\n")
    assert caught.value.line == 4
    assert reason in caught.value.reason
    assert str(caught.value).startswith("line 4: ")


@pytest.mark.parametrize("cell", ["1e3", "1_000", "nan", "inf", "٨٠", "0x50", "8 0"])
def test_numbers_that_float_reads_but_a_file_must_not_hold_are_refused(cell):
    with pytest.raises(ImportFileError) as caught:
        parse_file(STRONG_A + GOOD + "\n" + GOOD.replace(",80,", f",{cell},") + "\n")
    assert str(caught.value) == f"line 3: weight {cell!r} is not a number"


def test_spaces_around_cells_are_ignored():
    padded = " 2024-01-01 10:00:00 , Push , Bench Press (Barbell) , W , 80.5 , 8 , 0 , 0 , ok \n"
    plain = "2024-01-01 10:00:00,Push,Bench Press (Barbell),W,80.5,8,0,0,ok\n"
    assert parse_file(STRONG_A + padded) == parse_file(STRONG_A + plain)
    only = parse_file(STRONG_A + padded).sets[0]
    assert (only.kind, only.load_kg, only.reps, only.notes) == ("warmup", 80.5, 8, "ok")
    with pytest.raises(ImportFileError) as caught:
        parse_file(STRONG_A + padded.replace(" 8 ", " 8.5 "))
    assert str(caught.value) == "line 2: reps '8.5' is not a whole number"


def test_a_value_read_before_is_still_checked_for_its_own_column_and_line():
    # 8.5 is a good weight on line 2 and a bad rep count on line 4; W a good set order on line 2.
    rows = [GOOD.replace(",1,80,", ",W,8.5,"), GOOD, GOOD.replace(",8,0,", ",8.5,0,")]
    with pytest.raises(ImportFileError) as caught:
        parse_file(STRONG_A + "\n".join(rows) + "\n")
    assert str(caught.value) == "line 4: reps '8.5' is not a whole number"
    with pytest.raises(ImportFileError) as caught:
        parse_file(STRONG_A + "\n".join([rows[0], GOOD.replace(",1,", ",w2,")]) + "\n")
    assert str(caught.value) == (
        "line 3: set order 'w2' is not a number, W, D, F, Note or Rest Timer")


def test_the_same_load_in_other_row_units_converts_each_way():
    header = "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time"
    rows = ["2023-01-02,Squat (Barbell),Legs,100,kgs,5,,,",
            "2023-01-02,Squat (Barbell),Legs,100,lbs,5,,,"]
    parsed = parse_file("\n".join([header, *rows]) + "\n")
    assert [s.load_kg for s in parsed.sets] == [100.0, 45.359]
    assert parsed.unit is None  # both units seen
    with pytest.raises(UnitRequiredError) as caught:
        parse_file("\n".join([header, *rows, "2023-01-02,Squat (Barbell),Legs,100,,5,,,"]) + "\n")
    assert caught.value.line == 4


def test_rows_of_a_workout_apart_in_the_file_join_the_same_workout():
    push = "2024-01-01 10:00:00,Push,Bench Press (Barbell),{},80,8,0,0,"
    pull = "2024-01-01 12:00:00,Pull,Lat Pulldown (Cable),1,50,10,0,0,"
    parsed = parse_file(STRONG_A + "\n".join([push.format(1), pull, push.format(2)]) + "\n")
    assert [(w.name, [(s.exercise, s.order, s.line) for s in w.sets]) for w in parsed.workouts] == [
        ("Push", [("Bench Press (Barbell)", 1, 2), ("Bench Press (Barbell)", 2, 4)]),
        ("Pull", [("Lat Pulldown (Cable)", 1, 3)]),
    ]


def test_bad_weight_in_a_fixture_names_its_line():
    lines = fixture("strong_B.csv").read_text(encoding="utf-8").splitlines()
    lines[6] = lines[6].replace("12.900000000000034", "abc")
    with pytest.raises(ImportFileError) as caught:
        parse_file("\n".join(lines), unit="kg")
    assert str(caught.value) == "line 7: weight 'abc' is not a number"


ROW_4 = '"2","normal","92.5","5","","","9"'


@pytest.mark.parametrize("old, new, reason", [
    (ROW_4, ROW_4.replace('"9"', '"11"'), "RPE '11' is not between 1 and 10"),
    (ROW_4, ROW_4.replace("normal", "superset"),
     "set type 'superset' is not normal, warmup, failure or dropset"),
    ('"17 Sep 2025, 18:30","17 Sep 2025, 19:42","","Bench Press (Barbell)","","Pause on chest","2"',
     '"17 Sept 2025 18h30","17 Sep 2025, 19:42","","Bench Press (Barbell)","","Pause on chest","2"',
     "date '17 Sept 2025 18h30' is not a date like '15 Sep 2025, 07:48'"),
])
def test_hevy_errors_name_their_line(old, new, reason):
    text = fixture("hevy_kg.csv").read_text(encoding="utf-8")
    assert text.count(old) == 1
    with pytest.raises(ImportFileError) as caught:
        parse_file(text.replace(old, new))
    assert (caught.value.line, caught.value.reason) == (4, reason)


def test_fitnotes_errors_name_their_line():
    text = fixture("fitnotes_kgs.csv").read_text(encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        parse_file(text.replace("2020-03-04,Squat (Barbell),Legs,100.0,5,,,\n",
                                "2020-03-04,Squat (Barbell),Legs,100.0,5,,,\n"
                                "2020-02-30,Squat (Barbell),Legs,100.0,5,,,\n", 1))
    assert str(caught.value) == "line 6: date '2020-02-30' is not a date like 2024-05-31"
    with pytest.raises(ImportFileError, match="line 2: time '1:75:00' is not H:MM:SS"):
        parse_file(text.replace("60.0,10,,,", "60.0,10,,,1:75:00", 1))
    with pytest.raises(ImportFileError, match="line 2: weight unit 'stone' is not kg or lbs"):
        parse_file("Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time\n"
                   "2020-03-02,Squat (Barbell),Legs,10,stone,5,,,\n")


def test_strong_duration_errors():
    text = fixture("strong_D.csv").read_text(encoding="utf-8")
    with pytest.raises(ImportFileError, match="line 2: duration 'an hour' is not like"):
        parse_file(text.replace(",1h,", ",an hour,", 1), unit="kg")


def test_reimport_gives_the_same_keys():
    first = [w.key for w in parse_file(fixture("strong_E.csv")).workouts]
    assert first == [w.key for w in parse_file(fixture("strong_E.csv")).workouts]
    assert len(set(first)) == len(first)


# --- fuzzing: malformed files raise ImportFileError and nothing else -----------------------------

FIXTURE_BYTES = [fixture(name).read_bytes() for name in sorted(VARIANTS)]


WRONG_VALUES = [
    b"", b"0", b"-1", b"1e3", b"W", b"Note", b"Rest Timer", b"9" * 30, b"13.0", b"12,5",
    b"1:99:00", b'"', b'"a""b"', b"2024-02-30 10:00:00", b"31 Feb 2025, 10:00", b"lbs", b"kgs",
    b"mi", b"dropset", b"1h 5m", b"\xef\xbb\xbf",
]


def damage_line(draw, line: bytes, delimiter: bytes) -> list[bytes]:
    """One line damaged: a field deleted, duplicated or replaced; the line doubled, deleted or
    replaced by random text. Returns the lines that take its place."""
    cells = line.split(delimiter)
    cell = draw(st.integers(0, len(cells) - 1))
    choice = draw(st.integers(0, 6))
    if choice == 0:
        del cells[cell]
    elif choice == 1:
        cells.insert(cell, cells[cell])
    elif choice == 2:
        cells[cell] = draw(st.text(max_size=12)).encode("utf-8")
    elif choice == 3:
        cells[cell] = draw(st.sampled_from(WRONG_VALUES))
    elif choice == 4:
        return [line, line]
    elif choice == 5:
        return []
    else:
        return [draw(st.text(max_size=40)).encode("utf-8")]
    return [delimiter.join(cells)]


@st.composite
def mutated_files(draw):
    """A fixture damaged a few times over, the ways real files get damaged."""
    data = draw(st.sampled_from(FIXTURE_BYTES))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["truncate", "garbage", "line", "line", "line"]))
        if kind == "truncate":
            data = data[:draw(st.integers(0, len(data)))]
        elif kind == "garbage":
            spot = draw(st.integers(0, len(data)))
            data = data[:spot] + draw(st.binary(min_size=1, max_size=8)) + data[spot:]
        else:
            lines = data.split(b"\n")
            delimiter = b";" if b";" in lines[0] else b","
            at = draw(st.integers(0, len(lines) - 1))
            lines[at:at + 1] = damage_line(draw, lines[at], delimiter)
            data = b"\n".join(lines)
    return data


def check_only_import_errors(data, unit):
    try:
        parsed = parse_file(data, unit=unit)
    except ImportFileError as error:
        assert str(error)
        return
    assert parsed.workouts and parsed.set_count > 0
    for s in parsed.sets:
        assert s.kind in SET_KINDS
        assert s.load_kg is None or 0 < s.load_kg <= 1000
        assert s.reps is None or 0 < s.reps <= 100
        assert s.rpe is None or 1 <= s.rpe <= 10
    assert [w.started for w in parsed.workouts] == sorted(w.started for w in parsed.workouts)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=mutated_files(), unit=st.sampled_from([None, "kg", "lb"]))
def test_mutated_fixtures_raise_only_import_file_error(data, unit):
    check_only_import_errors(data, unit)


@settings(max_examples=100, deadline=None)
@given(data=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)))
def test_random_bytes_raise_only_import_file_error(data):
    check_only_import_errors(data, "kg")


# --- timed sets, cardio and assistance (issue 18) ------------------------------------------------

@pytest.mark.parametrize("fmt", sorted(PLANK_FILES))
def test_a_plank_row_is_a_timed_set_in_every_format(fmt):
    parsed = parse_file(PLANK_FILES[fmt], unit="kg")
    assert parsed.format == fmt
    assert [(s.exercise, s.load_kg, s.reps, s.seconds) for s in parsed.sets] == [
        ("Plank", None, None, 60), ("Plank", 10.0, None, 45), ("Crunch", None, 15, None)]
    assert parsed.skipped == {}


def test_cardio_and_rows_that_are_not_sets_are_skipped_with_their_reasons():
    rows = [
        "2024-03-04,Treadmill,Cardio,,,2.0,km,0:20:00",  # a distance
        "2024-03-04,Elliptical,Cardio,,,,,0:30:00",  # the Cardio category, a time alone
        "2024-03-04,Rowing,Back,,,2000,m,",  # a distance alone
        "2024-03-04,Stair Climber,Legs,,,,,1:30:00",  # over an hour, no reps
        "2024-03-04,Farmer's Walk,Forearms,32.0,,,,",  # a load alone
        "2024-03-04,Plank,Abs,,,,,0:01:30",  # a set: 90 s
    ]
    parsed = parse_file("\n".join([FITNOTES_HEADER, *rows]) + "\n")
    assert [(s.exercise, s.seconds) for s in parsed.sets] == [("Plank", 90)]
    assert parsed.skipped == {
        SKIP_CARDIO: 3,
        "rows timed over an hour with no reps (cardio)": 1,
        "rows with a load but no reps or time": 1,
    }


def test_a_cardio_row_is_skipped_before_its_distance_unit_is_read():
    # A unit no set has ("laps") must not refuse a file for a row that is not a set.
    header = "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time"
    rows = ["2024-03-04,Swimming,Cardio,,,,20,laps,0:30:00",
            "2024-03-04,Squat (Barbell),Legs,100,kgs,5,,,"]
    parsed = parse_file("\n".join([header, *rows]) + "\n")
    assert [s.exercise for s in parsed.sets] == ["Squat (Barbell)"]


def test_a_negative_weight_is_kept_for_the_writer_to_judge():
    row = "2024-03-04 18:00:00,Pull,45m,Pull Up (Assisted),1,-20,8,0,0,,,"
    (only,) = parse_file(f"{STRONG_D_HEADER}\n{row}\n", unit="kg").sets
    assert (only.load_kg, only.reps) == (-20.0, 8)
    in_pounds = parse_file(f"{STRONG_D_HEADER}\n{row}\n", unit="lb").sets[0]
    assert in_pounds.load_kg == pytest.approx(-20 * 0.45359237, abs=1e-3)
