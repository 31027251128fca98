"""The JSON Schema of plans and of the registry, exported from the pydantic models."""

from __future__ import annotations

import json
from typing import Any

from kehoach.plan.model import Plan, RegistryFile

SCHEMA_FILES = {"plan": "kehoach.schema.json", "registry": "kehoach-co-quan.schema.json"}


def schema_dict(registry: bool = False) -> dict[str, Any]:
    model = RegistryFile if registry else Plan
    schema = model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_FILES["registry" if registry else "plan"]
    return schema


def schema_json(registry: bool = False) -> str:
    return json.dumps(schema_dict(registry), ensure_ascii=False, indent=2) + "\n"
