"""Hostile .docx files, built in the test run: zips written by hand where ``zipfile`` would
refuse to lie, XML with DTDs, a macro document in disguise, a very long plan."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import docx

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="{main}"/></Types>')
MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
DOCUMENT = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body>{body}</w:body></w:document>")
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{k} "{("&lol" + str(k - 1) + ";") * 10 if k > 1 else "&lol;" * 10}">'
              for k in range(1, 10))
    + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")
EXTERNAL = (
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")


def paragraph(text: str, *, bold: bool = False) -> str:
    weight = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f"<w:p><w:r>{weight}<w:t>{text}</w:t></w:r></w:p>"


HEADER = [paragraph("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", bold=True), paragraph("Số: 99/KH-UBND"),
          paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True),
          paragraph("Độc lập - Tự do - Hạnh phúc", bold=True),
          paragraph("Lạng Sơn, ngày 05 tháng 01 năm 2024")]


def package(path: Path, parts: dict[str, str | bytes], *, main: str = MAIN) -> Path:
    """A .docx of the given parts, with content types and the package relationship."""
    files: dict[str, str | bytes] = {"[Content_Types].xml": CONTENT_TYPES.replace("{main}", main),
                                     "_rels/.rels": RELS}
    files.update(parts)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def simple(path: Path, body: str = paragraph("KẾ HOẠCH")) -> Path:
    return package(path, {"word/document.xml": DOCUMENT.replace("{body}", body)})


def zeros_deflated(gib: int) -> bytes:
    """Raw deflate of ``gib`` GiB of zeros, about 1 MB a GiB, made in a fraction of a second:
    one 16 MiB chunk compressed and fully flushed (so that it does not depend on what came
    before) repeated, then the final empty block."""
    chunk = zlib.compressobj(9, zlib.DEFLATED, -15)
    one = chunk.compress(bytes(1 << 24)) + chunk.flush(zlib.Z_FULL_FLUSH)
    return one * (64 * gib) + zlib.compressobj(9, zlib.DEFLATED, -15).flush()


def raw_zip(path: Path, entries: list[tuple[str, bytes, int, int]]) -> Path:
    """A zip written by hand: (name, deflated bytes, declared size, crc) per entry, so that the
    declared size may be anything (zip64 extra fields for sizes past 4 GiB are not needed:
    the sizes here stay below)."""
    out = io.BytesIO()
    central = []
    for name, data, size, crc in entries:
        offset = out.tell()
        encoded = name.encode()
        header = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(data),
                             min(size, 0xFFFFFFFF), len(encoded), 0)
        out.write(header + encoded + data)
        central.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc,
                                   len(data), min(size, 0xFFFFFFFF), len(encoded), 0, 0, 0, 0,
                                   0, offset) + encoded)
    start = out.tell()
    directory = b"".join(central)
    out.write(directory)
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries),
                          len(directory), start, 0))
    path.write_bytes(out.getvalue())
    return path


def deflated(data: bytes) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def honest(name: str, data: bytes) -> tuple[str, bytes, int, int]:
    """A zip entry that tells the truth."""
    return name, deflated(data), len(data), zlib.crc32(data)


def package_entries() -> list[tuple[str, bytes, int, int]]:
    return [honest("[Content_Types].xml", CONTENT_TYPES.replace("{main}", MAIN).encode()),
            honest("_rels/.rels", RELS.encode())]


def bomb(path: Path, *, declared: int | None = None) -> Path:
    """A 1 MB .docx whose document part inflates to 1 GiB; ``declared``: the size its headers
    claim (default: the truth)."""
    entries = [*package_entries(),
               ("word/document.xml", zeros_deflated(1), declared or (1 << 30), 0)]
    return raw_zip(path, entries)


def macro_in_disguise(path: Path) -> Path:
    """A macro-enabled document (.docm) saved under a .docx name."""
    source = io.BytesIO()
    docx.Document().save(source)
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as out:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(MAIN.encode(), MACRO_MAIN.encode())
            out.writestr(info, data)
        out.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 macros")
    return path


def long_plan(path: Path, pages: int) -> Path:
    """A plan of about ``pages`` pages (some 25 paragraphs a page): parts, items, dashes."""
    body = [*HEADER, paragraph("KẾ HOẠCH"), paragraph("Thực hiện nhiệm vụ năm 2024"),
            paragraph("Căn cứ Luật Thanh niên năm 2020;"),
            paragraph("UBND tỉnh ban hành Kế hoạch như sau:")]
    romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
    count = 0
    while count < pages * 25:
        part = romans[(count // 500) % len(romans)]
        body.append(paragraph(f"{part}. PHẦN {count // 500 + 1}"))
        for item in range(1, 21):
            body.append(paragraph(f"{item}. Nhiệm vụ số {item} của phần {part}"))
            body += [paragraph(f"- Tổ chức hoạt động {k} trước ngày 15/11/2024, bảo đảm chất "
                               "lượng, hiệu quả, đúng tiến độ đề ra;") for k in range(1, 24)]
            count += 24
    return simple(path, "".join(body))
