"""Codes about a repository's configuration (kehoach.toml) and per-line suppressions."""

from __future__ import annotations

from kehoach.diagnostics.codes.entry import CONFIG, ERROR, WARNING, Code

CODES = (
    Code(
        "config-syntax", ERROR, CONFIG, "kehoach.toml viết sai cú pháp TOML",
        "Tệp cấu hình kho kehoach.toml phải là TOML hợp lệ: mỗi dòng “khóa = giá trị”, chuỗi "
        "trong ngoặc kép, danh sách trong ngoặc vuông. Khi tệp sai cú pháp, kehoach không dùng "
        "cấu hình nào trong đó cho tới khi sửa xong.",
        "# kehoach.toml\n[kiem_tra]\ntat = [footnote-unused]\n",
        "# kehoach.toml\n[kiem_tra]\ntat = [\"footnote-unused\"]\n",
    ),
    Code(
        "config-unknown-key", ERROR, CONFIG, "Mục cấu hình không có",
        "kehoach.toml chỉ có các mục [kho], [kiem_tra], [cong_van] và [bao_cao] với các khóa "
        "được mô tả trong docs/config.md. Một khóa viết sai sẽ bị bỏ qua âm thầm nếu không báo, "
        "nên kehoach báo lỗi và gợi ý khóa gần đúng.",
        "# kehoach.toml\n[kiem_tra]\ntat_ma = [\"footnote-unused\"]\n",
        "# kehoach.toml\n[kiem_tra]\ntat = [\"footnote-unused\"]\n",
    ),
    Code(
        "config-value", ERROR, CONFIG, "Giá trị cấu hình sai kiểu",
        "Mỗi khóa của kehoach.toml nhận một kiểu giá trị: danh sách mã cho [kiem_tra], một "
        "chuỗi cho tỉnh mặc định và các mục của [cong_van], [bao_cao], danh sách dòng cho nơi "
        "nhận.",
        "# kehoach.toml\n[kiem_tra]\ntat = \"footnote-unused\"\n",
        "# kehoach.toml\n[kiem_tra]\ntat = [\"footnote-unused\"]\n",
    ),
    Code(
        "config-unknown-code", ERROR, CONFIG, "Cấu hình nêu một mã không có",
        "Các danh sách trong [kiem_tra] gồm mã kiểm tra như kehoach check in trong ngoặc đơn ở "
        "cuối mỗi dòng báo (xem “kehoach explain --all”). Mã viết sai không tắt được gì.",
        "# kehoach.toml\n[kiem_tra]\ntat = [\"footnote-unuse\"]\n",
        "# kehoach.toml\n[kiem_tra]\ntat = [\"footnote-unused\"]\n",
    ),
    Code(
        "config-security", ERROR, CONFIG, "Không được tắt hay hạ mức một kiểm tra an toàn",
        "Một số kiểm tra bảo vệ máy chạy kehoach và người đọc kế hoạch trước tệp được soạn để "
        "gây hại: tệp quá lớn, lồng quá sâu, khóa trùng, ký tự ẩn hay chữ giả dạng… Kho được "
        "sao chép từ nơi khác có thể chứa chính tệp cấu hình đó, nên không cấu hình nào tắt hay "
        "hạ mức các kiểm tra này được.",
        "# kehoach.toml\n[kiem_tra]\ntat = [\"duplicate-key\"]\n",
        "# kehoach.toml: sửa tệp có khóa trùng thay vì tắt kiểm tra\n[kiem_tra]\ntat = []\n",
        security=True,
    ),
    Code(
        "suppress-unknown-code", WARNING, CONFIG, "Chú thích bỏ qua nêu một mã không có",
        "Chú thích “# kehoach: bo-qua <mã>” ở cuối một dòng (hoặc trên một dòng riêng ngay phía "
        "trên) bỏ qua các báo của mã đó tại dòng ấy. Mã viết sai thì không bỏ qua được gì.",
        "thoi_han: khi cần  # kehoach: bo-qua unrecognised\n",
        "thoi_han: khi cần  # kehoach: bo-qua unrecognized\n",
    ),
    Code(
        "suppress-security", WARNING, CONFIG, "Kiểm tra an toàn không bỏ qua được",
        "Chú thích “# kehoach: bo-qua” không có tác dụng với các kiểm tra an toàn (ký tự ẩn, "
        "chữ giả dạng, khóa trùng…): báo vẫn được in, kèm lời nhắc này.",
        "ten: Ѕở Nội vụ  # kehoach: bo-qua mixed-script\n",
        "ten: Sở Nội vụ\n",
        security=True,
    ),
)
