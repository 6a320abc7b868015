"""A print server that is not listening leaves no socket open behind the refusal (no Qt)."""

from __future__ import annotations

import gc
import socket
import warnings
from pathlib import Path

import pytest

from app.print_jobs import _UnixConnection


def test_a_refused_connection_closes_its_socket(tmp_path: Path) -> None:
    path = tmp_path / "cups.sock"
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(path))
    listener.close()  # the socket file stays; nobody listens on it (cupsd stopped)
    connection = _UnixConnection(str(path), 1.0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(ConnectionRefusedError):
            connection.connect()
        del connection
        gc.collect()
    assert [w for w in caught if issubclass(w.category, ResourceWarning)] == []
