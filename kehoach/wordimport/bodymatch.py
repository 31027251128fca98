"""Bodies named in a document, matched against the registry — or proposed for it.

A name is matched as the registry matches names (any case, with or without diacritics, NFC
or NFD; full names, other names, printed names, abbreviations). When several bodies share a
name ("SỞ NỘI VỤ" in every province), the one under the parent the header prints, then the
one in the plan's own province (the issuer's id prefix, or the place of issue) is taken.

A name that matches nothing becomes a proposal: a new registry entry with the name as
written, an id made from the province and the name, the kind guessed from its words, and
``de_xuat`` saying where it came from, so ``kehoach check`` warns until a person has looked
at it. Names inside prose ("phối hợp với Sở Giáo dục và Đào tạo, …") are only ever matched,
never proposed: where an unknown name ends cannot be known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kehoach.plan.registry import AgencyLookupError, Registry
from kehoach.textnorm import fold

_YOUTH = re.compile(r"\b(?:tinh|thanh|huyen|quan|thi) doan\b|\bdoan tncs\b|\bdoan thanh nien\b"
                    r"|\bbch doan\b|\bchi doan\b|^doan\b|\bhoi lien hiep thanh nien\b"
                    r"|\bhoi sinh vien\b|\bdoi thieu nien\b")
_PARTY = re.compile(r"\b(?:tinh|thanh|huyen|quan|thi|dang) uy\b|^ban tuyen giao|^chi bo\b"
                    r"|^dang bo\b|^ban dan van\b|^ban to chuc .*\buy\b")
_MASS = re.compile(r"\bmat tran\b|\bmttq\b|\bhoi lien hiep phu nu\b|\bhoi nong dan\b"
                   r"|\bhoi cuu chien binh\b|\blien doan lao dong\b|\bcong doan\b"
                   r"|\bhoi chu thap do\b")
_STATE = re.compile(r"^(?:so|phong|ubnd|uy ban nhan dan|hoi dong nhan dan|hdnd|bo|cuc|chi cuc"
                    r"|ban|van phong|truong|benh vien|trung tam|cong an|bo chi huy|dai|bao"
                    r"|cong thong tin|thanh tra|kho bac|chi nhanh)\b")
_LEADING = re.compile(r"^(?:đề nghị|giao|yêu cầu)\s+", re.I)
MIN_SCAN = 5  # shortest folded name looked for inside prose
COVERED = 0.6  # below this share of a name's letters matched, the match is reported


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def guess_kind(name: str) -> tuple[str, str | None]:
    """(loai, nhom) guessed from a body's name."""
    folded = fold(name)
    group = "mo" if folded.startswith("cac ") else None
    core = folded[4:] if group else folded
    for pattern, kind in ((_YOUTH, "doan_thanh_nien"), (_PARTY, "dang"), (_MASS, "doan_the"),
                          (_STATE, "nha_nuoc")):
        if pattern.search(core):
            return kind, group
    return "khac", group


def clean_name(text: str) -> str:
    text = _LEADING.sub("", text.strip())
    return text.strip(" :;,.").strip()


@dataclass
class Proposal:
    id: str
    ten: str
    loai: str
    nhom: str | None = None
    ten_in: str | None = None
    cap_tren: str | None = None
    viet_tat: str | None = None
    index: int | None = None  # the paragraph it was read from

    def as_yaml(self, source: str) -> dict[str, Any]:
        item: dict[str, Any] = {"id": self.id, "ten": self.ten}
        optional = {"ten_in": self.ten_in, "viet_tat": self.viet_tat, "loai": self.loai,
                    "cap_tren": self.cap_tren, "nhom": self.nhom}
        item.update({k: v for k, v in optional.items() if v})
        where = f", đoạn {self.index}" if self.index else ""
        item["de_xuat"] = f"kehoach import từ “{source}”{where}"
        return item


@dataclass
class Bodies:
    registry: Registry
    scopes: list[str] = field(default_factory=list)
    namespace: str = ""
    proposals: dict[str, Proposal] = field(default_factory=dict)
    partial: list[tuple[int | None, str]] = field(default_factory=list)
    _scan: Any = None
    _names: dict[str, list[str]] = field(default_factory=dict)
    _found: dict[str, list[str]] = field(default_factory=dict)

    def set_scope(self, ids: list[str], place: str | None = None) -> None:
        """The plan's province and unit prefixes, from its issuers (or its place)."""
        prefixes: list[str] = []
        for body_id in ids:
            parts = body_id.split(".")
            prefixes.extend(".".join(parts[:n]) for n in range(len(parts) - 1, 0, -1))
        self.scopes = list(dict.fromkeys(prefixes))
        self.namespace = self.scopes[0] if self.scopes else (slug(place) if place else "")
        self._scan = None
        self._found = {}  # names resolve within the plan's province from now on

    def in_scope(self, body_id: str) -> bool:
        if not self.scopes or "." not in body_id or body_id.startswith("tw."):
            return True
        return any(body_id.startswith(p + ".") for p in self.scopes)

    def resolve(self, name: str, parent: str | None = None) -> str | None:
        """The registered body ``name`` designates, or None."""
        name = clean_name(name)
        if not name:
            return None
        if name not in self._found:  # a document repeats its names; a miss costs suggestions
            province = self.scopes[-1] if self.scopes else None  # the widest prefix: a province
            try:
                self._found[name] = [self.registry.find(name, province=province).id]
            except AgencyLookupError as exc:
                self._found[name] = [b.id for b in exc.candidates]
        candidates = self._found[name]
        if len(candidates) == 1:  # found (a failed lookup has none, or several)
            return candidates[0]
        known = self.proposal_named(name)
        if known:
            return known
        return self._choose(candidates, parent)

    def known(self, name: str) -> bool:
        """Whether the registry has a body (or several) of this name."""
        self.resolve(name)
        return bool(self._found.get(clean_name(name)))

    def _choose(self, candidates: list[str], parent: str | None) -> str | None:
        if parent is not None:
            under = [c for c in candidates if (b := self.registry.get(c)) and b.cap_tren == parent]
            if len(under) == 1:
                return under[0]
        local = [c for c in candidates if self.in_scope(c)]
        if len(local) == 1:
            return local[0]
        for prefix in self.scopes:  # the nearest prefix first
            near = [c for c in local if c.startswith(prefix + ".") and c.count(".") ==
                    prefix.count(".") + 1]
            if len(near) == 1:
                return near[0]
        return None

    def proposal_named(self, name: str) -> str | None:
        folded = fold(name)
        return next((p.id for p in self.proposals.values()
                     if folded in (fold(p.ten), fold(p.ten_in or ""))), None)

    def propose(self, name: str, index: int | None = None, *, printed: bool = False,
                parent: str | None = None, abbreviation: str | None = None) -> str:
        """A new body for ``name`` (once per name); its id."""
        name = clean_name(name)
        known = self.proposal_named(name)
        if known:
            return known
        base = ".".join(p for p in (self.namespace, slug(name) or "co-quan") if p)
        body_id, n = base, 1
        while body_id in self.registry or body_id in self.proposals:
            n += 1
            body_id = f"{base}-{n}"
        kind, group = guess_kind(name)
        self.proposals[body_id] = Proposal(
            body_id, name, kind, group, ten_in=name if printed else None, cap_tren=parent,
            viet_tat=abbreviation, index=index)
        self._scan = None
        return body_id

    # --- names inside prose ----------------------------------------------------------

    def scan(self, text: str) -> list[str]:
        """Registered bodies named in ``text``, in order, each once (longest names first)."""
        found: list[str] = []
        for body_id, _, _ in self.spans(fold(text)):
            if body_id not in found:
                found.append(body_id)
        return found

    def spans(self, folded: str) -> list[tuple[str, int, int]]:
        """(id, start, end) of each body named in the folded text."""
        pattern = self._pattern()
        if pattern is None:
            return []
        out = []
        for m in pattern.finditer(folded):
            for body_id in self._names.get(m.group(1), []):
                out.append((body_id, m.start(), m.end()))
        return out

    def names_in(self, text: str, index: int | None = None, *, propose: bool = True
                 ) -> list[str]:
        """The bodies a short name or list of names designates ("Sở Nội vụ", "Sở Y tế, Sở
        Tài chính", "các sở, ban, ngành tỉnh"): the whole as one name, else the registered
        names found in it when they cover it, else (``propose``) the whole as a new body."""
        name = clean_name(text)
        if not name:
            return []
        whole = self.resolve(name)
        if whole is not None:
            return [whole]
        folded = fold(name)
        spans = self.spans(folded)
        covered = sum(len(re.sub(r"[^a-z0-9]", "", folded[a:b])) for _, a, b in spans)
        letters = len(re.sub(r"\b(?:va|cac|voi)\b|[^a-z0-9]", "", folded))
        found = list(dict.fromkeys(i for i, _, _ in spans))
        if found:
            if covered < COVERED * max(letters, 1):
                self.partial.append((index, name))
            return found
        if propose and len(name.split()) <= 12 and guess_kind(name)[0] != "khac":
            return [self.propose(name, index)]
        return found

    def _pattern(self) -> Any:
        if self._scan is not None:
            return self._scan or None
        names: dict[str, set[str]] = {}
        for body in self.registry.bodies.values():
            if self.in_scope(body.id):
                for name in _surface_names(body.ten, body.ten_in, body.ten_khac):
                    names.setdefault(name, set()).add(body.id)
        for proposal in self.proposals.values():
            names.setdefault(fold(proposal.ten), set()).add(proposal.id)
        self._names = {k: sorted(v) for k, v in names.items() if len(v) == 1}
        if not self._names:
            self._scan = False
            return None
        words = sorted(self._names, key=len, reverse=True)
        alternation = "|".join(re.escape(w) for w in words)
        self._scan = re.compile(rf"(?<![a-z0-9])({alternation})(?![a-z0-9])")
        return self._scan


def _surface_names(ten: str, ten_in: str | None, others: list[str]) -> set[str]:
    out = {fold(n) for n in (ten, ten_in or "", *others)}
    for name in list(out):  # "sở nội vụ tỉnh lạng sơn" is also written "sở nội vụ"
        short = re.sub(r" (?:tinh|thanh pho|tp\.?|huyen|quan|thi xa) [a-z ]+$", "", name)
        out.add(short)
    return {n for n in out if len(n) >= MIN_SCAN}
