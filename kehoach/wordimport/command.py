"""``kehoach import`` as one library call: read the document, build the plan, write it in
``kehoach fmt``'s layout (and the proposed bodies into the registry), check it.

It never overwrites a file without ``force``, and never a plan already tracked: a plan with
completion or extension records, or (inside ``plans/``) another plan of the same number and
year, is refused — merging a revised Word version into a tracked plan is not done here.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kehoach.wordimport.refusal import WordImportError

if TYPE_CHECKING:
    from kehoach.diagnostics.diagnostic import Diagnostic
    from kehoach.wordimport.bodymatch import Proposal
    from kehoach.wordimport.report import Report

_RECORDS = re.compile(r"^\s*(?:hoan_thanh|gia_han):\s*(?:\S|$)", re.M)


@dataclass
class Imported:
    plan: Path
    registry: Path | None
    proposals: list[Proposal]
    report: Report
    diagnostics: list[Diagnostic] = field(default_factory=list)


def read_source(path: Path) -> bytes:
    """The document's bytes, read as kehoach reads every file (a regular file only, at most
    ``MAX_FILE`` bytes), converted by LibreOffice first when it is .odt, .doc or .rtf."""
    from kehoach.fs.reader import read_bytes
    from kehoach.wordimport.convert import convert_to_docx, needs_conversion
    from kehoach.wordimport.package import MAX_FILE

    try:
        data = read_bytes(path, limit=MAX_FILE, confine=False)
    except OSError as exc:
        from kehoach.fs.oserror import reason_vi

        why = str(exc) if type(exc).__module__.startswith("kehoach") else reason_vi(
            exc, reading=True)
        raise WordImportError(f"Không đọc được “{path}”: {why}.") from None
    return convert_to_docx(path) if needs_conversion(path) else data


def import_document(source: Path, output: Path | None = None, *, force: bool = False,
                    cwd: Path | None = None) -> Imported:
    """Import ``source`` into ``output`` (default: ``plans/`` + a name from its type, number
    and year). Raises WordImportError (nothing written) for what stops it."""
    from kehoach.check.checker import check_paths, load_registry
    from kehoach.fs.repo import find_root
    from kehoach.wordimport.build import build_plan
    from kehoach.wordimport.docxbody import read_docx
    from kehoach.wordimport.package import open_package

    cwd = cwd or Path.cwd()
    root = find_root(output.parent if output is not None else cwd)
    if root is None:
        raise WordImportError("Không tìm thấy kho kế hoạch (thư mục có plans/ hoặc "
                              "kehoach.toml): hãy chạy trong kho, hoặc tạo kho bằng kehoach "
                              "init. Kế hoạch nhập vào cần danh mục cơ quan của kho.")
    registry, registry_docs = load_registry(root, cwd)
    if any(d.is_error for doc in registry_docs for d in doc.diagnostics):
        raise WordImportError("Danh mục cơ quan của kho đang có lỗi: hãy sửa (kehoach check) "
                              "rồi nhập.")
    docx = read_docx(open_package(read_source(source), source.name))
    built = build_plan(docx, registry, source.name, _task_ids(root))
    target = output or root / "plans" / default_name(built.data)
    _refuse(target, built.data, root, force)
    registry_path = _write_registry(root, built.proposals, source.name)
    _write_plan(target, built.data, root, source.name)
    result = check_paths([target], cwd=cwd)
    return Imported(target, registry_path, built.proposals, built.report, result.diagnostics)


def default_name(data: dict[str, Any]) -> str:
    from kehoach.plan.model import DocType
    from kehoach.wordimport.bodymatch import slug

    title = data.get("ten_loai") or DocType(data["loai"]).name_vi
    day = data.get("ngay_ban_hanh")
    year = day.year if day else (data.get("giai_doan") or {}).get("tu")
    parts = [slug(title), slug(data.get("so_ky_hieu") or "") or "du-thao", str(year or "")]
    return "-".join(p for p in parts if p) + ".yaml"


def _task_ids(root: Path) -> set[str]:
    from kehoach.check.idindex import IdIndex
    from kehoach.fs.cache import cache_dir
    from kehoach.fs.repo import plan_files, same_file_key

    index = IdIndex(cache_dir(root))
    taken = {i for p in plan_files(root) for i in index.ids(p, same_file_key(p))}
    index.save()
    return taken


def _refuse(target: Path, data: dict[str, Any], root: Path, force: bool) -> None:
    from kehoach.fs.atomic import AtomicWriteError, check_replaceable

    try:  # a link, a device, a folder outside the repository: refused before anything is written
        check_replaceable(target)
    except AtomicWriteError as exc:
        raise WordImportError(exc.message_vi) from None
    if target.suffix.lower() not in (".yaml", ".yml"):
        raise WordImportError(f"Tệp ra “{target}” phải là tệp .yaml.")
    if target.is_dir():
        raise WordImportError(f"“{target}” là một thư mục; hãy chọn tên tệp .yaml.")
    if not target.parent.is_dir():
        raise WordImportError(f"Thư mục “{target.parent}” không tồn tại.")
    if target.exists():
        if not force:
            raise WordImportError(f"Tệp “{target}” đã có; dùng --force để ghi đè.")
        if _RECORDS.search(_text(target)):
            raise WordImportError(
                f"“{target}” là kế hoạch đang được theo dõi (có ghi nhận hoàn thành hoặc gia "
                "hạn): nhập đè sẽ mất các ghi nhận đó. Ghép bản Word sửa đổi vào kế hoạch đang "
                "theo dõi chưa được hỗ trợ; hãy nhập ra tệp khác rồi so sánh (kehoach diff).")
    same = _same_number(target, data, root)
    if same is not None:
        raise WordImportError(
            f"Kế hoạch số {data['so_ky_hieu']} đã có trong kho: {same}. Ghép bản Word sửa đổi "
            "vào kế hoạch đang theo dõi chưa được hỗ trợ; hãy nhập ra ngoài plans/ (-o) rồi so "
            "sánh.")


def _text(path: Path) -> str:
    from kehoach.fs.reader import read_text

    try:
        return read_text(path, errors="replace")
    except OSError:
        return ""


def _same_number(target: Path, data: dict[str, Any], root: Path) -> Path | None:
    """Another plan under ``plans/`` with the same number and year, when ``target`` is there."""
    from kehoach.fs.repo import plan_files, same_file_key

    plans = (root / "plans").resolve()
    symbol, day = data.get("so_ky_hieu"), data.get("ngay_ban_hanh")
    if not symbol or day is None or not target.resolve().is_relative_to(plans):
        return None
    line = re.compile(rf"^so_ky_hieu:\s*[\"']?{re.escape(symbol)}[\"']?\s*$", re.M)
    year = re.compile(rf"^ngay_ban_hanh:\s*{day.year}-", re.M)
    key = same_file_key(target)
    for path in plan_files(root):
        if same_file_key(path) != key:
            text = _text(path)
            if line.search(text) and year.search(text):
                return path
    return None


def _write_registry(root: Path, proposals: list[Proposal], source: str) -> Path | None:
    if not proposals:
        return None
    from kehoach.edit.lookup import EditError
    from kehoach.edit.registry_add import NewBody, add_bodies
    from kehoach.fs.repo import registry_files

    files = registry_files(root)
    path = files[0] if files else root / "plans" / "co-quan.yaml"
    bodies = [NewBody(**p.as_yaml(source)) for p in proposals]
    try:
        add_bodies(path, bodies)
    except EditError as exc:
        raise WordImportError(f"Không thêm được cơ quan đề xuất vào {path}: "
                              f"{exc.message_vi}") from None
    return path


def _write_plan(target: Path, data: dict[str, Any], root: Path, source: str) -> None:
    from kehoach.edit.fmt import FmtError, format_text
    from kehoach.fs.atomic import AtomicWriteError, write_atomic
    from kehoach.yamltext.emit import dump

    schema = os.path.relpath(root / "kehoach.schema.json", target.parent).replace(os.sep, "/")
    head = (f"# yaml-language-server: $schema={schema}\n"
            f"# Nhập từ “{source}” bằng kehoach import: hãy đối chiếu với bản gốc.\n")
    try:
        text = format_text(head + dump(data))
    except FmtError as exc:  # a bug of the importer: the plan it made is not valid
        raise RuntimeError(f"kehoach import made an invalid plan: {exc.diagnostics}") from exc
    try:
        write_atomic(target, text.encode("utf-8"))
    except AtomicWriteError as exc:
        raise WordImportError(exc.message_vi) from None
