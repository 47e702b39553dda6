"""What the calendar writes about a session and its exercises: plain functions over the plain
data models/sessions.py returns, shared by the month's chips and the week planner."""

from __future__ import annotations

from html import escape

from models.rules.domain import group_label
from models.sessions import PlannedExercise, SessionSummary, SpacingConflict

STATUS_GLYPHS = {"planned": "○", "done": "✓", "skipped": "⊘"}


def session_title(summary: SessionSummary, conflicts: list[SpacingConflict]) -> str:
    """'○ Upper A ⚠': status, name, and a warning when a group comes back within 48 hours."""
    warning = " ⚠" if conflicts else ""
    return f"{STATUS_GLYPHS[summary.status]} {summary.name or 'Session'}{warning}"


def session_facts(summary: SessionSummary) -> str:
    """'Deload · planned · 52 min': the week's kind when it is not a regular one, the status,
    and the estimated length of the target sets (DOMAIN §10)."""
    parts = ["Deload"] if summary.kind == "deload" else []
    parts.append(summary.status if parts else summary.status.capitalize())
    if summary.minutes:
        parts.append(minutes_text(summary.minutes))
    elif not summary.exercise_count:
        parts.append("no exercises")
    return " · ".join(parts)


def minutes_text(minutes: int) -> str:
    """'52 min', '4 h 37 min'."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def session_tooltip(summary: SessionSummary, conflicts: list[SpacingConflict]) -> str:
    s = summary
    length = f", about {s.minutes} min" if s.minutes else ""
    lines = [f"<b>{escape(s.name or 'Session')}</b> — {s.status}"
             + (" (deload week)" if s.kind == "deload" else ""),
             f"{s.exercise_count} exercises{length}, {s.sets_done} sets logged",
             "Muscles: " + (", ".join(group_label(g) for g in s.groups) or "none yet")]
    for conflict in conflicts:
        when = "the same day" if conflict.days_apart == 0 else \
            f"{conflict.other_date:%a %d %b}"
        lines.append(f"⚠ {group_label(conflict.group)} is also trained {when}: less than "
                     "48 hours apart")
    lines.append("<i>Double-click to open · drag to move · Ctrl-drag to copy</i>")
    return "<br>".join(lines)


def rep_range_text(low: int, high: int) -> str:
    return f"{low}" if low == high else f"{low}–{high}"


def prescription(exercise: PlannedExercise, logged: bool) -> str:
    """'3 × 8–12 @ RIR 2' — target sets × rep range @ the week's RIR; once the session is
    logged (done, or sets in it), the working sets done against the target: '2/3 sets'."""
    if logged:
        return f"{exercise.sets_done}/{exercise.target_sets} sets"
    text = f"{exercise.target_sets} × {rep_range_text(exercise.rep_low, exercise.rep_high)}"
    if exercise.target_rir is not None:
        text += f" @ RIR {exercise.target_rir:g}"
    return text


def compact_prescription(exercise: PlannedExercise, logged: bool) -> str:
    """'3×8–12 RIR 2': the prescription for a narrow column, where the full one would be cut."""
    text = prescription(exercise, logged)
    return text if logged else text.replace(" × ", "×").replace(" @ ", " ")


def exercise_tooltip(exercise: PlannedExercise, logged: bool) -> str:
    """The full name and every target, which the row may have had to cut."""
    e = exercise
    head = f"<b>{escape(e.name)}</b>" + (f" — {group_label(e.primary)}" if e.primary else "")
    target = prescription(e, logged=False)
    minutes, seconds = divmod(e.rest_seconds, 60)
    details = [target, f"rest {minutes}:{seconds:02d}"]
    if e.tempo:
        details.insert(1, f"tempo {escape(e.tempo)}")
    lines = [head, " · ".join(details)]
    if logged:
        lines.append(f"{e.sets_done} of {e.target_sets} working sets logged")
    if e.recovery:
        lines.append("Recovery session: half the sets and reps")
    if e.notes:
        lines.append(escape(e.notes))
    lines.append("<i>Drag to reorder or move to another session · double-click to open "
                 "the session</i>")
    return "<br>".join(lines)
