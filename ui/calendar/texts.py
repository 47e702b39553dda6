"""What the calendar writes about a session and its exercises: plain functions over the plain
data models/sessions.py returns, shared by the month's chips and the week planner."""

from __future__ import annotations

from datetime import date
from html import escape

from models.sessions import PlannedExercise, SessionSummary, SpacingConflict
from ui.domain_text import group_name, session_status_name
from ui.locale_text import (
    day_month_year,
    number,
    padded_day_month,
    translate,
    weekday_day_month,
)

STATUS_GLYPHS = {"planned": "○", "done": "✓", "skipped": "⊘"}


def session_title(summary: SessionSummary, conflicts: list[SpacingConflict]) -> str:
    """'○ Upper A ⚠': status, name, and a warning when a group comes back within 48 hours."""
    warning = " ⚠" if conflicts else ""
    return f"{STATUS_GLYPHS[summary.status]} {session_name(summary.name)}{warning}"


def session_name(name: str | None) -> str:
    """The session's name, or 'Session' for one without."""
    return name or translate("CalendarTexts", "Session")


def session_facts(summary: SessionSummary) -> str:
    """'Deload · planned · 52 min': the week's kind when it is not a regular one, the status,
    and the estimated length of the target sets (DOMAIN §10)."""
    parts = [translate("CalendarTexts", "Deload")] if summary.kind == "deload" else []
    status = session_status_name(summary.status)
    parts.append(status if parts else status.capitalize())
    if summary.minutes:
        parts.append(minutes_text(summary.minutes))
    elif not summary.exercise_count:
        parts.append(translate("CalendarTexts", "no exercises"))
    return " · ".join(parts)


def minutes_text(minutes: int) -> str:
    """'52 min', '4 h 37 min'."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return translate("CalendarTexts", "{minutes} min").format(minutes=rest)
    if not rest:
        return translate("CalendarTexts", "{hours} h").format(hours=hours)
    return translate("CalendarTexts", "{hours} h {minutes} min").format(hours=hours, minutes=rest)


def session_tooltip(summary: SessionSummary, conflicts: list[SpacingConflict]) -> str:
    s = summary
    head = f"<b>{escape(session_name(s.name))}</b> — {session_status_name(s.status)}"
    if s.kind == "deload":
        head += translate("CalendarTexts", " (deload week)")
    if s.minutes:
        counts = translate("CalendarTexts", "{exercises} exercises, about {minutes} min, "
                                            "{sets} sets logged")
    else:
        counts = translate("CalendarTexts", "{exercises} exercises, {sets} sets logged")
    groups = ", ".join(group_name(g) for g in s.groups) or translate("CalendarTexts",
                                                                     "none yet")
    lines = [head,
             counts.format(exercises=s.exercise_count, minutes=s.minutes, sets=s.sets_done),
             translate("CalendarTexts", "Muscles: {groups}").format(groups=groups)]
    for conflict in conflicts:
        if conflict.days_apart == 0:
            warning = translate("CalendarTexts", "⚠ {group} is also trained the same day: "
                                                 "less than 48 hours apart")
        else:
            warning = translate("CalendarTexts", "⚠ {group} is also trained {day}: less than "
                                                 "48 hours apart")
        lines.append(warning.format(group=group_name(conflict.group),
                                    day=weekday_day_month(conflict.other_date)))
    lines.append(translate("CalendarTexts",
                           "<i>Double-click to open · drag to move · Ctrl-drag to copy</i>"))
    return "<br>".join(lines)


def rep_range_text(low: int, high: int) -> str:
    return f"{low}" if low == high else f"{low}–{high}"


def prescription(exercise: PlannedExercise, logged: bool) -> str:
    """'3 × 8–12 @ RIR 2' — target sets × rep range @ the week's RIR; once the session is
    logged (done, or sets in it), the working sets done against the target: '2/3 sets'."""
    if logged:
        return translate("CalendarTexts", "{done}/{target} sets").format(
            done=exercise.sets_done, target=exercise.target_sets)
    text = f"{exercise.target_sets} × {rep_range_text(exercise.rep_low, exercise.rep_high)}"
    if exercise.target_rir is not None:
        text += translate("CalendarTexts", " @ RIR {rir}").format(
            rir=number(exercise.target_rir))
    return text


def compact_prescription(exercise: PlannedExercise, logged: bool) -> str:
    """'3×8–12 RIR 2': the prescription for a narrow column, where the full one would be cut."""
    text = prescription(exercise, logged)
    return text if logged else text.replace(" × ", "×").replace(" @ ", " ")


def exercise_tooltip(exercise: PlannedExercise, logged: bool) -> str:
    """The full name and every target, which the row may have had to cut."""
    e = exercise
    head = f"<b>{escape(e.name)}</b>" + (f" — {group_name(e.primary)}" if e.primary else "")
    target = prescription(e, logged=False)
    minutes, seconds = divmod(e.rest_seconds, 60)
    details = [target, translate("CalendarTexts", "rest {minutes}:{seconds}").format(
        minutes=minutes, seconds=f"{seconds:02d}")]
    if e.tempo:
        details.insert(1, translate("CalendarTexts", "tempo {tempo}").format(
            tempo=escape(e.tempo)))
    lines = [head, " · ".join(details)]
    if logged:
        lines.append(translate("CalendarTexts", "{done} of {target} working sets logged").format(
            done=e.sets_done, target=e.target_sets))
    if e.recovery:
        lines.append(translate("CalendarTexts", "Recovery session: half the sets and reps"))
    if e.notes:
        lines.append(escape(e.notes))
    lines.append(translate("CalendarTexts", "<i>Drag to reorder or move to another session · "
                                            "double-click to open the session</i>"))
    return "<br>".join(lines)



def week_title(week: str, first: date, last: date) -> str:
    """'Week 49 · 02 Dec – 08 Dec 2024': the week's number (or ISO label) and its days."""
    return translate("CalendarTexts", "Week {week} · {first} – {last}").format(
        week=week, first=padded_day_month(first), last=day_month_year(last))
