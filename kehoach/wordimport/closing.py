"""The closing block: recipients ("Nơi nhận:" and its lines) and the signature blocks.

Usually a borderless table (recipients on the left, the signature on the right; for a joint
document, one column per signature and the recipients below), sometimes plain paragraphs.
Each column of each table is read as one stream of lines, and so are the paragraphs: a
stream that says "Nơi nhận" holds the recipients, one that holds lines in capitals is a
signature — the authority ("TM.", "KT.", "Q.", "TL.", "TUQ."), then the office, then the
signer's name. "(Đã ký)" and the like are left out.
"""

from __future__ import annotations

import re
from typing import Any

from kehoach.plan.markup import Run
from kehoach.wordimport.docxbody import Block, Para, Table
from kehoach.wordimport.env import Env
from kehoach.wordimport.header import split_lines as _split_lines
from kehoach.wordimport.inline import split_runs
from kehoach.wordimport.structure import AUTHORITY, is_recipients

_SIGNED = re.compile(r"^\(.*\)$")


def _streams(blocks: list[Block]) -> list[list[Para]]:
    streams: list[list[Para]] = []
    loose: list[Para] = []
    for block in blocks:
        if isinstance(block, Para):
            loose.append(block)
            continue
        if loose:
            streams.extend(_columns(loose))
            loose = []
        for column in range(block.columns):
            streams.append([p for row in block.rows if column < len(row) for p in row[column]])
    if loose:
        streams.extend(_columns(loose))
    return streams


def _columns(paras: list[Para]) -> list[list[Para]]:
    """Paragraphs typed as two columns with tabs ("Nơi nhận:<Tab><Tab>KT. CHỦ TỊCH"): the text
    before the tabs of each line is the left column, the text after them the right one."""
    if not any("\t" in p.raw.strip() for p in paras):
        return [paras]
    left: list[Para] = []
    right: list[Para] = []
    for para in paras:
        for runs in _split_lines(para.runs):
            text = "".join(r.text for r in runs)
            stripped = text.lstrip()
            cut = stripped.find("\t")
            lead = len(text) - len(stripped)
            if cut < 0:  # one text: the column it starts in
                (right if lead and text.startswith("\t") else left).append(Para(para.index, runs))
                continue
            head, tail = split_runs(runs, lead + cut)
            left.append(Para(para.index, head))
            right.append(Para(para.index, tail))
    return [left, right]


def _lines(paras: list[Para]) -> list[tuple[list[Run], Para]]:
    out = []
    for para in paras:
        for runs in _split_lines(para.runs):
            if "".join(r.text for r in runs).strip():
                out.append((runs, para))
    return out


def closing(blocks: list[Block], issuers: list[str], env: Env) -> dict[str, Any]:
    out: dict[str, Any] = {}
    signatures: list[dict[str, Any]] = []
    for stream in _streams(blocks):
        lines = _lines(stream)
        start = next((k for k, (runs, _) in enumerate(lines)
                      if is_recipients("".join(r.text for r in runs))), None)
        if start is not None:
            out["noi_nhan"], end = _recipients(lines, start, env)
            lines = lines[:start] + lines[end:]
        if lines:
            signatures.append(_signature(lines, env))
    if not signatures:
        signatures = [{} for _ in range(_empty_columns(blocks))]
    if len(signatures) == len(issuers):
        for signature, issuer in zip(signatures, issuers, strict=True):
            signature["co_quan"] = issuer
    elif len(signatures) == 1 and issuers:
        signatures[0]["co_quan"] = issuers[0]
    if signatures:
        out["chu_ky"] = signatures
    return out


def _recipients(lines: list[tuple[list[Run], Para]], start: int, env: Env
                ) -> tuple[list[str], int]:
    """The recipient lines after "Nơi nhận:", and where they end."""
    runs, para = lines[start]
    first = "".join(r.text for r in runs)
    colon = first.find(":")
    out = []
    after = first[colon + 1:].strip() if colon >= 0 else ""
    if after:
        out.append(after)
    env.report.recognised("nơi nhận", para.index, first)
    end = start + 1
    for runs, _ in lines[start + 1:]:
        text = env.markup(runs)
        if AUTHORITY.match(text) and text.isupper():
            break
        out.append(text)
        end += 1
    return out, end


def _signature(lines: list[tuple[list[Run], Para]], env: Env) -> dict[str, Any]:
    caps: list[str] = []
    name = None
    for runs, para in lines:
        text = " ".join("".join(r.text for r in runs).split())
        if _SIGNED.match(text):
            continue
        if text.upper() == text and any(c.isalpha() for c in text) and name is None:
            caps.append(text)
        elif name is None:
            name = text
            env.report.recognised("người ký", para.index, text)
        else:
            env.report.plain("dòng ở khối chữ ký không rõ là gì (bỏ qua)", para.index, text)
    out: dict[str, Any] = {}
    if caps:
        authority = AUTHORITY.match(caps[0]) is not None
        if authority or len(caps) > 1:
            out["quyen_han"] = " ".join(caps[:-1]) if len(caps) > 1 else caps[0]
        if not authority or len(caps) > 1:
            out["chuc_vu"] = caps[-1]
        env.report.recognised("thẩm quyền, chức vụ người ký", lines[0][1].index, " / ".join(caps))
    if name:
        out["nguoi_ky"] = name
    return out


def _empty_columns(blocks: list[Block]) -> int:
    """Signature blocks a table with nothing written in it stands for: one per column when
    they stand side by side (several rows), else one (recipients and signature)."""
    table = next((b for b in blocks if isinstance(b, Table)), None)
    if table is None:
        return 0
    return table.columns if len(table.rows) > 1 else 1
