"""Imported workouts into the database: the preview, then one all-or-nothing transaction.

The parsing half (models/io/csv_parsers.py) turns a file into a ParsedFile. This half:

- plan_import(parsed) says what an import would do, writing nothing: counts, dates, unit, how each
  exercise name matches the library (models/io/matching.py) and how many workouts are already here;
- apply_import(parsed, db_path, ...) writes it: a backup first (backups/ beside the database,
  label "before-import"), then ONE transaction that creates the custom exercises asked for,
  remembers the user's mappings and inserts sessions, session exercises and logged sets. A failure
  or a cancel anywhere rolls all of it back, and the backup — identical to the untouched database —
  is deleted again so it does not clutter File ▸ Restore backup.

Each workout becomes one session with status 'done', dated by its start day, keyed by
(session.source, session.source_key) = (format, ImportedWorkout.key): a workout already there is
skipped, so importing the same file twice adds nothing the second time.

A workout dated on a day with a planned session (status 'planned') fills it instead — the gym
loop: planned here, trained with a phone app, imported back. The day's first workout (in the
file's order) takes the day's first planned session: each exercise goes on its planned row (the
same exercise, else a row of the same primary group and movement pattern — a swap: the row then
holds the exercise really done, with the plan's targets), exercises the plan did not have are
added after, and the session becomes 'done' with the workout's key (so re-importing skips it).
Later workouts of that day become sessions of their own. The summary says how many workouts
filled planned sessions and names the swaps; `undo_import(summary.undo)` gives the plan back.

What becomes of the file's fields:
- session: name = workout name, notes = workout notes, position after the day's sessions;
- session exercise: one per consecutive block of an exercise; target sets = its non-warm-up sets
  (at most 20), rep range and tempo from the library exercise, rest from a Strong 'Rest Timer' row
  or else the exercise's rest, notes = the exercise notes;
- logged set: position (0-based), kind, load in kg (NULL for bodyweight), reps (0 for a timed
  set), seconds (a timed set's time, or the time the file gave a set of reps), RPE, notes,
  logged_at = the workout's start (no file times each set).

A negative weight is the help an assisted exercise gets (−20 kg on an assisted pull-up) and is
stored as it is for an exercise that is assisted (models.rules.domain.is_assisted). For any other
exercise the import is refused with the line of the first such set, before anything is written:
it is never turned into bodyweight, and never stored as a load the exercise cannot have. The
user maps the name to an assisted exercise (or names a new one "Assisted …") and imports again.

Speed (bench/bench_import.py: a 60,000-set Strong export): rows get explicit ids taken after an
IMMEDIATE lock and go in with plain sqlite3, many rows per INSERT statement. peewee's insert_many
builds its SQL value by value (1.8 s). executemany of one row per statement spent 0.31 s in
logged_set alone, much of it because its CHECK (kind IN (...)) makes SQLite build a little lookup
table each time the statement runs (EXPLAIN: OpenEphemeral under a Once), and executemany runs
it once per row. With up to 99 rows per statement it is built once per 99 rows: logged_set takes
0.19 s, all three tables 0.24 s, every CHECK, foreign key and index still checked and kept.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from itertools import count
from pathlib import Path

from peewee import fn

from models.io.csv_parsers import ImportedExercise, ImportedWorkout, ImportFileError, ParsedFile
from models.io.matching import Match, equipment_of, match_exercises, remember_mapping
from models.library import ExerciseError, create_exercise
from models.rules.domain import EQUIPMENT_LOAD_STEPS, ExerciseInfo, format_load, is_assisted
from models.rules.limits import REST_SECONDS, TARGET_SETS
from models.storage.copies import backup_database
from models.storage.db import database, row_tuples
from models.storage.schema import Exercise, Session

# Progress is reported, and cancel asked, after every batch of this many workouts: often enough
# for a smooth progress bar, rarely enough that the check costs nothing.
BATCH_WORKOUTS = 100

Progress = Callable[[int, int], None]


class ImportCancelledError(Exception):
    """The user cancelled: raised inside the transaction so that nothing is written."""


class ImportMappingError(ValueError):
    """Exercise names with no exercise to go to: map them, create them, or allow create_unassigned.
    `names` lists them."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        shown = ", ".join(f"“{n}”" for n in names[:10]) + (" …" if len(names) > 10 else "")
        super().__init__(f"{len(names)} exercise name(s) match no exercise: {shown}")


@dataclass(frozen=True)
class ImportPreview:
    """What an import of `parsed` would do, before anything is written."""

    format: str
    variant: str
    unit: str | None  # None: the rows mix kg and lb
    unit_source: str
    workouts: int
    sets: int
    warmup_sets: int
    skipped_rows: int
    first_day: date
    last_day: date
    matches: dict[str, Match]  # every exercise name in the file, in order of first appearance
    sets_per_name: dict[str, int]
    already_imported: int  # workouts of the file that are already in the database
    fills_planned: int = 0  # new workouts that will fill a planned session of their day
    swaps: tuple[str, ...] = ()  # "Cable Row for Barbell Row (Mon 07 Dec 2026)"

    @property
    def new_workouts(self) -> int:
        return self.workouts - self.already_imported

    @property
    def unmatched(self) -> list[str]:
        return [name for name, match in self.matches.items() if not match.matched]

    @property
    def to_confirm(self) -> list[str]:
        """Names the user should see: unmatched, or matched only after normalising."""
        return [name for name, m in self.matches.items() if m.how in (None, "normalised")]


@dataclass
class ImportSummary:
    """What an import wrote. `to_json()` is the command line's --json summary."""

    format: str
    variant: str
    workouts: int  # imported now
    sets: int
    warmup_sets: int
    skipped_rows: int  # rows of the file that are not sets (notes, rest timers, cardio)
    new_exercises: list[str]
    unit: str | None
    skipped_existing: int  # workouts already imported before, left alone
    backup: str | None = None  # the copy of the database taken before the import
    mapped: dict[str, str] = field(default_factory=dict)  # file name → exercise, user's choices
    filled_planned: int = 0  # workouts that filled a planned session of their day
    swaps: list[str] = field(default_factory=list)  # "Cable Row for Barbell Row (Mon 7 Dec)"
    undo: ImportUndo | None = None  # what undo_import() needs; not part of the JSON

    def to_json(self) -> dict:
        data = asdict(self)
        del data["undo"]
        return data


@dataclass(frozen=True)
class ImportUndo:
    """What an import changed, for undo_import(): the rows it inserted (id ranges, taken under
    the write lock, so every id in them is the import's), the planned sessions it filled as
    they were, the planned exercises it swapped, and the exercises it created."""

    sessions: tuple[int, int]  # first and last id inserted (first > last: none)
    session_exercises: tuple[int, int]
    sets: tuple[int, int]
    # The filled sessions before: id, status, source, source key, notes.
    filled: tuple[tuple[int, str, str | None, str | None, str], ...]
    swapped: tuple[tuple[int, int], ...]  # session exercise id, planned exercise id
    created_exercises: tuple[int, ...]


def plan_import(parsed: ParsedFile) -> ImportPreview:
    """The preview of importing `parsed`: reads the database, writes nothing."""
    sets_per_name: dict[str, int] = {}  # every name, in order of first appearance
    for workout in parsed.workouts:
        for block in workout.exercises:
            sets_per_name[block.name] = sets_per_name.get(block.name, 0) + len(block.sets)
    names = list(sets_per_name)
    existing = _existing_keys(parsed.format)
    first, last = parsed.date_range
    matches = match_exercises(names)
    new = [w for w in parsed.workouts if w.key not in existing]
    fills, swaps = _preview_fills(new, {n: m.exercise_id for n, m in matches.items()
                                        if m.exercise_id is not None})
    return ImportPreview(
        format=parsed.format, variant=parsed.variant, unit=parsed.unit,
        unit_source=parsed.unit_source, workouts=len(parsed.workouts), sets=parsed.set_count,
        warmup_sets=parsed.warmup_sets, skipped_rows=parsed.skipped_rows, first_day=first,
        last_day=last, matches=matches, sets_per_name=sets_per_name,
        already_imported=len(parsed.workouts) - len(new), fills_planned=fills, swaps=swaps)


def _preview_fills(workouts: list[ImportedWorkout], ids: dict[str, int]
                   ) -> tuple[int, tuple[str, ...]]:
    """How many of `workouts` fill a planned session, and the swaps, with the library's
    matches (the import itself uses the user's final choices)."""
    planned = planned_sessions({w.started.date() for w in workouts})
    kinds = _kinds(set(ids.values()))
    fills, swaps = 0, []
    for workout in workouts:
        slot = planned.pop(workout.started.date().isoformat(), None)
        if slot is None:
            continue
        fills += 1
        for block in workout.exercises:
            exercise_id = ids.get(block.name)
            row = None if exercise_id is None else slot.take(exercise_id, kinds.get(exercise_id))
            if row is not None and row.exercise_id != exercise_id:
                swaps.append(_swap_text(block.name, row.name, slot.day))
    return fills, tuple(swaps)


def _kinds(ids: set[int]) -> dict[int, tuple[str | None, str]]:
    """Each exercise's primary group and movement pattern: what makes a swap."""
    return {row[0]: row[1:] for row in row_tuples(Exercise.select(
        Exercise.id, Exercise.primary_group, Exercise.pattern)
        .where(Exercise.id.in_(list(ids))))}


def _swap_text(done: str, planned: str, day: date) -> str:
    return f"{done} for {planned} ({day:%a %d %b %Y})"


def apply_import(parsed: ParsedFile, db_path: Path | str, *,
                 mapping: Mapping[str, int] | None = None, create_unassigned: bool = False,
                 new_exercises: Mapping[str, str | None] | None = None,
                 progress: Progress | None = None,
                 cancel: Callable[[], bool] | None = None) -> ImportSummary:
    """Write `parsed` into the database in one transaction, after a backup.

    Each exercise name of the file goes to, in this order: `mapping[name]` (an exercise id; the
    choice is remembered for the next import); a new custom exercise with primary group
    `new_exercises[name]` (a muscle group key, or None for unassigned); the library match; or, with
    `create_unassigned`, a new custom exercise with no group. A name left over raises
    ImportMappingError before anything is written.

    `progress(done, total)` is called with the workouts written so far; `cancel()` returning True
    raises ImportCancelledError and rolls everything back. Uses the calling thread's connection."""
    mapping = dict(mapping or {})
    new_exercises = dict(new_exercises or {})
    plan = _NamePlan.make(parsed, mapping, new_exercises, create_unassigned)
    backup = backup_database(database, Path(db_path), "before-import")
    try:
        # IMMEDIATE takes the write lock now: the ids read below stay free until the commit.
        with database.atomic("IMMEDIATE"):
            ids, created = plan.resolve()
            writer = _Writer(parsed, ids, progress, cancel)
            written = writer.write()
    except BaseException:
        backup.unlink(missing_ok=True)  # nothing changed: the copy is the database as it is
        raise
    return ImportSummary(
        format=parsed.format, variant=parsed.variant, workouts=written.workouts,
        sets=written.sets, warmup_sets=written.warmup_sets, skipped_rows=parsed.skipped_rows,
        new_exercises=created, unit=parsed.unit, skipped_existing=written.skipped_existing,
        backup=str(backup), mapped=plan.mapped_names(), filled_planned=written.filled,
        swaps=written.swaps, undo=writer.undo_record(plan.created_ids))


# --- exercise names ------------------------------------------------------------------------------

@dataclass
class _NamePlan:
    """Where each exercise name of the file goes, decided before the transaction starts."""

    mapped: dict[str, int]  # name → exercise id chosen by the user (remembered)
    matched: dict[str, int]  # name → exercise id found by the matcher
    create: dict[str, str | None]  # name → primary group of a new custom exercise
    first_line: dict[str, int]  # for messages about a name
    created_ids: tuple[int, ...] = ()  # the exercises resolve() created

    @classmethod
    def make(cls, parsed: ParsedFile, mapping: dict[str, int],
             new_exercises: dict[str, str | None], create_unassigned: bool) -> _NamePlan:
        unknown_ids = sorted(set(mapping.values()) - _exercise_ids(set(mapping.values())))
        if unknown_ids:
            raise ValueError(f"mapping refers to exercise id(s) that do not exist: {unknown_ids}")
        plan = cls({}, {}, {}, {})
        # Every name once, in order of first appearance, with the line of its first set (a block
        # of sets has at least one, all of its exercise): parsed.exercise_names() without
        # going through every set.
        for workout in parsed.workouts:
            for block in workout.exercises:
                plan.first_line.setdefault(block.name, block.sets[0].line)
        names = list(plan.first_line)
        matches = match_exercises([n for n in names if n not in mapping])
        left = []
        for name in names:
            if name in mapping:
                plan.mapped[name] = mapping[name]
            elif name in new_exercises:
                plan.create[name] = new_exercises[name]
            elif (matched_id := matches[name].exercise_id) is not None:  # Match.matched
                plan.matched[name] = matched_id
            elif create_unassigned:
                plan.create[name] = None
            else:
                left.append(name)
        if left:
            raise ImportMappingError(left)
        return plan

    def resolve(self) -> tuple[dict[str, int], list[str]]:
        """Inside the transaction: remember the mappings, create the new exercises. Returns
        name → exercise id for every name, and the names of the exercises created."""
        ids = {**self.matched, **self.mapped}
        for name, exercise_id in self.mapped.items():
            remember_mapping(name, exercise_id)
        created: dict[str, int] = {}  # by casefold: "Zercher squat" and "Zercher Squat" are one
        new_names = []
        for name, group in self.create.items():
            key = name.strip().casefold()
            if key not in created:
                created[key] = self._create(name, group)
                new_names.append(name.strip())
            ids[name] = created[key]
        self.created_ids = tuple(created.values())
        return ids, new_names

    def _create(self, name: str, group: str | None) -> int:
        equipment = equipment_of(name) or ""
        step_kg, step_lb = EQUIPMENT_LOAD_STEPS.get(equipment, (2.5, 5.0))
        info = ExerciseInfo(name=name.strip(), primary=group, equipment=equipment,
                            load_step_kg=step_kg, load_step_lb=step_lb)
        try:
            return create_exercise(info)
        except ExerciseError as exc:
            reason = str(exc).replace("\n", "; ")
            raise ImportFileError(f"exercise “{name[:60]}” cannot be added to the library: "
                                  f"{reason}", self.first_line.get(name)) from None

    def mapped_names(self) -> dict[str, str]:
        names = dict(row_tuples(Exercise.select(Exercise.id, Exercise.name)
                                .where(Exercise.id.in_(list(self.mapped.values())))))
        return {source: names[exercise_id] for source, exercise_id in self.mapped.items()}


def _exercise_ids(ids: set[int]) -> set[int]:
    if not ids:
        return set()
    return {i for (i,) in row_tuples(Exercise.select(Exercise.id)
                                     .where(Exercise.id.in_(list(ids))))}


def _existing_keys(source: str) -> set[str]:
    return {key for (key,) in row_tuples(Session.select(Session.source_key)
                                         .where(Session.source == source))}


# --- writing -------------------------------------------------------------------------------------

@dataclass
class _Written:
    workouts: int = 0
    sets: int = 0
    warmup_sets: int = 0
    skipped_existing: int = 0
    filled: int = 0
    swaps: list[str] = field(default_factory=list)


_SESSION_COLUMNS = "session (id, date, position, name, status, notes, source, source_key)"
_EXERCISE_COLUMNS = ("session_exercise (id, session_id, exercise_id, position, target_sets,"
                     " rep_low, rep_high, tempo, rest_seconds, notes)")
_SET_COLUMNS = ("logged_set (id, session_exercise_id, position, kind, load_kg, reps, rir, rpe,"
                " notes, logged_at, seconds)")
# SQLite builds before 3.32 allow at most 999 parameters in a statement.
MAX_PARAMETERS = 999


class _Writer:
    """Inserts the new workouts in batches, inside the caller's transaction."""

    def __init__(self, parsed: ParsedFile, exercise_ids: dict[str, int],
                 progress: Progress | None, cancel: Callable[[], bool] | None) -> None:
        self.parsed = parsed
        self.exercise_ids = exercise_ids
        self.progress = progress
        self.cancel = cancel
        self.written = _Written()
        # The exercises used, read once: names, library defaults, primary group and pattern.
        used = list(set(exercise_ids.values()))
        rows = row_tuples(Exercise.select(
            Exercise.id, Exercise.name, Exercise.rep_low, Exercise.rep_high, Exercise.tempo,
            Exercise.rest_seconds, Exercise.primary_group, Exercise.pattern)
            .where(Exercise.id.in_(used)))
        self.names: dict[int, str] = {}
        self.defaults: dict[int, tuple] = {}  # rep range, tempo, rest
        self.kinds: dict[int, tuple[str | None, str]] = {}  # what makes a swap
        for exercise_id, name, low, high, tempo, rest, group, pattern in rows:
            self.names[exercise_id] = name
            self.defaults[exercise_id] = (low, high, tempo, rest)
            self.kinds[exercise_id] = (group, pattern)
        self.first_ids = (_next_id("session"), _next_id("session_exercise"),
                          _next_id("logged_set"))
        self.session_ids = count(self.first_ids[0])
        self.exercise_row_ids = count(self.first_ids[1])
        self.next_set_id = self.first_ids[2]
        self.next_position: dict[str, int] = {}
        self.planned: dict[str, PlannedSession] = {}  # day → its first planned session
        self.filled: list[tuple[int, str, str | None, str | None, str]] = []
        self.swapped: list[tuple[int, int]] = []

    def write(self) -> _Written:
        existing = _existing_keys(self.parsed.format)
        new = [w for w in self.parsed.workouts if w.key not in existing]
        self._refuse_negative_loads(new)
        self.written.skipped_existing = len(self.parsed.workouts) - len(new)
        if new:
            self._load_positions(new[0].started.date(), new[-1].started.date())
            self.planned = planned_sessions({w.started.date() for w in new})
        self._report(0, len(new))
        for start in range(0, len(new), BATCH_WORKOUTS):
            self._write_batch(new[start:start + BATCH_WORKOUTS])
            self._report(start + len(new[start:start + BATCH_WORKOUTS]), len(new))
        return self.written

    def _refuse_negative_loads(self, workouts: list[ImportedWorkout]) -> None:
        """ImportFileError at the first negative weight of an exercise that is not assisted
        (see the module docstring)."""
        for workout in workouts:
            for block in workout.exercises:
                name = self.names[self.exercise_ids[block.name]]
                if is_assisted(name):
                    continue
                negative = next((s for s in block.sets if s.load_kg is not None
                                 and s.load_kg < 0), None)
                if negative is not None:
                    assert negative.load_kg is not None
                    shown = f"“{block.name}”" + (f" ({name})" if name != block.name else "")
                    raise ImportFileError(
                        f"weight {format_load(negative.load_kg, 'kg')} on {shown}: only an "
                        "assisted exercise takes a negative load (assistance). Map the name to "
                        "an assisted exercise, such as Assisted Pull-Up, and import again",
                        negative.line)

    def _report(self, done: int, total: int) -> None:
        if self.cancel is not None and self.cancel():
            raise ImportCancelledError("import cancelled: nothing was written")
        if self.progress is not None:
            self.progress(done, total)

    def undo_record(self, created_exercises: tuple[int, ...]) -> ImportUndo:
        first_session, first_exercise, first_set = self.first_ids
        return ImportUndo(
            sessions=(first_session, next(self.session_ids) - 1),
            session_exercises=(first_exercise, next(self.exercise_row_ids) - 1),
            sets=(first_set, self.next_set_id - 1), filled=tuple(self.filled),
            swapped=tuple(self.swapped), created_exercises=created_exercises)

    def _load_positions(self, first: date, last: date) -> None:
        """The next free position on each day that already has sessions."""
        rows = row_tuples(Session.select(Session.date, fn.MAX(Session.position))
                          .where(Session.date.between(first, last)).group_by(Session.date))
        self.next_position = {str(day): top + 1 for day, top in rows}

    def _write_batch(self, workouts: list[ImportedWorkout]) -> None:
        batch = _Batch(self.next_set_id)
        for workout in workouts:
            day = workout.started.date().isoformat()
            slot = self.planned.pop(day, None)  # the day's first workout fills its plan
            if slot is None:
                self._add_workout(batch, workout, day)
            else:
                self._fill_planned(batch, workout, slot)
        cursor = database.cursor()
        _insert(cursor, _SESSION_COLUMNS, batch.sessions)
        _insert(cursor, _EXERCISE_COLUMNS, batch.exercises)
        _insert(cursor, _SET_COLUMNS, batch.sets)
        cursor.executemany("UPDATE session SET status = 'done', source = ?, source_key = ?, "
                           "notes = ? WHERE id = ?", batch.filled_sessions)
        cursor.executemany("UPDATE session_exercise SET exercise_id = ? WHERE id = ?",
                           batch.swaps)
        self.written.workouts += len(workouts)
        self.written.sets += batch.next_set_id - self.next_set_id
        self.written.warmup_sets += batch.warmups
        self.next_set_id = batch.next_set_id

    def _add_workout(self, batch: _Batch, workout: ImportedWorkout, day: str) -> None:
        """A workout of its own: a new done session after the day's others."""
        session_id = next(self.session_ids)
        position = self.next_position.get(day, 0)
        self.next_position[day] = position + 1
        batch.sessions += (session_id, day, position, workout.name, "done", workout.notes,
                           self.parsed.format, workout.key)
        for index, block in enumerate(workout.exercises):
            se_id = next(self.exercise_row_ids)
            working = batch.add_sets(se_id, block, 0, workout)
            batch.exercises += self._exercise_row(se_id, session_id, index, block, working)

    def _fill_planned(self, batch: _Batch, workout: ImportedWorkout, slot: PlannedSession
                      ) -> None:
        """The workout logged onto the day's planned session: each exercise on its planned
        row (the same exercise, else one of the same muscle and movement — a swap, the row
        then holds what was done), the others added after; the session done."""
        self.filled.append((slot.id, slot.status, slot.source, slot.source_key, slot.notes))
        notes = "\n".join(text for text in (slot.notes, workout.notes) if text)
        batch.filled_sessions.append((self.parsed.format, workout.key, notes, slot.id))
        self.written.filled += 1
        for block in workout.exercises:
            exercise_id = self.exercise_ids[block.name]
            row = slot.take(exercise_id, self.kinds.get(exercise_id))
            if row is None:
                se_id = next(self.exercise_row_ids)
                working = batch.add_sets(se_id, block, 0, workout)
                batch.exercises += self._exercise_row(se_id, slot.id, slot.next_position(),
                                                      block, working)
                continue
            if row.exercise_id != exercise_id:
                self.swapped.append((row.id, row.exercise_id))
                batch.swaps.append((exercise_id, row.id))
                self.written.swaps.append(_swap_text(self.names[exercise_id], row.name, slot.day))
            batch.add_sets(row.id, block, row.logged, workout)

    def _exercise_row(self, se_id: int, session_id: int, index: int, block: ImportedExercise,
                      working_sets: int) -> tuple:
        exercise_id = self.exercise_ids[block.name]
        rep_low, rep_high, tempo, rest = self.defaults[exercise_id]
        if block.rest_seconds is not None:
            rest = min(block.rest_seconds, REST_SECONDS[1])
        target = min(working_sets, TARGET_SETS[1])
        return (se_id, session_id, exercise_id, index, target, rep_low, rep_high, tempo, rest,
                block.notes)


@dataclass
class _Batch:
    """The rows of a batch of workouts, each table's values one after the other as _insert()
    takes them, and the updates of the planned sessions they fill."""

    next_set_id: int
    sessions: list = field(default_factory=list)
    exercises: list = field(default_factory=list)
    sets: list = field(default_factory=list)
    filled_sessions: list[tuple] = field(default_factory=list)
    swaps: list[tuple[int, int]] = field(default_factory=list)
    warmups: int = 0

    def add_sets(self, se_id: int, block: ImportedExercise, first_position: int,
                 workout: ImportedWorkout) -> int:
        """The block's sets on session exercise `se_id` after its `first_position` ones;
        returns how many are working sets."""
        logged_at = workout.started.isoformat(timespec="seconds")
        warmups = 0
        for s in block.sets:
            self.sets += (self.next_set_id, se_id, first_position + s.order - 1, s.kind,
                          s.load_kg, s.reps or 0, s.rir, s.rpe, s.notes, logged_at, s.seconds)
            self.next_set_id += 1
            warmups += s.kind == "warmup"
        self.warmups += warmups
        return len(block.sets) - warmups


@dataclass
class PlannedRow:
    id: int
    exercise_id: int
    name: str
    kind: tuple[str | None, str]  # primary group, movement pattern
    logged: int  # sets already logged on it


@dataclass
class PlannedSession:
    """A planned (not done) session an imported workout of its day can fill."""

    id: int
    day: date
    status: str
    source: str | None
    source_key: str | None
    notes: str
    rows: list[PlannedRow]
    last_position: int
    used: set[int] = field(default_factory=set)

    def take(self, exercise_id: int, kind: tuple[str | None, str] | None) -> PlannedRow | None:
        """The planned row a block of `exercise_id` goes on: the same exercise first, else
        the same primary group and movement pattern (a swap); None: not in the plan."""
        free = [row for row in self.rows if row.id not in self.used]
        row = next((r for r in free if r.exercise_id == exercise_id), None)
        if row is None and kind is not None and kind[0] is not None:
            row = next((r for r in free if r.kind == kind), None)
        if row is not None:
            self.used.add(row.id)
        return row

    def next_position(self) -> int:
        self.last_position += 1
        return self.last_position


def planned_sessions(days: set[date]) -> dict[str, PlannedSession]:
    """Each of `days`' first planned session (by position), with its exercises."""
    if not days:
        return {}
    sessions: dict[str, PlannedSession] = {}
    for row in row_tuples(Session.select(Session.id, Session.date, Session.status,
                                         Session.source, Session.source_key, Session.notes)
                          .where((Session.status == "planned") & Session.date.in_(list(days)))
                          .order_by(Session.date, Session.position)):
        session_id, day, status, source, key, notes = row
        day = date.fromisoformat(day) if isinstance(day, str) else day
        sessions.setdefault(day.isoformat(), PlannedSession(
            session_id, day, status, source, key, notes, [], -1))
    by_id = {slot.id: slot for slot in sessions.values()}
    rows = database.execute_sql(
        "SELECT se.id, se.session_id, se.exercise_id, e.name, e.primary_group, e.pattern,"
        " se.position, (SELECT COUNT(*) FROM logged_set ls WHERE ls.session_exercise_id = se.id)"
        " FROM session_exercise se JOIN exercise e ON e.id = se.exercise_id"
        f" WHERE se.session_id IN ({', '.join('?' * len(by_id))}) ORDER BY se.position",
        list(by_id)).fetchall() if by_id else []
    for se_id, session_id, exercise_id, name, group, pattern, position, logged in rows:
        slot = by_id[session_id]
        slot.rows.append(PlannedRow(se_id, exercise_id, name, (group, pattern), logged))
        slot.last_position = max(slot.last_position, position)
    return sessions


def undo_import(undo: ImportUndo) -> None:
    """Take an import back, in one transaction: its inserted rows go, the planned sessions it
    filled are planned again with their own exercises, the exercises it created go."""
    with database.atomic():
        for table, (first, last) in (("logged_set", undo.sets),
                                     ("session_exercise", undo.session_exercises),
                                     ("session", undo.sessions)):
            database.execute_sql(f"DELETE FROM {table} WHERE id BETWEEN ? AND ?", (first, last))
        database.cursor().executemany(
            "UPDATE session_exercise SET exercise_id = ? WHERE id = ?",
            [(exercise_id, se_id) for se_id, exercise_id in undo.swapped])
        database.cursor().executemany(
            "UPDATE session SET status = ?, source = ?, source_key = ?, notes = ? WHERE id = ?",
            [(status, source, key, notes, session_id)
             for session_id, status, source, key, notes in undo.filled])
        if undo.created_exercises:
            Exercise.delete().where(Exercise.id.in_(list(undo.created_exercises))).execute()


def _insert(cursor: sqlite3.Cursor, table: str, values: list) -> None:
    """INSERT INTO `table` ("name (columns)") rows given as their values one after the other,
    as many rows per statement as the parameter limit allows (see the module's docstring)."""
    width = table.count(",") + 1
    step = MAX_PARAMETERS // width * width  # values in a statement of whole rows
    full = len(values) - len(values) % step
    if full:
        cursor.executemany(_values_sql(table, width, step // width),
                           [values[start:start + step] for start in range(0, full, step)])
    if full < len(values):
        cursor.execute(_values_sql(table, width, (len(values) - full) // width), values[full:])


def _values_sql(table: str, width: int, rows: int) -> str:
    row = "(" + ", ".join("?" * width) + ")"
    return f"INSERT INTO {table} VALUES " + ", ".join([row] * rows)


def _next_id(table: str) -> int:
    return database.execute_sql(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}").fetchone()[0]
