"""A repository's templates are hostile input: bounded work, no reads outside, no code from data.

In process (``render_blocks``: the template stage only) for the table of hostile templates, and
through the real CLI (the fork server) for the ones the attack report named, under an
address-space limit and a timeout. See ``docs/guarantees.md`` (hostile templates).
"""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

import pytest
from test_render_support import load_plan, registry

from kehoach.render import RenderError, render_blocks
from kehoach.render import budget as bounds

ROOT = Path(__file__).parent.parent
# A render stopped by a bound answers well within the wall-clock limit plus this margin.
MARGIN_SECONDS = 3.0
S4M = "{% set s = 'x' * 4000000 %}"  # a string just under bounds.MAX_VALUE

STOPPED = "bước xử lý|giây"  # the step limit, or on a loaded machine the clock, stops it
# name -> (template, a pattern the message must contain)
HOSTILE = {
    "nested-range": ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}"
                     "{% endfor %}", STOPPED),
    "nested-range-filtered": ("{% for i in range(100000) %}{% for j in range(100000) if j < 0 %}"
                              "{% endfor %}{% endfor %}", STOPPED),
    "loop-over-long-string": ("{% for c in 'x' * 4000000 %}{% endfor %}", STOPPED),
    "range-too-long": ("{{ range(1000000)|list|length }}", "range()"),
    "range-astronomic": ("{{ range(10**30)|length }}", "range()"),
    "list-times-join": ("{{ (['x'] * 10**8)|join }}", "100.000.000"),
    "printf-filter-width": ("{{ '%0999999999d'|format(1) }}", "999.999.999"),
    "printf-operator-width": ("{{ '%0999999999d' % 1 }}", "999.999.999"),
    "printf-star-width": ("{{ '%*d' % (999999999, 1) }}", "999.999.999"),
    "printf-precision": ("{{ '%.999999999f' % 1.5 }}", "999.999.999"),
    "printf-repeated-value": (S4M + "{{ '%s%s' % (s, s) }}", "quá giới hạn"),
    "format-method-width": ("{{ '{:0999999999}'.format(1) }}", "độ rộng"),
    "format-method-repeat": (S4M + "{{ '{0}{0}{0}'.format(s) }}", "quá giới hạn"),
    "format-map-repeat": (S4M + "{{ '{a}{a}'.format_map({'a': s}) }}", "quá giới hạn"),
    "indent-filter": ("{{ 'x'|indent(10**9) }}", "1.000.000.001"),
    "center-filter": ("{{ 'x'|center(10**9) }}", "1.000.000.000"),
    "center-method": ("{{ 'x'.center(10**9) }}", "1.000.000.000"),
    "zfill-method": ("{{ '1'.zfill(10**9) }}", "1.000.000.000"),
    "replace-method": ("{% set s = 'x' * 100000 %}{{ s.replace('x', s) }}", "quá giới hạn"),
    "replace-filter": ("{% set s = 'x' * 100000 %}{{ s|replace('x', s) }}", "quá giới hạn"),
    "wordwrap-filter": (S4M + "{{ s|wordwrap(1, wrapstring='yy') }}", "quá giới hạn"),
    "join-method": (S4M + "{{ ''.join([s] * 100) }}", "quá giới hạn"),
    "string-of-shared-list": (S4M + "{{ ([s] * 100)|string }}", "quá giới hạn"),
    "print-shared-list": (S4M + "{{ [s, s, s, s, s, s, s, s, s] }}", "kết quả dài"),
    "escape-filter": (S4M + "{{ s|e }}", "quá giới hạn"),
    "concat-doubling": ("{% set ns = namespace(s='x') %}{% for i in range(64) %}"
                        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}", "quá giới hạn"),
    "list-doubling": ("{% set ns = namespace(l=[1]) %}{% for i in range(64) %}"
                      "{% set ns.l = ns.l + ns.l %}{% endfor %}", "quá giới hạn"),
    "many-built-values": (S4M + "{% set ns = namespace(l=[]) %}{% for i in range(20) %}"
                          "{% set ns.l = ns.l + [s ~ i] %}{% endfor %}", "tổng cộng"),
    "power": ("{{ 10**5000 }}", "số nguyên quá lớn"),
    "power-just-over": ("{{ 2**14000 }}", "số nguyên quá lớn"),
    "product": ("{% set n = 10**4000 %}{{ n * n }}", "số nguyên quá lớn"),
    "sum-of-big-ints": ("{{ ([2**13999] * 4)|sum }}", "số nguyên quá lớn"),
    "integer-literal": ("{{ " + "9" * 5000 + " }}", "mẫu viết sai: có số nguyên quá dài"),
    "deep-parentheses": ("{{ " + "(" * 20000 + "1" + ")" * 20000 + " }}", "mẫu viết sai"),
    "macro-fan-out": ("{% macro m(n) %}{% if n %}{% set a = m(n - 1) %}{% set b = m(n - 1) %}"
                      "{% endif %}{% endmacro %}{{ m(40) }}", STOPPED),
    "macro-recursion": ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "lồng nhau quá sâu"),
    "stream-output": ("{% set s = 'x' * 1000 %}{% for i in range(100000) %}{{ s }}{% endfor %}",
                      "kết quả dài"),
    "buffered-static-text": ("{% set x %}{% for i in range(100000) %}" + "y" * 400
                             + "{% endfor %}{% endset %}", "kết quả dài"),
    "filter-block": ("{% filter upper %}{% for i in range(100000) %}" + "y" * 400
                     + "{% endfor %}{% endfilter %}", "kết quả dài"),
    "sum-of-lists": ("{{ ([[1] * 1000] * 1000)|sum(start=[]) }}", "chỉ cộng các số"),
    "batch-fill": ("{{ [1]|batch(10**9, 0)|list }}", "batch"),
    "slice-count": ("{{ [1]|slice(10**9)|list }}", "slice"),
    "lipsum-removed": ("{{ lipsum(10**5) }}", "lipsum"),
    "pprint-removed": (S4M + "{{ ([s] * 100)|pprint }}", "pprint"),
    "tojson-removed": ("{{ 1|tojson }}", "tojson"),
    "expandtabs-refused": ("{{ ('\\t' * 1000).expandtabs(10**6) }}", "không an toàn"),
    "translate-refused": ("{{ 'x'.translate({120: 'y'}) }}", "không an toàn"),
    "encode-refused": ("{{ 'x'.encode() }}", "không an toàn"),
    "date-method-refused": ("{{ van_ban.ngay_ban_hanh.replace(year=1) }}", "không an toàn"),
    # CVE-2025-27516 (|attr reached str.format unsandboxed) and CVE-2024-56326 (a stored
    # reference to str.format): both must stay inside the sandbox.
    "cve-2025-27516": ("{{ ('{0.__class__.__mro__}'|attr('format'))(1) }}", "không an toàn"),
    "cve-2024-56326": ("{% set f = '{0.__class__}'.format %}{{ f(1) }}", "không an toàn"),
    "format-map-dunder": ("{{ '{a.__class__}'.format_map({'a': 1}) }}", "không an toàn"),
}


def _custom(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    for name, body in files.items():
        (folder / name).write_text(body, encoding="utf-8")
    return folder


def _refusal(tmp_path: Path, body: str, name: str = "rieng.j2") -> tuple[str, float]:
    folder = _custom(tmp_path, {name: body})
    start = time.monotonic()
    with pytest.raises(RenderError) as err:
        render_blocks(load_plan("ke-hoach"), registry(), template=name[:-3], search_dirs=[folder])
    return str(err.value), time.monotonic() - start


@pytest.mark.parametrize("body,fragment", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_template_is_refused_quickly_with_a_message(tmp_path, body, fragment):
    message, elapsed = _refusal(tmp_path, f"muc {body}\n")
    assert re.search(fragment, message), message
    assert "rieng.j2" in message, message
    assert elapsed < bounds.MAX_SECONDS + MARGIN_SECONDS, elapsed
    assert "Traceback" not in message and len(message) < 600, message


def test_a_long_body_without_steps_is_stopped_by_the_clock(tmp_path):
    """Plain template text between steps costs no step: the wall clock stops it."""
    body = "{% if i %}{% endif %}" * 3000
    message, elapsed = _refusal(
        tmp_path, "{% for i in range(100000) %}{% for j in range(100000) %}" + body
        + "{% endfor %}{% endfor %}\n")
    assert f"chạy quá {bounds.MAX_SECONDS:g} giây" in message, message
    assert bounds.MAX_SECONDS <= elapsed < bounds.MAX_SECONDS + MARGIN_SECONDS


def test_every_loop_iteration_macro_call_and_include_is_a_step(tmp_path):
    from jinja2 import StrictUndefined

    from kehoach.render.sandbox import INCLUDE_STEPS, MACRO_STEPS, BoundedEnvironment

    env = BoundedEnvironment(finalize=str, undefined=StrictUndefined)
    env.from_string("{% for i in range(1000) %}{% endfor %}").render()
    loops = env.budget.steps
    assert 1000 <= loops <= 1010
    env.from_string("{% macro m() %}{% endmacro %}{% for i in range(100) %}{% set x = m() %}"
                    "{% endfor %}").render()
    assert env.budget.steps - loops >= 100 * (1 + MACRO_STEPS)
    before = env.budget.steps
    env.from_string("{% for i in range(1000) if i < 0 %}{% endfor %}").render()
    assert env.budget.steps - before >= 1000  # the loop filter is counted too
    folder = _custom(tmp_path, {"_p.j2": "x", "rieng.j2": "{% for i in range(10) %}"
                                "{% include '_p.j2' %}{% endfor %}"})
    from kehoach.render import templating

    env = templating.make_environment([folder], registry())
    templating.render_stream(env, "rieng.j2", {})
    assert env.budget.steps >= 10 * (1 + INCLUDE_STEPS)


def test_computed_include_of_a_missing_template_is_reported(tmp_path):
    message, _ = _refusal(tmp_path, "{% set n = '_khong' ~ '_co.j2' %}{% include n %}\n")
    assert "gọi mẫu không có" in message and "_khong_co.j2" in message


def test_self_including_template_is_refused(tmp_path):
    folder = _custom(tmp_path, {"rieng.j2": "muc a\n{% include 'rieng.j2' %}\n"})
    with pytest.raises(RenderError, match="lồng nhau quá sâu"):
        render_blocks(load_plan("ke-hoach"), registry(), template="rieng", search_dirs=[folder])


def test_include_fan_out_is_refused(tmp_path):
    files = {f"_{i}.j2": f"{{% include '_{i + 1}.j2' %}}{{% include '_{i + 1}.j2' %}}"
             for i in range(30)}
    files["_30.j2"] = "{% if false %}x{% endif %}"
    files["rieng.j2"] = "{% include '_0.j2' %}\n"
    folder = _custom(tmp_path, files)
    start = time.monotonic()
    with pytest.raises(RenderError, match=STOPPED):
        render_blocks(load_plan("ke-hoach"), registry(), template="rieng", search_dirs=[folder])
    assert time.monotonic() - start < bounds.MAX_SECONDS + MARGIN_SECONDS


# --- what stays allowed, with Python's own meaning ----------------------------------------------

ALLOWED = {
    "{{ '%s' % 5 }}": "5",
    "{{ '%05d' % 7 }}": "00007",
    "{{ '%*d|%-3s|%.2f' % (4, 3, 'x', 2.5) }}": "   3|x  |2.50",
    "{{ '%(a)s=%(b)03d' % {'a': 'k', 'b': 7} }}": "k=007",
    "{{ '%d%%'|format(5) }}": "5%",
    "{{ '%s-%s'|format('a', 'b') }}": "a-b",
    "{{ '{:>5}|{:.1f}'.format('a', 2.25) }}": "    a|2.2",
    "{{ '{a}{b}'.format_map({'a': 1, 'b': 2}) }}": "12",
    "{{ 'a' ~ 1 ~ [2] }}": "a1[2]",
    "{{ [1, 2]|join(',') }}": "1,2",
    "{{ ', '.join(['a', 'b']) }}": "a, b",
    "{{ 'abc'.upper() }} {{ 'Ab'|lower }} {{ 'x'.center(5) }}|": "ABC ab   x  |",
    "{{ range(5)|sum }} {{ [1.5, 2]|sum }}": "10 3.5",
    "{{ 'x' * 3 }} {{ [0] * 2 }} {{ 2 ** 10 }} {{ 7 // 2 }} {{ 7 % 3 }}": "xxx [0, 0] 1024 3 1",
    "{{ 'a-b'.replace('-', '+') }} {{ 'a-b'|replace('-', '') }}": "a+b ab",
    "{{ 'a\nb'|indent(2, true) }}": "  a\n  b",
    "{{ {'k': 1}.get('k') }} {{ {'k': 1}.items()|list }}": "1 [('k', 1)]",
    "{{ [3, 1, 2]|sort|join }} {{ [[1], [2]]|sum(attribute=0) }}": "123 3",
    "{{ [1, 2, 3]|batch(2, 0)|list }} {{ [1, 2, 3]|slice(2)|list }}":
        "[[1, 2], [3, 0]] [[1, 2], [3]]",
    "{% for x in [1, 2, 3] if x > 1 %}{{ x }}{% endfor %}": "23",
    "{% macro m(n) %}<{{ n }}>{% endmacro %}{{ m(1) }}{{ m(2) }}": "<1><2>",
    "{{ 2 ** 13000 > 0 }}": "True",
    "{{ van_ban.ngay_ban_hanh.isoformat() }}": "2021-12-31",
}


@pytest.mark.parametrize("expression,expected", list(ALLOWED.items()), ids=list(ALLOWED))
def test_ordinary_template_code_keeps_its_meaning(expression, expected):
    from jinja2 import StrictUndefined

    from kehoach.render import context
    from kehoach.render.sandbox import BoundedEnvironment

    env = BoundedEnvironment(finalize=lambda value: value, undefined=StrictUndefined)
    template = env.from_string(expression)  # the test's own text, not a plan's
    assert template.render(context.build(load_plan("ke-hoach"), registry())) == expected


PRINTF_CASES = [
    ("%s", 5), ("%5s|%-5s|%.2s", ("ab", "cd", "efg")), ("%d %i %o %x %X %e %g %c", (1, 2, 8,
     255, 255, 1.5, 2.5, 65)), ("%r %a", ("é", "é")), ("%%", ()), ("%(x)s %(x)r", {"x": "y"}),
    ("%+05.1f", 2.25), ("%#x", 255), ("% d", 3), ("%s", (1, 2)), ("%s %s", (1,)), ("%d", "x"),
    ("x", ()), ("x", 5), ("%z", 1), ("%", 1), ("%(a)s", 1), ("%*.*f", (8, 3, 3.14159)),
    ("%c", 0x110000), ("%.3s|%5.1s", ("abcdef", "xyz")),
]


@pytest.mark.parametrize("template,args", PRINTF_CASES)
def test_bounded_printf_is_pythons_percent(template, args):
    """``bounds.printf`` answers (or fails) exactly as Python's ``%`` does."""
    try:
        expected: object = template % args
    except Exception as err:  # the comparison is the point
        expected = type(err)
    try:
        got: object = bounds.printf(bounds.Budget(), template, args)
    except Exception as err:
        got = type(err)
    if {expected, got} == {ValueError, TypeError}:
        got = expected  # both say "this format is wrong"; which one may differ
    assert got == expected


def test_legitimate_large_plan_stays_far_from_the_limits(tmp_path):
    """A plan of 2,000 tasks renders with the packaged templates using a fraction of each bound."""
    from forkrun import plan_text

    from kehoach.load.document import load_document
    from kehoach.render import context, templating

    path = tmp_path / "lon.yaml"
    path.write_text(plan_text(2000).replace("ls.ubnd", "lang-son.ubnd-tinh").replace(
        "ls.snv", "lang-son.so-noi-vu"), encoding="utf-8")
    plan = load_document(path).plan
    assert plan is not None
    folders, name = templating.resolve(None, plan.mau, plan.loai.value, [])
    env = templating.make_environment(folders, registry())
    stream = templating.render_stream(env, name, context.build(plan, registry()))
    assert stream.count("\nmuc ") >= 2000
    assert env.budget.steps < bounds.MAX_STEPS / 100
    assert env.budget.output < bounds.MAX_OUTPUT / 20


# --- templates are read only from inside their folder --------------------------------------------


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "outside" / "secret.txt"
    path.parent.mkdir()
    path.write_text("muc BÍ-MẬT-NGOÀI-KHO\n", encoding="utf-8")
    return path


def _symlink(link: Path, target: Path) -> None:
    try:
        link.symlink_to(target)
    except (OSError, NotImplementedError) as err:  # Windows without the privilege
        pytest.skip(f"symlinks unavailable: {err}")


def test_include_through_a_symlink_leaving_the_folder_is_refused(tmp_path, secret):
    folder = _custom(tmp_path, {"ke_hoach.j2": "muc a\n{% include '_x.j2' %}\n"})
    _symlink(folder / "_x.j2", secret)
    with pytest.raises(RenderError, match="trỏ ra ngoài thư mục mẫu") as err:
        render_blocks(load_plan("ke-hoach"), registry(), search_dirs=[folder])
    assert "BÍ-MẬT" not in str(err.value)


def test_overriding_template_as_a_symlink_leaving_the_folder_is_refused(tmp_path, secret):
    folder = tmp_path / "templates"
    folder.mkdir()
    _symlink(folder / "ke_hoach.j2", secret)
    with pytest.raises(RenderError, match="trỏ ra ngoài thư mục mẫu"):
        render_blocks(load_plan("ke-hoach"), registry(), search_dirs=[folder])


def test_symlink_inside_the_folder_is_followed(tmp_path):
    folder = _custom(tmp_path, {"ke_hoach.j2": "{% include '_lien_ket.j2' %}\n",
                                "_that.j2": "muc NỘI-DUNG-THẬT\n"})
    _symlink(folder / "_lien_ket.j2", folder / "_that.j2")
    blocks = render_blocks(load_plan("ke-hoach"), registry(), search_dirs=[folder])
    assert [b.style for b in blocks] == ["muc"]


def test_templates_folder_that_is_a_symlink_out_of_the_repository_is_refused(tmp_path, secret):
    repo = tmp_path / "kho"
    repo.mkdir()
    (secret.parent / "ke_hoach.j2").write_text("muc BÍ-MẬT\n", encoding="utf-8")
    _symlink(repo / "templates", secret.parent)
    with pytest.raises(RenderError, match="trỏ ra ngoài kho"):
        render_blocks(load_plan("ke-hoach"), registry(), search_dirs=[repo / "templates"])


@pytest.mark.parametrize("name", ["../outside/secret.txt", "/etc/passwd", "a/../../x.j2",
                                  "..\\outside\\secret.txt"])
def test_include_names_cannot_climb_out(tmp_path, secret, name):
    folder = _custom(tmp_path, {"ke_hoach.j2": f"{{% include {name!r} %}}\n"})
    with pytest.raises(RenderError) as err:
        render_blocks(load_plan("ke-hoach"), registry(), search_dirs=[folder])
    assert "BÍ-MẬT" not in str(err.value)


def test_template_path_given_by_the_user_may_be_a_symlink(tmp_path):
    real = tmp_path / "mau-that"
    real.mkdir()
    (real / "rieng.j2").write_text("{% include '_phan.j2' %}\n", encoding="utf-8")
    (real / "_phan.j2").write_text("muc PHẦN\n", encoding="utf-8")
    _symlink(tmp_path / "loi-tat.j2", real / "rieng.j2")
    blocks = render_blocks(load_plan("ke-hoach"), registry(), template=tmp_path / "loi-tat.j2")
    assert [b.style for b in blocks] == ["muc"]


def test_oversized_template_is_refused(tmp_path):
    folder = _custom(tmp_path, {"ke_hoach.j2": "muc a\n" + "{# x #}" * 200_000})
    with pytest.raises(RenderError, match="lớn hơn 1 MiB"):
        render_blocks(load_plan("ke-hoach"), registry(), search_dirs=[folder])


def test_template_that_is_not_utf8_is_refused(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "ke_hoach.j2").write_bytes(b"muc K\xea ho\xe1ch\n")  # Latin-1, not UTF-8
    with pytest.raises(RenderError, match="UTF-8"):
        render_blocks(load_plan("ke-hoach"), registry(), search_dirs=[folder])


def test_folder_named_like_a_template_is_refused(tmp_path):
    folder = tmp_path / "templates"
    (folder / "ke_hoach.j2").mkdir(parents=True)
    with pytest.raises(RenderError, match="không phải tệp thường"):
        render_blocks(load_plan("ke-hoach"), registry(), search_dirs=[folder])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX-only")
def test_fifo_named_like_a_template_is_refused_without_hanging(tmp_path):
    import subprocess

    folder = tmp_path / "templates"
    folder.mkdir()
    os.mkfifo(folder / "ke_hoach.j2")
    code = ("import sys; sys.path.insert(0, 'tests'); from pathlib import Path\n"
            "from test_render_support import load_plan, registry\n"
            "from kehoach.render import RenderError, render_blocks\n"
            "try:\n"
            f"    render_blocks(load_plan('ke-hoach'), registry(),\n"
            f"                  search_dirs=[Path({str(folder)!r})])\n"
            "except RenderError as err:\n    print(err)\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, cwd=ROOT, encoding="utf-8")
    assert "không phải tệp thường" in run.stdout, run.stdout + run.stderr


# --- plan and registry text never reaches Jinja as code ------------------------------------------


def test_no_code_path_compiles_text_other_than_template_files():
    """Only ``templating`` builds templates, and only from the loader (files), never from data."""
    pattern = re.compile(r"from_string|compile_expression|\bTemplate\(|\benv\w*\.compile\(|"
                         r"Environment\(")
    found = [f"{p.relative_to(ROOT).as_posix()}:{line.strip()}"
             for p in (ROOT / "kehoach").rglob("*.py")
             for line in p.read_text(encoding="utf-8").splitlines()
             if pattern.search(line) and not line.startswith("class ")]
    assert found == [  # the .docx templates' environment, and the web view's
        "kehoach/render/templating.py:env = BoundedEnvironment(",
        "kehoach/render/templating.py:env = BoundedEnvironment(loader=ContainedLoader(folders), "
        "finalize=finalize,"]


def test_registry_names_with_template_syntax_print_literally(tmp_path):
    from kehoach.load.document import load_document
    from kehoach.plan.registry import Registry

    hostile = "Sở {{ 7*7 }} {% for x in range(3) %}x{% endfor %} {{ cycler.__init__ }}"
    reg_path = tmp_path / "co-quan.yaml"
    reg_path.write_text(f"co_quan:\n  - id: ls.ubnd\n    ten: {_quoted(hostile)}\n"
                        f"    ten_in: {_quoted(hostile)}\n    viet_tat: {_quoted(hostile)}\n",
                        encoding="utf-8")
    doc = load_document(reg_path)
    assert doc.registry is not None, doc.diagnostics
    plan_path = tmp_path / "a.yaml"
    plan_path.write_text("loai: ke_hoach\nco_quan_ban_hanh: [ls.ubnd]\ntrich_yeu: Thử\n",
                         encoding="utf-8")
    plan = load_document(plan_path).plan
    assert plan is not None
    folder = _custom(tmp_path, {"rieng.j2": "{% set i = tieu_de.co_quan[0].id %}"
                                "muc {{ i|ten_co_quan }}|{{ i|ten_in }}|{{ i|viet_tat }}\n"
                                "muc {{ tieu_de.co_quan[0].ten }}\n"})
    blocks = render_blocks(plan, Registry.from_bodies(doc.registry.co_quan), template="rieng",
                           search_dirs=[folder])
    texts = ["".join(run.text for cell in b.cells for run in cell) for b in blocks]
    assert texts == [f"{hostile}|{hostile}|{hostile}", hostile]


def _quoted(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def test_jinja_without_the_known_sandbox_escapes_is_required():
    """CVE-2025-27516 is fixed in Jinja 3.1.6: the package requires it, and it is installed."""
    import tomllib
    from importlib.metadata import version

    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "jinja2>=3.1.6" in meta["project"]["dependencies"]
    installed = tuple(int(p) for p in re.findall(r"\d+", version("jinja2"))[:3])
    assert installed >= (3, 1, 6)


# --- the same through the CLI: exit 1 with the message, bounded memory and time -------------------

CLI_CASES = ["nested-range", "list-times-join", "printf-filter-width", "indent-filter", "power",
             "many-built-values", "print-shared-list", "stream-output", "macro-recursion",
             "integer-literal", "cve-2025-27516"]
MEMORY_LIMIT = 256 * 1024 * 1024  # address space of the whole process, Jinja and python-docx in


@pytest.fixture(scope="module")
def server():
    pytest.importorskip("resource")
    from forkrun import ForkServer

    with ForkServer() as fs:
        yield fs


def _repo(tmp_path: Path, template: str) -> Path:
    from forkrun import REGISTRY as SAMPLE_REGISTRY
    from forkrun import plan_text

    (tmp_path / "plans").mkdir(parents=True)
    (tmp_path / "kehoach.toml").write_text("", encoding="utf-8")
    (tmp_path / "plans" / "co-quan.yaml").write_text(SAMPLE_REGISTRY, encoding="utf-8")
    (tmp_path / "plans" / "a.yaml").write_text(plan_text(), encoding="utf-8")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "ke_hoach.j2").write_text(template, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("name", CLI_CASES)
def test_cli_render_of_a_hostile_template_exits_1_with_the_message(server, tmp_path, name):
    body, fragment = HOSTILE[name]
    repo = _repo(tmp_path, f"muc {body}\n")
    run = server.run(["render", "plans/a.yaml", "-o", "out.docx"], cwd=repo,
                     rlimits={"AS": MEMORY_LIMIT}, timeout=60)
    assert not run.timed_out and run.signal is None, run
    assert run.code == 1, run.output
    assert run.stderr.startswith("Lỗi: ") and re.search(fragment, run.stderr), run.output
    assert "templates/ke_hoach.j2" in run.stderr.replace(os.sep, "/")
    assert "Traceback" not in run.output and "Lỗi nội bộ" not in run.output, run.output
    assert run.elapsed < bounds.MAX_SECONDS + MARGIN_SECONDS + 2, run.elapsed
    assert not (repo / "out.docx").exists()


def test_cli_render_never_prints_a_file_outside_the_templates_folder(server, tmp_path, secret):
    repo = _repo(tmp_path / "kho", "muc a\n{% include '_x.j2' %}\n")
    _symlink(repo / "templates" / "_x.j2", secret)
    run = server.run(["render", "plans/a.yaml", "-o", "out.docx"], cwd=repo, timeout=60)
    assert run.code == 1 and "trỏ ra ngoài thư mục mẫu" in run.stderr, run.output
    assert "BÍ-MẬT" not in run.output and not (repo / "out.docx").exists()
