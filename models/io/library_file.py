"""Reading the shipped exercise library (resources/exercises.json) into plain data."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from models.rules.domain import ExerciseInfo
from models.storage.resources import resource_path


@dataclass(frozen=True)
class ShippedLibrary:
    version: int
    exercises: tuple[ExerciseInfo, ...]
    # The library version that first shipped each exercise (entry "since", default 1): an upgrade
    # adds only what is newer than what the user has seen, so a deleted exercise stays deleted.
    since: dict[str, int] = field(default_factory=dict)
    # Revisions of shipped exercises (entry "revised": {version: {field: value before}}): key ->
    # [(version, field, the value before it)]. An upgrade changes a stored exercise only where
    # it still holds the value before, so the user's own edits stay.
    revised: dict[str, list[tuple[int, str, object]]] = field(default_factory=dict)


def read_shipped_library(path: Path | None = None) -> ShippedLibrary:
    """Parse the library file; raises ValueError naming the entry when one is malformed."""
    path = path or resource_path("exercises.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    exercises = []
    since = {}
    revised = {}
    for index, entry in enumerate(data["exercises"]):
        try:
            exercises.append(_exercise_from_entry(entry))
            since[entry["key"]] = int(entry.get("since", 1))
            revised[entry["key"]] = [(int(version), name, value)
                                     for version, changes in entry.get("revised", {}).items()
                                     for name, value in changes.items()]
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path.name}: exercise #{index + 1}: {exc!r}") from exc
    return ShippedLibrary(int(data["version"]), tuple(exercises), since,
                          {key: changes for key, changes in revised.items() if changes})


def _exercise_from_entry(entry: dict) -> ExerciseInfo:
    low, high = entry["rep_range"]
    return ExerciseInfo(
        key=entry["key"],
        name=entry["name"],
        aliases=tuple(entry.get("aliases", ())),
        primary=entry["primary"],
        secondary=tuple(entry.get("secondary", ())),
        pattern=entry["pattern"],
        equipment=entry["equipment"],
        rep_low=int(low),
        rep_high=int(high),
        tempo=entry["tempo"],
        load_step_kg=float(entry["load_step_kg"]),
        load_step_lb=float(entry["load_step_lb"]),
        rest_seconds=int(entry.get("rest_seconds", 120)),
    )
