"""The narrative of a progress report: what only a person can write — the assessment, the
shortcomings and their causes, the proposals — for one plan and one report period.

One YAML file per report under the repository's top-level ``reports/`` folder (see
docs/format.md, "Phần viết của báo cáo")::

    ke_hoach: plans/lang-son-253-kh-ubnd-2021.yaml
    ky: 2022
    danh_gia: >-
      Các sở, ban, ngành đã chủ động triển khai …
    nguyen_nhan:
      - Một số nhiệm vụ chưa được bố trí kinh phí …
    kien_nghi:
      - Đề nghị Bộ Nội vụ …

``kehoach report`` finds the file naming its plan and period and prints these paragraphs
where a draft would mark the place for the author; ``kehoach check`` checks it (the plan
exists, the period is one of the forms of ``kehoach.plan.reportperiod``); ``kehoach fmt``
formats it.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from kehoach.plan.parts import BodyId, Strict, Text

Paragraphs = Text | list[Text]
"""One paragraph, or a list of paragraphs printed in order."""


class Narrative(Strict):
    """Phần viết của một báo cáo kết quả thực hiện kế hoạch — một tệp YAML trong reports/."""

    ke_hoach: Text = Field(description="Tệp kế hoạch được báo cáo, tính từ thư mục gốc của kho "
                           "(ví dụ: plans/lang-son-253-kh-ubnd-2021.yaml).")
    ky: Text | int = Field(description="Kỳ báo cáo: 2024 (năm), 6T-2024 (sáu tháng đầu năm), "
                           "6T-cuoi-2024 (sáu tháng cuối năm) hoặc 2021-2025 (giai đoạn).")
    so_ky_hieu: Text | None = Field(None, description="Số, ký hiệu của báo cáo (ví dụ: "
                                    "45/BC-UBND); không ghi: báo cáo là dự thảo.")
    ngay: dt.date | None = Field(None, description="Ngày ký báo cáo (YYYY-MM-DD).")
    dia_danh: Text | None = Field(None, description="Địa danh ghi trước ngày tháng (mặc định: "
                                  "của kế hoạch).")
    co_quan: BodyId | None = Field(None, description="Cơ quan báo cáo (mặc định: cơ quan ban "
                                   "hành đầu tiên của kế hoạch).")
    danh_gia: Paragraphs | None = Field(None, description="Đánh giá chung về kết quả thực hiện.")
    nguyen_nhan: Paragraphs | None = Field(None, description="Tồn tại, hạn chế và nguyên nhân.")
    phuong_huong: Paragraphs | None = Field(None, description="Phương hướng, nhiệm vụ kỳ tới "
                                            "(in sau danh sách nhiệm vụ đến hạn kỳ tới).")
    kien_nghi: Paragraphs | None = Field(None, description="Kiến nghị, đề xuất.")
    quyen_han: Text | None = Field(None, description="Thẩm quyền ký: TM. ..., KT. CHỦ TỊCH...")
    chuc_vu: Text | None = Field(None, description="Chức vụ người ký.")
    nguoi_ky: Text | None = Field(None, description="Họ tên người ký.")
    noi_nhan: list[Text] = Field(default_factory=list, description="Các dòng nơi nhận.")
    ghi_chu: str | None = Field(None, description="Ghi chú của người soạn (không in ra).")

    @property
    def period_code(self) -> str:
        return str(self.ky)

    def paragraphs(self, name: str) -> list[str]:
        """The paragraphs written under ``name`` (empty when none)."""
        value = getattr(self, name)
        if value is None:
            return []
        return [value] if isinstance(value, str) else list(value)
