"""User settings stored in the database: units, week start, secondary-set counting rule."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from models.rules.limits import SETTING_CHOICES
from models.storage.db import database
from models.storage.schema import Setting


@dataclass(frozen=True)
class Settings:
    units: str = "kg"
    week_start: str = "mon"
    secondary_rule: str = "fractional"


def load_settings() -> Settings:
    stored = {row.key: row.value for row in Setting.select()}
    values = {f.name: stored[f.name] for f in fields(Settings)
              if stored.get(f.name) in SETTING_CHOICES[f.name]}
    return Settings(**values)


def save_settings(settings: Settings) -> None:
    """Store every setting at once; raises ValueError naming a value that is not allowed."""
    for f in fields(Settings):
        value = getattr(settings, f.name)
        if value not in SETTING_CHOICES[f.name]:
            raise ValueError(f"setting {f.name}: {value!r} is not one of {SETTING_CHOICES[f.name]}")
    with database.atomic():
        for f in fields(Settings):
            Setting.replace(key=f.name, value=getattr(settings, f.name)).execute()


def update_settings(**changes: str) -> Settings:
    settings = replace(load_settings(), **changes)
    save_settings(settings)
    return settings


def get_value(key: str, default: str | None = None) -> str | None:
    row = Setting.get_or_none(Setting.key == key)
    return row.value if row else default


def set_value(key: str, value: str) -> None:
    Setting.replace(key=key, value=value).execute()
