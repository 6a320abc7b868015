"""Work handed to another thread is done as it would be here: by the same person, timed by
the same clock, and on that thread's own database connection, closed when the work ends.

`carry()` is called on the thread that hands the work over (the window's); its `run(work)`
on the thread that does it. The acting person (`app.permissions`), the audit trail's actor
and clock (`app.models`) are context variables: the whole context is carried, so a person
set only for a block (`acting(...)`) goes along as well as the one logged in."""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from app.models import db

P = ParamSpec("P")
T = TypeVar("T")


class Carried:
    """The context of the thread that made it, to do work in on another thread, once."""

    def __init__(self) -> None:
        self._context = contextvars.copy_context()

    def run(self, work: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Do `work` in the carried context; this thread's database connection, if the work
        opened one, is closed afterwards (peewee keeps one a thread; the others are untouched)."""
        try:
            return self._context.run(work, *args, **kwargs)
        finally:
            close_thread_connection()


def carry() -> Carried:
    """The person, the audit actor and the clock of this thread, for work on another."""
    return Carried()


def close_thread_connection() -> None:
    """Close this thread's connection to the database, if it has one open."""
    if db.obj is not None and not db.is_closed():
        db.close()
