"""Finding an exercise as the user types: the one rule every search box applies (the library
dock, the wizard's list, the import dialog's picker).

Every word typed must appear in the exercise's name or one of its aliases, in any letter case
and in any order: "rdl" finds Romanian Deadlift by its alias RDL, "row single" finds Single Arm
Cable Row."""

from __future__ import annotations

from models.rules.domain import ExerciseInfo


def search_text(exercise: ExerciseInfo) -> str:
    """What a search looks in: the name and every alias, case-folded."""
    return " ".join((exercise.name, *exercise.aliases)).casefold()


def matches(query: str, text: str) -> bool:
    """`query` (as typed) finds the exercise whose search_text() is `text`."""
    return all(word in text for word in query.casefold().split())
