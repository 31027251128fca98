"""The issuing bodies of the header, matched against the registry or proposed.

Name lines become (parent, issuer) pairs: within the left cell a parent is upright and an
issuer bold; when every line has one weight, the registry decides (a line whose body is the
next line's ``cap_tren`` is its parent), else two lines are a parent and its issuer. Lines
of one weight that together make one name ("ỦY BAN NHÂN DÂN" / "TỈNH LẠNG SƠN") are joined.

The plan keeps what the header printed: an issuer printed otherwise than the registry's
``ten_in`` gets its own ``ten_in``, and a parent line that differs from the registry's (or a
parent the registry has but the header leaves out) gets ``chu_quan``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kehoach.textnorm import fold
from kehoach.wordimport.bodymatch import Bodies
from kehoach.wordimport.header import Header, NameLine
from kehoach.wordimport.report import Report

_LEVEL = re.compile(r"^(?:TỈNH|THÀNH PHỐ|TP\.?|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\b")
_STATE_SYMBOL = re.compile(r"^[\d.…_]*/[^-/\s]+-(?P<issuers>[^/]+)$")
_UNION_SYMBOL = re.compile(r"^[\d.…_]*-[^-/\s]+/(?P<issuers>[^/]+)$")


@dataclass
class Pair:
    parent: NameLine | None
    issuer: NameLine


def symbol_issuers(symbol: str | None) -> list[str]:
    """The issuer abbreviations of a number and symbol ("253/KH-UBND" → ["UBND"])."""
    if not symbol:
        return []
    text = symbol.replace(" ", "")
    m = _STATE_SYMBOL.match(text) or _UNION_SYMBOL.match(text)
    return [p for p in m["issuers"].split("-") if p] if m else []


def _joined(lines: list[NameLine], bodies: Bodies) -> list[NameLine]:
    out: list[NameLine] = []
    for line in lines:
        last = out[-1] if out else None
        if last is not None and last.bold == line.bold and _one_name(
                last.text, line.text, last.index == line.index, bodies):
            out[-1] = NameLine(f"{last.text} {line.text}", line.bold, last.index)
        else:
            out.append(line)
    return out


def _one_name(first: str, second: str, one_paragraph: bool, bodies: Bodies) -> bool:
    """Two lines of one weight make one name: a line break inside a paragraph usually
    wraps a long name (unless each line is a registered body); separate paragraphs do when
    the second starts with a level ("TỈNH …") or only together they name a body."""
    if one_paragraph:
        return not (bodies.known(first) and bodies.known(second))
    if _LEVEL.match(second):
        return True
    if bodies.resolve(first) is not None:
        return False
    return bodies.resolve(f"{first} {second}") is not None


def pairs(lines: list[NameLine], bodies: Bodies) -> list[Pair]:
    lines = _joined(lines, bodies)
    contrast = len({line.bold for line in lines}) > 1
    out: list[Pair] = []
    parent: NameLine | None = None
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else None
        if following is not None and parent is None and _is_parent(
                line, following, contrast, len(lines), bodies):
            parent = line
            continue
        out.append(Pair(parent, line))
        parent = None
    return out


def _is_parent(line: NameLine, following: NameLine, contrast: bool, count: int,
               bodies: Bodies) -> bool:
    if contrast:
        return not line.bold and following.bold
    upper, lower = bodies.resolve(line.text), bodies.resolve(following.text)
    if upper and lower:
        body = bodies.registry.get(lower)
        return body is not None and body.cap_tren == upper
    return count == 2


@dataclass
class Issuers:
    entries: list[dict[str, Any]]
    ids: list[str]


def read_issuers(header: Header, bodies: Bodies, report: Report) -> Issuers:
    found = pairs(header.names, bodies)
    abbreviations = symbol_issuers(header.number)
    resolved: list[tuple[Pair, str | None, str | None]] = []
    for pair in found:
        parent_id = bodies.resolve(pair.parent.text) if pair.parent else None
        resolved.append((pair, parent_id, bodies.resolve(pair.issuer.text, parent_id)))
    bodies.set_scope([i for _, p, i in resolved for i in (i, p) if i], header.place)
    entries, ids = [], []
    for k, (pair, parent_id, issuer_id) in enumerate(resolved):
        if issuer_id is None:
            issuer_id = bodies.resolve(pair.issuer.text, parent_id)
        if issuer_id is None:
            issuer_id = _propose(pair, parent_id, bodies, report,
                                 abbreviations[k] if len(abbreviations) == len(found) else None)
        else:
            report.recognised(f"cơ quan ban hành: {issuer_id}", pair.issuer.index,
                              pair.issuer.text)
        ids.append(issuer_id)
        entries.append(_entry(pair, issuer_id, bodies))
    return Issuers(entries, ids)


def _propose(pair: Pair, parent_id: str | None, bodies: Bodies, report: Report,
             abbreviation: str | None) -> str:
    if pair.parent is not None and parent_id is None:
        parent_id = bodies.propose(pair.parent.text, pair.parent.index, printed=True)
        report.guessed(f"cơ quan chủ quản chưa có trong danh mục: đề xuất {parent_id}",
                       pair.parent.index, pair.parent.text)
    body_id = bodies.propose(pair.issuer.text, pair.issuer.index, printed=True,
                             parent=parent_id, abbreviation=abbreviation)
    report.guessed(f"cơ quan ban hành chưa có trong danh mục: đề xuất {body_id}",
                   pair.issuer.index, pair.issuer.text)
    return body_id


def printed(bodies: Bodies, body_id: str) -> tuple[str, str | None]:
    """(the name the header prints for a body, its registry parent's printed name)."""
    body = bodies.registry.get(body_id)
    if body is not None:
        parent = bodies.registry.get(body.cap_tren) if body.cap_tren else None
        if parent is None:
            return body.ten_in or body.ten, None
        # a parent may print shorter above its bodies than as an issuer (ten_in_chu_quan)
        above = getattr(parent, "ten_in_chu_quan", None) or parent.ten_in or parent.ten
        return body.ten_in or body.ten, above
    proposal = bodies.proposals[body_id]
    parent_name = None
    if proposal.cap_tren:
        parent_name = printed(bodies, proposal.cap_tren)[0]
    return proposal.ten_in or proposal.ten, parent_name


def _entry(pair: Pair, body_id: str, bodies: Bodies) -> dict[str, Any]:
    name, parent = printed(bodies, body_id)
    entry: dict[str, Any] = {"co_quan": body_id}
    if fold(name) != fold(pair.issuer.text) or name.upper() != pair.issuer.text.upper():
        entry["ten_in"] = pair.issuer.text
    shown = pair.parent.text if pair.parent else None
    if shown is None and parent is not None:
        entry["chu_quan"] = ""
    elif shown is not None and (parent is None or parent.upper() != shown.upper()):
        entry["chu_quan"] = shown
    return entry
