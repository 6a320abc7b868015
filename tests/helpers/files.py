"""The data folder's files as an attacker or a maintenance script reaches them: through the
office key, unwrapped from a login's slot (the files are encrypted)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.db import connect_file
from app.keyring import KeyRing
from app.paths import DB_FILENAME


def office_key(data_dir: Path, user: str = "admin", password: str = "secret1") -> bytes:
    return KeyRing.load(data_dir).unlock(user, password, dt.datetime.now()).key


def raw_connection(data_dir: Path, user: str = "admin", password: str = "secret1", path: Path | None = None):  # type: ignore[no-untyped-def]
    """A DB-API connection to the folder's database (or another of its files), keyed."""
    return connect_file(path or data_dir / DB_FILENAME, key=office_key(data_dir, user, password))
