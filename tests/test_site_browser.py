"""The site in a real browser: Debian's Chromium driven by Selenium through ``chromedriver``
(both installed by ``.ci/run``), opened from disk and from the preview server.

Skipped, saying why, only where Chromium or its driver is not installed; under CI (``CI``
set) a missing browser fails instead, so a green CI always means these ran. Screenshots of
the home, an agency and a plan page at desktop and phone widths land in
``$KEHOACH_SCREENSHOTS`` (default: the test's temporary folder) for a person to look at.
"""

from __future__ import annotations

import base64
import datetime as dt
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from kehoach.site.publish import build_site
from tests.test_site import FIXTURE, HOSTILE, QUOTED

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
A1 = dt.date(2024, 6, 30)
DESKTOP, PHONE = (1280, 900), (390, 844)

if CHROMIUM is None or DRIVER is None:
    reason = ("Chromium and chromedriver are not installed (Debian: apt-get install chromium "
              "chromium-driver; .ci/run installs them)")
    if os.environ.get("CI"):
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason, allow_module_level=True)

from selenium import webdriver  # noqa: E402  (a dev dependency; the browser is checked above)
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.select import Select  # noqa: E402
from selenium.webdriver.support.wait import WebDriverWait  # noqa: E402

# The hand-computed answer of tests/test_queries.py::test_overdue_most_overdue_first, as the
# home page shows it: task, lead body, due day (≈ when read from "dự kiến"), days overdue.
OVERDUE_ROWS = [
    ("dien-dan", "Tỉnh đoàn Thử", "≈ 31/12/2022", "547"),
    ("ra-soat", "Các cơ quan, đơn vị có liên quan (tỉnh Thử)", "31/03/2023", "457"),
    ("kinh-phi", "Sở Tài chính tỉnh Thử", "31/10/2023", "243"),
    ("bc-nam", "Sở Nội vụ tỉnh Thử", "15/11/2023", "228"),
    ("dt-so-ket", "Tỉnh đoàn Thử", "15/11/2023", "228"),
    ("nv-doc-hai", "Sở Nội vụ tỉnh Thử", "01/03/2024", "121"),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site-browser")
    shutil.copytree(FIXTURE / "plans", root / "plans")
    (root / "plans" / "doc-hai.yaml").write_text(HOSTILE, encoding="utf-8")
    result = build_site([], A1, root / "site", cwd=root)
    assert result.failed == []
    return root / "site"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="kehoach-chromium-")
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update",
                "--no-first-run", f"--user-data-dir={profile}",
                f"--window-size={DESKTOP[0]},{DESKTOP[1]}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(str(DRIVER)))
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver: Any, url: str) -> list[dict[str, Any]]:
    """Load a page, wait until its data files are in and its tables drawn; the console's
    messages of it."""
    driver.get_log("browser")  # forget the previous page's
    driver.get(url)
    WebDriverWait(driver, 60).until(lambda d: d.execute_script(
        "return document.body.getAttribute('data-san-sang') === '1' && KH.dang_tai() === 0"))
    return list(driver.get_log("browser"))


def page_url(site: Path, name: str) -> str:
    return (site / name).as_uri()


def overdue_rows(driver: Any) -> list[tuple[str, ...]]:
    rows = driver.find_elements(By.CSS_SELECTOR, "#bang-qua-han tbody tr")
    out = []
    for row in rows:
        cells = row.find_elements(By.CSS_SELECTOR, "th, td")
        task = cells[1].find_element(By.TAG_NAME, "a").text
        out.append((task, cells[2].text, cells[4].text, cells[5].text))
    return out


def test_home_from_disk_lists_the_overdue_tasks(browser: Any, site: Path):
    assert open_page(browser, page_url(site, "index.html")) == []
    assert overdue_rows(browser) == OVERDUE_ROWS
    first = browser.find_element(By.CSS_SELECTOR, "#bang-qua-han tbody tr")
    assert "Hội thảo" in first.text or "diễn đàn" in first.text.lower()


def test_an_agency_page_says_what_it_holds_and_how(browser: Any, site: Path):
    assert open_page(browser, page_url(site, "co-quan/t.snv.html")) == []
    rows = {r.find_element(By.CSS_SELECTOR, "th a").text: r.find_elements(By.TAG_NAME, "td")
            for r in browser.find_elements(By.CSS_SELECTOR, "#bang-chu-tri tbody tr")}
    assert rows["sld-viec-lam"][1].text == (
        "Kế thừa từ Sở Lao động - Thương binh và Xã hội tỉnh Thử")
    assert rows["bc-nam"][1].text == "Các sở, ban, ngành tỉnh Thử"  # as a member of the group
    assert rows["bc-nam"][6].text == (
        "10/11/2022 – Báo cáo số 12/BC-SNV\n14/11/2024 – Báo cáo số 15/BC-SNV")


def test_pages_join_the_rows_of_groups_and_members(browser: Any, site: Path):
    # Sở GD&ĐT coordinates dien-dan through "các sở": that row is in the group's file.
    assert open_page(browser, page_url(site, "co-quan/t.sgd.html")) == []
    rows = [[c.text for c in r.find_elements(By.CSS_SELECTOR, "th, td")]
            for r in browser.find_elements(By.CSS_SELECTOR, "#bang-phoi-hop tbody tr")]
    assert [(r[1].split()[0], r[2]) for r in rows] == [
        ("dien-dan", "Các sở, ban, ngành tỉnh Thử")]
    # The group's page: bc-nam once per member, each from that member's file.
    assert open_page(browser, page_url(site, "co-quan/t.cac-so.html")) == []
    rows = [[c.text for c in r.find_elements(By.CSS_SELECTOR, "th, td")]
            for r in browser.find_elements(By.CSS_SELECTOR, "#bang-chu-tri tbody tr")]
    assert sorted(r[2] for r in rows if r[1].split()[0] == "bc-nam") == [
        "Sở Giáo dục và Đào tạo tỉnh Thử", "Sở Nội vụ tỉnh Thử", "Sở Tài chính tỉnh Thử"]


def test_the_preview_server_serves_the_same_site(browser: Any, site: Path):
    from kehoach.site.serve import Preview

    preview = Preview(site, lambda: None, [], port=0)
    preview.start()
    try:
        assert open_page(browser, preview.url) == []
        assert overdue_rows(browser) == OVERDUE_ROWS
    finally:
        preview.stop()


def test_a_filter_by_agency_narrows_the_lists_and_the_grid(browser: Any, site: Path):
    open_page(browser, page_url(site, "index.html"))
    Select(browser.find_element(By.ID, "loc-co-quan")).select_by_value("t.stc")
    WebDriverWait(browser, 30).until(lambda d: d.execute_script("return KH.dang_tai() === 0"))
    assert [r[0] for r in overdue_rows(browser)] == ["kinh-phi"]
    shown = [tr.get_attribute("data-co-quan") for tr in browser.find_elements(
        By.CSS_SELECTOR, "#bang-tong-hop tbody tr") if tr.is_displayed()]
    assert shown == ["t.stc"]
    Select(browser.find_element(By.ID, "loc-co-quan")).select_by_value("")
    Select(browser.find_element(By.ID, "loc-ke-hoach")).select_by_value("du-thao")
    assert [r[0] for r in overdue_rows(browser)] == ["dt-so-ket"]


@pytest.mark.parametrize("words", ["báo cáo sơ kết", "bao cao so ket", "BAO CAO SO KET",
                                   "bao cao  sơ ket"])
def test_search_with_or_without_diacritics(browser: Any, site: Path, words: str):
    open_page(browser, page_url(site, "index.html"))
    box = browser.find_element(By.ID, "o-tim-nhanh")
    box.send_keys(words, Keys.ENTER)
    WebDriverWait(browser, 60).until(lambda d: d.find_element(
        By.ID, "trang-thai-tim").text.startswith("Tìm xong"))
    hits = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#kq-nhiem-vu li")]
    # Every word is found in bc-nam too; the words as one phrase come first.
    assert hits == [
        "Kế hoạch (chưa có số) – dt-so-ket: Tỉnh đoàn gửi báo cáo sơ kết trước ngày 15/11.",
        "12/KH-UBND – bc-nam: Các sở, ban, ngành báo cáo kết quả thực hiện Kế hoạch trước "
        "ngày 15/11 hằng năm, Tỉnh đoàn phối hợp."]
    link = browser.find_element(By.CSS_SELECTOR, "#kq-nhiem-vu a")
    link.click()
    WebDriverWait(browser, 30).until(lambda d: d.current_url.endswith("#nv-dt-so-ket"))
    assert browser.find_element(By.ID, "nv-dt-so-ket").is_displayed()


def test_a_plan_search_finds_it_by_title(browser: Any, site: Path):
    open_page(browser, page_url(site, "tim-kiem.html") + "?q=bao+cao+dinh+ky")
    WebDriverWait(browser, 60).until(lambda d: d.find_element(
        By.ID, "trang-thai-tim").text.startswith("Tìm xong"))
    plans = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#kq-ke-hoach li")]
    assert plans == ["12/KH-UBND: Theo dõi báo cáo định kỳ về công tác thanh niên giai đoạn "
                     "2022 - 2025"]


def test_hostile_plan_text_is_shown_not_run(browser: Any, site: Path):
    assert open_page(browser, page_url(site, "ke-hoach/doc-hai.html")) == []
    heading = browser.find_element(By.TAG_NAME, "h1").text
    assert "<script>window.__pwned = 1</script>" in heading
    assert 'onerror="window.__pwned = 2"' in heading
    # The task's words come from the plan's data file, put in place as text.
    article = browser.find_element(By.TAG_NAME, "article").text
    assert "1. Nhiệm vụ </script><script>window.__pwned = 3</script> quá hạn" in article
    assert "{{ 7 * 7 }} {% raw %} </script><b>đậm</b>" in browser.page_source.replace(
        "&lt;", "<").replace("&gt;", ">")
    open_page(browser, page_url(site, "tim-kiem.html") + "?q=pwned")
    WebDriverWait(browser, 60).until(lambda d: d.find_element(
        By.ID, "trang-thai-tim").text.startswith("Tìm xong"))
    assert "<script>window.__pwned = 3</script>" in browser.find_element(
        By.ID, "kq-nhiem-vu").text
    open_page(browser, page_url(site, "co-quan/t.snv.html"))
    assert browser.execute_script("return typeof window.__pwned") == "undefined"


def _crawl(driver: Any, site: Path) -> tuple[dict[str, set[str]], list[tuple[str, str]], list]:
    """Every page reachable from the home page: its ids, every link, the console's errors."""
    ids: dict[str, set[str]] = {}
    links: list[tuple[str, str]] = []
    errors: list[tuple[str, Any]] = []
    todo = [page_url(site, "index.html"), page_url(site, "tim-kiem.html") + "?q=nam"]
    while todo:
        url = todo.pop()
        path = unquote(urlsplit(url).path)
        if path in ids:
            continue
        logs = open_page(driver, url)
        errors += [(path, log) for log in logs if log["level"] in ("SEVERE", "WARNING")]
        ids[path] = set(driver.execute_script(
            "return Array.from(document.querySelectorAll('[id]'), e => e.id)"))
        for href in driver.execute_script(
                "return Array.from(document.querySelectorAll('a[href]'), a => a.href)"):
            links.append((path, href))
            parts = urlsplit(href)
            if parts.scheme == "file" and parts.path.endswith(".html"):
                todo.append(href.split("#")[0])
    return ids, links, errors


def test_every_link_leads_somewhere_and_nothing_logs_an_error(browser: Any, site: Path):
    ids, links, errors = _crawl(browser, site)
    assert errors == []
    assert len(ids) == len(list(site.rglob("*.html")))  # every page is reachable
    for page, href in links:
        parts = urlsplit(href)
        assert parts.scheme == "file", (page, href)
        target = unquote(parts.path)
        assert Path(target).is_file(), (page, href)
        if parts.fragment and target.endswith(".html"):
            assert parts.fragment in ids[target], (page, href)


def test_sorting_works_from_the_keyboard(browser: Any, site: Path):
    open_page(browser, page_url(site, "index.html"))
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    active = browser.switch_to.active_element
    assert active.text == "Bỏ qua, đến nội dung chính"
    button = browser.find_element(By.CSS_SELECTOR, "#bang-qua-han th[data-cot=so_ngay] button")
    button.send_keys(Keys.ENTER)  # ascending: fewest days first
    days = [r[3] for r in overdue_rows(browser)]
    assert days == sorted(days, key=int)
    head = browser.find_element(By.CSS_SELECTOR, "#bang-qua-han th[data-cot=so_ngay]")
    assert head.get_attribute("aria-sort") == "ascending"


def test_the_print_style_keeps_only_the_overdue_list(browser: Any, site: Path):
    open_page(browser, page_url(site, "index.html"))
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        browser.execute_script("document.body.classList.add('in-qua-han')")
        assert browser.find_element(By.ID, "bang-qua-han").is_displayed()
        for hidden in ("bang-tong-hop", "bo-loc", "o-tim-nhanh"):
            assert not browser.find_element(By.ID, hidden).is_displayed(), hidden
        title = browser.find_element(By.CSS_SELECTOR, "#qua-han .chi-in")
        assert title.text == "Danh sách nhiệm vụ quá hạn tính đến ngày 30/06/2024"
        printed = browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})
        pdf = base64.b64decode(printed["data"])
        boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
        assert boxes and all(abs(float(w) - 595.3) < 2 and abs(float(h) - 841.9) < 2
                             for w, h in boxes), boxes  # A4 portrait, in points
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


PAGES = ["index.html", "co-quan/t.snv.html", "ke-hoach/bao-cao-nam.html", "tim-kiem.html?q=bao"]


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("page", PAGES)
def test_axe_finds_no_serious_or_critical_violation(browser: Any, site: Path, page: str,
                                                     size: tuple[int, int]):
    url = page_url(site, page.split("?")[0]) + ("?" + page.split("?")[1] if "?" in page else "")
    browser.set_window_size(*size)
    try:
        open_page(browser, url)
        browser.execute_script(AXE.read_text(encoding="utf-8"))
        result = browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document).then(r => done(r.violations.map(v => [v.id, v.impact,"
            " v.nodes.length, v.nodes.slice(0, 3).map(n => n.html)])), e => done(String(e)));")
    finally:
        browser.set_window_size(*DESKTOP)
    assert isinstance(result, list), result
    assert [v for v in result if v[1] in ("serious", "critical")] == []


@pytest.mark.parametrize(("width", "height"), [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_screenshots_and_nothing_wider_than_the_screen(browser: Any, site: Path,
                                                       tmp_path: Path, width: int, height: int):
    folder = Path(os.environ.get("KEHOACH_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    try:
        for name in ("index.html", "co-quan/t.snv.html", "ke-hoach/bao-cao-nam.html"):
            browser.set_window_size(width, height)
            open_page(browser, page_url(site, name))
            overflow = browser.execute_script(
                "return document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, (name, width, overflow)
            full = browser.execute_script("return document.documentElement.scrollHeight")
            browser.set_window_size(width, min(full + 140, 6000))
            shot = folder / f"{name.replace('/', '-').removesuffix('.html')}-{width}.png"
            assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    finally:
        browser.set_window_size(*DESKTOP)


def test_a_plan_page_fills_in_the_words_and_ids_it_keeps_once(browser: Any,
                                                                tmp_path: Path):
    """The words of an item its tasks hold (with emphasis; excerpts) and each task's id come
    from the data file and the anchor, in place."""
    shutil.copytree(FIXTURE / "plans", tmp_path / "plans")
    (tmp_path / "plans" / "trich.yaml").write_text(QUOTED, encoding="utf-8")
    assert build_site([], A1, tmp_path / "site", cwd=tmp_path).failed == []
    assert open_page(browser, page_url(tmp_path / "site", "ke-hoach/trich.html")) == []
    lines = [p.text for p in browser.find_elements(By.CSS_SELECTOR, "article p.c1")]
    assert lines == [
        "1. Tổ chức tuyên truyền, phổ biến Luật Thanh niên năm 2020 trong toàn tỉnh1; hằng năm "
        "sơ kết việc thực hiện.",
        "Trong hạn, hạn 31/12/2024 ca-dong",
        "2. Về đào tạo: Mở lớp bồi dưỡng kỹ năng cho cán bộ đoàn cơ sở; biên soạn tài liệu "
        "hướng dẫn nghiệp vụ công tác thanh niên.",
        "Không có thời hạn mo-lop", "Không có thời hạn tai-lieu"]
    lines = [p.text for p in browser.find_elements(By.CSS_SELECTOR, "article p.c2")]
    assert lines == ["Không có thời hạn bao-chi", "- Cơ quan thực hiện: Báo Thử xây dựng chuyên "
                     "mục giới thiệu Chương trình phát triển thanh niên."]
    emphasis = browser.find_element(By.CSS_SELECTOR, "article p.c1 em").text
    assert emphasis == "tuyên truyền, phổ biến"
