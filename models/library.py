"""The exercise library in the database: first-start load, upgrades, the user's own exercises."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from functools import cache

from peewee import IntegrityError, fn

from models.io.library_file import ShippedLibrary, read_shipped_library
from models.rules.domain import EQUIPMENT, MUSCLE_GROUPS, PATTERNS, ExerciseInfo, parse_tempo
from models.rules.limits import (
    LIBRARY_VERSION_KEY,
    LOAD_STEP_KG,
    LOAD_STEP_LB,
    MAX_NAME_LENGTH,
    REP_RANGE,
    REST_SECONDS,
    in_range,
    stored_version,
)
from models.settings import get_value, set_value
from models.storage.db import database, row_tuples
from models.storage.schema import Exercise, ExerciseAlias, ExerciseSecondary, SessionExercise


class ExerciseError(ValueError):
    """An exercise that cannot be stored as given; the message says which field and why."""


class ExerciseInUseError(ExerciseError):
    """Deleting an exercise that sessions refer to."""


def sync_shipped_library(shipped: ShippedLibrary | None = None) -> int:
    """Add the shipped exercises this database has not seen; returns how many were added.

    On first start every exercise is added. When a newer library ships, only exercises first shipped
    after the version this database last saw are added: the user's own exercises, their edits to
    shipped ones and their deletions stay as they are, and a name the user uses is never taken.
    """
    shipped = shipped or read_shipped_library()
    seen_version = _seen_version()
    if seen_version >= shipped.version:
        return 0
    known_keys = {key for (key,) in row_tuples(Exercise.select(Exercise.key)) if key}
    taken = _taken_names()
    added = 0
    with database.atomic():
        if seen_version:
            _apply_revisions(shipped, seen_version)
        for info in shipped.exercises:
            # Shipped exercises all have a key (`or ""` as in _shipped_order, for the checker).
            new_since_seen = shipped.since.get(info.key or "", 1) > seen_version
            if not new_since_seen or info.key in known_keys or info.name.casefold() in taken:
                continue
            _insert(info, is_custom=False, taken=taken)
            added += 1
        set_value(LIBRARY_VERSION_KEY, str(shipped.version))
    return added


def _seen_version() -> int:
    """The library version this database has seen; 0 — add everything not there — when the
    setting is missing or unreadable, or when no shipped exercise is left at all (a restored
    copy without its library): the library is rebuilt, never left empty."""
    seen = stored_version(get_value(LIBRARY_VERSION_KEY)) or 0
    if seen and not Exercise.select().where(Exercise.key.is_null(False)).exists():
        return 0
    return seen


# A revision names a field of the library file; these are the columns each one writes.
_REVISABLE = {"rep_range": ("rep_low", "rep_high"), "tempo": ("tempo",),
              "rest_seconds": ("rest_seconds",)}


def _apply_revisions(shipped: ShippedLibrary, seen_version: int) -> None:
    """Bring shipped exercises the database already has up to the new library — only where
    the stored value is still the one shipped before (the user's edits win)."""
    by_key = {info.key: info for info in shipped.exercises}
    for key, changes in shipped.revised.items():
        info = by_key[key]
        for version, name, before in changes:
            if version <= seen_version or name not in _REVISABLE:
                continue
            columns = _REVISABLE[name]
            old = tuple(before) if isinstance(before, list) else (before,)
            new = ((info.rep_low, info.rep_high) if name == "rep_range"
                   else (getattr(info, name),))
            condition = Exercise.key == key
            for column, value in zip(columns, old, strict=True):
                condition &= getattr(Exercise, column) == value
            Exercise.update(dict(zip((getattr(Exercise, c) for c in columns), new,
                                     strict=True))).where(condition).execute()


def list_exercises() -> list[ExerciseInfo]:
    """Every exercise with aliases and secondary groups, by name (three queries in all)."""
    secondaries: dict[int, list[str]] = defaultdict(list)
    for exercise_id, group in row_tuples(ExerciseSecondary.select(
            ExerciseSecondary.exercise, ExerciseSecondary.group)):
        secondaries[exercise_id].append(group)
    aliases: dict[int, list[str]] = defaultdict(list)
    for exercise_id, alias in row_tuples(ExerciseAlias.select(
            ExerciseAlias.exercise, ExerciseAlias.alias).order_by(ExerciseAlias.id)):
        aliases[exercise_id].append(alias)
    return [
        _info(row, _in_table_order(secondaries[row.id]), tuple(aliases[row.id]))
        for row in Exercise.select().order_by(fn.lower(Exercise.name))
    ]


def planning_library() -> tuple[ExerciseInfo, ...]:
    """Every exercise in the order the generator should prefer them: the shipped library's own
    order (staples such as Barbell Row before Band Row, whatever order a database first stored
    them in), then the user's exercises."""
    order = _shipped_order()
    return tuple(sorted(list_exercises(),
                        key=lambda e: (e.key not in order, order.get(e.key or "", 0), e.id)))


@cache
def _shipped_order() -> dict[str, int]:
    return {info.key or "": index for index, info in enumerate(read_shipped_library().exercises)}


def get_exercise(exercise_id: int) -> ExerciseInfo:
    row = Exercise.get_by_id(exercise_id)
    secondary = _in_table_order(s.group_key for s in row.secondaries)
    aliases = tuple(a.alias for a in row.aliases.order_by(ExerciseAlias.id))
    return _info(row, secondary, aliases)


def _in_table_order(groups) -> tuple[str, ...]:
    return tuple(sorted(groups, key=MUSCLE_GROUPS.index))


def exercise_problems(info: ExerciseInfo, *, editing_id: int | None = None) -> list[str]:
    """Every reason `info` cannot be stored, as sentences naming the field."""
    found = []
    name = info.name.strip()
    if not name:
        found.append("Name: enter a name")
    elif len(name) > MAX_NAME_LENGTH:
        found.append(f"Name: at most {MAX_NAME_LENGTH} characters")
    taken = _taken_names(excluding=editing_id)
    if name and name.casefold() in taken:
        found.append(f"Name: “{name}” is already an exercise or an alias")
    for alias in info.aliases:
        if alias.strip().casefold() in taken:
            found.append(f"Aliases: “{alias.strip()}” is already an exercise or an alias")
        if alias.strip().casefold() == name.casefold():
            found.append(f"Aliases: “{alias.strip()}” is the exercise's own name")
    if info.primary is not None and info.primary not in MUSCLE_GROUPS:
        found.append(f"Primary group: {info.primary!r} is not a muscle group")
    for group in info.secondary:
        if group not in MUSCLE_GROUPS:
            found.append(f"Secondary groups: {group!r} is not a muscle group")
        elif group == info.primary:
            found.append("Secondary groups: the primary group cannot also be secondary")
    if info.pattern and info.pattern not in PATTERNS:
        found.append(f"Movement pattern: {info.pattern!r} is not known")
    if info.equipment and info.equipment not in EQUIPMENT:
        found.append(f"Equipment: {info.equipment!r} is not known")
    low, high = REP_RANGE
    if not low <= info.rep_low <= info.rep_high <= high:
        found.append(f"Rep range: {info.rep_low}–{info.rep_high} must satisfy {low} ≤ low ≤ "
                     f"high ≤ {high}")
    if parse_tempo(info.tempo) is None:
        found.append(f"Tempo: “{info.tempo}” is not four numbers like 3-1-1-0")
    for label, value, unit, limits in (("Load step", info.load_step_kg, "kg", LOAD_STEP_KG),
                                       ("Load step", info.load_step_lb, "lb", LOAD_STEP_LB),
                                       ("Rest", info.rest_seconds, "s", REST_SECONDS)):
        if not in_range(value, limits):
            found.append(f"{label}: {value:g} {unit} must be between {limits[0]} and "
                         f"{limits[1]} {unit}")
    return found


def create_exercise(info: ExerciseInfo) -> int:
    """Store a custom exercise; returns its id. Raises ExerciseError listing every problem."""
    info = _normalised(info)
    _raise_problems(exercise_problems(info))
    with database.atomic():
        return _insert(info, is_custom=True, taken=_taken_names())


def update_exercise(exercise_id: int, info: ExerciseInfo) -> None:
    """Replace an exercise's fields, aliases and secondary groups in one transaction."""
    info = _normalised(info)
    _raise_problems(exercise_problems(info, editing_id=exercise_id))
    with database.atomic():
        Exercise.update(**_columns(info)).where(Exercise.id == exercise_id).execute()
        ExerciseAlias.delete().where(ExerciseAlias.exercise == exercise_id).execute()
        ExerciseSecondary.delete().where(ExerciseSecondary.exercise == exercise_id).execute()
        _insert_links(exercise_id, info, taken=set())


def exercise_use_count(exercise_id: int) -> int:
    """How many session exercises (planned or logged) refer to this exercise."""
    return SessionExercise.select().where(SessionExercise.exercise == exercise_id).count()


def delete_exercise(exercise_id: int) -> ExerciseInfo:
    """Delete an exercise no session uses; returns it as it was (so it can be restored)."""
    uses = exercise_use_count(exercise_id)
    info = get_exercise(exercise_id)
    if uses:
        raise ExerciseInUseError(
            f"“{info.name}” is used in {uses} session exercise(s) and has history; it cannot be "
            "deleted.")
    with database.atomic():
        Exercise.delete_by_id(exercise_id)
    return info


def restore_exercise(info: ExerciseInfo) -> int:
    """Put back an exercise removed by delete_exercise, with its id, key and custom flag."""
    assert info.id is not None, "an exercise delete_exercise returned has its id"
    with database.atomic():
        Exercise.insert(id=info.id, key=info.key, is_custom=info.key is None,
                        **_columns(info)).execute()
        _insert_links(info.id, info, taken=set())
    return info.id


def _normalised(info: ExerciseInfo) -> ExerciseInfo:
    aliases = tuple(dict.fromkeys(a.strip() for a in info.aliases if a.strip()))
    return replace(info, name=info.name.strip(), aliases=aliases, tempo=info.tempo.strip())


def _raise_problems(problems: list[str]) -> None:
    if problems:
        raise ExerciseError("\n".join(problems))


def _taken_names(excluding: int | None = None) -> set[str]:
    names = Exercise.select(Exercise.name)
    aliases = ExerciseAlias.select(ExerciseAlias.alias)
    if excluding is not None:
        names = names.where(Exercise.id != excluding)
        aliases = aliases.where(ExerciseAlias.exercise != excluding)
    return ({n.casefold() for (n,) in row_tuples(names)}
            | {a.casefold() for (a,) in row_tuples(aliases)})


def _columns(info: ExerciseInfo) -> dict:
    return {
        "name": info.name, "primary_group": info.primary, "pattern": info.pattern,
        "equipment": info.equipment, "rep_low": info.rep_low, "rep_high": info.rep_high,
        "tempo": info.tempo, "load_step_kg": info.load_step_kg,
        "load_step_lb": info.load_step_lb, "rest_seconds": info.rest_seconds,
    }


def _insert(info: ExerciseInfo, *, is_custom: bool, taken: set[str]) -> int:
    try:
        exercise_id = Exercise.insert(key=info.key, is_custom=is_custom,
                                      **_columns(info)).execute()
    except IntegrityError as exc:
        raise ExerciseError(f"“{info.name}” cannot be stored: {exc}") from exc
    taken.add(info.name.casefold())
    _insert_links(exercise_id, info, taken)
    return exercise_id


def _insert_links(exercise_id: int, info: ExerciseInfo, taken: set[str]) -> None:
    for alias in info.aliases:
        if alias.casefold() not in taken:
            ExerciseAlias.insert(exercise=exercise_id, alias=alias).execute()
            taken.add(alias.casefold())
    for group in dict.fromkeys(info.secondary):
        ExerciseSecondary.insert(exercise=exercise_id, group=group).execute()


def _info(row: Exercise, secondary: tuple[str, ...], aliases: tuple[str, ...]) -> ExerciseInfo:
    return ExerciseInfo(
        id=row.id, key=row.key, name=row.name, primary=row.primary_group_id,
        secondary=secondary, pattern=row.pattern, equipment=row.equipment,
        rep_low=row.rep_low, rep_high=row.rep_high, tempo=row.tempo,
        load_step_kg=row.load_step_kg, load_step_lb=row.load_step_lb,
        rest_seconds=row.rest_seconds, aliases=aliases,
    )


def is_custom(exercise_id: int) -> bool:
    return bool(Exercise.get_by_id(exercise_id).is_custom)
