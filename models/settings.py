"""User settings stored in the database: units, week start, secondary-set counting rule."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from models.storage.db import database
from models.storage.schema import Setting

ALLOWED = {
    "units": ("kg", "lb"),
    "week_start": ("mon", "sun"),
    "secondary_rule": ("fractional", "direct"),
}
# The version of the shipped exercise library this database has seen (models/library.py).
LIBRARY_VERSION_KEY = "library_version"


@dataclass(frozen=True)
class Settings:
    units: str = "kg"
    week_start: str = "mon"
    secondary_rule: str = "fractional"


def load_settings() -> Settings:
    stored = {row.key: row.value for row in Setting.select()}
    values = {f.name: stored[f.name] for f in fields(Settings)
              if stored.get(f.name) in ALLOWED[f.name]}
    return Settings(**values)


def save_settings(settings: Settings) -> None:
    """Store every setting at once; raises ValueError naming a value that is not allowed."""
    for f in fields(Settings):
        value = getattr(settings, f.name)
        if value not in ALLOWED[f.name]:
            raise ValueError(f"setting {f.name}: {value!r} is not one of {ALLOWED[f.name]}")
    with database.atomic():
        for f in fields(Settings):
            Setting.replace(key=f.name, value=getattr(settings, f.name)).execute()


def update_settings(**changes: str) -> Settings:
    settings = replace(load_settings(), **changes)
    save_settings(settings)
    return settings


def setting_problem(key: str, value: object) -> str | None:
    """What is wrong with a stored setting (for a restore to refuse it), or None. Keys this
    version does not know are kept as they are."""
    if not isinstance(key, str) or not isinstance(value, str):
        return "keys and values are text"
    if key in ALLOWED and value not in ALLOWED[key]:
        return f"{value!r} is not one of {', '.join(ALLOWED[key])}"
    if key == LIBRARY_VERSION_KEY and stored_version(value) is None:
        return f"{value!r} is not a version number"
    return None


def stored_version(value: str | None) -> int | None:
    """A stored version number (digits only), or None when it is not one."""
    if value is None or not value.isascii() or not value.isdigit() or len(value) > 9:
        return None
    return int(value)


def get_value(key: str, default: str | None = None) -> str | None:
    row = Setting.get_or_none(Setting.key == key)
    return row.value if row else default


def set_value(key: str, value: str) -> None:
    Setting.replace(key=key, value=value).execute()
