from __future__ import annotations

import pytest

from newsgraph.extract.names import acronym, name_tokens, part_of, same_given_name, same_person


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Mr. Su", ["su"]),
        ("Ms Marenco", ["marenco"]),
        ("Andrés Valcárcel", ["andres", "valcarcel"]),
        ("Su Tzu-yun", ["su", "tzu-yun"]),
        ("Dr. Ana de la Cruz", ["ana", "de", "la", "cruz"]),
    ],
)
def test_name_tokens(text, tokens):
    assert name_tokens(text) == tokens


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("aleksandr", "alexander", True),
        ("sergey", "sergei", True),
        ("yuriy", "yuri", True),
        ("maria", "mario", False),
        ("anna", "hanna", False),
        ("tomas", "thomas", True),
    ],
)
def test_same_given_name(a, b, same):
    assert same_given_name(a, b) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Aleksandr Lukaszyk", "Alexander Lukaszyk", True),
        ("Tomas Halvik", "Tomas Halvik", True),
        ("Anna Berg", "Karl Berg", False),
        ("Su Tzu-yun", "Su Tzuyun", True),  # family name first, given name written two ways
        ("Halvik", "Tomas Halvik", False),  # a surname alone is part_of, not the same full name
    ],
)
def test_same_person(a, b, same):
    assert same_person(name_tokens(a), name_tokens(b)) is same


@pytest.mark.parametrize(
    ("short", "full", "expected"),
    [
        ("Halvik", "Tomas Halvik", True),
        ("Li", "Li Wenqiang", True),
        ("Tomas", "Tomas Halvik", True),
        ("Berg", "Tomas Halvik", False),
    ],
)
def test_part_of(short, full, expected):
    assert part_of(name_tokens(short), name_tokens(full)) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("International Monetary Fund", "IMF"),
        ("National Statistics Office", "NSO"),
        ("Institute for Regional Affairs", "IRA"),
        ("Brevanian Press Agency", "BPA"),
    ],
)
def test_acronym(name, expected):
    assert acronym(name) == expected
