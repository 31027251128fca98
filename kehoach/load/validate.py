"""Schema validation: pydantic errors turned into positioned Vietnamese diagnostics."""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from kehoach.textnorm import closest


@dataclass(frozen=True)
class SchemaProblem:
    """A schema error at a data path; ``on_key`` when the key itself is the problem."""

    path: tuple[Any, ...]
    code: str
    message: str
    on_key: bool = False


Source = Callable[[tuple[Any, ...]], str | None]
"""The text of a scalar as the author typed it, by data path (None when unknown)."""


def validate(model: type[BaseModel], data: Any, limit: int | None = None,
             source: Source | None = None) -> tuple[BaseModel | None, list[SchemaProblem]]:
    """Validate ``data``; on failure return every problem (at most ``limit`` and one more, so
    the caller can tell there were more), deduplicated, in document order.

    ``source`` lets a message quote what the author typed ("1.") rather than what YAML made
    of it (1.0)."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        problems: dict[tuple[Any, ...], SchemaProblem] = {}
        for err in exc.errors(include_url=False):
            if limit is not None and len(problems) > limit:
                break
            path = data_path(data, err["loc"])
            problem = _problem(model, data, path, err, source)
            problems.setdefault((*path, problem.code), problem)
        return None, list(problems.values())


def data_path(data: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """The part of a pydantic ``loc`` that exists in the data (drops union member tags)."""
    path: list[Any] = []
    node = data
    for step in loc:
        in_dict = isinstance(node, dict) and isinstance(step, str) and step in node
        in_list = isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)
        if in_dict or in_list:
            node = node[step]
        elif isinstance(node, dict) and isinstance(step, str) and step == loc[-1]:
            path.append(step)  # a missing or extra key: keep it, the caller points at it
            return tuple(path)
        else:
            continue
        path.append(step)
    return tuple(path)


def value_at(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def _problem(model: type[BaseModel], data: Any, path: tuple[Any, ...], err: Any,
             source: Source | None = None) -> SchemaProblem:
    kind = err["type"]
    name = str(path[-1]) if path and isinstance(path[-1], str) else ""
    if kind == "extra_forbidden":
        allowed = sorted(fields_at(model, path[:-1]))
        hint = closest(name, allowed, limit=1, cutoff=0.5)
        extra = f" Có phải “{hint[0]}”?" if hint else f" Các mục hợp lệ: {', '.join(allowed)}."
        return SchemaProblem(path, "unknown-key", f"Mục “{name}” không có trong định dạng.{extra}",
                             on_key=True)
    if kind == "missing":
        return SchemaProblem(path[:-1], "missing-field", f"Thiếu trường bắt buộc “{name}”.")
    try:
        value = value_at(data, path)
    except (KeyError, IndexError, TypeError):
        value = None
    if kind == "year_out_of_range":
        from kehoach.plan.limits import calendar_vi

        return SchemaProblem(path, "date-out-of-range", f"Năm {_show(value)} nằm ngoài khoảng "
                             f"thời gian kehoach tính được ({calendar_vi()}).")
    if kind == "string_type" and isinstance(value, int | float | bool):
        typed = source(path) if source else None
        return SchemaProblem(path, "wrong-type", _not_text(value, typed, path))
    return SchemaProblem(path, "wrong-type" if kind.endswith("_type") else "invalid-value",
                         _message(kind, err, value))


def _not_text(value: Any, typed: str | None, path: tuple[Any, ...]) -> str:
    """A number or true/false where text belongs ("so: 1." as Word users type it): quote what
    was typed and show the line that fixes it."""
    typed = typed if typed is not None else str(value).lower() if isinstance(value, bool) \
        else str(value)
    read = "đúng/sai" if isinstance(value, bool) else f"số {value}"
    quoted = '"' + typed.replace("\\", "\\\\").replace('"', '\\"') + '"'
    fix = f"{path[-1]}: {quoted}" if path and isinstance(path[-1], str) else f"- {quoted}"
    return (f"Cần một chuỗi văn bản, nhưng gặp {_show(typed)} (YAML đọc thành {read}). Hãy "
            f"đặt trong dấu nháy kép: {fix}")


_EXPECTED = {
    "string_type": "một chuỗi văn bản",
    "bool_type": "true hoặc false",
    "int_type": "một số nguyên",
    "date_type": "một ngày dạng YYYY-MM-DD",
    "list_type": "một danh sách",
    "dict_type": "một bảng “tên: giá trị”",
    "model_type": "một bảng “tên: giá trị”",
    "model_attributes_type": "một bảng “tên: giá trị”",
    "float_type": "một số",
}


def _message(kind: str, err: Any, value: Any) -> str:
    shown = _show(value)
    if kind in _EXPECTED:
        return f"Cần {_EXPECTED[kind]}, nhưng gặp {shown}."
    if kind == "enum":
        return f"Giá trị {shown} không hợp lệ; chọn một trong: {err['ctx']['expected']}."
    if kind == "string_pattern_mismatch":
        return (f"Mã {shown} không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và các dấu "
                "“.”, “_”, “-” (ví dụ: lang-son.so-noi-vu).")
    if kind in ("string_too_short", "too_short"):
        return "Không được để trống."
    if kind == "literal_error":
        return f"Giá trị {shown} không hợp lệ; chọn một trong: {err['ctx']['expected']}."
    return f"Giá trị {shown} không hợp lệ ({err['msg']})."


def _show(value: Any) -> str:
    if value is None:
        return "giá trị rỗng"
    if isinstance(value, (dict, list)):
        return "một bảng “tên: giá trị”" if isinstance(value, dict) else "một danh sách"
    text = str(value)
    return f"“{text[:60]}…”" if len(text) > 60 else f"“{text}”"


def fields_at(model: type[BaseModel], path: tuple[Any, ...]) -> set[str]:
    """Names of the keys allowed in the mapping at ``path`` of a ``model`` document."""
    current: Any = model
    for step in path:
        if isinstance(step, int):
            continue
        cls = model_in(current)
        if cls is None or step not in cls.model_fields:
            return set()
        current = cls.model_fields[step].annotation
    cls = model_in(current)
    return set(cls.model_fields) if cls else set()


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The BaseModel class inside an annotation (through Optional, list, Annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return model_in(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = model_in(arg)
            if found is not None:
                return found
    return None
