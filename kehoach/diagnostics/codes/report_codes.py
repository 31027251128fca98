"""Codes about a progress report's narrative (a file in the repository's ``reports/``)."""

from __future__ import annotations

from kehoach.diagnostics.codes.entry import ERROR, REPORT, WARNING, Code

CODES = (
    Code(
        "report-plan-unknown", ERROR, REPORT, "Phần viết của báo cáo nêu kế hoạch không có",
        "Tệp trong thư mục reports/ là phần viết tay của một báo cáo kết quả thực hiện kế "
        "hoạch; mục “ke_hoach” ghi tệp kế hoạch được báo cáo, tính từ thư mục gốc của kho "
        "(plans/…yaml). Mã này báo một tệp không có trong kho, hoặc không phải một kế hoạch "
        "trong plans/: kehoach report sẽ không bao giờ dùng phần viết này.",
        "ke_hoach: plans/ke-hoach-253.yml\nky: 2024\n",
        "ke_hoach: plans/lang-son-253-kh-ubnd-2021.yaml\nky: 2024\n",
    ),
    Code(
        "report-period", ERROR, REPORT, "Kỳ báo cáo không đúng dạng",
        "Mục “ky” ghi kỳ báo cáo theo một trong các dạng: một năm (2024), sáu tháng đầu năm "
        "(6T-2024), sáu tháng cuối năm (6T-cuoi-2024) hoặc một giai đoạn (2021-2025) — đúng "
        "như tham số --period của kehoach report, để lệnh tìm được phần viết của kỳ mình lập.",
        "ke_hoach: plans/lang-son-253-kh-ubnd-2021.yaml\nky: nam 2024\n",
        "ke_hoach: plans/lang-son-253-kh-ubnd-2021.yaml\nky: 2024\n",
    ),
    Code(
        "report-duplicate", WARNING, REPORT, "Hai phần viết cho cùng một báo cáo",
        "Hai tệp trong reports/ nêu cùng một kế hoạch và cùng một kỳ báo cáo: kehoach report "
        "chỉ dùng tệp đứng trước theo thứ tự tên, phần viết trong tệp kia bị bỏ qua. Hãy gộp "
        "hai tệp làm một.",
        "# reports/a.yaml và reports/b.yaml cùng ghi:\nke_hoach: plans/a.yaml\nky: 2024\n",
        "# chỉ reports/a.yaml ghi:\nke_hoach: plans/a.yaml\nky: 2024\n",
    ),
)
