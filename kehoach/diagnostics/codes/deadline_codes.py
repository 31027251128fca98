"""Codes of the deadline reader: a phrase it cannot read, only guesses, or finds impossible.

The reader (``kehoach.deadline``) reports them on every phrase it reads; ``kehoach check``
places them at the task's ``thoi_han`` (or an extension's). docs/deadlines.md describes the
phrases the reader understands.
"""

from __future__ import annotations

from kehoach.diagnostics.codes.entry import DEADLINE, ERROR, WARNING, Code

CODES = (
    Code(
        "impossible-date", ERROR, DEADLINE, "Thời hạn là một ngày không có thật",
        "Cụm từ thời hạn nêu một ngày, tháng hay quý không tồn tại: 31/11, 29/02 của năm không "
        "nhuận, tháng 13, quý V. Thường là gõ nhầm; hãy đối chiếu với bản gốc.",
        "thoi_han: trước ngày 31/11/2022\n",
        "thoi_han: trước ngày 30/11/2022\n",
    ),
    Code(
        "weekday-mismatch", ERROR, DEADLINE, "Thứ ghi kèm không khớp với ngày",
        "Cụm từ ghi cả thứ và ngày (“thứ Hai, ngày 04/11/2022” hoặc “04/11/2022 (thứ Hai)”) "
        "nhưng ngày đó rơi vào thứ khác. Một trong hai đã ghi sai; thông báo nêu thứ đúng của "
        "ngày để tác giả đối chiếu với bản gốc.",
        "thoi_han: ngày 04/11/2022 (thứ Hai)\n",
        "thoi_han: ngày 04/11/2022 (thứ Sáu)\n",
    ),
    Code(
        "period-reversed", ERROR, DEADLINE, "Giai đoạn bắt đầu sau khi kết thúc",
        "Cụm từ nêu một khoảng thời gian (“từ … đến …”) mà ngày bắt đầu muộn hơn ngày kết thúc, "
        "thường do gõ nhầm năm hoặc tháng.",
        "thoi_han: từ ngày 01/12/2022 đến ngày 30/11/2022\n",
        "thoi_han: từ ngày 01/11/2022 đến ngày 30/11/2022\n",
    ),
    Code(
        "year-missing", WARNING, DEADLINE, "Thời hạn không ghi năm",
        "Cụm từ không ghi năm (“trước ngày 15/11”, “quý I”) và kế hoạch chưa có ngày tham chiếu "
        "để suy ra năm: không có ngày ban hành, cũng không có giai đoạn. Thời hạn vẫn đúng loại "
        "nhưng không có ngày đến hạn. Hãy ghi năm, hoặc ghi ngày ban hành (hay giai đoạn) của kế "
        "hoạch; khi đó năm là lần đầu tiên thời hạn rơi vào hoặc sau ngày tham chiếu.",
        "du_thao: true\n# không có ngay_ban_hanh, không có giai_doan\n…\n"
        "            thoi_han: trước ngày 15/11\n",
        "du_thao: true\n…\n            thoi_han: trước ngày 15/11/2022\n",
    ),
    Code(
        "recurring-without-start", WARNING, DEADLINE, "Nhiệm vụ định kỳ chưa biết bắt đầu từ đâu",
        "Thời hạn định kỳ (“hằng quý”, “hằng năm”, “định kỳ trước ngày 15/11 hằng năm”) được "
        "tính thành từng kỳ trong khoảng thời gian của kế hoạch: từ sau ngày ban hành, hoặc từ "
        "đầu giai đoạn. Kế hoạch chưa có ngày ban hành (dự thảo) và chưa có “giai_doan” thì "
        "không có kỳ nào: nhiệm vụ không xuất hiện trong danh sách theo dõi, thay vì hiện những "
        "kỳ có trước cả khi kế hoạch ra đời. Hãy ghi “giai_doan”.",
        "du_thao: true\n# không có ngay_ban_hanh, không có giai_doan\n"
        "            thoi_han: hằng quý\n",
        "du_thao: true\ngiai_doan:\n  tu: 2024\n  den: 2025\n"
        "            thoi_han: hằng quý\n",
    ),
    Code(
        "several-deadlines", WARNING, DEADLINE, "Nhiều thời hạn trong một cụm từ",
        "Cụm từ chứa nhiều thời hạn khác loại (“hằng quý, hằng năm”; “trong 15 ngày kể từ ngày "
        "ký, hoàn thành trước 30/6/2023”). kehoach chỉ theo dõi một loại, theo thứ tự ưu tiên: "
        "thường xuyên, tương đối, định kỳ, ngày cụ thể; phần còn lại không được theo dõi. Hãy "
        "tách thành các nhiệm vụ riêng, mỗi nhiệm vụ một thời hạn.",
        "thoi_han: hằng quý, hằng năm\n",
        "          - id: bao-cao-quy\n            thoi_han: hằng quý\n"
        "          - id: bao-cao-nam\n            thoi_han: hằng năm\n",
    ),
    Code(
        "anchor-missing", WARNING, DEADLINE, "Thời hạn tương đối không nêu mốc",
        "Thời hạn tính bằng số ngày, tháng (“trong 15 ngày”) mà không nêu tính từ ngày nào (“kể "
        "từ ngày ký”, “kể từ ngày nhận được văn bản”), nên không ai tính được ngày đến hạn. Hãy "
        "ghi mốc như văn bản gốc.",
        "thoi_han: trong 15 ngày\n",
        "thoi_han: trong 15 ngày kể từ ngày ký\n",
    ),
    Code(
        "guessed", WARNING, DEADLINE, "Thời hạn được đọc theo phỏng đoán",
        "Không cách viết chuẩn nào khớp, nên ngày đến hạn được đoán bằng thư viện dateparser "
        "(“hạn 2023/06/20”, “20/6/23”). Kết quả có thể sai, nhất là năm viết tắt hoặc thứ tự "
        "ngày–tháng. Hãy viết theo mẫu chuẩn, ví dụ “trước ngày 20/6/2023”.",
        "thoi_han: hạn 20/6/23\n",
        "thoi_han: trước ngày 20/6/2023\n",
    ),
    Code(
        "unrecognized", WARNING, DEADLINE, "Không đọc được thời hạn",
        "kehoach không tìm thấy thời hạn nào trong cụm từ (“khi có điều kiện”, “theo yêu cầu của "
        "cấp có thẩm quyền”), nên nhiệm vụ không bao giờ được báo quá hạn. Nếu văn bản thật sự "
        "không giao thời hạn, cảnh báo này nhắc người theo dõi; nếu có, hãy chép đúng cụm từ "
        "thời hạn.",
        "thoi_han: khi có điều kiện\n",
        "thoi_han: trước ngày 15/11/2022\n",
    ),
    Code(
        "empty", WARNING, DEADLINE, "Thời hạn để trống",
        "Thời hạn (thường là của một lần gia hạn) chỉ có khoảng trắng. Một lần gia hạn phải nêu "
        "thời hạn mới; nếu nhiệm vụ không có thời hạn, hãy bỏ hẳn khóa “thoi_han”.",
        "            gia_han:\n              - thoi_han: \" \"\n                ngay: 2022-11-01\n"
        "                van_ban: Công văn số 15/UBND-VP\n",
        "            gia_han:\n              - thoi_han: trước ngày 30/11/2022\n"
        "                ngay: 2022-11-01\n                van_ban: Công văn số 15/UBND-VP\n",
    ),
    Code(
        "input-truncated", WARNING, DEADLINE, "Cụm từ thời hạn quá dài",
        "Cụm từ thời hạn dài hơn 2.000 ký tự; chỉ phần đầu được đọc. “thoi_han” nên chỉ chép "
        "cụm từ thời hạn (“trước ngày 15/11/2022”), không chép cả đoạn văn.",
        "thoi_han: Sở Nội vụ chủ trì, phối hợp … (cả một đoạn văn dài 3.000 ký tự)\n",
        "thoi_han: trước ngày 15/11/2022\n",
    ),
    Code(
        "year-name-mismatch", ERROR, DEADLINE, "Tên năm âm lịch không khớp số năm",
        "Cụm từ ghi cả tên năm can chi và số năm (“Tết Nguyên đán Giáp Thìn 2025”) nhưng hai "
        "thứ không khớp: năm 2025 là năm Ất Tỵ. Một trong hai đã ghi sai; thông báo nêu tên "
        "đúng của số năm để tác giả đối chiếu với bản gốc.",
        "thoi_han: trước Tết Nguyên đán Giáp Thìn 2025\n",
        "thoi_han: trước Tết Nguyên đán Ất Tỵ 2025\n",
    ),
    Code(
        "partial", WARNING, DEADLINE, "Thời hạn chỉ đọc được một phần",
        "Cụm từ có dấu hiệu thời gian mà kehoach chưa hiểu (một số đi liền “ngày”, “tháng”, "
        "“năm”, “giờ”; một nhóm chữ số như “5-6/2024”), hoặc một cách đọc chỉ là tạm (“sau "
        "Tết”, một ngày có năm trong thời hạn định kỳ). Thời hạn đọc được có thể thiếu hoặc sai: "
        "thông báo nêu phần chưa hiểu. Hãy viết lại theo mẫu chuẩn hoặc tách thành nhiều nhiệm "
        "vụ.",
        "thoi_han: Báo cáo 5 tháng, gửi trước ngày 10/6\n",
        "thoi_han: trước ngày 10/6\n",
    ),
    Code(
        "working-days-approximate", WARNING, DEADLINE, "Ngày làm việc tính qua Tết chưa công bố",
        "Thời hạn tính bằng ngày làm việc đi qua kỳ nghỉ Tết của một năm mà Chính phủ chưa công "
        "bố lịch nghỉ. kehoach ước tính ngày nghỉ theo quy tắc của các năm trước, nên hạn có thể "
        "lệch vài ngày khi lịch nghỉ được công bố; khi đó hãy cập nhật kehoach.",
        "ngay_ban_hanh: 2027-01-25\n…\n            thoi_han: trong 10 ngày làm việc kể từ ngày "
        "ký\n",
        "ngay_ban_hanh: 2027-01-25\n…\n            thoi_han: trước ngày 20/02/2027\n",
    ),
    Code(
        "event-day-missing", WARNING, DEADLINE, "Thời hạn tính lùi từ sự kiện chưa có ngày",
        "Thời hạn tính lùi từ một sự kiện (“15 ngày trước ngày tổ chức”) nhưng kế hoạch không "
        "ghi ngày của sự kiện ở “su_kien.thoi_gian” của mục chứa nhiệm vụ (hoặc mục bao quanh), "
        "nên không tính được hạn và nhiệm vụ không bao giờ được báo quá hạn. Hãy ghi ngày tổ "
        "chức.",
        "    su_kien:\n      thoi_gian: Sẽ thông báo sau\n…\n            thoi_han: 15 ngày "
        "trước ngày tổ chức\n",
        "    su_kien:\n      thoi_gian: 8 giờ 00, ngày 26/3/2024\n…\n            thoi_han: 15 "
        "ngày trước ngày tổ chức\n",
    ),
)
