"""Codes of the limits that keep every command bounded on a hostile file (kehoach.plan.limits).

A cloned repository is hostile input: each of these refuses a file, or a value, that would
crash a command or exhaust the machine, so no repository configuration may switch one off.
"""

from __future__ import annotations

from kehoach.diagnostics.codes.entry import ERROR, FILE, PLAN, SCHEMA, TASK, WARNING, Code

CODES = (
    Code(
        "too-many-values", ERROR, FILE, "Tệp có quá nhiều giá trị YAML",
        "Tệp có hơn 100.000 giá trị YAML (khóa, chuỗi, danh sách, bảng). Kế hoạch nặng nhất "
        "của bộ thử hiệu năng có 2.416 giá trị, danh mục 270 cơ quan có 4.143. Mỗi giá trị tốn "
        "bộ nhớ khi đọc, nên kehoach đếm trước khi dựng và từ chối tệp ngay tại giá trị vượt "
        "giới hạn; hãy tách kế hoạch thành nhiều tệp.",
        "ghi_chu: [a, a, a, a, …]  # một danh sách một triệu phần tử\n",
        "ghi_chu: Vài giá trị là đủ.\n",
        security=True,
    ),
    Code(
        "too-many-problems", ERROR, FILE, "Tệp còn lỗi chưa liệt kê",
        "Một tệp có hơn 1.000 lỗi và cảnh báo: kehoach liệt kê 1.000 mục đầu rồi dừng, để một "
        "tệp có hàng chục nghìn khóa sai vẫn được trả lời ngay thay vì in hàng chục nghìn dòng. "
        "Mã này đứng ở vị trí của lỗi đầu tiên không được liệt kê, nên tệp vẫn bị coi là có "
        "lỗi dù 1.000 mục đã liệt kê chỉ là cảnh báo. Hãy sửa rồi kiểm tra lại.",
        "# 5.000 khóa không có trong định dạng\nk1: 1\nk2: 1\nk3: 1\n",
        "loai: ke_hoach\n",
        security=True,
    ),
    Code(
        "too-many-warnings", WARNING, FILE, "Tệp còn cảnh báo chưa liệt kê",
        "Như “too-many-problems”, cho cảnh báo: sau 1.000 lỗi và cảnh báo đã liệt kê, mã này "
        "đứng ở vị trí của cảnh báo đầu tiên không được liệt kê.",
        "# 1.200 lần hoàn thành ghi ngày trước ngày ban hành\n",
        "# các ngày hoàn thành sau ngày ban hành\n",
        security=True,
    ),
    Code(
        "control-character", ERROR, SCHEMA, "Ký tự điều khiển trong chuỗi",
        "Một chuỗi trong dấu nháy kép viết một ký tự điều khiển hoặc không in được bằng mã "
        "thoát (“\\v”, “\\0”, “\\x1f”, “\\e”, “\\uFFFE”). YAML không cho các ký tự này đứng trần "
        "trong tệp, văn bản .docx không chứa được chúng, và trên màn hình chúng có thể xóa "
        "hoặc giả mạo dòng chữ. Vị trí báo là chính mã thoát; hãy xóa nó.",
        "ghi_chu: \"Đã gửi\\vbáo cáo\"\n",
        "ghi_chu: \"Đã gửi báo cáo\"\n",
        security=True,
    ),
    Code(
        "text-too-long", ERROR, SCHEMA, "Đoạn văn quá dài",
        "Một giá trị chữ dài hơn 15.000 ký tự (đoạn dài nhất của các kế hoạch thật chưa tới 800). "
        "Giới hạn này giữ cho “kehoach fmt” luôn ghi được mọi tệp “kehoach check” chấp nhận: một "
        "chuỗi cần dấu nháy được viết trên một dòng, và dòng không được dài quá 100.000 ký tự. "
        "Hãy tách đoạn thành nhiều mục.",
        "noi_dung: \"Tổ chức … (20.000 ký tự liền một đoạn)\"\n",
        "muc:\n  - noi_dung: Tổ chức …\n  - noi_dung: Triển khai …\n",
        security=True,
    ),
    Code(
        "number-too-large", ERROR, SCHEMA, "Số quá lớn",
        "Một số viết trần có hơn 100 chữ số. Không giá trị nào của kế hoạch cần số lớn như vậy, "
        "và Python không in được số nguyên dài hơn 4.300 chữ số. Nếu đó là chữ (một mã số dài), "
        "hãy đặt trong dấu nháy kép.",
        "ghi_chu: 1234567890123456789012345678901234567890…  # 5.000 chữ số\n",
        "ghi_chu: \"1234567890123456789012345678901234567890\"\n",
        security=True,
    ),
    Code(
        "date-out-of-range", ERROR, SCHEMA, "Ngày hoặc năm ngoài khoảng kehoach tính được",
        "kehoach tính thời hạn trong các năm 1900–2199 (bộ đọc thời hạn đọc đúng những năm "
        "này); một ngày hay một năm ngoài khoảng đó (năm 0, năm 20255, ngày 9999-12-31) không "
        "phải của một kế hoạch thật và làm phép tính ngày vượt quá lịch. Hãy sửa lại năm.",
        "giai_doan: {tu: 2021, den: 20255}\n",
        "giai_doan: {tu: 2021, den: 2025}\n",
        security=True,
    ),
    Code(
        "period-too-long", ERROR, PLAN, "Giai đoạn quá dài",
        "Giai đoạn của kế hoạch (giai_doan) dài hơn 50 năm. Nhiệm vụ định kỳ được tính cho từng "
        "kỳ trong giai đoạn, nên một giai đoạn vài nghìn năm làm việc theo dõi sinh ra hàng trăm "
        "triệu nghĩa vụ. Các chiến lược dài nhất cũng chỉ có tầm nhìn vài chục năm.",
        "giai_doan: {tu: 2021, den: 2199}\n",
        "giai_doan: {tu: 2021, den: 2030}\n",
        security=True,
    ),
    Code(
        "too-many-items", ERROR, PLAN, "Kế hoạch có quá nhiều mục in ra",
        "Kế hoạch có hơn 1.500 mục in thành đoạn hoặc dòng bảng riêng (phần, mục, căn cứ, đoạn "
        "kết, nơi nhận, chú thích, thành viên ban tổ chức, chương trình sự kiện). Mỗi mục tốn "
        "thời gian và bộ nhớ khi xuất .docx; giới hạn này cùng hai giới hạn sau giữ cho việc "
        "xuất văn bản dưới 256 MiB. Hãy tách thành nhiều kế hoạch.",
        "phan:\n  - noi_dung: Mục 1\n  # … 2.000 mục nữa\n",
        "phan:\n  - noi_dung: Mục 1\n  - noi_dung: Mục 2\n",
        security=True,
    ),
    Code(
        "too-many-tasks", ERROR, TASK, "Kế hoạch có quá nhiều nhiệm vụ",
        "Kế hoạch có hơn 500 nhiệm vụ (kế hoạch thật có vài chục, kế hoạch nặng nhất của bộ thử "
        "hiệu năng có 100). Mỗi nhiệm vụ là một dòng của bảng nhiệm vụ trong phụ lục và nhiều "
        "nghĩa vụ cần theo dõi. Hãy tách thành nhiều kế hoạch.",
        "nhiem_vu:\n  - id: nv-1\n  # … 600 nhiệm vụ nữa\n",
        "nhiem_vu:\n  - id: nv-1\n  - id: nv-2\n",
        security=True,
    ),
    Code(
        "table-too-large", ERROR, PLAN, "Bảng phụ lục quá lớn",
        "Các bảng của phụ lục (phu_luc[].bang) có tổng cộng hơn 2.000 ô, kể cả dòng tiêu đề. "
        "Bảng lớn như vậy nên giữ ở tệp riêng: ghi “ben_ngoai” để phụ lục chỉ nêu nơi giữ bảng.",
        "phu_luc:\n  - so: I\n    bang: {cot: [A, B], dong: [[…], …]}  # 3.000 dòng\n",
        "phu_luc:\n  - so: I\n    ben_ngoai: Tệp danh-sach.xlsx kèm theo\n",
        security=True,
    ),
    Code(
        "too-many-obligations", ERROR, TASK, "Kế hoạch sinh ra quá nhiều nghĩa vụ",
        "Số nghĩa vụ cần theo dõi (số kỳ của mỗi nhiệm vụ nhân số cơ quan thực hiện, tính cả "
        "thành viên của nhóm và cơ quan phối hợp) vượt 50.000. Vị trí báo là nhiệm vụ làm "
        "vượt giới hạn. kehoach đếm trước khi tính, nên các lệnh theo dõi cũng từ chối kế hoạch "
        "này với cùng thông báo thay vì làm treo máy. Hãy rút ngắn giai đoạn, bớt nhiệm vụ "
        "định kỳ giao cho nhóm, hoặc tách kế hoạch.",
        "giai_doan: {tu: 2021, den: 2070}\n# 300 nhiệm vụ “trước ngày 5 hằng tháng” giao cho nhóm "
        "26 sở\n",
        "giai_doan: {tu: 2021, den: 2025}\n# nhiệm vụ hằng tháng giao cho từng sở cần làm\n",
        security=True,
    ),
)
