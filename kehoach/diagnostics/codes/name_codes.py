"""Codes of names that pass for other ones (kehoach.check.rules.spoofing): security warnings."""

from __future__ import annotations

from kehoach.diagnostics.codes.entry import REGISTRY, WARNING, Code

CODES = (
    Code(
        "invisible-character", WARNING, REGISTRY, "Tên có ký tự vô hình",
        "Tên cơ quan, tên in, tên gọi khác, chữ viết tắt, số ký hiệu có một ký tự không hiện ra "
        "khi đọc: dấu cách độ rộng 0, ký tự nối, dấu BOM, gạch nối mềm, hoặc ký tự điều khiển "
        "hướng chữ (đảo chiều hiển thị). Tên nhìn y như tên thật nhưng không khớp khi tìm, nên "
        "tra cứu theo tên thật sẽ bỏ sót các nhiệm vụ của nó. Thường do dán từ trang web hay tin "
        "nhắn; cũng có thể là cố ý giả mạo. Hãy xóa ký tự đó (gõ lại tên).",
        "co_quan:\n  - id: ls.snv\n    ten: \"Sở Nội\\u200b vụ tỉnh Lạng Sơn\"\n",
        "co_quan:\n  - id: ls.snv\n    ten: Sở Nội vụ tỉnh Lạng Sơn\n",
        security=True,
    ),
    Code(
        "mixed-script", WARNING, REGISTRY, "Tên trộn chữ của nhiều bộ chữ",
        "Một tên có chữ Latinh lẫn với chữ Kirin, Hy Lạp hay bộ chữ khác mà hai bộ chữ không bao "
        "giờ đi chung một tên: “Ѕở Nội vụ” với chữ Ѕ Kirin trông như “Sở Nội vụ” nhưng không "
        "khớp khi tìm, nên tra cứu theo tên thật sẽ bỏ sót các nhiệm vụ của nó. Chữ tiếng Việt "
        "(kể cả mọi dấu, dựng sẵn hay tổ hợp) là chữ Latinh và không bị báo; tên viết hẳn bằng "
        "một bộ chữ khác, hay chữ Latinh kèm chữ Hán, cũng không. Hãy gõ lại ký tự được chỉ ra.",
        "co_quan:\n  - id: ls.snv\n    ten: \"\\u0405ở Nội vụ tỉnh Lạng Sơn\"\n",
        "co_quan:\n  - id: ls.snv\n    ten: Sở Nội vụ tỉnh Lạng Sơn\n",
        security=True,
    ),
    Code(
        "lookalike-character", WARNING, REGISTRY, "Tên có chữ ở dạng trình bày",
        "Một tên có chữ hay số ở dạng trình bày đặc biệt: chữ toàn độ rộng (“ＵＢＮＤ”), chữ "
        "toán học (“𝐒”), chữ ghép (“ﬁ”), số La Mã một ký tự (“Ⅱ”), số mũ (“²”). Chữ nhìn như "
        "chữ thường gặp nhưng khác mã, nên tra cứu theo tên thật sẽ bỏ sót. Hãy gõ lại ký tự "
        "đó bằng chữ thường gặp.",
        "co_quan:\n  - id: ls.ubnd\n    ten: Ủy ban nhân dân tỉnh Lạng Sơn\n"
        "    viet_tat: ＵＢＮＤ\n",
        "co_quan:\n  - id: ls.ubnd\n    ten: Ủy ban nhân dân tỉnh Lạng Sơn\n    viet_tat: UBND\n",
        security=True,
    ),
)
