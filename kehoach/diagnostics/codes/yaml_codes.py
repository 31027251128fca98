"""Codes of the YAML layer and of the format (schema) every plan and registry follows."""

from __future__ import annotations

from kehoach.diagnostics.codes.entry import ERROR, SCHEMA, YAML, Code

CODES = (
    Code(
        "yaml-syntax", ERROR, YAML, "Lỗi cú pháp YAML",
        "Tệp không đọc được như YAML tại vị trí được chỉ ra. Thông báo giải thích bằng tiếng "
        "Việt và giữ nguyên lời của libyaml trong ngoặc. Nguyên nhân hay gặp: chuỗi có “: ” "
        "hoặc bắt đầu bằng “@”, “`”, “%”, “[” mà không đặt trong dấu nháy kép; thụt lề bằng tab; "
        "thụt lề không khớp với dòng trên; thiếu dấu nháy đóng.",
        "trich_yeu: Kế hoạch: thực hiện Chương trình phát triển thanh niên\n",
        "trich_yeu: \"Kế hoạch: thực hiện Chương trình phát triển thanh niên\"\n",
    ),
    Code(
        "duplicate-key", ERROR, YAML, "Khóa bị lặp",
        "Cùng một khóa xuất hiện hai lần trong một bảng. PyYAML và nhiều công cụ khác lặng lẽ "
        "giữ giá trị sau và bỏ giá trị trước, nên một lần sửa có thể mất mà không ai biết, và "
        "hai công cụ có thể đọc ra hai giá trị khác nhau từ cùng một tệp. Hãy giữ một khóa.",
        "dia_danh: Lạng Sơn\ndia_danh: Cao Lộc\n",
        "dia_danh: Lạng Sơn\n",
        security=True,
    ),
    Code(
        "yaml11-surprise", ERROR, YAML, "Giá trị bị YAML 1.1 đọc thành thứ khác",
        "Một giá trị viết trần (không có dấu nháy) mà YAML 1.1, phiên bản nhiều công cụ vẫn "
        "dùng, đọc thành thứ khác hẳn: “no”, “yes”, “on”, “off” thành đúng/sai, “0123” thành số "
        "bát phân, “1:30” thành 90, “2022-11-10 08:00” thành thời điểm. kehoach giữ chúng là "
        "chữ và báo lỗi để mọi công cụ đọc tệp hiểu như nhau: đặt chữ trong dấu nháy kép, ghi "
        "đúng/sai bằng true/false.",
        "du_thao: no\nmuc:\n  - so: 010\n",
        "du_thao: false\nmuc:\n  - so: \"010\"\n",
        security=True,
    ),
    Code(
        "yaml-tag", ERROR, YAML, "Thẻ YAML không được phép",
        "Thẻ YAML (“!!python/object…”, “!ten”) yêu cầu bộ đọc tạo một đối tượng lập trình; với "
        "thẻ của Python, một tệp độc hại có thể chạy lệnh trên máy đọc nó. kehoach không bao "
        "giờ tạo đối tượng từ thẻ: chỉ chấp nhận các thẻ chuẩn (!!str, !!int…) khi giá trị đúng "
        "kiểu của thẻ. Hãy bỏ thẻ.",
        "trich_yeu: !!python/object/apply:os.system [\"echo xin chào\"]\n",
        "trich_yeu: Thực hiện Chương trình phát triển thanh niên\n",
        security=True,
    ),
    Code(
        "yaml-alias", ERROR, YAML, "Neo và bí danh YAML (&, *)",
        "YAML cho phép đặt neo “&ten” ở một giá trị rồi dùng lại bằng bí danh “*ten”. Người đọc "
        "kế hoạch trên giấy hay trong bản so sánh không thấy giá trị được dùng lại ở đâu, và "
        "bí danh lồng nhau có thể nở thành hàng tỷ phần tử (“billion laughs”) làm treo máy. "
        "kehoach không dùng chúng: hãy viết đầy đủ giá trị ở từng nơi.",
        "chu_tri: &snv [ls.snv]\n…\nphoi_hop: *snv\n",
        "chu_tri: [ls.snv]\n…\nphoi_hop: [ls.snv]\n",
        security=True,
    ),
    Code(
        "yaml-key", ERROR, YAML, "Khóa không phải chuỗi đơn giản",
        "Mọi khóa trong kế hoạch là một tên đơn giản như “trich_yeu”. YAML cho phép khóa là "
        "một danh sách, một bảng hoặc một giá trị có thẻ (viết sau “? ”), nhưng không khóa nào "
        "của định dạng kế hoạch như vậy; thường đây là một dòng gõ nhầm “? ” ở đầu.",
        "? - so\n  - ky_hieu\n: 253/KH-UBND\n",
        "so_ky_hieu: 253/KH-UBND\n",
    ),
    Code(
        "invalid-date", ERROR, YAML, "Ngày không có thật",
        "Một ngày viết theo dạng YYYY-MM-DD nhưng không tồn tại: ngày 30 tháng Hai, ngày 31 "
        "của tháng có 30 ngày, tháng 13. Thường là gõ nhầm khi chép từ văn bản giấy; hãy đối "
        "chiếu lại bản gốc.",
        "ngay_ban_hanh: 2021-02-30\n",
        "ngay_ban_hanh: 2021-02-28\n",
    ),
    Code(
        "unknown-key", ERROR, SCHEMA, "Khóa không có trong định dạng",
        "Khóa này không thuộc định dạng kế hoạch (hay danh mục cơ quan) ở vị trí đó. Thường là "
        "gõ nhầm tên khóa, và thông báo gợi ý tên gần nhất; nếu không có tên gần, thông báo liệt "
        "kê các khóa hợp lệ. Một khóa lạ không bị bỏ qua vì dữ liệu trong đó sẽ lặng lẽ biến mất "
        "khỏi văn bản xuất ra.",
        "trich_yue: Thực hiện Chương trình phát triển thanh niên\n",
        "trich_yeu: Thực hiện Chương trình phát triển thanh niên\n",
    ),
    Code(
        "format-version-newer", ERROR, SCHEMA, "Tệp viết theo định dạng mới hơn",
        "“phien_ban_dinh_dang” của tệp lớn hơn phiên bản định dạng mà kehoach đang dùng đọc "
        "được: tệp được viết (hoặc nâng cấp) bằng một kehoach mới hơn, và đọc nó theo định dạng "
        "cũ có thể hiểu sai các trường. Hãy cập nhật kehoach.",
        "phien_ban_dinh_dang: 3\nloai: ke_hoach\n",
        "phien_ban_dinh_dang: 2\nloai: ke_hoach\n",
    ),
    Code(
        "missing-field", ERROR, SCHEMA, "Thiếu trường bắt buộc",
        "Thiếu một trường mà định dạng bắt buộc (ví dụ “trich_yeu” của kế hoạch, “ten” của cơ "
        "quan), hoặc một trường mà văn bản đã ban hành phải có: số, ký hiệu, địa danh, ngày ban "
        "hành, khối chữ ký và họ tên người ký; văn bản liên tịch cần “co_quan” ở mỗi khối chữ "
        "ký. Dự thảo (“du_thao: true”) được để trống số, ngày và người ký.",
        "loai: ke_hoach\nco_quan_ban_hanh: [ls.ubnd]\n"
        "trich_yeu: Thực hiện Chương trình phát triển thanh niên\n",
        "loai: ke_hoach\ndu_thao: true\nco_quan_ban_hanh: [ls.ubnd]\n"
        "trich_yeu: Thực hiện Chương trình phát triển thanh niên\n",
    ),
    Code(
        "wrong-type", ERROR, SCHEMA, "Giá trị sai kiểu",
        "Giá trị không đúng kiểu định dạng yêu cầu: một số hay một danh sách ở chỗ cần một "
        "chuỗi, một chuỗi ở chỗ cần một ngày, một giá trị đơn ở chỗ cần một danh sách. Chữ "
        "gồm toàn chữ số (như số hiệu “12”) cần đặt trong dấu nháy kép để YAML không đọc thành "
        "số.",
        "dia_danh: 12\nngay_ban_hanh: 31/12/2021\n",
        "dia_danh: \"12\"\nngay_ban_hanh: 2021-12-31\n",
    ),
    Code(
        "invalid-value", ERROR, SCHEMA, "Giá trị không hợp lệ",
        "Giá trị đúng kiểu nhưng không thuộc các giá trị được phép: một loại văn bản không có "
        "trong danh sách, một mã (nhiệm vụ, cơ quan) có chữ hoa hoặc dấu cách, một danh sách "
        "rỗng ở chỗ cần ít nhất một phần tử. Thông báo nói rõ giá trị nào được chấp nhận; khi "
        "một tên cơ quan được ghi ở chỗ cần mã (“chu_tri: Tỉnh đoàn”), thông báo nêu mã của cơ "
        "quan đó trong kế hoạch này (“ca-mau.tinh-doan”).",
        "loai: ke-hoach\n…\n          - id: Nhiệm vụ 1\n",
        "loai: ke_hoach\n…\n          - id: t1\n",
    ),
)
