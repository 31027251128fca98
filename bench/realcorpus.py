"""A benchmark corpus built from the real plans in ``plans/``, beside the synthetic one.

``python -m bench.realcorpus OUT_DIR --plans 1000`` writes ``OUT_DIR/plans/NN/*.yaml``: copies
of the seeds in ``plans/`` taken in turn, each one

- re-numbered (số ký hiệu) and re-dated: every year in its text, dates and period shifted by 0–3
  years; the issue date moved a few days later;
- varied within the seeds' own forms: the day of each written date (``04/11/2022``) moved by the
  same few days throughout the plan's body (weekdays written beside it follow), months of
  ``tháng M/YYYY`` moved later within the year, the last plain items of some lists dropped;
- given completions (``hoan_thanh``: about a third of the lead obligations due by the end of
  the period, on time or late, with evidence) and extensions (``gia_han``), found by kehoach's
  own tracker so each names a real assignee and occurrence;
- with task ids made unique across the repository (a ``-cNNNNN`` suffix, mentions renamed too),

then written by kehoach's canonical emitter, as the seeds are. The registry
``plans/co-quan.yaml`` is copied. Every plan is ``check``-clean (tests/test_bench_corpus.py).
The same seed always gives the same bytes.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import random
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "plans"
REGISTRY = "co-quan.yaml"
HEADER = "# yaml-language-server: $schema=../../kehoach.schema.json\n"
YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
DATE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
WEEKDAY = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4}) \((thứ \w+|Chủ nhật)\)")
MONTH = re.compile(r"(?<=tháng )(\d{1,2})/(\d{4})(?!\d)")
SYMBOL = re.compile(r"^\d+(?=/)")
BODY_KEYS = {"co_quan", "chu_tri", "phoi_hop", "co_quan_ban_hanh"}
Data = Any


def _map_strings(value: Data, fn: Callable[[str], str], skip: frozenset[str] = frozenset()) -> Data:
    """``value`` with ``fn`` applied to every string, except under the keys in ``skip``."""
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, list):
        return [_map_strings(v, fn, skip) for v in value]
    if isinstance(value, dict):
        return {k: v if k in skip else _map_strings(v, fn, skip) for k, v in value.items()}
    return value


def _shift_years(data: Data, years: int) -> Data:
    """Every year the plan writes, as text, date or number, ``years`` later."""
    def text(s: str) -> str:
        return YEAR.sub(lambda m: str(int(m.group(1)) + years), s)

    def walk(v: Data, key: str = "") -> Data:
        if isinstance(v, dict):
            return {k: v2 if k in BODY_KEYS else walk(v2, k) for k, v2 in v.items()}
        if isinstance(v, list):
            return [walk(x, key) for x in v]
        if isinstance(v, str):
            return text(v)
        if isinstance(v, dt.date):
            return _year_later(v, years)
        if isinstance(v, int) and not isinstance(v, bool) and key in {"tu", "den"}:
            return v + years
        return v
    return walk(data)


def _year_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _vary_dates(body: Data, rng: random.Random) -> Data:
    """The body's written dates moved by one offset (order kept), months moved later."""
    offset = rng.randint(-12, 12)
    month_step = rng.randint(0, 2)

    def day(m: re.Match[str]) -> str:
        d, mo, y = (int(g) for g in m.groups())
        try:
            old = dt.date(y, mo, d)
        except ValueError:
            return m.group(0)
        new = old + dt.timedelta(days=offset)
        if new.year != old.year:
            new = old - dt.timedelta(days=offset)
        dd = f"{new.day:02d}" if len(m.group(1)) == 2 else str(new.day)
        mm = f"{new.month:02d}" if len(m.group(2)) == 2 else str(new.month)
        return f"{dd}/{mm}/{new.year}"

    def month(m: re.Match[str]) -> str:
        return f"{min(12, int(m.group(1)) + month_step)}/{m.group(2)}"

    def text(s: str) -> str:
        return _weekdays(MONTH.sub(month, DATE.sub(day, s)))
    return _map_strings(body, text, frozenset(BODY_KEYS | {"id"}))


def _weekdays(text: str) -> str:
    from kehoach.deadline.calendar import weekday_vi

    def fix(m: re.Match[str]) -> str:
        d, mo, y = (int(g) for g in m.groups()[:3])
        return f"{m.group(0).split(' (')[0]} ({weekday_vi(dt.date(y, mo, d))})"
    return WEEKDAY.sub(fix, text)


def _drop_plain_tails(items: list[Data], rng: random.Random) -> list[Data]:
    """Some lists lose their last items when those are plain text (no task, no role)."""
    out = [_vary_items(i, rng) if isinstance(i, dict) else i for i in items]
    while len(out) > 2 and rng.random() < 0.15 and _plain(out[-1]):
        out.pop()
    return out


def _plain(item: Data) -> bool:
    return isinstance(item, dict) and set(item) <= {"so", "noi_dung", "nhan"}


def _vary_items(item: dict[str, Data], rng: random.Random) -> dict[str, Data]:
    if isinstance(item.get("muc"), list):
        item = {**item, "muc": _drop_plain_tails(item["muc"], rng)}
    return item


def _rename_tasks(value: Data, suffix: str) -> Data:
    """Task ids (and the mentions of them) made unique across the repository."""
    if isinstance(value, list):
        return [_rename_tasks(v, suffix) for v in value]
    if not isinstance(value, dict):
        return value
    out = {k: _rename_tasks(v, suffix) for k, v in value.items()}
    if isinstance(out.get("nhiem_vu"), list):
        out["nhiem_vu"] = [{**t, "id": t["id"] + suffix} if isinstance(t, dict) and "id" in t
                           else t for t in out["nhiem_vu"]]
    for key in ("nhiem_vu_lien_quan", "bang_nhiem_vu"):
        if isinstance(out.get(key), list):
            out[key] = [t + suffix for t in out[key]]
    return out


def vary(seed: dict[str, Data], n: int, rng: random.Random) -> dict[str, Data]:
    """Copy number ``n`` of a seed's data: re-numbered, re-dated, varied, ids unique."""
    data = _shift_years(copy.deepcopy(seed), rng.randint(0, 3))
    if isinstance(data.get("so_ky_hieu"), str):
        old = data["so_ky_hieu"]
        data["so_ky_hieu"] = SYMBOL.sub(str(n + 1), old)
        data = _map_strings(data, lambda s: s.replace(old, data["so_ky_hieu"]))
    if isinstance(data.get("ngay_ban_hanh"), dt.date):
        data["ngay_ban_hanh"] += dt.timedelta(days=rng.randint(0, 9))
    data["phan"] = _rename_tasks(_drop_plain_tails(_vary_dates(data["phan"], rng), rng),
                                 f"-c{n:05d}")
    for key in ("phu_luc",):
        if key in data:
            data[key] = _rename_tasks(data[key], f"-c{n:05d}")
    return data


def _tasks_by_id(value: Data, found: dict[str, dict[str, Data]]) -> dict[str, dict[str, Data]]:
    if isinstance(value, list):
        for v in value:
            _tasks_by_id(v, found)
    elif isinstance(value, dict):
        for t in value.get("nhiem_vu") or []:
            if isinstance(t, dict) and "id" in t:
                found[t["id"]] = t
        for v in value.values():
            _tasks_by_id(v, found)
    return found


def add_records(data: dict[str, Data], registry: Any, rng: random.Random, n: int) -> None:
    """Completions and extensions the tracker accepts: real assignees, real occurrences."""
    from kehoach.tracking.obligations import LEAD

    plan = _model(data)
    period = plan.giai_doan
    end = period.end if period else dt.date(plan.ngay_ban_hanh.year + 1, 12, 31)
    issued = plan.ngay_ban_hanh or (period.start if period else dt.date(2020, 1, 1))
    tasks = _tasks_by_id(data["phan"], {})
    extended: set[str] = set()
    for row in _rows(plan, registry, end):
        if row.role != LEAD or row.original_due is None or row.task_id not in tasks:
            continue
        task, due = tasks[row.task_id], row.original_due
        if row.task_id not in extended and rng.random() < 0.04:
            extended.add(row.task_id)
            new = due + dt.timedelta(days=rng.randint(20, 90))
            task["gia_han"] = [{"thoi_han": f"trước ngày {new:%d/%m/%Y}",
                                "ngay": max(issued, due - dt.timedelta(days=rng.randint(1, 20))),
                                "van_ban": f"Công văn số {rng.randint(100, 4999)}/UBND-VX"}]
        if rng.random() < 0.33:
            done = max(issued, due + dt.timedelta(days=rng.randint(-45, 20)))
            task.setdefault("hoan_thanh", []).append({
                "co_quan": row.agency, "ky": dt.date.fromisoformat(row.occurrence),
                "ngay_hoan_thanh": done,
                "minh_chung": f"Báo cáo số {rng.randint(1, 399)}/BC"})


def _model(data: dict[str, Data]) -> Any:
    from kehoach.load.document import Document, load_text
    from kehoach.yamltext.emit import dump

    doc = load_text(Document(Path("copy.yaml"), "copy.yaml"), dump(data).encode("utf-8"))
    if doc.plan is None:
        raise SystemExit(f"a copy did not validate: {doc.diagnostics[:3]}")
    return doc.plan


def _rows(plan: Any, registry: Any, as_of: dt.date) -> list[Any]:
    from kehoach.tracking.obligations import obligations

    return obligations(plan, registry, as_of, leads_only=True)


# --- writing ------------------------------------------------------------------------------

_STATE: dict[str, Any] = {}


def _seeds() -> list[tuple[str, str, dict[str, Data]]]:
    """(file stem, first comment line, data) of each seed plan, in name order."""
    from kehoach.load.document import load_document

    out = []
    for path in sorted(SEEDS.glob("*.yaml")):
        if path.name == REGISTRY:
            continue
        doc = load_document(path)
        if doc.plan is None or any(d.severity == "error" for d in doc.diagnostics):
            raise SystemExit(f"seed {path} is not clean")
        first = path.read_text(encoding="utf-8").splitlines()[0]
        out.append((path.stem, first + "\n" if first.startswith("#") else "", doc.data))
    return out


def _init(seed: int) -> None:
    from kehoach.check.checker import load_registry_text

    _STATE["seed"] = seed
    _STATE["seeds"] = _seeds()
    _STATE["registry"] = load_registry_text((SEEDS / REGISTRY).read_text(encoding="utf-8"))[0]


def _write_copy(job: tuple[Path, int]) -> int:
    from kehoach.yamltext.emit import dump

    out, n = job
    seeds = _STATE["seeds"]
    stem, header, data = seeds[n % len(seeds)]
    rng = random.Random(_STATE["seed"] * 1_000_003 + n)
    data = vary(data, n, rng)
    add_records(data, _STATE["registry"], rng, n)
    path = out / "plans" / f"{n // 100:02d}" / f"{stem}-c{n:05d}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = header + dump(data)
    path.write_bytes(text.encode("utf-8"))
    return len(text)


def write_real_corpus(out: Path, plans: int, seed: int = 2024, jobs: int | None = None) -> Path:
    """``plans`` copies of the real plans under ``out/plans``, with the registry."""
    import concurrent.futures as cf
    import os

    (out / "plans").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SEEDS / REGISTRY, out / "plans" / REGISTRY)
    (out / "kehoach.toml").write_text("# benchmark corpus (real plans)\n", encoding="utf-8")
    work = [(out, n) for n in range(plans)]
    workers = jobs or min(4, os.cpu_count() or 1)
    if workers == 1 or plans < 20:
        _init(seed)
        for job in work:
            _write_copy(job)
        return out
    with cf.ProcessPoolExecutor(workers, initializer=_init, initargs=(seed,)) as pool:
        for _ in pool.map(_write_copy, work, chunksize=16):
            pass
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    write_real_corpus(args.out, args.plans, args.seed)


if __name__ == "__main__":
    main()
