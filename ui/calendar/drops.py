"""The calendar's drag payloads and drop planning: pure functions, no widget (STYLE §8).

A drop is handled in two testable halves: a function here turns what was dropped and where
into a plain DropPlan, and `SessionCalendar.apply_drop()` runs it as undoable commands.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QMimeData

from models.sessions import ExercisePlace
from ui.mime import SESSION_EXERCISE_MIME, SESSION_MIME, exercise_ids_from_mime


@dataclass(frozen=True)
class DropPlan:
    """What a drop does:
    - "add_exercises": library exercises into session `session_id`, at `position` (None: last);
    - "new_session": a new session on `day` holding library exercises;
    - "move_exercise": session exercise `session_exercise_id` to `position` of `session_id`
      (its own session: a reorder);
    - "exercise_to_new_session": that session exercise into a new session on `day`;
    - "move" / "copy": session `session_id` to `day`."""

    action: str
    day: date
    session_id: int | None = None
    exercise_ids: tuple[int, ...] = field(default_factory=tuple)
    position: int | None = None
    session_exercise_id: int | None = None


# --- Payloads ---------------------------------------------------------------------------------

def session_mime(session_id: int) -> QMimeData:
    return _json_mime(SESSION_MIME, {"session_id": int(session_id)})


def session_id_from_mime(mime: QMimeData) -> int | None:
    return _id_from_mime(mime, SESSION_MIME, "session_id")


def session_exercise_mime(se_id: int) -> QMimeData:
    return _json_mime(SESSION_EXERCISE_MIME, {"session_exercise_id": int(se_id)})


def session_exercise_id_from_mime(mime: QMimeData) -> int | None:
    return _id_from_mime(mime, SESSION_EXERCISE_MIME, "session_exercise_id")


def _json_mime(kind: str, payload: dict) -> QMimeData:
    mime = QMimeData()
    mime.setData(kind, json.dumps(payload).encode())
    return mime


def _id_from_mime(mime: QMimeData, kind: str, key: str) -> int | None:
    """The id under `key` of a JSON payload; None for anything else or malformed data."""
    if not mime.hasFormat(kind):
        return None
    try:
        value = json.loads(bytes(mime.data(kind)).decode())[key]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


# --- Plans --------------------------------------------------------------------------------------

def plan_drop(mime: QMimeData, day: date, target_session_id: int | None,
              copy: bool) -> DropPlan | None:
    """The month view: exercises dropped on a session join it; on an empty part of a day they
    start a new session there. A session dropped on another day moves there (copies with
    Ctrl)."""
    exercise_ids = exercise_ids_from_mime(mime)
    if exercise_ids:
        if target_session_id is not None:
            return DropPlan("add_exercises", day, target_session_id, tuple(exercise_ids))
        return DropPlan("new_session", day, None, tuple(exercise_ids))
    return _session_plan(mime, day, copy)


def plan_week_drop(mime: QMimeData, day: date, target_session_id: int | None,
                   position: int | None, copy: bool,
                   places: Mapping[int, ExercisePlace]) -> DropPlan | None:
    """The week planner: a drop at `position` of session `target_session_id` — before the
    exercise shown there; None: after the last — or on a rest day (no session).

    Library exercises go in at that place, or into a new session on a rest day. A session's
    exercise moves there (a reorder in its own session: `places`, where each exercise of the
    week is, turns "before the row shown there" into its index once it left its old place),
    or into a new session on a rest day; put back where it was, nothing is done. A session
    moves to the day (copies with Ctrl), wherever on the day it lands."""
    exercise_ids = exercise_ids_from_mime(mime)
    if exercise_ids:
        if target_session_id is None:
            return DropPlan("new_session", day, None, tuple(exercise_ids))
        return DropPlan("add_exercises", day, target_session_id, tuple(exercise_ids),
                        position=position)
    se_id = session_exercise_id_from_mime(mime)
    if se_id is not None:
        if target_session_id is None:
            return DropPlan("exercise_to_new_session", day, session_exercise_id=se_id)
        return _exercise_move(se_id, target_session_id, position, day, places)
    return _session_plan(mime, day, copy)


def _exercise_move(se_id: int, session_id: int, position: int | None, day: date,
                   places: Mapping[int, ExercisePlace]) -> DropPlan | None:
    was = places.get(se_id)
    if was is not None and was.session_id == session_id:
        last = sum(1 for place in places.values() if place.session_id == session_id) - 1
        if position is not None and position > was.position:
            position -= 1  # the rows below it move up once it leaves its place
        if (last if position is None else position) == was.position:
            return None
    return DropPlan("move_exercise", day, session_id, position=position,
                    session_exercise_id=se_id)


def _session_plan(mime: QMimeData, day: date, copy: bool) -> DropPlan | None:
    session_id = session_id_from_mime(mime)
    if session_id is None:
        return None
    return DropPlan("copy" if copy else "move", day, session_id)
