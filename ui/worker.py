"""Slow work off the UI thread, results back on it (STYLE §6): the one helper, run_in_worker().

    run_in_worker(dialog, lambda report: apply_import(..., progress=report),
                  on_done=show_summary, on_error=show_error, on_progress=progress_bar.setValue)

`fn` runs in a new QThread and receives `report(done, total)`; `on_done(result)`,
`on_error(exception)` and `on_progress(done, total)` run on the main thread, through queued signals,
and only while `parent` still exists (a dialog closed meanwhile is not called back). Workers never
touch widgets.

Database: peewee keeps one connection per thread, so `fn` gets its own connection to the same
file the first time it queries (WAL lets it read while the main thread reads); the worker closes
that connection when `fn` returns, so no thread leaves one behind.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QThread, Signal, Slot

from models.storage.db import database

log = logging.getLogger(__name__)

# Handles of running workers: a worker must outlive the Python function that started it.
_running: set[WorkerHandle] = set()
_closed = threading.Event()  # set when the application quits (wait_for_workers)


class _Thread(QThread):
    """Runs `fn` in its run(), without an event loop: one call, then the thread ends.

    Signals (emitted from the worker thread): done(object), failed(object), progressed(int, int).
    """

    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(self, fn: Callable[[Callable[[int, int], None]], object]) -> None:
        super().__init__()
        self.setObjectName("overload-worker")
        self._fn = fn

    def run(self) -> None:
        try:
            result = self._fn(self.progressed.emit)
        except BaseException as exc:  # delivered to on_error: a worker must never die silently
            self.failed.emit(exc)
        else:
            self.done.emit(result)
        finally:
            _close_thread_connection()


def _close_thread_connection() -> None:
    if database.obj is not None and not database.is_closed():
        database.close()  # this thread's connection only: peewee's state is per thread


class WorkerHandle(QObject):
    """One running function. Lives on the main thread, which is where its slots run.

    Signals: finished() — after on_done or on_error was called (or skipped)."""

    finished = Signal()

    def __init__(self, parent: QObject | None, fn, on_done, on_error, on_progress) -> None:
        super().__init__()  # no Qt parent: the handle must not die with `parent` mid-run
        self._parent = parent
        self._callbacks = (on_done, on_error, on_progress)
        self._thread = _Thread(fn)
        # Slots of a main-thread QObject, signals emitted on the worker thread: Qt queues the
        # calls to the main thread.
        self._thread.done.connect(self._done)
        self._thread.failed.connect(self._failed)
        self._thread.progressed.connect(self._progressed)

    def start(self) -> None:
        if _closed.is_set():  # quitting: nothing new starts once the running ones were waited for
            log.debug("worker not started: the application is quitting")
            return
        _running.add(self)
        self._thread.start()

    def is_running(self) -> bool:
        return self in _running

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the thread has ended (for shutdown and tests); True if it did."""
        return self._thread.wait(msecs)

    @Slot(object)
    def _done(self, result: object) -> None:
        self._finish(self._callbacks[0], result)

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        log.debug("worker failed", exc_info=error)
        self._finish(self._callbacks[1], error)

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        on_progress = self._callbacks[2]
        if on_progress is not None and self._parent_alive():
            on_progress(done, total)

    def _finish(self, callback, value) -> None:
        # run() has emitted its last signal; wait for it to return (it closes its database
        # connection) so nothing of the thread outlives this call.
        self._thread.wait()
        _running.discard(self)
        try:
            if self._parent_alive():
                callback(value)
        finally:
            self.finished.emit()

    def _parent_alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)


def run_in_worker(parent: QObject | None, fn: Callable[[Callable[[int, int], None]], object], *,
                  on_done: Callable[[object], None],
                  on_error: Callable[[BaseException], None],
                  on_progress: Callable[[int, int], None] | None = None) -> WorkerHandle:
    """Run `fn(report)` in a worker thread; see the module docstring. Returns the running handle."""
    handle = WorkerHandle(parent, fn, on_done, on_error, on_progress)
    handle.start()
    return handle


def wait_for_workers(msecs: int = 30_000, *, closing: bool = False) -> None:
    """Wait for every running worker (at application exit: a QThread must not be destroyed
    while it runs). `closing`: from now on no worker starts — a timer that fires while the
    application quits must not begin work the process will not wait for."""
    if closing:
        _closed.set()
    for handle in list(_running):
        handle.wait(msecs)
