"""Overload's domain and storage. Imports no PySide6 and no pyqtgraph, ever (STYLE: the house)."""

from models.db import BaseModel, database

__version__ = "0.1.0"

__all__ = ["BaseModel", "__version__", "database"]
