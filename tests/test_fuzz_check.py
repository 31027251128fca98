"""Fuzzing the loader and `check`: whatever the bytes, the answer is diagnostics, never a raise.

Structured plans are generated and then mutated (keys deleted, types swapped, random Unicode
— NFD, RTL, emoji, control characters — huge strings, deep nesting); raw bytes are thrown at
the loader too. Every input that once failed is kept in ``tests/data/fuzz-corpus/`` and
replayed here forever.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml
from fuzzing import dump, fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from kehoach.check.checker import check_document
from kehoach.diagnostics.diagnostic import Diagnostic
from kehoach.load.document import Document, load_text
from kehoach.plan.registry import Registry
from tests.conftest import DATA, REGISTRY

CORPUS = DATA / "fuzz-corpus"
REG = Registry.from_bodies(
    __import__("kehoach.plan.model", fromlist=["RegistryFile"])
    .RegistryFile.model_validate(yaml.safe_load(REGISTRY))
    .co_quan
)

NASTY_TEXT = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
    st.sampled_from(
        [
            "Sở Nội vụ",
            unicodedata.normalize("NFD", "Tổ chức hội nghị"),
            "\u202eRTL\u202c",
            "🎉🇻🇳",
            "\x07\x1b[31m",
            "no",
            "0123",
            "1:30",
            "trước ngày 31/02/2023",
            "{{ 7*7 }}",
            "{% for x in y %}",
            "**",
            "[^",
            "x" * 5000,
            "- - -",
            "&a",
            "*a",
            "!!python/object:os.system",
        ]
    ),
)
SCALAR = st.one_of(
    NASTY_TEXT,
    st.integers(),
    st.integers(-(10**150), 10**150),  # past the 100 digits kehoach.plan.limits allows
    st.booleans(),
    st.none(),
    st.dates().map(lambda d: d.isoformat()),
    st.floats(allow_nan=False),
)


def _task(i: int) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"id": st.just(f"t{i}"), "chu_tri": st.sampled_from(["ls.snv", "ls.cac-so", "x.y"])},
        optional={
            "thoi_han": NASTY_TEXT,
            "phoi_hop": st.lists(st.sampled_from(["ls.ubnd"])),
            "hoan_thanh": st.lists(
                st.fixed_dictionaries(
                    {"ngay_hoan_thanh": st.dates().map(lambda d: d.isoformat())},
                    optional={
                        "co_quan": st.sampled_from(["ls.snv", "zz"]),
                        "ky": st.integers(2000, 2100),
                    },
                ),
                max_size=3,
            ),
        },
    )


ITEM = st.recursive(
    st.fixed_dictionaries(
        {}, optional={"so": NASTY_TEXT, "noi_dung": NASTY_TEXT, "nhan": NASTY_TEXT}
    ),
    lambda children: st.fixed_dictionaries(
        {"noi_dung": NASTY_TEXT},
        optional={
            "muc": st.lists(children, max_size=3),
            "nhiem_vu": st.lists(st.integers(0, 5).flatmap(_task), max_size=2),
        },
    ),
    max_leaves=12,
)

PLAN = st.fixed_dictionaries(
    {
        "loai": st.sampled_from(["ke_hoach", "chuong_trinh", "quy_che", "bogus"]),
        "co_quan_ban_hanh": st.lists(
            st.sampled_from(["ls.ubnd", "ls.tinh-doan", "nope"]), min_size=1, max_size=2
        ),
        "trich_yeu": NASTY_TEXT,
    },
    optional={
        "so_ky_hieu": NASTY_TEXT,
        "ngay_ban_hanh": st.dates().map(lambda d: d.isoformat()),
        "du_thao": st.booleans(),
        "phan": st.lists(ITEM, max_size=3),
        "can_cu": st.lists(
            st.fixed_dictionaries({"noi_dung": NASTY_TEXT}, optional={"so": NASTY_TEXT}), max_size=2
        ),
        "chu_thich": st.lists(st.fixed_dictionaries({"id": st.integers(0, 3)}), max_size=2),
        "giai_doan": st.fixed_dictionaries(
            {"tu": st.one_of(st.integers(1990, 2100), st.integers(-(10**12), 10**12)),
             "den": st.one_of(st.integers(1990, 2100), st.integers(-(10**12), 10**12))}
        ),
    },
)


@st.composite
def mutated_plan(draw: st.DrawFn) -> dict[str, Any]:
    plan = draw(PLAN)
    for _ in range(draw(st.integers(0, 3))):
        key = draw(st.sampled_from([*plan, "phan", "extra"]))
        action = draw(st.sampled_from(["delete", "swap", "scalar"]))
        if action == "delete":
            plan.pop(key, None)
        elif action == "swap":
            plan[key] = draw(st.sampled_from([[], {}, [1, 2], {"a": 1}]))
        else:
            plan[key] = draw(SCALAR)
    return plan


def run_check(raw: bytes) -> list[Diagnostic]:
    doc = load_text(Document(Path("fuzz.yaml"), "fuzz.yaml"), raw)
    check_document(doc, REG)
    for d in doc.diagnostics:
        assert d.line >= 1 and d.column >= 1 and d.message and d.code
    return doc.diagnostics


FUZZ = fuzz_settings(300)  # per test and per `make test`; `make fuzz` runs 64 times as many


@FUZZ
@given(mutated_plan())
def test_structured_plans_never_raise(plan):
    raw = dump(plan, allow_unicode=True).encode("utf-8")
    run_check(raw)


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_never_raise(raw):
    run_check(raw)


@FUZZ
@given(mutated_plan(), st.integers(0, 400), st.binary(min_size=1, max_size=8))
def test_byte_level_corruption_never_raises(plan, offset, junk):
    raw = bytearray(dump(plan, allow_unicode=True).encode("utf-8"))
    at = min(offset, len(raw))
    raw[at : at + len(junk)] = junk
    run_check(bytes(raw))


@FUZZ
@given(st.text(alphabet="[]{}-?:, \n\"'&*!|>#a", max_size=300))
def test_yaml_punctuation_soup_never_raises(text):
    run_check(text.encode("utf-8"))


CASES = sorted(CORPUS.glob("*")) if CORPUS.is_dir() else []


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_regression_corpus(path):
    run_check(path.read_bytes())
