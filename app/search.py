"""Full-text search of cases, the one SQLite-only piece of storage.

Chinese has no spaces, and SQLite's trigram tokenizer finds nothing under three
characters, yet clerks search for two-character words (漏水, 电梯). So each case's text is
cut into overlapping character pairs (漏水管 -> "漏水 水管 管") and stored in an FTS5
table; a query becomes the phrase of its own pairs, which matches exactly where the query
stands in the text as a substring, whatever its length. One character is a prefix query.

On a backend without FTS5 the same search falls back to LIKE over the case's columns.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import peewee as pw

TABLE = "case_fts"
_RUNS = re.compile(r"[^\W_]+", re.UNICODE)


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def pairs(text: str) -> list[str]:
    """The overlapping character pairs of every run of letters and digits in `text`."""
    out: list[str] = []
    for run in _RUNS.findall(_normalise(text)):
        out.extend(run[i : i + 2] for i in range(len(run)))
    return out


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH text for a user's query, or None when it has nothing to search."""
    terms = []
    for run in _RUNS.findall(_normalise(query)):
        if len(run) == 1:
            terms.append(f'"{run}"*')
        else:
            phrase = " ".join(run[i : i + 2] for i in range(len(run) - 1))
            terms.append(f'"{phrase}"')
    return " AND ".join(terms) if terms else None


def long_runs(query: str) -> str:
    """The query without its one-character runs (3-2-501 -> 501): a lone character is a
    prefix query every word of the index answers, so a search of several runs leaves it out."""
    return " ".join(run for run in _RUNS.findall(_normalise(query)) if len(run) > 1)


def is_sqlite(database: pw.Database) -> bool:
    return isinstance(database, pw.SqliteDatabase)


def ensure_index(database: pw.Database) -> None:
    if not is_sqlite(database):
        return
    database.execute_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
        "body, tokenize = 'unicode61 remove_diacritics 0')"
    )


def index_case(database: pw.Database, case_id: int, texts: Iterable[str]) -> None:
    """(Re)write one case's entry; call inside the transaction that changed the case."""
    if not is_sqlite(database):
        return
    body = " ".join(pairs(" ".join(t for t in texts if t)))
    database.execute_sql(f"DELETE FROM {TABLE} WHERE rowid = ?", (case_id,))
    database.execute_sql(f"INSERT INTO {TABLE}(rowid, body) VALUES (?, ?)", (case_id, body))


def index_many(database: pw.Database, rows: Iterable[tuple[int, Iterable[str]]]) -> None:
    if not is_sqlite(database):
        return
    data = [(cid, " ".join(pairs(" ".join(t for t in texts if t)))) for cid, texts in rows]
    cursor = database.connection().cursor()
    cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = ?", [(cid,) for cid, _ in data])
    cursor.executemany(f"INSERT INTO {TABLE}(rowid, body) VALUES (?, ?)", data)


def matching_ids(database: pw.Database, query: str) -> pw.Node | None:
    """A sub-query of case ids matching `query` (None: the query has no searchable text)."""
    expression = match_expression(query)
    if expression is None:
        return None
    return pw.SQL(f"(SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH ?)", (expression,))


def hit_count(database: pw.Database, query: str, cap: int = 100_000) -> int:
    """How many cases match (up to `cap`); cheap, it reads the index alone."""
    expression = match_expression(query)
    if expression is None or not is_sqlite(database):
        return 0
    row = database.execute_sql(
        f"SELECT count(*) FROM (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH ? LIMIT ?)", (expression, cap)
    ).fetchone()
    return int(row[0])


def like_condition(columns: list[pw.Field], query: str) -> pw.Expression | None:
    """The portable fallback: every word of the query appears in one of the columns."""
    words = _RUNS.findall(_normalise(query))
    if not words:
        return None
    condition: pw.Expression | None = None
    for word in words:
        anyof: pw.Expression | None = None
        for col in columns:
            term = pw.fn.LOWER(col).contains(word)
            anyof = term if anyof is None else (anyof | term)
        condition = anyof if condition is None else (condition & anyof)
    return condition
