"""Exercise names from other apps, matched to the library.

An imported name is matched, in this order (the first rule that finds an exercise wins):

1. "mapping"    — the user mapped this name before (table exercise_mapping, any letter case);
2. "exact"      — it is an exercise's name, in any letter case;
   "alias"      — it is one of an exercise's aliases, in any letter case;
3. "normalised" — it equals a name or alias once both are normalised (see normalise(): letter case,
                  punctuation, plurals, "Bent-Over" = "Bent Over", an equipment suffix such as
                  "(Barbell)" moved to the front). Only an unambiguous result counts, and an
                  equipment suffix must agree with the exercise's equipment, so "Curl (Cable)"
                  never becomes the dumbbell curl.

Anything else is unmatched. Fuzzy similarity (difflib) only ever *suggests* exercises — the top
three — because a near name is often a different movement ("Incline" vs "Decline").
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from models.rules.domain import EQUIPMENT
from models.storage.db import database, row_tuples
from models.storage.schema import Exercise, ExerciseAlias, ExerciseMapping

HOW = ("mapping", "exact", "alias", "normalised")
SUGGESTIONS = 3
# Below this difflib ratio a "suggestion" is noise; the user can still search the whole library.
MIN_SUGGESTION_SCORE = 0.4

# Words in a trailing "(…)" that name equipment, as Strong and Hevy write them, by EQUIPMENT key.
_EQUIPMENT_WORDS = {
    "barbell": "barbell", "dumbbell": "dumbbell", "dumbbells": "dumbbell", "cable": "cable",
    "machine": "machine", "bodyweight": "bodyweight", "smith machine": "smith_machine",
    "ez bar": "ez_bar", "kettlebell": "kettlebell", "band": "band", "trap bar": "trap_bar",
    "hex bar": "trap_bar",
}
assert set(_EQUIPMENT_WORDS.values()) <= set(EQUIPMENT)
_ABBREVIATIONS = {"db": "dumbbell", "bb": "barbell", "kb": "kettlebell"}
_IRREGULAR_PLURALS = {"flyes": "fly", "flies": "fly"}
_SUFFIX = re.compile(r"^(?P<base>.*?)\s*\((?P<inside>[^()]*)\)\s*$")
_NOT_WORD = re.compile(r"[^\w]+|_")


@dataclass(frozen=True)
class Match:
    """How one imported name was matched. `exercise_id` is None when it was not; `suggestions`
    are (exercise id, name, similarity 0–1), best first, for names the user should confirm."""

    exercise_id: int | None
    how: str | None  # one of HOW, or None
    suggestions: list[tuple[int, str, float]] = field(default_factory=list)
    exercise_name: str | None = None

    @property
    def matched(self) -> bool:
        return self.exercise_id is not None


def equipment_of(name: str) -> str | None:
    """The EQUIPMENT key named by a trailing "(Barbell)"-style suffix, or None."""
    found = _SUFFIX.match(name)
    if not found:
        return None
    return _EQUIPMENT_WORDS.get(" ".join(_words(found["inside"])))


def normalise(name: str) -> str:
    """A name reduced to what identifies the movement: lower case, no accents or punctuation,
    singular words, abbreviations spelled out, and no equipment suffix — "Bent-Over Rows
    (Barbell)" → "bent over row". The suffix is dropped here; matching checks it separately."""
    found = _SUFFIX.match(name)
    if found and equipment_of(name):
        name = found["base"]
    return " ".join(_singular(_ABBREVIATIONS.get(w, w)) for w in _words(name))


def match_exercises(names: list[str]) -> dict[str, Match]:
    """Every name's Match, reading the library and the remembered mappings once."""
    index = _LibraryIndex.load()
    return {name: index.match(name) for name in names}


def remember_mapping(source_name: str, exercise_id: int) -> None:
    """Remember that `source_name` (any letter case) means this exercise on the next import."""
    ExerciseMapping.replace(source_name=source_name.strip(), exercise=exercise_id).execute()


# --- the parts -----------------------------------------------------------------------------------

def _words(text: str) -> list[str]:
    # NFKD then dropping combining marks folds "Pullóver" to "pullover".
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return [w for w in _NOT_WORD.split(plain) if w]


def _singular(word: str) -> str:
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us")):
        return word  # "abs", "press", "gluteus"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]  # "presses", "crunches"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1]


def _compact(normalised: str) -> str:
    """The key normalised names are compared by: without spaces, so "pull up" = "pullup"."""
    return normalised.replace(" ", "")


def _with_equipment_first(name: str) -> str:
    """"Bench Press (Barbell)" → "barbell bench press": how the library writes its names."""
    equipment = equipment_of(name)
    base = normalise(name)
    return f"{equipment.replace('_', ' ')} {base}" if equipment else base


@dataclass(frozen=True)
class _Exercise:
    id: int
    name: str
    equipment: str


class _LibraryIndex:
    """The library's names and aliases by exact, normalised and fuzzy form."""

    def __init__(self, exercises: list[_Exercise], aliases: list[tuple[int, str]],
                 mappings: list[tuple[str, int]]) -> None:
        self.by_id = {e.id: e for e in exercises}
        self.mappings = {name.casefold(): exercise_id for name, exercise_id in mappings}
        self.names = {e.name.casefold(): e.id for e in exercises}
        self.aliases = {alias.casefold(): exercise_id for exercise_id, alias in aliases}
        # Normalised keys of every name and alias; `plain` only of those without an equipment
        # suffix, so "Bent Over Rows" finds the alias "Bent Over Row" (Barbell Row) before
        # "Bent Over Row (Kettlebell)", which normalises the same once its suffix is dropped.
        self.normalised: dict[str, set[int]] = defaultdict(set)
        self.plain: dict[str, set[int]] = defaultdict(set)
        fuzzy: dict[tuple[str, int], None] = {}
        for exercise_id, form in [(e.id, e.name) for e in exercises] + aliases:
            key = _compact(normalise(form))
            self.normalised[key].add(exercise_id)
            self.normalised[_compact(_with_equipment_first(form))].add(exercise_id)
            if equipment_of(form) is None:
                self.plain[key].add(exercise_id)
            fuzzy[(_with_equipment_first(form), exercise_id)] = None
        self.fuzzy_forms = list(fuzzy)  # many aliases normalise alike: compare each form once

    @classmethod
    def load(cls) -> _LibraryIndex:
        with database.atomic():  # one consistent read of the three tables
            exercises = [_Exercise(*row) for row in row_tuples(Exercise.select(
                Exercise.id, Exercise.name, Exercise.equipment))]
            aliases = list(row_tuples(ExerciseAlias.select(ExerciseAlias.exercise,
                                                           ExerciseAlias.alias)
                                      .order_by(ExerciseAlias.id)))
            mappings = list(row_tuples(ExerciseMapping.select(
                ExerciseMapping.source_name, ExerciseMapping.exercise)))
        return cls(exercises, aliases, mappings)

    def match(self, name: str) -> Match:
        key = name.strip().casefold()
        for how, table in (("mapping", self.mappings), ("exact", self.names),
                           ("alias", self.aliases)):
            if key in table and table[key] in self.by_id:
                return self._found(table[key], how)
        candidates = self._normalised_candidates(name)
        if len(candidates) == 1:
            return self._found(candidates[0], "normalised", self._suggest(name, candidates))
        return Match(None, None, self._suggest(name, candidates))

    def _found(self, exercise_id: int, how: str,
               suggestions: list[tuple[int, str, float]] | None = None) -> Match:
        return Match(exercise_id, how, suggestions or [], self.by_id[exercise_id].name)

    def _normalised_candidates(self, name: str) -> list[int]:
        key = _compact(normalise(name))
        equipment = equipment_of(name)
        if equipment is None:
            plain = self.plain.get(key, set())
            return sorted(plain if len(plain) == 1 else self.normalised.get(key, set()))
        found = self.normalised.get(key, set()) | self.normalised.get(
            _compact(_with_equipment_first(name)), set())
        # The suffix must agree with the exercise; one without equipment stays possible.
        return sorted(i for i in found if self.by_id[i].equipment in (equipment, ""))

    def _suggest(self, name: str, first: list[int]) -> list[tuple[int, str, float]]:
        """Up to three exercises: `first` (equal once normalised), then the most similar."""
        best: dict[int, float] = {exercise_id: 1.0 for exercise_id in first}
        floor = _third_best(best)
        matcher = SequenceMatcher(autojunk=False)
        matcher.set_seq2(_with_equipment_first(name))  # seq2 is the one difflib caches
        for form, exercise_id in self.fuzzy_forms:
            matcher.set_seq1(form)
            # The cheap upper bounds skip most forms: only a form that could enter the top
            # three (or beat this exercise's own best) is worth the full ratio.
            bar = max(floor, best.get(exercise_id, 0.0))
            if matcher.real_quick_ratio() <= bar or matcher.quick_ratio() <= bar:
                continue
            score = matcher.ratio()
            if score > bar:
                best[exercise_id] = score
                floor = _third_best(best)
        ranked = sorted((item for item in best.items() if item[1] >= MIN_SUGGESTION_SCORE),
                        key=lambda item: (-item[1], self.by_id[item[0]].name.casefold()))
        return [(i, self.by_id[i].name, round(score, 2)) for i, score in ranked[:SUGGESTIONS]]


def _third_best(best: dict[int, float]) -> float:
    """The score a new exercise must beat to enter the top three (at least the floor)."""
    if len(best) < SUGGESTIONS:
        return MIN_SUGGESTION_SCORE
    return max(MIN_SUGGESTION_SCORE, sorted(best.values(), reverse=True)[SUGGESTIONS - 1])
