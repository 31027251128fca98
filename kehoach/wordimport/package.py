"""A .docx as hostile input: a bounded zip, then XML without DTDs or entities.

Everything is checked before any XML is parsed: the file is a zip (not a renamed .doc, RTF,
HTML or PDF, each named in the message), it has a bounded number of entries, and each part
read is bounded in size and in compression ratio — by the sizes the zip declares and again
while inflating, since a zip may lie. A macro-enabled document (.docm) renamed to .docx is
refused by its content type. A part declaring a DOCTYPE or an entity is refused (Word never
writes one); the parser neither loads DTDs nor expands entities nor touches the network, and
keeps libxml2's depth and size limits.

Parts are found the way Word finds them: the main document through the package's
relationships, its numbering, styles and footnotes through the document's own.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field
from typing import Any

from kehoach.wordimport.refusal import WordImportError

MAX_FILE = 64 * 1024 * 1024
"""Largest file accepted (pictures make real plans a few MiB; text alone rarely 1 MiB)."""
MAX_ENTRIES = 5000
MAX_PART = 48 * 1024 * 1024
"""Largest XML part once inflated (a 200-page plan's document.xml is about 5 MiB)."""
MAX_TOTAL = 96 * 1024 * 1024
"""All XML read from one file, inflated."""
MAX_RATIO = 100
"""Inflated size over compressed size beyond which a large part is a zip bomb (Word XML
compresses 5 to 20 times)."""
RATIO_FLOOR = 1024 * 1024
"""Parts smaller than this are not held to the ratio: a tiny part may compress very well."""

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFICE_DOCUMENT = R + "/officeDocument"
STRICT_OFFICE_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
MACRO_TYPES = ("macroEnabled", "vbaProject")

_SIGNATURES = (
    (b"\xd0\xcf\x11\xe0", "một tệp Word 97-2003 (.doc) hoặc tệp Office cũ"),
    (b"{\\rtf", "một tệp RTF"),
    (b"%PDF", "một tệp PDF"),
)


def _not_docx(name: str, head: bytes) -> WordImportError:
    what = next((label for magic, label in _SIGNATURES if head.startswith(magic)), None)
    lowered = head[:512].lower()
    if what is None and (b"<html" in lowered or b"<!doctype html" in lowered):
        what = "một trang HTML (Word “Lưu thành trang web”)"
    if what is None:
        return WordImportError(f"“{name}” không phải tệp Word .docx (không phải tệp nén Office "
                               "Open XML). Hãy mở bằng Word hoặc LibreOffice rồi lưu thành "
                               ".docx.")
    hint = (" Nếu máy có LibreOffice, kehoach tự chuyển tệp .doc/.odt; hoặc mở bằng Word rồi "
            "“Lưu thành” .docx.")
    return WordImportError(f"“{name}” thực ra là {what}, không phải .docx.{hint}")


@dataclass
class Package:
    """The parts of one .docx that the importer reads, each read at most once."""

    name: str
    archive: zipfile.ZipFile
    entries: dict[str, zipfile.ZipInfo]
    read_total: int = 0
    main: str = "word/document.xml"
    _rels: dict[str, dict[str, str]] = field(default_factory=dict)

    def has(self, part: str) -> bool:
        return part in self.entries

    def xml(self, part: str) -> Any:
        """The parsed root element of ``part`` (see the module's rules)."""
        return parse_xml(self.raw(part), f"“{self.name}”, phần “{part}”")

    def raw(self, part: str) -> bytes:
        info = self.entries.get(part)
        if info is None:
            raise WordImportError(f"“{self.name}” thiếu phần “{part}” của văn bản Word: tệp "
                                  "bị hỏng hoặc không phải .docx. Hãy mở bằng Word rồi lưu lại.")
        _check_entry(self.name, info)
        budget = min(MAX_PART, MAX_TOTAL - self.read_total)
        data = _inflate(self.archive, info, budget, self.name)
        self.read_total += len(data)
        return data

    def related(self, source: str, kind: str) -> str | None:
        """The part ``source`` points to with a relationship of type ``…/kind``."""
        rels = self._relationships(source)
        return next((target for rtype, target in rels.items() if rtype.endswith("/" + kind)),
                    None)

    def _relationships(self, source: str) -> dict[str, str]:
        if source in self._rels:
            return self._rels[source]
        folder, base = posixpath.split(source)
        rels_part = posixpath.join(folder, "_rels", base + ".rels")
        found: dict[str, str] = {}
        if self.has(rels_part):
            for rel in self.xml(rels_part).iter(f"{{{_PKG_RELS}}}Relationship"):
                if rel.get("TargetMode") == "External":
                    continue
                target = _resolve(folder, rel.get("Target") or "")
                found.setdefault(rel.get("Type") or "", target)
        self._rels[source] = found
        return found


def _resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target))


def open_package(data: bytes, name: str) -> Package:
    """The package of a .docx given as bytes; WordImportError for anything else."""
    if len(data) > MAX_FILE:
        raise WordImportError(f"“{name}” lớn hơn {MAX_FILE // (1024 * 1024)} MiB: không phải "
                              "một văn bản kế hoạch thông thường, kehoach không đọc.")
    if not data.startswith(b"PK"):
        raise _not_docx(name, data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise WordImportError(f"“{name}” là tệp nén bị hỏng, không mở được như .docx. Hãy mở "
                              "bằng Word rồi lưu lại.") from None
    if len(infos) > MAX_ENTRIES:
        raise WordImportError(f"“{name}” chứa hơn {MAX_ENTRIES} phần: không phải một văn bản "
                              "Word thông thường, kehoach không đọc.")
    package = Package(name, archive, {i.filename: i for i in infos})
    package.main = _main_part(package)
    return package


def _main_part(package: Package) -> str:
    kinds = _content_types(package)
    target = None
    if package.has("_rels/.rels"):
        rels = package.xml("_rels/.rels")
        for rel in rels.iter(f"{{{_PKG_RELS}}}Relationship"):
            if rel.get("Type") in (OFFICE_DOCUMENT, STRICT_OFFICE_DOCUMENT):
                target = _resolve("", rel.get("Target") or "")
                break
    target = target or "word/document.xml"
    kind = kinds.get(target, "")
    if any(mark in kind for mark in MACRO_TYPES) or any(
        name.lower().endswith("vbaproject.bin") for name in package.entries
    ):
        raise WordImportError(f"“{package.name}” là văn bản Word có macro (.docm), dù tên tệp "
                              "là gì: kehoach không mở văn bản có macro. Hãy mở bằng Word, chọn "
                              "“Lưu thành” Tài liệu Word (.docx) rồi nhập tệp mới.")
    if kind and "wordprocessingml" not in kind:
        raise WordImportError(f"“{package.name}” là tệp Office nhưng không phải văn bản Word "
                              f"(loại “{kind}”): hãy nhập một tệp .docx.")
    if not package.has(target):
        raise WordImportError(f"“{package.name}” không có phần nội dung văn bản (“{target}”): "
                              "tệp bị hỏng hoặc không phải .docx. Hãy mở bằng Word rồi lưu lại.")
    return target


def _content_types(package: Package) -> dict[str, str]:
    if not package.has("[Content_Types].xml"):
        raise WordImportError(f"“{package.name}” thiếu “[Content_Types].xml”: tệp nén này không "
                              "phải văn bản Word .docx.")
    root = package.xml("[Content_Types].xml")
    return {
        (o.get("PartName") or "").lstrip("/"): o.get("ContentType") or ""
        for o in root.iter(f"{{{_CT}}}Override")
    }


def _check_entry(name: str, info: zipfile.ZipInfo) -> None:
    size, packed = info.file_size, max(info.compress_size, 1)
    if size > MAX_PART or (size > RATIO_FLOOR and size > packed * MAX_RATIO):
        raise _bomb(name, info.filename)
    if info.flag_bits & 0x1:
        raise WordImportError(f"“{name}” được mã hóa bằng mật khẩu: hãy mở bằng Word, bỏ mật "
                              "khẩu rồi lưu lại.")


def _bomb(name: str, part: str) -> WordImportError:
    return WordImportError(f"“{name}”: phần “{part}” giải nén ra quá lớn (tệp nén kiểu “bom "
                           "zip”, hoặc văn bản dài bất thường); kehoach không đọc.")


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int, name: str) -> bytes:
    """At most ``budget`` bytes of the entry, whatever its header says."""
    chunks, total = [], 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(1 << 16):
                total += len(chunk)
                if total > budget or total > max(info.compress_size, 1) * MAX_RATIO + RATIO_FLOOR:
                    raise _bomb(name, info.filename)
                chunks.append(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError,
            RuntimeError) as exc:
        if isinstance(exc, WordImportError):
            raise
        raise WordImportError(f"“{name}”: phần “{info.filename}” bị hỏng, không giải nén được. "
                              "Hãy mở bằng Word rồi lưu lại.") from None
    return b"".join(chunks)


def _parser() -> Any:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_comments=True,
                           remove_pis=True)


def parse_xml(data: bytes, where: str) -> Any:
    """The root element of an XML part; WordImportError for a DTD, entities or bad XML."""
    from lxml import etree

    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        data = _utf16_to_utf8(data)
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise WordImportError(f"{where} có khai báo DOCTYPE/ENTITY: Word không bao giờ viết như "
                              "vậy (có thể là tệp cố ý gây hại), kehoach không đọc.")
    try:
        tree = etree.parse(io.BytesIO(data), _parser())
    except etree.XMLSyntaxError:
        raise WordImportError(f"{where} bị hỏng (XML không hợp lệ). Hãy mở bằng Word rồi lưu "
                              "lại.") from None
    if tree.docinfo.internalDTD is not None:  # pragma: no cover - refused above
        raise WordImportError(f"{where} có khai báo DOCTYPE: kehoach không đọc.")
    return tree.getroot()


def _utf16_to_utf8(data: bytes) -> bytes:
    text = data.decode("utf-16", errors="replace")
    if text.startswith("<?xml"):
        text = text[text.find("?>") + 2 :]
    return text.encode("utf-8")
