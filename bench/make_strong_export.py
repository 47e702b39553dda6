"""Write a large, realistic Strong export (variant A: kg header, CRLF) for timing the importer.

    python bench/make_strong_export.py OUT.csv [ROWS]

writes ROWS set rows (default 60,000: about fifteen years of four workouts a week), then times
models.io.csv_parsers.parse_file on the file and prints the figure.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import random
import time
from datetime import datetime, timedelta

from models.io.csv_parsers import parse_file

HEADER = "Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,Seconds,Notes"

# A four-day upper/lower split: (workout name, [(exercise, starting load in kg, reps)]).
SPLIT = (
    ("Upper A", [("Bench Press (Barbell)", 60.0, 8),
                 ("Bent Over Row (Barbell)", 50.0, 10),
                 ("Lat Pulldown (Cable)", 45.0, 12),
                 ("Lateral Raise (Dumbbell)", 8.0, 15)]),
    ("Lower A", [("Squat (Barbell)", 80.0, 6),
                 ("Romanian Deadlift (Barbell)", 70.0, 10),
                 ("Leg Extension (Machine)", 40.0, 12),
                 ("Standing Calf Raise (Machine)", 60.0, 15)]),
    ("Upper B", [("Overhead Press (Barbell)", 40.0, 8),
                 ("Seated Cable Row", 50.0, 12),
                 ("Incline Bench Press (Dumbbell)", 22.0, 10),
                 ("Bicep Curl (Dumbbell)", 10.0, 12)]),
    ("Lower B", [("Deadlift (Barbell)", 100.0, 5),
                 ("Leg Press", 120.0, 12),
                 ("Lying Leg Curl (Machine)", 35.0, 12),
                 ("Crunch", 0.0, 20)]),
)
NOTES = ("", "", "", "", "", "felt heavy", "easy", "grip gave out", "PR!")


def write_strong_export(path: str | Path, rows: int = 60_000, seed: int = 1) -> int:
    """Write `rows` set rows to `path`; returns the number of workouts written."""
    rng = random.Random(seed)
    day = datetime(2010, 1, 4, 18, 0, 0)
    lines = [HEADER]
    workouts = 0
    while len(lines) <= rows:
        name, exercises = SPLIT[workouts % len(SPLIT)]
        started = (day + timedelta(minutes=rng.randint(-90, 90), seconds=rng.randint(0, 59)))
        stamp = started.strftime("%Y-%m-%d %H:%M:%S")
        progress = workouts // len(SPLIT)  # weeks of training so far
        for exercise, start_load, reps in exercises:
            # Loads climb 0.1 kg a week, summed in floats: this yields Strong's float noise
            # (e.g. 62.300000000000004) without writing it on purpose.
            load = start_load
            for _ in range(progress % 200 if start_load else 0):  # bodyweight stays 0
                load += 0.1
            for order in range(rng.randint(3, 5)):
                if len(lines) > rows:
                    break
                done = max(1, reps - order + rng.randint(-1, 1))
                lines.append(f"{stamp},{name},{exercise},{order},{load!r},{done},0,0,"
                             f"{rng.choice(NOTES)}")
        workouts += 1
        day += timedelta(days=2 if workouts % 2 else 1)
    Path(path).write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return workouts


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(
        prog="make_strong_export.py", description=(__doc__ or "").strip().splitlines()[0])
    parser.add_argument("out", metavar="OUT.csv", help="the file to write")
    parser.add_argument("rows", nargs="?", type=int, default=60_000,
                        help="set rows to write (default 60000)")
    args = parser.parse_args(argv[1:])  # --help prints this and writes no file
    out, rows = args.out, args.rows
    workouts = write_strong_export(out, rows)
    start = time.perf_counter()
    parsed = parse_file(Path(out))
    elapsed = time.perf_counter() - start
    print(f"wrote {rows} set rows in {workouts} workouts to {out}")
    print(f"parse_file: {elapsed:.2f} s for {parsed.set_count} sets "
          f"({parsed.first_started:%Y-%m-%d} to {parsed.last_started:%Y-%m-%d})")


if __name__ == "__main__":
    main(sys.argv)
