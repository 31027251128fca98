"""`render` of many plans: on all cores at any size, and where `-o` puts the files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach.errors import RenderError
from kehoach.render.run import render_source
from kehoach.render.targets import targets

PLANS = 4


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bench.realcorpus import write_real_corpus

    return write_real_corpus(tmp_path_factory.mktemp("render"), PLANS, seed=5)


def _texts(path: Path) -> list[str]:
    import docx

    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_a_folder_above_the_parallel_threshold_renders_on_every_core(repo, tmp_path,
                                                                    monkeypatch):
    """The check runs in workers (which send documents back without their plans): the
    rendering must not need them (it crashed with a KeyError at 4 MB)."""
    import kehoach.fs.parallel as parallel

    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 1024)  # the corpus: ~130 KB
    written: list[Path] = []
    errors = render_source(repo / "plans", tmp_path / "out", jobs=2, written=written.append)
    assert errors == []
    plans = sorted((repo / "plans").rglob("*-c0*.yaml"))
    assert len(plans) == PLANS
    expected = [tmp_path / "out" / p.relative_to(repo / "plans").with_suffix(".docx")
                for p in plans]
    assert sorted(written) == expected
    alone = render_source(plans[0], tmp_path / "alone.docx", jobs=1)
    assert alone == []
    assert _texts(expected[0]) == _texts(tmp_path / "alone.docx")
    assert len(_texts(expected[0])) > 20


def test_nothing_is_written_when_one_target_is_refused(repo, tmp_path):
    out = tmp_path / "out"
    plans = sorted((repo / "plans").rglob("*-c0*.yaml"))
    (out / plans[-1].parent.name).mkdir(parents=True)
    taken = out / plans[-1].relative_to(repo / "plans").with_suffix(".docx")
    taken.write_bytes(b"keep")
    with pytest.raises(RenderError, match="--force"):
        render_source(repo / "plans", out, jobs=2)
    assert sorted(p.name for p in out.rglob("*.docx")) == [taken.name]
    assert taken.read_bytes() == b"keep"


@pytest.mark.parametrize(("output", "several", "expected"), [
    ("x.docx", False, "x.docx"),           # one plan: a file
    ("x", False, "x"),                     # one plan, no such folder: a file named so
    ("x/", False, "x/{stem}.docx"),        # a trailing separator: a folder
    ("dir", False, "dir/{stem}.docx"),     # an existing folder
    ("x", True, "x/{stem}.docx"),          # several plans: always a folder
    ("dir", True, "dir/{stem}.docx"),
    (None, False, "out/{stem}.docx"),      # default: out/ at the repository root
    (None, True, "out/{stem}.docx"),
])
def test_where_output_goes(tmp_path, output, several, expected):
    (tmp_path / "dir").mkdir()
    plans = [tmp_path / "a.yaml", tmp_path / "b.yaml"]
    for p in plans:
        p.write_text("", encoding="utf-8")
    given = plans if several else plans[:1]
    pairs = targets(given, None if output is None else str(tmp_path / output)
                    + ("/" if output and output.endswith("/") else ""), tmp_path)
    assert [t for _, t in pairs] == [tmp_path / expected.format(stem=p.stem) for p in given]


@pytest.mark.parametrize("output", ["x.docx", "out.DOCX"])
def test_several_plans_refuse_a_docx_output(tmp_path, output):
    plans = [tmp_path / "a.yaml", tmp_path / "b.yaml"]
    with pytest.raises(RenderError, match="nhiều kế hoạch"):
        targets(plans, str(tmp_path / output), tmp_path)


def test_two_plans_with_one_name_are_refused(tmp_path):
    plans = [tmp_path / "a" / "k.yaml", tmp_path / "b" / "k.yaml"]
    with pytest.raises(RenderError, match="cùng xuất ra tệp"):
        targets(plans, str(tmp_path / "out"), tmp_path)


def test_cli_several_plans_into_a_new_folder(repo, tmp_path):
    plans = sorted((repo / "plans").rglob("*-c0*.yaml"))[:2]
    run = subprocess.run([sys.executable, "-m", "kehoach", "render", *map(str, plans), "-o",
                          str(tmp_path / "moi")], cwd=repo, capture_output=True, text=True,
                         env={**os.environ, "KEHOACH_JOBS": "2"}, timeout=300)
    assert run.returncode == 0, run.stderr
    made = sorted(p.name for p in (tmp_path / "moi").iterdir())
    assert made == sorted(p.with_suffix(".docx").name for p in plans)
    assert run.stdout.count("Đã ghi ") == 2
