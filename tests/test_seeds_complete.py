"""The three seed plans hold every sentence of their source text, and nothing invented.

Sources: ``tests/data/seeds/<name>.txt`` (byte-for-byte copies of the originals); plans:
``plans/<name>.yaml``; registry: ``plans/co-quan.yaml``.

Normalisation, the same on both sides (``norm``), after a seed-only clean-up (``seed_parts``):

1. Unicode NFC.
2. Seed only, layout debris: blank lines and the Lạng Sơn header-table debris (lone ``|`` and
   ``-------`` lines) are dropped; footnote lines (starting ``¹ ² ³``) leave the running text
   (page-break artefacts: in Tân Phú footnote ² interrupts a paragraph) and are compared as
   footnotes, after the body; the footnote markers ``¹ ² ³`` and the bare
   marker ``1`` of Lạng Sơn's "cụ thể1;" are dropped (the plans hold them as ``[^n]``).
3. Hard line breaks are joined with single spaces (a page break inside a paragraph is a line
   break like any other).
4. Markdown emphasis: every ``*`` is removed (the plan side is already markup-free through
   ``markup.plain``; the item marker ``*`` goes too).
5. Whitespace runs (spaces, tabs) collapse to one space.

"–" and "-" are not unified: the plans keep each dash as written.

Forward: the seed is cut into sentences at line-leading markers (``I.``, ``1.``, ``1.1.``,
``a)``, ``-``, ``+``, ``*``) and after ``.``, ``;`` or ``:`` followed by a space or line break.
Every sentence must occur, in order, in the plan text: the generated header (issuing bodies'
printed names from the registry, then the national motto for a state issuer or "ĐOÀN TNCS HỒ
CHÍ MINH") followed by ``plan_paragraphs``, joined by spaces. A sentence contained in the title
(type name + subject) may match case-insensitively: the type name prints in capitals.

Reverse: every paragraph of ``plan_paragraphs`` occurs in the seed text (the two title
paragraphs case-insensitively) — nothing invented.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from kehoach.plan.markup import footnote_refs, plain
from kehoach.plan.model import Item, Plan, RegistryFile, Task
from kehoach.plan.prose import plan_paragraphs

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path(__file__).resolve().parent / "data" / "seeds"
PLANS = ROOT / "plans"
NAMES = [
    "lang-son-253-kh-ubnd-2021",
    "ca-mau-snv-tinh-doan-chuong-trinh-phoi-hop-2022-2026",
    "tan-phu-quan-doan-3-trach-nhiem-2022",
]
MODELINE = "# yaml-language-server: $schema=../kehoach.schema.json"
MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
UNION = ["ĐOÀN TNCS HỒ CHÍ MINH"]

DEBRIS = re.compile(r"\||-{3,}")
FOOTNOTE_LINE = re.compile(r"[¹²³]")
MARKER_LINE = re.compile(r"(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-zđ]\)|[-+*]+)\s")
SENTENCE_END = re.compile(r"(?<=[.;:])\s+")
SEED_FIXES = [("cụ thể1;", "cụ thể;")]


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("*", "")
    text = re.sub(r"[¹²³]", "", text)
    return " ".join(text.split())


def seed_parts(raw: str) -> tuple[list[str], list[str]]:
    """(chunks of running text, footnote texts): one chunk per marker-led line group."""
    chunks: list[list[str]] = []
    notes: list[str] = []
    for line in unicodedata.normalize("NFC", raw).splitlines():
        s = line.strip()
        if not s or DEBRIS.fullmatch(s):
            continue
        if FOOTNOTE_LINE.match(s):
            notes.append(s[1:])
            continue
        if MARKER_LINE.match(s) or not chunks:
            chunks.append([])
        chunks[-1].append(s)
    body = [" ".join(c) for c in chunks]
    for old, new in SEED_FIXES:
        body = [b.replace(old, new) for b in body]
    return body, notes


def sentences(chunks: list[str]) -> list[str]:
    out = []
    for chunk in chunks:
        out += [s for s in (norm(p) for p in SENTENCE_END.split(chunk)) if s]
    return out


def load_plan(name: str) -> Plan:
    with (PLANS / f"{name}.yaml").open(encoding="utf-8") as f:
        return Plan.model_validate(yaml.safe_load(f))


def load_registry() -> RegistryFile:
    with (PLANS / "co-quan.yaml").open(encoding="utf-8") as f:
        return RegistryFile.model_validate(yaml.safe_load(f))


@pytest.fixture(scope="module")
def registry() -> RegistryFile:
    return load_registry()


@pytest.fixture(scope="module")
def plans() -> dict[str, Plan]:
    return {name: load_plan(name) for name in NAMES}


def header_lines(plan: Plan, registry: RegistryFile) -> list[str]:
    """What the template prints above the number: issuing bodies, then motto or Union line."""
    bodies = {b.id: b for b in registry.co_quan}
    out: list[str] = []
    state = False
    for issuer in plan.co_quan_ban_hanh:
        body = bodies[issuer.co_quan]
        state = state or body.loai.value == "nha_nuoc"
        parent = issuer.chu_quan
        if parent is None and body.cap_tren:
            above = bodies[body.cap_tren]
            parent = above.ten_in or above.ten.upper()
        if parent:
            out.append(parent)
        out.append(issuer.ten_in or body.ten_in or body.ten.upper())
    return out + (MOTTO if state else UNION)


def title_text(plan: Plan) -> str:
    return norm(f"{plan.type_title} {plain(plan.trich_yeu)}").lower()


# ---------------------------------------------------------------- completeness


@pytest.mark.parametrize("name", NAMES)
def test_every_seed_sentence_is_in_the_plan(name, plans, registry):
    plan = plans[name]
    body, notes = seed_parts((SEEDS / f"{name}.txt").read_text(encoding="utf-8"))
    text = norm(" ".join(header_lines(plan, registry) + plan_paragraphs(plan)))
    lower = text.lower()
    title = title_text(plan)
    cursor = 0
    missing = []
    for sentence in sentences(body) + sentences(notes):
        found = [text.find(sentence, cursor)]
        if sentence.lower() in title:
            found.append(lower.find(sentence.lower(), cursor))
        at = min((f for f in found if f >= 0), default=-1)
        if at < 0:
            missing.append(f"{sentence!r} (after …{text[max(0, cursor - 60) : cursor]!r})")
            continue
        cursor = at + len(sentence)
    assert not missing, f"{len(missing)} seed sentences missing or out of order:\n" + "\n".join(
        missing[:10]
    )


@pytest.mark.parametrize("name", NAMES)
def test_plan_invents_no_paragraph(name, plans):
    plan = plans[name]
    body, notes = seed_parts((SEEDS / f"{name}.txt").read_text(encoding="utf-8"))
    seed = norm(" ".join(body + notes))
    titles = {norm(plan.type_title), norm(plain(plan.trich_yeu))}
    invented = []
    for para in map(norm, plan_paragraphs(plan)):
        if para in seed or (para in titles and para.lower() in seed.lower()):
            continue
        invented.append(para)
    assert not invented, "paragraphs not in the seed:\n" + "\n".join(invented)


@pytest.mark.parametrize("name", NAMES)
def test_seed_copy_and_modeline(name):
    assert (SEEDS / f"{name}.txt").stat().st_size > 0
    first = (PLANS / f"{name}.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == MODELINE


def test_seed_sentences_cover_the_whole_source():
    # The sentence cutter loses no text: the sentences rejoin to the normalised seed.
    for name in NAMES:
        body, notes = seed_parts((SEEDS / f"{name}.txt").read_text(encoding="utf-8"))
        assert " ".join(sentences(body)) == norm(" ".join(body))
        assert " ".join(sentences(notes)) == norm(" ".join(notes))


# ---------------------------------------------------------------- tasks and bodies


def walk(items: list[Item], lead: list[str]) -> Iterator[tuple[Item, Task, list[str]]]:
    """(item, task, inherited lead) for every task, depth-first."""
    for item in items:
        here = item.co_quan or lead
        for task in item.nhiem_vu:
            yield item, task, here
        yield from walk(item.muc, here)


def subtree_text(item: Item) -> str:
    parts = [plain(" ".join(p for p in (item.nhan, item.noi_dung) if p))]
    parts += [subtree_text(child) for child in item.muc]
    return " ".join(" ".join(parts).split())


def all_items(items: list[Item]) -> Iterator[Item]:
    for item in items:
        yield item
        yield from all_items(item.muc)


def test_task_ids_are_unique_across_the_plans(plans):
    seen: dict[str, str] = {}
    for name, plan in plans.items():
        for _, task, _ in walk(plan.phan, []):
            assert task.id not in seen, f"{task.id} in {seen.get(task.id)} and {name}"
            seen[task.id] = name
    assert len(seen) >= 60


@pytest.mark.parametrize("name", NAMES)
def test_every_task_has_a_lead(name, plans):
    for _, task, lead in walk(plans[name].phan, []):
        assert task.chu_tri or lead, task.id


@pytest.mark.parametrize("name", NAMES)
def test_deadline_and_excerpt_are_in_the_item_text(name, plans):
    for item, task, _ in walk(plans[name].phan, []):
        text = subtree_text(item)
        if task.thoi_han:
            assert " ".join(plain(task.thoi_han).split()) in text, task.id
        if task.noi_dung:
            assert " ".join(plain(task.noi_dung).split()) in text, task.id


@pytest.mark.parametrize("name", NAMES)
def test_every_body_id_is_in_the_registry(name, plans, registry):
    known = {b.id for b in registry.co_quan}
    plan = plans[name]
    refs = [i.co_quan for i in plan.co_quan_ban_hanh]
    refs += [s.co_quan for s in plan.chu_ky if s.co_quan]
    for item in all_items(plan.phan):
        refs += item.co_quan
        for task in item.nhiem_vu:
            refs += task.chu_tri + task.phoi_hop
    unknown = sorted(set(refs) - known)
    assert not unknown, unknown


@pytest.mark.parametrize("name", NAMES)
def test_footnote_references_match_notes(name, plans):
    plan = plans[name]
    texts = [c.noi_dung for c in plan.can_cu] + [plan.mo_dau or ""] + list(plan.ket_thuc)
    for item in all_items(plan.phan):
        texts += [item.nhan or "", item.noi_dung or ""]
    refs = [r for t in texts for r in footnote_refs(t)]
    ids = [str(n.id) for n in plan.chu_thich]
    assert sorted(refs) == sorted(ids)
    assert len(set(refs)) == len(refs)


def test_registry_is_consistent(registry):
    bodies = {b.id: b for b in registry.co_quan}
    assert len(bodies) == len(registry.co_quan), "duplicate ids"
    for b in registry.co_quan:
        for ref in [b.cap_tren, b.ke_thua, *b.thanh_vien]:
            assert ref is None or ref in bodies, (b.id, ref)
        if b.thanh_vien:
            assert b.nhom is not None and b.nhom.value == "liet_ke", b.id
        if b.nhom is not None and b.nhom.value == "liet_ke":
            assert b.thanh_vien, b.id
        if b.ke_thua:
            assert b.den_ngay is not None, b.id
            successor = bodies[b.ke_thua]
            assert successor.den_ngay is None or successor.den_ngay > b.den_ngay, b.id
        if b.tu_ngay and b.den_ngay:
            assert b.tu_ngay <= b.den_ngay, b.id
        ns = b.id.split(".")[0]
        assert ns in {"tw", "lang-son", "ca-mau", "tp-hcm"}, b.id
        if b.cap_tren and ns != "tw" and not b.cap_tren.startswith("tw."):
            assert b.cap_tren.split(".")[0] == ns, (b.id, b.cap_tren)


def test_registry_names_the_seed_bodies(registry):
    bodies = {b.id: b for b in registry.co_quan}
    # Bodies the brief requires by name, and the printed header forms of the issuers.
    for body_id, ten_in in [
        ("lang-son.ubnd-tinh", "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"),
        ("ca-mau.ubnd-tinh", "ỦY BAN NHÂN DÂN TỈNH CÀ MAU"),
        ("ca-mau.so-noi-vu", "SỞ NỘI VỤ"),
        ("ca-mau.tinh-doan", "BCH TỈNH ĐOÀN CÀ MAU"),
        ("tp-hcm.thanh-doan", "BCH ĐOÀN TP. HỒ CHÍ MINH"),
        ("tp-hcm.tan-phu.quan-doan", "BCH QUẬN ĐOÀN TÂN PHÚ"),
    ]:
        assert bodies[body_id].ten_in == ten_in
    # As a parent (above a Sở) the decree lets the name be abbreviated.
    assert bodies["ca-mau.ubnd-tinh"].ten_in_chu_quan == "UBND TỈNH CÀ MAU"
    for body_id in [
        "tw.bo-noi-vu",
        "tw.thu-tuong",
        "tw.trung-uong-doan",
        "lang-son.hdnd-tinh",
        "tp-hcm.ubnd-thanh-pho",
        "tp-hcm.tan-phu.ubnd-quan",
    ]:
        assert body_id in bodies
    assert bodies["tp-hcm.thanh-doan"].viet_tat == "TĐTN"
    assert bodies["tp-hcm.thanh-doan.ban-cnld"].viet_tat == "BCNLĐ"
    assert bodies["tp-hcm.tan-phu.quan-doan"].viet_tat == "QĐTP"
    assert len(bodies["lang-son.ubnd-cac-huyen"].thanh_vien) == 11
    assert "lang-son.so-noi-vu" in bodies["lang-son.cac-so-ban-nganh"].thanh_vien
    assert bodies["lang-son.so-ldtbxh"].ke_thua == "lang-son.so-noi-vu"
    assert bodies["lang-son.so-tttt"].ke_thua == "lang-son.so-khcn"
    assert str(bodies["lang-son.so-ldtbxh"].den_ngay) == "2025-02-28"
