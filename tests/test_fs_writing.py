"""Writing only where asked: never through a symlink, never over a device, never out of the repo.

A cloned repository once made ``render --force`` overwrite any file through a committed
``out/du-thao.docx -> <file>``, turned ``/dev/null`` into a regular file (as root), copied the
target of a ``.gitattributes`` symlink into the repository, and passed ``git:--output=FILE``
to git as an option. Each case runs the real command line (a forked ``kehoach.cli.main()``)
and checks the file that must not change, byte for byte. POSIX only (symlinks, FIFOs,
sockets, devices).
"""

from __future__ import annotations

import os
import shutil
import socket
import stat
import sys
import threading
import time
from pathlib import Path

import pytest
from forkrun import REGISTRY, ForkServer, plan_text

from kehoach.fs.atomic import AtomicWriteError, write_atomic
from kehoach.fs.lock import FileLock
from tests.conftest import DATA

if sys.platform == "win32":
    pytest.skip("POSIX only: symlinks, FIFOs, sockets and devices", allow_module_level=True)

RENDER = DATA / "render"
VICTIM = b"# ~/.bashrc of the official: must never change\n"


@pytest.fixture(scope="module")
def server():
    with ForkServer() as fs:
        yield fs


def render_repo(root: Path) -> Path:
    (root / "plans").mkdir(parents=True)
    (root / "kehoach.toml").write_text("", encoding="utf-8")
    for name in ("co-quan.yaml", "du-thao.yaml"):
        shutil.copy(RENDER / name, root / "plans" / name)
    return root


def victim(tmp_path: Path) -> Path:
    path = tmp_path / "victim"
    path.write_bytes(VICTIM)
    return path


def no_crash(run) -> None:
    assert not run.timed_out and run.signal is None, run
    assert "Traceback" not in run.output and "Lỗi nội bộ" not in run.output, run.output


# --- render ----------------------------------------------------------------------------------


def test_render_force_never_writes_through_a_committed_symlink(server, tmp_path):
    """What the demo runs: ``kehoach render plans/ --force`` with ``out/du-thao.docx`` a link."""
    root = render_repo(tmp_path / "repo")
    target = victim(tmp_path)
    (root / "out").mkdir()
    (root / "out" / "du-thao.docx").symlink_to(target)
    run = server.run(["render", "plans/", "--force"], cwd=root)
    no_crash(run)
    assert run.code == 1, run.output
    assert "liên kết (symlink)" in run.stderr
    assert target.read_bytes() == VICTIM
    assert (root / "out" / "du-thao.docx").is_symlink()


def test_output_named_by_the_user_that_is_a_symlink_is_refused(server, tmp_path):
    root = render_repo(tmp_path / "repo")
    target = victim(tmp_path)
    (tmp_path / "link.docx").symlink_to(target)
    run = server.run(["render", str(root / "plans" / "du-thao.yaml"), "-o", "link.docx",
                      "--force"], cwd=tmp_path)
    no_crash(run)
    assert run.code == 1 and "liên kết (symlink)" in run.stderr, run.output
    assert target.read_bytes() == VICTIM and (tmp_path / "link.docx").is_symlink()


def _special(tmp_path: Path, kind: str) -> tuple[Path, object]:
    path = tmp_path / "special.docx"
    keep: object = None
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        keep = socket.socket(socket.AF_UNIX)
        keep.bind(str(path))  # type: ignore[attr-defined]
    else:
        path = Path("/dev/null")
    return path, keep


@pytest.mark.parametrize("kind", ["dev-null", "fifo", "socket"])
def test_special_outputs_are_never_replaced(server, tmp_path, kind):
    """As root, ``-o /dev/null --force`` once replaced the device with a regular file."""
    root = render_repo(tmp_path / "repo")
    path, keep = _special(tmp_path, kind)
    mode = os.lstat(path).st_mode
    try:
        run = server.run(["render", "plans/du-thao.yaml", "-o", str(path), "--force"],
                         cwd=root, timeout=60)
    finally:
        if keep is not None:
            keep.close()  # type: ignore[attr-defined]
    no_crash(run)
    assert run.code == 1, run.output
    assert os.lstat(path).st_mode == mode
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("where", ["the output folder", "a sub-folder of it"])
def test_a_folder_output_is_written_only_inside_itself(server, tmp_path, where):
    """``out -> /elsewhere`` or ``out/sub -> /elsewhere``: nothing is made or written there."""
    root = render_repo(tmp_path / "repo")
    (root / "plans" / "sub").mkdir()
    shutil.copy(RENDER / "du-thao.yaml", root / "plans" / "sub" / "b.yaml")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    if where == "the output folder":
        (root / "out").symlink_to(elsewhere)
    else:
        (root / "out").mkdir()
        (root / "out" / "sub").symlink_to(elsewhere)
    run = server.run(["render", "plans/", "--force"], cwd=root)
    no_crash(run)
    assert run.code == 1, run.output
    assert list(elsewhere.iterdir()) == []


def test_a_user_named_output_folder_may_be_a_link(server, tmp_path):
    """Outside a repository the user's own links are theirs: ``-o ~/Documents/`` works."""
    root = render_repo(tmp_path / "repo")
    real = tmp_path / "documents"
    real.mkdir()
    (tmp_path / "docs-link").symlink_to(real)
    run = server.run(["render", "plans/du-thao.yaml", "-o", str(tmp_path / "docs-link") + "/"],
                     cwd=root)
    assert run.code == 0, run.output
    assert (real / "du-thao.docx").read_bytes()[:2] == b"PK"


# --- editing through a symlink ---------------------------------------------------------------


def edit_repo(root: Path) -> Path:
    (root / "plans").mkdir(parents=True)
    (root / "kehoach.toml").write_text("", encoding="utf-8")
    (root / "plans" / "co-quan.yaml").write_text(REGISTRY, encoding="utf-8")
    (root / "plans" / "real.yaml").write_text(plan_text(), encoding="utf-8")
    (root / "link.yaml").symlink_to("plans/real.yaml")
    return root


@pytest.mark.parametrize("argv", [["done", "t1", "--plan", "link.yaml", "--date", "2024-03-20"],
                                  ["fmt", "link.yaml"]])
def test_an_edit_through_a_symlink_inside_the_repository_edits_the_real_file(server, tmp_path,
                                                                             argv):
    root = edit_repo(tmp_path / "repo")
    before = (root / "plans" / "real.yaml").read_bytes()
    run = server.run(argv, cwd=root)
    assert run.code == 0, run.output
    assert (root / "link.yaml").is_symlink()  # the link stays a link
    after = (root / "plans" / "real.yaml").read_bytes()
    assert after != before
    if argv[0] == "done":
        assert b"ngay_hoan_thanh: 2024-03-20" in after
    assert sorted(p.name for p in (root / "plans").iterdir()) == ["co-quan.yaml", "real.yaml"]


def test_an_edit_through_a_symlink_takes_the_real_files_lock(tmp_path):
    """The link and the file are one plan: an edit through either waits for the other."""
    from kehoach.edit.records import record_done

    root = edit_repo(tmp_path / "repo")
    real = root / "plans" / "real.yaml"
    held = threading.Event()

    def hold() -> None:
        with FileLock(real):
            held.set()
            time.sleep(1.0)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait()
    started = time.monotonic()
    import datetime as dt

    record_done(root / "link.yaml", "t1", date=dt.date(2024, 3, 20))
    waited = time.monotonic() - started
    holder.join()
    assert waited >= 0.8, waited
    assert b"ngay_hoan_thanh: 2024-03-20" in real.read_bytes()


# --- schema -o, new -o -----------------------------------------------------------------------


def test_schema_output_is_atomic_under_a_file_size_limit(server, tmp_path):
    """``schema -o`` once left a file cut at 8,192 bytes and exit 3 under RLIMIT_FSIZE."""
    old = b'{"old": true}\n'
    (tmp_path / "s.json").write_bytes(old)
    run = server.run(["schema", "-o", "s.json"], cwd=tmp_path, rlimits={"FSIZE": 4096})
    no_crash(run)
    assert run.code == 1 and "giới hạn kích thước" in run.stderr, run.output
    assert (tmp_path / "s.json").read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.json"]
    ok = server.run(["schema", "-o", "s.json"], cwd=tmp_path)
    assert ok.code == 0 and (tmp_path / "s.json").read_bytes().startswith(b"{")


@pytest.mark.parametrize("argv", [["schema", "-o", "folder"],
                                  ["new", "ke_hoach", "-i", "ls.ubnd", "-o", "folder"]])
def test_an_output_that_is_a_folder_is_a_clean_error(server, tmp_path, argv):
    root = edit_repo(tmp_path / "repo")
    (root / "folder").mkdir()
    run = server.run(argv, cwd=root)
    no_crash(run)
    assert run.code in (1, 2) and "thư mục" in run.stderr, run.output
    assert list((root / "folder").iterdir()) == []


def test_new_never_writes_through_a_symlink(server, tmp_path):
    root = edit_repo(tmp_path / "repo")
    target = victim(tmp_path)
    (root / "plans" / "moi.yaml").symlink_to(target)
    run = server.run(["new", "ke_hoach", "-i", "ls.ubnd", "-o", "plans/moi.yaml", "--force"],
                     cwd=root)
    no_crash(run)
    assert run.code == 1 and "liên kết (symlink)" in run.stderr, run.output
    assert target.read_bytes() == VICTIM


# --- git-setup and diff ----------------------------------------------------------------------


def git_repo(tmp_path: Path):
    from gitutil import make_repo

    repo = make_repo(tmp_path)
    (repo.root / "plans").mkdir()
    (repo.root / "plans" / "co-quan.yaml").write_text(REGISTRY, encoding="utf-8")
    (repo.root / "plans" / "a.yaml").write_text(plan_text(), encoding="utf-8")
    return repo


@pytest.mark.parametrize("kind", ["symlink", "fifo", "folder"])
def test_git_setup_refuses_a_gitattributes_that_is_not_a_regular_file(server, tmp_path, kind):
    repo = git_repo(tmp_path)
    attributes = repo.root / ".gitattributes"
    target = victim(tmp_path)
    if kind == "symlink":
        attributes.symlink_to(target)
    elif kind == "fifo":
        os.mkfifo(attributes)
    else:
        attributes.mkdir()
    run = server.run(["git-setup"], cwd=repo.root, env=repo.env, timeout=60)
    no_crash(run)
    assert run.code == 1 and ".gitattributes" in run.stderr, run.output
    assert target.read_bytes() == VICTIM
    assert (attributes.is_symlink() if kind == "symlink" else not attributes.is_file())


def test_git_setup_keeps_a_non_utf8_gitattributes_byte_for_byte(server, tmp_path):
    repo = git_repo(tmp_path)
    attributes = repo.root / ".gitattributes"
    legacy = "*.txt text  # Tiếng Việt\n".encode("cp1258", "replace") + b"\xff\xfe junk"
    attributes.write_bytes(legacy)
    run = server.run(["git-setup"], cwd=repo.root, env=repo.env)
    assert run.code == 0, run.output
    after = attributes.read_bytes()
    assert after.startswith(legacy + b"\n")
    assert b"plans/**/*.yaml diff=kehoach" in after


@pytest.mark.parametrize("spec", ["git:--output=pwned.txt:plans/a.yaml",
                                  "git:-p:plans/a.yaml", "git:HEAD:--output=pwned.txt"])
def test_diff_never_passes_an_option_to_git(server, tmp_path, spec):
    repo = git_repo(tmp_path)
    repo.commit()
    run = server.run(["diff", spec], cwd=repo.root, env=repo.env)
    no_crash(run)
    assert run.code == 2, run.output
    assert not list(repo.root.rglob("pwned*")) and not list(tmp_path.rglob("pwned*"))


# --- the atomic writer itself ----------------------------------------------------------------


@pytest.mark.parametrize("kind", ["symlink", "dangling symlink", "fifo", "socket", "folder"])
def test_atomic_replace_refuses_anything_but_a_regular_file(tmp_path, kind):
    path = tmp_path / "t"
    keep = None
    if kind == "symlink":
        path.symlink_to(victim(tmp_path))
    elif kind == "dangling symlink":
        path.symlink_to(tmp_path / "nowhere")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        keep = socket.socket(socket.AF_UNIX)
        keep.bind(str(path))
    else:
        path.mkdir()
    mode = os.lstat(path).st_mode
    try:
        with pytest.raises(AtomicWriteError) as info:
            write_atomic(path, b"new")
    finally:
        if keep is not None:
            keep.close()
    assert info.value.stage == "target"
    assert os.lstat(path).st_mode == mode
    assert not (tmp_path / "nowhere").exists()
    if kind == "symlink":
        assert (tmp_path / "victim").read_bytes() == VICTIM


def test_atomic_replace_of_a_regular_file_keeps_its_mode(tmp_path):
    path = tmp_path / "t"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new" and stat.S_IMODE(path.stat().st_mode) == 0o640
    write_atomic(tmp_path / "fresh", b"x")
    assert (tmp_path / "fresh").read_bytes() == b"x"


# --- init and co-quan them -------------------------------------------------------------------


def test_init_never_writes_into_a_folder_that_is_a_link_out(server, tmp_path):
    """``kehoach init`` in a cloned folder whose ``.vscode`` is a link to elsewhere."""
    root = tmp_path / "kho"
    root.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / ".vscode").symlink_to(elsewhere)
    run = server.run(["init"], cwd=root)
    no_crash(run)
    assert run.code == 1 and "trỏ ra ngoài kho kế hoạch" in run.stderr, run.output
    assert list(elsewhere.iterdir()) == []


def test_adding_a_body_edits_the_real_registry_and_never_one_outside(server, tmp_path):
    root = edit_repo(tmp_path / "repo")
    registry = root / "plans" / "co-quan.yaml"
    registry.rename(root / "danh-muc-that.yaml")
    registry.symlink_to("../danh-muc-that.yaml")  # a link inside the repository: followed
    run = server.run(["co-quan", "them", "ls.so-y-te", "--ten", "Sở Y tế tỉnh Lạng Sơn"],
                     cwd=root)
    assert run.code == 0, run.output
    assert registry.is_symlink() and "ls.so-y-te" in (root / "danh-muc-that.yaml").read_text(
        encoding="utf-8")
    target = victim(tmp_path)
    registry.unlink()
    registry.symlink_to(target)  # a link out: refused, the file it points to untouched
    run = server.run(["co-quan", "them", "ls.so-tu-phap", "--ten", "Sở Tư pháp tỉnh Lạng Sơn"],
                     cwd=root)
    no_crash(run)
    assert run.code == 1 and "trỏ ra ngoài kho kế hoạch" in run.stderr, run.output
    assert target.read_bytes() == VICTIM


@pytest.mark.parametrize("argv", [["tasks", "--as-of", "2024-06-30", "-o", "out.csv"],
                                  ["check", "-o", "out.json"]])
def test_answers_written_with_o_never_go_through_a_link(server, tmp_path, argv):
    """``-o`` of the tracking and check commands: the same writer, the same refusal (and a
    failure no command catches is still a sentence, exit 1)."""
    root = edit_repo(tmp_path / "repo")
    target = victim(tmp_path)
    (root / argv[-1]).symlink_to(target)
    run = server.run(argv, cwd=root)
    no_crash(run)
    assert run.code == 1 and "liên kết (symlink)" in run.stderr, run.output
    assert target.read_bytes() == VICTIM
