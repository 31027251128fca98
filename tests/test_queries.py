"""Queries and output tables on the fixture repository tests/data/tracking (hand-computed)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from kehoach.plan.registry import AgencyLookupError
from kehoach.tracking import tables
from kehoach.tracking.filters import Filters
from kehoach.tracking.loading import Loaded, load
from kehoach.tracking.obligations import DONE_LATE, DONE_ON_TIME, OPEN, OVERDUE
from kehoach.tracking.queries import overdue, tasks, upcoming
from kehoach.tracking.summary import summary
from tests.conftest import REGISTRY, write_repo

D = dt.date
FIXTURE = Path(__file__).parent / "data" / "tracking"
A1 = D(2024, 6, 30)


@pytest.fixture(scope="module")
def at_a1() -> Loaded:
    return load([], A1, cwd=FIXTURE)


def brief(rows) -> list[tuple[str, str, str, int | None]]:
    return [(r.task_id, r.occurrence, r.agency, r.days_overdue) for r in rows]


def test_load_defaults_to_the_plans_folder(at_a1):
    assert (at_a1.plans, at_a1.failed) == (2, [])
    assert {r.plan for r in at_a1.rows} == {"plans/bao-cao-nam.yaml", "plans/du-thao.yaml"}


def test_overdue_most_overdue_first(at_a1):
    # As of 30/06/2024 (days counted month by month):
    #   dien-dan   31/12/2022 → 365 + 182 = 547 (dự kiến)
    #   ra-soat    31/03/2023 → 275 + 182 = 457 (open group: one assignee)
    #   kinh-phi   31/10/2023 (extended twice) → 30 + 31 + 182 = 243
    #   bc-nam     15/11/2023, SNV → 15 + 31 + 182 = 228 (plans/bao-cao-nam.yaml first)
    #   dt-so-ket  15/11/2023 (draft, year from the period) → 228
    assert brief(overdue(at_a1.rows, at_a1.registry)) == [
        ("dien-dan", "2022-12-31", "t.tinh-doan", 547),
        ("ra-soat", "2023-03-31", "t.lien-quan", 457),
        ("kinh-phi", "2023-06-30", "t.stc", 243),
        ("bc-nam", "2023-11-15", "t.snv", 228),
        ("dt-so-ket", "2023-11-15", "t.tinh-doan", 228),
    ]


def test_overdue_coordinated_through_a_group(at_a1):
    # SGD coordinates dien-dan through "các sở, ban, ngành".
    rows = overdue(at_a1.rows, at_a1.registry, Filters(agency="sgddt", role="phoi-hop"))
    assert brief(rows) == [("dien-dan", "2022-12-31", "t.cac-so", 547)]
    rows = overdue(at_a1.rows, at_a1.registry, Filters(agency="Tinh doan", role="phoi-hop"))
    assert brief(rows) == [("bc-nam", "2023-11-15", "t.tinh-doan", 228)]


@pytest.mark.parametrize("name", ["so noi vu", "SNV", "SỞ NỘI VỤ", "t.snv", "Sở Nội vụ tỉnh Thử"])
def test_agency_by_alias_without_diacritics(at_a1, name):
    rows = overdue(at_a1.rows, at_a1.registry, Filters(agency=name, role="any"))
    # SNV leads bc-nam 2023 (228) and coordinates kinh-phi (243); it is also a member of
    # t.cac-so, which coordinates dien-dan (547).
    assert [(r.task_id, r.role, r.days_overdue) for r in rows] == [
        ("dien-dan", "phoi_hop", 547), ("kinh-phi", "phoi_hop", 243), ("bc-nam", "chu_tri", 228)]


def test_include_children(at_a1):
    plain = tasks(at_a1.rows, at_a1.registry, Filters(agency="SNV"))
    children = tasks(at_a1.rows, at_a1.registry, Filters(agency="SNV", include_children=True))
    assert [r.task_id for r in children if r not in plain] == ["kiem-tra"]


def test_a_group_name_selects_its_members(at_a1):
    rows = tasks(at_a1.rows, at_a1.registry,
                 Filters(agency="các sở, ban, ngành", status=("hoan-thanh",)))
    # 2022: SNV, STC (late), SGD; 2023: STC, SGD (late) — all done by 30/06/2024. The bodies
    # of one occurrence come in the registry's order (SNV, STC, SGD), not by id.
    assert [(r.occurrence, r.agency, r.status) for r in rows] == [
        ("2022-11-15", "t.snv", DONE_ON_TIME), ("2022-11-15", "t.stc", DONE_LATE),
        ("2022-11-15", "t.sgd", DONE_ON_TIME), ("2023-11-15", "t.stc", DONE_ON_TIME),
        ("2023-11-15", "t.sgd", DONE_LATE)]


def test_tasks_status_and_due_bounds(at_a1):
    rows = tasks(at_a1.rows, at_a1.registry, Filters(status=("chua-hoan-thanh-trong-han",),
                 due_after=D(2024, 11, 15), due_before=D(2024, 12, 31)))
    # Inclusive bounds: the 2024 reports (15/11), sld-viec-lam 2024 (20/12), dt-tong-ket (31/12).
    # The bodies of one task come in the registry's order.
    assert [(r.task_id, r.agency, r.due) for r in rows] == [
        ("bc-nam", "t.snv", D(2024, 11, 15)), ("bc-nam", "t.stc", D(2024, 11, 15)),
        ("bc-nam", "t.sgd", D(2024, 11, 15)), ("sld-viec-lam", "t.sld", D(2024, 12, 20)),
        ("dt-tong-ket", "t.tinh-doan", D(2024, 12, 31))]


def test_unknown_status_is_an_error(at_a1):
    with pytest.raises(ValueError):
        tasks(at_a1.rows, at_a1.registry, Filters(status=("xong",)))


def test_upcoming():
    loaded = load([], D(2024, 11, 1), cwd=FIXTURE)
    rows = upcoming(loaded.rows, loaded.registry, 14)
    # 01/11 + 14 days = 15/11 (included): the three 2024 reports; 20/12 is 49 days away.
    assert [(r.task_id, r.agency, r.days_left) for r in rows] == [
        ("bc-nam", "t.snv", 14), ("bc-nam", "t.stc", 14), ("bc-nam", "t.sgd", 14)]
    assert [r.task_id for r in upcoming(loaded.rows, loaded.registry, 60)][-2:] == [
        "sld-viec-lam", "dt-tong-ket"]


def test_summary_grid_and_rate(at_a1):
    rows = summary(at_a1.rows, at_a1.registry, A1)
    got = [(r.agency, r.counts[DONE_ON_TIME], r.counts[DONE_LATE], r.counts[OPEN],
            r.counts[OVERDUE], r.counts["khong_co_thoi_han"], r.total, r.due, r.on_time_rate)
           for r in rows]
    # Bodies in the registry's order (officials arrange it by protocol), not by id.
    assert got == [
        # body              on-time late open overdue none total due  rate
        ("t.snv",             1,   0,   3,   1,   1,   6,   2,  0.5),    # + sld 2025, don-doc
        ("t.snv.phong-cttn",  0,   1,   0,   0,   0,   1,   1,  0.0),    # kiem-tra, 5 days late
        ("t.stc",             1,   1,   2,   1,   0,   5,   3,  1 / 3),  # + kinh-phi overdue
        ("t.sgd",             1,   1,   2,   0,   0,   4,   2,  0.5),    # bc 2022 ✓, 2023 late
        ("t.sld",             2,   0,   1,   0,   0,   3,   2,  1.0),    # 2022, 2023 ✓; 2024
        ("t.lien-quan",       0,   0,   0,   1,   0,   1,   1,  0.0),    # ra-soat
        ("t.tinh-doan",       1,   0,   1,   2,   0,   4,   3,  1 / 3),  # dien-dan, dt-*
        (None,                6,   3,   9,   5,   1,  24,  14,  6 / 14),
    ]


def test_summary_for_one_body_with_children(at_a1):
    rows = summary(at_a1.rows, at_a1.registry, A1, agency="SNV", include_children=True)
    assert [(r.agency_name, r.total) for r in rows] == [
        ("Sở Nội vụ tỉnh Thử", 6), ("Phòng Công tác thanh niên, Sở Nội vụ tỉnh Thử", 1),
        ("Tổng cộng", 7)]


def test_successor_rows_found_by_either_body():
    loaded = load([], D(2025, 12, 31), cwd=FIXTURE)
    by_old = overdue(loaded.rows, loaded.registry, Filters(agency="Sở LĐTBXH"))
    assert [(r.occurrence, r.agency, r.original_agency, r.days_overdue) for r in by_old] == [
        ("2024-12-20", "t.snv", "t.sld", 376), ("2025-12-20", "t.snv", "t.sld", 11)]
    by_new = {(r.task_id, r.occurrence) for r in overdue(loaded.rows, loaded.registry,
                                                         Filters(agency="SNV"))}
    assert {("sld-viec-lam", "2024-12-20"), ("sld-viec-lam", "2025-12-20"),
            ("bc-nam", "2023-11-15")} <= by_new


TWO_PROVINCES = REGISTRY + """\
  - id: cm.snv
    ten: Sở Nội vụ tỉnh Cà Mau
    ten_khac: [Sở Nội vụ, SNV]
    viet_tat: SNV
"""


@pytest.mark.parametrize("name", ["Sở Nội vụ", "so noi vu", "SNV"])
def test_ambiguous_name_lists_both_ids(tmp_path, name):
    root = write_repo(tmp_path, {}, registry=TWO_PROVINCES)
    loaded = load([], A1, cwd=root)
    with pytest.raises(AgencyLookupError) as info:
        overdue(loaded.rows, loaded.registry, Filters(agency=name))
    assert {b.id for b in info.value.candidates} == {"ls.snv", "cm.snv"}
    assert "\n  - ls.snv (Sở Nội vụ tỉnh Lạng Sơn)\n  - cm.snv (Sở Nội vụ tỉnh Cà Mau)\n" in (
        info.value.message_vi)


def test_unknown_name_suggests_the_closest(at_a1):
    with pytest.raises(AgencyLookupError) as info:
        overdue(at_a1.rows, at_a1.registry, Filters(agency="So Tai chin"))
    assert info.value.message_vi == (
        "Không tìm thấy cơ quan “So Tai chin” trong danh mục. Có phải: Sở Tài chính tỉnh Thử?")


# --- tables --------------------------------------------------------------------------------


def test_json_is_exact(at_a1):
    [row] = [r for r in overdue(at_a1.rows, at_a1.registry) if r.task_id == "kinh-phi"]
    text = tables.to_json([tables.obligation_record(row)])
    assert json.loads(text) == [{
        "agency": "t.stc", "agency_name": "Sở Tài chính tỉnh Thử", "approximate": False,
        "as_of": "2024-06-30", "completed": None, "completion_note": None,
        "days_late": None, "days_left": None, "days_overdue": 243,
        "deadline": "trước ngày 31/10/2023", "due": "2023-10-31", "evidence": None,
        "extension_date": "2023-09-28", "extension_document": "Công văn số 71/UBND-NC",
        "occurrence": "2023-06-30", "original_agency": None,
        "original_deadline": "trước ngày 30/6/2023", "original_due": "2023-06-30",
        "plan": "plans/bao-cao-nam.yaml", "role": "chu_tri", "so_ky_hieu": "12/KH-UBND",
        "status": "chua_hoan_thanh_qua_han", "status_vi": "Chưa hoàn thành, quá hạn",
        "task_id": "kinh-phi",
        "text": "Sở Tài chính tham mưu bố trí kinh phí, hoàn thành trước ngày 30/6/2023.",
    }]
    assert text.startswith('[\n  {\n    "agency": "t.stc",\n    "agency_name": "Sở Tài')
    assert list(json.loads(text)[0]) == sorted(tables.OBLIGATION_COLUMNS)


def test_csv_has_bom_crlf_and_fixed_columns(at_a1):
    rows = overdue(at_a1.rows, at_a1.registry)
    text = tables.to_csv([tables.obligation_record(r) for r in rows], tables.OBLIGATION_COLUMNS)
    assert text.startswith("\ufeffplan,so_ky_hieu,task_id,agency,agency_name,")
    assert text.count("\r\n") == len(rows) + 1
    parsed = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert [(p["task_id"], p["days_overdue"], p["approximate"]) for p in parsed][:2] == [
        ("dien-dan", "547", "true"), ("ra-soat", "457", "false")]
    assert parsed[0]["completed"] == ""


def test_summary_records(at_a1):
    records = [tables.summary_record(r) for r in summary(at_a1.rows, at_a1.registry, A1)]
    assert records[-1] == {
        "agency": None, "agency_name": "Tổng cộng", "as_of": "2024-06-30",
        "chua_hoan_thanh_qua_han": 5, "chua_hoan_thanh_trong_han": 9, "due_by_as_of": 14,
        "hoan_thanh_dung_han": 6, "hoan_thanh_qua_han": 3, "khong_co_thoi_han": 1,
        "on_time_rate": 0.4286, "total": 24}
    assert list(records[0]) == list(tables.SUMMARY_COLUMNS)


def test_plain_table_flags_approximate_and_aligns(at_a1):
    rows = overdue(at_a1.rows, at_a1.registry)[:2]
    text = tables.plain_table(tables.OBLIGATION_HEADERS, tables.obligation_cells(rows, 30))
    lines = text.splitlines()
    assert lines[2].startswith("31/12/2022 (dự kiến)  Chưa hoàn thành, quá hạn 547 ngày  ")
    assert lines[3].startswith("31/03/2023            Chưa hoàn thành, quá hạn 457 ngày  ")
    assert lines[3].endswith("Các cơ quan, đơn vị có liên q…")
    assert lines[0].index("Tình trạng") == lines[1].index("  -") + 2 == 22


@pytest.mark.parametrize("records", [
    [],
    [{"b": "x\n{y}\" ]", "a": None, "c": 1.5, "d": True, "é": "Sở Nội vụ \u2028 \\"}],
    [{"z": 1}, {}, {"plan": "p/a.yaml", "n": [1, 2]}, {"k": {"nested": False}}],
])
def test_json_layout_is_indent_2_with_sorted_keys(records):
    """The C encoder writes what ``json.dumps(..., indent=2, sort_keys=True)`` of the list
    would (the documented layout), record by record."""
    import json

    from kehoach.tracking.tables import to_json

    expected = json.dumps(records, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    assert to_json(records) == expected


@pytest.mark.parametrize("kind", ["overdue", "tasks", "upcoming"])
@pytest.mark.parametrize("filters", [
    Filters(), Filters(role="tat-ca"), Filters("lang-son.so-noi-vu", "tat-ca"),
    Filters(role="phoi-hop", due_after=dt.date(2022, 3, 1), due_before=dt.date(2024, 1, 1)),
    Filters(status=("hoan-thanh",)),
])
def test_answers_kept_as_cache_data_equal_decoded_ones(tmp_path, monkeypatch, kind, filters):
    """``ask`` keeps rows undecoded until read; the answer is the one the query functions
    give on decoded rows, in the same order."""
    from bench.realcorpus import write_real_corpus
    from kehoach.tracking.loading import load
    from kehoach.tracking.queries import ask

    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(tmp_path / "cache"))
    root = write_real_corpus(tmp_path / "repo", 3, seed=9)
    monkeypatch.chdir(root)
    day = dt.date(2024, 6, 30)
    _, answer = ask(kind, [root / "plans"], day, filters, 45)
    full = load([root / "plans"], day, cwd=root)
    reg = full.registry
    expected = {"overdue": lambda: overdue(full.rows, reg, filters, full.scope),
                "tasks": lambda: tasks(full.rows, reg, filters, full.scope),
                "upcoming": lambda: upcoming(full.rows, reg, 45, filters, full.scope)}[kind]()
    assert list(answer) == expected and len(answer) == len(expected)
    assert list(answer) == expected  # read twice: the same rows
