"""Overload's domain and storage. Imports no PySide6 and no pyqtgraph, ever (STYLE: the house).

This file stays empty of imports: `from models import __version__` must not load the ORM, so
that the window can appear before the database is opened.
"""

__version__ = "0.1.0"
