from __future__ import annotations

import pytest

import newsgraph
import newsgraph.schema


def _isort_key(name: str) -> tuple[int, str]:
    # Constants, then classes, then functions and dunders: the order ruff's RUF022 keeps.
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


@pytest.mark.parametrize("module", [newsgraph, newsgraph.schema], ids=lambda m: m.__name__)
def test_all_is_sorted_and_complete(module):
    public = module.__all__
    assert public == sorted(public, key=_isort_key)
    for name in public:
        assert hasattr(module, name), f"{module.__name__}.{name} is in __all__ but missing"
