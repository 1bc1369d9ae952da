"""JSON and JSONL records: one article per object, carrying text or HTML plus metadata."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from newsgraph.errors import UnreadableSource


class Record(BaseModel):
    """The fields newsgraph reads from a JSON record; unknown fields are ignored."""

    model_config = ConfigDict(extra="ignore")

    text: str | None = None
    html: str | None = None
    title: str | None = None
    published: dt.date | dt.datetime | None = None
    source: str | None = None
    url: str | None = None
    authors: list[str] | str | None = None
    id: str | None = None

    @model_validator(mode="after")
    def _needs_content(self) -> Record:
        if not (self.text or self.html):
            raise ValueError("a record needs a non-empty 'text' or 'html' field")
        return self

    @property
    def published_date(self) -> dt.date | None:
        if isinstance(self.published, dt.datetime):
            return self.published.date()
        return self.published

    @property
    def author_list(self) -> list[str]:
        if isinstance(self.authors, str):
            return [self.authors]
        return list(self.authors or [])


def iter_records(uri: str, text: str) -> Iterator[tuple[str, Record | UnreadableSource]]:
    """Yield (record uri, record or the error for that record) for a JSON or JSONL document."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        items = _load(uri, text)
        if not isinstance(items, list):
            raise UnreadableSource(
                uri, "JSON must be an object, a list of objects or JSONL", reason="format"
            )
        for i, item in enumerate(items):
            yield f"{uri}[{i}]", _record(f"{uri}[{i}]", item)
        return
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    if len(lines) > 1 and all(line.lstrip().startswith("{") for _, line in lines):
        for n, line in lines:
            where = f"{uri}:{n}"
            try:
                yield where, _record(where, json.loads(line))
            except json.JSONDecodeError as e:
                yield where, UnreadableSource(where, f"invalid JSON: {e.msg}", reason="format")
        return
    yield uri, _record(uri, _load(uri, text))


def _load(uri: str, text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise UnreadableSource(
            uri, f"invalid JSON at line {e.lineno}: {e.msg}", reason="format"
        ) from e


def _record(where: str, item: Any) -> Record | UnreadableSource:
    if not isinstance(item, dict):
        return UnreadableSource(
            where, f"expected a JSON object, got {type(item).__name__}", reason="format"
        )
    try:
        return Record.model_validate(item)
    except ValidationError as e:
        problems = "; ".join(
            f"{'.'.join(map(str, err['loc'])) or 'record'}: {err['msg']}" for err in e.errors()
        )
        return UnreadableSource(where, f"invalid record: {problems}", reason="format")
