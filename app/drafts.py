"""Drafts of forms, saved as the clerk types, so nothing is lost even across a restart."""

from __future__ import annotations

import json
from typing import Any

from app.clock import Clock
from app.models import Draft


class DraftStore:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def save(self, key: str, data: dict[str, Any]) -> None:
        Draft.replace(
            key=key, data=json.dumps(data, ensure_ascii=False, default=str), updated_at=self.clock.now()
        ).execute()

    def load(self, key: str) -> dict[str, Any] | None:
        row = Draft.get_or_none(Draft.key == key)
        if row is None:
            return None
        data: dict[str, Any] = json.loads(row.data)
        return data

    def discard(self, key: str) -> None:
        Draft.delete().where(Draft.key == key).execute()
