"""The benchmark: kehoach against the floor (reading the YAML itself), interleaved.

``make bench`` (or ``python -m bench.run --corpus both --plans 1000,5000``) generates the
corpora — the synthetic one (bench/corpus.py) and one built from the real plans in ``plans/``
(bench/realcorpus.py) — then, for each corpus and size, runs every measurement once per round,
round after round, so that the machine's drift hits all of them alike. Each run is timed by
bench/measure.py: wall time, CPU of the whole process tree, peak memory summed over it. It
prints, per measurement, the median and the range over rounds of the ratio to the floor (wall
and CPU), the peak memory, the load average around the runs and, when two sizes ran, the growth
exponent (log of the time ratio over log of the size ratio: 1.0 is linear), and writes
everything to ``bench/results/latest.json``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.corpus import write_corpus
from bench.deadline_share import deadline_share
from bench.realcorpus import write_real_corpus

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
KEHOACH = [PY, "-m", "kehoach"]
# Start-up is timed through the installed command, as officials run it.
KEHOACH_SCRIPT = shutil.which("kehoach", path=str(Path(PY).parent)) or "kehoach"
TYPER = "python -c 'import typer'"
FLOOR = "floor: CSafeLoader load (1 core)"
FLOOR_CODE = (
    "import pathlib, yaml\n"
    "for p in sorted(pathlib.Path('plans').rglob('*.yaml')):\n"
    "    yaml.load(p.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)\n"
)
AS_OF = "2024-06-30"
ONCE = ("check-jsonschema", "render plans/")  # long runs: the first round places them
SITE = "kehoach site (≤ 2× summary cold)"


@dataclass
class Bench:
    name: str
    argv: list[str]
    cwd: Path
    before: list[str] | None = None  # run (untimed) before each timing, e.g. clear a cache
    ok_codes: tuple[int, ...] = (0, 1)
    startup: bool = False  # a start-up cost: its target is a ratio to ``import typer``
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rss_kb: list[int] = field(default_factory=list)
    pss_kb: list[int] = field(default_factory=list)


def measure(bench: Bench) -> None:
    if bench.before:
        subprocess.run(bench.before, cwd=bench.cwd, check=False, capture_output=True)
    out = subprocess.run([PY, str(ROOT / "bench" / "measure.py"), *bench.argv], cwd=bench.cwd,
                         capture_output=True, text=True, check=True)
    got = json.loads(out.stdout)
    if got["code"] not in bench.ok_codes:
        raise SystemExit(f"{bench.name}: exit {got['code']}\n{out.stderr}")
    bench.times.append(got["wall_s"])
    bench.cpu.append(got["cpu_s"])
    bench.rss_kb.append(got["peak_rss_kb"])
    bench.pss_kb.append(got["peak_pss_kb"])


def _remove(path: Path, tree: bool = False) -> list[str]:
    code = (f"import shutil; shutil.rmtree({str(path)!r}, ignore_errors=True)" if tree else
            f"import os, contextlib\nwith contextlib.suppress(OSError): os.remove({str(path)!r})")
    return [PY, "-c", code]


def _remove_trees(*paths: Path) -> list[str]:
    code = f"import shutil\nfor p in {[str(p) for p in paths]!r}:\n    shutil.rmtree(p, True)"
    return [PY, "-c", code]


def _query(corpus: Path, name: str, args: list[str], clear: list[str] | None,
           ok: tuple[int, ...] = (0, 1)) -> Bench:
    return Bench(name, [*KEHOACH, *args, "--as-of", AS_OF], corpus, before=clear, ok_codes=ok)


def benches(corpus: Path, cache: Path, agency: str, work: Path, word: Path) -> list[Bench]:
    # "cold" queries: no cached rows, nor the registry kept beside them; the task-id index of
    # `check` is another cache, left alone
    clear = _remove_trees(cache / "rows", cache / "registry")
    no_db = _remove(cache / "check.sqlite")  # check's: task-id index, findings, fmt's verdicts
    one_plan = min((corpus / "plans").rglob("*-*0000.yaml"))
    largest = ROOT / "plans" / "lang-son-253-kh-ubnd-2021.yaml"
    every = ["--role", "tat-ca", "--format", "json"]
    by_agency = ["--agency", agency, "--format", "json"]
    by_name = ["overdue", "--agency", "Sở Nội vụ Lạng Sơn", "--format", "json"]
    found = [
        Bench(FLOOR, [PY, "-c", FLOOR_CODE], corpus),
        Bench("kehoach check (cold)", [*KEHOACH, "check", "-f", "plain"], corpus, before=no_db),
        Bench("kehoach check (nothing changed)", [*KEHOACH, "check", "-f", "plain"], corpus),
        Bench("kehoach fmt --check (cold)", [*KEHOACH, "fmt", "--check", "plans"], corpus,
              before=no_db),
        Bench("kehoach fmt --check (nothing changed)", [*KEHOACH, "fmt", "--check", "plans"],
              corpus),
        _query(corpus, "kehoach overdue --agency (cold)", ["overdue", *by_agency], clear),
        _query(corpus, "kehoach overdue --agency (warm)", ["overdue", *by_agency], None),
        _query(corpus, "kehoach overdue, all agencies (cold)", ["overdue", *every], clear),
        _query(corpus, "kehoach overdue, all agencies (warm)", ["overdue", *every], None),
        _query(corpus, "kehoach tasks, all agencies (warm)", ["tasks", *every], None),
        # A name, not an id: the name index; a name several provinces share: which plans write
        # which (exit 2 lists them), from the per-file record, then rebuilt from the files.
        _query(corpus, "kehoach overdue --agency NAME (warm)", by_name,
               [*KEHOACH, *by_name, "--as-of", AS_OF]),  # asked once first: the cache keys
        # the bodies asked, and the cold runs before it have just emptied the cache
        _query(corpus, "kehoach overdue --agency SHARED (warm)",
               ["overdue", "--agency", "Sở Nội vụ"], None, ok=(0, 1, 2)),
        _query(corpus, "kehoach overdue --agency SHARED (cold)", ["overdue", "--agency",
               "Sở Nội vụ"], _remove(cache / "body-mentions.json"), ok=(0, 1, 2)),
        _query(corpus, "kehoach summary (cold)", ["summary", "--format", "json"], clear),
        _query(corpus, "kehoach summary (warm)", ["summary", "--format", "json"], None),
        _query(corpus, SITE, ["site", "-o", str(work / "site")], clear),
        Bench("kehoach render (Lạng Sơn)", [*KEHOACH, "render", str(largest), "-o",
              str(work / "lang-son.docx"), "--force"], ROOT),
        Bench("kehoach import (20 pages)", [*KEHOACH, "import", str(word), "-o",
                                            str(word.with_suffix(".yaml")), "--force"], ROOT),
        Bench("kehoach render plans/ (folder)", [*KEHOACH, "render", "plans", "-o",
              str(work / "docx") + os.sep, "--force"], corpus),
        # first the run that builds the index (after a clone), then one that has it
        Bench("kehoach check (one plan, no id index)", [KEHOACH_SCRIPT, "check", str(one_plan)],
              corpus, before=no_db, startup=True),
        Bench("kehoach check (one plan)", [KEHOACH_SCRIPT, "check", str(one_plan)], corpus,
              startup=True),
        Bench("kehoach --version", [KEHOACH_SCRIPT, "--version"], ROOT, startup=True),
        Bench(TYPER, [PY, "-c", "import typer"], ROOT, startup=True),
    ]
    cj = shutil.which("check-jsonschema") or str(Path(PY).parent / "check-jsonschema")
    if Path(cj).exists():
        files = [str(p) for p in sorted((corpus / "plans").rglob("*.yaml"))
                 if p.name != "co-quan.yaml"]
        found.append(Bench("check-jsonschema (same files)",
                           [cj, "--schemafile", str(ROOT / "kehoach.schema.json"), *files],
                           corpus))
    return found


def site_figures(rows: list[dict[str, object]], site: Path,
                 corpus: Path) -> dict[str, object] | None:
    """The web view's targets: its time against ``summary`` cold, its disk against the YAML
    (None when the site was not among the measurements)."""
    by_name = {str(r["name"]): r for r in rows}
    if SITE not in by_name or "kehoach summary (cold)" not in by_name:
        return None
    time_s = float(by_name[SITE]["median_s"])  # type: ignore[arg-type]
    summary = float(by_name["kehoach summary (cold)"]["median_s"])  # type: ignore[arg-type]
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    yaml = sum(p.stat().st_size for p in (corpus / "plans").rglob("*.yaml"))
    return {"ratio_to_summary_cold": round(time_s / summary, 3), "bytes": size,
            "yaml_bytes": yaml, "ratio_to_yaml": round(size / yaml, 3)}


def deadline_speed(rounds: int = 3) -> dict[str, float]:
    """Phrases per second: kehoach's reader against dateparser's search_dates."""
    import warnings

    from kehoach.deadline import clear_cache, read_deadline

    phrases = [
        "trước ngày 04/11/2022 (thứ Sáu)", "tháng 3/2022", "dự kiến tháng 12/2022",
        "vào năm 2024", "thực hiện trong giai đoạn 2021-2025", "quý II/2023",
        "định kỳ trước ngày 15/11 hằng năm", "chậm nhất ngày 15 tháng 3 năm 2024",
        "gửi Sở Nội vụ tổng hợp trước ngày 10/6/2023", "6 tháng đầu năm 2024",
    ]
    def kehoach_round() -> None:
        clear_cache()  # readings are memoised: time the grammar, not the cache
        for p in phrases:
            read_deadline(p)

    # A round of ten phrases takes a fraction of a millisecond: take the best of many, or
    # one scheduler hiccup decides the ratio.
    best_k = min(_timed(kehoach_round) for _ in range(max(rounds, 200)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from dateparser.search import search_dates

        search_dates(phrases[0], languages=["vi"])  # first call loads its data: not timed
        best_d = min(_timed(lambda: [search_dates(p, languages=["vi"]) for p in phrases])
                     for _ in range(rounds))
    n = len(phrases)
    return {"kehoach_per_phrase_s": best_k / n, "dateparser_per_phrase_s": best_d / n,
            "speedup": best_d / best_k}


def import_speed(word: Path, rounds: int = 5) -> dict[str, float]:
    """Seconds for ``kehoach import`` of a 20-page plan in process (best of ``rounds``, after
    one run that imports the modules): reading and recognising it alone, then the whole
    command (writing in fmt's layout and checking the result). The target is 1 s."""
    from kehoach.check.checker import load_registry
    from kehoach.wordimport.build import build_plan
    from kehoach.wordimport.command import import_document
    from kehoach.wordimport.docxbody import read_docx
    from kehoach.wordimport.package import open_package

    registry = load_registry(ROOT)[0]
    data = word.read_bytes()
    target = word.with_suffix(".yaml")

    def recognise() -> None:
        build_plan(read_docx(open_package(data, word.name)), registry, word.name)

    def command() -> None:
        import_document(word, target, force=True, cwd=ROOT)

    command()
    return {"recognise_s": min(_timed(recognise) for _ in range(rounds)),
            "command_s": min(_timed(command) for _ in range(rounds))}


def _import_speed(word: Path) -> dict[str, float | str]:
    """``import_speed``, or why it could not run (the work folder outside any repository):
    the other figures are kept either way."""
    from kehoach.errors import KehoachError

    try:
        return dict(import_speed(word))
    except KehoachError as err:
        return {"error": err.message_vi}


def _timed(fn) -> float:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def _range(values: list[float]) -> list[float]:
    return [round(min(values), 3), round(max(values), 3)]


def report(all_benches: list[Bench]) -> list[dict[str, object]]:
    """Per measurement: medians, and ratios to the floor of the same round (their range)."""
    floor = all_benches[0]
    floor_wall, floor_cpu = statistics.median(floor.times), statistics.median(floor.cpu)
    typer = statistics.median(next(b for b in all_benches if b.name == TYPER).times)
    rows = []
    for b in all_benches:
        med = statistics.median(b.times)
        per_round = [t / f for t, f in zip(b.times, floor.times, strict=False)]
        row = {"name": b.name, "median_s": round(med, 3), "min_s": round(min(b.times), 3),
               "max_s": round(max(b.times), 3), "ratio_to_floor": round(med / floor_wall, 3),
               "ratio_range": _range(per_round),
               "cpu_median_s": round(statistics.median(b.cpu), 3),
               "cpu_ratio_to_floor": round(statistics.median(b.cpu) / floor_cpu, 3),
               "peak_rss_mb": round(max(b.rss_kb) / 1024, 1),
               "peak_rss_range_mb": _range([k / 1024 for k in b.rss_kb]),
               "peak_pss_mb": round(max(b.pss_kb) / 1024, 1), "runs": len(b.times)}
        if b.startup:
            row["ratio_to_typer_import"] = round(med / typer, 3)
        rows.append(row)
    return rows


def growth(runs: list[dict[str, object]]) -> list[dict[str, object]]:
    """The exponent k in time ∝ plans^k, per corpus and measurement, between two sizes."""
    out = []
    for kind in sorted({str(r["corpus"]) for r in runs}):
        sized = sorted((r for r in runs if r["corpus"] == kind), key=lambda r: r["plans"])
        if len(sized) < 2:
            continue
        small, big = sized[0], sized[-1]
        scale = math.log(big["plans"] / small["plans"])  # type: ignore[operator]
        before = {r["name"]: r for r in small["results"]}  # type: ignore[attr-defined]
        for row in big["results"]:  # type: ignore[attr-defined]
            old = before.get(row["name"])
            if old and old["median_s"] > 0 and "ratio_to_typer_import" not in row:
                out.append({"corpus": kind, "name": row["name"],
                            "exponent": round(math.log(row["median_s"] / old["median_s"]) /
                                              scale, 2)})
    return out


def byte_compile() -> None:
    """Installed packages carry their .pyc; a checkout under PYTHONDONTWRITEBYTECODE would
    not, and every timed run would compile kehoach from source."""
    import compileall

    compileall.compile_dir(str(ROOT / "kehoach"), quiet=1)


def make_corpus(kind: str, plans: int, work: Path) -> Path:
    corpus = work / f"{kind}-{plans}"
    if not (corpus / "plans").is_dir():
        print(f"Generating {plans} {kind} plans in {corpus} ...", flush=True)
        (write_real_corpus if kind == "real" else write_corpus)(corpus, plans)
    return corpus.resolve()


def run_one(kind: str, plans: int, args: argparse.Namespace, word: Path) -> dict[str, object]:
    """Every measurement on one corpus, ``args.rounds`` interleaved rounds."""
    from kehoach.fs.cache import repo_cache_dir

    corpus = make_corpus(kind, plans, args.work)
    cache = repo_cache_dir(corpus)  # the user's cache directory, as for an official
    if cache is None:
        raise SystemExit("kehoach's cache is off (KEHOACH_NO_CACHE): the warm runs need it")
    work = args.work.resolve() / kind
    work.mkdir(parents=True, exist_ok=True)
    chosen = [b for b in benches(corpus, cache, args.agency, work, word)
              if b.name in (FLOOR, TYPER) or (re.search(args.only, b.name)
                                              and not (args.skip and re.search(args.skip, b.name)))]
    load_before = os.getloadavg() if hasattr(os, "getloadavg") else None
    for r in range(args.rounds):
        for b in chosen:
            if r and any(o in b.name for o in ONCE):
                continue
            measure(b)
        print(f"{kind} {plans}: round {r + 1}/{args.rounds} done", flush=True)
    size = sum(p.stat().st_size for p in (corpus / "plans").rglob("*.yaml"))
    rows = report(chosen)
    return {"corpus": kind, "plans": plans, "bytes": size, "results": rows,
            "site": site_figures(rows, work / "site", corpus),
            "load_average": {"before": load_before, "after": os.getloadavg()
                             if hasattr(os, "getloadavg") else None},
            "deadline_phrases": deadline_share(corpus)}


def show(run: dict[str, object]) -> None:
    load = run["load_average"]
    print(f"\n{run['corpus']} corpus, {run['plans']} plans, {run['bytes'] / 1e6:.1f} MB "  # type: ignore[operator]
          f"(load average before/after: {load['before']} / {load['after']})")  # type: ignore[index]
    print(f"{'measurement':40} {'median':>8} {'× floor':>8} {'range':>13} {'CPU ×':>7}"
          f" {'peak MB':>8} {'PSS MB':>7} {'× typer':>8}")
    for row in run["results"]:  # type: ignore[attr-defined]
        typer = f"{row['ratio_to_typer_import']:8.2f}" if "ratio_to_typer_import" in row else ""
        low, high = row["ratio_range"]
        print(f"{row['name']:40} {row['median_s']:8.3f} {row['ratio_to_floor']:8.3f} "
              f"{low:6.3f}–{high:<6.3f} {row['cpu_ratio_to_floor']:7.2f} "
              f"{row['peak_rss_mb']:8.1f} {row['peak_pss_mb']:7.1f} {typer}")
    site = run.get("site")
    if site:
        print(f"site: {site['ratio_to_summary_cold']:.2f}× summary cold (target ≤ 2), "  # type: ignore[index]
              f"{site['bytes'] / 1e6:.1f} MB for {site['yaml_bytes'] / 1e6:.1f} MB of YAML "  # type: ignore[index]
              f"({site['ratio_to_yaml']:.2f}×, target ≤ 1)")  # type: ignore[index]
    s = run["deadline_phrases"]
    print(f"deadline phrases in the corpus ({s['phrases']}): read exactly "  # type: ignore[index]
          f"{s['exact_share']:.1%}, with a warning {s['warned_share']:.1%}, "  # type: ignore[index]
          f"unread {s['unread_share']:.1%}")  # type: ignore[index]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--plans", default="1000", help="sizes, comma-separated: 1000,5000")
    parser.add_argument("--corpus", choices=("real", "synthetic", "both"), default="both")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("bench/work"))
    parser.add_argument("--agency", default="lang-son.so-noi-vu")
    parser.add_argument("--only", default="", help="a regular expression: the measurements")
    parser.add_argument("--skip", default="", help="a regular expression: measurements left out")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    args = parser.parse_args()
    sizes = [int(n) for n in re.split(r"[,\s]+", args.plans.strip()) if n]
    kinds = ["real", "synthetic"] if args.corpus == "both" else [args.corpus]
    byte_compile()
    from bench.word import write_plan

    args.work.mkdir(parents=True, exist_ok=True)  # --work may name a folder not made yet
    word = write_plan((args.work / "ke-hoach-20-trang.docx").resolve())
    runs = []
    out = args.out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    for kind in kinds:
        for n in sizes:
            runs.append(run_one(kind, n, args, word))
            # kept as each corpus ends: a later failure loses nothing measured
            out.write_text(json.dumps({"runs": runs}, ensure_ascii=False, indent=2) + "\n",
                           encoding="utf-8")
    result = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                          "system": platform.system()},
              "runs": runs, "growth": growth(runs), "deadlines": deadline_speed(),
              "import": _import_speed(word),
              "command": "python -m bench.run " + " ".join(sys.argv[1:])}
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for run in runs:
        show(run)
    for g in result["growth"]:
        print(f"growth {g['corpus']:9} {g['name']:40} exponent {g['exponent']:.2f}")
    d = result["deadlines"]
    print(f"deadline phrases: kehoach {d['kehoach_per_phrase_s'] * 1e6:.1f} µs, dateparser "
          f"{d['dateparser_per_phrase_s'] * 1e6:.1f} µs per phrase ({d['speedup']:.0f}× faster)")
    w = result["import"]
    if "error" in w:
        print(f"kehoach import, 20 pages, in process: not measured ({w['error']})")
    else:
        print(f"kehoach import, 20 pages, in process: recognised in {w['recognise_s']:.3f} s, "
              f"written and checked in {w['command_s']:.3f} s (target: under 1 s)")
    print(f"written to {out}")


if __name__ == "__main__":
    main()
