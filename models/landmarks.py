"""The user's volume landmarks per muscle group: read, edit (validated), reset to defaults."""

from __future__ import annotations

from collections.abc import Iterable

from models.rules.domain import DEFAULT_LANDMARKS, Landmarks, group_label
from models.storage.db import database
from models.storage.schema import MuscleGroup


class LandmarksError(ValueError):
    """Landmarks that break MV ≤ MEV ≤ MAV low ≤ MAV high ≤ MRV; the message names the group."""


def load_landmarks() -> dict[str, Landmarks]:
    """All groups in the DOMAIN table's order."""
    return {row.key: _from_row(row)
            for row in MuscleGroup.select().order_by(MuscleGroup.sort_order)}


def save_landmarks(changes: dict[str, Landmarks]) -> None:
    """Store several groups' landmarks in one transaction, or none if any is invalid."""
    problems = landmark_problems(changes)
    if problems:
        raise LandmarksError("; ".join(problems))
    with database.atomic():
        for key, lm in changes.items():
            MuscleGroup.update(
                mv=lm.mv, mev=lm.mev, mav_low=lm.mav_low, mav_high=lm.mav_high, mrv=lm.mrv,
                freq_min=lm.freq_min, freq_max=lm.freq_max,
            ).where(MuscleGroup.key == key).execute()


def default_landmarks(groups: Iterable[str] | None = None) -> dict[str, Landmarks]:
    """The DOMAIN defaults of `groups` (all when None): what a reset puts back."""
    keys = list(groups) if groups is not None else list(DEFAULT_LANDMARKS)
    return {key: DEFAULT_LANDMARKS[key] for key in keys}


def reset_landmarks(groups: Iterable[str] | None = None) -> dict[str, Landmarks]:
    """Store the defaults for `groups` (all when None); returns what was stored."""
    defaults = default_landmarks(groups)
    save_landmarks(defaults)
    return defaults


def landmark_problems(changes: dict[str, Landmarks]) -> list[str]:
    """Every problem, each as 'Side delts: MEV (9) must not be above MAV low (8)'."""
    found = []
    for key, lm in changes.items():
        if key not in DEFAULT_LANDMARKS:
            found.append(f"{key!r} is not a muscle group")
            continue
        found.extend(f"{group_label(key)}: {problem}" for problem in lm.problems())
    return found


def _from_row(row: MuscleGroup) -> Landmarks:
    return Landmarks(row.mv, row.mev, row.mav_low, row.mav_high, row.mrv, row.freq_min,
                     row.freq_max)
