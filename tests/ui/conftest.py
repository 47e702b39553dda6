"""UI fixtures: a store over a real database, and a main window with its own settings file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from ui.store import Store


@pytest.fixture
def store(db, qtbot):
    return Store()


@pytest.fixture
def window_settings(tmp_path):
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(db, db_path, window_settings, qtbot):
    from ui.main_window import MainWindow

    main_window = MainWindow(window_settings)
    qtbot.addWidget(main_window)
    main_window.show()
    qtbot.waitExposed(main_window)
    main_window.attach(Store(), db_path)  # as ui.app.load_data does
    return main_window


@pytest.fixture
def larger_font(qapp):
    """The application's font 4 points larger for the test, as a desktop's "large text"."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    before = QApplication.font()
    font = QFont(before)
    font.setPointSizeF(before.pointSizeF() + 4)
    QApplication.setFont(font)
    yield font
    QApplication.setFont(before)
