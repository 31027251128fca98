"""The building blocks of the plan format: identifiers, text, and the leaf records a plan
holds (committees, events, footnotes, tables, annexes, editorial notes).

``kehoach.plan.model`` composes them into items and plans and re-exports every name, so the
format has one import path; this module keeps that one readable.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[a-z0-9]+(?:[._-][a-z0-9]+)*$"

Text = Annotated[str, StringConstraints(min_length=1)]
BodyId = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN),
    Field(description="Mã cơ quan trong danh mục cơ quan (ví dụ: lang-son.so-noi-vu)."),
]
TaskId = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN),
    Field(description="Mã nhiệm vụ: ổn định qua các lần sửa, không trùng trong cả kho."),
]


def _one_or_many(value: Any) -> Any:
    """Accept ``chu_tri: so-noi-vu`` as shorthand for a one-element list."""
    return [value] if isinstance(value, str) else value


BodyIds = Annotated[
    list[BodyId], BeforeValidator(_one_or_many, json_schema_input_type=BodyId | list[BodyId])
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Member(Strict):
    ho_ten: Text = Field(description="Họ và tên, đúng như văn bản.")
    chuc_vu: str | None = Field(None, description="Chức vụ, cơ quan công tác.")
    vai_tro: str | None = Field(None, description="Vai trò trong ban: Trưởng ban, Thành viên...")


class Committee(Strict):
    """An organising committee (ban tổ chức) listed inside an item."""

    so: Text | None = Field(None, description="Ký hiệu đầu mỗi dòng thành viên, ví dụ: -.")
    danh_xung: str | None = Field(None, description="Danh xưng đứng trước tên, ví dụ: Đ/c.")
    thanh_vien: list[Member] = Field(min_length=1)


class AgendaItem(Strict):
    thoi_gian: str | None = Field(None, description="Giờ hoặc thời lượng.")
    noi_dung: Text
    thuc_hien: str | None = Field(None, description="Người, đơn vị thực hiện.")


class Event(Strict):
    """An event held under the plan: time, place, participants, programme."""

    thoi_gian: str | None = None
    dia_diem: str | None = None
    thanh_phan: list[Text] = Field(default_factory=list)
    chuong_trinh: list[AgendaItem] = Field(default_factory=list)


class Footnote(Strict):
    id: int | Annotated[str, StringConstraints(pattern=r"^[\w-]+$")]
    noi_dung: str | None = Field(
        None, description="Lời chú thích; để trống khi bản gốc không có (ghi rõ ở ghi_chu)."
    )
    ghi_chu: str | None = None


class Table(Strict):
    cot: list[str] = Field(min_length=1, description="Tiêu đề các cột.")
    dong: list[list[str]] = Field(default_factory=list, description="Các dòng.")


class Annex(Strict):
    """An annex (phụ lục): a table, a task table generated from the plan, or a reference."""

    so: Text = Field(description="Số phụ lục: I, II...")
    tieu_de: str | None = None
    bang: Table | None = None
    bang_nhiem_vu: bool | list[TaskId] = Field(
        False, description="true: bảng sinh từ mọi nhiệm vụ; danh sách mã: chỉ các nhiệm vụ đó."
    )
    ngang: bool | None = Field(None, description="Trang ngang (mặc định: ngang khi bảng rộng).")
    ben_ngoai: str | None = Field(
        None, description="Phụ lục giữ ở nơi khác (tệp, văn bản) — không in nội dung."
    )
    ghi_chu: str | None = None


class NoteKind(StrEnum):
    """What an editorial note records."""

    nguon = "nguon"  # where the text was taken from
    thieu = "thieu"  # what the source lacks (header, signature, annex)
    sua_loi = "sua_loi"  # a typo of the copy corrected against the signed text
    giu_nguyen = "giu_nguyen"  # an error of the signed text kept verbatim
    khac = "khac"


class EditorialNote(Strict):
    """One editorial note (ghi chú biên tập): never printed."""

    loai: NoteKind = Field(
        NoteKind.khac, strict=False,
        description="Loại ghi chú: nguon, thieu, sua_loi, giu_nguyen, khac.",
    )
    noi_dung: Text = Field(description="Lời ghi chú.")


def notes_shorthand(value: Any) -> Any:
    """``ghi_chu: một đoạn văn`` is one note of kind ``khac``; so is each text of a list."""
    if isinstance(value, str):
        return [{"noi_dung": value}]
    if isinstance(value, list):
        return [{"noi_dung": v} if isinstance(v, str) else v for v in value]
    return value
