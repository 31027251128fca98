"""Runs back to the plan format's inline markup: ``**bold**``, ``*italic*``, ``[^n]``.

Emphasis over a whole paragraph is its layout, not markup: a part title is bold, a legal
basis italic, in every document, so only emphasis on part of a paragraph is written. Spaces
at the edges of an emphasised stretch stay outside its stars. The text is escaped only where
the markup parser would otherwise read it differently (a literal ``*`` usually needs
nothing), and the result is proved by parsing it back.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kehoach.plan.markup import Run, parse

NoteId = Callable[[str], str | None]
_BREAK = re.compile(r" *\n *")


def flat(text: str) -> str:
    """A line break (Shift+Enter) is a space, as it stands where a space was; a tab too."""
    return _BREAK.sub(" ", text.replace("\t", " ")) if "\n" in text or "\t" in text else text


def _stars(bold: bool, italic: bool) -> str:
    return "*" * ((2 if bold else 0) + (1 if italic else 0))


def _wanted(runs: list[Run], whole: bool) -> list[Run]:
    shown = [r for r in runs if r.footnote is None and r.text.strip()]
    drop_bold = whole and bool(shown) and all(r.bold for r in shown)
    drop_italic = whole and bool(shown) and all(r.italic for r in shown)
    out = []
    for run in runs:
        bold = run.bold and not drop_bold and bool(run.text.strip())
        italic = run.italic and not drop_italic and bool(run.text.strip())
        out.append(Run(run.text, bold, italic, run.footnote))
    return out


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("[", "\\[")


def _write(runs: list[Run], note: NoteId, escape: bool) -> str:
    parts: list[str] = []
    for run in runs:
        if run.footnote is not None:
            ref = note(run.footnote)
            if ref is not None:
                parts.append(f"[^{ref}]")
            continue
        text = _escape(run.text) if escape else run.text
        stars = _stars(run.bold, run.italic)
        if not stars:
            parts.append(text)
            continue
        core = text.strip()
        lead = text[: len(text) - len(text.lstrip())]
        tail = text[len(text.rstrip()) :]
        parts.append(f"{lead}{stars}{core}{stars}{tail}")
    return "".join(parts)


def _shape(runs: list[Run]) -> list[tuple[str, bool, bool, str | None]]:
    """Runs as the parser gives them back: merged, without empty stretches."""
    out: list[tuple[str, bool, bool, str | None]] = []
    for run in runs:
        if run.footnote is not None:
            out.append(("", False, False, run.footnote))
        elif run.text:
            bold, italic = (run.bold, run.italic) if run.text.strip() else (False, False)
            if out and out[-1][3] is None and out[-1][1:3] == (bold, italic):
                out[-1] = (out[-1][0] + run.text, bold, italic, None)
            else:
                out.append((run.text, bold, italic, None))
    return [(t, b, i, f) for t, b, i, f in out if f is not None or t]


def to_markup(runs: list[Run], note: NoteId = lambda ref: ref, *, whole: bool = True,
              strip: bool = True) -> str:
    """The markup text of ``runs``; ``note`` maps a Word footnote id to the plan's (None:
    drop the reference). ``whole``: emphasis over the whole text is layout, dropped."""
    runs = [Run(flat(r.text), r.bold, r.italic, r.footnote) for r in _wanted(runs, whole)]
    if strip:
        runs = _stripped(runs)
    mapped = [Run(r.text, r.bold, r.italic, note(r.footnote)) if r.footnote is not None else r
              for r in runs]
    mapped = [r for r in mapped if r.footnote is not None or r.text]
    want = _shape([Run(r.text, r.bold, r.italic, r.footnote) for r in mapped])
    identity: NoteId = lambda ref: ref  # noqa: E731 - the references are already mapped
    for escape in (False, True):
        text = _write(mapped, identity, escape)
        if _shape(parse(text)) == want:
            return text
    return _write(mapped, identity, True)  # pragma: no cover - escaping always parses back


def _stripped(runs: list[Run]) -> list[Run]:
    out = list(runs)
    while out and out[0].footnote is None and not out[0].text.strip():
        out.pop(0)
    while out and out[-1].footnote is None and not out[-1].text.strip():
        out.pop()
    if out and out[0].footnote is None:
        out[0] = Run(out[0].text.lstrip(), out[0].bold, out[0].italic)
    if out and out[-1].footnote is None:
        out[-1] = Run(out[-1].text.rstrip(), out[-1].bold, out[-1].italic)
    return out


def split_runs(runs: list[Run], at: int) -> tuple[list[Run], list[Run]]:
    """The runs before and after the character ``at`` of their joined text."""
    head: list[Run] = []
    tail: list[Run] = []
    pos = 0
    for run in runs:
        if pos >= at:
            tail.append(run)
        elif pos + len(run.text) <= at:
            head.append(run)
        else:
            cut = at - pos
            head.append(Run(run.text[:cut], run.bold, run.italic))
            tail.append(Run(run.text[cut:], run.bold, run.italic))
        pos += len(run.text)
    return head, tail


def layout_free(runs: list[Run]) -> list[Run]:
    """The runs without emphasis that covers the whole paragraph (its layout)."""
    return _wanted(runs, True)
