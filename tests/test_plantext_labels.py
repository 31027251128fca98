"""The textconv view speaks Vietnamese: no YAML key and no raw enum value reaches ``git diff``."""

from __future__ import annotations

import re
import types
import typing
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from kehoach.load.document import load_document
from kehoach.plan.model import Completion, Extension, IssuingBody, PartRole, Period, Plan
from kehoach.review.git import textconv
from kehoach.review.plantext import _LABELS, ROLE_LABELS

ROOT = Path(__file__).resolve().parent.parent
PLANS = sorted(p for p in (ROOT / "plans").glob("*.yaml") if load_document(p).plan is not None)

KEY = re.compile(r"\b[a-z]+_[a-z_]+:")  # a YAML key as plan files spell them (loai_van_ban:)
SNAKE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")  # a raw key or enum value anywhere (muc_dich)
TASK = re.compile(r"^  Nhiệm vụ \S+: ")  # task ids may hold _ (ID_PATTERN allows it)
FOOTNOTE = re.compile(r"\[\^[^\]]*\]")  # footnote ids too


def test_the_repository_has_plans():
    assert len(PLANS) >= 3, PLANS  # co-quan.yaml, the registry, is not a plan


@pytest.mark.parametrize("path", PLANS, ids=[p.name for p in PLANS])
def test_textconv_of_each_plan_has_no_yaml_key(path, monkeypatch):
    monkeypatch.chdir(ROOT)  # textconv finds the registry from the working directory
    doc = load_document(path)
    assert doc.plan is not None
    lines = textconv(path).splitlines()
    assert lines and not any(KEY.match(line) for line in lines)  # not the file's own text
    prose = _prose(doc.data)
    for number, line in enumerate(lines, 1):
        # Verbatim text may mention keys (an editor's note: "du_thao: true"); it is the
        # plan's words, not the view's, so only what remains around it is checked.
        rest = TASK.sub("  Nhiệm vụ : ", FOOTNOTE.sub("[^]", line))
        for text in prose:
            rest = rest.replace(text, "…")
        if number == 1:
            rest = rest.replace(f"({doc.plan.loai.value})", "")  # the type's code, on purpose
        assert not KEY.search(rest), f"{path.name}:{number}: {line}"
        assert not SNAKE.search(rest), f"{path.name}:{number}: {line}"


def _prose(data: Any) -> list[str]:
    """Every string of the plan with a space in it, longest first, as plan_lines escapes it."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for child in value.values():
                walk(child)
        elif isinstance(value, list):
            for child in value:
                walk(child)
        elif isinstance(value, str) and re.search(r"\s", value):
            found.add(value.replace("\r", "\\r").replace("\n", "\\n"))

    walk(data)
    return sorted(found, key=len, reverse=True)


def _models_below(model: type[BaseModel], seen: set[type[BaseModel]]) -> set[type[BaseModel]]:
    for info in model.model_fields.values():
        for cls in _classes(info.annotation):
            if issubclass(cls, BaseModel) and cls not in seen:
                seen.add(cls)
                _models_below(cls, seen)
    return seen


def _classes(annotation: Any) -> list[type]:
    if isinstance(annotation, type) and not isinstance(annotation, types.GenericAlias):
        return [annotation]
    return [c for arg in typing.get_args(annotation) for c in _classes(arg)]


def test_every_field_printed_by_label_has_one():
    # Completions and extensions are described in sentences (diffbody), issuers and the
    # period by the header: every other model goes through the labels, and a model or field
    # added later must get its Vietnamese label here too.
    printed = _models_below(Plan, set()) - {Completion, Extension}
    assert printed - set(_LABELS) == {IssuingBody, Period}
    for model, labels in _LABELS.items():
        assert set(labels) == set(model.model_fields), model.__name__
        for label in labels.values():
            assert not SNAKE.search(label) and label == label.lower(), label


def test_every_part_role_has_a_label():
    assert set(ROLE_LABELS) == set(PartRole)
    assert all(not SNAKE.search(label) for label in ROLE_LABELS.values())
