"""kehoach.edit.fmt: the codes ``kehoach fmt`` adds to those of loading the file."""

from __future__ import annotations

from kehoach.edit import fmt
from tests.check.conftest import BASE


def _positions(result: fmt.FmtResult) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.code) for d in result.diagnostics]


def test_a_file_that_cannot_be_read(tmp_path):
    result = fmt.format_file(tmp_path / "khong-co.yaml")
    assert _positions(result) == [(1, 1, "io-error")]
    assert not result.ok


def test_a_formatting_that_would_change_the_data_is_not_written(tmp_path, monkeypatch):
    path = tmp_path / "a.yaml"
    path.write_text(BASE, encoding="utf-8")

    def changes_meaning(text, doc):
        raise fmt.FmtError("Định dạng lại làm đổi dữ liệu.")

    monkeypatch.setattr(fmt, "_format_loaded", changes_meaning)
    result = fmt.format_file(path)
    assert _positions(result) == [(1, 1, "fmt-internal")]
    assert not result.written and path.read_text(encoding="utf-8") == BASE
