"""Rows per table and the backup files of a data folder, for the Windows upgrade test.

`count_rows.py DATA USER [--schema]`, the password on standard input's first line. A plain
folder (an older release) is read with sqlite3; an encrypted one through the user's key slot,
as the program opens it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.db import connect_file, is_plain_sqlite  # noqa: E402
from app.keyring import KeyRing  # noqa: E402


def main() -> int:
    data, user = Path(sys.argv[1]), sys.argv[2]
    path = data / "huiyin.sqlite3"
    if is_plain_sqlite(path):
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    else:
        password = sys.stdin.readline().rstrip("\r\n")
        key = KeyRing.load(data).unlock(user, password, dt.datetime.now()).key
        con = connect_file(path, readonly=True, key=key)
    if "--schema" in sys.argv:
        print(con.execute("select value from setting where key='schema_version'").fetchone()[0])
        return 0
    # the full-text index's own tables (its segments merge) are left out
    tables = [
        r[0]
        for r in con.execute(
            "select name from sqlite_master where type='table' and name not like 'sqlite_%' "
            "and name not like '%_fts%' order by name"
        )
    ]
    for table in tables:
        print(table, con.execute(f'select count(*) from "{table}"').fetchone()[0])
    for backup in sorted(data.rglob("huiyin-*.sqlite3")):
        print(f"backup {backup.relative_to(data)} {backup.stat().st_size}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
