"""The tracking commands: ``deadline``, ``overdue``, ``tasks``, ``upcoming``, ``summary``,
``export``."""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from kehoach.cli.answers import Headers, Output, destination, emit_rows, emit_summary
from kehoach.cli.app import app
from kehoach.cli.options import (
    Agency,
    AsOf,
    Children,
    Paths,
    Role,
    TrackFmt,
    as_of_day,
    day_arg,
    existing,
    usage,
)
from kehoach.cli.printing import errors_to_stderr, write_out

if TYPE_CHECKING:
    from kehoach.tracking.filters import Filters
    from kehoach.tracking.loading import Loaded
    from kehoach.tracking.obligations import Obligation

T = TypeVar("T")


def _answer(ask: Callable[[Callable[[int, int], None]], tuple[Loaded, T]]) -> tuple[Loaded, T]:
    """Run a question with a progress bar; an unknown or ambiguous agency is a usage error."""
    from kehoach.cli.progress import DelayedProgress
    from kehoach.plan.registry import AgencyLookupError

    try:
        with DelayedProgress("Đang đọc kế hoạch") as progress:
            loaded, answer = ask(progress)
    except AgencyLookupError as exc:
        usage(exc.message_vi)
    if loaded.failed:
        errors_to_stderr(loaded.failed)
        print("Có tệp không đọc được: kết quả chỉ gồm các kế hoạch đọc được.", file=sys.stderr)
    return loaded, answer


def _ask(kind: str, paths: list[Path] | None, as_of: str | None, filters: Filters,
         within: int = 30) -> tuple[Loaded, Collection[Obligation]]:
    from kehoach.tracking.queries import ask

    targets, day = existing(paths), as_of_day(as_of)
    return _answer(lambda progress: ask(kind, targets, day, filters, within, progress))


def _filters(agency: str | None, role: str, include_children: bool,
             status: list[str] | None = None, due_before: date | None = None,
             due_after: date | None = None) -> Filters:
    from kehoach.tracking.filters import Filters

    return Filters(agency, role, include_children, tuple(status) if status else None,
                   due_before, due_after)


def _question(filters: Filters, paths: list[Path] | None, loaded: Loaded) -> str:
    """The question a sheet answers, for its title row: the agency, role and plans asked."""
    from kehoach.tracking.filters import ROLE_VI_FILTER, role_name

    who = _who(filters, loaded) or "tất cả cơ quan"
    where = ", ".join(str(p) for p in paths) if paths else "mọi kế hoạch trong plans/"
    role = ROLE_VI_FILTER[role_name(filters.role)]
    drafts = f", trong đó {loaded.drafts} dự thảo" if loaded.drafts else ""
    return (f"Cơ quan: {who}; vai trò: {role}; kế hoạch: {where}; {loaded.plans} kế hoạch"
            f"{drafts}.")


def _who(filters: Filters, loaded: Loaded) -> str | None:
    """The name of the body the agency filter was taken for, among the plans asked about."""
    from kehoach.plan.registry import AgencyLookupError

    try:
        body = filters.body(loaded.registry, loaded.scope)
    except AgencyLookupError:
        return filters.agency
    return body.ten if body else None


def _exit(loaded: Loaded) -> None:
    raise typer.Exit(1 if loaded.failed else 0)


@app.command()
def deadline(
    text: Annotated[str, typer.Argument(help="Cụm từ thời hạn, ví dụ: “trước ngày 15/11”.")],
    as_of: AsOf = None,
    as_json: Annotated[bool, typer.Option("--json", help="In kết quả dạng JSON.")] = False,
) -> None:
    """Đọc một cụm từ thời hạn và giải thích: loại, hạn cuối, số ngày còn lại."""
    import json

    from kehoach.deadline import explain, read_deadline, to_json
    from kehoach.tracking.obligations import deadline_failure

    day = as_of_day(as_of)
    reading = read_deadline(text, reference=day)
    if as_json:
        write_out(json.dumps(to_json(reading, day), ensure_ascii=False, indent=2) + "\n")
    else:
        print(explain(reading, day))
    failure = deadline_failure(reading)
    if failure:
        print(f"Lỗi: {failure}", file=sys.stderr)
        raise typer.Exit(1)


@app.command()
def overdue(
    paths: Paths = None,
    agency: Agency = None,
    role: Role = "chu-tri",
    include_children: Children = False,
    as_of: AsOf = None,
    fmt: TrackFmt = None,
    output: Output = None,
    headers: Headers = "id",
) -> None:
    """Nhiệm vụ quá hạn (chưa hoàn thành), quá hạn lâu nhất trước."""
    dest = destination(fmt, output, headers)
    filters = _filters(agency, role, include_children)
    loaded, rows = _ask("overdue", paths, as_of, filters)
    emit_rows(dest, rows, loaded.as_of, "nghĩa vụ quá hạn",
              f"Nhiệm vụ quá hạn tính đến ngày {loaded.as_of:%d/%m/%Y}",
              _question(filters, paths, loaded),
              _who(filters, loaded), loaded.registry.name, loaded.drafts_vi())
    _exit(loaded)


@app.command()
def tasks(
    paths: Paths = None,
    agency: Agency = None,
    role: Role = "chu-tri",
    include_children: Children = False,
    status: Annotated[
        list[str] | None,
        typer.Option("--status", "-s", help="Tình trạng (lặp lại được): hoan-thanh-dung-han, "
                     "hoan-thanh-qua-han, chua-hoan-thanh-trong-han, chua-hoan-thanh-qua-han, "
                     "khong-co-thoi-han; hoặc hoan-thanh, chua-hoan-thanh, qua-han.",
                     show_default=False),
    ] = None,
    due_before: Annotated[str | None, typer.Option(
        "--due-before", help="Hạn đến hết ngày này.", show_default=False)] = None,
    due_after: Annotated[str | None, typer.Option(
        "--due-after", help="Hạn từ ngày này trở đi.", show_default=False)] = None,
    as_of: AsOf = None,
    fmt: TrackFmt = None,
    output: Output = None,
    headers: Headers = "id",
    for_update: Annotated[bool, typer.Option(
        "--for-update", help="Ghi bảng Excel để cơ quan điền tiến độ (cần -o TỆP.xlsx): việc "
        "chủ trì chưa xong, đến hạn trước ngày --as-of cộng --within ngày.")] = False,
    within: Annotated[int, typer.Option(
        "--within", "-w", min=0, max=3660, help="Với --for-update: số ngày tới.")] = 30,
) -> None:
    """Danh sách nhiệm vụ theo từng kỳ và từng cơ quan, với tình trạng tính đến ngày."""
    from kehoach.tracking.filters import STATUS_GROUPS

    if for_update:
        _for_update(paths, agency, include_children, as_of, output, within)
    dest = destination(fmt, output, headers)
    unknown = [s for s in status or [] if s.lower().replace("_", "-") not in STATUS_GROUPS]
    if unknown:
        usage(f"--status: không có tình trạng “{unknown[0]}”.")
    before = day_arg(due_before, "--due-before") if due_before else None
    after = day_arg(due_after, "--due-after") if due_after else None
    filters = _filters(agency, role, include_children, status, before, after)
    loaded, rows = _ask("tasks", paths, as_of, filters)
    emit_rows(dest, rows, loaded.as_of, "nghĩa vụ",
              f"Danh sách nhiệm vụ tính đến ngày {loaded.as_of:%d/%m/%Y}",
              _question(filters, paths, loaded),
              _who(filters, loaded), loaded.registry.name, loaded.drafts_vi())
    _exit(loaded)


@app.command()
def upcoming(
    paths: Paths = None,
    within: Annotated[int, typer.Option(
        "--within", "-w", min=0, help="Số ngày tới (tính từ ngày --as-of).")] = 30,
    agency: Agency = None,
    role: Role = "chu-tri",
    include_children: Children = False,
    as_of: AsOf = None,
    fmt: TrackFmt = None,
    output: Output = None,
    headers: Headers = "id",
) -> None:
    """Nhiệm vụ sắp đến hạn trong số ngày tới, hạn gần nhất trước."""
    dest = destination(fmt, output, headers)
    filters = _filters(agency, role, include_children)
    loaded, rows = _ask("upcoming", paths, as_of, filters, within)
    emit_rows(dest, rows, loaded.as_of, f"nghĩa vụ đến hạn trong {within} ngày tới",
              f"Nhiệm vụ đến hạn trong {within} ngày tới, tính từ ngày "
              f"{loaded.as_of:%d/%m/%Y}", _question(filters, paths, loaded),
              _who(filters, loaded), loaded.registry.name, loaded.drafts_vi())
    _exit(loaded)


@app.command()
def summary(
    paths: Paths = None,
    agency: Agency = None,
    include_children: Children = False,
    as_of: AsOf = None,
    fmt: TrackFmt = None,
    output: Output = None,
    headers: Headers = "id",
) -> None:
    """Tổng hợp theo cơ quan: hoàn thành đúng hạn/quá hạn, chưa hoàn thành, tỷ lệ đúng hạn."""
    from kehoach.tracking.summary import summarize

    dest = destination(fmt, output, headers)
    targets, day = existing(paths), as_of_day(as_of)
    filters = _filters(agency, "chu-tri", include_children)
    loaded, rows = _answer(lambda progress: summarize(targets, day, filters, progress))
    emit_summary(dest, rows, loaded.as_of, _question(filters, paths, loaded),
                 _who(filters, loaded), loaded.drafts_vi())
    _exit(loaded)


@app.command()
def export(
    output: Annotated[Path, typer.Argument(help="Tệp Excel sẽ ghi (.xlsx).", show_default=False)],
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Tệp hoặc thư mục kế hoạch (mặc định: plans/).", show_default=False)] = None,
    agency: Agency = None,
    role: Role = "tat-ca",
    include_children: Children = False,
    within: Annotated[int, typer.Option(
        "--within", "-w", min=0, max=3660, help="Sắp đến hạn: số ngày tới.")] = 30,
    as_of: AsOf = None,
) -> None:
    """Ghi một tệp Excel: Tổng hợp (có biểu đồ), Quá hạn, Sắp đến hạn."""
    from kehoach.tracking.queries import overdue, upcoming
    from kehoach.tracking.summary import summary as grid

    if output.suffix.lower() != ".xlsx":
        usage(f"export ghi tệp Excel: “{output.name}” cần đuôi .xlsx.")
    filters = _filters(agency, role, include_children)
    loaded, rows = _ask("tasks", paths, as_of, filters)
    question = _question(filters, paths, loaded)
    from kehoach.office.workbook import export_workbook

    reg, scope = loaded.registry, loaded.scope
    data = export_workbook(
        grid(rows, reg, loaded.as_of, agency, include_children, scope),
        overdue(rows, reg, filters, scope), upcoming(rows, reg, within, filters, scope),
        loaded.as_of, question, within, reg.name)
    _write_export(output, data)
    _exit(loaded)


def _for_update(paths: list[Path] | None, agency: str | None, include_children: bool,
                as_of: str | None, output: Path | None, within: int) -> None:
    """``tasks --for-update``: the sheet an agency fills in (never returns)."""
    from datetime import timedelta

    from kehoach.fs.repo import find_root
    from kehoach.office.progress_sheet import for_update

    if output is None or output.suffix.lower() != ".xlsx":
        usage("--for-update ghi bảng Excel: hãy cho -o TỆP.xlsx.")
    day = as_of_day(as_of)
    filters = _filters(agency, "chu-tri", include_children,
                       ["chua-hoan-thanh"], due_before=day + timedelta(days=within))
    loaded, rows = _ask("tasks", paths, as_of, filters)
    root = find_root(paths[0] if paths else Path.cwd()) or Path.cwd()
    title = (f"Cập nhật tiến độ thực hiện nhiệm vụ — {_question(filters, paths, loaded)} Hạn "
             f"đến ngày {day + timedelta(days=within):%d/%m/%Y}.")
    _write_export(output, for_update(rows, root, loaded.as_of, title))
    _exit(loaded)


def _write_export(path: Path, data: bytes) -> None:
    from kehoach.fs.repo import display_path
    from kehoach.office.outputs import write_output

    write_output(path, data)
    print(f"Đã ghi {display_path(path)}")
