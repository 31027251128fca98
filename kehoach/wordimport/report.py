"""What the importer did with each paragraph: recognised, guessed, or kept as plain text."""

from __future__ import annotations

from dataclasses import dataclass, field

RECOGNISED, GUESSED, PLAIN = "nhận ra", "đoán", "giữ nguyên văn"
EXCERPT = 60


@dataclass(frozen=True)
class Entry:
    kind: str
    what: str
    index: int | None
    text: str = ""

    def line(self) -> str:
        where = f"đoạn {self.index}: " if self.index else ""
        excerpt = self.text if len(self.text) <= EXCERPT else self.text[: EXCERPT - 1] + "…"
        quoted = f" — “{excerpt}”" if excerpt else ""
        return f"  [{self.kind}] {where}{self.what}{quoted}"


@dataclass
class Report:
    entries: list[Entry] = field(default_factory=list)

    def recognised(self, what: str, index: int | None = None, text: str = "") -> None:
        self.entries.append(Entry(RECOGNISED, what, index, text))

    def guessed(self, what: str, index: int | None = None, text: str = "") -> None:
        self.entries.append(Entry(GUESSED, what, index, text))

    def plain(self, what: str, index: int | None = None, text: str = "") -> None:
        self.entries.append(Entry(PLAIN, what, index, text))

    def count(self, kind: str) -> int:
        return sum(1 for e in self.entries if e.kind == kind)

    def lines(self, *, everything: bool = False) -> list[str]:
        """The report as printed: guesses and plain text always, recognitions on request."""
        shown = [e for e in self.entries if everything or e.kind != RECOGNISED]
        head = (f"Đã nhận ra {self.count(RECOGNISED)} chỗ; {self.count(GUESSED)} chỗ phải đoán; "
                f"{self.count(PLAIN)} chỗ giữ nguyên văn.")
        return [head, *(e.line() for e in shown)]
