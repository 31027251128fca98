"""The exported JSON Schema: committed copies are current, and it accepts the shipped plans."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from kehoach.load.document import load_document
from kehoach.plan.schema import SCHEMA_FILES, schema_dict

ROOT = Path(__file__).parent.parent
PLANS = sorted((ROOT / "plans").glob("*.yaml"))


KINDS = {"plan": {}, "registry": {"registry": True}, "report": {"report": True}}


@pytest.mark.parametrize("kind", list(KINDS))
def test_committed_schema_is_current(kind):
    committed = json.loads((ROOT / SCHEMA_FILES[kind]).read_text(encoding="utf-8"))
    assert committed == schema_dict(**KINDS[kind]), "run `make schema` and commit the result"


@pytest.mark.parametrize("kind", list(KINDS))
def test_schema_is_valid_draft_07(kind):
    jsonschema.Draft7Validator.check_schema(schema_dict(**KINDS[kind]))


def test_the_report_schema_takes_a_narrative_and_refuses_an_unknown_key():
    validator = jsonschema.Draft7Validator(schema_dict(report=True))
    good = {"ke_hoach": "plans/a.yaml", "ky": 2024, "danh_gia": "Tốt.",
            "nguyen_nhan": ["Thiếu kinh phí."]}
    assert validator.is_valid(good)
    assert not validator.is_valid({**good, "danhgia": "x"})
    assert not validator.is_valid({"ky": "2024"})  # the plan is required


def _as_editor_sees(data: Any) -> Any:
    """yaml-language-server reads unquoted dates as strings."""
    if isinstance(data, dict):
        return {k: _as_editor_sees(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_as_editor_sees(v) for v in data]
    return data.isoformat() if isinstance(data, dt.date) else data


@pytest.mark.parametrize("path", PLANS, ids=[p.name for p in PLANS])
def test_shipped_files_validate_against_the_schema(path):
    doc = load_document(path)
    assert doc.diagnostics == []
    registry = path.name == "co-quan.yaml"
    validator = jsonschema.Draft7Validator(
        schema_dict(registry), format_checker=jsonschema.FormatChecker()
    )
    errors = list(validator.iter_errors(_as_editor_sees(doc.data)))
    assert errors == []


def test_schema_rejects_what_check_rejects():
    validator = jsonschema.Draft7Validator(schema_dict())
    bad = {"loai": "ke_hoach", "co_quan_ban_hanh": ["ls.ubnd"], "trich_yeu": "x", "foo": 1}
    assert not validator.is_valid(bad)
    assert validator.is_valid({k: v for k, v in bad.items() if k != "foo"})


@pytest.mark.parametrize("path", PLANS, ids=[p.name for p in PLANS])
def test_every_shipped_file_carries_the_modeline(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=../kehoach")


VIETNAMESE = re.compile(r"[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]", re.IGNORECASE)


def _objects(schema: dict) -> list[tuple[str, dict]]:
    return [("(gốc)", schema), *schema.get("definitions", {}).items()]


@pytest.mark.parametrize("registry", [False, True])
def test_every_object_and_field_has_a_vietnamese_title_and_description(registry):
    schema = schema_dict(registry)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "$defs" not in json.dumps(schema)
    for name, obj in _objects(schema):
        for where, node in [(name, obj), *((f"{name}.{f}", p)
                                           for f, p in obj.get("properties", {}).items())]:
            assert VIETNAMESE.search(node["description"]), where
            assert node["title"][0].isupper() and "_" not in node["title"], where
    titles = [p["title"] for _, obj in _objects(schema) for p in obj.get("properties", {}).values()]
    assert "Hoàn thành" in titles or registry
