"""``kehoach site`` without a browser: the files written, their data against the tracking
queries, escaping, the output folder's safety, template overrides and the preview server.
The pages in a real browser are tested in ``test_site_browser.py``."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from kehoach.site.publish import MARKER, SiteError, build_site
from kehoach.tracking.loading import load
from kehoach.tracking.queries import overdue

FIXTURE = Path(__file__).parent / "data" / "tracking"
A1 = dt.date(2024, 6, 30)
HOSTILE = """\
loai: ke_hoach
co_quan_ban_hanh: [t.ubnd]
so_ky_hieu: 99/KH-UBND
ngay_ban_hanh: 2024-01-05
trich_yeu: "Thử <script>window.__pwned = 1</script> và <img src=x onerror=\\"window.__pwned = 2\\">"
mo_dau: "{{ 7 * 7 }} {% raw %} </script><b>đậm</b> **thật đậm**"
phan:
  - so: I.
    noi_dung: NHIỆM VỤ
    muc:
      - so: "1."
        noi_dung: "Nhiệm vụ </script><script>window.__pwned = 3</script> quá hạn"
        nhiem_vu:
          - id: nv-doc-hai
            chu_tri: t.snv
            thoi_han: trước ngày 01/3/2024
"""


def data_of(path: Path) -> object:
    """The JSON a data file hands to ``KH.nap``."""
    text = path.read_text(encoding="utf-8")
    match = re.fullmatch(r'KH\.nap\("[^"]+",(.*)\);\n', text, re.S)
    assert match, text[:200]
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site-repo")
    shutil.copytree(FIXTURE / "plans", root / "plans")
    (root / "plans" / "doc-hai.yaml").write_text(HOSTILE, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def built(repo: Path) -> Path:
    result = build_site([], A1, repo / "site", cwd=repo)
    assert (result.plans, result.failed, result.warnings) == (3, [], [])
    return repo / "site"


def test_the_site_has_its_pages_data_and_assets(built: Path):
    for name in ("index.html", "tim-kiem.html", MARKER, "tai-nguyen/site.css",
                 "tai-nguyen/site.js", "du-lieu/danh-muc.js", "du-lieu/tong-hop.js",
                 "ke-hoach/bao-cao-nam.html", "ke-hoach/du-thao.html", "ke-hoach/doc-hai.html",
                 "du-lieu/ke-hoach/bao-cao-nam.js", "co-quan/t.snv.html",
                 "du-lieu/co-quan/t.snv.js"):
        assert (built / name).is_file(), name
    assert not [p for p in built.parent.iterdir() if p.name.startswith(".site")]


def entries_of(site: Path, name: str, field: str, page: str = "") -> list[tuple[object, ...]]:
    """The entries of a data file, decoded: (task id, body, role, status, due day, days,
    approximate, occurrences overdue, occurrences)."""
    catalogue = data_of(site / "du-lieu" / "danh-muc.js")
    found = data_of(site / "du-lieu" / f"{name}.js")
    assert isinstance(catalogue, dict) and isinstance(found, dict)
    rows: list[tuple[list, str]] = [(e, page) for e in found[field]]
    for other in found.get("kem", []):  # the holders whose files the page loads too
        held = data_of(site / "du-lieu" / "co-quan" / f"{other}.js")
        assert isinstance(held, dict)
        rows += [(e, other) for e in held[field] if len(e) < 10 or e[9] == -1]
    out = []
    for e, page in rows:
        slug = catalogue["kh"][e[0]][0]
        plan = data_of(site / "du-lieu" / "ke-hoach" / f"{slug}.js")
        assert isinstance(plan, dict)
        full = [*e, *(0, 0, 1, -1, -1)[len(e) - 6:]]
        body = full[9] if isinstance(full[9], str) else (
            catalogue["cq"][full[9]][0] if full[9] >= 0 else page)
        due = dt.date(1970, 1, 1) + dt.timedelta(days=e[4]) if e[4] is not None else None
        out.append((plan["nv"][e[1]][0], body, e[2], e[3], due, *full[5:9]))
    return out


def test_the_overdue_list_is_the_overdue_query(built: Path, repo: Path):
    shown = [(t, b, due, days) for t, b, _, _, due, days, *_ in
             entries_of(built, "tong-hop", "qua_han")]
    loaded = load([], A1, cwd=repo)
    rows = overdue(loaded.rows, loaded.registry)
    assert shown == [(r.task_id, r.agency, r.due, r.days_overdue) for r in rows]
    assert shown[0] == ("dien-dan", "t.tinh-doan", dt.date(2022, 12, 31), 547)


def test_an_agency_page_lists_tasks_through_its_groups(built: Path):
    held = {e[:3] for e in entries_of(built, "co-quan/t.sgd", "nv", page="t.sgd")}
    # SGD leads bc-nam as a member of "các sở" and coordinates dien-dan through that group.
    assert ("bc-nam", "t.sgd", 0) in held
    assert ("dien-dan", "t.cac-so", 1) in held


def test_a_successor_lists_what_it_took_over(built: Path):
    catalogue = data_of(built / "du-lieu" / "danh-muc.js")
    snv = data_of(built / "du-lieu" / "co-quan" / "t.snv.js")
    assert isinstance(catalogue, dict) and isinstance(snv, dict)
    bodies = [b[0] for b in catalogue["cq"]]
    taken = [e for e in snv["nv"] if len(e) > 10 and e[10] != -1]
    # Sở LĐTBXH merges into Sở Nội vụ on 28/02/2025: its yearly report of 2025 is Sở Nội vụ's.
    assert [(bodies[e[10]], e[9], e[4]) for e in taken] == [("t.sld", -1, 20442)]
    assert dt.date(1970, 1, 1) + dt.timedelta(days=20442) == dt.date(2025, 12, 20)


def test_a_task_given_to_a_listed_group_names_its_leads(built: Path):
    catalogue = data_of(built / "du-lieu" / "danh-muc.js")
    plan = data_of(built / "du-lieu" / "ke-hoach" / "bao-cao-nam.js")
    assert isinstance(catalogue, dict) and isinstance(plan, dict)
    bodies = [b[0] for b in catalogue["cq"]]
    named = {t[0]: [bodies[i] for i in t[4]] for t in plan["nv"] if len(t) > 4}
    # bc-nam is given to "các sở" (its members each lead it); dien-dan names the group only
    # as coordinator, and the other tasks name single bodies.
    assert named == {"bc-nam": ["t.cac-so"]}
    members = {bodies[int(g)]: sorted(bodies[m] for m in ms) for g, ms in catalogue["tv"].items()}
    assert members == {"t.cac-so": ["t.sgd", "t.snv", "t.stc"]}


def test_dates_are_written_dd_mm_yyyy(built: Path):
    home = (built / "index.html").read_text(encoding="utf-8")
    assert "tính đến ngày 30/06/2024" in home
    plan = (built / "ke-hoach" / "bao-cao-nam.html").read_text(encoding="utf-8")
    assert "Thử, ngày 10 tháng 01 năm 2022" in plan


def test_plan_text_is_escaped_never_markup(built: Path):
    page = (built / "ke-hoach" / "doc-hai.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert "<script>window" not in page and "<img src=x" not in page
    assert "{{ 7 * 7 }} {% raw %} &lt;/script&gt;&lt;b&gt;đậm&lt;/b&gt;" in page
    assert "<strong>thật đậm</strong>" in page  # the plan's own markup still works
    data = (built / "du-lieu" / "ke-hoach" / "doc-hai.js").read_text(encoding="utf-8")
    assert "</script" not in data and "<\\/script>" in data


def test_nothing_is_fetched_from_the_network(built: Path):
    for page in built.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for ref in re.findall(r'(?:src|href)="([^"]*)"', text):
            assert "//" not in ref and not ref.startswith(("http", "data:")), (page, ref)
    for asset in ("site.css", "site.js"):
        text = (built / "tai-nguyen" / asset).read_text(encoding="utf-8")
        assert not re.search(r"https?://|@import|url\(", text), asset


def test_every_local_link_has_its_file(built: Path):
    for page in built.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for ref in re.findall(r'(?:src|href)="([^"#?]+)', text):
            assert (page.parent / ref).resolve().is_file(), (page, ref)


@pytest.mark.parametrize("content", ["mine.txt", "plans"])
def test_a_folder_kehoach_did_not_write_is_refused(tmp_path: Path, content: str):
    out = tmp_path / "out"
    (out / content).mkdir(parents=True)
    with pytest.raises(SiteError, match="không do kehoach tạo"):
        build_site([FIXTURE / "plans"], A1, out, cwd=FIXTURE)
    assert (out / content).is_dir()


def test_a_new_build_replaces_the_old_site_whole(tmp_path: Path):
    out = tmp_path / "site"
    build_site([FIXTURE / "plans"], A1, out, cwd=FIXTURE)
    (out / "co-quan" / "cu.html").write_text("cũ", encoding="utf-8")
    result = build_site([FIXTURE / "plans"], dt.date(2022, 1, 1), out, cwd=FIXTURE)
    assert not (out / "co-quan" / "cu.html").exists()
    assert "tính đến ngày 01/01/2022" in (out / "index.html").read_text(encoding="utf-8")
    assert result.size == sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) - len(
        (out / MARKER).read_bytes())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_repository_template_overrides_by_name(tmp_path: Path):
    shutil.copytree(FIXTURE / "plans", tmp_path / "plans")
    own = tmp_path / "templates" / "site"
    own.mkdir(parents=True)
    (own / "tim-kiem.html.j2").write_text(
        '{% extends "site/_khung.html.j2" %}{% block noi_dung %}<h1>Tra cứu của Sở</h1>'
        "{% endblock %}", encoding="utf-8")
    (own / "site.css").write_text("body { color: #000; }\n", encoding="utf-8")
    build_site([], A1, None, cwd=tmp_path)
    assert "<h1>Tra cứu của Sở</h1>" in (tmp_path / "site" / "tim-kiem.html").read_text("utf-8")
    assert (tmp_path / "site" / "tai-nguyen" / "site.css").read_text("utf-8").startswith("body")
    assert "Theo dõi thực hiện kế hoạch</h1>" in (tmp_path / "site" / "index.html").read_text(
        "utf-8")


def test_a_template_that_runs_unsafe_code_is_a_render_error(tmp_path: Path):
    from kehoach.errors import RenderError

    shutil.copytree(FIXTURE / "plans", tmp_path / "plans")
    own = tmp_path / "templates" / "site"
    own.mkdir(parents=True)
    (own / "tim-kiem.html.j2").write_text("{{ ''.__class__.__mro__ }}", encoding="utf-8")
    with pytest.raises(RenderError, match=r"tim-kiem\.html\.j2"):
        build_site([], A1, None, cwd=tmp_path)
    assert not (tmp_path / "site").exists()


def kehoach(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kehoach", *args], cwd=cwd, text=True,
                          capture_output=True, encoding="utf-8", timeout=120)


def test_cli_builds_and_a_broken_plan_exits_1(tmp_path: Path):
    shutil.copytree(FIXTURE / "plans", tmp_path / "plans")
    done = kehoach("site", "--as-of", "30/06/2024", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Đã tạo trang web tại site (2 kế hoạch" in done.stdout
    (tmp_path / "plans" / "hong.yaml").write_text("loai: [\n", encoding="utf-8")
    done = kehoach("site", "--as-of", "2024-06-30", cwd=tmp_path)
    assert done.returncode == 1
    assert "plans/hong.yaml:" in done.stderr and "(2 kế hoạch" in done.stdout
    done = kehoach("site", "-o", "plans", cwd=tmp_path)
    assert done.returncode == 1 and "không do kehoach tạo" in done.stderr
    assert "Traceback" not in done.stderr


def test_with_docx_puts_the_documents_in_the_site(tmp_path: Path):
    from kehoach.render.pdf import find_soffice

    shutil.copytree(FIXTURE / "plans", tmp_path / "plans")
    (tmp_path / "plans" / "du-thao.yaml").unlink()
    result = build_site([], A1, None, cwd=tmp_path, with_docx=True)
    site = tmp_path / "site"
    assert result.warnings == []
    assert (site / "van-ban" / "bao-cao-nam.docx").read_bytes()[:2] == b"PK"
    page = (site / "ke-hoach" / "bao-cao-nam.html").read_text(encoding="utf-8")
    assert 'href="../van-ban/bao-cao-nam.docx"' in page
    has_pdf = (site / "van-ban" / "bao-cao-nam.pdf").is_file()
    assert has_pdf == (find_soffice() is not None)
    assert ('href="../van-ban/bao-cao-nam.pdf"' in page) == has_pdf


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.read().decode("utf-8")


def test_the_preview_serves_and_rebuilds_on_change(tmp_path: Path):
    from kehoach.site.serve import Preview

    shutil.copytree(FIXTURE / "plans", tmp_path / "plans")
    out = tmp_path / "site"
    build = lambda: build_site([], A1, out, cwd=tmp_path)  # noqa: E731
    build()
    preview = Preview(out, build, [tmp_path / "plans"], port=0, interval=0.2)
    preview.start()
    try:
        assert preview.url.startswith("http://127.0.0.1:")
        assert "Theo dõi báo cáo định kỳ" in _get(preview.url + "ke-hoach/bao-cao-nam.html")
        plan = tmp_path / "plans" / "bao-cao-nam.yaml"
        plan.write_text(plan.read_text("utf-8").replace("Theo dõi báo cáo định kỳ",
                                                        "Theo dõi báo cáo thường kỳ"), "utf-8")
        deadline = time.monotonic() + 60
        while preview.builds == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "Theo dõi báo cáo thường kỳ" in _get(preview.url + "ke-hoach/bao-cao-nam.html")
    finally:
        preview.stop()


def test_a_plan_that_does_not_load_and_a_body_the_registry_lacks(tmp_path: Path):
    shutil.copytree(FIXTURE / "plans", tmp_path / "plans")
    (tmp_path / "plans" / "a-hong.yaml").write_text("loai: [\n", encoding="utf-8")
    (tmp_path / "plans" / "b-la.yaml").write_text(HOSTILE.replace("chu_tri: t.snv",
                                                                  "chu_tri: t.khong-co"),
                                                  encoding="utf-8")
    result = build_site([], A1, None, cwd=tmp_path)
    site = tmp_path / "site"
    assert [d.path for d in result.failed] == ["plans/a-hong.yaml"] and result.plans == 3
    catalogue = data_of(site / "du-lieu" / "danh-muc.js")
    assert isinstance(catalogue, dict)
    assert catalogue["kh"][0] is None and catalogue["kh"][1][0] == "b-la"
    assert catalogue["cq"][-1] == ["t.khong-co", "t.khong-co", 1]
    assert [e[:2] for e in entries_of(site, "co-quan/t.khong-co", "nv", page="t.khong-co")] == [
        ("nv-doc-hai", "t.khong-co")]
    overdue = entries_of(site, "tong-hop", "qua_han")
    assert ("nv-doc-hai", "t.khong-co") in [e[:2] for e in overdue]


def _registry_without_dates(folder: Path) -> None:
    path = folder / "co-quan.yaml"
    kept = [line for line in path.read_text("utf-8").splitlines()
            if not line.strip().startswith(("den_ngay:", "ke_thua:", "tu_ngay:"))]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")


@pytest.mark.parametrize("dates", [True, False], ids=["bodies-with-dates", "timeless"])
@pytest.mark.parametrize("day", [dt.date(2022, 11, 16), A1, dt.date(2026, 1, 1)])
def test_coordinators_from_leads_are_the_expanded_rows(tmp_path: Path, dates: bool,
                                                       day: dt.date):
    """The site's shortcut for coordinators gives exactly the entries of every row."""
    from bench.corpus import write_corpus
    from kehoach.check.checker import load_registry
    from kehoach.load.document import load_document
    from kehoach.plan.walk import iter_tasks
    from kehoach.site.coordinators import plan_entries
    from kehoach.site.entries import entries
    from kehoach.tracking.obligations import COORDINATE, obligations

    shutil.copytree(FIXTURE / "plans", tmp_path / "plans")
    (tmp_path / "plans" / "doc-hai.yaml").write_text(HOSTILE, encoding="utf-8")
    # Sở LĐTBXH coordinates, and is merged into Sở Nội vụ on 28/02/2025.
    (tmp_path / "plans" / "sap-nhap.yaml").write_text(HOSTILE.replace(
        "thoi_han: trước ngày 01/3/2024", "phoi_hop: [t.sld, t.tinh-doan]\n"
        "            thoi_han: trước ngày 15/11 hằng năm").replace(
        "ngay_ban_hanh: 2024-01-05", "ngay_ban_hanh: 2023-01-05\ngiai_doan: {tu: 2023, den: 2026}"),
        encoding="utf-8")
    if not dates:
        _registry_without_dates(tmp_path / "plans")
    registry, _ = load_registry(tmp_path, tmp_path)
    corpus = write_corpus(tmp_path / "corpus", 4, tasks=30)
    bench_registry, _ = load_registry(corpus, corpus)
    cases = [(p, registry) for p in sorted((tmp_path / "plans").glob("[!c]*.yaml"))]
    cases += [(p, bench_registry) for p in sorted((corpus / "plans").rglob("ke-*.yaml"))]
    coordinated = 0
    for path, reg in cases:
        plan = load_document(path).plan
        assert plan is not None
        rows = obligations(plan, reg, day, path.name)
        leads, found = plan_entries(plan, reg, day, path.name, list(iter_tasks(plan)))
        assert leads == [r for r in rows if r.role != COORDINATE]
        key = lambda e: (e.task_id, e.agency, e.role)  # noqa: E731
        assert sorted(found, key=key) == sorted(entries(rows), key=key), path.name
        coordinated += sum(e.role == COORDINATE and e.occurrences > 1 for e in found)
    assert coordinated > 10


@pytest.mark.skipif(sys.platform == "win32", reason="Ctrl+C is sent as SIGINT, a POSIX signal")
def test_cli_serve_previews_until_interrupted(tmp_path: Path):
    import signal
    import socket

    shutil.copytree(FIXTURE / "plans", tmp_path / "plans")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = kehoach("site", "--serve", "--port", str(taken.getsockname()[1]), cwd=tmp_path)
    assert busy.returncode == 2 and "chọn cổng khác với --port" in busy.stderr
    server = subprocess.Popen([sys.executable, "-m", "kehoach", "site", "--serve", "--port", "0",
                               "--as-of", "2024-06-30"], cwd=tmp_path, text=True,
                              encoding="utf-8", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert server.stdout is not None
        lines = [server.stdout.readline(), server.stdout.readline()]
        assert lines[0].startswith("Đã tạo trang web tại site (2 kế hoạch"), lines
        match = re.search(r"Đang xem trước tại (http://127\.0\.0\.1:\d+/)", lines[1])
        assert match, lines
        assert "Theo dõi thực hiện kế hoạch" in _get(match.group(1))
    finally:
        server.send_signal(signal.SIGINT)
        _, err = server.communicate(timeout=30)
    assert server.returncode == 0, err
    assert "Đã dừng xem trước." in err and "Traceback" not in err


def test_invisible_and_reordering_characters_are_shown_escaped(tmp_path: Path):
    shutil.copytree(FIXTURE / "plans", tmp_path / "plans")
    (tmp_path / "plans" / "an.yaml").write_text(
        HOSTILE.replace("Thử <script>", "Thử \u202egnad\u202c <script>").replace(
            "Nhiệm vụ </script>", "Nhiệm\u200b vụ </script>"), encoding="utf-8")
    result = build_site([], A1, None, cwd=tmp_path)
    assert result.failed == []
    page = (tmp_path / "site" / "ke-hoach" / "an.html").read_text(encoding="utf-8")
    assert "Thử \\u202egnad\\u202c &lt;script&gt;" in page and "\u202e" not in page
    data = (tmp_path / "site" / "du-lieu" / "ke-hoach" / "an.js").read_text(encoding="utf-8")
    assert "Nhiệm\\\\u200b vụ" in data and "\u200b" not in data


def test_a_template_that_never_ends_is_stopped(tmp_path: Path):
    from kehoach.errors import RenderError

    shutil.copytree(FIXTURE / "plans", tmp_path / "plans")
    own = tmp_path / "templates" / "site"
    own.mkdir(parents=True)
    (own / "tim-kiem.html.j2").write_text(
        "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
        encoding="utf-8")
    with pytest.raises(RenderError, match="vượt giới hạn"):
        build_site([], A1, None, cwd=tmp_path)


QUOTED = """\
loai: ke_hoach
co_quan_ban_hanh: [t.ubnd]
so_ky_hieu: 98/KH-UBND
ngay_ban_hanh: 2024-01-05
trich_yeu: Thử lời văn giữ một lần
phan:
  - so: I.
    noi_dung: NHIỆM VỤ
    muc:
      - so: "1."
        noi_dung: "Tổ chức *tuyên truyền, phổ biến* Luật Thanh niên năm 2020 trong toàn tỉnh[^1]; \
**hằng năm** sơ kết việc thực hiện."
        nhiem_vu:
          - id: ca-dong
            chu_tri: t.snv
            thoi_han: 31/12/2024
      - so: "2."
        nhan: "Về đào tạo:"
        noi_dung: "Mở lớp bồi dưỡng kỹ năng cho cán bộ đoàn cơ sở; biên soạn tài liệu hướng \
dẫn nghiệp vụ công tác thanh niên."
        nhiem_vu:
          - id: mo-lop
            noi_dung: "Mở lớp bồi dưỡng kỹ năng cho cán bộ đoàn cơ sở"
            chu_tri: t.snv
          - id: tai-lieu
            noi_dung: "biên soạn tài liệu hướng dẫn nghiệp vụ công tác thanh niên"
            chu_tri: t.snv
      - so: "3."
        noi_dung: Tuyên truyền trên các phương tiện thông tin đại chúng
        nhiem_vu:
          - id: bao-chi
            noi_dung: Báo Thử xây dựng chuyên mục giới thiệu Chương trình
            chu_tri: t.snv
        muc:
          - so: "-"
            nhan: "Cơ quan thực hiện:"
            noi_dung: Báo Thử xây dựng chuyên mục giới thiệu Chương trình phát triển thanh niên.
chu_thich:
  - id: 1
    noi_dung: Theo Luật Thanh niên.
"""
QUOTED_LINES = [
    '<span class="kh">1.</span> Tổ chức <em>tuyên truyền, phổ biến</em> Luật Thanh niên năm '
    '2020 trong toàn tỉnh<sup><a href="#chu-thich-1">1</a></sup>; <strong>hằng năm</strong> '
    "sơ kết việc thực hiện.",
    '<span class="kh">2.</span> <strong>Về đào tạo:</strong> Mở lớp bồi dưỡng kỹ năng cho cán '
    "bộ đoàn cơ sở; biên soạn tài liệu hướng dẫn nghiệp vụ công tác thanh niên.",
    '<span class="kh">-</span> <strong>Cơ quan thực hiện:</strong> Báo Thử xây dựng chuyên mục '
    "giới thiệu Chương trình phát triển thanh niên.",
]


@pytest.fixture(scope="module")
def quoted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site-quoted")
    shutil.copytree(FIXTURE / "plans", root / "plans")
    (root / "plans" / "trich.yaml").write_text(QUOTED, encoding="utf-8")
    assert build_site([], A1, root / "site", cwd=root).failed == []
    return root / "site"


def test_an_items_words_a_task_holds_are_written_once(quoted: Path):
    """The words of an item that its tasks' wordings hold (the whole line, with emphasis;
    excerpts of it; an enclosing item's task quoting it) are in the plan's data file only:
    filled in as site.js does, the page reads as the plan does, and the task's id is written
    once, in its anchor."""
    page = (quoted / "ke-hoach" / "trich.html").read_text(encoding="utf-8")
    tasks = data_of(quoted / "du-lieu" / "ke-hoach" / "trich.js")["nv"]  # type: ignore[index]
    for words in ("tuyên truyền, phổ biến", "sơ kết việc thực hiện", "Mở lớp bồi dưỡng",
                  "biên soạn tài liệu", "xây dựng chuyên mục"):
        assert words not in page
    assert [page.count(task) for task in ("ca-dong", "mo-lop", "tai-lieu", "bao-chi")] == [1] * 4

    def fill(match: re.Match[str]) -> str:
        ref = [int(n) for n in match.group(1).split(":")]
        words = tasks[ref[0]][1]
        return html.escape(words[ref[1]:ref[2]] if len(ref) == 3 else words, quote=False)

    filled = re.sub(r'<span data-nv="([0-9:]+)"></span>', fill, page)
    for line in QUOTED_LINES:
        assert line in filled
    assert '<p class="nv c1" id="nv-mo-lop"><b class="tt s4">Không có thời hạn</b></p>' in page
