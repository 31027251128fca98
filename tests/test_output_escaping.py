"""Text from a repository never drives the terminal nor forges an output line.

A plan, a registry, a file name or a YAML key can hold ESC sequences (``"\\e[1A\\e[2K"``), line
breaks, bidi overrides or zero-width characters. Every human-readable output shows them through
``textnorm.printable`` (escaped); JSON keeps the exact string. Checked here function by function
and through the real CLI.
"""

from __future__ import annotations

import dataclasses
import io
import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from kehoach.diagnostics import formats
from kehoach.diagnostics.diagnostic import Diagnostic, Severity
from kehoach.textnorm import printable

HOSTILE = "Sở\x1b[1A\x1b[2K giả\nplans/x.yaml:1:1: [error] bịa (fake)\r\u202e\u200b\u2028\x85\x7f"
VIETNAMESE = ("aăâbcdđeêghiklmnoôơpqrstuưvxy AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY "
              "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ "
              "“Ủy ban” – số 12/KH-UBND, 50% \\ tab")


def controls(text: str, keep: str = "") -> list[str]:
    """Characters that would move the cursor, reorder, hide or break a line."""
    hidden = {"Cc", "Cf", "Zl", "Zp", "Cs", "Cn"}
    return [c for c in text if unicodedata.category(c) in hidden and c not in keep]


# --- the one function ---------------------------------------------------------------------------

ESCAPES = {
    "\x1b[2K": "\\x1b[2K", "a\nb": "a\\nb", "a\r\nb": "a\\r\\nb", "\t": "\\t", "\x00": "\\x00",
    "\x7f": "\\x7f", "\x85": "\\x85", "\u202e": "\\u202e", "\u2066x\u2069": "\\u2066x\\u2069",
    "a\u200bb": "a\\u200bb", "\ufeff": "\\ufeff", "\u2028\u2029": "\\u2028\\u2029",
    "\udcff": "\\udcff", "\U000e0041": "\\U000e0041", "\U0010ffff": "\\U0010ffff",
    VIETNAMESE: VIETNAMESE, "a\u00a0b\u3000c": "a\u00a0b\u3000c", "": "", "\\n": "\\n",
}


@pytest.mark.parametrize("text,shown", list(ESCAPES.items()), ids=[repr(k)[:20] for k in ESCAPES])
def test_printable_escapes_exactly_the_hidden_characters(text, shown):
    assert printable(text) == shown
    assert controls(printable(text)) == []


def test_every_vietnamese_letter_is_printed_as_is():
    letters = {unicodedata.normalize("NFC", c) for c in VIETNAMESE}
    assert all(printable(c) == c for c in letters)


# --- diagnostics: plain, GitHub, rich, JSON ----------------------------------------------------


def _diagnostics():
    """Built directly: the second code is hostile too (printers must not trust any field)."""
    return [Diagnostic(f"plans/{HOSTILE}.yaml", 3, 5, Severity.ERROR, "unknown-key",
                       f"Khóa “{HOSTILE}” không có."),
            Diagnostic("plans/a.yaml", 4, 1, Severity.WARNING, f"code{HOSTILE}", "Bình thường.")]


def test_plain_format_is_one_line_per_diagnostic_without_controls():
    out = formats.plain(_diagnostics())
    lines = out.splitlines()
    assert len(lines) == 2 and out.count("\n") == 2
    assert controls(out, keep="\n") == []
    assert lines[0].startswith("plans/Sở\\x1b[1A\\x1b[2K giả\\nplans/x.yaml:1:1: [error] bịa")
    assert re.fullmatch(r"plans/a\.yaml:4:1: \[warning\] Bình thường\. \(code.*\)", lines[1])


def test_github_format_is_one_annotation_per_diagnostic_without_controls():
    out = formats.github(_diagnostics())
    assert out.count("\n") == 2 and all(line.startswith("::") for line in out.splitlines())
    assert controls(out, keep="\n") == []


def test_rich_printer_shows_escapes_not_controls():
    from rich.console import Console

    from kehoach.cli.console import print_diagnostics

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, color_system="standard", width=400,
                      soft_wrap=True, highlight=False)
    print_diagnostics(console, _diagnostics())
    text = re.sub(r"\x1b\[[0-9;]*m", "", buffer.getvalue())  # rich's own colours
    assert "\x1b" not in text and controls(text, keep="\n") == []
    assert text.count("\n") == 2 and "\\x1b[1A\\x1b[2K" in text


def test_json_keeps_the_exact_strings():
    data = json.loads(formats.as_json(_diagnostics()))
    assert data[0]["path"] == f"plans/{HOSTILE}.yaml"
    assert data[0]["message"] == f"Khóa “{HOSTILE}” không có."
    assert data[1]["code"] == f"code{HOSTILE}"


# --- tracking tables, the semantic diff, textconv, messages ------------------------------------


def _repo(root: Path, plan: str) -> Path:
    from forkrun import REGISTRY, plan_text

    (root / "plans").mkdir(parents=True, exist_ok=True)
    (root / "kehoach.toml").write_text("", encoding="utf-8")
    (root / "plans" / "co-quan.yaml").write_text(REGISTRY, encoding="utf-8")
    (root / "plans" / "a.yaml").write_text(plan or plan_text(2), encoding="utf-8")
    return root


def test_tracking_cells_and_plain_table_are_printable(tmp_path):
    import datetime as dt

    from kehoach.tracking import tables
    from kehoach.tracking.filters import Filters
    from kehoach.tracking.queries import ask

    repo = _repo(tmp_path, "")
    _, rows = ask("tasks", [repo / "plans"], dt.date(2024, 4, 1), Filters(), 30, None)
    assert rows
    rows = [dataclasses.replace(r, text=HOSTILE, agency_name=HOSTILE, so_ky_hieu=HOSTILE,
                                task_id=HOSTILE) for r in rows]
    cells = tables.obligation_cells(rows)
    assert all(controls(c) == [] for row in cells for c in row)
    table = tables.plain_table(tables.OBLIGATION_HEADERS, cells)
    assert table.count("\n") == len(rows) + 2 and controls(table, keep="\n") == []
    record = tables.obligation_record(rows[0])
    assert record["text"] == HOSTILE  # JSON and CSV keep the exact text


def test_semantic_diff_is_one_line_per_change(tmp_path):
    from forkrun import plan_text

    from kehoach.load.document import load_document
    from kehoach.review.semantic import changes_json, diff_plans, format_changes_vi

    (tmp_path / "a.yaml").write_text(plan_text(1), encoding="utf-8")
    old = load_document(tmp_path / "a.yaml").plan
    assert old is not None
    new = old.model_copy(update={"trich_yeu": HOSTILE, "noi_nhan": [HOSTILE]})
    changes = diff_plans(old, new)
    out = format_changes_vi(changes)
    assert out.count("\n") == len(changes) + 1 and controls(out, keep="\n") == []
    assert HOSTILE in [c["new"] for c in changes_json(changes)]  # JSON keeps the exact text


@pytest.mark.parametrize("how", ["escaped-in-yaml", "raw-bytes", "newline-and-bidi"])
def test_textconv_for_git_diff_never_emits_controls(tmp_path, how):
    from forkrun import plan_text

    from kehoach.review.git import textconv

    plan = plan_text(1)
    value = {"escaped-in-yaml": '"Thử \\e[1A\\e[2K xong"', "raw-bytes": "Thử \x1b[2K xong",
             "newline-and-bidi": '"Thử\\ndòng \\u202eđảo\\u2028 xong"'}[how]
    plan = re.sub(r"(?m)^trich_yeu: .*$", lambda _: f"trich_yeu: {value}", plan)
    path = tmp_path / "a.yaml"
    path.write_text(plan, encoding="utf-8")
    out = textconv(path)
    assert controls(out, keep="\n") == []
    assert "Thử" in out and "xong" in out


def test_render_error_messages_are_printable(tmp_path):
    from test_render_support import load_plan, registry

    from kehoach.render import RenderError, render_blocks

    with pytest.raises(RenderError) as err:
        render_blocks(load_plan("ke-hoach"), registry(), template=tmp_path / "x\x1b[2J\n.j2")
    assert controls(str(err.value)) == [] and "\\x1b[2J\\n" in str(err.value)


def test_edit_messages_are_printable(tmp_path):
    from kehoach.edit.records import EditError, record_done

    repo = _repo(tmp_path, "")
    # A bidi override is written (and escaped when echoed); a terminal escape is refused, and
    # the refusal that quotes it is printable too.
    result = record_done(repo / "plans" / "a.yaml", "t1", evidence="Báo cáo\u202e số 1",
                         date=None)
    assert controls(result.message) == [] and "Báo cáo\\u202e số 1" in result.message
    with pytest.raises(EditError) as err:
        record_done(repo / "plans" / "a.yaml", "t1", evidence="Báo cáo\x1b[2K số 2", date=None)
    assert controls(err.value.message_vi) == []
    with pytest.raises(EditError) as err:
        record_done(repo / "plans" / "a.yaml", "t\x1b[2K", date=None)
    assert controls(err.value.message_vi) == []


# --- through the CLI ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server():
    from forkrun import ForkServer

    with ForkServer() as fs:
        yield fs


def test_a_key_with_a_newline_cannot_forge_a_plain_diagnostic_line(server, tmp_path):
    from forkrun import plan_text

    forged = "plans/khac.yaml:9:9: [error] Lỗi bịa ra (fake)"
    plan = plan_text(1) + json.dumps(f"la\n{forged}\n\x1b[1A\x1b[2K") + ": 1\n"
    repo = _repo(tmp_path, plan)
    run = server.run(["check", "--format", "plain", "plans"], cwd=repo)
    assert run.code == 1, run.output
    lines = run.stdout.splitlines()
    assert lines and all(re.match(r"plans/a\.yaml:\d+:\d+: \[(error|warning)\] ", line)
                         for line in lines), run.stdout
    assert not any(line.startswith("plans/khac.yaml") for line in lines)
    assert "\x1b" not in run.output and "\\x1b[1A\\x1b[2K" in run.stdout


def test_done_never_echoes_a_control_sequence(server, tmp_path):
    repo = _repo(tmp_path, "")
    run = server.run(["done", "t1", "--plan", "plans/a.yaml", "--date", "2024-03-20",
                      "--evidence", "Báo cáo\x1b[1A\x1b[2K số 7\u202e"], cwd=repo)
    assert "\x1b" not in run.output and "\u202e" not in run.output, run.output
    assert run.code in (0, 1) and "Traceback" not in run.output, run.output


@pytest.mark.skipif(sys.platform == "win32", reason="Windows refuses control characters in names")
def test_file_names_with_control_characters_are_shown_escaped(server, tmp_path):
    from forkrun import plan_text

    repo = _repo(tmp_path, "")
    bad = repo / "plans" / "b\x1b[31m\nx.yaml"
    bad.write_text("loai: ke_hoach\n" + plan_text(1).replace("loai: ke_hoach\n", "")
                   + "khoa_la: 1\n", encoding="utf-8")
    for argv in (["check", "--format", "plain", "plans"], ["check", "plans"],
                 ["fmt", "--check", "plans"]):
        run = server.run(argv, cwd=repo)
        assert run.code == 1, run.output
        assert "\x1b" not in run.output, (argv, run.output)
        assert "b\\x1b[31m\\nx.yaml" in run.output, (argv, run.output)
