"""One program at a time on a data folder: a second one is refused with a clear message.

The lock is held per process: taking it again in the process that holds it (a command that
holds it calls a restore that takes it too) counts, and the OS lock is let go with the last
release."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType
from typing import IO

from app.errors import UserError
from app.i18n import tr

LOCK_NAME = "huiyin.lock"

# The locks this process holds: the lock file's path -> (its open handle, how many holders).
_held: dict[str, tuple[IO[str], int]] = {}


class InstanceLock:
    """An OS file lock, released by the OS even if the program is killed."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_NAME
        self.handle: IO[str] | None = None

    def acquire(self) -> None:
        if self.handle is not None:
            return
        where = str(self.path.resolve())
        if where in _held:
            handle, count = _held[where]
            _held[where] = (handle, count + 1)
            self.handle = handle
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held while running
        try:
            if sys.platform == "win32":  # mypy reads sys.platform checks, not os.name
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            handle.close()
            raise UserError(
                tr(
                    "回音已经在使用这个数据文件夹({folder})。请切换到已打开的窗口;"
                    "如果确认没有打开,请重启电脑后再试。",
                    folder=self.path.parent,
                )
            ) from exc
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self.handle = handle
        _held[where] = (handle, 1)

    def release(self) -> None:
        if self.handle is None:
            return
        where = str(self.path.resolve())
        handle, count = _held.pop(where, (self.handle, 1))
        if count > 1:
            _held[where] = (handle, count - 1)
        else:
            handle.close()
        self.handle = None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()
