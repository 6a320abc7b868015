"""Long work off the window's thread: one way for every window (an import, a backup, a scan,
a print job, the statistics).

    job = run_in_background(
        self, work, on_done=self._show, on_failed=self._say_why, on_progress=self._bar
    )

`work(progress)` runs on a QThread of its own, done by the person acting where it was
started, audited under their name and timed by the office clock (`app.work_context`: the
whole context is carried); the thread's database connection is closed when the work ends.
`progress(done, total, what)` may be called from the work at any time (signals carry it to
the window's thread); `progress.deliver(item)` hands one result over as it is made (a page
read), for `on_item`. `job.cancel()` sets `progress.cancelled`, which the work checks when it
can stop. `on_done(result)`, `on_failed(exception)`, `on_progress` and `on_item` are called
on the window's thread, in order. The job keeps itself alive until it has ended; when the
parent is destroyed first, the job is cancelled, waited for, and calls back nothing.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from app.work_context import Carried, carry

log = logging.getLogger(__name__)

T = TypeVar("T")
PROGRESS_EVERY_S = 0.05  # counts of many (rows) sent at most this often (words always)
FEW = 1000  # a count of up to this many (steps, files, pages) goes to the window at every change

_RUNNING: set[Job[Any]] = set()  # jobs not ended yet: kept here, not only by their parent


def _nothing(_: Any) -> None:
    """A callback that does nothing (a job's, once it has ended)."""


class Progress:
    """Handed to the work: report progress, hand results over, see whether to stop."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancel = threading.Event()
        self._last_sent = 0.0
        self._last_what = ""
        self._last_done = -1

    def __call__(self, done: int, total: int, what: str = "") -> None:
        # A count of rows reaches the window at most once per PROGRESS_EVERY_S (row by row
        # it would flood the event loop); new words, a step of a few, the first and the last
        # always do.
        now = time.monotonic()
        if (
            (what and what != self._last_what)
            or (total <= FEW and done != self._last_done)
            or done <= 0
            or done >= total
            or now - self._last_sent >= PROGRESS_EVERY_S
        ):
            self._last_sent = now
            self._last_what = what or self._last_what
            self._last_done = done
            self._relay.progressed.emit(done, total, what)

    def deliver(self, item: object) -> None:
        """Hand one result to the window's thread (`on_item`), in the order delivered."""
        self._relay.delivered.emit(item)

    @property
    def cancelled(self) -> bool:
        """True once `Job.cancel()` was called: the work should stop where it safely can."""
        return self._cancel.is_set()

    def is_cancelled(self) -> bool:
        """`cancelled` as a function, for services that take one (`cancelled=progress.is_cancelled`)."""
        return self._cancel.is_set()


class _Relay(QObject):
    """Lives on the window's thread; the worker thread emits, the window's thread receives."""

    progressed = Signal(int, int, str)
    delivered = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)


class _Thread(QThread):
    def __init__(self, carried: Carried, work: Callable[[Progress], Any], progress: Progress) -> None:
        super().__init__()
        self.carried = carried
        self.work = work
        self.progress = progress
        self.relay = progress._relay

    def run(self) -> None:
        try:
            result = self.carried.run(self.work, self.progress)
        except BaseException as exc:  # noqa: BLE001 - handed to on_failed, which tells the person
            log.debug("background work failed", exc_info=True)
            self.relay.failed.emit(exc)
        else:
            self.relay.succeeded.emit(result)


class Job(QObject, Generic[T]):
    """One piece of work on its thread. `cancel()`, `running`, `wait()`."""

    def __init__(
        self,
        parent: QObject,
        work: Callable[[Progress], T],
        on_done: Callable[[T], None],
        on_failed: Callable[[BaseException], None],
        on_progress: Callable[[int, int, str], None] | None,
        on_item: Callable[[Any], None] | None,
    ) -> None:
        super().__init__()  # no Qt parent: the parent's end must not delete a running thread
        self._on_done = on_done
        self._on_failed = on_failed
        self._on_progress = on_progress
        self._on_item = on_item
        self._relay = _Relay(self)
        self.progress = Progress(self._relay)
        self._relay.progressed.connect(self._progressed)
        self._relay.delivered.connect(self._delivered)
        self._relay.succeeded.connect(self._succeeded)
        self._relay.failed.connect(self._failed)
        self._parent_gone = False
        self._ended = False
        self._watch = parent.destroyed.connect(self._parent_destroyed)
        self._thread = _Thread(carry(), work, self.progress)

    def start(self) -> None:
        _RUNNING.add(self)
        self._thread.start()

    @property
    def running(self) -> bool:
        """Started and not yet ended (its `on_done`/`on_failed` not yet called)."""
        return not self._ended

    @property
    def cancelled(self) -> bool:
        return self.progress.cancelled

    def cancel(self) -> None:
        """Ask the work to stop (`progress.cancelled`); it ends when it next looks."""
        self.progress._cancel.set()

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until the work's thread has ended (the callbacks come later, from the event
        loop). True if it has."""
        if timeout_ms < 0:
            return self._thread.wait()
        return self._thread.wait(timeout_ms)

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, what: str) -> None:
        if self._on_progress is not None and not self._parent_gone:
            self._on_progress(done, total, what)

    @Slot(object)
    def _delivered(self, item: object) -> None:
        if self._on_item is not None and not self._parent_gone:
            self._on_item(item)

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        self._end()
        if not self._parent_gone:
            self._on_done(result)
        self._let_go()

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._end()
        if not self._parent_gone:
            self._on_failed(exc)
        self._let_go()

    def _end(self) -> None:
        self._thread.wait()  # its run() has returned: the thread is ending
        self._ended = True

    def _let_go(self) -> None:
        """Ended: no more watching the parent, no more hold on its callbacks (they keep the
        window alive, and a window freed with the job would tell a half-freed job it is
        gone); the job itself is let go once this event is handled, never inside it."""
        QObject.disconnect(self._watch)
        self._on_done = self._on_failed = _nothing
        self._on_progress = self._on_item = None
        QTimer.singleShot(0, self._release)

    def _release(self) -> None:
        _RUNNING.discard(self)

    @Slot()
    def _parent_destroyed(self) -> None:
        self._parent_gone = True
        self.stop()

    def stop(self) -> None:
        """Cancel and wait for the thread: nothing is called back after this."""
        if self._ended and self._parent_gone:
            return
        self._parent_gone = True
        self.cancel()
        self._thread.wait()
        self._ended = True
        self._let_go()


def run_in_background(
    parent: QObject,
    work: Callable[[Progress], T],
    *,
    on_done: Callable[[T], None],
    on_failed: Callable[[BaseException], None],
    on_progress: Callable[[int, int, str], None] | None = None,
    on_item: Callable[[Any], None] | None = None,
) -> Job[T]:
    """Start `work(progress)` on a thread of its own; the callbacks come on this thread."""
    _stop_all_at_quit()
    job: Job[T] = Job(parent, work, on_done, on_failed, on_progress, on_item)
    job.start()
    return job


_quit_hooked = False


def _stop_all_at_quit() -> None:
    """Once: when the application quits, the jobs still running are cancelled and waited for."""
    global _quit_hooked
    app = QCoreApplication.instance()
    if _quit_hooked or app is None:
        return
    app.aboutToQuit.connect(stop_all)
    _quit_hooked = True


def stop_all() -> None:
    """Cancel every running job and wait for its thread."""
    for job in list(_RUNNING):
        job.stop()
