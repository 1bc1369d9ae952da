"""Read inputs (paths, URLs, stdin) into decoded text, refusing what cannot be news safely.

Every refusal is an `UnreadableSource` naming the input and the reason, raised before a
large or binary input is read into memory.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from newsgraph.errors import UnreadableSource
from newsgraph.schema import SourceFormat

Fetcher = Callable[[str, float], bytes]
"""Fetch a URL with a timeout in seconds and return the body; a seam for tests."""

_BINARY_SNIFF = 8192
_HTML_START = (b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<?xml")
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


@dataclass(frozen=True, slots=True)
class RawInput:
    """One input's decoded text and what it looks like."""

    uri: str
    text: str
    format: SourceFormat
    url: str | None = None


def is_url(uri: str) -> bool:
    return uri.startswith(("http://", "https://"))


def read_input(
    uri: str, *, max_bytes: int, fetch: Fetcher | None = None, timeout: float = 20.0
) -> RawInput:
    """Read a path, an http(s) URL or "-" (stdin) into decoded text."""
    if uri == "-":
        data = _read_limited(sys.stdin.buffer, uri, max_bytes)
        return _decode(uri, data, None)
    if is_url(uri):
        data = (fetch or fetch_url)(uri, timeout)
        if len(data) > max_bytes:
            raise _too_large(uri, len(data), max_bytes)
        return _decode(uri, data, "html", url=uri)
    path = Path(uri)
    if not path.exists():
        raise UnreadableSource(uri, "no such file", reason="missing")
    if path.is_dir():
        raise UnreadableSource(uri, "is a directory; give the files inside it", reason="directory")
    size = path.stat().st_size
    if size > max_bytes:
        raise _too_large(uri, size, max_bytes)
    try:
        with path.open("rb") as f:
            data = _read_limited(f, uri, max_bytes)
    except OSError as e:
        raise UnreadableSource(uri, f"cannot read: {e.strerror}", reason="missing") from e
    return _decode(uri, data, _format_from_suffix(path.suffix.lower()))


def _read_limited(stream: BinaryIO, uri: str, max_bytes: int) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_large(uri, None, max_bytes)
    return data


def _too_large(uri: str, size: int | None, max_bytes: int) -> UnreadableSource:
    got = f"{size:,} bytes" if size is not None else f"more than {max_bytes:,} bytes"
    return UnreadableSource(
        uri,
        f"is {got}, over the {max_bytes:,}-byte limit (raise ingest.max_bytes / NEWSGRAPH_INGEST__MAX_BYTES to allow it)",
        reason="too_large",
    )


def _format_from_suffix(suffix: str) -> SourceFormat | None:
    if suffix in {".html", ".htm", ".xhtml"}:
        return "html"
    if suffix in {".json", ".jsonl", ".ndjson"}:
        return "json"
    if suffix in {".txt", ".text", ".md"}:
        return "text"
    return None


def _decode(uri: str, data: bytes, fmt: SourceFormat | None, *, url: str | None = None) -> RawInput:
    if not data.strip():
        raise UnreadableSource(uri, "is empty", reason="empty")
    text = _decode_bytes(uri, data)
    if _looks_binary(text[:_BINARY_SNIFF]):
        raise UnreadableSource(uri, "is a binary file, not text or HTML", reason="binary")
    if not text.strip():
        raise UnreadableSource(uri, "is empty", reason="empty")
    if fmt is None:
        head = text.lstrip()[:200].lower().encode()
        fmt = (
            "html"
            if head.startswith(_HTML_START)
            else "json"
            if head[:1] in (b"{", b"[")
            else "text"
        )
    return RawInput(uri, text, fmt, url)


def _decode_bytes(uri: str, data: bytes) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                break
    if b"\x00" in data[:_BINARY_SNIFF]:
        raise UnreadableSource(uri, "is a binary file, not text or HTML", reason="binary")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
    if best is None:
        raise UnreadableSource(
            uri, "is not UTF-8 and its encoding could not be detected", reason="encoding"
        )
    return str(best)


def _looks_binary(head: str) -> bool:
    controls = sum(1 for c in head if ord(c) < 32 and c not in "\t\n\r\f")
    return controls > max(4, len(head) // 200)


def fetch_url(url: str, timeout: float) -> bytes:
    """Download a page (trafilatura's fetcher, which handles redirects and decoding errors)."""
    from trafilatura.downloads import fetch_response
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(int(max(1, timeout))))
    try:
        response = fetch_response(url, decode=False, with_headers=False, config=config)
    except Exception as e:  # network stacks raise many types; all mean the same to the user
        raise UnreadableSource(url, f"could not be fetched: {e}", reason="fetch") from e
    if response is None or response.status != 200 or not response.data:
        status = getattr(response, "status", "no response")
        raise UnreadableSource(url, f"could not be fetched (HTTP {status})", reason="fetch")
    data: bytes = response.data
    return data
