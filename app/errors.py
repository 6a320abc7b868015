"""Errors the user sees, in Chinese, naming the field (or the spreadsheet row and column)."""

from __future__ import annotations


class UserError(Exception):
    """Bad input or a forbidden step; `str()` is the message to show."""


class ValidationError(UserError):
    """One or more fields are wrong: field name -> reason."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__(";".join(f"{k}:{v}" for k, v in self.problems.items()))
