"""Pure rules of DOMAIN §2 and §8: statuses, landmarks validation, 1RM, units, tempo."""

import pytest

from models.rules.domain import (
    DEFAULT_LANDMARKS,
    MUSCLE_GROUPS,
    Landmarks,
    Status,
    estimated_1rm,
    format_load,
    is_within_landmarks,
    kg_to_unit,
    parse_tempo,
    unit_to_kg,
    volume_status,
)

BACK = DEFAULT_LANDMARKS["back"]  # MV 8, MEV 10, MAV 14–22, MRV 25


@pytest.mark.parametrize("sets, status", [
    (0, Status.NOT_MAINTAINING), (7.5, Status.NOT_MAINTAINING), (8, Status.MAINTENANCE),
    (9.5, Status.MAINTENANCE), (10, Status.PRODUCTIVE), (13.5, Status.PRODUCTIVE),
    (14, Status.OPTIMAL), (22, Status.OPTIMAL), (22.5, Status.HIGH), (25, Status.HIGH),
    (25.5, Status.OVER_MRV), (40, Status.OVER_MRV),
])
def test_back_status_boundaries(sets, status):
    assert volume_status(sets, BACK) is status


def test_zero_sets_of_a_group_with_zero_mev_is_maintenance_not_productive():
    glutes = DEFAULT_LANDMARKS["glutes"]  # MV 0, MEV 0, MAV 4–12
    assert volume_status(0, glutes) is Status.MAINTENANCE
    assert volume_status(2, glutes) is Status.PRODUCTIVE
    assert volume_status(4, glutes) is Status.OPTIMAL


def test_within_landmarks_is_mev_to_mrv():
    assert not is_within_landmarks(9, BACK)
    assert is_within_landmarks(10, BACK)
    assert is_within_landmarks(25, BACK)
    assert not is_within_landmarks(26, BACK)


def test_defaults_cover_all_fourteen_groups_and_are_ordered():
    assert len(MUSCLE_GROUPS) == 14
    assert set(DEFAULT_LANDMARKS) == set(MUSCLE_GROUPS)
    assert all(not lm.problems() for lm in DEFAULT_LANDMARKS.values())
    assert DEFAULT_LANDMARKS["back"] == Landmarks(8, 10, 14, 22, 25, 2, 4)


def test_landmark_problems_name_the_broken_pair():
    problems = Landmarks(8, 15, 14, 22, 25).problems()
    assert problems == ["MEV (15) must not be above MAV low (14)"]
    assert "MRV must be between 0 and 60 sets (is 61)" in Landmarks(8, 10, 14, 22, 61).problems()
    assert any("frequency" in p for p in Landmarks(8, 10, 14, 22, 25, 5, 3).problems())


def test_epley_estimated_1rm():
    assert estimated_1rm(100, 10) == pytest.approx(133.333, abs=1e-3)
    assert estimated_1rm(100, 1) == 100
    assert estimated_1rm(100, 0) == 0
    assert estimated_1rm(0, 10) == 0


def test_units_round_trip_and_format():
    assert unit_to_kg(100, "lb") == pytest.approx(45.359237)
    assert kg_to_unit(unit_to_kg(225, "lb"), "lb") == pytest.approx(225)
    assert format_load(100, "kg") == "100 kg"
    assert format_load(unit_to_kg(135, "lb"), "lb") == "135 lb"
    assert format_load(62.5, "kg") == "62.5 kg"


@pytest.mark.parametrize("text, expected", [
    ("3-1-1-0", (3, 1, 1, 0)), (" 2-0-X-0 ", (2, 0, 0, 0)), ("3-1-1", None), ("a-b-c-d", None),
    ("3-1-1-0-1", None), ("-1-1-1-1", None), ("30-0-1-0", None),
])
def test_parse_tempo(text, expected):
    assert parse_tempo(text) == expected
