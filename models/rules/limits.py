"""Every range, cap and list of choices the app stores — declared once, read everywhere: the
validators in models/, the parsers, the command line and the input widgets.

The database's CHECK constraints are frozen SQL in models/storage/migrations.py (a step keeps
meaning what it meant when it shipped); tests/models/storage/test_limits.py reads the schema of
a new database and checks each limit here against its CHECK, so the two cannot drift apart.
"""

from __future__ import annotations

from datetime import date

# (low, high), both allowed.
Range = tuple[int, int]

# Names: an exercise's, an alias's, a session's, a mesocycle's.
MAX_NAME_LENGTH = 120

# A logged set. A load is 0–LOAD_KG kg, or down to −ASSISTANCE_KG for an assisted exercise (a
# negative load is the help a machine or band gives: models.rules.domain.is_assisted);
# STORED_LOAD_KG is what the database takes. A timed set (a plank) holds SET_SECONDS and 0 reps.
LOAD_KG: Range = (0, 1000)
ASSISTANCE_KG: Range = (0, 300)
STORED_LOAD_KG: Range = (-ASSISTANCE_KG[1], LOAD_KG[1])
REPS: Range = (0, 100)
SET_SECONDS: Range = (1, 3600)
RIR: Range = (0, 10)
RPE: Range = (1, 10)

# A session exercise's targets, and an exercise's defaults.
TARGET_SETS: Range = (0, 20)
REP_RANGE: Range = (1, 100)
REST_SECONDS: Range = (0, 1800)
LOAD_STEP_KG: Range = (0, 50)
LOAD_STEP_LB: Range = (0, 100)

# Volume landmarks (sets a week) and training frequency (sessions a week) of a muscle group.
LANDMARK_SETS: Range = (0, 60)
FREQUENCY: Range = (1, 7)

# A feedback rating (soreness, pump, performance; DOMAIN §5).
RATING: Range = (0, 3)

# The dates a training log can hold, everywhere a date comes in (options, imports, restores, the
# wizard, the calendar). Outside them date arithmetic overflows (year 9999 + 13 weeks) and Qt's
# calendar cannot draw; no lifter's history or plan is outside them.
FIRST_YEAR, LAST_YEAR = 1900, 2199
FIRST_DATE, LAST_DATE = date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)
DATE_RANGE_TEXT = f"{FIRST_YEAR}–{LAST_YEAR}"

# Lists of choices the command line offers as they are (its parser imports only this module).
LEVELS: tuple[str, ...] = ("beginner", "intermediate", "advanced")
SPLITS: tuple[str, ...] = ("auto", "full_body", "upper_lower", "push_pull_legs")
PRIORITIES: tuple[str, ...] = ("grow", "maintain", "skip")
IMPORT_FORMATS: tuple[str, ...] = ("strong", "hevy", "fitnotes")
EXPORT_FORMATS: tuple[str, ...] = ("csv", "json")

# The user's settings: each one's choices, the first being the default.
SETTING_CHOICES: dict[str, tuple[str, ...]] = {
    "units": ("kg", "lb"),
    "week_start": ("mon", "sun"),
    "secondary_rule": ("fractional", "direct"),
}
# The version of the shipped exercise library a database has seen (models/library.py).
LIBRARY_VERSION_KEY = "library_version"


def in_range(value: float, limits: Range) -> bool:
    return limits[0] <= value <= limits[1]


def in_date_range(day: date) -> bool:
    return FIRST_DATE <= day <= LAST_DATE


def setting_problem(key: object, value: object) -> str | None:
    """What is wrong with a stored setting (for a restore to refuse it), or None. Keys this
    version does not know are kept as they are."""
    if not isinstance(key, str) or not isinstance(value, str):
        return "keys and values are text"
    if key in SETTING_CHOICES and value not in SETTING_CHOICES[key]:
        return f"{value!r} is not one of {', '.join(SETTING_CHOICES[key])}"
    if key == LIBRARY_VERSION_KEY and stored_version(value) is None:
        return f"{value!r} is not a version number"
    return None


def stored_version(value: str | None) -> int | None:
    """A stored version number (digits only), or None when it is not one."""
    if value is None or not value.isascii() or not value.isdigit() or len(value) > 9:
        return None
    return int(value)
