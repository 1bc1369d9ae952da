"""Base model and the character span every fact points at."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Model(BaseModel):
    """Immutable, strict base of every schema object."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class CharSpan(Model):
    """Half-open `[start, end)` into `Article.text`; `text` is kept so consumers can check offsets."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _check_order(self) -> CharSpan:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"span text {self.text!r} has length {len(self.text)}, but end - start = {self.end - self.start}"
            )
        return self

    @classmethod
    def of(cls, text: str, start: int, end: int) -> CharSpan:
        """Span `[start, end)` of `text`."""
        return cls(start=start, end=end, text=text[start:end])


def check_span(text: str, span: CharSpan, where: str) -> None:
    """Raise ValueError unless `span` points at exactly its own text in `text`."""
    if span.end > len(text) or text[span.start : span.end] != span.text:
        raise ValueError(
            f"{where}: span [{span.start}, {span.end}) {span.text!r} does not match the article text "
            f"{text[span.start : span.end]!r}"
        )
