"""Hostile files through `fmt`, `render` and `done`: the same refusals as `check`, bounded memory.

``test_hostile.py`` throws alias bombs, 30,000-deep nesting, 11 MB files, 200,000-character
lines, binary and UTF-16 files at `check`. The commands that rewrite or render a plan read it
through the same loader, so they must refuse the same inputs with the same diagnostic code —
under the same 1 GiB address-space limit (here it also covers python-docx, Jinja and
ruamel.yaml, preloaded by the fork server), within a generous timeout — and leave the file
byte-identical.
"""

from __future__ import annotations

import pytest
from forkrun import ForkServer, done_command, fmt_command
from test_hostile import HOSTILE, MEMORY_LIMIT

from kehoach.load.document import load_document
from tests.conftest import REGISTRY

pytest.importorskip("resource")


@pytest.fixture(scope="module")
def server():
    with ForkServer() as fs:
        yield fs


def command(which: str, name: str = "hostile.yaml") -> tuple[list[str] | None, str | None]:
    plan = f"plans/{name}"
    if which == "render":
        return ["render", plan, "-o", "out.docx", "--force"], None
    if which == "fmt":
        return fmt_command(plan)
    return done_command(plan, "t1", "2024-03-20", cli=False)


@pytest.mark.parametrize("which", ["fmt", "render", "done"])
@pytest.mark.parametrize("raw,code", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_file_is_refused_with_bounded_memory(server, tmp_path, which, raw, code):
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "co-quan.yaml").write_text(REGISTRY, encoding="utf-8")
    (tmp_path / "kehoach.toml").write_text("", encoding="utf-8")
    path = tmp_path / "plans" / "hostile.yaml"
    path.write_bytes(raw)
    argv, lib = command(which)
    run = server.run(argv, code=lib, cwd=tmp_path, rlimits={"AS": MEMORY_LIMIT}, timeout=120)
    assert not run.timed_out and run.signal is None, run
    assert run.code == 1, run.output
    assert "Traceback" not in run.output and "Lỗi nội bộ" not in run.output, run.output
    assert "MemoryError" not in run.output
    assert f"({code})" in run.output, run.output
    assert "hostile.yaml:" in run.output
    assert path.read_bytes() == raw
    assert not (tmp_path / "out.docx").exists()
    assert sorted(p.name for p in (tmp_path / "plans").iterdir()) == ["co-quan.yaml",
                                                                       "hostile.yaml"]


# --- plan text is data, never code ---------------------------------------------------------

INJECTIONS = [
    "{{ 7*7 }} và {{ ''.__class__.__mro__ }}",
    "{% import os %}{% for x in range(3) %}x{% endfor %}",
    "!!python/object/apply:os.system ['touch pwned-tag']",
    "$(touch pwned-shell) và ${HOME}",
    "`touch pwned-backtick`",
    "<w:t>chèn XML</w:t> &amp; <script>alert(1)</script>",
    "%(name)s {0} %s",
]


def test_plan_text_is_never_evaluated(server, tmp_path):
    """check passes (text is just text); render prints every character; nothing runs."""
    from forkrun import REGISTRY as SAMPLE_REGISTRY
    from forkrun import plan_text
    from test_render_support import all_text

    plan = plan_text().replace(
        "noi_nhan:\n",
        "ket_thuc:\n" + "".join(f"  - {_quoted(s)}\n" for s in INJECTIONS)
        + "  - Văn bản !!python/object:os.system viết giữa dòng\nnoi_nhan:\n")
    (tmp_path / "plans").mkdir()
    (tmp_path / "kehoach.toml").write_text("", encoding="utf-8")
    (tmp_path / "plans" / "co-quan.yaml").write_text(SAMPLE_REGISTRY, encoding="utf-8")
    (tmp_path / "plans" / "a.yaml").write_text(plan, encoding="utf-8")
    check = server.run(["check", "--format", "plain", "plans"], cwd=tmp_path)
    assert check.code == 0 and "[error]" not in check.stdout, check.output
    render = server.run(["render", "plans/a.yaml", "-o", "a.docx"], cwd=tmp_path)
    assert render.code == 0, render.output
    text = all_text(tmp_path / "a.docx")
    for literal in [*INJECTIONS, "Văn bản !!python/object:os.system viết giữa dòng"]:
        assert literal in text, literal
    assert "49" not in text and "xxx" not in text
    before = (tmp_path / "plans" / "a.yaml").read_bytes()
    for which in ("fmt", "done"):
        argv, lib = command(which, "a.yaml")
        run = server.run(argv, code=lib, cwd=tmp_path)
        assert run.code == 0, run.output
    after = (tmp_path / "plans" / "a.yaml").read_text(encoding="utf-8")
    assert after != before.decode("utf-8")
    assert all(s in load_document(tmp_path / "plans" / "a.yaml").data["ket_thuc"]
               for s in INJECTIONS)
    assert not list(tmp_path.rglob("pwned-*"))


def _quoted(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one
