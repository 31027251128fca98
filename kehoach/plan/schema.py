"""The JSON Schema of plans and of the registry, exported from the pydantic models.

Editors read it through yaml-language-server, which supports JSON Schema draft-07 fully: the
export is draft-07 (``definitions``, not ``$defs``), and every object and field carries a
Vietnamese title and description for hover help — the officials' words, not pydantic's
titles made from the field names ("Hoan Thanh").
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from kehoach.plan.model import Plan, RegistryFile
from kehoach.plan.narrative import Narrative

SCHEMA_FILES = {"plan": "kehoach.schema.json", "registry": "kehoach-co-quan.schema.json",
                "report": "kehoach-bao-cao.schema.json"}
DRAFT_07 = "http://json-schema.org/draft-07/schema#"

TITLES = {
    "ban_to_chuc": "Ban tổ chức", "bang": "Bảng", "bang_nhiem_vu": "Bảng nhiệm vụ",
    "ben_ngoai": "Đặt ngoài văn bản", "can_cu": "Căn cứ", "cap_tren": "Cơ quan cấp trên",
    "chu_ky": "Chữ ký", "chu_quan": "Cơ quan chủ quản", "chu_thich": "Chú thích",
    "chu_tri": "Chủ trì", "chuc_vu": "Chức vụ", "chuong_trinh": "Chương trình",
    "co_quan": "Cơ quan", "co_quan_ban_hanh": "Cơ quan ban hành", "cot": "Cột",
    "dam": "In đậm", "danh_gia": "Đánh giá chung", "danh_xung": "Danh xưng",
    "de_xuat": "Đề xuất (kehoach import)",
    "den": "Đến năm", "den_ngay": "Đến ngày", "dia_danh": "Địa danh",
    "dia_diem": "Địa điểm", "dong": "Dòng", "du_thao": "Dự thảo", "ghi_chu": "Ghi chú",
    "gia_han": "Gia hạn", "giai_doan": "Giai đoạn", "ho_ten": "Họ tên",
    "hoan_thanh": "Hoàn thành", "id": "Mã", "ke_hoach": "Kế hoạch được báo cáo",
    "ke_thua": "Kế thừa", "ket_thuc": "Đoạn kết",
    "ky": "Kỳ", "loai": "Loại", "loai_van_ban": "Loại văn bản", "mau": "Mẫu trình bày",
    "minh_chung": "Minh chứng", "mo_dau": "Câu mở đầu", "muc": "Mục", "ngang": "Trang ngang",
    "ngay": "Ngày", "ngay_ban_hanh": "Ngày ban hành", "ngay_hoan_thanh": "Ngày hoàn thành",
    "kien_nghi": "Kiến nghị, đề xuất", "nguoi_ky": "Người ký",
    "nguyen_nhan": "Tồn tại, hạn chế và nguyên nhân", "nhan": "Nhãn", "nhiem_vu": "Nhiệm vụ",
    "nhiem_vu_lien_quan": "Nhắc nhiệm vụ", "nhom": "Nhóm",
    "noi_dung": "Nội dung", "noi_nhan": "Nơi nhận", "phan": "Phần",
    "phien_ban_dinh_dang": "Phiên bản định dạng", "phoi_hop": "Phối hợp",
    "phu_luc": "Phụ lục", "phuong_huong": "Phương hướng kỳ tới", "quyen_han": "Quyền hạn",
    "san_pham": "Sản phẩm", "so": "Số",
    "so_ky_hieu": "Số, ký hiệu", "su_kien": "Sự kiện", "ten": "Tên", "ten_in": "Tên in",
    "ten_in_chu_quan": "Tên in khi là cơ quan chủ quản",
    "ten_khac": "Tên khác", "ten_loai": "Tên loại in", "thanh_phan": "Thành phần",
    "thanh_vien": "Thành viên", "thieu_tieu_de": "Bản sao thiếu tiêu đề",
    "thoi_gian": "Thời gian", "thoi_han": "Thời hạn",
    "thuc_hien": "Người thực hiện", "tieu_de": "Tiêu đề", "trich_yeu": "Trích yếu",
    "trong_mo_dau": "Viết trong câu mở đầu",
    "tu": "Từ năm", "tu_ngay": "Từ ngày", "van_ban": "Văn bản", "vai_tro": "Vai trò",
    "viet_tat": "Viết tắt",
}
"""Field titles, by field name (a name means the same wherever it stands)."""

MODELS = {
    "Plan": ("Kế hoạch", "Một văn bản kế hoạch, chương trình, quy chế…: phần đầu, căn cứ, nội "
             "dung, nhiệm vụ và phần kết, đúng lời văn đã ký."),
    "Narrative": ("Phần viết của báo cáo", "Phần chỉ người soạn viết được của một báo cáo kết "
                  "quả thực hiện kế hoạch (đánh giá, nguyên nhân, kiến nghị), cho một kế hoạch "
                  "và một kỳ báo cáo; một tệp trong thư mục reports/."),
    "RegistryFile": ("Danh mục cơ quan", "Các cơ quan, đơn vị và nhóm cơ quan mà kế hoạch "
                     "trong kho nhắc đến, mỗi cơ quan một mã."),
    "AgendaItem": ("Mục chương trình", "Một mục trong chương trình của sự kiện: thời gian, "
                   "nội dung, người thực hiện."),
    "Annex": ("Phụ lục", "Một phụ lục kèm theo văn bản: tiêu đề, bảng hoặc bảng nhiệm vụ."),
    "Body": ("Cơ quan", "Một cơ quan, đơn vị hoặc nhóm cơ quan trong danh mục."),
    "BodyKind": ("Loại cơ quan", "Loại cơ quan: quyết định thể thức văn bản và ký hiệu."),
    "Committee": ("Ban tổ chức", "Ban tổ chức, ban chỉ đạo…: danh xưng và các thành viên."),
    "Completion": ("Ghi nhận hoàn thành", "Một lần hoàn thành nhiệm vụ: cơ quan, kỳ, ngày hoàn "
                   "thành và minh chứng (thường là số văn bản báo cáo)."),
    "DocType": ("Loại văn bản", "Loại văn bản theo Phụ lục III Nghị định 30/2020/NĐ-CP."),
    "EditorialNote": ("Ghi chú biên tập", "Một ghi chú của người soạn, không in ra: loại (nguồn, "
                      "bản gốc thiếu gì, lỗi đã sửa, lỗi giữ nguyên) và lời ghi chú."),
    "Event": ("Sự kiện", "Một sự kiện tổ chức theo kế hoạch: thời gian, địa điểm, thành phần, "
              "chương trình."),
    "Extension": ("Gia hạn", "Một lần gia hạn nhiệm vụ: thời hạn mới và văn bản cho phép; thời "
                  "hạn gốc vẫn giữ nguyên."),
    "Footnote": ("Chú thích", "Một chú thích cuối trang, được nhắc tới trong lời văn bằng mã."),
    "GroupKind": ("Loại nhóm", "Nhóm liệt kê được từng thành viên, hay nhóm mở không liệt kê "
                  "được."),
    "IssuingBody": ("Cơ quan ban hành", "Cơ quan ban hành văn bản và cơ quan chủ quản của nó."),
    "Item": ("Mục", "Một phần, một mục đánh số, một đoạn hay một gạch đầu dòng của nội dung; "
             "có thể là một nhiệm vụ."),
    "LegalBasis": ("Căn cứ", "Một căn cứ ban hành: loại, số, ngày, cơ quan và trích yếu của "
                   "văn bản được căn cứ, đúng lời văn."),
    "Member": ("Thành viên", "Một thành viên ban tổ chức: họ tên, chức vụ, vai trò trong ban."),
    "PartRole": ("Vai trò của phần", "Phần này là gì (mục đích, nội dung, tổ chức thực hiện…), "
                 "dùng khi tra cứu và lập phụ lục."),
    "NoteKind": ("Loại ghi chú", "nguon: nguồn của văn bản; thieu: bản gốc thiếu phần nào; "
                 "sua_loi: lỗi của bản sao đã sửa theo bản đã ký; giu_nguyen: lỗi của bản gốc "
                 "giữ nguyên; khac: ghi chú khác."),
    "Period": ("Giai đoạn", "Giai đoạn thực hiện, từ năm đến năm."),
    "Signature": ("Chữ ký", "Một khối chữ ký (mỗi cơ quan ban hành một khối): quyền hạn, chức "
                  "vụ, người ký."),
    "Table": ("Bảng", "Một bảng: các cột và các dòng."),
    "Task": ("Nhiệm vụ", "Một việc được giao: nội dung, cơ quan chủ trì, phối hợp, thời hạn, "
             "sản phẩm, và các ghi nhận hoàn thành, gia hạn."),
}
"""Title and description of each object (pydantic model or enum), by model name."""

DESCRIPTIONS = {
    "ban_to_chuc": "Ban tổ chức của sự kiện hay của mục này.",
    "bang": "Bảng của phụ lục: các cột và các dòng, đúng như văn bản.",
    "chuong_trinh": "Chương trình sự kiện: các mục theo thứ tự.",
    "dia_diem": "Nơi tổ chức, đúng lời văn.",
    "ghi_chu": "Ghi chú của người soạn (không in ra văn bản).",
    "gia_han": "Các lần gia hạn nhiệm vụ; thời hạn gốc vẫn giữ nguyên.",
    "hoan_thanh": "Các ghi nhận hoàn thành nhiệm vụ (mỗi cơ quan, mỗi kỳ một ghi nhận).",
    "id": "Mã: chữ thường không dấu, số và dấu - . _ (ví dụ: bc-nam).",
    "nhiem_vu": "Mục này giao một nhiệm vụ: chủ trì, phối hợp, thời hạn…",
    "noi_dung": "Lời văn, giữ nguyên như văn bản đã ký.",
    "su_kien": "Sự kiện tổ chức theo mục này: thời gian, địa điểm, thành phần, chương trình.",
    "thanh_phan": "Thành phần tham dự, đúng lời văn.",
    "thanh_vien": "Các thành viên, theo thứ tự trong văn bản.",
    "thoi_gian": "Thời gian, đúng lời văn.",
    "tieu_de": "Tiêu đề của phụ lục, đúng lời văn.",
}
"""Descriptions for fields the models leave undescribed, by field name."""


def schema_dict(registry: bool = False, report: bool = False) -> dict[str, Any]:
    """The schema of plans, of the registry (``registry``) or of a report's narrative
    (``report``)."""
    kind = "report" if report else "registry" if registry else "plan"
    models: dict[str, type[BaseModel]] = {"plan": Plan, "registry": RegistryFile,
                                          "report": Narrative}
    model = models[kind]
    schema = model.model_json_schema(mode="validation")
    _vietnamese(schema, model.__name__)
    for name, definition in schema.get("$defs", {}).items():
        _vietnamese(definition, name)
    out = _draft_07(schema)
    return {"$schema": DRAFT_07, "$id": SCHEMA_FILES[kind], **out}


def _vietnamese(definition: dict[str, Any], model: str) -> None:
    title, description = MODELS[model]
    definition["title"], definition["description"] = title, description
    for field, prop in definition.get("properties", {}).items():
        prop["title"] = TITLES[field]
        if "description" not in prop:
            prop["description"] = DESCRIPTIONS[field]


def _draft_07(node: Any) -> Any:
    """pydantic writes draft 2020-12; draft-07 keeps definitions under another key."""
    if isinstance(node, list):
        return [_draft_07(x) for x in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key == "$ref" and isinstance(value, str):
            out[key] = value.replace("#/$defs/", "#/definitions/")
        else:
            out["definitions" if key == "$defs" else key] = _draft_07(value)
    return out


def schema_json(registry: bool = False, report: bool = False) -> str:
    return json.dumps(schema_dict(registry, report), ensure_ascii=False, indent=2) + "\n"
