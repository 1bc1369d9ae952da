"""Read result documents of any supported schema version, upgrading one step at a time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsgraph.errors import SchemaVersionError
from newsgraph.schema.document import SCHEMA_VERSION, ResultDocument

# version N -> function turning an N document into an N+1 document; empty while only v1 exists.
_UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def upgrade(data: dict[str, Any]) -> ResultDocument:
    """Validate a result document, upgrading older schema versions first."""
    version = data.get("schema_version")
    if not isinstance(version, int) or not 1 <= version <= SCHEMA_VERSION:
        raise SchemaVersionError(version, tuple(range(1, SCHEMA_VERSION + 1)))
    while version < SCHEMA_VERSION:
        data = _UPGRADES[version](data)
        version += 1
    return ResultDocument.model_validate(data)
