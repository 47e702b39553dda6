"""The training vocabulary in the user's language: muscle groups, volume statuses, equipment,
movement patterns and the feedback scales, by the keys models/ uses.

models/ names these in English (models/rules/domain.py's group_label, Status, the feedback
labels of models/rules/autoregulation.py) for the command line and its own messages; on screen
every one goes through here, so a translation covers them. The English texts below are the
models' own, word for word (tests/ui/test_domain_text.py holds them to it).
"""

from __future__ import annotations

from models.rules.domain import Status, group_label
from ui.locale_text import QT_TRANSLATE_NOOP, translate

GROUP_NAMES = {
    "back": QT_TRANSLATE_NOOP("Domain", "Back"),
    "chest": QT_TRANSLATE_NOOP("Domain", "Chest"),
    "quads": QT_TRANSLATE_NOOP("Domain", "Quads"),
    "hamstrings": QT_TRANSLATE_NOOP("Domain", "Hamstrings"),
    "glutes": QT_TRANSLATE_NOOP("Domain", "Glutes"),
    "biceps": QT_TRANSLATE_NOOP("Domain", "Biceps"),
    "triceps": QT_TRANSLATE_NOOP("Domain", "Triceps"),
    "side_delts": QT_TRANSLATE_NOOP("Domain", "Side delts"),
    "rear_delts": QT_TRANSLATE_NOOP("Domain", "Rear delts"),
    "front_delts": QT_TRANSLATE_NOOP("Domain", "Front delts"),
    "calves": QT_TRANSLATE_NOOP("Domain", "Calves"),
    "abs": QT_TRANSLATE_NOOP("Domain", "Abs"),
    "traps": QT_TRANSLATE_NOOP("Domain", "Traps"),
    "forearms": QT_TRANSLATE_NOOP("Domain", "Forearms"),
}

STATUS_NAMES = {
    Status.NOT_MAINTAINING: QT_TRANSLATE_NOOP("Domain", "not maintaining"),
    Status.MAINTENANCE: QT_TRANSLATE_NOOP("Domain", "maintenance"),
    Status.PRODUCTIVE: QT_TRANSLATE_NOOP("Domain", "productive"),
    Status.OPTIMAL: QT_TRANSLATE_NOOP("Domain", "optimal"),
    Status.HIGH: QT_TRANSLATE_NOOP("Domain", "high"),
    Status.OVER_MRV: QT_TRANSLATE_NOOP("Domain", "over MRV"),
}

EQUIPMENT_NAMES = {
    "barbell": QT_TRANSLATE_NOOP("Domain", "Barbell"),
    "dumbbell": QT_TRANSLATE_NOOP("Domain", "Dumbbell"),
    "cable": QT_TRANSLATE_NOOP("Domain", "Cable"),
    "machine": QT_TRANSLATE_NOOP("Domain", "Machine"),
    "bodyweight": QT_TRANSLATE_NOOP("Domain", "Bodyweight"),
    "smith_machine": QT_TRANSLATE_NOOP("Domain", "Smith machine"),
    "ez_bar": QT_TRANSLATE_NOOP("Domain", "Ez bar"),
    "kettlebell": QT_TRANSLATE_NOOP("Domain", "Kettlebell"),
    "band": QT_TRANSLATE_NOOP("Domain", "Band"),
    "trap_bar": QT_TRANSLATE_NOOP("Domain", "Trap bar"),
}

PATTERN_NAMES = {
    "horizontal_pull": QT_TRANSLATE_NOOP("Domain", "Horizontal pull"),
    "vertical_pull": QT_TRANSLATE_NOOP("Domain", "Vertical pull"),
    "horizontal_push": QT_TRANSLATE_NOOP("Domain", "Horizontal push"),
    "vertical_push": QT_TRANSLATE_NOOP("Domain", "Vertical push"),
    "squat": QT_TRANSLATE_NOOP("Domain", "Squat"),
    "hinge": QT_TRANSLATE_NOOP("Domain", "Hinge"),
    "lunge": QT_TRANSLATE_NOOP("Domain", "Lunge"),
    "knee_flexion": QT_TRANSLATE_NOOP("Domain", "Knee flexion"),
    "knee_extension": QT_TRANSLATE_NOOP("Domain", "Knee extension"),
    "hip_extension": QT_TRANSLATE_NOOP("Domain", "Hip extension"),
    "hip_abduction": QT_TRANSLATE_NOOP("Domain", "Hip abduction"),
    "elbow_flexion": QT_TRANSLATE_NOOP("Domain", "Elbow flexion"),
    "elbow_extension": QT_TRANSLATE_NOOP("Domain", "Elbow extension"),
    "lateral_raise": QT_TRANSLATE_NOOP("Domain", "Lateral raise"),
    "front_raise": QT_TRANSLATE_NOOP("Domain", "Front raise"),
    "rear_delt_fly": QT_TRANSLATE_NOOP("Domain", "Rear delt fly"),
    "chest_fly": QT_TRANSLATE_NOOP("Domain", "Chest fly"),
    "shrug": QT_TRANSLATE_NOOP("Domain", "Shrug"),
    "calf_raise": QT_TRANSLATE_NOOP("Domain", "Calf raise"),
    "core_flexion": QT_TRANSLATE_NOOP("Domain", "Core flexion"),
    "core_stability": QT_TRANSLATE_NOOP("Domain", "Core stability"),
    "core_rotation": QT_TRANSLATE_NOOP("Domain", "Core rotation"),
    "wrist_flexion": QT_TRANSLATE_NOOP("Domain", "Wrist flexion"),
    "wrist_extension": QT_TRANSLATE_NOOP("Domain", "Wrist extension"),
    "grip": QT_TRANSLATE_NOOP("Domain", "Grip"),
}

# The feedback scales (DOMAIN §5), 0 … 3.
SORENESS_NAMES = {
    0: QT_TRANSLATE_NOOP("Feedback", "never sore / healed early"),
    1: QT_TRANSLATE_NOOP("Feedback", "healed just in time"),
    2: QT_TRANSLATE_NOOP("Feedback", "still a bit sore"),
    3: QT_TRANSLATE_NOOP("Feedback", "still sore"),
}
PUMP_NAMES = {
    0: QT_TRANSLATE_NOOP("Feedback", "no pump"),
    1: QT_TRANSLATE_NOOP("Feedback", "mild"),
    2: QT_TRANSLATE_NOOP("Feedback", "good"),
    3: QT_TRANSLATE_NOOP("Feedback", "huge"),
}
PERFORMANCE_NAMES = {
    0: QT_TRANSLATE_NOOP("Feedback", "beat it"),
    1: QT_TRANSLATE_NOOP("Feedback", "matched it"),
    2: QT_TRANSLATE_NOOP("Feedback", "barely matched"),
    3: QT_TRANSLATE_NOOP("Feedback", "could not match"),
}


def group_name(key: str) -> str:
    """'side_delts' -> 'Side delts' (in the user's language)."""
    return translate("Domain", GROUP_NAMES[key]) if key in GROUP_NAMES else group_label(key)


def status_name(status: Status) -> str:
    """'productive', 'over MRV'… as a gauge's or a chart's legend says it."""
    return translate("Domain", STATUS_NAMES[status])


def equipment_name(key: str) -> str:
    """'smith_machine' -> 'Smith machine'; '—' for none."""
    return _name(EQUIPMENT_NAMES, key)


def pattern_name(key: str) -> str:
    """'horizontal_pull' -> 'Horizontal pull'; '—' for none."""
    return _name(PATTERN_NAMES, key)


def _name(names: dict[str, str], key: str) -> str:
    if key in names:
        return translate("Domain", names[key])
    return group_label(key) if key else "—"  # a key this version does not know: readable


def feedback_name(scale: dict[int, str], value: int) -> str:
    """One step of a feedback scale: feedback_name(PUMP_NAMES, 2) -> 'good'."""
    return translate("Feedback", scale[value])


SESSION_STATUS_NAMES = {
    "planned": QT_TRANSLATE_NOOP("Domain", "planned"),
    "done": QT_TRANSLATE_NOOP("Domain", "done"),
    "skipped": QT_TRANSLATE_NOOP("Domain", "skipped"),
}


def session_status_name(status: str) -> str:
    """'planned', 'done', 'skipped' — a session's status, in lower case."""
    return translate("Domain", SESSION_STATUS_NAMES[status]) if status in SESSION_STATUS_NAMES \
        else status
