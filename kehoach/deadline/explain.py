"""Explain a deadline reading in Vietnamese, and its JSON form."""

from __future__ import annotations

from datetime import date
from typing import Any

from kehoach.deadline.reading import Deadline, Problem, Recurrence
from kehoach.deadline.resolve import due

KIND_NAMES_VI: dict[str, str] = {
    "date": "ngày",
    "month": "tháng",
    "quarter": "quý",
    "half_year": "6 tháng",
    "year": "năm",
    "period": "giai đoạn",
    "dates": "nhiều mốc",
    "recurring": "định kỳ",
    "relative": "tương đối",
    "continuous": "thường xuyên",
    "unknown": "không xác định",
}
EVERY_VI = {"year": "hằng năm", "half_year": "6 tháng một lần", "quarter": "hằng quý",
            "two_months": "2 tháng một lần", "month": "hằng tháng"}
_LUNAR_VI = {(1, 1, -1): "ngày trước Tết Nguyên đán", (2, 1, -1): "hết tháng Giêng âm lịch"}
UNIT_VI = {"days": "ngày", "working_days": "ngày làm việc", "months": "tháng"}
_ROMAN = ("I", "II", "III", "IV")


def _d(day: date | None) -> str:
    return "không có" if day is None else f"{day:%d/%m/%Y}"


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _finite_label(dl: Deadline) -> str:
    start, end = dl.start, dl.occurrences[-1] if dl.occurrences else None
    if dl.kind == "dates":
        return ", ".join(_d(d) for d in dl.occurrences)
    if start is None or end is None:
        return "chưa xác định được năm"
    if dl.kind == "month":
        return f"tháng {start.month}/{start.year}"
    if dl.kind == "quarter":
        return f"quý {_ROMAN[(start.month - 1) // 3]}/{start.year}"
    if dl.kind == "half_year":
        return f"6 tháng {'đầu' if start.month == 1 else 'cuối'} năm {start.year}"
    if dl.kind == "year":
        return f"năm {start.year}"
    if dl.kind == "period" and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return f"giai đoạn {start.year}–{end.year}"
    if dl.kind == "period":
        return f"từ {_d(start)} đến {_d(end)}"
    return _d(end)


def label(dl: Deadline) -> str:
    """A short Vietnamese description of what was read, e.g. "quý II/2023"."""
    if dl.kind == "recurring" and dl.recurrence is not None:
        rec = dl.recurrence
        text = EVERY_VI[rec.every]
        if rec.lunar is not None:
            lunar_month, lunar_day, _offset = rec.lunar
            text += ", hạn " + _LUNAR_VI.get(rec.lunar,
                                              f"ngày {lunar_day}/{lunar_month} âm lịch")
        elif rec.days:
            text += ", hạn các ngày " + " và ".join(f"{d[3:]}/{d[:2]}" for d in rec.days)
        elif isinstance(rec.day, str):
            month, day = rec.day.split("-")
            text += f", hạn ngày {day}/{month}"
        elif isinstance(rec.day, int):
            where = "tháng cuối kỳ" if rec.every != "month" else "tháng"
            where = "tháng cuối quý" if rec.every == "quarter" else where
            text += f", hạn ngày {rec.day} của {where}"
        else:
            text += ", hạn cuối kỳ"
        return text + (f", từ {_d(dl.start)}" if dl.start else "")
    if dl.kind == "relative" and dl.relative is not None:
        rel = dl.relative
        anchor = f" kể từ {rel.anchor}" if rel.anchor else ""
        return f"{rel.amount} {UNIT_VI[rel.unit]}{anchor}"
    if dl.kind == "continuous":
        return f"bắt đầu từ {_d(dl.start)}" if dl.start else "không có hạn cuối"
    if dl.kind == "unknown":
        return "không đọc được"
    return _finite_label(dl)


def _status(day: date, as_of: date) -> str:
    left = (day - as_of).days
    if left > 0:
        return f"Tính đến {_d(as_of)}: còn {left} ngày."
    if left == 0:
        return f"Tính đến {_d(as_of)}: hạn là hôm nay."
    return f"Tính đến {_d(as_of)}: đã quá hạn {-left} ngày."


def explain(deadline: Deadline, as_of: date) -> str:
    """A short Vietnamese explanation of the reading, several lines."""
    dl = deadline
    lines = [f"Loại: {KIND_NAMES_VI[dl.kind]} ({label(dl)})"]
    if dl.start is not None and dl.kind != "date":
        lines.append(f"Bắt đầu: {_d(dl.start)}")
    day = due(dl, as_of)
    lines.append(f"Hạn cuối đúng hạn: {_d(day)}")
    if dl.kind == "dates":
        lines.append("Các mốc: " + ", ".join(_d(d) for d in dl.occurrences))
    if dl.kind in ("relative", "continuous"):
        lines.append("Không có ngày hạn cố định.")
    if day is not None:
        lines.append(_status(day, as_of))
    if dl.approximate:
        lines.append("Đây là thời hạn dự kiến (không chính xác).")
    if dl.year_inferred:
        source = f"ngày {_d(dl.reference)}" if dl.reference else "ngày tham chiếu"
        lines.append(f"Năm được suy ra từ {source} (cụm từ không ghi năm).")
    if dl.guess:
        lines.append("Đọc theo phỏng đoán (dateparser) — cần kiểm tra lại.")
    lines += [f"Lỗi: {p.message}" for p in dl.errors]
    lines += [f"Cảnh báo: {p.message}" for p in dl.warnings]
    return "\n".join(lines)


def _problems(problems: tuple[Problem, ...]) -> list[dict[str, str]]:
    return [{"code": p.code, "message": p.message} for p in problems]


def _recurrence(rec: Recurrence) -> dict[str, Any]:
    lunar = None
    if rec.lunar is not None:
        lunar = dict(zip(("month", "day", "offset"), rec.lunar, strict=True))
    return {"every": rec.every, "day": rec.day, "days": list(rec.days) or None, "lunar": lunar}


def to_json(deadline: Deadline, as_of: date) -> dict[str, Any]:
    """The JSON form of a reading (exactly the documented keys)."""
    dl = deadline
    rec = dl.recurrence
    return {
        "phrase": dl.phrase,
        "kind": dl.kind,
        "due": _iso(due(dl, as_of)),
        "start": _iso(dl.start),
        "approximate": dl.approximate,
        "occurrences": [d.isoformat() for d in dl.occurrences],
        "recurrence": None if rec is None else _recurrence(rec),
        "year_inferred": dl.year_inferred,
        "guess": dl.guess,
        "warnings": _problems(dl.warnings),
        "errors": _problems(dl.errors),
    }
