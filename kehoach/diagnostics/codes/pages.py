"""The registry as text: docs/codes.md, and what ``kehoach explain`` prints."""

from __future__ import annotations

import textwrap

from kehoach.diagnostics.codes import CODES, GROUPS, Code, lookup

WIDTH = 88
_ALWAYS_ON = "luôn bật"
_HEADER = """\
<!-- Sinh từ kehoach/diagnostics/codes: đừng sửa tay, chạy `make codes`. -->
# Mã lỗi và cảnh báo

`kehoach check` (và `kehoach fmt`) báo mỗi vấn đề ở dòng và cột của giá trị có vấn đề, kèm một
mã ổn định. Trang này liệt kê mọi mã; `kehoach explain MÃ` in giải thích của một mã ngay trong
dòng lệnh, `kehoach explain` liệt kê tất cả.

Mức **lỗi** làm lệnh kết thúc với mã thoát 1; **cảnh báo** thì không, trừ khi chạy với
`--strict`. Mã **luôn bật** bảo vệ kehoach và người đọc tệp trước một tệp độc hại (làm treo máy,
tạo đối tượng từ thẻ, giá trị mà các công cụ đọc khác nhau): không cấu hình nào của kho kế hoạch
tắt được hay hạ mức của nó.
"""


def _level(code: Code) -> str:
    level = code.severity.label_vi
    return f"{level}, {_ALWAYS_ON}" if code.security else level


def by_group() -> list[tuple[str, list[Code]]]:
    """The codes in the order they are documented: by group, then as registered."""
    return [(g, [c for c in CODES.values() if c.group == g]) for g in GROUPS]


def markdown() -> str:
    """The whole of docs/codes.md (a test keeps the file equal to it)."""
    groups = by_group()
    parts = [_HEADER, "\n| mã | mức | nội dung |\n|---|---|---|\n"]
    parts += [f"| [`{c.name}`](#{c.name}) | {_level(c)} | {c.title} |\n"
              for _, codes in groups for c in codes]
    for group, codes in groups:
        parts.append(f"\n## {group}\n")
        parts += [_section(code) for code in codes]
    return "".join(parts)


def _section(code: Code) -> str:
    text = f"\n### `{code.name}`\n\n**{code.title}** · {_level(code)}\n\n"
    text += textwrap.fill(code.explanation, 96) + "\n"
    for label, example in (("Sai", code.bad), ("Đúng", code.good)):
        if example:
            text += f"\n{label}:\n\n```yaml\n{example}```\n"
    return text


def explain(name: str) -> str:
    """What ``kehoach explain NAME`` prints; raises UnknownCodeError with close names."""
    code = lookup(name.strip().lower())  # typed by hand: "Unknown-Body " finds it too
    lines = [f"{code.name}: {code.title}", f"Mức: {_level(code)} · Nhóm: {code.group}", ""]
    lines.append(textwrap.fill(code.explanation, WIDTH))
    for label, example in (("Ví dụ sai", code.bad), ("Ví dụ đúng", code.good)):
        if example:
            lines += ["", f"{label}:", textwrap.indent(example.rstrip("\n"), "    ")]
    return "\n".join(lines) + "\n"


def listing() -> str:
    """Every code, one a line, under its group: what ``kehoach explain`` alone prints."""
    width = max(len(name) for name in CODES)
    blocks = []
    for group, codes in by_group():
        rows = [f"  {c.name:<{width}}  {_level(c):<18}  {c.title}" for c in codes]
        blocks.append("\n".join([group, *rows]))
    blocks.append("Giải thích và ví dụ của một mã: kehoach explain MÃ")
    return "\n\n".join(blocks) + "\n"


if __name__ == "__main__":  # make codes: python -m kehoach.diagnostics.codes.pages > docs/codes.md
    import sys

    # Bytes, not text: the page is UTF-8 with LF line ends on every platform and console.
    sys.stdout.buffer.write(markdown().encode("utf-8"))
