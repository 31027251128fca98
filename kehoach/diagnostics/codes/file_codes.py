"""Codes about the file itself, before any YAML is read, and kehoach's own internal errors."""

from __future__ import annotations

from kehoach.diagnostics.codes.entry import ERROR, FILE, INTERNAL, Code

CODES = (
    Code(
        "file-too-large", ERROR, FILE, "Tệp quá lớn",
        "kehoach không đọc tệp lớn hơn 10 MiB. Một kế hoạch có cả nghìn nhiệm vụ vẫn chưa tới "
        "1 MiB, nên tệp lớn như vậy thường là một tệp khác bị đặt nhầm đuôi .yaml (bản quét, tệp "
        "nén, bản sao lưu) hoặc một tệp được tạo ra để làm treo máy kiểm tra. Giới hạn này bảo "
        "vệ máy chạy kiểm tra nên không cấu hình nào tắt được.",
        "# plans/ke-hoach.yaml: 25 MB — bản quét PDF bị đổi đuôi thành .yaml\n",
        "# plans/ke-hoach.yaml: vài chục KB văn bản YAML\nloai: ke_hoach\n",
        security=True,
    ),
    Code(
        "encoding-utf16", ERROR, FILE, "Tệp được lưu bằng mã UTF-16 hoặc UTF-32",
        "kehoach đọc tệp mã UTF-8 (có hoặc không có BOM). Notepad đời cũ trên Windows gọi mã "
        "UTF-16 là “Unicode”, nên tệp lưu theo lựa chọn đó có hai byte cho mỗi ký tự và không "
        "đọc được như UTF-8. Hãy mở tệp và lưu lại, chọn mã UTF-8 (trong Notepad: Save As, mục "
        "Encoding; trong VS Code: nút mã ở thanh trạng thái, “Save with Encoding”).",
        "# Lưu bằng Notepad, mục Encoding chọn “Unicode” (UTF-16 LE)\n",
        "# Lưu bằng Notepad, mục Encoding chọn “UTF-8”\nloai: ke_hoach\n",
    ),
    Code(
        "encoding-legacy", ERROR, FILE, "Tệp dùng bảng mã tiếng Việt cũ",
        "Tệp có byte không hợp lệ trong UTF-8: thường là văn bản gõ bằng bảng mã 8 bit cũ "
        "(TCVN3-ABC với phông .Vn, VNI-Windows, Windows-1258). Thông báo cho biết vị trí byte "
        "đầu tiên sai và bảng mã có vẻ đã dùng. Hãy chuyển mã sang Unicode (ví dụ bằng Unikey "
        "Toolkit: chọn bảng mã nguồn, đích là Unicode) rồi lưu lại dưới dạng UTF-8.",
        "# Gõ bằng bảng mã TCVN3 (phông .VnTime): mở như UTF-8 thì thành “Thùc hiÖn …”\n"
        "trich_yeu: Thùc hiÖn Ch¬ng tr×nh\n",
        "trich_yeu: Thực hiện Chương trình\n",
    ),
    Code(
        "binary-file", ERROR, FILE, "Tệp nhị phân, không phải văn bản",
        "Tệp có byte NUL, thứ không bao giờ có trong một tệp văn bản: đây là một tệp nhị phân "
        "(tệp .docx, .xlsx, ảnh) bị đặt tên .yaml, hoặc một tệp văn bản đã bị hỏng. kehoach "
        "không đọc tiếp. Nếu cần chuyển một văn bản Word sang kế hoạch YAML, hãy soạn tệp YAML "
        "riêng.",
        "# plans/ke-hoach.yaml là tệp Word ke-hoach.docx bị đổi tên\n",
        "# plans/ke-hoach.yaml là văn bản YAML, lưu bằng mã UTF-8\nloai: ke_hoach\n",
    ),
    Code(
        "line-too-long", ERROR, FILE, "Dòng quá dài",
        "Một dòng dài hơn 100.000 ký tự. Không kế hoạch nào viết như vậy: lời văn dài được xuống "
        "dòng bằng khối “|” hoặc “>” của YAML. Một dòng khổng lồ thường là dữ liệu dán nhầm "
        "(ảnh mã hóa base64) hoặc một tệp được tạo ra để làm chậm máy kiểm tra, nên giới hạn "
        "này không cấu hình nào tắt được.",
        "mo_dau: iVBORw0KGgoAAAANSUhEUgAA… (một ảnh dán vào, 300.000 ký tự trên một dòng)\n",
        "mo_dau: >\n  Thực hiện Chương trình phát triển thanh niên, Ủy ban nhân dân tỉnh\n"
        "  ban hành Kế hoạch thực hiện như sau:\n",
        security=True,
    ),
    Code(
        "nesting-too-deep", ERROR, FILE, "Cấu trúc lồng nhau quá sâu",
        "Tệp lồng danh sách hoặc bảng sâu hơn 100 cấp (ngoặc “[”, “{”, thụt lề hoặc chuỗi "
        "“- - -”). Kế hoạch thật chỉ sâu vài chục cấp. Bộ đọc YAML viết bằng C của PyYAML đệ "
        "quy theo độ sâu và có thể làm sập chương trình khi gặp vài chục nghìn cấp, nên kehoach "
        "từ chối tệp trước khi đọc; sau khi đọc, độ sâu được đếm lại trên chính cấu trúc, nên "
        "“kehoach check” và “kehoach fmt” dùng cùng một giới hạn. Giới hạn này không cấu hình "
        "nào tắt được.",
        "ghi_chu: [[[[[[[[[[[[ … ]]]]]]]]]]]]  # hàng nghìn cặp ngoặc lồng nhau\n",
        "ghi_chu: Các mục con lồng nhau vài cấp là đủ.\n",
        security=True,
    ),
    Code(
        "io-error", ERROR, FILE, "Không đọc hoặc ghi được tệp",
        "Hệ điều hành từ chối đọc hoặc ghi tệp: không có quyền, tệp đang bị một chương trình "
        "khác khóa (Word, Excel, phần mềm diệt virus), đĩa đầy, hoặc một lệnh kehoach khác "
        "đang ghi cùng tệp. Thông báo nêu lý do bằng tiếng Việt. Hãy đóng chương trình đang "
        "giữ tệp, kiểm tra quyền rồi chạy lại.",
        "# plans/ke-hoach.yaml đang mở trong một chương trình giữ khóa ghi\n",
        "# plans/ke-hoach.yaml đã được đóng ở mọi chương trình khác\n",
    ),
    Code(
        "not-a-file", ERROR, FILE, "Không phải tệp thông thường",
        "Trong kho có một mục mang tên tệp kế hoạch nhưng là một thư mục, một thiết bị (như "
        "/dev/zero), một ống dẫn (FIFO), một socket hoặc một tên thiết bị dành riêng của Windows "
        "(con.yaml, nul.yaml…), không phải tệp văn bản. Đọc những thứ này có thể làm treo lệnh "
        "hoặc dùng hết bộ nhớ, nên kehoach không mở chúng; giới hạn này không cấu hình nào tắt "
        "được. Hãy xóa mục đó, hoặc thay bằng tệp kế hoạch thật.",
        "# plans/ke-hoach.yaml -> /dev/zero (liên kết tới một thiết bị)\n",
        "# plans/ke-hoach.yaml: một tệp văn bản YAML\nloai: ke_hoach\n",
        security=True,
    ),
    Code(
        "outside-repository", ERROR, FILE, "Liên kết trỏ ra ngoài kho kế hoạch",
        "Tệp là một liên kết tượng trưng (symlink), hoặc nằm trong một thư mục liên kết, trỏ tới "
        "chỗ nằm ngoài kho kế hoạch. Một kho sao chép từ người khác có thể chứa liên kết như vậy "
        "để đọc hoặc ghi đè tệp riêng trên máy người dùng, nên kehoach chỉ theo liên kết dẫn tới "
        "chỗ khác trong cùng kho; giới hạn này không cấu hình nào tắt được. Hãy chép tệp vào kho "
        "thay vì liên kết tới nó.",
        "# plans/ke-hoach.yaml -> /home/cv/tai-lieu/ke-hoach.yaml\n",
        "# plans/ke-hoach.yaml -> ../luu-tru/ke-hoach.yaml (trong cùng kho)\n",
        security=True,
    ),
    Code(
        "empty-file", ERROR, FILE, "Tệp rỗng",
        "Tệp không có nội dung YAML nào: trống, chỉ có chú thích “#”, hoặc chỉ có dòng “---”. "
        "Mỗi tệp .yaml trong plans/ phải là một kế hoạch (hoặc danh mục cơ quan). Hãy xóa tệp "
        "nếu không dùng, hoặc tạo kế hoạch mới bằng lệnh “kehoach new”.",
        "# yaml-language-server: $schema=../kehoach.schema.json\n",
        "# yaml-language-server: $schema=../kehoach.schema.json\nloai: ke_hoach\n"
        "trich_yeu: Thực hiện Chương trình phát triển thanh niên\n",
    ),
    Code(
        "not-a-mapping", ERROR, FILE, "Tệp không phải bảng khóa–giá trị",
        "Một kế hoạch là một bảng khóa–giá trị ở cấp ngoài cùng (bắt đầu bằng “loai: ke_hoach”), "
        "không phải một danh sách hay một giá trị đơn. Lỗi này thường do thụt lề cả tệp vào "
        "trong một dấu “- ” hoặc do dán nhầm một đoạn văn.",
        "- loai: ke_hoach\n  trich_yeu: Thực hiện Chương trình phát triển thanh niên\n",
        "loai: ke_hoach\ntrich_yeu: Thực hiện Chương trình phát triển thanh niên\n",
    ),
    Code(
        "registry-name", ERROR, FILE, "Danh mục cơ quan đặt sai tên tệp",
        "Tệp có khóa gốc “co_quan” mà không có “loai” là một danh mục cơ quan, và danh mục phải "
        "đặt tên co-quan.yaml (hoặc co_quan.yaml) thì kehoach mới tìm thấy và dùng nó để kiểm "
        "tra các kế hoạch. Hãy đổi tên tệp.",
        "# plans/danh-muc.yaml\nco_quan:\n  - id: ls.snv\n    ten: Sở Nội vụ tỉnh Lạng Sơn\n",
        "# plans/co-quan.yaml\nco_quan:\n  - id: ls.snv\n    ten: Sở Nội vụ tỉnh Lạng Sơn\n",
    ),
    Code(
        "fmt-internal", ERROR, INTERNAL, "Lỗi nội bộ khi định dạng tệp",
        "“kehoach fmt” chỉ ghi tệp khi văn bản sau định dạng đọc lại đúng như dữ liệu cũ. Mã "
        "này nghĩa là lần kiểm tra đó không đạt: tệp được giữ nguyên, không bị ghi. Đây là lỗi "
        "của kehoach, không phải của tác giả: hãy báo lỗi kèm tệp kế hoạch.",
    ),
    Code(
        "internal-error", ERROR, INTERNAL, "Lỗi nội bộ khi đọc thời hạn",
        "Bộ đọc thời hạn gặp một lỗi lập trình khi đọc cụm từ này. Lỗi được chặn lại và báo "
        "thành một mục kiểm tra thay vì làm dừng chương trình; thời hạn được coi là không đọc "
        "được. Đây là lỗi của kehoach, không phải của tác giả: hãy báo lỗi kèm cụm từ thời hạn.",
    ),
)
