"""PyInstaller runtime hook: a placeholder for PySide6.QtOpenGL, which the bundle leaves out.

pyqtgraph 0.14 imports PySide6.QtOpenGL when it starts, only to name it: its classes are used
when a chart draws through OpenGL (pyqtgraph's `useOpenGL` / `enableExperimental` options),
which Overload never turns on. The binding weighs 9 MB, 6 % of the bundle. Anything that does
reach for it gets an error that says so, rather than a silent difference.
"""

import sys
import types


class _NotBundled(types.ModuleType):
    def __getattr__(self, name: str):
        if name.startswith("__"):  # import machinery and introspection probing dunders
            raise AttributeError(name)
        raise ImportError(f"PySide6.QtOpenGL.{name}: Overload's bundle leaves out Qt's OpenGL "
                          "classes (pyqtgraph's OpenGL drawing is off); see "
                          "packaging/overload.spec")


sys.modules.setdefault("PySide6.QtOpenGL", _NotBundled("PySide6.QtOpenGL"))
