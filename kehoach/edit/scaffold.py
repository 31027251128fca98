"""``kehoach new``: the skeleton of a new plan (a draft), with comments guiding the author.

The skeleton is a valid draft (``du_thao: true``): ``kehoach check`` finds no error in it. It
holds only what is known — the type, the issuer, the standard part headings of the type and
the number and symbol with the number left blank — and shows everything else as commented
examples. It is already in the canonical form of ``kehoach fmt``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from kehoach.errors import KehoachError

if TYPE_CHECKING:
    from kehoach.plan.model import DocType
    from kehoach.plan.registry import Registry


class ScaffoldError(KehoachError, ValueError):
    """The type or the issuer asked for does not exist: what the user typed, hence exit 2."""

    exit_code = 2


SCHEMA_PATH = "../kehoach.schema.json"
SUBJECT_PLACEHOLDER = "[Ghi trích yếu: nội dung chính của văn bản]"

Part = tuple[str, str, str | None]  # number, heading, role (None: a part with no role)
_PLAN_PARTS: list[Part] = [("I.", "MỤC ĐÍCH, YÊU CẦU", "muc_dich_yeu_cau"),
                           ("II.", "NỘI DUNG", "noi_dung"), ("III.", "KINH PHÍ", "kinh_phi"),
                           ("IV.", "TỔ CHỨC THỰC HIỆN", "to_chuc_thuc_hien")]
PARTS: dict[str, list[Part]] = {
    "ke_hoach": _PLAN_PARTS, "chuong_trinh": _PLAN_PARTS, "de_an": _PLAN_PARTS,
    "phuong_an": _PLAN_PARTS,
    "quy_che": [("Chương I", "QUY ĐỊNH CHUNG", None), ("Chương II", "QUY ĐỊNH CỤ THỂ", None),
                ("Chương III", "TỔ CHỨC THỰC HIỆN", "to_chuc_thuc_hien")],
    "huong_dan": [("I.", "MỤC ĐÍCH, YÊU CẦU", "muc_dich_yeu_cau"),
                  ("II.", "NỘI DUNG HƯỚNG DẪN", "noi_dung"),
                  ("III.", "TỔ CHỨC THỰC HIỆN", "to_chuc_thuc_hien")],
    "bao_cao": [("I.", "KẾT QUẢ THỰC HIỆN", None), ("II.", "TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", None),
                ("III.", "PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", None),
                ("IV.", "ĐỀ XUẤT, KIẾN NGHỊ", None)],
    "thong_bao": [],
}
PARTS["quy_dinh"] = PARTS["quy_che"]

_TASK_EXAMPLE = """\
# Mỗi mục một khối; mục nào là nhiệm vụ thì ghi thêm nhiem_vu, ví dụ:
# muc:
#   - so: "1."
#     noi_dung: Tổ chức lễ ra quân hưởng ứng Tháng thanh niên (dự kiến tháng 3/2024).
#     nhiem_vu:
#       - id: {prefix}-ra-quan        # mã ổn định, không trùng trong cả kho
#         chu_tri: {lead}
#         phoi_hop: [{partner}]
#         thoi_han: dự kiến tháng 3/2024   # nguyên văn như trong câu
"""
_DUTY_EXAMPLE = """\
# Trách nhiệm từng cơ quan; nhiệm vụ bên trong mặc định do cơ quan đó chủ trì, ví dụ:
# muc:
#   - so: "1."
#     nhan: "{name}:"
#     co_quan: [{lead}]
#     noi_dung: Chủ trì, theo dõi, đôn đốc thực hiện Kế hoạch; báo cáo kết quả trước ngày 15/11.
#     nhiem_vu:
#       - id: {prefix}-bao-cao
#         thoi_han: trước ngày 15/11
"""
_ITEM_EXAMPLE = """\
# Các mục con, ví dụ:
# muc:
#   - so: "1."
#     noi_dung: ...
"""


def new_plan(doc_type: str, issuer_id: str, registry: Registry,
             schema_path: str = SCHEMA_PATH) -> str:
    """A valid draft skeleton of type ``doc_type`` (``ke_hoach``…) issued by ``issuer_id``.

    Raises ScaffoldError for an unknown type or issuer.
    """
    from kehoach.plan.model import BodyKind

    kind = doc_type_named(doc_type)
    body = registry.get(issuer_id)
    if body is None:
        near = registry.suggest_ids(issuer_id)
        hint = f" Có phải: {', '.join(near)}?" if near else ""
        raise ScaffoldError(f"Cơ quan “{issuer_id}” không có trong danh mục.{hint}")
    if body.nhom is not None:
        raise ScaffoldError(f"“{body.ten}” là một nhóm cơ quan, không thể là cơ quan ban hành.")
    union = body.loai is BodyKind.doan_thanh_nien
    lines = _header(kind.value, kind.name_vi, kind.code, issuer_id, body.viet_tat, union,
                    schema_path)
    lines += _parts(kind.value, issuer_id, body.ten, _partner(issuer_id, registry))
    lines += _closing(issuer_id, kind.name_vi, _signer(body.ten, union))
    return "\n".join(lines) + "\n"


def doc_type_named(text: str) -> DocType:
    """A document type as officials name it: ``ke_hoach``, ``ke-hoach``, ``kế hoạch``, ``KH``
    (its code in Phụ lục III), any case. Raises ScaffoldError."""
    from kehoach.plan.model import DocType
    from kehoach.textnorm import fold

    key = re.sub(r"[\s-]+", "_", fold(text).strip())
    for kind in DocType:
        if key in (kind.value, fold(kind.code), re.sub(r"\s+", "_", fold(kind.name_vi))):
            return kind
    known = ", ".join(f"{t.value} ({t.code})" for t in DocType)
    raise ScaffoldError(f"Loại văn bản “{text}” không có; chọn một trong: {known}.")


def _partner(issuer_id: str, registry: Registry) -> str:
    """A body to show as coordinator in the example task: another body of the same province
    (ids share their prefix), never the issuer itself."""
    prefix = issuer_id.rsplit(".", 1)[0] + "." if "." in issuer_id else ""
    issuer = registry.get(issuer_id)
    parent = issuer.cap_tren if issuer else None
    others = [b for b in registry.bodies.values()
              if b.id != issuer_id and b.nhom is None and b.id.startswith(prefix)]
    others.sort(key=lambda b: b.cap_tren != parent)  # a sibling first: a Sở beside a Sở
    return others[0].id if others else "[mã cơ quan phối hợp]"


_SIGNERS = [  # by the start of the issuer's name, folded: (authority, office)
    ("uy ban nhan dan", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
    ("so ", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
    ("van phong", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"),
    ("phong ", "KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG"),
    ("ban ", "KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"),
]


def _signer(name: str, union: bool) -> tuple[str, str]:
    """The usual authority and office of a signer for the issuer (a sample to edit)."""
    from kehoach.textnorm import fold

    if union:
        return "TM. BAN THƯỜNG VỤ", "BÍ THƯ"
    folded = fold(name)
    for start, authority, office in _SIGNERS:
        if folded.startswith(start):
            return authority, office
    return "KT. THỦ TRƯỞNG CƠ QUAN", "PHÓ THỦ TRƯỞNG CƠ QUAN"


def new_plan_in(root: Path, doc_type: str, issuer: str, where: Path) -> str:
    """The skeleton for a plan to be written in the folder ``where`` of the repository
    ``root``: the issuer may be an id or a name (as ``--agency`` takes), and the schema is
    referred to relative to ``where``. Raises ScaffoldError."""
    import os.path

    from kehoach.check.checker import load_registry
    from kehoach.plan.registry import AgencyLookupError

    schema = os.path.relpath(root / "kehoach.schema.json", where).replace(os.sep, "/")
    registry, _ = load_registry(root)
    if registry.get(issuer) is None:  # a name: "Sở Nội vụ tỉnh Lạng Sơn"
        try:
            issuer = registry.find(issuer).id
        except AgencyLookupError as exc:
            if exc.ambiguous:
                raise ScaffoldError(f"--issuer: {exc.message_vi}") from None
    return new_plan(doc_type, issuer, registry, schema_path=schema)


def _header(kind: str, title: str, code: str, issuer: str, abbr: str | None, union: bool,
            schema_path: str) -> list[str]:
    symbol = f"-{code}/{abbr}" if union else f"/{code}-{abbr}"
    example = f"12-{code}/{abbr or 'TĐ'}" if union else f"12/{code}-{abbr or 'UBND'}"
    from kehoach.plan.model import FORMAT_VERSION

    lines = [
        f"# yaml-language-server: $schema={schema_path}",
        f"# Dự thảo {title.lower()} — soạn xong chạy “kehoach check”, rồi “kehoach fmt”.",
        "# Lời văn ghi nguyên văn như bản sẽ ký; các trường có cấu trúc (mã cơ quan, thời hạn)",
        "# ghi bên cạnh lời văn. Bỏ “du_thao: true” khi văn bản đã ban hành.",
        f"phien_ban_dinh_dang: {FORMAT_VERSION}",
        f"loai: {kind}",
        "du_thao: true",
        f"co_quan_ban_hanh: [{issuer}]",
    ]
    if abbr:
        lines.append(f"# Số để trống đến khi ban hành, ví dụ: {example}")
        lines.append(f"so_ky_hieu: {symbol}")
    else:
        lines.append(f"# so_ky_hieu: {example}")
    lines += [
        "# dia_danh: \"[Địa danh nơi ban hành, ví dụ: Cà Mau]\"",
        "# ngay_ban_hanh: 2024-03-05",
        f'trich_yeu: "{SUBJECT_PLACEHOLDER}"',
        "# giai_doan: {tu: 2024, den: 2025}   # giai đoạn kế hoạch bao quát (nếu có)",
        "# Căn cứ ban hành, mỗi căn cứ một dòng, nguyên văn kể cả dấu câu, ví dụ:",
        "# can_cu:",
        "#   - noi_dung: Căn cứ Luật Thanh niên năm 2020;",
        f'# mo_dau: "... ban hành {title} ... như sau:"',
    ]
    return lines


def _parts(kind: str, issuer: str, issuer_name: str, partner: str) -> list[str]:
    parts = PARTS.get(kind, _PLAN_PARTS)
    if not parts:
        return ["# Các đoạn nội dung, ví dụ:", "# phan:", "#   - noi_dung: ..."]
    prefix = issuer.rsplit(".", 1)[-1]
    lines = ["phan:"]
    for so, heading, role in parts:
        lines.append(f"  - so: {so}")
        lines.append(f"    noi_dung: {heading}")
        if role:
            lines.append(f"    vai_tro: {role}")
        example = _ITEM_EXAMPLE
        if role == "noi_dung":
            example = _TASK_EXAMPLE
        elif role == "to_chuc_thuc_hien":
            example = _DUTY_EXAMPLE
        text = example.format(prefix=prefix, lead=issuer, name=issuer_name, partner=partner)
        lines += ["    " + line for line in text.splitlines()]
    return lines


def _closing(issuer: str, title: str, signer: tuple[str, str]) -> list[str]:
    authority, office = signer
    return [
        "# Đoạn kết (nếu có), ví dụ:",
        "# ket_thuc:",
        f"#   - Trên đây là {title} ...",
        "# Nơi nhận, mỗi dòng một nơi, đúng như văn bản:",
        "# noi_nhan:",
        '#   - "- Như trên;"',
        '#   - "- Lưu: VT."',
        "chu_ky:",
        f"  - co_quan: {issuer}",
        f"    # quyen_han: {authority}",
        f"    # chuc_vu: {office}",
        "    # nguoi_ky: Nguyễn Văn A",
    ]
