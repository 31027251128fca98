"""Every text kehoach shows a person uses the tone-mark style of official documents: "hóa",
"khóa", "tùy", "Ủy ban" — the mark on the main vowel, as Nghị định 30's samples write it —
never the older "hoá", "tuỳ", "Uỷ". (Plans and seeds are exempt: they are the officials' own
words, kept verbatim.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = {".py", ".j2", ".md", ".js", ".html", ".css", ".toml"}
OLD_STYLE = re.compile(r"(?<![qQ])(?:[oO][áàảãạéèẻẽẹ]|[uU][ýỳỷỹỵ])\b")


def _texts() -> list[Path]:
    found = [ROOT / "README.md"]
    for folder in ("kehoach", "templates", "docs"):
        found += [p for p in (ROOT / folder).rglob("*")
                  if p.suffix in SUFFIXES and p.name != "_metrics_data.py"]
    return sorted(found)


@pytest.mark.parametrize("sample, found", [
    ("Thanh Hoá", ["oá"]), ("tuỳ chọn", ["uỳ"]), ("Uỷ ban", ["Uỷ"]), ("hoà nhập", ["oà"]),
    ("quý II", []), ("Thanh Hóa", []), ("hoạch", []), ("Ủy ban, tùy", []),
])
def test_the_pattern_tells_the_styles_apart(sample, found):
    assert OLD_STYLE.findall(sample) == found


def test_no_old_style_tone_marks_in_what_people_read():
    bad = [f"{p.relative_to(ROOT)}:{n}: {m.group()}"
           for p in _texts()
           for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
           for m in OLD_STYLE.finditer(line)]
    assert bad == []
