"""Where things live: the data folder and the bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from app import APP_ID

ENV_DATA_DIR = "HUIYIN_DATA"
DB_FILENAME = "huiyin.sqlite3"


def default_data_dir() -> Path:
    """The per-OS user data folder, unless HUIYIN_DATA names another."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override).expanduser().absolute()
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False, roaming=False))


def resolve_data_dir(cli_value: str | os.PathLike[str] | None) -> Path:
    """--data-dir wins over HUIYIN_DATA, which wins over the per-OS default."""
    if cli_value:  # relative to the folder the command was typed in, shown in full everywhere
        return Path(cli_value).expanduser().absolute()
    return default_data_dir()


def resource_path(*parts: str) -> Path:
    """A file under resources/, from the source tree or inside the PyInstaller bundle."""
    base = getattr(sys, "_MEIPASS", None)
    root = Path(base) if base else Path(__file__).resolve().parent.parent
    return root.joinpath("resources", *parts)
