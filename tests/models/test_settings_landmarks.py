"""Settings and the user's landmarks: stored, validated, reset; one transaction per change."""

import subprocess
import sys

import pytest

from models.landmarks import LandmarksError, load_landmarks, reset_landmarks, save_landmarks
from models.rules.domain import DEFAULT_LANDMARKS, Landmarks
from models.settings import Settings, load_settings, save_settings, update_settings


def test_defaults_then_saved_values(db):
    assert load_settings() == Settings("kg", "mon", "fractional")
    update_settings(units="lb", secondary_rule="direct")
    assert load_settings() == Settings("lb", "mon", "direct")


def test_a_bad_setting_is_refused_and_nothing_is_written(db):
    with pytest.raises(ValueError, match="week_start"):
        save_settings(Settings("lb", "fri", "direct"))
    assert load_settings() == Settings()


def test_landmarks_are_editable_and_resettable(db):
    save_landmarks({"back": Landmarks(6, 9, 12, 20, 24, 2, 3)})
    assert load_landmarks()["back"] == Landmarks(6, 9, 12, 20, 24, 2, 3)
    reset_landmarks(["back"])
    assert load_landmarks() == DEFAULT_LANDMARKS


def test_invalid_landmarks_are_refused_whole(db):
    changes = {"chest": Landmarks(6, 9, 12, 20, 24), "back": Landmarks(8, 15, 14, 22, 25)}
    with pytest.raises(LandmarksError, match=r"Back: MEV \(15\) must not be above MAV low"):
        save_landmarks(changes)
    assert load_landmarks() == DEFAULT_LANDMARKS  # chest was not written either


def test_importing_models_leaves_qt_out():
    code = ("import sys, models, models.storage.db, models.storage.schema, models.library, "
            "models.volume, "
            "models.landmarks, models.settings, models.storage.migrations, models.rules.domain; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'ui')]; "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=__file__.rsplit("/tests/", 1)[0])
    assert result.returncode == 0, result.stdout + result.stderr
