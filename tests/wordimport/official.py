"""Word documents built the way officials type them, with python-docx — not with kehoach's
renderer, so the importer is not tested only against its own output.

One plan (a Lạng Sơn youth plan, invented but shaped like the seeds) in three spellings:
markers typed by hand, the same markers made by Word's multilevel list numbering, and a
version whose tasks are a table. Plus a Youth Union plan (Quận Đoàn Tân Phú style) and helpers
for footnotes, numbering and LibreOffice round trips.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

CENTER = WD_ALIGN_PARAGRAPH.CENTER
SUBJECT = ["Tổ chức Tháng thanh niên năm 2024", "trên địa bàn tỉnh Lạng Sơn"]
BASES = [
    "Căn cứ Luật Thanh niên năm 2020;",
    "Căn cứ Quyết định số 1331/QĐ-TTg ngày 24/7/2021 của Thủ tướng Chính phủ ban hành Chiến "
    "lược phát triển thanh niên giai đoạn 2021-2030;",
]
OPENING = "UBND tỉnh ban hành Kế hoạch tổ chức Tháng thanh niên năm 2024 như sau:"
CLOSING = ("Trên đây là Kế hoạch tổ chức Tháng thanh niên năm 2024, yêu cầu các cơ quan, đơn vị "
           "nghiêm túc triển khai thực hiện./.")
RECIPIENTS = ["- Bộ Nội vụ;", "- Thường trực Tỉnh ủy;", "- Như mục IV;", "- Lưu: VT, THNC."]

# (level, marker, text): level 0 parts, 1 numbered items, 2 letters, 3 dashes; None: no marker
OUTLINE: list[tuple[int, str | None, str]] = [
    (0, "I.", "MỤC ĐÍCH, YÊU CẦU"),
    (1, "1.", "Mục đích"),
    (3, "-", "Phát huy vai trò xung kích, tình nguyện của thanh niên trong phát triển kinh tế "
             "- xã hội của tỉnh."),
    (1, "2.", "Yêu cầu"),
    (2, "a)", "Các hoạt động thiết thực, hiệu quả, tránh hình thức;"),
    (2, "b)", "Bảo đảm an toàn cho thanh niên tham gia."),
    (0, "II.", "NỘI DUNG"),
    (1, "1.", "Tổ chức lễ ra quân Tháng thanh niên"),
    (3, "-", "Thời gian: dự kiến tháng 3/2024."),
    (3, "-", "Cơ quan chủ trì: Tỉnh đoàn."),
    (3, "-", "Cơ quan phối hợp: Sở Nội vụ, Sở Giáo dục và Đào tạo."),
    (1, "2.", "Hội thi “Thanh niên với pháp luật”"),
    (2, "a)", "Nội dung: thi tìm hiểu Luật Thanh niên năm 2020 trong đoàn viên, thanh niên;"),
    (2, "b)", "Thời gian thực hiện: trước ngày 15/11/2024;"),
    (2, "c)", "Cơ quan thực hiện: Trung tâm Hoạt động thanh thiếu nhi tỉnh."),
    (0, "III.", "KINH PHÍ"),
    (None, None, "Kinh phí thực hiện Kế hoạch được bố trí trong dự toán của các cơ quan, đơn vị."),
    (0, "IV.", "TỔ CHỨC THỰC HIỆN"),
    (1, "1.", "Sở Nội vụ"),
    (2, "a)", "Chủ trì, phối hợp với Sở Tài chính tham mưu bố trí kinh phí thực hiện Kế hoạch;"),
    (2, "b)", "Định kỳ trước ngày 15/11 hằng năm tổng hợp, báo cáo UBND tỉnh kết quả thực hiện."),
    (1, "2.", "Tỉnh đoàn"),
    (3, "-", "Chủ trì tổ chức các hoạt động hưởng ứng Tháng thanh niên."),
    (3, "-", "Báo cáo kết quả về Sở Nội vụ trước ngày 10/4/2024."),
]
BOLD_LEVELS = {0, 1}


def _run_fonts(run: Any) -> None:
    run.font.name = "Times New Roman"
    run.font.size = docx.shared.Pt(14)


def para(container: Any, text: str = "", *, bold: bool = False, italic: bool = False,
         center: bool = False, runs: list[tuple[str, bool, bool]] | None = None) -> Any:
    p = container.add_paragraph()
    for piece, b, i in runs or [(text, bold, italic)]:
        if piece:
            run = p.add_run(piece)
            run.bold, run.italic = b or None, i or None
            _run_fonts(run)
    if center:
        p.alignment = CENTER
    return p


def header_table(doc: Any, left: list[tuple[str, bool]], right: list[tuple[str, bool, bool]]
                 ) -> None:
    """The borderless two-column header: left lines (text, bold), right (text, bold, italic)."""
    table = doc.add_table(rows=1, cols=2)
    cells = table.rows[0].cells
    for cell, lines in ((cells[0], [(t, b, False) for t, b in left]), (cells[1], right)):
        first = True
        for text, bold, italic in lines:
            p = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            run = p.add_run(text)
            run.bold, run.italic = bold or None, italic or None
            p.alignment = CENTER


def closing_table(doc: Any, recipients: list[str], signature: list[tuple[str, bool]]) -> None:
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    p = left.paragraphs[0]
    run = p.add_run("Nơi nhận:")
    run.bold = run.italic = True
    for line in recipients:
        left.add_paragraph(line)
    first = True
    for text, bold in signature:
        p = right.paragraphs[0] if first else right.add_paragraph()
        first = False
        if text:
            p.add_run(text).bold = bold or None
        p.alignment = CENTER


def state_header(doc: Any, number: str = "Số: 12/KH-UBND") -> None:
    header_table(doc, [("ỦY BAN NHÂN DÂN", True), ("TỈNH LẠNG SƠN", True), ("-------", False),
                       (number, False)],
                 [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False),
                  ("Độc lập - Tự do - Hạnh phúc", True, False), ("---------------", False, False),
                  ("Lạng Sơn, ngày 05 tháng 3 năm 2024", False, True)])


OPENING_CITING = (
    "Căn cứ Nghị định số 13/2021/NĐ-CP ngày 01/3/2021 của Chính phủ quy định về đối thoại với "
    "thanh niên; Thực hiện Kế hoạch số 45-KH/TĐTN-TNTH ngày 20/02/2024 của Ban Thường vụ Tỉnh "
    "đoàn về Tháng thanh niên năm 2024, UBND tỉnh ban hành Kế hoạch tổ chức Tháng thanh niên "
    "năm 2024 như sau:")
"""An opening sentence that cites the legal bases itself, as many plans are written."""


def opening(doc: Any, bases: list[str] = BASES, sentence: str = OPENING) -> None:
    para(doc, "KẾ HOẠCH", bold=True, center=True)
    for line in SUBJECT:
        para(doc, line, bold=True, center=True)
    para(doc, "-----------", center=True)
    for basis in bases:
        para(doc, basis, italic=True)
    para(doc, sentence)


def closing(doc: Any) -> None:
    para(doc, CLOSING)
    closing_table(doc, RECIPIENTS, [("KT. CHỦ TỊCH", True), ("PHÓ CHỦ TỊCH", True),
                                    ("(Đã ký)", False), ("", False), ("Dương Xuân Huyên", True)])


def hand_typed(path: Path, bases: list[str] = BASES, sentence: str = OPENING) -> Path:
    """The plan with every marker typed by hand (a tab after some, as officials do)."""
    doc = docx.Document()
    state_header(doc)
    opening(doc, bases, sentence)
    for level, marker, text in OUTLINE:
        typed = f"{marker}\t{text}" if marker and level == 1 else f"{marker} {text}" if marker \
            else text
        para(doc, typed, bold=level in BOLD_LEVELS)
    closing(doc)
    doc.save(path)
    return path


# --- Word multilevel list numbering -----------------------------------------------------

ABSTRACT = 90
LEVELS = [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"), ("bullet", "-")]


def add_list(doc: Any, abstract_id: int = ABSTRACT, levels: list[tuple[str, str]] = LEVELS,
             starts: dict[int, int] | None = None) -> None:
    """A multilevel list definition (w:abstractNum) in the document's numbering part."""
    numbering = doc.part.numbering_part.element
    xml = [f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">',
           '<w:multiLevelType w:val="multilevel"/>']
    for k, (fmt, text) in enumerate(levels):
        start = (starts or {}).get(k, 1)
        xml.append(f'<w:lvl w:ilvl="{k}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                   f'<w:pPr><w:ind w:left="{360 * (k + 1)}" w:hanging="360"/></w:pPr></w:lvl>')
    xml.append("</w:abstractNum>")
    element = parse_xml("".join(xml))
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(element)
    else:
        numbering.append(element)


def add_num(doc: Any, num_id: int, abstract_id: int = ABSTRACT,
            overrides: dict[int, int] | None = None) -> None:
    """A list instance (w:num) of a definition, with ``startOverride`` per level."""
    xml = [f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>']
    for level, start in (overrides or {}).items():
        xml.append(f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/>'
                   "</w:lvlOverride>")
    xml.append("</w:num>")
    doc.part.numbering_part.element.append(parse_xml("".join(xml)))


def numbered(p: Any, num_id: int, level: int) -> None:
    ppr = p._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                         f'<w:numId w:val="{num_id}"/></w:numPr>'))


def word_numbered(path: Path) -> Path:
    """The same plan, every marker made by one Word multilevel list (I. / 1. / a) / -)."""
    doc = docx.Document()
    state_header(doc)
    opening(doc)
    add_list(doc)
    add_num(doc, 91)
    for level, _marker, text in OUTLINE:
        p = para(doc, text, bold=level in BOLD_LEVELS)
        if level is not None:
            numbered(p, 91, level)
    closing(doc)
    doc.save(path)
    return path


# --- a task table ------------------------------------------------------------------------

TASK_HEADER = ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
               "Sản phẩm"]
TASK_ROWS = [
    ["1", "Tổ chức lễ ra quân Tháng thanh niên", "Tỉnh đoàn", "Sở Nội vụ", "Tháng 3/2024",
     "Lễ ra quân"],
    ["2", "Tổng hợp, báo cáo kết quả Tháng thanh niên", "Sở Nội vụ", "Tỉnh đoàn",
     "Trước ngày 15/4/2024", "Báo cáo của UBND tỉnh"],
    ["3", "Tổ chức hội thi tìm hiểu pháp luật", "Trung tâm Hoạt động thanh thiếu nhi tỉnh", "",
     "Quý II/2024", ""],
]


def task_table(path: Path) -> Path:
    doc = docx.Document()
    state_header(doc)
    opening(doc)
    para(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    para(doc, "Phát huy vai trò xung kích của thanh niên.")
    para(doc, "II. NHIỆM VỤ CỤ THỂ", bold=True)
    table = doc.add_table(rows=1 + len(TASK_ROWS), cols=len(TASK_HEADER))
    table.style = "Table Grid"
    for c, title in enumerate(TASK_HEADER):
        table.rows[0].cells[c].paragraphs[0].add_run(title).bold = True
    for r, row in enumerate(TASK_ROWS, start=1):
        for c, text in enumerate(row):
            table.rows[r].cells[c].paragraphs[0].add_run(text)
    para(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True)
    para(doc, "Các cơ quan được phân công chủ động triển khai thực hiện.")
    closing(doc)
    doc.save(path)
    return path


# --- a Youth Union plan ---------------------------------------------------------------------

YOUTH_OUTLINE: list[tuple[str | None, str, bool]] = [
    ("I.", "MỤC ĐÍCH - YÊU CẦU:", True),
    ("-", "Phát huy vai trò xung kích của cán bộ, công chức, viên chức trẻ.", False),
    ("II.", "NỘI DUNG:", True),
    ("1.", "Cấp quận:", True),
    ("1.1.", "Công tác tuyên truyền:", True),
    ("-", "Tuyên truyền phong trào “3 trách nhiệm” trên trang thông tin của Quận Đoàn.", False),
    ("+", "Thực hiện hằng tháng.", False),
    ("1.2.", "Hoạt động cao điểm:", True),
    ("*", "Ngày thứ Bảy tình nguyện:", False),
    ("-", "Tổ chức ít nhất 02 lần trong năm.", False),
    ("III.", "TỔ CHỨC THỰC HIỆN:", True),
    ("1.", "Các cơ sở Đoàn:", True),
    ("-", "Báo cáo kết quả về Quận Đoàn trước ngày 04/11/2022 (thứ Sáu).", False),
]


def youth_plan(path: Path) -> Path:
    doc = docx.Document()
    header_table(doc, [("BCH ĐOÀN TP. HỒ CHÍ MINH", False), ("BCH QUẬN ĐOÀN TÂN PHÚ", True),
                       ("***", False), ("Số: 12-KH/QĐTP", False)],
                 [("ĐOÀN TNCS HỒ CHÍ MINH", True, False),
                  ("Tân Phú, ngày 04 tháng 4 năm 2022", False, True)])
    para(doc, "KẾ HOẠCH", bold=True, center=True)
    para(doc, "Thực hiện phong trào “3 trách nhiệm” năm 2022", bold=True, center=True)
    para(doc, "-----", center=True)
    para(doc, "Thực hiện Kế hoạch số 366-KH/TĐTN-BCNLĐ ngày 30/3/2022 của Ban Thường vụ Thành "
              "Đoàn về thực hiện phong trào “3 trách nhiệm” năm 2022;", italic=True)
    para(doc, "Ban Thường vụ Quận Đoàn xây dựng kế hoạch với các nội dung cụ thể sau:")
    for marker, text, bold in YOUTH_OUTLINE:
        if marker == "*":
            para(doc, runs=[("* ", False, False), (text, True, False)])
        else:
            para(doc, f"{marker} {text}", bold=bold)
    para(doc, "Ban Thường vụ Quận Đoàn đề nghị các đơn vị nghiêm túc triển khai thực hiện.")
    closing_table(doc, ["- TĐ: B.CNLĐ;", "- BTV Quận Đoàn;", "- Lưu."],
                  [("TM. BAN THƯỜNG VỤ QUẬN ĐOÀN", True), ("BÍ THƯ", True), ("", False),
                   ("Nguyễn Hải Đăng", True)])
    doc.save(path)
    return path


# --- footnotes -------------------------------------------------------------------------------

def add_footnotes(doc: Any, notes: dict[int, str]) -> None:
    """A footnotes part as Word writes it (separators, then each note)."""
    body = [f'<w:footnotes {nsdecls("w")}>',
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
            "</w:footnote>",
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
            "<w:continuationSeparator/></w:r></w:p></w:footnote>"]
    for note_id, text in notes.items():
        body.append(f'<w:footnote w:id="{note_id}"><w:p><w:r><w:rPr><w:vertAlign '
                    'w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
                    f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>')
    body.append("</w:footnotes>")
    part = XmlPart(PackURI("/word/footnotes.xml"),
                   "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                   parse_xml("".join(body)), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)


def footnote_ref(p: Any, note_id: int) -> None:
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/>'
                          f'</w:rPr><w:footnoteReference w:id="{note_id}"/></w:r>'))


# --- LibreOffice ------------------------------------------------------------------------------

def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_convert(source: Path, suffix: str, out_dir: Path) -> Path:
    """``source`` saved by LibreOffice as ``suffix`` (docx, odt) into ``out_dir``."""
    profile = (out_dir / "lo-profile").resolve().as_uri()
    subprocess.run([soffice(), f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", suffix, "--outdir", str(out_dir), str(source)],
                   check=True, capture_output=True, timeout=180)
    return out_dir / f"{source.stem}.{suffix}"
