"""Codes of the rules that read a plan as a document: number, legal basis, dates, bodies."""

from __future__ import annotations

from kehoach.diagnostics.codes.entry import ERROR, PLAN, WARNING, Code

CODES = (
    Code(
        "symbol-style", ERROR, PLAN, "Số, ký hiệu sai kiểu trình bày",
        "Cơ quan nhà nước ghi số, ký hiệu dạng “253/KH-UBND”: số, gạch chéo, mã loại văn bản, "
        "gạch nối, chữ viết tắt cơ quan. Tổ chức Đoàn ghi dạng “366-KH/TĐTN”: số, gạch nối, mã "
        "loại, gạch chéo, chữ viết tắt. Mã này báo số, ký hiệu không đọc được theo dạng nào, "
        "hoặc dùng dạng của khối kia so với cơ quan ban hành (theo “loai” trong danh mục).",
        "co_quan_ban_hanh: [ls.ubnd]\nso_ky_hieu: 253-KH/UBND\n",
        "co_quan_ban_hanh: [ls.ubnd]\nso_ky_hieu: 253/KH-UBND\n",
    ),
    Code(
        "symbol-type", ERROR, PLAN, "Mã loại văn bản trong ký hiệu không khớp",
        "Ký hiệu phải mang mã của loại văn bản ghi ở “loai” (Phụ lục III Nghị định "
        "30/2020/NĐ-CP): KH cho kế hoạch, CTr cho chương trình, BC cho báo cáo… Sai lệch thường "
        "do chép ký hiệu của văn bản khác hoặc chọn nhầm “loai”.",
        "loai: ke_hoach\nso_ky_hieu: 253/CTr-UBND\n",
        "loai: ke_hoach\nso_ky_hieu: 253/KH-UBND\n",
    ),
    Code(
        "symbol-issuer", ERROR, PLAN, "Ký hiệu thiếu chữ viết tắt của cơ quan ban hành",
        "Phần sau mã loại văn bản phải có chữ viết tắt (“viet_tat” trong danh mục) của mỗi cơ "
        "quan ban hành; văn bản liên tịch ghi đủ chữ viết tắt của các cơ quan, nối bằng gạch "
        "nối. Sai lệch thường do chép ký hiệu của cơ quan khác.",
        "co_quan_ban_hanh: [ls.ubnd]\nso_ky_hieu: 253/KH-SNV\n",
        "co_quan_ban_hanh: [ls.ubnd]\nso_ky_hieu: 253/KH-UBND\n",
    ),
    Code(
        "symbol-number", ERROR, PLAN, "Văn bản đã ban hành chưa có số",
        "Số, ký hiệu còn để trống phần số (“…/KH-UBND”) trong khi văn bản không phải dự thảo. "
        "Khi văn bản được ban hành, văn thư cấp số: hãy ghi số vào, hoặc đánh dấu "
        "“du_thao: true” nếu văn bản vẫn là dự thảo.",
        "so_ky_hieu: …/KH-UBND\n",
        "du_thao: true\nso_ky_hieu: …/KH-UBND\n",
    ),
    Code(
        "legal-basis-mismatch", ERROR, PLAN, "Trường của căn cứ trái với lời văn",
        "Mỗi căn cứ giữ nguyên văn câu căn cứ ở “noi_dung”, còn các trường “so”, “ngay”, "
        "“loai_van_ban”, “co_quan” ghi lại cùng thông tin đó để tra cứu. Mã này báo một trường "
        "không có trong lời văn (ngày được so theo mọi cách viết thường gặp: 24/7/2021, "
        "24/07/2021, ngày 24 tháng 7 năm 2021): một trong hai chỗ đã chép sai.",
        "can_cu:\n  - noi_dung: Căn cứ Quyết định số 1331/QĐ-TTg ngày 24/7/2021 của Thủ tướng "
        "Chính phủ;\n    so: 1331/QĐ-TTg\n    ngay: 2021-07-25\n",
        "can_cu:\n  - noi_dung: Căn cứ Quyết định số 1331/QĐ-TTg ngày 24/7/2021 của Thủ tướng "
        "Chính phủ;\n    so: 1331/QĐ-TTg\n    ngay: 2021-07-24\n",
    ),
    Code(
        "legal-basis-not-in-opening", WARNING, PLAN, "Căn cứ trong câu mở đầu không có ở đó",
        "Khi văn bản viết căn cứ ngay trong câu mở đầu (“Căn cứ Nghị định số 13/2021/NĐ-CP …, "
        "Chủ tịch UBND tỉnh xây dựng Kế hoạch …, cụ thể như sau:”), cả câu nằm ở “mo_dau” và "
        "căn cứ ghi “trong_mo_dau: true” với “noi_dung” là đoạn trích nguyên văn của câu đó; "
        "khi in, câu in thành một đoạn. Mã này báo đoạn trích không có trong câu mở đầu: một "
        "trong hai chỗ đã bị sửa.",
        "can_cu:\n  - noi_dung: Căn cứ Nghị định số 13/2021/NĐ-CP\n    trong_mo_dau: true\n"
        "mo_dau: Căn cứ Nghị định số 31/2021/NĐ-CP, UBND tỉnh ban hành Kế hoạch như sau:\n",
        "can_cu:\n  - noi_dung: Căn cứ Nghị định số 13/2021/NĐ-CP\n    trong_mo_dau: true\n"
        "mo_dau: Căn cứ Nghị định số 13/2021/NĐ-CP, UBND tỉnh ban hành Kế hoạch như sau:\n",
    ),
    Code(
        "draft-and-missing-header", ERROR, PLAN, "Vừa là dự thảo vừa là văn bản đã ban hành",
        "“du_thao: true” nói văn bản chưa ban hành (in dấu “DỰ THẢO”); “thieu_tieu_de: true” nói "
        "văn bản đã ban hành nhưng bản đang có (bài báo, bản chụp) không cho biết số, ngày hay "
        "người ký. Hai trạng thái loại trừ nhau: hãy giữ một, theo điều lời văn cho thấy (có "
        "khối chữ ký, có “./.” cuối văn bản… là đã ký).",
        "du_thao: true\nthieu_tieu_de: true\n",
        "thieu_tieu_de: true\nghi_chu:\n  - loai: thieu\n"
        "    noi_dung: Bản đăng trên báo không có số, ký hiệu và ngày ban hành.\n",
    ),
    Code(
        "dates-order", ERROR, PLAN, "Ngày tháng sai thứ tự",
        "Các ngày phải theo đúng thứ tự thời gian: giai đoạn kết thúc sau khi bắt đầu; căn cứ "
        "ban hành trước kế hoạch; gia hạn sau ngày ban hành và theo thứ tự các lần; trong danh "
        "mục, cơ quan kết thúc (“den_ngay”) sau ngày bắt đầu (“tu_ngay”). Thường là gõ nhầm năm.",
        "ngay_ban_hanh: 2021-12-31\ngiai_doan: {tu: 2026, den: 2022}\n",
        "ngay_ban_hanh: 2021-12-31\ngiai_doan: {tu: 2022, den: 2026}\n",
    ),
    Code(
        "completion-before-issue", WARNING, PLAN, "Hoàn thành trước ngày ban hành",
        "Một nhiệm vụ được ghi là hoàn thành trước ngày kế hoạch ban hành. Có thể đúng (việc đã "
        "làm trước khi kế hoạch giao), nhưng thường là gõ nhầm năm; hãy đối chiếu với minh "
        "chứng.",
        "ngay_ban_hanh: 2021-12-31\n…\n            hoan_thanh:\n"
        "              - ngay_hoan_thanh: 2021-11-10\n",
        "ngay_ban_hanh: 2021-12-31\n…\n            hoan_thanh:\n"
        "              - ngay_hoan_thanh: 2022-11-10\n",
    ),
    Code(
        "unknown-body", ERROR, PLAN, "Cơ quan không có trong danh mục",
        "Mọi cơ quan được nêu (ban hành, chủ trì, phối hợp, hoàn thành; trong danh mục: cấp "
        "trên, kế thừa, thành viên nhóm) được ghi bằng mã trong danh mục cơ quan co-quan.yaml, "
        "để việc lọc nhiệm vụ theo cơ quan không bỏ sót. Mã này báo một mã không có trong danh "
        "mục. Khi giá trị là tên hay chữ viết tắt của một cơ quan (“snv”, “tinh-doan”), thông "
        "báo nêu mã của cơ quan đó, tìm trước hết trong các cơ quan kế hoạch đã nêu và tỉnh của "
        "cơ quan ban hành; nếu không, các mã gần nhất. Hãy sửa mã, hoặc thêm cơ quan vào danh "
        "mục.",
        "chu_tri: ls.snvv\n",
        "chu_tri: ls.snv\n",
    ),
    Code(
        "body-not-existing", WARNING, PLAN, "Cơ quan đã không còn khi ban hành",
        "Kế hoạch nêu một cơ quan mà danh mục ghi đã kết thúc hoạt động (“den_ngay”: sáp nhập, "
        "giải thể) trước ngày ban hành kế hoạch. Hãy giao cho cơ quan kế thừa (“ke_thua” trong "
        "danh mục), hoặc kiểm tra lại ngày trong danh mục.",
        "# co-quan.yaml: ls.snv có den_ngay: 2022-10-31, ke_thua: ls.snv-moi\n"
        "ngay_ban_hanh: 2022-12-01\n…\n            chu_tri: ls.snv\n",
        "# co-quan.yaml: ls.snv có den_ngay: 2022-10-31, ke_thua: ls.snv-moi\n"
        "ngay_ban_hanh: 2022-12-01\n…\n            chu_tri: ls.snv-moi\n",
    ),
    Code(
        "issuer-is-group", ERROR, PLAN, "Nhóm cơ quan làm cơ quan ban hành",
        "Cơ quan ban hành phải là một cơ quan cụ thể, không phải một nhóm (“nhom” trong danh "
        "mục, như “Các sở, ban, ngành tỉnh”): một nhóm không có con dấu, không ký văn bản. Văn "
        "bản liên tịch liệt kê từng cơ quan ban hành.",
        "co_quan_ban_hanh: [ls.cac-so]\n",
        "co_quan_ban_hanh: [ls.ubnd]\n",
    ),
    Code(
        "footnote-missing", ERROR, PLAN, "Tham chiếu chú thích không có chú thích",
        "Lời văn có tham chiếu “[^id]” nhưng “chu_thich” không có chú thích nào mang id đó, nên "
        "văn bản xuất ra sẽ có một số chú thích trỏ vào khoảng trống.",
        "noi_dung: Sở Nội vụ báo cáo trước ngày 15/11/2022.[^1]\n…\nchu_thich: []\n",
        "noi_dung: Sở Nội vụ báo cáo trước ngày 15/11/2022.[^1]\n…\nchu_thich:\n  - id: 1\n"
        "    noi_dung: Theo Công văn số 12/SNV-VP.\n",
    ),
    Code(
        "footnote-duplicate", ERROR, PLAN, "Chú thích bị lặp",
        "Hai chú thích trong “chu_thich” cùng một id, nên không biết tham chiếu “[^id]” trỏ vào "
        "chú thích nào. Hãy đổi id của một chú thích và sửa tham chiếu tương ứng.",
        "chu_thich:\n  - id: 1\n    noi_dung: Theo Công văn số 12/SNV-VP.\n  - id: 1\n"
        "    noi_dung: Theo Báo cáo số 30/BC-SNV.\n",
        "chu_thich:\n  - id: 1\n    noi_dung: Theo Công văn số 12/SNV-VP.\n  - id: 2\n"
        "    noi_dung: Theo Báo cáo số 30/BC-SNV.\n",
    ),
    Code(
        "footnote-unused", WARNING, PLAN, "Chú thích không được tham chiếu",
        "Một chú thích trong “chu_thich” không được tham chiếu “[^id]” ở đâu trong lời văn, nên "
        "sẽ không xuất hiện trong văn bản. Hãy thêm tham chiếu vào đúng chỗ, hoặc xóa chú thích.",
        "noi_dung: Sở Nội vụ báo cáo trước ngày 15/11/2022.\n…\nchu_thich:\n  - id: 1\n"
        "    noi_dung: Theo Công văn số 12/SNV-VP.\n",
        "noi_dung: Sở Nội vụ báo cáo trước ngày 15/11/2022.[^1]\n…\nchu_thich:\n  - id: 1\n"
        "    noi_dung: Theo Công văn số 12/SNV-VP.\n",
    ),
    Code(
        "footnote-empty", WARNING, PLAN, "Chú thích chưa có nội dung",
        "Một chú thích không có “noi_dung”. Nếu bản gốc thật sự để trống chú thích, hãy ghi lý "
        "do ở “ghi_chu” để người đọc sau biết đó không phải là sót.",
        "chu_thich:\n  - id: 1\n",
        "chu_thich:\n  - id: 1\n    ghi_chu: Bản gốc đánh số chú thích nhưng không có lời.\n",
    ),
)
