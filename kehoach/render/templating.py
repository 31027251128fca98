"""The one Jinja environment: sandboxed, strict, with the project's filters, and its lookup.

Lookup order for a template name: each folder of ``search_dirs`` (a plans repository's own
``templates/``), then the packaged templates. ``--template`` takes a name from those folders
or a path to a ``.j2`` file (its folder is searched first, so it can include the shared parts).
Without it, the plan's ``mau`` names the template, else its document type does
(``ke_hoach.j2``, ``chuong_trinh.j2``, ``quy_che.j2``; other types use ``ke_hoach.j2``).

A repository's templates are hostile input: a template (or an include) is read only when it
resolves inside its folder, symlinks followed, and is a regular file of at most
``bounds.MAX_TEMPLATE_BYTES``; a search folder that is itself a symlink must resolve inside the
folder that holds it. Rendering runs in ``sandbox.BoundedEnvironment``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    StrictUndefined,
    TemplateNotFound,
    TemplateSyntaxError,
    meta,
    nodes,
)
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.loaders import split_template_path

import kehoach
from kehoach.errors import RenderError
from kehoach.plan.registry import Registry
from kehoach.render import typeset
from kehoach.render.blocks import encode
from kehoach.render.budget import MAX_TEMPLATE_BYTES, LimitExceeded
from kehoach.render.sandbox import BoundedEnvironment

DEFAULT_TEMPLATE = "ke_hoach.j2"


def packaged_dir() -> Path:
    """The templates shipped with kehoach (installed, or the source checkout's ``templates/``)."""
    installed = Path(kehoach.__file__).parent / "templates"
    if installed.is_dir():
        return installed
    return Path(kehoach.__file__).parent.parent / "templates"


def make_environment(folders: Sequence[Path], registry: Registry) -> BoundedEnvironment:
    """A fresh environment (and so a fresh budget) for one render."""
    env = BoundedEnvironment(
        loader=ContainedLoader(folders),
        finalize=encode,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    register_filters(env, registry)
    return env


def make_html_environment(folders: Sequence[Path], finalize: Any) -> BoundedEnvironment:
    """The web view's environment (``kehoach site``): the same loader, sandbox and limits,
    HTML-escaping every printed value after ``finalize``; one per process, its budget reset
    before each page (``Budget.reset``)."""
    env = BoundedEnvironment(loader=ContainedLoader(folders), finalize=finalize,
                             undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.autoescape = True  # read when a template is compiled, so before any is
    return env


class ContainedLoader(BaseLoader):
    """Templates from folders, first match wins; each read only from inside its folder."""

    def __init__(self, folders: Sequence[Path]):
        self.folders = [(Path(f), Path(f).resolve()) for f in folders]

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Any]:
        pieces = split_template_path(template)  # refuses "..", and separators in a piece
        for folder, real in self.folders:
            path = folder.joinpath(*pieces)
            if os.path.lexists(path):
                return _read_template(path, folder, real), str(path), lambda: True
        raise TemplateNotFound(template)

    def list_templates(self) -> list[str]:
        return sorted({p.name for f, _ in self.folders for p in f.glob("*.j2")})


def _read_template(path: Path, folder: Path, real: Path) -> str:
    target = path.resolve()
    if not target.is_relative_to(real):
        raise RenderError(f"Mẫu “{path}” là liên kết trỏ ra ngoài thư mục mẫu “{folder}” "
                          f"(tới “{target}”): không đọc.")
    from kehoach.fs.reader import FileTooLarge, ReadError, read_bytes

    try:  # the one reader: regular files only, never blocking, at most the limit + 1 byte
        raw = read_bytes(target, limit=MAX_TEMPLATE_BYTES, confine=False)
    except FileTooLarge as err:
        raise RenderError(f"Mẫu “{path}” lớn hơn {MAX_TEMPLATE_BYTES // 1024 // 1024} MiB: "
                          "không đọc.") from err
    except ReadError as err:
        raise RenderError(f"Mẫu “{path}” không phải tệp thường (thư mục, thiết bị, FIFO...): "
                          "không đọc.") from err
    except OSError as err:
        from kehoach.fs.oserror import reason_vi

        raise RenderError(f"Không đọc được mẫu “{path}”: {reason_vi(err)}.") from err
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise RenderError(f"Mẫu “{path}” không phải văn bản UTF-8 (byte {err.start}).") from err


def register_filters(env: Any, registry: Registry) -> None:
    """The project's filters, registered in this one place."""
    env.filters.update(
        ngay=typeset.date_long,  # 2022-01-05 -> "ngày 05 tháng 01 năm 2022"
        ngay_so=typeset.date_short,  # 2021-07-24 -> "24/7/2021"
        ten_co_quan=registry.name,  # an id -> its full name ("Sở Nội vụ tỉnh Lạng Sơn")
        ten_in=lambda i: (b.ten_in or b.ten.upper()) if (b := registry.get(i)) else i,
        viet_tat=lambda i: (b.viet_tat or "") if (b := registry.get(i)) else "",
        chu_thuong_dau=typeset.sentence_case,  # "KẾ HOẠCH" -> "Kế hoạch"
    )


def resolve(
    template: str | Path | None, plan_template: str | None, doc_type: str,
    search_dirs: Iterable[Path],
) -> tuple[list[Path], str]:
    """The loader folders and the template name to render."""
    folders = [_contained_folder(Path(d)) for d in search_dirs if Path(d).is_dir()]
    folders.append(packaged_dir())
    if template is None and plan_template is not None and not _is_name(plan_template):
        raise RenderError(
            f"Mục mau: “{plan_template}” phải là tên một mẫu trong thư mục templates/ "
            "(không phải đường dẫn)."
        )
    chosen = template if template is not None else plan_template
    if chosen is not None and _looks_like_path(chosen):
        path = Path(chosen)
        if not path.is_file():
            raise RenderError(f"Không tìm thấy tệp mẫu “{path}”.")
        real = path.resolve()  # the named file itself is trusted: the user chose it
        return [real.parent, *folders], real.name
    if chosen is not None:
        name = str(chosen) if str(chosen).endswith(".j2") else f"{chosen}.j2"
        if not any((f / name).is_file() for f in folders):
            raise RenderError(f"Không có mẫu “{chosen}”. Các mẫu có: {_available(folders)}.")
        return folders, name
    name = f"{doc_type}.j2"
    return folders, name if any((f / name).is_file() for f in folders) else DEFAULT_TEMPLATE


def _contained_folder(folder: Path) -> Path:
    """A search folder; refused when it is a symlink to somewhere outside its parent."""
    if not folder.resolve().is_relative_to(folder.parent.resolve()):
        raise RenderError(f"Thư mục mẫu “{folder}” là liên kết trỏ ra ngoài kho "
                          f"(tới “{folder.resolve()}”): không dùng.")
    return folder


def _is_name(value: str) -> bool:
    return re.fullmatch(r"[\w.-]+", value) is not None and ".." not in value


def _looks_like_path(value: str | Path) -> bool:
    text = str(value)
    return isinstance(value, Path) or "/" in text or "\\" in text or Path(text).is_file()


def _available(folders: list[Path]) -> str:
    names = sorted({p.stem for f in folders for p in f.glob("*.j2") if not p.name.startswith("_")})
    return ", ".join(names)


def sources(env: Any, name: str) -> dict[str, tuple[str, str, nodes.Template]]:
    """name -> (file path, source, syntax tree) for a template and all it includes/extends."""
    found: dict[str, tuple[str, str, nodes.Template]] = {}
    todo = [name]
    while todo:
        current = todo.pop()
        if current in found:
            continue
        try:
            source, filename, _ = env.loader.get_source(env, current)
        except TemplateNotFound as err:
            raise RenderError(f"Mẫu “{current}” (được gọi từ “{name}”) không có.") from err
        ast = _parse(env, source, current, filename)
        found[current] = (filename or current, source, ast)
        todo.extend(t for t in meta.find_referenced_templates(ast) if t is not None)
    return found


def _parse(env: Any, source: str, name: str, filename: str | None) -> nodes.Template:
    try:
        return env.parse(source, name, filename)
    except TemplateSyntaxError as err:
        where = f"{err.filename or name}:{err.lineno}"
        raise RenderError(f"{where}: mẫu viết sai: {err.message}") from err
    except (ValueError, RecursionError, MemoryError) as err:  # a 5,000-digit literal, 10,000 "("
        raise RenderError(f"{filename or name}: mẫu viết sai: {_reason(err)}.") from err


def check_variables(env: Any, files: dict[str, tuple[str, str, Any]], known: Iterable[str]):
    """Report variables a template uses that the context does not give, before rendering."""
    allowed = set(known) | set(env.globals)
    assigned = {
        node.name for _, _, ast in files.values() for node in ast.find_all(nodes.Name)
        if node.ctx in ("store", "param")
    }
    for path, _, ast in files.values():
        try:
            undeclared = meta.find_undeclared_variables(ast)
        except TemplateSyntaxError as err:  # an unknown filter or test is found here
            raise RenderError(f"{path}:{err.lineno}: mẫu viết sai: {err.message}") from err
        except (ValueError, RecursionError, MemoryError) as err:
            raise RenderError(f"{path}: mẫu viết sai: {_reason(err)}.") from err
        unknown = sorted(undeclared - allowed - assigned)
        if unknown:
            raise RenderError(
                f"{path}: mẫu dùng biến không có: {', '.join(unknown)}. "
                f"Các biến có: {', '.join(sorted(known))}."
            )


def locator(files: dict[str, tuple[str, str, Any]]) -> Any:
    """A function naming the file and line where a block style was written."""

    def locate(style: str) -> str:
        pattern = re.compile(rf"^\s*(?:\{{[%#].*?[%#]\}}\s*)*{re.escape(style)}(?:[\s\[]|$)")
        for path, source, _ in files.values():
            for number, line in enumerate(source.splitlines(), start=1):
                if pattern.match(line):
                    return f"{path}:{number}"
        return ""

    return locate


def render_stream(env: Any, name: str, context: dict[str, Any]) -> str:
    filename = name
    try:
        template = env.get_template(name)
        filename = template.filename or name
        return template.render(context)
    except RenderError:
        raise
    except Exception as err:  # the template's fault (sandbox, types, undefined): tell the author
        where = _template_position(err) or f"{filename}: "
        if isinstance(err, LimitExceeded):
            kind = "vượt giới hạn cho phép"
        elif isinstance(err, TemplateNotFound):  # an include whose name is computed
            kind = "gọi mẫu không có"
        elif isinstance(err, SecurityError):
            kind = "bị chặn vì truy cập không an toàn"
        elif isinstance(err, UndefinedError):
            kind = "dùng biến hoặc thuộc tính không có"
        else:
            kind = "lỗi khi trình bày"
        raise RenderError(f"{where}mẫu “{name}” {kind} ({_reason(err)}).") from err


def _reason(err: BaseException) -> str:
    """An exception as a short line: never empty, never the whole of a huge value."""
    if isinstance(err, LimitExceeded):
        return err.message_vi
    if isinstance(err, RecursionError):
        return "lồng nhau quá sâu"
    if isinstance(err, MemoryError):
        return "không đủ bộ nhớ"
    if isinstance(err, ValueError) and "integer string conversion" in str(err):
        return "có số nguyên quá dài (hơn 4.300 chữ số)"
    text = str(err) or type(err).__name__
    return text if len(text) <= 300 else text[:300] + "…"


def _template_position(err: Exception) -> str:
    import traceback

    for frame in reversed(traceback.extract_tb(err.__traceback__)):
        if frame.filename.endswith(".j2"):
            return f"{frame.filename}:{frame.lineno}: "
    return ""
