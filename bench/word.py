"""A 20-page Word plan for ``kehoach import``'s benchmark, typed the way officials type it
(python-docx: a borderless header table, markers typed by hand with some bold and italic in
the text, labelled fields, a bordered task table, the closing table)."""

from __future__ import annotations

from pathlib import Path

PROSE = ("tổ chức tuyên truyền, phổ biến, quán triệt Chương trình phát triển thanh niên đến "
         "cán bộ, công chức, viên chức và đoàn viên, thanh niên bằng các hình thức phù hợp, bảo "
         "đảm thiết thực, hiệu quả, gắn với nhiệm vụ chính trị của cơ quan, đơn vị")
PARTS = ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG", "NHIỆM VỤ CỤ THỂ", "KINH PHÍ", "TỔ CHỨC THỰC HIỆN"]
BODIES = ["Sở Nội vụ", "Tỉnh đoàn", "Sở Giáo dục và Đào tạo", "Sở Tài chính"]


def write_plan(path: Path, items_per_part: int = 5) -> Path:
    """About 20 pages at 14 pt: five parts of numbered items, their fields and dashes."""
    import docx

    doc = docx.Document()
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].add_run("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN").bold = True
    left.add_paragraph("Số: 45/KH-UBND")
    right.paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
    right.add_paragraph().add_run("Độc lập - Tự do - Hạnh phúc").bold = True
    right.add_paragraph().add_run("Lạng Sơn, ngày 12 tháng 3 năm 2024").italic = True
    doc.add_paragraph().add_run("KẾ HOẠCH").bold = True
    doc.add_paragraph().add_run("Thực hiện Chương trình phát triển thanh niên năm 2024").bold = True
    doc.add_paragraph("Căn cứ Luật Thanh niên năm 2020;").runs[0].italic = True
    doc.add_paragraph("UBND tỉnh ban hành Kế hoạch như sau:")
    romans = ["I", "II", "III", "IV", "V"]
    for k, title in enumerate(PARTS):
        doc.add_paragraph().add_run(f"{romans[k]}. {title}").bold = True
        if title == "NHIỆM VỤ CỤ THỂ":
            _task_table(doc)
            continue
        for n in range(1, items_per_part + 1):
            _item(doc, n, BODIES[(k + n) % len(BODIES)], title == "TỔ CHỨC THỰC HIỆN")
    doc.add_paragraph("Trên đây là Kế hoạch thực hiện Chương trình phát triển thanh niên năm "
                      "2024, yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.")
    closing = doc.add_table(rows=1, cols=2)
    recipients, signature = closing.rows[0].cells
    recipients.paragraphs[0].add_run("Nơi nhận:").bold = True
    for line in ("- Bộ Nội vụ;", "- Thường trực Tỉnh ủy;", "- Lưu: VT, THNC."):
        recipients.add_paragraph(line)
    for line in ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Dương Xuân Huyên"):
        signature.add_paragraph().add_run(line).bold = True
    doc.save(path)
    return path


def _item(doc: object, n: int, body: str, duties: bool) -> None:
    if duties:
        doc.add_paragraph().add_run(f"{n}. {body}").bold = True  # type: ignore[attr-defined]
    else:
        doc.add_paragraph().add_run(  # type: ignore[attr-defined]
            f"{n}. Nhiệm vụ {n}: {PROSE[:60]}").bold = True
        doc.add_paragraph(f"a) Nội dung: {PROSE};")  # type: ignore[attr-defined]
        doc.add_paragraph(f"b) Thời gian thực hiện: trước ngày {n + 10}/11/2024;")  # type: ignore
        doc.add_paragraph(f"c) Cơ quan thực hiện: {body}.")  # type: ignore[attr-defined]
    for k in range(1, 7):
        p = doc.add_paragraph(f"- {PROSE.capitalize()} (bước {k}), báo cáo kết quả ")  # type: ignore
        p.add_run(f"trước ngày {k + 10}/12/2024").bold = True
        p.add_run(".")


def _task_table(doc: object) -> None:
    headers = ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian", "Sản phẩm"]
    table = doc.add_table(rows=16, cols=6)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for c, title in enumerate(headers):
        table.rows[0].cells[c].paragraphs[0].add_run(title).bold = True
    for r in range(1, 16):
        cells = [str(r), PROSE[: 40 + r], BODIES[r % 4], BODIES[(r + 1) % 4],
                 f"Quý {r % 4 + 1}/2024", "Báo cáo"]
        for c, text in enumerate(cells):
            table.rows[r].cells[c].paragraphs[0].add_run(text)
