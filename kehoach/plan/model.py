"""The plan format: one pydantic model is the single source of truth.

``kehoach schema`` exports these models as JSON Schema (descriptions in Vietnamese, for
editor hover help); ``kehoach check`` validates every plan with them. Field names follow the
glossary in the README. Prose fields hold the signed wording verbatim; structured fields
(registry ids, deadline phrases) sit beside the prose and never replace it. Identifiers and
the leaf records (committees, events, footnotes, annexes, notes) are in ``kehoach.plan.parts``;
every name is importable from here.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from kehoach.plan.bodyrecord import BodyKind as BodyKind
from kehoach.plan.bodyrecord import GroupKind as GroupKind
from kehoach.plan.limits import MAX_YEAR, MIN_YEAR
from kehoach.plan.parts import ID_PATTERN as ID_PATTERN
from kehoach.plan.parts import AgendaItem as AgendaItem
from kehoach.plan.parts import Annex as Annex
from kehoach.plan.parts import BodyId as BodyId
from kehoach.plan.parts import BodyIds as BodyIds
from kehoach.plan.parts import Committee as Committee
from kehoach.plan.parts import EditorialNote as EditorialNote
from kehoach.plan.parts import Event as Event
from kehoach.plan.parts import Footnote as Footnote
from kehoach.plan.parts import Member as Member
from kehoach.plan.parts import NoteKind as NoteKind
from kehoach.plan.parts import Strict as Strict
from kehoach.plan.parts import Table as Table
from kehoach.plan.parts import TaskId as TaskId
from kehoach.plan.parts import Text as Text
from kehoach.plan.parts import notes_shorthand

# The plan format's version (``phien_ban_dinh_dang``); a file without one is version 1.
# 2: ``hoan_thanh.ky`` names an occurrence by its due day (version 1 named a yearly one by
# its year); ``kehoach fmt`` upgrades older files.
FORMAT_VERSION = 2


def _in_calendar(value: Any) -> Any:
    """A year outside kehoach's calendar is refused before the union tries its members (one
    error, not one per member); dates are bounded by the loader."""
    if type(value) is int and not MIN_YEAR <= value <= MAX_YEAR:
        raise PydanticCustomError("year_out_of_range", "year out of range")
    return value


YearOrDate = Annotated[
    Annotated[int, Field(ge=MIN_YEAR, le=MAX_YEAR)] | dt.date, BeforeValidator(_in_calendar)
]


class DocType(StrEnum):
    """Document types and their codes (Nghị định 30/2020/NĐ-CP, Phụ lục III)."""

    ke_hoach = "ke_hoach"
    chuong_trinh = "chuong_trinh"
    quy_che = "quy_che"
    quy_dinh = "quy_dinh"
    huong_dan = "huong_dan"
    de_an = "de_an"
    phuong_an = "phuong_an"
    bao_cao = "bao_cao"
    thong_bao = "thong_bao"

    @property
    def code(self) -> str:
        return _DOC_TYPES[self][0]

    @property
    def name_vi(self) -> str:
        """"Kế hoạch", "Báo cáo"… (not ``title``: that would hide ``str.title``)."""
        return _DOC_TYPES[self][1]


_DOC_TYPES: dict[DocType, tuple[str, str]] = {
    DocType.ke_hoach: ("KH", "Kế hoạch"),
    DocType.chuong_trinh: ("CTr", "Chương trình"),
    DocType.quy_che: ("QC", "Quy chế"),
    DocType.quy_dinh: ("QyĐ", "Quy định"),
    DocType.huong_dan: ("HD", "Hướng dẫn"),
    DocType.de_an: ("ĐA", "Đề án"),
    DocType.phuong_an: ("PA", "Phương án"),
    DocType.bao_cao: ("BC", "Báo cáo"),
    DocType.thong_bao: ("TB", "Thông báo"),
}


class PartRole(StrEnum):
    """What a part of the body is, for queries and generated annexes."""

    muc_dich_yeu_cau = "muc_dich_yeu_cau"
    muc_dich = "muc_dich"
    yeu_cau = "yeu_cau"
    doi_tuong = "doi_tuong"
    noi_dung = "noi_dung"
    kinh_phi = "kinh_phi"
    to_chuc_thuc_hien = "to_chuc_thuc_hien"
    ban_to_chuc = "ban_to_chuc"
    khac = "khac"


class IssuingBody(Strict):
    """One issuing body (cơ quan ban hành) as the header prints it."""

    co_quan: BodyId
    ten_in: Text | None = Field(
        None, description="Tên cơ quan in ở tiêu đề (chữ in hoa); mặc định lấy từ danh mục."
    )
    chu_quan: str | None = Field(
        None,
        description="Tên cơ quan chủ quản in phía trên; mặc định lấy từ danh mục; \"\" để bỏ.",
    )


def _issuer_shorthand(value: Any) -> Any:
    if isinstance(value, list):
        return [{"co_quan": v} if isinstance(v, str) else v for v in value]
    if isinstance(value, str):
        return [{"co_quan": value}]
    return value


class Period(Strict):
    """The period a plan covers (giai đoạn): a year (start/end of it) or an exact date."""

    tu: YearOrDate = Field(description="Bắt đầu: năm (2021) hoặc ngày (2021-01-01).")
    den: YearOrDate = Field(description="Kết thúc: năm (2025) hoặc ngày (2025-12-31).")

    @property
    def start(self) -> dt.date:
        return self.tu if isinstance(self.tu, dt.date) else dt.date(self.tu, 1, 1)

    @property
    def end(self) -> dt.date:
        return self.den if isinstance(self.den, dt.date) else dt.date(self.den, 12, 31)


class LegalBasis(Strict):
    """A legal basis (căn cứ), verbatim, with optional structured fields check verifies."""

    noi_dung: Text = Field(description="Nguyên văn căn cứ, kể cả từ mở đầu và dấu câu.")
    loai_van_ban: Text | None = Field(None, description="Loại văn bản, ví dụ: Quyết định.")
    so: Text | None = Field(None, description="Số, ký hiệu, ví dụ: 1331/QĐ-TTg.")
    ngay: dt.date | None = Field(None, description="Ngày ban hành văn bản được viện dẫn.")
    co_quan: Text | None = Field(None, description="Cơ quan, người ban hành, như trong câu.")
    trong_mo_dau: bool = Field(
        False,
        description="Căn cứ này viết ngay trong câu mở đầu (“Căn cứ …, Chủ tịch UBND tỉnh xây "
        "dựng Kế hoạch … như sau:”): noi_dung là đoạn trích nguyên văn của mo_dau, không in "
        "thành đoạn riêng.",
    )
    ghi_chu: str | None = None


class Completion(Strict):
    """A completion record (hoàn thành) for one occurrence by one assignee."""

    co_quan: BodyId | None = Field(
        None, description="Cơ quan hoàn thành (bắt buộc khi nhiệm vụ có nhiều cơ quan chủ trì)."
    )
    ky: YearOrDate | None = Field(
        None,
        description="Kỳ (nhiệm vụ định kỳ/nhiều đợt): ngày đến hạn ban đầu của kỳ, ví dụ "
        "2024-06-15 (tệp phiên bản 1 ghi năm).",
    )
    ngay_hoan_thanh: dt.date = Field(description="Ngày hoàn thành.")
    minh_chung: str | None = Field(None, description="Minh chứng, ví dụ: Báo cáo số 12/BC-SNV.")
    ghi_chu: str | None = None


class Extension(Strict):
    """An extension (gia hạn): a new deadline granted by a document."""

    thoi_han: Text = Field(description="Thời hạn mới, nguyên văn.")
    ngay: dt.date = Field(description="Ngày cho phép gia hạn.")
    van_ban: Text = Field(description="Văn bản cho phép gia hạn.")
    ghi_chu: str | None = None


class Task(Strict):
    """A task (nhiệm vụ): structured fields beside the item's verbatim text."""

    id: TaskId
    noi_dung: Text | None = Field(
        None,
        description="Phần lời văn của mục là nhiệm vụ này (nguyên văn); bỏ trống = cả mục.",
    )
    chu_tri: BodyIds = Field(default_factory=list, description="Cơ quan chủ trì (mã).")
    phoi_hop: BodyIds = Field(default_factory=list, description="Cơ quan phối hợp (mã).")
    thoi_han: Text | None = Field(None, description="Thời hạn, nguyên văn như trong văn bản.")
    san_pham: Text | None = Field(None, description="Sản phẩm dự kiến.")
    hoan_thanh: list[Completion] = Field(default_factory=list)
    gia_han: list[Extension] = Field(default_factory=list)
    ghi_chu: str | None = None


class Item(Strict):
    """One node of the body: a part, a numbered item, a paragraph, or a labelled field."""

    so: Text | None = Field(None, description="Ký hiệu đánh số như tác giả viết: I., 1., a), -, +.")
    nhan: Text | None = Field(None, description="Nhãn trường, ví dụ: \"Thời gian thực hiện:\".")
    noi_dung: str | None = Field(None, description="Lời văn của mục, nguyên văn.")
    vai_tro: PartRole | None = Field(
        None, strict=False, description="Loại phần: muc_dich, kinh_phi..."
    )
    co_quan: BodyIds = Field(
        default_factory=list,
        description="Mục này nói về trách nhiệm của cơ quan nào (nhiệm vụ bên trong mặc định "
        "do cơ quan này chủ trì).",
    )
    dam: bool | None = Field(
        None,
        description="In đậm dòng của mục (true) hay không (false); mặc định: đậm khi là phần "
        "(I., II.) hoặc mục đánh số có mục con.",
    )
    thoi_han: Text | None = Field(
        None,
        description="Thời hạn chung, nguyên văn, khi văn bản ghi một lần cho nhiều mục (“* Hoàn "
        "thành … trước ngày 20/6/2023” sau các gạch đầu dòng): nhiệm vụ trong mục này và các mục "
        "con không ghi thoi_han riêng thì theo thời hạn này.",
    )
    nhiem_vu: list[Task] = Field(default_factory=list)
    nhiem_vu_lien_quan: list[TaskId] = Field(
        default_factory=list,
        description="Mục này nhắc lại nhiệm vụ đã ghi ở mục khác (ví dụ “Phối hợp … xây dựng "
        "clip”): mã các nhiệm vụ đó; nhiệm vụ chỉ được theo dõi một lần, ở nơi ghi nhiem_vu.",
    )
    ban_to_chuc: Committee | None = None
    su_kien: Event | None = None
    muc: list[Item] = Field(default_factory=list, description="Các mục con.")
    ghi_chu: str | None = Field(None, description="Ghi chú biên tập, không in ra.")


class Signature(Strict):
    """A signature block (one per issuing body)."""

    co_quan: BodyId | None = Field(None, description="Cơ quan của khối chữ ký.")
    quyen_han: str | None = Field(None, description="Thẩm quyền: TM. ..., KT. CHỦ TỊCH...")
    chuc_vu: str | None = Field(None, description="Chức vụ người ký: PHÓ CHỦ TỊCH, BÍ THƯ...")
    nguoi_ky: str | None = Field(None, description="Họ tên người ký (dự thảo có thể để trống).")
    ghi_chu: str | None = None


class Plan(Strict):
    """Một kế hoạch (hoặc chương trình, quy chế...) — một tệp YAML."""

    phien_ban_dinh_dang: Annotated[int, Field(ge=1)] | None = Field(
        None,
        description="Phiên bản định dạng tệp (hiện là 2; không ghi là 1). “kehoach fmt” nâng "
        "cấp tệp cũ.",
    )
    loai: DocType = Field(
        strict=False, description="Loại văn bản: ke_hoach, chuong_trinh, quy_che..."
    )
    ten_loai: Text | None = Field(
        None, description="Tên loại in ra nếu khác mặc định, ví dụ: CHƯƠNG TRÌNH PHỐI HỢP."
    )
    du_thao: bool = Field(False, description="Dự thảo: số, ngày, người ký được để trống.")
    thieu_tieu_de: bool = Field(
        False,
        description="Văn bản đã ban hành nhưng bản đang có (bài báo, bản chụp) không cho biết số, "
        "ký hiệu, ngày, địa danh hay người ký: các trường đó được để trống và in chỗ trống, "
        "không in “DỰ THẢO”. Không dùng cùng du_thao; ghi lý do ở ghi_chu.",
    )
    co_quan_ban_hanh: Annotated[
        list[IssuingBody],
        BeforeValidator(_issuer_shorthand, json_schema_input_type=list[BodyId | IssuingBody]),
    ] = Field(
        min_length=1, description="Cơ quan ban hành (văn bản liên tịch: hai cơ quan trở lên)."
    )
    so_ky_hieu: Text | None = Field(None, description="Số, ký hiệu: 253/KH-UBND, 12-KH/QĐTP.")
    dia_danh: Text | None = Field(None, description="Địa danh: Lạng Sơn, Tân Phú...")
    ngay_ban_hanh: dt.date | None = Field(None, description="Ngày ban hành (YYYY-MM-DD).")
    trich_yeu: Text = Field(description="Trích yếu nội dung.")
    giai_doan: Period | None = Field(None, description="Giai đoạn kế hoạch bao quát.")
    can_cu: list[LegalBasis] = Field(default_factory=list, description="Căn cứ ban hành.")
    mo_dau: str | None = Field(None, description="Câu mở đầu (ban hành kế hoạch...).")
    phan: list[Item] = Field(default_factory=list, description="Các phần: I., II., III...")
    ket_thuc: list[Text] = Field(default_factory=list, description="Đoạn kết.")
    noi_nhan: list[Text] = Field(default_factory=list, description="Nơi nhận, từng dòng.")
    chu_ky: list[Signature] = Field(default_factory=list, description="Khối chữ ký.")
    chu_thich: list[Footnote] = Field(default_factory=list, description="Chú thích cuối trang.")
    phu_luc: list[Annex] = Field(default_factory=list, description="Phụ lục.")
    mau: str | None = Field(None, description="Tên mẫu trình bày (mặc định theo loại văn bản).")
    ghi_chu: Annotated[
        list[EditorialNote],
        BeforeValidator(notes_shorthand,
                        json_schema_input_type=str | list[str | EditorialNote]),
    ] = Field(
        default_factory=list,
        description="Ghi chú biên tập, không in ra: một đoạn văn, hoặc danh sách ghi chú (đoạn "
        "văn, hoặc có loại: nguồn, bản gốc thiếu gì, lỗi đã sửa, lỗi giữ nguyên).",
    )

    @property
    def type_title(self) -> str:
        return self.ten_loai or self.loai.name_vi.upper()


class Body(Strict):
    """One body (cơ quan, đơn vị) or group of bodies in the registry."""

    id: BodyId
    ten: Text = Field(description="Tên đầy đủ.")
    ten_in: Text | None = Field(
        None, description="Tên in ở tiêu đề khi là cơ quan ban hành (chữ in hoa, tên đầy đủ)."
    )
    ten_in_chu_quan: Text | None = Field(
        None,
        description="Tên in ở tiêu đề khi là cơ quan chủ quản, phía trên cơ quan ban hành (có thể "
        "viết tắt: UBND TỈNH CÀ MAU); mặc định: ten_in.",
    )
    ten_khac: list[Text] = Field(default_factory=list, description="Tên gọi khác, viết tắt.")
    viet_tat: Text | None = Field(None, description="Chữ viết tắt dùng trong ký hiệu: UBND, SNV.")
    loai: BodyKind = Field(BodyKind.nha_nuoc, strict=False, description="Loại cơ quan.")
    cap_tren: BodyId | None = Field(None, description="Cơ quan cấp trên (chủ quản).")
    nhom: GroupKind | None = Field(
        None,
        strict=False,
        description="Là nhóm: liet_ke (có danh sách thành viên) hoặc mo (không liệt kê).",
    )
    thanh_vien: list[BodyId] = Field(default_factory=list, description="Thành viên của nhóm.")
    tu_ngay: dt.date | None = Field(None, description="Tồn tại từ ngày.")
    den_ngay: dt.date | None = Field(None, description="Tồn tại đến ngày (sáp nhập, giải thể).")
    ke_thua: BodyId | None = Field(None, description="Cơ quan kế thừa nhiệm vụ sau den_ngay.")
    de_xuat: Text | None = Field(
        None,
        description="Cơ quan do “kehoach import” đề xuất (ghi nguồn): kiểm tra tên, mã, loại, "
        "cấp trên rồi xóa dòng này; khi còn, “kehoach check” nhắc.",
    )
    ghi_chu: str | None = None


class RegistryFile(Strict):
    """Danh mục cơ quan: tệp YAML có mục gốc ``co_quan``."""

    co_quan: list[Body] = Field(description="Các cơ quan, đơn vị, nhóm.")
