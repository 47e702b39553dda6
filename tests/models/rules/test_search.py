"""The one search rule: every word, in the name or an alias, any case, any order."""

import pytest

from models.io.library_file import read_shipped_library
from models.rules.search import matches, search_text

LIBRARY = {e.name: e for e in read_shipped_library().exercises}


@pytest.mark.parametrize("query, name, found", [
    ("rdl", "Romanian Deadlift", True),          # by its alias
    ("row arm single", "Single Arm Cable Row", True),  # any order
    ("BENCH", "Barbell Bench Press", True),      # any case
    ("", "Barbell Bench Press", True),           # nothing typed: everything
    ("bench squat", "Barbell Bench Press", False),
])
def test_matches(query, name, found):
    assert matches(query, search_text(LIBRARY[name])) is found
