"""The reminder letter (công văn đôn đốc): what each agency has overdue or due soon, laid
out by Nghị định 30/2020 (Mẫu 1.5) through the same templates and typesetting as ``render``.

The sender, signer and number come from the command line or ``kehoach.toml`` ([cong_van]);
what is missing is left blank and the letter is a draft ("DỰ THẢO")."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kehoach.load.config import Sender
from kehoach.plan.registry import Registry
from kehoach.tracking.obligations import OVERDUE, Obligation

TEMPLATE = "cong_van_don_doc.j2"


@dataclass(frozen=True)
class PlanRef:
    """How a letter names a plan: "Kế hoạch số 253/KH-UBND ngày 31/12/2021 của …"."""

    file: str
    label: str  # "Kế hoạch số 253/KH-UBND"
    full: str  # with its date and issuer


@dataclass(frozen=True)
class Letter:
    file_name: str  # "don-doc-lang-son.so-tai-chinh.docx"
    context: dict[str, Any]
    draft: bool


def plan_refs(paths: Sequence[str], registry: Registry) -> dict[str, PlanRef]:
    """The plans the rows come from, named as a letter names them."""
    from kehoach.load.document import load_document
    from kehoach.render.typeset import sentence_case

    refs = {}
    for file in sorted(set(paths)):
        doc = load_document(Path(file))
        plan = doc.plan
        if plan is None:
            refs[file] = PlanRef(file, Path(file).name, Path(file).name)
            continue
        number = plan.so_ky_hieu if plan.so_ky_hieu and plan.so_ky_hieu[0] not in "/-" else None
        kind = sentence_case(plan.type_title)
        label = f"{kind} số {number}" if number else f"{kind} {_mid_sentence(plan.trich_yeu)}"
        day = f" ngày {plan.ngay_ban_hanh:%d/%m/%Y}" if plan.ngay_ban_hanh else ""
        issuers = " và ".join(registry.name(b.co_quan) for b in plan.co_quan_ban_hanh)
        refs[file] = PlanRef(file, label, f"{label}{day} của {issuers}")
    return refs


def _mid_sentence(subject: str) -> str:
    """A subject quoted after "Kế hoạch": "Thực hiện phong trào…" → "thực hiện phong trào…"
    (a subject in capitals is a heading: it is kept as written)."""
    if subject.isupper() or subject[:2].isupper():
        return subject
    return subject[:1].lower() + subject[1:]


def letters(rows: Sequence[Obligation], registry: Registry, sender: Sender, as_of: dt.date, *,
            report_by: dt.date | None, place: str | None, number: str | None,
            one_letter: bool) -> list[Letter]:
    """One letter per agency holding rows (or one letter to all of them)."""
    refs = plan_refs([r.plan for r in rows], registry)
    by_agency: dict[str, list[Obligation]] = defaultdict(list)
    for row in rows:
        by_agency[row.agency].append(row)
    # "Kính gửi" lists bodies in the registry's order, which officials arrange by protocol.
    ordered = sorted(by_agency, key=lambda a: (registry.order(a), a))
    groups = [ordered] if one_letter else [[a] for a in ordered]
    out = []
    for agencies in groups:
        mine = [r for a in agencies for r in by_agency[a]]
        context = _context(agencies, mine, refs, registry, sender, as_of, report_by, place,
                           number)
        name = "don-doc-chung" if one_letter else f"don-doc-{agencies[0]}"
        out.append(Letter(f"{name}.docx", context, context["cong_van"]["du_thao"]))
    return out


def _context(agencies: list[str], rows: list[Obligation], refs: dict[str, PlanRef],
             registry: Registry, sender: Sender, as_of: dt.date, report_by: dt.date | None,
             place: str | None, number: str | None) -> dict[str, Any]:
    from kehoach.render import typeset

    body = registry.get(sender.co_quan) if sender.co_quan else None
    draft = not (body and sender.nguoi_ky and number)
    parent = registry.get(body.cap_tren) if body and body.cap_tren else None
    names = [registry.name(a) for a in agencies]
    plans = sorted({refs[r.plan].full for r in rows})
    overdue = sum(r.status == OVERDUE for r in rows)
    sender_name = body.ten if body else "……"
    addressed = names[0] if len(names) == 1 else "các cơ quan, đơn vị"
    by = f"trước ngày {report_by:%d/%m/%Y}" if report_by else "trong thời gian sớm nhất"
    symbol = number or f"{typeset.BLANK}/{body.viet_tat if body and body.viet_tat else '…'}"
    subject_plans = sorted({refs[r.plan].label for r in rows})
    return {
        "cong_van": {
            "du_thao": draft,
            "chu_quan": (parent.ten_in or parent.ten.upper()) if parent else None,
            "co_quan": (body.ten_in or body.ten.upper()) if body else "[CƠ QUAN GỬI]",
            "so": symbol,
            "v_v": "V/v đôn đốc thực hiện nhiệm vụ theo " + "; ".join(subject_plans),
            "dia_danh_ngay": typeset.place_and_date(place, None if draft else as_of),
            "kinh_gui": names,
            "mo_dau": (f"Thực hiện {'; '.join(plans)}, {sender_name} đã tổng hợp tình hình thực "
                       f"hiện các nhiệm vụ được giao. Tính đến ngày {as_of:%d/%m/%Y}, "
                       f"{addressed} còn {len(rows)} nhiệm vụ chưa hoàn thành, trong đó "
                       f"{overdue} nhiệm vụ đã quá hạn, cụ thể như sau:"),
            "de_nghi": (f"Đề nghị {addressed} khẩn trương triển khai thực hiện các nhiệm vụ nêu "
                        f"trên và báo cáo kết quả về {sender_name} {by}./."),
            "noi_nhan": ["- Như trên;", *(sender.noi_nhan or ("- Lưu: VT.",))],
            "quyen_han": sender.quyen_han,
            "chuc_vu": sender.chuc_vu,
            "nguoi_ky": sender.nguoi_ky or "",
        },
        "nhiem_vu": [_task(i, r, refs) for i, r in enumerate(rows, start=1)],
    }


def _task(number: int, row: Obligation, refs: dict[str, PlanRef]) -> dict[str, Any]:
    phrase = row.deadline or ""
    said = row.due and any(f in phrase for f in (f"{row.due:%d/%m/%Y}",
                                                  f"{row.due.day}/{row.due.month}/{row.due.year}"))
    due = f" (hạn {row.due:%d/%m/%Y})" if row.due and not said else ""
    if row.status == OVERDUE:
        state = f"Quá hạn {row.days_overdue} ngày"
    else:
        state = f"Còn {row.days_left} ngày" if row.days_left is not None else "Chưa hoàn thành"
    return {"stt": number, "noi_dung": row.text, "ke_hoach": refs[row.plan].label,
            "thoi_han": f"{row.deadline or ''}{due}".strip(), "tinh_trang": state}
