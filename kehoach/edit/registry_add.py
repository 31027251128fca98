"""``kehoach co-quan them``: add a body to the registry, keeping the file canonical.

The new entry is appended as YAML text at the end of the ``co_quan`` list (comments and the
other entries stay as they are), the whole file is put into ``kehoach fmt``'s canonical form,
and it is written only when the registry still loads and the new entry raises no error (an
id already taken, a parent that does not exist).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kehoach.edit.lookup import EditError

_FIRST_ITEM = re.compile(r"^([ \t]*)-[ \t]+id:", re.M)
_EMPTY_LIST = re.compile(r"^co_quan:[ \t]*\[\][ \t]*$", re.M)


@dataclass(frozen=True)
class NewBody:
    id: str
    ten: str
    viet_tat: str | None = None
    ten_khac: tuple[str, ...] = ()
    cap_tren: str | None = None
    loai: str | None = None
    nhom: str | None = None
    thanh_vien: tuple[str, ...] = field(default=())
    ten_in: str | None = None
    de_xuat: str | None = None

    def as_yaml(self) -> dict[str, Any]:
        item: dict[str, Any] = {"id": self.id, "ten": self.ten}
        optional = {"ten_in": self.ten_in, "ten_khac": list(self.ten_khac),
                    "viet_tat": self.viet_tat, "loai": self.loai, "cap_tren": self.cap_tren,
                    "nhom": self.nhom, "thanh_vien": list(self.thanh_vien),
                    "de_xuat": self.de_xuat}
        item.update({k: v for k, v in optional.items() if v})
        return item


def add_body(path: Path, body: NewBody) -> str:
    """Add ``body`` to the registry file at ``path``; what was done, in Vietnamese. Raises
    EditError (nothing written) when the result would not be a valid registry."""
    add_bodies(path, [body])
    return f"Đã thêm vào danh mục cơ quan: {body.ten} (mã {body.id})."


def add_bodies(path: Path, bodies: list[NewBody]) -> None:
    """Add every body at once (one write, or none: EditError)."""
    from kehoach.fs.atomic import AtomicWriteError, write_atomic
    from kehoach.fs.lock import FileLock, LockError
    from kehoach.fs.oserror import reason_vi
    from kehoach.fs.reader import read_text, real_inside
    from kehoach.fs.repo import path_problem

    bodies = [_nfc(b) for b in bodies]
    try:  # a registry reached through a link in the repository: the real file is changed
        real = real_inside(path)
        with FileLock(real):
            missing = path_problem(real) == "không tìm thấy"
            text = "co_quan: []\n" if missing else read_text(real)
            new_text = registry_with(text, *bodies)
            write_atomic(real, new_text.encode("utf-8"))
    except (LockError, AtomicWriteError) as exc:
        raise EditError(exc.message_vi) from None
    except UnicodeDecodeError:
        raise EditError(f"Tệp “{path}” không phải UTF-8: hãy chạy “kehoach check”.") from None
    except OSError as exc:
        why = reason_vi(exc, reading=True)
        raise EditError(f"Không đọc được tệp “{path}”: {why}.") from None


def _nfc(body: NewBody) -> NewBody:
    """Every text of ``body`` in NFC, the names in its lists too."""
    from kehoach.textnorm import nfc

    def maybe(value: str | None) -> str | None:
        return None if value is None else nfc(value)

    return NewBody(id=nfc(body.id), ten=nfc(body.ten), viet_tat=maybe(body.viet_tat),
                   ten_khac=tuple(nfc(name) for name in body.ten_khac),
                   cap_tren=maybe(body.cap_tren), loai=maybe(body.loai), nhom=maybe(body.nhom),
                   thanh_vien=tuple(nfc(member) for member in body.thanh_vien),
                   ten_in=maybe(body.ten_in), de_xuat=maybe(body.de_xuat))


def registry_with(text: str, *bodies: NewBody) -> str:
    """The registry ``text`` with ``bodies`` appended, in canonical form."""
    from kehoach.check.checker import load_registry_text
    from kehoach.edit.fmt import FmtError, format_text

    registry, doc = load_registry_text(text)
    if doc.registry is None:
        raise EditError("Danh mục cơ quan đang có lỗi: hãy sửa (kehoach check) rồi thêm.",
                        doc.diagnostics)
    appended = text
    for body in bodies:
        if body.id in registry:
            raise EditError(f"Mã “{body.id}” đã có trong danh mục: {registry.name(body.id)}.")
        appended = _append(appended, body)
    _, new_doc = load_registry_text(appended)
    errors = [d for d in new_doc.diagnostics if d.is_error]
    if new_doc.registry is None or errors:
        reasons = "; ".join(d.message for d in errors) or "danh mục không đọc được"
        raise EditError(f"Không thêm được “{', '.join(b.id for b in bodies)}”: {reasons}")
    try:
        return format_text(appended, registry=True)
    except FmtError as exc:  # pragma: no cover - the text was just validated
        raise EditError(str(exc)) from None


def _append(text: str, body: NewBody) -> str:
    item = _item(body.as_yaml())
    if _EMPTY_LIST.search(text):
        return _EMPTY_LIST.sub(lambda _: "co_quan:\n" + _indent(item, "  ").rstrip("\n"), text,
                               count=1)
    first = _FIRST_ITEM.search(text)
    indent = first.group(1) if first else "  "
    if not text.endswith("\n"):
        text += "\n"
    return text + _indent(item, indent)


def _item(fields: dict[str, Any]) -> str:
    """One list item, each value written as ``kehoach fmt`` writes it (quoted where YAML 1.1
    or 1.2 would read it as something else: ``Y``, ``on``, ``12:30``)."""
    from kehoach.yamltext.scalars import inline, quoted

    def one(value: str) -> str:
        plain = inline(value, flow=True)
        return plain if plain is not None else quoted(value)

    lines: list[str] = []
    for key, value in fields.items():
        text = f"[{', '.join(one(v) for v in value)}]" if isinstance(value, list) else one(value)
        lines.append(f"{'- ' if not lines else '  '}{key}: {text}\n")
    return "".join(lines)


def _indent(block: str, prefix: str) -> str:
    return "".join(prefix + line if line.strip() else line
                   for line in block.splitlines(keepends=True))
