"""Contracts between code and documentation: help texts, settings docs, README commands."""

from __future__ import annotations

import re
from typing import Any

import pytest
import typer.main
from pydantic import BaseModel

from newsgraph.cli import app
from newsgraph.settings import Settings
from tests.conftest import ROOT


def _commands() -> list[tuple[str, Any]]:
    # Recent typer vendors its own click, so groups are recognised by shape, not by class.
    root: Any = typer.main.get_command(app)
    out: list[tuple[str, Any]] = []
    for name, cmd in root.commands.items():
        if hasattr(cmd, "commands"):
            out += [(f"{name} {sub}", c) for sub, c in cmd.commands.items()]
        else:
            out.append((name, cmd))
    return out


@pytest.mark.parametrize(
    ("name", "command"), _commands(), ids=lambda x: x if isinstance(x, str) else ""
)
def test_every_command_has_help_with_an_example_and_is_in_the_readme(name, command):
    assert command.help and "Example:" in command.help, (
        f"`newsgraph {name}` needs help ending with an example"
    )
    assert f"newsgraph {name}" in (ROOT / "README.md").read_text(encoding="utf-8")


def _fields(model: type[BaseModel], prefix: str = "") -> list[tuple[str, str | None]]:
    out = []
    for name, field in model.model_fields.items():
        out.append((prefix + name, field.description))
        ann = field.annotation
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            out += _fields(ann, f"{prefix}{name}.")
    return out


def test_every_setting_is_documented():
    missing = [name for name, desc in _fields(Settings) if not desc]
    assert not missing, f"settings without a docstring: {missing}"


def test_readme_has_the_two_setup_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:sh|bash)\n(.*?)```", readme, re.S)
    assert any("newsgraph extract" in b for b in blocks), "README needs the install-and-run command"
    assert any("scripts/check" in b for b in blocks), "README needs the test command"
    assert "scripts/check" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
