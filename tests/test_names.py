"""Agency names as officials write them (issue 13): which body a name designates, in the context
of the plans asked about.

The repository is tests/data/names: a frozen copy of the shipped plans/ (so that these answers
do not move with plans/) with a third province, Kiên Giang, that has a Sở Nội vụ and a Tỉnh
đoàn of the same names but no plan. A few README examples also run on the shipped plans/.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import openpyxl
import pytest

from kehoach.check.checker import check_paths, load_registry
from kehoach.plan.namekey import name_key
from kehoach.plan.names import AgencyLookupError, IdsScope
from kehoach.tracking.filters import Filters
from kehoach.tracking.loading import load

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "data" / "names"
CM = ("ca-mau-snv-tinh-doan-chuong-trinh-phoi-hop-2022-2026.yaml",)
LS = ("lang-son-253-kh-ubnd-2021.yaml",)
TP = ("tan-phu-quan-doan-3-trach-nhiem-2022.yaml",)
ALL: tuple[str, ...] = ()  # no path: every plan of the repository
DAY = dt.date(2024, 1, 1)
NFD = unicodedata.normalize("NFD", "Tỉnh đoàn")
HUYEN = {f"lang-son.ubnd-huyen.{h}" for h in (
    "trang-dinh", "van-lang", "van-quan", "binh-gia", "bac-son", "huu-lung", "chi-lang",
    "cao-loc", "loc-binh", "dinh-lap")}

# name, plans asked about, the body (an id), or the candidates left (a set: exit 2), or None
# (no body has that name: exit 2 with suggestions).
CASES = [
    # Issue 13: "Tỉnh đoàn" exited 2 between Lạng Sơn, Cà Mau and Kiên Giang although the
    # plan asked about names only Cà Mau's.
    ("Tỉnh đoàn", CM, "ca-mau.tinh-doan"),
    ("Tỉnh đoàn", LS, "lang-son.tinh-doan"),
    ("Tỉnh đoàn", ALL, {"lang-son.tinh-doan", "ca-mau.tinh-doan"}),  # Kiên Giang has no plan
    ("TỈNH ĐOÀN", CM, "ca-mau.tinh-doan"),
    ("tinh doan", CM, "ca-mau.tinh-doan"),
    (NFD, CM, "ca-mau.tinh-doan"),
    ("Tỉnh đoàn tỉnh Cà Mau", ALL, "ca-mau.tinh-doan"),
    ("Tỉnh đoàn Kiên Giang", CM, "kien-giang.tinh-doan"),  # a place written wins
    ("TĐTN", CM, "ca-mau.tinh-doan"),
    ("TĐTN", TP, "tp-hcm.thanh-doan"),
    # The README's examples, and word order and level words.
    ("so noi vu", LS, "lang-son.so-noi-vu"),
    ("so noi vu", CM, "ca-mau.so-noi-vu"),
    ("so noi vu", ALL, {"lang-son.so-noi-vu", "ca-mau.so-noi-vu"}),
    ("SNV", CM, "ca-mau.so-noi-vu"),
    ("snv", LS, "lang-son.so-noi-vu"),
    ("Sở Nội vụ Lạng Sơn", ALL, "lang-son.so-noi-vu"),
    ("Sở Nội vụ Lạng Sơn", CM, "lang-son.so-noi-vu"),
    ("Lạng Sơn Sở Nội vụ", ALL, "lang-son.so-noi-vu"),
    ("so noi vu ca mau", ALL, "ca-mau.so-noi-vu"),
    ("SNV Cà Mau", ALL, "ca-mau.so-noi-vu"),
    ("SNV tỉnh Cà Mau", LS, "ca-mau.so-noi-vu"),
    ("SỞ NỘI VỤ TỈNH KIÊN GIANG", ALL, "kien-giang.so-noi-vu"),
    ("Sở Thông tin và Truyền thông", ALL, "lang-son.so-tttt"),
    ("Sở TT&TT", ALL, "lang-son.so-tttt"),
    ("so tt&tt lang son", CM, "lang-son.so-tttt"),
    ("Sở LĐTBXH", LS, "lang-son.so-ldtbxh"),
    ("Sở Lao động, Thương binh và Xã hội", LS, "lang-son.so-ldtbxh"),
    ("Sở GD&ĐT", LS, "lang-son.so-gd-dt"),
    ("Bộ Nội vụ", ALL, "tw.bo-noi-vu"),  # not a Sở Nội vụ
    ("Phòng Nội vụ", ALL, "tp-hcm.tan-phu.phong-noi-vu"),
    # Ủy ban nhân dân: the level words tell the province from its city and districts.
    ("UBND tỉnh", LS, "lang-son.ubnd-tinh"),
    ("UBND tỉnh", CM, "ca-mau.ubnd-tinh"),  # not written in the plan: its issuers' province
    ("Ủy ban nhân dân tỉnh Lạng Sơn", ALL, "lang-son.ubnd-tinh"),
    ("UBND", LS, "lang-son.ubnd-tinh"),  # the one the plan writes
    ("UBND thành phố Lạng Sơn", ALL, "lang-son.ubnd-huyen.tp-lang-son"),
    ("UBND TP Lạng Sơn", LS, "lang-son.ubnd-huyen.tp-lang-son"),
    ("ubnd huyen trang dinh", ALL, "lang-son.ubnd-huyen.trang-dinh"),
    ("UBND Tràng Định", ALL, "lang-son.ubnd-huyen.trang-dinh"),
    ("UBND huyện Văn Quan", ALL, "lang-son.ubnd-huyen.van-quan"),  # "Quan" is not quận
    ("UBND huyện", LS, HUYEN),  # all ten; not the province, nor the city
    ("UBND TP.HCM", ALL, "tp-hcm.ubnd-thanh-pho"),
    ("VP UBND", LS, "lang-son.vp-ubnd-tinh"),
    ("Văn phòng UBND tỉnh Lạng Sơn", ALL, "lang-son.vp-ubnd-tinh"),
    ("Huyện đoàn huyện Tràng Định", ALL, "lang-son.huyen-doan.trang-dinh"),
    ("Quận đoàn", TP, "tp-hcm.tan-phu.quan-doan"),
    ("Thành đoàn", TP, "tp-hcm.thanh-doan"),
    ("Thành đoàn", CM, "ca-mau.huyen-doan.tp-ca-mau"),  # through the plan's group of huyện đoàn
    # Ids, in any case; and names of no body.
    ("lang-son.so-noi-vu", CM, "lang-son.so-noi-vu"),
    ("CA-MAU.TINH-DOAN", ALL, "ca-mau.tinh-doan"),
    ("Sở Nội vụ Hà Nội", ALL, None),
    ("Cà Mau", ALL, None),
]


def _resolve(name: str, plans: tuple[str, ...]) -> str | set[str] | None:
    loaded = load([FIXTURE / "plans" / p for p in plans], DAY, cwd=FIXTURE)
    try:
        body = Filters(agency=name).body(loaded.registry, loaded.scope)
    except AgencyLookupError as exc:
        return {b.id for b in exc.candidates} or None
    assert body is not None
    return body.id


@pytest.mark.parametrize(("name", "plans", "expected"), CASES,
                         ids=[f"{n}-{'+'.join(p)[:12] or 'all'}" for n, p, _ in CASES])
def test_name_resolves_in_the_plans_asked_about(name, plans, expected):
    assert _resolve(name, plans) == expected


def kehoach(*args: str, cwd: Path = FIXTURE) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8", COLUMNS="200")
    return subprocess.run([sys.executable, "-m", "kehoach", *args], capture_output=True,
                          cwd=cwd, env=env, timeout=120)


CLI_CASES = [c for c in CASES if c[0] in {"Tỉnh đoàn", "SNV Cà Mau", "UBND huyện", "Cà Mau",
                                          "Sở TT&TT"}]


@pytest.mark.parametrize(("name", "plans", "expected"), CLI_CASES,
                         ids=[f"{n}-{'+'.join(p)[:12] or 'all'}" for n, p, _ in CLI_CASES])
def test_the_cli_resolves_the_same(name, plans, expected):
    proc = kehoach("overdue", *(f"plans/{p}" for p in plans), "--agency", name,
                   "--as-of", "2024-01-01")
    stdout, stderr = proc.stdout.decode(), proc.stderr.decode()
    registry, _ = load_registry(FIXTURE)
    if isinstance(expected, str):
        assert proc.returncode == 0, stderr
        # The footer names the body the name was taken for.
        assert stdout.splitlines()[-1].startswith(f"{registry.name(expected)} — tính đến ngày")
    elif expected is None:
        assert (proc.returncode, stdout) == (2, "")
        assert f"Không tìm thấy cơ quan “{name}”" in stderr
    else:
        assert (proc.returncode, stdout) == (2, "")
        listed = {line.split()[1] for line in stderr.splitlines() if line.startswith("  - ")}
        assert listed == expected


def test_an_ambiguity_lists_ids_names_and_plans():
    proc = kehoach("overdue", "--agency", "Tỉnh đoàn", "--as-of", "2024-01-01")
    assert proc.returncode == 2
    assert proc.stderr.decode() == (
        "Lỗi: Tên cơ quan “Tỉnh đoàn” chưa rõ, có thể là:\n"
        "  - lang-son.tinh-doan (Tỉnh đoàn Lạng Sơn): có trong plans/lang-son-253-kh-ubnd-2021"
        ".yaml\n"
        "  - ca-mau.tinh-doan (Tỉnh đoàn Cà Mau): có trong plans/ca-mau-snv-tinh-doan-chuong-"
        "trinh-phoi-hop-2022-2026.yaml\n"
        "Hãy ghi mã cơ quan, hoặc thêm tên tỉnh, huyện vào tên.\n")


def test_an_unknown_name_suggests_bodies_by_any_of_their_names():
    registry, _ = load_registry(FIXTURE)
    with pytest.raises(AgencyLookupError) as info:
        registry.find("So Tai chin")
    assert info.value.message_vi == ("Không tìm thấy cơ quan “So Tai chin” trong danh mục. "
                                       "Có phải: Sở Tài chính tỉnh Lạng Sơn?")


@pytest.mark.parametrize(("province", "expected"), [
    ("ca-mau", "ca-mau.so-noi-vu"), ("Cà Mau", "ca-mau.so-noi-vu"),
    ("tỉnh Lạng Sơn", "lang-son.so-noi-vu"), ("kien-giang", "kien-giang.so-noi-vu"),
])
def test_the_default_province_breaks_the_remaining_ties(province, expected):
    registry, _ = load_registry(FIXTURE)
    with pytest.raises(AgencyLookupError):
        registry.find("Sở Nội vụ")
    assert registry.find("Sở Nội vụ", province=province).id == expected
    # The plans asked about come first: a Lạng Sơn plan's Sở Nội vụ is Lạng Sơn's.
    scope = IdsScope([("a.yaml", {"lang-son.so-noi-vu"})])
    assert registry.find("Sở Nội vụ", scope, province=province).id == "lang-son.so-noi-vu"


@pytest.mark.parametrize(("tinh", "code", "said"), [
    ("ca-mau", 0, "Tỉnh đoàn Cà Mau — tính đến ngày"),
    ("Lạng Sơn", 0, "Tỉnh đoàn Lạng Sơn — tính đến ngày"),
    ("kien-giang", 2, "Tên cơ quan “Tỉnh đoàn” chưa rõ"),  # no plan writes Kiên Giang's
])
def test_the_configured_province_breaks_the_remaining_ties(repo, tinh, code, said):
    (repo / "kehoach.toml").write_text(f'[kho]\ntinh = "{tinh}"\n', encoding="utf-8")
    proc = kehoach("overdue", "--agency", "Tỉnh đoàn", "--as-of", "2024-01-01", cwd=repo)
    assert proc.returncode == code
    assert said in (proc.stdout if code == 0 else proc.stderr).decode()


def test_an_unrelated_province_does_not_hide_candidates():
    registry, _ = load_registry(FIXTURE)
    with pytest.raises(AgencyLookupError) as info:
        registry.find("Sở Nội vụ", province="Hà Giang")
    assert len(info.value.candidates) == 3


@pytest.mark.parametrize(("a", "b"), [
    ("Sở Nội vụ tỉnh Lạng Sơn", "so noi vu lang son"),
    ("Sở Nội vụ tỉnh Lạng Sơn", "LẠNG SƠN, SỞ NỘI VỤ"),
    ("Sở Thông tin và Truyền thông", "Sở TT&TT"),
    ("Sở Thông tin và Truyền thông", "STTTT"),
    ("Sở Giáo dục và Đào tạo", "Sở GD&ĐT"),
    ("Ủy ban nhân dân tỉnh", "UBND tỉnh"),
    ("Văn phòng Ủy ban nhân dân", "VP UBND"),
    ("Thành phố Hồ Chí Minh", "TP.HCM"),
    ("Thành phố Hồ Chí Minh", "TPHCM"),
    ("Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH"),
])
def test_same_words(a, b):
    assert name_key(a).core == name_key(b).core


@pytest.mark.parametrize(("a", "b"), [
    ("Sở Nội vụ", "Bộ Nội vụ"), ("Sở Nội vụ", "Phòng Nội vụ"), ("Tỉnh đoàn", "Quận đoàn"),
    ("UBND tỉnh Lạng Sơn", "UBND thành phố Lạng Sơn"), ("huyện Văn Quan", "quận Văn"),
    ("Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy sự tỉnh"),
])
def test_different_words(a, b):
    key_a, key_b = name_key(a), name_key(b)
    assert (key_a.core, key_a.levels) != (key_b.core, key_b.levels)


@pytest.mark.parametrize(("text", "core", "levels"), [
    ("Sở Nội vụ tỉnh Hà Tĩnh", ("ha", "snv", "tinh"), {"tinh"}),  # Tĩnh is a place
    ("so noi vu ha tinh", ("ha", "snv", "tinh"), set()),
    ("UBND huyện Văn Quan", ("quan", "ubnd", "van"), {"huyen"}),
    ("ubnd huyen van quan", ("quan", "ubnd", "van"), {"huyen"}),
    ("UBND quận Tân Phú", ("phu", "tan", "ubnd"), {"quan"}),
    ("Bộ Chỉ huy Quân sự tỉnh Lạng Sơn", ("bo", "chi", "huy", "lang", "quansu", "son"),
     {"tinh"}),
])
def test_level_words_are_told_from_place_names(text, core, levels):
    key = name_key(text)
    assert (key.core, set(key.levels)) == (core, levels)


# --- the shipped repository: the README's own examples --------------------------------------

SHIPPED_LS = "plans/lang-son-253-kh-ubnd-2021.yaml"


@pytest.mark.parametrize(("args", "body"), [
    (["--agency", "so noi vu", SHIPPED_LS], "Sở Nội vụ tỉnh Lạng Sơn"),
    (["--agency", "SNV", SHIPPED_LS], "Sở Nội vụ tỉnh Lạng Sơn"),
    (["--agency", "Sở Thông tin và Truyền thông"], "Sở Thông tin và Truyền thông tỉnh Lạng Sơn"),
    (["--agency", "Tỉnh đoàn", "plans/ca-mau-snv-tinh-doan-chuong-trinh-phoi-hop-2022-2026.yaml"],
     "Tỉnh đoàn Cà Mau"),
])
def test_readme_examples_on_the_shipped_plans(args, body):
    proc = kehoach("overdue", *args, "--as-of", "2024-06-30", cwd=ROOT)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.decode().splitlines()[-1].startswith(f"{body} — tính đến ngày")


def test_shipped_plans_snv_everywhere_lists_the_candidates():
    proc = kehoach("overdue", "--agency", "SNV", "--as-of", "2024-06-30", cwd=ROOT)
    assert proc.returncode == 2
    listed = [line.split()[1] for line in proc.stderr.decode().splitlines()
              if line.startswith("  - ")]
    assert sorted(listed) == ["ca-mau.so-noi-vu", "lang-son.so-noi-vu"]


# --- names where people read ----------------------------------------------------------------


def test_inherited_rows_name_the_predecessor():
    proc = kehoach("overdue", "plans/" + LS[0], "--agency", "Sở Nội vụ Lạng Sơn",
                   "--as-of", "2025-12-01")
    assert proc.returncode == 0
    text = proc.stdout.decode()
    assert "(nhận từ Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn)" in text
    assert "nhận từ lang-son" not in text


def test_summary_follows_the_registry_order():
    proc = kehoach("summary", "plans/" + LS[0], "--as-of", "2024-06-30", "-f", "json")
    agencies = [r["agency"] for r in json.loads(proc.stdout.decode())][:-1]
    registry, _ = load_registry(FIXTURE)
    assert agencies == sorted(agencies, key=list(registry.bodies).index)
    assert agencies != sorted(agencies)  # by id it reads as random
    assert agencies[0] == "lang-son.vp-ubnd-tinh"


# --- done --agency and check ----------------------------------------------------------------


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE / "plans", tmp_path / "plans")
    return tmp_path


def test_done_resolves_a_shared_name_within_the_task(repo):
    from kehoach.edit.records import record_done

    result = record_done(repo / "plans" / CM[0], "cm-ctph-ii-1b", agency="SNV",
                         date=dt.date(2023, 1, 10), occurrence="2022")
    assert "Sở Nội vụ tỉnh Cà Mau" in result.message
    assert "co_quan: ca-mau.so-noi-vu" in (repo / "plans" / CM[0]).read_text(encoding="utf-8")


def _set_lead(repo: Path, value: str) -> Path:
    path = repo / "plans" / CM[0]
    text = path.read_text(encoding="utf-8")
    assert text.count("co_quan: [ca-mau.tinh-doan]") == 1
    path.write_text(text.replace("co_quan: [ca-mau.tinh-doan]", f"co_quan: [{value}]"),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize(("value", "code", "message"), [
    ("Tỉnh đoàn", "invalid-value",
     "“Tỉnh đoàn” không phải mã cơ quan: hãy ghi mã ca-mau.tinh-doan (Tỉnh đoàn Cà Mau)."),
    ("TĐTN", "invalid-value",
     "“TĐTN” không phải mã cơ quan: hãy ghi mã ca-mau.tinh-doan (Tỉnh đoàn Cà Mau)."),
    ("CA-MAU.TINH-DOAN", "invalid-value",
     "“CA-MAU.TINH-DOAN” không phải mã cơ quan: hãy ghi mã ca-mau.tinh-doan (Tỉnh đoàn Cà Mau)."),
    ("tinh-doan", "unknown-body", "Cơ quan “tinh-doan” không có trong danh mục. Có phải: "
     "ca-mau.tinh-doan (Tỉnh đoàn Cà Mau)?"),
    ("snv", "unknown-body", "Cơ quan “snv” không có trong danh mục. Có phải: ca-mau.so-noi-vu "
     "(Sở Nội vụ tỉnh Cà Mau)?"),
    ("Sở Tư pháp", "invalid-value",  # only Lạng Sơn has one
     "“Sở Tư pháp” không phải mã cơ quan: hãy ghi mã lang-son.so-tu-phap (Sở Tư pháp tỉnh "
     "Lạng Sơn)."),
    ("UBND tỉnh", "invalid-value",  # not in the plan: the issuers' province
     "“UBND tỉnh” không phải mã cơ quan: hãy ghi mã ca-mau.ubnd-tinh (Ủy ban nhân dân tỉnh "
     "Cà Mau)."),
    ("Phòng Hành chính", "invalid-value", "Mã “Phòng Hành chính” không hợp lệ: chỉ dùng chữ "
     "thường không dấu, chữ số và các dấu “.”, “_”, “-” (ví dụ: lang-son.so-noi-vu)."),
])
def test_check_says_which_id_a_name_means(repo, value, code, message):
    path = _set_lead(repo, value)
    found = [(d.code, d.message) for d in check_paths([path], cwd=repo).diagnostics]
    assert found == [(code, message)]


def test_sheets_name_bodies_and_resolve_in_the_plans_asked_about(tmp_path):
    out = tmp_path / "qua-han.xlsx"
    proc = kehoach("overdue", "plans/" + LS[0], "--agency", "Sở Nội vụ Lạng Sơn",
                   "--as-of", "2025-12-01", "-o", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    cells = [str(c.value) for row in openpyxl.load_workbook(out).active.iter_rows() for c in row
             if c.value is not None]
    assert any("(nhận từ Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn)" in c for c in cells)
    assert not any("nhận từ lang-son" in c for c in cells)
    book = tmp_path / "tong-hop.xlsx"
    proc = kehoach("export", str(book), "plans/" + CM[0], "--agency", "Tỉnh đoàn",
                   "--as-of", "2024-01-01")
    assert proc.returncode == 0, proc.stderr.decode()
    cells = [str(c.value) for row in openpyxl.load_workbook(book).active.iter_rows() for c in row
             if c.value is not None]
    assert any("Cơ quan: Tỉnh đoàn Cà Mau;" in c for c in cells)


def test_one_reminder_letter_addresses_bodies_in_the_registry_order():
    from kehoach.load.config import Sender
    from kehoach.office.letters import letters

    loaded = load([FIXTURE / "plans" / LS[0]], dt.date(2024, 6, 30), cwd=FIXTURE)
    rows = [r for r in loaded.rows if r.status == "chua_hoan_thanh_qua_han"]
    [letter] = letters(rows, loaded.registry, Sender(), loaded.as_of, report_by=None, place=None,
                       number=None, one_letter=True)
    order = list(loaded.registry.bodies)
    addressed = [next(b for b in order if loaded.registry.name(b) == n)
                 for n in letter.context["cong_van"]["kinh_gui"]]
    assert len(addressed) > 3 and addressed == sorted(addressed, key=order.index)
    assert addressed != sorted(addressed)


def test_a_tampered_mentions_record_is_not_believed(repo):
    from kehoach.fs.cache import cache_dir

    plans = [repo / "plans" / CM[0]]
    assert _resolve_in(repo, plans) == "ca-mau.tinh-doan"
    record = cache_dir(repo) / "body-mentions.json"  # type: ignore[operator]
    data = record.read_bytes()
    assert b'"ca-mau.tinh-doan": 1' in data and b'"lang-son.tinh-doan": 0' in data
    # Someone swaps what the plan was found to hold, without the checksum: rebuilt, not believed.
    record.write_bytes(data.replace(b'"ca-mau.tinh-doan": 1', b'"ca-mau.tinh-doan": 0')
                       .replace(b'"lang-son.tinh-doan": 0', b'"lang-son.tinh-doan": 1'))
    assert _resolve_in(repo, plans) == "ca-mau.tinh-doan"
    record.write_bytes(b"\x00garbage")
    assert _resolve_in(repo, plans) == "ca-mau.tinh-doan"


def _resolve_in(root: Path, plans: list[Path]) -> str:
    loaded = load(plans, DAY, cwd=root)
    body = Filters(agency="Tỉnh đoàn").body(loaded.registry, loaded.scope)
    assert body is not None
    return body.id
