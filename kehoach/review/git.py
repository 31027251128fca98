"""Plans and git: reading a version from git, and ``git diff`` in plan terms.

``load_version("git:HEAD~1:plans/a.yaml", cwd)`` runs ``git show`` (no shell); a path in the
spec is relative to ``cwd``, like the file given for the other version. ``textconv(path)``
prints a plan one line per header field, per item (``II.1.a) …``) and per task field, so that
with ``.gitattributes`` (``plans/**/*.yaml diff=kehoach``) and
``git config diff.kehoach.textconv "kehoach diff --textconv"`` — what ``git_setup`` writes —
``git diff`` and ``git log -p`` show changed plan lines instead of YAML lines.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kehoach.errors import KehoachError
from kehoach.fs.oserror import reason_vi
from kehoach.textnorm import printable

if TYPE_CHECKING:
    from kehoach.load.document import Document
    from kehoach.plan.registry import Registry

TEXTCONV_COMMAND = "kehoach diff --textconv"


def textconv_command(python: str | None = None) -> str:
    """What git runs to show a plan: this very interpreter by its full path, so that ``git
    diff`` works where the virtual environment is not activated (GitHub Desktop, TortoiseGit, a
    plain shell), and the file's own text when kehoach can no longer be run there (the
    environment removed or moved): the diff then shows plain YAML instead of failing. git runs
    textconv through ``sh`` on every platform, Git for Windows included."""
    exe = Path(python or sys.executable).as_posix()
    for special in ("\\", '"', "$", "`"):  # inside double quotes, inside single quotes
        exe = exe.replace(special, "\\" + special)
    exe = exe.replace("'", "'\\''")
    return (f"sh -c '\"{exe}\" -m kehoach diff --textconv \"$1\" 2>/dev/null || cat \"$1\"' "
            "kehoach-textconv")


ATTRIBUTES = ("plans/**/*.yaml diff=kehoach", "plans/**/*.yml diff=kehoach")
FUNCNAME = (r"^(([IVXLC]+[.)]|[0-9]+[.)] |(Chương|CHƯƠNG|Phần|PHẦN|Mục|MỤC|Điều) "
            r"[IVXLC0-9]+[.:)]? ).*)$")
"""Hunk headers name the enclosing part, however parts are numbered: ``II.1. Tổ chức…``,
``1. Mục đích…`` (a body numbered from 1), ``Chương I. Quy định chung`` (a regulation's
chapters). The item lines of ``plantext`` start with the marker path, so this matches the
parts and, for Roman parts, their sub-items, as before. git shows the first group: the line."""


class DiffError(KehoachError, RuntimeError):
    """A version could not be read or git could not be set up."""


class NotInVersion(DiffError):
    """The file is not in that git version (never committed, or the repository has no
    commit yet)."""


def load_version(spec: str, cwd: Path) -> tuple[str, bytes]:
    """(display name, bytes) of a plan version: a file path, or ``git:REV:path``."""
    if not spec.startswith("git:"):
        from kehoach.fs.reader import read_bytes

        path = Path(spec) if Path(spec).is_absolute() else cwd / spec
        try:
            return spec, read_bytes(path)
        except (OSError, ValueError) as exc:
            why = reason_vi(exc, reading=True) if isinstance(exc, OSError) else "đường dẫn " \
                "không hợp lệ"
            raise DiffError(f"Không đọc được tệp “{spec}”: {why}.") from exc
    rev, sep, name = spec[4:].partition(":")
    if not sep or not rev or not name:
        raise DiffError(f"Không hiểu phiên bản “{spec}”: hãy viết git:PHIÊN_BẢN:đường/dẫn, ví "
                        "dụ git:HEAD~1:plans/ke-hoach.yaml.")
    if rev.startswith("-") or "\0" in spec:  # never an option for git (git:--output=FILE:x)
        raise DiffError(f"Phiên bản “{rev}” không hợp lệ: tên phiên bản không bắt đầu bằng "
                        "dấu “-”.")
    rel = os.path.relpath(name, cwd) if os.path.isabs(name) else name
    rel = rel.replace(os.sep, "/")
    if not rel.startswith(("./", "../")):
        rel = "./" + rel
    out = _git(["show", "--end-of-options", f"{rev}:{rel}"], cwd,
               f"lấy được tệp “{name}” ở phiên bản “{rev}”", rev=rev, name=name)
    return f"{rev}:{name}", out


def load_plan_version(spec: str, cwd: Path) -> Document:
    """A version loaded and validated (its diagnostics name it as ``REV:path``)."""
    from kehoach.load.document import Document, load_text

    display, raw = load_version(spec, cwd)
    name = spec[4:].partition(":")[2] if spec.startswith("git:") else spec
    return load_text(Document(Path(name), display), raw)


def _git(args: list[str], cwd: Path, doing: str, rev: str = "", name: str = "") -> bytes:
    """git's output — at most ``MAX_BYTES`` of it: a committed 2 GB blob is refused, not read."""
    from kehoach.fs.reader import MAX_BYTES, too_large_message

    try:
        proc = subprocess.Popen(["git", *args], cwd=cwd, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    except FileNotFoundError as exc:
        raise DiffError("Không tìm thấy lệnh git: hãy cài git (https://git-scm.com), hoặc so "
                        "sánh hai tệp.") from exc
    except OSError as exc:
        raise DiffError(f"Không {doing}: {reason_vi(exc)}.") from exc
    with proc:
        assert proc.stdout is not None and proc.stderr is not None
        out = proc.stdout.read(MAX_BYTES + 1)
        if len(out) > MAX_BYTES:
            proc.kill()
            raise DiffError(f"Không {doing}: {too_large_message(None)}")
        err = proc.stderr.read(64 * 1024)
    if proc.returncode == 0:
        return out
    detail = err.decode("utf-8", "replace").strip()
    error = NotInVersion if _absent(detail) else DiffError
    raise error(f"Không {doing}: {_explain(detail, rev, name)}")


def _absent(detail: str) -> bool:
    """git says the file is not in the version, or the version (HEAD) has no commit yet."""
    low = detail.lower()
    return any(s in low for s in ("does not exist in", "exists on disk, but not in",
                                  "invalid object name 'head'", "ambiguous argument 'head'"))


def _explain(detail: str, rev: str, name: str) -> str:
    low = detail.lower()
    if "not a git repository" in low:
        return "thư mục này không nằm trong kho git."
    if any(s in low for s in ("invalid object name", "unknown revision", "bad revision")):
        return f"kho git không có phiên bản “{rev}”."
    if "does not exist in" in low or "exists on disk, but not in" in low:
        return f"tệp “{name}” không có trong phiên bản “{rev}”."
    first = detail.splitlines()[0] if detail else "git báo lỗi."
    return f"git báo: {first}"


def git_setup(repo_root: Path, command: str = TEXTCONV_COMMAND) -> list[str]:
    """Make ``git diff`` show plans in plan terms (idempotent); what was done, in Vietnamese."""
    from kehoach.fs.atomic import write_atomic

    # Before anything is written: outside a git work tree there is nothing to set up.
    _git(["rev-parse", "--git-dir"], repo_root, "thiết lập được git cho kho kế hoạch")
    done = []
    attributes = repo_root / ".gitattributes"
    raw = _attributes(attributes)
    present = {line.strip() for line in raw.decode("utf-8", "replace").splitlines()}
    missing = [line for line in ATTRIBUTES if line not in present]
    if missing:
        if raw and not raw.endswith(b"\n"):
            raw += b"\n"
        # The file's own bytes are kept as they are, whatever their encoding.
        write_atomic(attributes, raw + ("\n".join(missing) + "\n").encode("utf-8"))
        done.append(f"Đã thêm vào .gitattributes: {'; '.join(missing)}.")
    for key, value in (("diff.kehoach.textconv", command), ("diff.kehoach.xfuncname", FUNCNAME)):
        current = subprocess.run(["git", "config", "--get", key], cwd=repo_root,
                                 capture_output=True, check=False) if _has_git() else None
        if current is not None and current.stdout.decode("utf-8", "replace").strip() == value:
            continue
        _git(["config", key, value], repo_root, f"đặt được cấu hình git {key}")
        done.append(f"Đã đặt git config {key} = {value}.")
    return done or ["Kho đã được thiết lập sẵn; không có gì thay đổi."]


def _attributes(path: Path) -> bytes:
    """The bytes of ``.gitattributes`` (none when missing); DiffError when it is a symlink or
    not a regular file — its target's content would be copied into the repository."""
    import stat

    from kehoach.fs.reader import kind_of, read_bytes

    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return b""
    except OSError as exc:
        raise DiffError(f"Không đọc được tệp “{path}”: {reason_vi(exc, reading=True)}.") from exc
    why: str | None
    if stat.S_ISLNK(mode):
        why = "đây là liên kết (symlink); kehoach không sửa tệp này qua liên kết"
    else:
        why = kind_of(mode)
    if why:
        raise DiffError(f"Không sửa được tệp “{path}”: {why}. Hãy thay bằng một tệp thông "
                        "thường rồi chạy lại.")
    try:
        return read_bytes(path, limit=1024 * 1024)
    except OSError as exc:
        raise DiffError(f"Không đọc được tệp “{path}”: {reason_vi(exc, reading=True)}.") from exc


def _has_git() -> bool:
    try:
        subprocess.run(["git", "--version"], capture_output=True, check=False)
    except FileNotFoundError:
        return False
    return True


def textconv(path: Path, registry: Registry | None = None) -> str:
    """The plan at ``path`` as plan-terms lines (the file's text when it is not a valid plan)."""
    from kehoach.fs.reader import read_bytes
    from kehoach.load.document import Document, load_text
    from kehoach.review.plantext import plan_lines

    raw = read_bytes(path)
    doc = load_text(Document(path, str(path)), raw)
    if doc.plan is None:  # shown as it is, but never a raw control sequence in git diff
        lines = raw.decode("utf-8", "replace").split("\n")
        return "\n".join(printable(line.removesuffix("\r")) for line in lines)
    if registry is None:
        registry = _registry()
    return "\n".join(plan_lines(doc.plan, registry)) + "\n"


def _registry() -> Registry:
    """git runs textconv from the top of the work tree: the registry is found from there, the
    same for both versions (the old one is a temporary file outside the repository)."""
    from kehoach.check.checker import load_registry
    from kehoach.fs.repo import find_root

    registry, _ = load_registry(find_root(Path.cwd()))
    return registry


def main(argv: list[str] | None = None) -> int:
    """``python -m kehoach.review.git FILE``: the textconv, usable before the CLI is wired."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("Cách dùng: python -m kehoach.review.git TỆP", file=sys.stderr)
        return 2
    sys.stdout.buffer.write(textconv(Path(args[0])).encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
