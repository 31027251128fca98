"""Which body a name designates: in the registry, then among the bodies the plans in question
mention.

A name first matches every body one of whose names has the same words (``namekey``), with
its place omitted or added ("Sở Nội vụ" is also "Sở Nội vụ tỉnh Lạng Sơn"). When several
match, the tie is broken, in this order, by:

1. level words: "UBND huyện" prefers the bodies whose names say huyện;
2. the plans asked about: bodies they write, then bodies they reach through a group or a
   predecessor (``Scope``; the same name in two provinces is two bodies, and the plans
   usually name only one of them);
3. the provinces the plans are issued in;
4. how closely the name was written (one of the body's names, or its words reordered);
5. the repository's default province, when one is configured.

What remains ambiguous raises ``AgencyLookupError`` listing the candidates and the plans in
which each appears.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from kehoach.errors import KehoachError
from kehoach.plan.namekey import name_key, province_of, without
from kehoach.textnorm import closest, fold

if TYPE_CHECKING:
    from kehoach.plan.bodyrecord import BodyRecord

SHOWN = 10  # candidates listed in a message
SHOWN_PLANS = 3


class AgencyLookupError(KehoachError, LookupError):
    """A name that matches no body, or several: a name the user typed, hence exit code 2.
    ``plans`` holds, for each candidate, the plans asked about that mention it."""

    exit_code = 2
    multiline = True

    def __init__(self, query: str, candidates: list[BodyRecord], suggestions: list[str],
                 plans: Mapping[str, Sequence[str]] | None = None):
        self.query = query
        self.candidates = candidates
        self.suggestions = suggestions
        self.plans = dict(plans or {})
        super().__init__(_lookup_message(query, candidates, suggestions, self.plans))

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


def _lookup_message(query: str, candidates: list[BodyRecord], suggestions: list[str],
                    plans: dict[str, Sequence[str]]) -> str:
    if len(candidates) <= 1:
        hint = f" Có phải: {', '.join(suggestions)}?" if suggestions else ""
        return f"Không tìm thấy cơ quan “{query}” trong danh mục.{hint}"
    lines = [f"Tên cơ quan “{query}” chưa rõ, có thể là:"]
    lines += [f"  - {b.id} ({b.ten}){_where(plans.get(b.id))}" for b in candidates[:SHOWN]]
    if len(candidates) > SHOWN:
        lines.append(f"  - và {len(candidates) - SHOWN} cơ quan khác.")
    lines.append("Hãy ghi mã cơ quan, hoặc thêm tên tỉnh, huyện vào tên.")
    return "\n".join(lines)


def _where(plans: Sequence[str] | None) -> str:
    if not plans:
        return ""
    more = len(plans) - SHOWN_PLANS
    shown = ", ".join(plans[:SHOWN_PLANS]) + (f" và {more} kế hoạch khác" if more > 0 else "")
    return f": có trong {shown}"


@dataclass(frozen=True)
class Mention:
    """How the plans asked about mention a body: ``rank`` 0 when they write its id, 1 when
    they write a group it belongs to or a body it took over from (further layers of an
    ``IdsScope`` add 2 each); ``plans`` says where."""

    rank: int
    plans: tuple[str, ...]


class Scope(Protocol):
    """The plans a name is resolved for."""

    def mentions(self, witnesses: Mapping[str, Collection[str]]) -> dict[str, Mention]:
        """How each candidate is mentioned (absent: not at all). ``witnesses[c]`` holds the
        ids whose mention stands for ``c``'s (its groups and predecessors)."""
        ...

    def provinces(self) -> set[str]:
        """The locality prefixes of the bodies that issue the plans."""
        ...


class IdsScope:
    """Plans already read: layers of ids, best first — e.g. a task's assignees, then every
    body its plan writes."""

    def __init__(self, layers: Sequence[tuple[str, Collection[str]]],
                 provinces: Iterable[str] = ()):
        self.layers = [(label, frozenset(ids)) for label, ids in layers]
        self._provinces = set(provinces)

    def mentions(self, witnesses: Mapping[str, Collection[str]]) -> dict[str, Mention]:
        out: dict[str, Mention] = {}
        for body_id, others in witnesses.items():
            for rank, (label, ids) in enumerate(self.layers):
                if body_id in ids or not ids.isdisjoint(others):
                    out[body_id] = Mention(2 * rank + (body_id not in ids), (label,))
                    break
        return out

    def provinces(self) -> set[str]:
        return self._provinces


class Bodies(Protocol):
    """What resolution needs of a registry (``kehoach.plan.registry.Registry``)."""

    bodies: dict[str, BodyRecord]

    def witnesses(self, body_id: str) -> set[str]: ...


# (body id, level words of the name — None when it says nothing of its level, tier: 2 for
# the same words, 3 with the body's place omitted or added)
_Entry = tuple[str, frozenset[str] | None, int]


class NameIndex:
    """Every name of every body, by its words; built once per registry."""

    def __init__(self, bodies: Iterable[BodyRecord]):
        listed = list(bodies)
        self.order = {b.id: i for i, b in enumerate(listed)}
        self.ids = {fold(b.id): b.id for b in listed}
        self.exact: dict[tuple[str, ...], set[str]] = {}
        self.words: dict[tuple[str, ...], list[_Entry]] = {}
        self.province_places = _province_places(listed)
        self.names: dict[str, list[str]] = {}  # every name and id -> the bodies' full names
        for body in listed:
            for name in (body.ten, *body.ten_khac, body.viet_tat, body.id):
                if name:
                    self.names.setdefault(name, []).append(body.ten)
        for body in listed:
            self._add(body)

    def _places(self, body: BodyRecord) -> list[tuple[tuple[str, ...], str | None]]:
        places = []
        province = province_of(body.id)
        if province in self.province_places:
            places.append(self.province_places[province])
        own = name_key(body.ten)
        if own.place and (own.place, own.place_level) not in places:
            places.append((own.place, own.place_level))
        return places

    def _add(self, body: BodyRecord) -> None:
        places = self._places(body)
        names = [body.ten, body.ten_in, *body.ten_khac, body.viet_tat]
        for name in dict.fromkeys(n for n in names if n):
            key = name_key(name)
            if not key.core:  # only punctuation or level words: designates nothing
                continue
            self.exact.setdefault(key.exact, set()).add(body.id)
            inside = [(p, lvl) for p, lvl in places if without(key.core, p) is not None]
            levels = key.levels or frozenset(lvl for _, lvl in inside if lvl) or None
            self._entry(key.core, (body.id, levels, 2))
            for place, level in places:
                rest = without(key.core, place)
                if rest is None:
                    more = (levels or frozenset()) | {level} if level else levels
                    self._entry(tuple(sorted(key.core + place)), (body.id, more, 3))
                elif rest:
                    self._entry(rest, (body.id, levels, 3))

    def _entry(self, core: tuple[str, ...], entry: _Entry) -> None:
        if core:
            self.words.setdefault(core, []).append(entry)

    def lookup(self, query: str) -> dict[str, tuple[int, int]]:
        """Bodies the name may designate → (level disagreement 0/1, tier 1–3)."""
        key = name_key(query)
        found = {body_id: (0, 1) for body_id in self.exact.get(key.exact, ())}
        for body_id, levels, tier in self.words.get(key.core, ()):
            if levels is None:
                rank = (1 if key.levels else 0, tier)
            elif key.levels <= levels:
                rank = (0, tier)
            else:
                continue  # "thành phố Lạng Sơn" is not "tỉnh Lạng Sơn"
            found[body_id] = min(found.get(body_id, rank), rank)
        return found

    def suggest(self, query: str, limit: int = 3) -> list[str]:
        """Full names of the bodies whose names are nearest to a name that matched none."""
        out: list[str] = []
        for name in closest(query, list(self.names), limit=limit):
            out.extend(t for t in self.names[name] if t not in out)
        return out[:limit]

    def in_province(self, body_id: str, province: str) -> bool:
        """``province`` is an id prefix ("lang-son") or a name ("Lạng Sơn", "tỉnh Lạng Sơn")."""
        prefix = province_of(body_id)
        if prefix is None:
            return False
        if prefix == province:
            return True
        wanted = name_key(province).core
        place = self.province_places.get(prefix)
        return wanted == name_key(prefix.replace("-", " ")).core or (
            place is not None and wanted == tuple(sorted(place[0])))


def _province_places(bodies: list[BodyRecord]) -> dict[str, tuple[tuple[str, ...], str | None]]:
    """Each id prefix's place words and level word, read from its bodies' names: the place
    spelled like the prefix ("lang-son" → "tỉnh Lạng Sơn"), else the most frequent."""
    seen: dict[str, Counter[tuple[tuple[str, ...], str | None]]] = {}
    for body in bodies:
        prefix = province_of(body.id)
        key = name_key(body.ten)
        if prefix and key.place:
            seen.setdefault(prefix, Counter())[(key.place, key.place_level)] += 1
    out = {}
    for prefix, counts in seen.items():
        spelled = name_key(prefix.replace("-", " ")).core
        like = [pl for pl in counts if tuple(sorted(pl[0])) == spelled]
        pool = Counter({pl: counts[pl] for pl in like}) if like else counts
        out[prefix] = pool.most_common(1)[0][0]
    return out


def _best(pool: list[str], score: Callable[[str], int]) -> list[str]:
    low = min(score(c) for c in pool)
    return [c for c in pool if score(c) == low]


def resolve(registry: Bodies, index: NameIndex, query: str, scope: Scope | None = None,
            province: str | None = None) -> BodyRecord:
    """The one body ``query`` designates (see the module's docstring for the order of the
    tie-breaks); raises AgencyLookupError."""
    text = query.strip()
    if text in registry.bodies:
        return registry.bodies[text]
    by_id = index.ids.get(fold(text))
    if by_id is not None:
        return registry.bodies[by_id]
    found = index.lookup(text)
    if not found:
        raise AgencyLookupError(text, [], index.suggest(text))
    pool = _best(sorted(found, key=index.order.__getitem__), lambda c: found[c][0])
    mentions: dict[str, Mention] = {}
    if len(pool) > 1 and scope is not None:
        mentions = scope.mentions({c: registry.witnesses(c) for c in pool})
        mentioned = [c for c in pool if c in mentions]
        if mentioned:
            pool = _best(mentioned, lambda c: mentions[c].rank)
        if len(pool) > 1:
            provinces = scope.provinces()
            pool = [c for c in pool if province_of(c) in provinces] or pool
    if len(pool) > 1:
        pool = _best(pool, lambda c: found[c][1])
    if len(pool) > 1 and province:
        pool = [c for c in pool if index.in_province(c, province)] or pool
    if len(pool) == 1:
        return registry.bodies[pool[0]]
    plans = {c: m.plans for c, m in mentions.items()}
    raise AgencyLookupError(text, [registry.bodies[c] for c in pool], [], plans)
