"""Shared fixtures: a real SQLite file per test, opened exactly as the app opens it."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from models.opening import open_database  # noqa: E402
from models.storage.db import close_database  # noqa: E402


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "overload.sqlite"


@pytest.fixture(scope="session")
def template_db(tmp_path_factory) -> Path:
    """A new database made once per test session — migrated, library seeded, closed (no WAL
    left) — that `db` copies: a copy takes milliseconds, migrating and seeding ~0.25 s."""
    path = tmp_path_factory.mktemp("template") / "overload.sqlite"
    open_database(path)
    close_database()
    return path


@pytest.fixture
def db(db_path: Path, template_db: Path):
    """A fresh database with the shipped library loaded, bound to models.database: a copy of
    the session's template, opened exactly as the app opens a file."""
    shutil.copyfile(template_db, db_path)
    database = open_database(db_path)
    yield database
    close_database()


@pytest.fixture
def run_cli(capsys):
    """Run main.main(args) in-process; returns (exit code, stdout, stderr). The database the
    command opened is closed afterwards."""
    import main

    def run(*args: str) -> tuple[int, str, str]:
        code = main.main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    yield run
    close_database()



@pytest.fixture
def block(db) -> int:
    """A saved 4-week intermediate block (tests/shared.py: save_block); its mesocycle id."""
    from tests.shared import save_block

    return save_block()
