"""A realistic multi-year training history in a fresh Overload database, for the benchmarks.

The lifter trains full body three times a week in mesocycles (4–6 accumulation weeks + a deload),
moving from beginner to intermediate to advanced over the years. Each mesocycle grows a handful of
muscle groups (weekly sets ramp from about MEV towards MRV, DOMAIN §4) and keeps the others at a
maintenance dose, so every group is trained and sessions hold about 40 logged sets. Loads follow
double progression up to a strength potential that rises quickly at first and slowly later, so the
charts of ten years look like a real lifter's, not a straight line.

    python bench/make_history.py OUT.sqlite [--years 10] [--seed 1] [--force]

Everything is written with bulk inserts inside one transaction: a 10-year history takes seconds.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from peewee import chunked

from bench.harness import REPO_ROOT
from models.library import list_exercises
from models.opening import open_database
from models.rules.domain import DEFAULT_LANDMARKS, MUSCLE_GROUPS, ExerciseInfo, estimated_1rm
from models.storage.db import close_database, database
from models.storage.schema import LoggedSet, Mesocycle, Session, SessionExercise

CACHED_HISTORY = REPO_ROOT / "bench" / "data" / "history-10y.sqlite"

SLOTS_PER_WEEK = 3
# Weekday offsets from Monday; every pair is at least 48 hours apart (DOMAIN §3).
TRAINING_DAYS = {"mon,wed,fri": (0, 2, 4), "tue,thu,sat": (1, 3, 5), "mon,wed,sat": (0, 2, 5)}
PLANNED_WEEKS = 3  # at least this many weeks of planned sessions after today
SKIP_CHANCE = 0.04  # sessions missed (illness, travel): status 'skipped', no sets
BREAK_CHANCE = 0.25  # a week off between two mesocycles
GROW_GROUPS = {"beginner": 4, "intermediate": 5, "advanced": 7}
COMPOUND_PATTERNS = {"squat", "hinge", "lunge", "horizontal_push", "vertical_push",
                     "horizontal_pull", "vertical_pull"}

# A novice's comfortable working load (kg, barbell-equivalent) per movement pattern; the equipment
# factor turns it into what that implement shows (a dumbbell's weight is per hand).
BASE_LOAD_KG = {
    "squat": 60, "hinge": 70, "lunge": 30, "horizontal_push": 45, "vertical_push": 30,
    "horizontal_pull": 40, "vertical_pull": 40, "hip_extension": 60, "knee_flexion": 30,
    "knee_extension": 35, "elbow_flexion": 20, "elbow_extension": 20, "lateral_raise": 15,
    "rear_delt_fly": 15, "front_raise": 15, "chest_fly": 25, "shrug": 50, "calf_raise": 50,
    "core_flexion": 20, "core_rotation": 15, "core_stability": 15, "wrist_flexion": 20,
    "wrist_extension": 12, "grip": 40, "hip_abduction": 35,
}
EQUIPMENT_FACTOR = {
    "barbell": 1.0, "ez_bar": 0.9, "smith_machine": 0.9, "trap_bar": 1.1, "machine": 1.3,
    "cable": 0.7, "dumbbell": 0.4, "kettlebell": 0.4,
}


@dataclass
class Block:
    """One mesocycle as the lifter ran it."""

    id: int
    level: str
    start: date
    accumulation_weeks: int
    days: str
    grow: frozenset[str]
    pools: dict[str, list[ExerciseInfo]]  # per group: exercises, rotated across the week
    logs_rpe: bool

    @property
    def weeks(self) -> int:
        return self.accumulation_weeks + 1  # the deload


@dataclass
class Lift:
    """Double-progression state of one exercise: the load and the reps of the first set."""

    load: float
    reps: int


@dataclass
class Rows:
    """Column tuples waiting for the bulk insert. A row's id is its 1-based place in its list:
    the database is fresh, so ids are ours to hand out and children can refer to parents."""

    mesocycles: list[tuple] = field(default_factory=list)
    sessions: list[tuple] = field(default_factory=list)
    exercises: list[tuple] = field(default_factory=list)
    sets: list[tuple] = field(default_factory=list)


MESOCYCLE_FIELDS = (Mesocycle.id, Mesocycle.name, Mesocycle.level, Mesocycle.start_date,
                    Mesocycle.accumulation_weeks, Mesocycle.deload, Mesocycle.training_days,
                    Mesocycle.priorities, Mesocycle.created_at)
SESSION_FIELDS = (Session.id, Session.date, Session.name, Session.status, Session.mesocycle,
                  Session.week_number)
EXERCISE_FIELDS = (SessionExercise.id, SessionExercise.session, SessionExercise.exercise,
                   SessionExercise.position, SessionExercise.target_sets, SessionExercise.rep_low,
                   SessionExercise.rep_high, SessionExercise.target_rir, SessionExercise.tempo,
                   SessionExercise.rest_seconds)
SET_FIELDS = (LoggedSet.id, LoggedSet.session_exercise, LoggedSet.position, LoggedSet.kind,
              LoggedSet.load_kg, LoggedSet.reps, LoggedSet.rir, LoggedSet.rpe, LoggedSet.logged_at)


class History:
    """Walks the calendar block by block and collects rows; nothing touches the database here."""

    def __init__(self, exercises: list[ExerciseInfo], years: int, today: date, seed: int):
        self.rng = random.Random(seed)
        self.today = today
        self.first_monday = _monday(today - timedelta(days=round(years * 365.25)))
        self.span_days = (today - self.first_monday).days
        self.candidates = _candidates(exercises)
        self.lifts: dict[int, Lift] = {}
        self.rows = Rows()

    # --- the calendar -------------------------------------------------------------------------

    def build(self) -> Rows:
        monday, block = self.first_monday, None
        planned_until = self.today + timedelta(weeks=PLANNED_WEEKS)
        while monday < planned_until:  # the block holding today, and the next if it ends soon
            block = self._next_block(monday, block)
            for week in range(1, block.weeks + 1):
                for slot in range(SLOTS_PER_WEEK):
                    self._add_session(block, week, slot)
            monday = block.start + timedelta(weeks=block.weeks)
            if monday <= self.today and self.rng.random() < BREAK_CHANCE:
                monday += timedelta(weeks=1)
        return self.rows

    def _level(self, day: date) -> str:
        progress = (day - self.first_monday).days / max(self.span_days, 1)
        return "beginner" if progress < 0.2 else "intermediate" if progress < 0.5 else "advanced"

    def _training_years(self, day: date) -> float:
        return (day - self.first_monday).days / 365.25

    def _next_block(self, monday: date, previous: Block | None) -> Block:
        level = self._level(monday)
        block = Block(
            id=len(self.rows.mesocycles) + 1, level=level, start=monday,
            accumulation_weeks=self.rng.randint(4, 6),
            days=self.rng.choice(list(TRAINING_DAYS)),
            grow=frozenset(self.rng.sample(MUSCLE_GROUPS, GROW_GROUPS[level])),
            pools={group: self._pool(group, previous) for group in MUSCLE_GROUPS},
            logs_rpe=self.rng.random() < 0.5,
        )
        priorities = {g: "grow" if g in block.grow else "maintain" for g in MUSCLE_GROUPS}
        self.rows.mesocycles.append((
            block.id, f"Block {block.id} ({level})", level, monday.isoformat(),
            block.accumulation_weeks, 1, block.days, json.dumps(priorities),
            f"{(monday - timedelta(days=2)).isoformat()} 20:00:00"))
        return block

    def _pool(self, group: str, previous: Block | None) -> list[ExerciseInfo]:
        """Two exercises per group (two rows and two pulldowns for the back, DOMAIN §6); a
        lifter keeps most favourites from one block to the next."""
        kinds = ("horizontal_pull", "vertical_pull") if group == "back" else (group,)
        pool = []
        for kind in kinds:
            choices = self.candidates[kind]
            kept = [e for e in (previous.pools[group] if previous else ())
                    if e in choices and self.rng.random() < 0.75]
            picked = kept[:2]
            while len(picked) < min(2, len(choices)):
                weights = [3 if e.load_step_kg > 0 else 1 for e in choices]
                candidate = self.rng.choices(choices, weights)[0]
                if candidate not in picked:
                    picked.append(candidate)
            pool.extend(picked)
        return pool

    # --- one session --------------------------------------------------------------------------

    def _add_session(self, block: Block, week: int, slot: int) -> None:
        day = block.start + timedelta(weeks=week - 1, days=TRAINING_DAYS[block.days][slot])
        if day >= self.today:
            status = "planned"
        else:
            status = "skipped" if self.rng.random() < SKIP_CHANCE else "done"
        session_id = len(self.rows.sessions) + 1
        self.rows.sessions.append((session_id, day.isoformat(), f"Full body {'ABC'[slot]}",
                                   status, block.id, week))
        deload = week == block.weeks
        rir = _week_rir(week, block.accumulation_weeks)
        clock = datetime.combine(day, datetime.min.time()) + timedelta(hours=18)
        plan = _order(self._session_plan(block, week, slot))
        for position, (exercise, sets) in enumerate(plan):
            session_exercise_id = len(self.rows.exercises) + 1
            self.rows.exercises.append((
                session_exercise_id, session_id, exercise.id, position, sets, exercise.rep_low,
                exercise.rep_high, rir, exercise.tempo, exercise.rest_seconds))
            if status == "done":
                clock = self._log_sets(block, week, exercise, sets, session_exercise_id, rir,
                                       clock, first=position == 0, deload=deload)

    def _session_plan(self, block: Block, week: int, slot: int) -> list[tuple[ExerciseInfo, int]]:
        plan = []
        for index, group in enumerate(MUSCLE_GROUPS):
            weekly = _weekly_sets(group, block, week)
            sessions = _frequency(group, weekly)
            slots = [(index + j) % SLOTS_PER_WEEK for j in range(sessions)]
            if slot not in slots:
                continue
            share = _split(weekly, sessions)[slots.index(slot)]
            pool = block.pools[group]
            if group == "back":  # a row and a pulldown every back session
                rows, pulls = pool[:2], pool[2:]
                row_sets, pull_sets = _split(share, 2)
                plan += [(rows[slot % len(rows)], row_sets), (pulls[slot % len(pulls)], pull_sets)]
            elif share >= 5:  # two exercises rather than piling sets on one
                first, second = _split(share, 2)
                plan += [(pool[slot % len(pool)], first), (pool[(slot + 1) % len(pool)], second)]
            else:
                plan.append((pool[slot % len(pool)], share))
        return [(exercise, sets) for exercise, sets in plan if sets > 0]

    def _log_sets(self, block: Block, week: int, exercise: ExerciseInfo, sets: int,
                  session_exercise_id: int, rir: float, clock: datetime, *, first: bool,
                  deload: bool) -> datetime:
        lift = self._lift(exercise, block.start)
        step = exercise.load_step_kg
        entries = []  # (kind, load, reps, rir)
        if exercise.pattern in COMPOUND_PATTERNS and step > 0:
            warmups = 2 if first and exercise.equipment == "barbell" else 1
            for fraction in (0.4, 0.6)[-warmups:]:
                entries.append(("warmup", _round_to(lift.load * fraction, step), 8, None))
        if deload:  # half the sets (already planned), lighter, easy reps; no progress recorded
            load = _round_to(lift.load * 0.9, step)
            entries += [("working", load, exercise.rep_low, self.rng.choice((4, 5)))
                        for _ in range(sets)]
        else:
            reps = self._perform(lift, exercise, sets)
            entries += [("working", lift.load, r, self._rir(rir)) for r in reps]
            entries = self._add_intensifiers(entries, exercise, week, block.accumulation_weeks)
            self._progress(lift, exercise, reps, block.start)
        for position, (kind, load, reps, set_rir) in enumerate(entries):
            clock += timedelta(seconds=40 + (exercise.rest_seconds if kind != "warmup" else 60))
            rpe = 10 - set_rir if block.logs_rpe and set_rir is not None else None
            self.rows.sets.append((len(self.rows.sets) + 1, session_exercise_id, position, kind,
                                   load, reps, set_rir, rpe, clock.isoformat(sep=" ")))
        return clock

    # --- progression --------------------------------------------------------------------------

    def _lift(self, exercise: ExerciseInfo, day: date) -> Lift:
        if exercise.id not in self.lifts:
            start = _round_to(_base_load(exercise) * _growth(self._training_years(day)) * 0.9,
                              exercise.load_step_kg)
            self.lifts[exercise.id] = Lift(start, exercise.rep_low)
        return self.lifts[exercise.id]

    def _perform(self, lift: Lift, exercise: ExerciseInfo, sets: int) -> list[int]:
        """Reps of each working set: the first set hits the target, later ones may fall a rep
        short (never below the range: the lifter would take weight off instead)."""
        reps = [lift.reps]
        for _ in range(sets - 1):
            short = 1 if self.rng.random() < 0.25 else 0
            reps.append(max(exercise.rep_low, lift.reps - short))
        return reps

    def _progress(self, lift: Lift, exercise: ExerciseInfo, reps: list[int], day: date) -> None:
        """Double progression (DOMAIN §4), held back by what the lifter can do at this age."""
        potential = (_base_load(exercise) * _growth(self._training_years(day))
                     * (1 + (exercise.rep_high + 1) / 30) * self.rng.uniform(0.97, 1.03))
        step = exercise.load_step_kg
        if min(reps) >= exercise.rep_high:
            if step > 0 and estimated_1rm(lift.load + step, exercise.rep_low) <= potential:
                lift.load, lift.reps = lift.load + step, exercise.rep_low
        elif estimated_1rm(max(lift.load, 1.0), lift.reps + 1) <= potential or step == 0:
            lift.reps = min(exercise.rep_high, lift.reps + 1)

    def _rir(self, target: float) -> float:
        return float(min(4, max(0, target + self.rng.choice((-1, 0, 0, 0, 1)))))

    def _add_intensifiers(self, rows: list[tuple], exercise: ExerciseInfo, week: int,
                          accumulation_weeks: int) -> list[tuple]:
        """In the last hard week, isolation work sometimes goes to failure or gets a drop set."""
        if week != accumulation_weeks or exercise.pattern in COMPOUND_PATTERNS:
            return rows
        _kind, load, reps, _rir = rows[-1]
        if self.rng.random() < 0.15:
            rows[-1] = ("failure", load, reps, 0.0)
        if exercise.load_step_kg > 0 and self.rng.random() < 0.08:
            rows.append(("drop", _round_to(load * 0.75, exercise.load_step_kg),
                         max(1, reps - 2), 0.0))
        return rows


# --- plain rules ------------------------------------------------------------------------------

def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _candidates(exercises: list[ExerciseInfo]) -> dict[str, list[ExerciseInfo]]:
    """Exercises a gym-goer would log, by primary group (and by pattern for the back's two)."""
    # Bands and loaded carries (20–40 "reps" are metres or seconds) are rare in a gym log.
    usable = [e for e in exercises if e.primary and e.equipment != "band" and e.rep_high <= 30]
    found: dict[str, list[ExerciseInfo]] = {}
    for e in usable:
        found.setdefault(e.primary, []).append(e)
        if e.primary == "back":
            found.setdefault(e.pattern, []).append(e)
    missing = [g for g in (*MUSCLE_GROUPS, "horizontal_pull", "vertical_pull") if g not in found]
    if missing:
        raise RuntimeError(f"the exercise library has nothing usable for {missing}")
    return found


def _weekly_sets(group: str, block: Block, week: int) -> int:
    """This week's hard sets for a group: a ramp for the groups being grown, a flat maintenance
    dose for the others, and about half the last hard week in the deload."""
    lm = DEFAULT_LANDMARKS[group]
    maintain = max(lm.mv, 4)
    if group not in block.grow:
        start = end = maintain
    elif block.level == "beginner":
        start, end = max(lm.mev, maintain), lm.mev + 0.5 * (lm.mrv - lm.mev)
    elif block.level == "intermediate":
        start, end = max(lm.mev, maintain), lm.mev + 0.75 * (lm.mrv - lm.mev)
    else:
        start, end = max(lm.mev + 0.2 * (lm.mrv - lm.mev), maintain), lm.mrv
    weeks = block.accumulation_weeks
    if week > weeks:  # deload
        return max(1, round(end / 2))
    return round(start + (end - start) * (week - 1) / max(weeks - 1, 1))


def _frequency(group: str, weekly: int) -> int:
    """Sessions that train the group this week (DOMAIN §3: 2–4, more for bigger doses)."""
    wanted = 1 if weekly <= 3 else 2 if weekly <= 8 else 3
    return max(1, min(wanted, DEFAULT_LANDMARKS[group].freq_max, SLOTS_PER_WEEK))


def _split(total: int, parts: int) -> list[int]:
    """Whole sets shared out as evenly as possible, the larger shares first."""
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def _order(plan: list[tuple[ExerciseInfo, int]]) -> list[tuple[ExerciseInfo, int]]:
    """Compound lifts first, while the lifter is fresh."""
    return sorted(plan, key=lambda item: item[0].pattern not in COMPOUND_PATTERNS)


def _week_rir(week: int, accumulation_weeks: int) -> float:
    """RIR target falls 3 → 0 over the hard weeks; the deload is easy (DOMAIN §4)."""
    if week > accumulation_weeks:
        return 4.5
    return float(round(3 - 3 * (week - 1) / max(accumulation_weeks - 1, 1)))


def _base_load(exercise: ExerciseInfo) -> float:
    if exercise.load_step_kg <= 0:
        return 0.0  # bodyweight: progresses by reps only
    return BASE_LOAD_KG.get(exercise.pattern, 20) * EQUIPMENT_FACTOR.get(exercise.equipment, 1.0)


def _growth(years: float) -> float:
    """Strength relative to day one: fast novice gains, then slower; about ×1.85 after 10 years."""
    return 1 + 0.9 * (1 - math.exp(-years / 3))


def _round_to(load: float, step: float) -> float:
    if step <= 0:
        return 0.0
    return max(step, round(load / step) * step)


# --- the database -----------------------------------------------------------------------------

def make_history(path: Path | str, years: int = 10, seed: int = 1, *,
                 today: date | None = None) -> dict:
    """Write a `years`-long history ending today (plus planned weeks) into a NEW database at
    `path`; returns a summary. The caller makes sure `path` does not exist yet."""
    started = time.perf_counter()
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} exists; make_history only writes fresh databases")
    open_database(path)
    try:
        history = History(list_exercises(), years, today or date.today(), seed)
        rows = history.build()
        _insert(rows)
        summary = _summary(path, rows)
    finally:
        close_database()
    summary["seconds"] = round(time.perf_counter() - started, 2)
    return summary


def _insert(rows: Rows) -> None:
    # One transaction for everything: a commit per chunk would fsync (synchronous=FULL) each time.
    with database.atomic():
        for model, fields, data in ((Mesocycle, MESOCYCLE_FIELDS, rows.mesocycles),
                                    (Session, SESSION_FIELDS, rows.sessions),
                                    (SessionExercise, EXERCISE_FIELDS, rows.exercises),
                                    (LoggedSet, SET_FIELDS, rows.sets)):
            # 9–10 columns × 500 rows stays far below SQLite's limit on bound variables.
            for chunk in chunked(data, 500):
                model.insert_many(chunk, fields=fields).execute()


def _summary(path: Path, rows: Rows) -> dict:
    statuses = Counter(row[3] for row in rows.sessions)
    kinds = Counter(row[3] for row in rows.sets)
    dates = [row[1] for row in rows.sessions]
    return {
        "path": str(path),
        "sessions": len(rows.sessions), "done": statuses["done"],
        "skipped": statuses["skipped"], "planned": statuses["planned"],
        "sets": len(rows.sets), "set_kinds": dict(kinds),
        "sets_per_done_session": round(len(rows.sets) / max(statuses["done"], 1), 1),
        "session_exercises": len(rows.exercises),
        "mesocycles": len(rows.mesocycles),
        "levels": dict(Counter(row[2] for row in rows.mesocycles)),
        "first_date": min(dates), "last_date": max(dates),
    }


def ensure_history(path: Path | str | None = None) -> Path:
    """The cached 10-year history (bench/data/ is git-ignored), built on first use.

    It is built beside its final name and renamed, so an interrupted build never leaves a
    half-written cache. A cache ends on the day it was built; delete it to get a newer one.
    """
    path = Path(path) if path else CACHED_HISTORY
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    _remove_database(partial)
    summary = make_history(partial, years=10, seed=1)
    os.replace(partial, path)
    summary["path"] = str(path)
    print(format_summary(summary), file=sys.stderr)
    return path


def format_summary(summary: dict) -> str:
    kinds = summary["set_kinds"]
    levels = summary["levels"]
    return "\n".join((
        f"history written to {summary['path']} in {summary['seconds']} s",
        f"  sessions    {summary['sessions']} ({summary['done']} done, {summary['skipped']} "
        f"skipped, {summary['planned']} planned), {summary['first_date']} to "
        f"{summary['last_date']}",
        f"  sets        {summary['sets']} ({kinds.get('working', 0)} working, "
        f"{kinds.get('warmup', 0)} warm-up, {kinds.get('drop', 0)} drop, "
        f"{kinds.get('failure', 0)} failure), {summary['sets_per_done_session']} per done session",
        f"  mesocycles  {summary['mesocycles']} ({levels.get('beginner', 0)} beginner, "
        f"{levels.get('intermediate', 0)} intermediate, {levels.get('advanced', 0)} advanced)",
    ))


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="database file to create")
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")
    args = parser.parse_args(argv)
    if args.out.exists():
        if not args.force:
            print(f"{args.out} exists; pass --force to replace it", file=sys.stderr)
            return 1
        _remove_database(args.out)
    summary = make_history(args.out, years=args.years, seed=args.seed)
    print(format_summary(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
