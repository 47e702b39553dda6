"""The child of the crash harness (test_crash_safety.py): writes to a database until it is killed.

    python tests/reliability/crash_child.py DB RUN SEED

Opens DB as the app does (models.opening.open_database: quick_check, migrations, library), prints
"ready", then loops forever over the three kinds of write the app makes, chosen at random:

- a logged set (models.sessions.log_set), most of the time — prints "set ID";
- a small generated plan saved as a mesocycle (models.plans.save_plan) — "plan ID SESSIONS";
- a Strong CSV fixture imported (models.io.import_writer.apply_import, a backup first, then one
  transaction), its workout keys made unique with "#RUN-N" so every import adds its workouts —
  "import RUN-N WORKOUTS SETS".

A line is printed and flushed only after the write's transaction has COMMITTED, so every line
the parent reads names data that must survive the SIGKILL that ends this process.
"""

from __future__ import annotations

import dataclasses
import random
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from models.io.csv_parsers import parse_file  # noqa: E402
from models.io.import_writer import apply_import  # noqa: E402
from models.landmarks import load_landmarks  # noqa: E402
from models.library import planning_library  # noqa: E402
from models.opening import open_database  # noqa: E402
from models.plans import save_plan  # noqa: E402
from models.rules.generator import PlanRequest, generate_plan  # noqa: E402
from models.sessions import create_session, exercise_order, log_set  # noqa: E402
from models.storage.schema import Exercise, Session  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "imports" / "strong_A.csv"
SESSION_NAME = "Crash harness"
EXERCISES = ("Barbell Row", "Lat Pulldown", "Barbell Bench Press")
# Of 100 writes: sets, then plans, then imports (each import also VACUUMs a backup: slower).
WEIGHTS = {"set": 88, "plan": 8, "import": 4}


def main(argv: list[str]) -> int:
    db_path, run, seed = Path(argv[0]), argv[1], int(argv[2])
    rng = random.Random(seed)
    open_database(db_path)
    se_ids = _session_exercises()
    plan = generate_plan(PlanRequest(
        level="beginner", days=("mon", "thu"), weeks=3, start=date(2030, 1, 7), deload=False,
        landmarks=load_landmarks(), library=planning_library()))
    plan_sessions = sum(len(week.sessions) for week in plan.weeks)
    parsed = parse_file(FIXTURE)
    say("ready")
    kinds, weights = list(WEIGHTS), list(WEIGHTS.values())
    for n in range(10**9):
        kind = rng.choices(kinds, weights)[0]
        if kind == "set":
            set_id = log_set(rng.choice(se_ids), kind="working", load_kg=rng.randrange(20, 200),
                             reps=rng.randrange(1, 20), rir=rng.choice([None, 0, 1, 2, 3]))
            say(f"set {set_id}")
        elif kind == "plan":
            mesocycle_id = save_plan(plan, name=f"Crash plan {run}-{n}")
            say(f"plan {mesocycle_id} {plan_sessions}")
        else:
            tag = f"{run}-{n}"
            unique = dataclasses.replace(parsed, workouts=[
                dataclasses.replace(w, key=f"{w.key}#{tag}") for w in parsed.workouts])
            summary = apply_import(unique, db_path, create_unassigned=True)
            Path(summary.backup).unlink(missing_ok=True)  # the harness would fill the disk
            say(f"import {tag} {summary.workouts} {summary.sets}")
    return 0


def _session_exercises() -> list[int]:
    """The harness's session (made by the first child), its session exercises' ids."""
    session = Session.get_or_none(Session.name == SESSION_NAME)
    if session is None:
        ids = [Exercise.get(Exercise.name == name).id for name in EXERCISES]
        session_id = create_session(date(2030, 1, 1), SESSION_NAME, ids, status="done")
    else:
        session_id = session.id
    return exercise_order(session_id)


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
