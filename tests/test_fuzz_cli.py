"""Fuzzing through the command line: `check`, `fmt` and `deadline` never end in a traceback.

Every generated input is handed to the real CLI (``kehoach.cli.main`` in a separate process,
forked from a warm server: ``tests/forkrun.py``) and must end with exit 0, 1 or 2 — with
positioned diagnostics when it is 1 — and never with a traceback or "Lỗi nội bộ" (exit 3).
Inputs: structured plans mutated (keys deleted, types swapped, random Unicode — NFD, RTL,
emoji, control characters — huge strings, deep nesting, CRLF, BOM), text-level damage and raw
bytes. In-process properties complete it: ``fmt`` never changes the meaning of a valid plan
(the kehoach loader reads the same data back) and never raises on an invalid one, whose file
is then left byte-identical.

Every input that once failed is kept in ``tests/data/fuzz-corpus/`` (shared with
``test_fuzz_check.py``) and replayed here through the CLI too.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from forkrun import ForkServer, fmt_command
from fuzzing import IN_PROCESS, InProcess, dump, fuzz_settings
from hypothesis import assume, given
from hypothesis import strategies as st

from kehoach.edit.fmt import FmtError, format_file, format_text, same_data
from kehoach.edit.upgrade import current_data
from kehoach.load.parse import parse
from tests.conftest import DATA, REGISTRY

CORPUS = DATA / "fuzz-corpus"

# Example counts per `make test`, quoted in docs/guarantees.md: keep them in step.
# KEHOACH_FUZZ_SCALE multiplies them (tests/fuzzing.py; `make fuzz` runs 64 times as many).
CLI_EXAMPLES = 80  # files through `check` + `fmt --check` + `fmt` + `tasks` (4 runs each)
DEADLINE_EXAMPLES = 60  # phrases through `deadline` (and `deadline --json`)
FMT_MEANING_EXAMPLES = 150  # valid fuzzed plans: load(fmt(x)) == load(x), idempotent
FMT_INVALID_EXAMPLES = 150  # invalid fuzzed files: fmt reports, never raises or writes

CLI = fuzz_settings(CLI_EXAMPLES)

# --- what is thrown at it -------------------------------------------------------------------

WORDS = ["Tổ chức", "hội nghị", "sơ kết", "Sở Nội vụ", "Ủy ban nhân dân", "trước ngày",
         "quý II/2023", "hằng năm", "Đoàn TNCS Hồ Chí Minh", "thực hiện", "báo cáo", "tỉnh"]
SPECIALS = [
    "\u202eRTL ثبت شده\u202c", "עברית בתוך câu", "🎉🇻🇳👨‍👩‍👧", "\x07\x1b[31m\x7f",
    "\x85\u2028\u2029",
    "\ufeffBOM giữa dòng", "\u200b\u200d\u2060", "no", "yes", "~", "0123", "1:30", "1e3", ".inf",
    "2023-02-30", "{{ 7*7 }}", "{% import os %}", "!!python/object:os.system", "$(rm -rf /)",
    "`id`", "&a *a", "- - -", "? x", "[^1]", "**", "\\", '"', "'", "#", "a: b", "---", "...",
    "Ω" * 300,
]
VIET = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)
TEXT = st.one_of(
    st.text(max_size=30),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=30),
    VIET,
    VIET.map(lambda s: unicodedata.normalize("NFD", s)),
    st.sampled_from(SPECIALS),
    st.builds(lambda c, n: c * n, st.sampled_from(["x", "Ω", "ừ", "🎉", " \\"]),
              st.integers(1000, 30_000)),  # huge strings
)
SCALAR = st.one_of(TEXT, st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False),
                   st.dates().map(lambda d: d.isoformat()), st.dates())
IDS = ["ls.ubnd", "ls.snv", "ls.tinh-doan", "ls.cac-so", "khong.co"]


def _task(i: int) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"id": st.just(f"fz-{i}"), "chu_tri": st.sampled_from(IDS[:4])},
        optional={
            "thoi_han": st.one_of(TEXT, st.sampled_from(["trước ngày 30/6/2024", "quý III/2024",
                                                         "định kỳ trước ngày 15/11 hằng năm"])),
            "phoi_hop": st.lists(st.sampled_from(IDS), max_size=2),
            "san_pham": TEXT,
            "hoan_thanh": st.lists(st.fixed_dictionaries(
                {"ngay_hoan_thanh": st.dates(dt.date(2020, 1, 1), dt.date(2025, 1, 1))},
                optional={"co_quan": st.sampled_from(IDS), "ky": st.integers(2020, 2026)}),
                max_size=2),
        },
    )


ITEM = st.recursive(
    st.fixed_dictionaries({"noi_dung": TEXT}, optional={"so": st.sampled_from(
        ["I.", "1.", "a)", "-", "+", "*", "1.1.", "đ)"]), "nhan": TEXT}),
    lambda kids: st.fixed_dictionaries({"noi_dung": TEXT}, optional={
        "so": st.sampled_from(["II.", "2.", "b)", "-"]),
        "muc": st.lists(kids, max_size=3),
        "nhiem_vu": st.lists(st.integers(0, 9).flatmap(_task), max_size=2, unique_by=lambda t:
                             t["id"]),
    }),
    max_leaves=10,
)

PLAN = st.fixed_dictionaries(
    {"loai": st.sampled_from(["ke_hoach", "chuong_trinh", "quy_che"]),
     "co_quan_ban_hanh": st.lists(st.sampled_from(IDS[:3]), min_size=1, max_size=2, unique=True),
     "trich_yeu": TEXT},
    optional={
        "so_ky_hieu": st.sampled_from(["12/KH-UBND", "3/CTr-UBND", "", "12-KH/TĐTN"]),
        "dia_danh": TEXT,
        "ngay_ban_hanh": st.dates(dt.date(2015, 1, 1), dt.date(2030, 1, 1)),
        "du_thao": st.booleans(),
        "giai_doan": st.fixed_dictionaries({"tu": st.integers(2018, 2030),
                                            "den": st.integers(2018, 2030)}),
        "can_cu": st.lists(st.fixed_dictionaries({"noi_dung": TEXT}), max_size=2),
        "mo_dau": TEXT,
        "phan": st.lists(ITEM, max_size=3),
        "noi_nhan": st.lists(TEXT, max_size=3),
        "chu_ky": st.lists(st.fixed_dictionaries(
            {"quyen_han": TEXT, "chuc_vu": TEXT, "nguoi_ky": TEXT}), max_size=2),
        "ghi_chu": TEXT,
    },
)


def _paths(data: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [here]
    if isinstance(data, dict):
        for k, v in data.items():
            out += _paths(v, (*here, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _paths(v, (*here, i))
    return out


def _nest(value: Any, depth: int) -> Any:
    for _ in range(depth):
        value = [value]
    return value


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    """A plan with 0–4 structural mutations anywhere in its tree."""
    data: Any = copy.deepcopy(draw(PLAN))
    for _ in range(draw(st.integers(0, 4))):
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        action = draw(st.sampled_from(["delete", "swap", "scalar", "nest", "rename"]))
        if action == "delete":
            del parent[last]
        elif action == "swap":
            parent[last] = draw(st.sampled_from([[], {}, [1, "a"], {"a": 1}, {"noi_dung": 1}]))
        elif action == "scalar":
            parent[last] = draw(SCALAR)
        elif action == "nest":  # up to well past MAX_DEPTH (100)
            parent[last] = _nest(parent[last], draw(st.integers(1, 140)))
        elif isinstance(parent, dict):
            parent[draw(TEXT)] = parent.pop(last)
    return data


def _dump(data: Any, draw: st.DrawFn) -> str:
    return dump(data, allow_unicode=draw(st.booleans()), sort_keys=draw(st.booleans()),
                default_flow_style=draw(st.sampled_from([None, False, True])),
                width=draw(st.sampled_from([30, 80, 10**6])))


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    """A dumped plan, then damaged as text: lines dropped, repeated, re-indented, tabbed."""
    lines = _dump(draw(PLAN), draw).splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        how = draw(st.sampled_from(["drop", "repeat", "indent", "dedent", "tab", "junk"]))
        if how == "drop":
            del lines[i]
        elif how == "repeat":
            lines.insert(i, lines[i])
        elif how == "indent":
            lines[i] = " " * draw(st.integers(1, 5)) + lines[i]
        elif how == "dedent":
            lines[i] = lines[i].lstrip(" ")
        elif how == "tab":
            lines[i] = "\t" + lines[i].lstrip(" ")
        else:
            lines.insert(i, draw(st.sampled_from(SPECIALS)) + "\n")
    return "".join(lines).encode("utf-8")


@st.composite
def dressed(draw: st.DrawFn) -> bytes:
    """A mutated plan, dumped, in a random dress: NFD, CRLF, BOM, a huge line, junk bytes."""
    text = _dump(draw(mutated()), draw)
    if draw(st.booleans()):
        text = unicodedata.normalize(draw(st.sampled_from(["NFD", "NFKC"])), text)
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    raw = text.encode("utf-8")
    extra = draw(st.sampled_from(["none", "none", "bom", "bom2", "long", "bytes", "value"]))
    if extra == "bom":
        raw = b"\xef\xbb\xbf" + raw
    elif extra == "bom2":
        raw = b"\xef\xbb\xbf\xef\xbb\xbf" + raw
    elif extra == "long":  # past MAX_LINE (100,000 characters)
        raw += b"ghi_chu: " + b"a" * draw(st.sampled_from([99_990, 100_001, 150_000])) + b"\n"
    elif extra == "bytes":
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.binary(min_size=1, max_size=6)) + raw[at:]
    elif extra == "value":  # a value past kehoach.plan.limits, written as YAML text
        raw += draw(HOSTILE_VALUES).encode("utf-8")
    return raw


HOSTILE_VALUES = st.one_of(
    st.integers(1, 6000).map(lambda n: f"ghi_chu: {'9' * n}\n"),
    st.sampled_from(["\\0", "\\v", "\\x1f", "\\e[2K", "\\x7f", "\\u0085", "\\uFFFE",
                     "\\uFEFF", "\\t"]).map(lambda e: f'ghi_chu: "a{e}b"\n'),
    st.tuples(st.integers(-10**12, 10**12), st.integers(-10**12, 10**12)).map(
        lambda p: f"giai_doan: {{tu: {p[0]}, den: {p[1]}}}\n"),
    st.dates().map(lambda d: f"ngay_ban_hanh: {d.isoformat()}\n"),
    st.integers(14_990, 15_010).map(lambda n: f"mo_dau: {'ừ' * n}\n"),
)


INPUTS = st.one_of(
    dressed(),
    damaged(),
    st.binary(max_size=1500),
    st.text(alphabet="[]{}-?:, \n\t\"'&*!|>#a%@`", max_size=200).map(str.encode),
)

# --- the CLI --------------------------------------------------------------------------------

_DIAG = re.compile(r"^plans/fuzz\.yaml:\d+:\d+: \[(error|warning)\] .+ \([a-z0-9-]+\)$", re.M)


@pytest.fixture(scope="module")
def server():
    with InProcess() if IN_PROCESS else ForkServer() as fs:
        yield fs


@pytest.fixture(scope="module")
def fuzz_repo(tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzz-cli")
    (root / "plans").mkdir()
    (root / "plans" / "co-quan.yaml").write_text(REGISTRY, encoding="utf-8")
    (root / "kehoach.toml").write_text("", encoding="utf-8")
    return root


def assert_clean(run, what: str, raw: bytes) -> None:
    """Exit 0/1/2, no traceback, no internal error; exit 1 comes with diagnostics."""
    shown = f"{what}: exit {run.code} signal {run.signal}\n{run.output[-3000:]}\n{raw[:300]!r}"
    assert not run.timed_out, shown
    assert run.code in (0, 1, 2), shown
    assert "Traceback" not in run.output, shown
    assert "Lỗi nội bộ" not in run.output, shown


def load_data(raw: bytes) -> Any:
    from kehoach.load.document import Document, load_text

    return load_text(Document(Path("fuzz.yaml"), "fuzz.yaml"), raw)


def run_all(server: ForkServer, root: Path, raw: bytes, as_of: dt.date | None = None) -> None:
    try:
        _run_all(server, root, raw, as_of)
    except AssertionError as exc:  # keep the input: it belongs in the corpus once fixed
        import hashlib
        import tempfile

        keep = Path(os.environ.get("KEHOACH_FUZZ_FAILURES", tempfile.gettempdir()))
        name = keep / f"kehoach-fuzz-{hashlib.sha1(raw).hexdigest()[:12]}.yaml"
        name.write_bytes(raw)
        raise AssertionError(f"{exc}\n(input saved as {name})") from None


def _run_all(server: ForkServer, root: Path, raw: bytes, as_of: dt.date | None) -> None:
    path = root / "plans" / "fuzz.yaml"
    path.write_bytes(raw)
    run = server.run(["check", "--format", "plain", "plans/fuzz.yaml"], cwd=root)
    assert_clean(run, "check", raw)
    if run.code == 1:
        assert _DIAG.search(run.stdout), run.output
    if as_of is not None:  # the tracker reads the plan without check's rules
        run = server.run(["tasks", "--as-of", as_of.isoformat(), "plans/fuzz.yaml"], cwd=root)
        assert_clean(run, "tasks", raw)
    argv, code = fmt_command("plans/fuzz.yaml", check_only=True)
    run = server.run(argv, code=code, cwd=root)
    assert_clean(run, "fmt --check", raw)
    assert path.read_bytes() == raw, "fmt --check wrote the file"
    argv, code = fmt_command("plans/fuzz.yaml")
    run = server.run(argv, code=code, cwd=root)
    assert_clean(run, "fmt", raw)
    after = path.read_bytes()
    before_doc = load_data(raw)
    if any(d.is_error for d in before_doc.diagnostics):
        assert after == raw, "fmt rewrote an invalid file"
        assert run.code == 1
    else:  # fmt never changes meaning (it upgrades an older format: the data it means)
        after_doc = load_data(after)
        assert not any(d.is_error for d in after_doc.diagnostics), after_doc.diagnostics
        assert same_data(after_doc.data, current_data(before_doc))


@pytest.mark.filterwarnings("ignore:Generating overly large repr")
@CLI
@given(raw=INPUTS, as_of=st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31)))
def test_cli_check_and_fmt_never_crash(server, fuzz_repo, raw, as_of):
    run_all(server, fuzz_repo, raw, as_of)


CORPUS_CASES = sorted(CORPUS.glob("*")) if CORPUS.is_dir() else []


@pytest.mark.parametrize("case", CORPUS_CASES, ids=[p.name for p in CORPUS_CASES])
def test_cli_regression_corpus(server, fuzz_repo, case):
    run_all(server, fuzz_repo, case.read_bytes())


PHRASE = st.one_of(
    TEXT,
    st.lists(st.sampled_from(
        ["trước", "ngày", "tháng", "năm", "quý", "II", "IV", "/", "-", "hằng", "định kỳ", "từ",
         "đến", "31/02/2023", "29/2/2100", "0/0/0", "99/99/9999", "15/11", "2023", "tuần",
         "6 tháng đầu năm", "**", "[^1]", "dự kiến", "chậm nhất", "hết", "1e9", "9" * 40]),
        min_size=1, max_size=8).map(" ".join),
).filter(lambda s: "\x00" not in s)


@fuzz_settings(DEADLINE_EXAMPLES)
@given(phrase=PHRASE, as_json=st.booleans(),
       as_of=st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31)),
                       st.dates()))  # any day: outside 1900–2199, a usage error
def test_cli_deadline_never_crashes(server, fuzz_repo, phrase, as_json, as_of):
    argv = ["deadline", *(["--json"] if as_json else []),
            *(["--as-of", as_of.isoformat()] if as_of else []), "--", phrase]
    run = server.run(argv, cwd=fuzz_repo)
    assert_clean(run, "deadline", phrase.encode("utf-8", "surrogatepass"))
    assert run.output.strip(), "no answer at all"


# --- fmt in process: meaning kept, invalid input refused ------------------------------------


def _valid(text: str) -> bool:
    from kehoach.load.document import Document, load_text

    doc = load_text(Document(Path("a.yaml"), "a.yaml"), text.encode("utf-8"))
    return not any(d.is_error for d in doc.diagnostics)


@st.composite
def valid_plan_text(draw: st.DrawFn) -> str:
    text = _dump(draw(PLAN), draw)
    if draw(st.booleans()):
        text = unicodedata.normalize("NFD", text)
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return text


@fuzz_settings(FMT_MEANING_EXAMPLES)
@given(valid_plan_text())
def test_fmt_never_changes_meaning(text):
    assume(_valid(text))
    once = format_text(text)
    before, after = load_data(text.encode("utf-8")), parse(once)
    assert not after.problems
    assert same_data(after.data, current_data(before))
    assert unicodedata.is_normalized("NFC", once)
    assert ("\r\n" in once) == ("\r\n" in text)
    assert format_text(once) == once


@fuzz_settings(FMT_INVALID_EXAMPLES)
@given(raw=st.one_of(dressed(), damaged(), st.binary(max_size=800)))
def test_fmt_never_raises_and_never_writes_an_invalid_file(tmp_path, raw):
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(raw)
    result = format_file(path)  # must not raise, whatever the bytes
    for d in result.diagnostics:
        assert d.line >= 1 and d.column >= 1 and d.message and d.code
    if not result.ok:
        assert path.read_bytes() == raw and not result.written
        assert not any("Lỗi nội bộ" in d.message for d in result.diagnostics), result.diagnostics
    try:
        format_text(raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    except FmtError as exc:  # a refusal, with the diagnostics that say why
        assert exc.diagnostics, exc.message_vi
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


# --- the harness itself ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["control-character-first.yaml", "double-bom.yaml"])
def test_fork_server_runs_match_python_m_kehoach(server, fuzz_repo, name):
    """A forked run and a real ``python -m kehoach`` give the same exit code and output."""
    import subprocess
    import sys

    (fuzz_repo / "plans" / "fuzz.yaml").write_bytes((CORPUS / name).read_bytes())
    argv = ["check", "--format", "plain", "plans/fuzz.yaml"]
    forked = server.run(argv, cwd=fuzz_repo)
    real = subprocess.run([sys.executable, "-m", "kehoach", *argv], cwd=fuzz_repo,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert (forked.code, forked.stdout, forked.stderr) == (real.returncode, real.stdout,
                                                           real.stderr)
    assert forked.code == 1 and forked.stdout
