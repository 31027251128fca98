"""Codes of the rules about tasks (nhiệm vụ) and of the agency registry (danh mục cơ quan)."""

from __future__ import annotations

from kehoach.diagnostics.codes.entry import ERROR, REGISTRY, TASK, WARNING, Code

CODES = (
    Code(
        "duplicate-task-id", ERROR, TASK, "Mã nhiệm vụ bị trùng",
        "Mỗi nhiệm vụ có một mã (“id”) duy nhất trong cả kho kế hoạch, không chỉ trong một tệp: "
        "các lệnh “kehoach done”, “extend” và bảng theo dõi gọi nhiệm vụ bằng mã đó. Thông báo "
        "nêu tệp và dòng của nhiệm vụ kia. Hãy đổi một mã, thường bằng cách thêm tiền tố của kế "
        "hoạch.",
        "# plans/a.yaml\n          - id: bao-cao\n# plans/b.yaml\n          - id: bao-cao\n",
        "# plans/a.yaml\n          - id: kh253-bao-cao\n# plans/b.yaml\n"
        "          - id: kh254-bao-cao\n",
    ),
    Code(
        "task-no-lead", WARNING, TASK, "Nhiệm vụ chưa có cơ quan chủ trì",
        "Nhiệm vụ không có “chu_tri” và không mục nào bao quanh nó ghi “co_quan”, nên không cơ "
        "quan nào chịu trách nhiệm và nhiệm vụ không xuất hiện khi lọc theo cơ quan. Hãy ghi cơ "
        "quan chủ trì theo lời văn.",
        "        nhiem_vu:\n          - id: t1\n            thoi_han: trước ngày 15/11/2022\n",
        "        nhiem_vu:\n          - id: t1\n            chu_tri: ls.snv\n"
        "            thoi_han: trước ngày 15/11/2022\n",
    ),
    Code(
        "deadline-not-in-text", WARNING, TASK, "Thời hạn không có trong lời văn",
        "“thoi_han” của nhiệm vụ phải chép nguyên văn một cụm từ có trong lời văn của mục (hoặc "
        "các mục con), để thời hạn được theo dõi đúng là thời hạn văn bản đã giao. Mã này báo "
        "cụm từ không tìm thấy (kể cả khi bỏ qua dấu và chữ hoa): thường do chép sai ngày.",
        "noi_dung: Sở Nội vụ báo cáo trước ngày 15/11/2022.\nnhiem_vu:\n  - id: t1\n"
        "    thoi_han: trước ngày 16/11/2022\n",
        "noi_dung: Sở Nội vụ báo cáo trước ngày 15/11/2022.\nnhiem_vu:\n  - id: t1\n"
        "    thoi_han: trước ngày 15/11/2022\n",
    ),
    Code(
        "task-text-not-in-item", WARNING, TASK, "Nội dung nhiệm vụ không có trong lời văn",
        "“noi_dung” của nhiệm vụ là một đoạn trích nguyên văn từ lời văn của mục (hoặc các mục "
        "con), dùng khi một mục giao nhiều nhiệm vụ. Mã này báo đoạn trích không có trong lời "
        "văn: đoạn trích đã bị viết lại, hoặc lời văn đã đổi mà đoạn trích chưa đổi theo.",
        "noi_dung: Sở Nội vụ tổng hợp, báo cáo trước ngày 15/11/2022.\nnhiem_vu:\n  - id: t1\n"
        "    noi_dung: Sở Nội vụ tổng hợp số liệu\n",
        "noi_dung: Sở Nội vụ tổng hợp, báo cáo trước ngày 15/11/2022.\nnhiem_vu:\n  - id: t1\n"
        "    noi_dung: Sở Nội vụ tổng hợp, báo cáo\n",
    ),
    Code(
        "completion-assignee", ERROR, TASK, "Hoàn thành ghi cho cơ quan không được giao",
        "Một lần hoàn thành (“hoan_thanh”) ghi “co_quan” không phải cơ quan chủ trì nhiệm vụ "
        "(hay cơ quan kế thừa của nó), hoặc nhiệm vụ giao cho nhiều cơ quan mà lần hoàn thành "
        "không ghi “co_quan”, nên không biết cơ quan nào đã xong. Hãy ghi đúng cơ quan đã hoàn "
        "thành.",
        "            chu_tri: ls.snv\n            hoan_thanh:\n              - co_quan: ls.ubnd\n"
        "                ngay_hoan_thanh: 2022-11-10\n",
        "            chu_tri: ls.snv\n            hoan_thanh:\n              - co_quan: ls.snv\n"
        "                ngay_hoan_thanh: 2022-11-10\n",
    ),
    Code(
        "completion-unknown-occurrence", WARNING, TASK, "Hoàn thành cho một kỳ không có trong lịch",
        "Với nhiệm vụ định kỳ, “ky” của lần hoàn thành nêu kỳ nào đã xong: năm của kỳ, hoặc "
        "ngày đến hạn của kỳ. Mã này báo “ky” không khớp kỳ nào trong lịch của nhiệm vụ (theo "
        "thời hạn và các lần gia hạn): thường là gõ nhầm năm.",
        "            thoi_han: trước ngày 15/11/2022\n            hoan_thanh:\n"
        "              - ky: 2023\n                ngay_hoan_thanh: 2023-11-10\n",
        "            thoi_han: trước ngày 15/11/2022\n            hoan_thanh:\n"
        "              - ky: 2022\n                ngay_hoan_thanh: 2022-11-10\n",
    ),
    Code(
        "completion-year-ambiguous", WARNING, TASK, "Kỳ ghi bằng năm mà năm có nhiều kỳ",
        "“ky” của lần hoàn thành ghi một năm (cách ghi của định dạng 1) nhưng năm đó có nhiều kỳ "
        "(“trước ngày 15/6 và 15/12 hằng năm”): bản ghi được tính cho kỳ đầu tiên của năm. Hãy "
        "ghi ngày đến hạn của kỳ đã hoàn thành.",
        "            thoi_han: trước ngày 15/6 và 15/12 hằng năm\n            hoan_thanh:\n"
        "              - ky: 2024\n                ngay_hoan_thanh: 2024-12-10\n",
        "            thoi_han: trước ngày 15/6 và 15/12 hằng năm\n            hoan_thanh:\n"
        "              - ky: 2024-12-15\n                ngay_hoan_thanh: 2024-12-10\n",
    ),
    Code(
        "annex-unknown-task", ERROR, TASK, "Phụ lục nêu nhiệm vụ không có",
        "Một phụ lục liệt kê các nhiệm vụ của bảng phân công (“bang_nhiem_vu”) bằng mã, và có "
        "một mã không phải nhiệm vụ nào của kế hoạch, nên bảng sẽ thiếu một dòng. Thường do gõ "
        "nhầm mã, hoặc nhiệm vụ đã đổi mã mà phụ lục chưa đổi theo.",
        "phu_luc:\n  - so: I\n    bang_nhiem_vu: [t1, t9]\n",
        "phu_luc:\n  - so: I\n    bang_nhiem_vu: [t1, t2]\n",
    ),
    Code(
        "task-reference-unknown", ERROR, TASK, "Mục nhắc đến nhiệm vụ không có",
        "Một nhiệm vụ có thể được nhắc ở nhiều phần của văn bản (Đài Phát thanh - Truyền hình "
        "chủ trì xây dựng clip ở mục III.8, Tỉnh đoàn “phối hợp … xây dựng clip” ở mục III.3): "
        "nhiệm vụ chỉ ghi và theo dõi một lần, các mục kia ghi “nhiem_vu_lien_quan” là mã của "
        "nó. Mã này báo một mã không phải nhiệm vụ nào của kế hoạch: gõ nhầm, hoặc nhiệm vụ đã "
        "đổi mã.",
        "      - so: \"3.\"\n        noi_dung: Phối hợp xây dựng clip tuyên truyền.\n"
        "        nhiem_vu_lien_quan: [clip-tuyen-truyen-2023]\n",
        "      - so: \"3.\"\n        noi_dung: Phối hợp xây dựng clip tuyên truyền.\n"
        "        nhiem_vu_lien_quan: [clip-tuyen-truyen]\n",
    ),
    Code(
        "duplicate-id", ERROR, REGISTRY, "Mã cơ quan bị lặp",
        "Hai cơ quan trong danh mục cùng một mã, nên mọi kế hoạch nêu mã đó không biết là cơ "
        "quan nào. Hãy đổi mã của một cơ quan và sửa các kế hoạch dùng nó.",
        "co_quan:\n  - id: ls.snv\n    ten: Sở Nội vụ tỉnh Lạng Sơn\n  - id: ls.snv\n"
        "    ten: Sở Ngoại vụ tỉnh Lạng Sơn\n",
        "co_quan:\n  - id: ls.snv\n    ten: Sở Nội vụ tỉnh Lạng Sơn\n  - id: ls.sngv\n"
        "    ten: Sở Ngoại vụ tỉnh Lạng Sơn\n",
    ),
    Code(
        "registry-cycle", ERROR, REGISTRY, "Vòng lặp trong danh mục cơ quan",
        "Đi theo “cap_tren” (cơ quan cấp trên) hoặc “ke_thua” (cơ quan kế thừa) từ một cơ quan "
        "lại quay về chính nó: một cơ quan không thể là cấp trên của cấp trên của mình. Vòng lặp "
        "làm việc tìm cơ quan cấp dưới và cơ quan kế thừa không có điểm dừng. Hãy sửa một liên "
        "kết trong vòng.",
        "co_quan:\n  - id: ls.ubnd\n    ten: Ủy ban nhân dân tỉnh Lạng Sơn\n    cap_tren: ls.snv\n"
        "  - id: ls.snv\n    ten: Sở Nội vụ tỉnh Lạng Sơn\n    cap_tren: ls.ubnd\n",
        "co_quan:\n  - id: ls.ubnd\n    ten: Ủy ban nhân dân tỉnh Lạng Sơn\n"
        "  - id: ls.snv\n    ten: Sở Nội vụ tỉnh Lạng Sơn\n    cap_tren: ls.ubnd\n",
    ),
    Code(
        "group-members", ERROR, REGISTRY, "Thành viên nhóm không khớp loại nhóm",
        "Nhóm “nhom: liet_ke” liệt kê các cơ quan thành viên ở “thanh_vien”: nhiệm vụ giao cho "
        "nhóm được tính cho từng thành viên, nên nhóm không có thành viên là lỗi. Ngược lại, chỉ "
        "nhóm liet_ke mới có “thanh_vien”: nhóm mở (“nhom: mo”) và cơ quan thường không có.",
        "  - id: ls.cac-so\n    ten: Các sở, ban, ngành tỉnh\n    nhom: liet_ke\n",
        "  - id: ls.cac-so\n    ten: Các sở, ban, ngành tỉnh\n    nhom: liet_ke\n"
        "    thanh_vien: [ls.snv, ls.stc]\n",
    ),
    Code(
        "proposed-body", WARNING, REGISTRY, "Cơ quan do kehoach import đề xuất, chưa được xem lại",
        "Khi nhập một văn bản Word (“kehoach import”), tên cơ quan không khớp cơ quan nào trong "
        "danh mục được thêm vào danh mục như một đề xuất: tên như văn bản viết, mã tạo từ tỉnh "
        "và tên, loại đoán theo tên, và dòng “de_xuat” ghi nguồn. Máy có thể đoán sai (một tên "
        "viết tắt của cơ quan đã có, một nhóm cơ quan, cấp trên). Hãy xem đề xuất trong git "
        "diff: sửa tên, mã, loại, cấp trên nếu cần (hoặc gộp vào cơ quan đã có và sửa kế hoạch), "
        "rồi xóa dòng “de_xuat”.",
        "  - id: ls.phong-van-hoa\n    ten: Phòng Văn hóa và Thông tin\n    loai: nha_nuoc\n"
        "    de_xuat: kehoach import từ “KH 12.docx”, đoạn 40\n",
        "  - id: ls.phong-van-hoa\n    ten: Phòng Văn hóa và Thông tin\n    loai: nha_nuoc\n"
        "    cap_tren: ls.ubnd\n",
    ),
)
