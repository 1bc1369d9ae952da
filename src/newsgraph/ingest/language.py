"""Language identification (lingua, offline, low-accuracy mode: fast and plenty for article-length text)."""

from __future__ import annotations

from functools import cache
from typing import Any

# Enough text to identify a language reliably; more only costs time.
_SAMPLE_CHARS = 1200


@cache
def _detector() -> Any:
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it cannot be told."""
    lang = _detector().detect_language_of(text[:_SAMPLE_CHARS])
    return None if lang is None else str(lang.iso_code_639_1.name).lower()
