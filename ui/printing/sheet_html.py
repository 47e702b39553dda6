"""What one session's block on a sheet says, as the HTML a QTextDocument lays out: the date,
name and length; per exercise its targets, last time, the progression's target, plates per
side and the warm-up ramp, then empty cells to write each set's load, reps and RIR; at the end
the feedback boxes (DOMAIN §5) to circle.

The texts are the session editor's (ui/session/session_models.py) and the feedback dialog's,
so paper and screen say the same thing. Black on white: the ink colours are named below, and
nothing depends on colour to be read.
"""

from __future__ import annotations

from html import escape

from models.rules.autoregulation import PlateResult
from models.rules.warmup import WarmupSet
from models.sheets import SessionSheet, SheetExercise
from ui.calendar.texts import minutes_text, session_name
from ui.domain_text import feedback_name, group_name
from ui.locale_text import QT_TRANSLATE_NOOP, sheet_date, translate
from ui.session.coaching import format_weight
from ui.session.feedback_dialog import RATINGS
from ui.session.rest_timer import format_rest
from ui.session.session_models import (
    capitalised,
    last_time_text,
    next_target_text,
    target_text,
)
from ui.theme import PAPER_CAPTION_INK, PAPER_INK, PAPER_NO_SET_FILL

INK, CAPTION_INK, NO_SET_FILL = PAPER_INK, PAPER_CAPTION_INK, PAPER_NO_SET_FILL
SETS_PER_LINE = 6  # write-in cells for more sets wrap to a second line
RATING_CHOICES = "0 &nbsp; 1 &nbsp; 2 &nbsp; 3"
JOINT_PAIN_CHOICES = QT_TRANSLATE_NOOP("SessionSheet", "no &nbsp; yes")

STYLE = f"""
body {{ color: {INK}; font-size: 9pt; }}
table.sheet {{ border-collapse: collapse; }}
table.sheet td {{ border: 1px solid {INK}; }}
td.info {{ padding: 3px 4px; }}
td.cell {{ padding: 1px 3px; }}
td.none {{ background-color: {NO_SET_FILL}; }}
.caption {{ font-size: 6.5pt; color: {CAPTION_INK}; }}
.write {{ font-size: 13pt; }}
.title {{ font-size: 12pt; font-weight: bold; }}
.facts {{ font-size: 8.5pt; }}
.legend {{ font-size: 7pt; }}
p.after {{ font-size: 8.5pt; }}
th {{ font-weight: bold; text-align: left; padding: 2px 4px; }}
"""


def sheet_html(sheet: SessionSheet, units: str) -> str:
    """The whole block of one session."""
    parts = [f"<html><head><style>{STYLE}</style></head><body>", _heading(sheet)]
    if sheet.exercises:
        parts.append(_exercise_table(sheet, units))
    else:
        parts.append("<p>" + escape(translate("SessionSheet", "No exercises planned in this "
                                                              "session yet.")) + "</p>")
    if sheet.groups:
        parts.append(_feedback_table(sheet.groups))
    parts.append("</body></html>")
    return "".join(parts)


def session_heading_text(sheet: SessionSheet) -> str:
    """'Mon 2 Nov 2026 — Upper A'."""
    detail = sheet.detail
    return f"{sheet_date(detail.date)} — {session_name(detail.name)}"


def session_facts_text(sheet: SessionSheet) -> str:
    """'about 62 min · week 2 · 6 exercises, 20 sets' (and the deload week when it is one)."""
    detail = sheet.detail
    facts = [translate("SessionSheet", "about {time}").format(time=minutes_text(sheet.minutes))
             ] if sheet.minutes else []
    if detail.week_number:
        facts.append(translate("SessionSheet", "week {week}").format(week=detail.week_number))
    if detail.kind == "deload":
        facts.append(translate("SessionSheet", "deload week"))
    count = len(sheet.exercises)
    sets = sum(e.info.target_sets for e in sheet.exercises)
    exercises = translate("SessionSheet", "1 exercise") if count == 1 else \
        translate("SessionSheet", "{count} exercises").format(count=count)
    set_count = translate("SessionSheet", "1 set") if sets == 1 else \
        translate("SessionSheet", "{count} sets").format(count=sets)
    facts.append(f"{exercises}, {set_count}")
    return " · ".join(facts)


def _heading(sheet: SessionSheet) -> str:
    notes = sheet.detail.notes.strip()
    note = f"<br><i>{escape(notes)}</i>" if notes else ""
    return (f"<p><span class='title'>{escape(session_heading_text(sheet))}</span><br>"
            f"<span class='facts'>{escape(session_facts_text(sheet))}</span>{note}</p>")


# --- exercises ------------------------------------------------------------------------------

def _exercise_table(sheet: SessionSheet, units: str) -> str:
    columns = max(1, min(SETS_PER_LINE, max(e.info.target_sets for e in sheet.exercises)))
    rows = []
    for number, exercise in enumerate(sheet.exercises, start=1):
        rows.append(f"<tr><td class='info' colspan='{3 * columns}'>"
                    f"{'<br>'.join(exercise_lines(number, exercise, units))}</td></tr>")
        rows.extend(_write_in_rows(exercise.info.target_sets, columns, units))
    # The space before the feedback boxes is the table's margin: Qt's HTML reader drops the
    # top margin of a paragraph that follows a table.
    return (f"<table class='sheet' width='100%' cellspacing='0' cellpadding='0' "
            f"style='margin-bottom: 8px'>{''.join(rows)}</table>")


def exercise_lines(number: int, exercise: SheetExercise, units: str) -> list[str]:
    """The lines (HTML) above an exercise's write-in cells."""
    info = exercise.info
    rest = translate("SessionSheet", "rest {time}").format(time=format_rest(info.rest_seconds))
    lines = [f"<b>{number}. {escape(info.exercise.name)}</b> &nbsp; "
             f"{escape(target_text(info))} · {escape(rest)}"]
    progression = f"{next_target_text(info.target, units, info.rep_high)}"
    if exercise.plates is not None:
        progression += f" · {plates_text(exercise.plates, units)}"
    lines.append(f"{escape(capitalised(last_time_text(info, units)))} &nbsp; "
                 f"<b>{escape(progression)}</b>")
    if exercise.warmup:
        lines.append(escape(warmup_text(exercise.warmup, units)))
    if info.notes.strip():
        lines.append(f"<i>{escape(info.notes.strip())}</i>")
    return lines


def plates_text(result: PlateResult, units: str) -> str:
    """'plates per side: 25 + 5 + 1.25'; 'empty bar'; the closest load when the plates fall
    short."""
    plates = " + ".join(format_weight(p) for p in result.per_side)
    text = translate("SessionSheet", "plates per side: {plates}").format(plates=plates) \
        if plates else translate("SessionSheet", "empty bar")
    if result.remainder > 0:
        text += translate("SessionSheet", " (makes {load} {unit}: your plates are {short} "
                                          "{unit} short)").format(
            load=format_weight(result.achieved_load), short=format_weight(result.remainder),
            unit=units)
    return text


def warmup_text(ramp: tuple[WarmupSet, ...], units: str) -> str:
    """'Warm-up (plates per side): bar × 10 · 40 kg × 5 (10) · 60 kg × 3 (20)'; percentages of
    the working load while it is not known."""
    bar = translate("SessionSheet", "bar")
    if ramp[0].load is None:
        steps = [bar if s.empty_bar else f"{round((s.fraction or 0) * 100)} %" for s in ramp]
        return translate("SessionSheet", "Warm-up: {steps} of your first working set's load"
                         ).format(steps=" · ".join(f"{step} × {s.reps}" for step, s in zip(
                             steps, ramp, strict=True)))
    with_plates = any(s.per_side for s in ramp)
    steps = []
    for s in ramp:
        if s.empty_bar:
            steps.append(f"{bar} × {s.reps}")
            continue
        plates = f" ({' + '.join(format_weight(p) for p in s.per_side)})" if s.per_side else ""
        steps.append(f"{format_weight(s.load or 0)} {units} × {s.reps}{plates}")
    title = translate("SessionSheet", "Warm-up (plates per side)") if with_plates else \
        translate("SessionSheet", "Warm-up")
    return f"{title}: " + " · ".join(steps)


def _write_in_rows(sets: int, columns: int, units: str) -> list[str]:
    """Empty cells for each target set's load, reps and RIR, `columns` sets a line (the load's
    cell the widest: '102.5' takes more room to write than '8')."""
    share = 100 / columns
    widths = (f"{share * 0.44:.2f}%", f"{share * 0.28:.2f}%", f"{share * 0.28:.2f}%")
    rows = []
    for first in range(0, sets, columns):
        cells: list[str] = []
        for number in range(first + 1, min(sets, first + columns) + 1):
            captions = (translate("SessionSheet", "set {number} · {unit}").format(
                number=number, unit=units), translate("SessionSheet", "reps"), "RIR")
            cells.extend(_cell(caption, width) for caption, width in zip(captions, widths,
                                                                         strict=True))
        missing = columns - (min(sets, first + columns) - first)
        if missing:
            cells.append(f"<td class='none' colspan='{3 * missing}'></td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return rows


def _cell(caption: str, width: str) -> str:
    return (f"<td class='cell' width='{width}'><span class='caption'>{caption}</span>"
            f"<span class='write'>&nbsp;</span></td>")


# --- feedback -------------------------------------------------------------------------------

def _feedback_table(groups: tuple[str, ...]) -> str:
    titles = [translate("FeedbackDialog", "Muscle"),
              *(translate("FeedbackDialog", title) for title, _, _ in RATINGS.values()),
              translate("FeedbackDialog", "Joint pain")]
    header = "".join(f"<th>{escape(t)}</th>" for t in titles)
    joint_pain = translate("SessionSheet", JOINT_PAIN_CHOICES)
    rows = [f"<tr><td class='cell'>{escape(group_name(g))}</td>"
            + "".join(f"<td class='cell'>{RATING_CHOICES}</td>" for _ in RATINGS)
            + f"<td class='cell'>{joint_pain}</td></tr>" for g in groups]
    return ("<p class='after'>"
            + translate("SessionSheet", "<b>After the session</b> — circle one per muscle:")
            + "</p><table class='sheet' width='100%' cellspacing='0' cellpadding='0'>"
            f"<tr>{header}</tr>{''.join(rows)}</table>"
            f"<p class='legend'>{escape(feedback_legend())}</p>")


def feedback_legend() -> str:
    """'Soreness before: 0 never sore / healed early, 1 …; Pump: …', the dialog's labels."""
    return "; ".join(translate("FeedbackDialog", title) + ": "
                     + ", ".join(f"{value} {feedback_name(labels, value)}" for value in labels)
                     for title, labels, _ in RATINGS.values()) + "."

