"""Drag-and-drop payloads, built and read by pure functions (STYLE: DnD in two testable halves)."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData

EXERCISE_MIME = "application/x-overload-exercise"
SESSION_MIME = "application/x-overload-session"
# One exercise of a session (the week planner's rows): {"session_exercise_id": id}.
SESSION_EXERCISE_MIME = "application/x-overload-session-exercise"


def exercise_mime(exercise_ids: list[int]) -> QMimeData:
    """MIME data carrying exercise ids, as a JSON list under EXERCISE_MIME (nothing else: a drop
    elsewhere than Overload has no use for them)."""
    mime = QMimeData()
    mime.setData(EXERCISE_MIME, json.dumps([int(i) for i in exercise_ids]).encode())
    return mime


def exercise_ids_from_mime(mime: QMimeData) -> list[int]:
    """The exercise ids a drop carries; [] for anything else or malformed data."""
    if not mime.hasFormat(EXERCISE_MIME):
        return []
    try:
        ids = json.loads(bytes(mime.data(EXERCISE_MIME)).decode())
    except (ValueError, UnicodeDecodeError):
        return []
    if not isinstance(ids, list):
        return []
    return [i for i in ids if isinstance(i, int) and not isinstance(i, bool)]
