"""The site's Jinja environment: the templates of ``templates/site/``, each overridden by a
repository's ``templates/site/`` file of the same name; sandboxed like the .docx templates,
and HTML-escaping every value, so plan text is shown and never runs.

The one place plan markup becomes HTML is the ``van`` filter, which escapes the text of every
run itself before wrapping it in ``<strong>``, ``<em>`` or a footnote link.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from kehoach.errors import RenderError
from kehoach.plan.registry import Registry

SITE_DIR = "site"
ASSETS = ("site.css", "site.js", "bieu-tuong.svg")
_ENVIRONMENTS: dict[tuple[str, ...], Any] = {}


def folders(root: Path | None) -> list[Path]:
    """Where templates are looked up: the repository's ``templates/``, then the packaged."""
    from kehoach.render.templating import packaged_dir

    own = root / "templates" if root is not None else None
    return [*([own] if own is not None and own.is_dir() else []), packaged_dir()]


def asset(name: str, search: Sequence[Path]) -> bytes:
    """A static file of the site (``ASSETS``): the repository's, else ours."""
    from kehoach.fs.reader import read_bytes

    for folder in search:
        path = folder / SITE_DIR / name
        if path.is_file():
            return read_bytes(path)
    raise RenderError(f"Không có tệp “{SITE_DIR}/{name}” trong thư mục mẫu.")


def environment(search: Sequence[Path], registry: Registry) -> Any:
    """The environment for these folders, one per process (workers render plan pages): the
    .docx templates' bounded sandbox and contained loader — a repository's templates are
    hostile input — with HTML escaping of every value printed."""
    key = tuple(str(f) for f in search)
    env = _ENVIRONMENTS.get(key)
    if env is None:
        from kehoach.render.templating import make_html_environment

        env = make_html_environment([Path(k) for k in key], shown_value)
        env.filters.update(van=marked_up, ngay=day, ty_le=rate)
        _ENVIRONMENTS[key] = env
    env.filters["ten_co_quan"] = registry.name
    return env


def render(env: Any, name: str, context: dict[str, Any]) -> str:
    """The page ``site/<name>``, with a whole render's budget; a template's fault (or one
    that asks for more than a render may do) is a RenderError naming it."""
    from kehoach.render.templating import render_stream

    env.budget.reset()
    return render_stream(env, f"{SITE_DIR}/{name}", context)


def shown(text: str) -> str:
    """Plan text as a page shows it: controls, bidi overrides and invisible characters
    escaped (``textnorm.printable``), so that no text can hide or reorder what is around it;
    line breaks become spaces, as HTML shows them anyway."""
    from kehoach.textnorm import printable

    if text.isprintable():
        return text
    return printable(text.replace("\r\n", " ").replace("\n", " ").replace("\t", " "))


def shown_value(value: Any) -> Any:
    """What a template prints: its text ``shown``; markup made here (``van``) as it is."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return shown(value)
    return value


def day(value: dt.date | None) -> str:
    """dd/mm/yyyy, the way an office writes a date in a table."""
    return f"{value:%d/%m/%Y}" if value is not None else ""


def rate(value: float | None) -> str:
    """An on-time rate as Vietnamese write it (decimal comma): "87,5%"."""
    return "" if value is None else f"{value * 100:.1f}%".replace(".", ",")


Kept = tuple[int, int, int, int, int]
"""Words of an item the plan's data file holds: start and end in the item's plain text, the
task's index in the data file, where they start in its wording, and the wording's length."""


def marked_up(text: str | None, notes: dict[str, int] | None = None,
              kept: Sequence[Kept] = ()) -> Any:
    """Plan text with its inline markup as HTML, every run escaped; a footnote reference
    becomes a numbered link to its note (a note without text prints nothing, as in .docx).
    ``kept``: stretches of the plain text printed as a place (``data-nv``) the plan page
    fills from its data file, each within its run's emphasis."""
    from kehoach.plan.markup import parse

    if not text:
        return Markup("")
    parts = []
    at = 0
    for run in parse(text):
        if run.footnote is not None:
            number = (notes or {}).get(run.footnote)
            if number is not None:
                parts.append(f'<sup><a href="#chu-thich-{number}">{number}</a></sup>')
            continue
        html = _pieces(run.text, at, kept) if kept else str(escape(shown(run.text)))
        at += len(run.text)
        if run.italic:
            html = f"<em>{html}</em>"
        if run.bold:
            html = f"<strong>{html}</strong>"
        parts.append(html)
    return Markup("".join(parts))


KEPT_MIN = 16
"""Characters: a shorter stretch costs more as a place to fill than as words."""


def _pieces(text: str, at: int, kept: Sequence[Kept]) -> str:
    """One run (starting at ``at`` in the plain text; printable, so shown as it is): its
    words, and a place to fill for each stretch of them the data file holds."""
    out = []
    pos, end = at, at + len(text)
    for start, stop, task, offset, length in kept:
        first, last = max(start, pos), min(stop, end)
        if last - first < KEPT_MIN:
            continue
        out.append(str(escape(text[pos - at:first - at])))
        lo, hi = offset + first - start, offset + last - start
        ref = str(task) if (lo, hi) == (0, length) else f"{task}:{lo}:{hi}"
        out.append(f'<span data-nv="{ref}"></span>')
        pos = last
    out.append(str(escape(text[pos - at:])))
    return "".join(out)


def item_line(tag: str, css: str, parts: tuple[str | None, str | None, str | None],
              kept: Sequence[Kept], notes: dict[str, int]) -> tuple[Any, Any, Any]:
    """An item of a plan's body as the page prints it — the opening tag, the line (marker,
    label, text; every piece escaped), the closing tag — made here rather than in the
    template: a thousand plans have a hundred thousand items, and the sandbox counts every
    value a template prints. ``kept``: the words the plan's data file holds (``marked_up``)."""
    marker, label, text = parts
    html = []
    if marker:
        html.append(f'<span class="kh">{escape(shown(marker))}</span> ')
    if label:
        html.append(f"<strong>{escape(shown(label))}</strong> ")
    html.append(str(marked_up(text, notes, kept)))
    opening = f'<{tag} class="{css}">' if css else f"<{tag}>"
    return Markup(opening), Markup("".join(html)), Markup(f"</{tag}>")


def task_line(task_id: str, status: dict[str, Any] | None, css: str) -> Any:
    """A task's line under its item: its status, and the anchor other pages link to
    (``#nv-<id>``); made here for the same reason as ``item_line``. The id is written once,
    in the anchor: the page prints it from there (``site.js``), as it fills in the words."""
    badge = (f'<b class="tt s{status["so"]}">{escape(status["nhan"])}</b>'
             if status is not None else "")
    return Markup(f'<p class="nv {css}" id="nv-{escape(task_id)}">{badge}</p>')
