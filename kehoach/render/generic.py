"""Rendering any document kehoach writes — a plan, a reminder letter, a progress report —
with the same template lookup, sandbox, block stream and typesetting: only the template and
its context differ."""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from kehoach.plan.registry import Registry


def render_template(name: str, context: dict[str, Any], registry: Registry, *,
                    search_dirs: Iterable[Path] = (), title: str = "",
                    pictures: Mapping[str, bytes] | None = None) -> bytes:
    """The .docx bytes of the packaged template ``name`` (overridden by a repository's
    ``templates/`` of the same name) rendered with ``context``; a ``hinh[anh=NAME]`` block
    prints ``pictures[NAME]`` (PNG bytes). Raises RenderError."""
    from kehoach.render import templating
    from kehoach.render.blocks import parse_stream

    folders, template = templating.resolve(name, None, name.removesuffix(".j2"), search_dirs)
    env = templating.make_environment(folders, registry)
    files = templating.sources(env, template)
    templating.check_variables(env, files, context)
    stream = templating.render_stream(env, template, context)
    blocks = parse_stream(stream, templating.locator(files))
    return compose(blocks, title, pictures=pictures)


def compose(blocks: Sequence[Any], title: str, footnotes: Sequence[Any] = (),
            pictures: Mapping[str, bytes] | None = None) -> bytes:
    from kehoach.render import docx_build
    from kehoach.render.compose import Composer
    from kehoach.render.footnotes import Footnotes

    document = docx_build.new_document()
    document.core_properties.title = title
    document.core_properties.author = "kehoach"
    Composer(document, Footnotes(document, list(footnotes)), pictures).compose(list(blocks))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
