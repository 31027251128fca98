"""The command line: parse arguments, call the library, print. Nothing else lives here."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from kehoach import __version__
from kehoach.cli.typer_adapter import Group, localize, usage_error_vi

app = typer.Typer(
    name="kehoach",
    help="Kế hoạch hành chính dưới dạng YAML: kiểm tra, theo dõi thời hạn, xuất văn bản .docx.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    cls=Group,
)


class OutFormat(StrEnum):
    rich = "rich"
    plain = "plain"
    json = "json"
    github = "github"


def _version(value: bool) -> None:
    if value:
        print(f"kehoach {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="In phiên bản rồi thoát."),
    ] = False,
) -> None:
    """Kế hoạch hành chính dưới dạng YAML."""


@app.command()
def check(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Tệp hoặc thư mục (mặc định: plans/).")
    ] = None,
    fmt: Annotated[
        OutFormat | None,
        typer.Option("--format", "-f", help="Định dạng: rich, plain, json, github."),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Cảnh báo cũng tính là lỗi.")] = False,
) -> None:
    """Kiểm tra kế hoạch và danh mục cơ quan; báo lỗi dạng tệp:dòng:cột."""
    from kehoach.check.checker import check_paths
    from kehoach.diagnostics import formats as report
    from kehoach.diagnostics.diagnostic import exit_code

    missing = [p for p in paths or [] if not p.exists()]
    if missing:
        _usage(f"Không tìm thấy: {', '.join(str(p) for p in missing)}")
    from kehoach.cli.progress import DelayedProgress

    with DelayedProgress("Đang kiểm tra") as progress:
        result = check_paths(list(paths or []), progress=progress)
    diags = result.diagnostics
    chosen = fmt or (OutFormat.rich if sys.stdout.isatty() else OutFormat.plain)
    if chosen is OutFormat.rich:
        from kehoach.cli.console import print_diagnostics, stdout_console

        console = stdout_console()
        print_diagnostics(console, diags)
        console.print(report.summary_vi(diags, len(result.documents)))
    elif chosen is OutFormat.plain:
        sys.stdout.write(report.plain(diags))
    elif chosen is OutFormat.json:
        sys.stdout.write(report.as_json(diags))
    else:
        sys.stdout.write(report.github(diags))
    raise typer.Exit(exit_code(diags, strict=strict))


@app.command()
def schema(
    registry: Annotated[
        bool, typer.Option("--registry", help="Lược đồ của danh mục cơ quan.")
    ] = False,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Ghi ra tệp.")] = None,
) -> None:
    """In lược đồ JSON Schema (cho trình soạn thảo: gợi ý, kiểm tra khi gõ)."""
    from kehoach.plan.schema import schema_json

    text = schema_json(registry=registry)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


# --- deadline and tracking commands (deadline, overdue, tasks, upcoming, summary) ---
# Names used only in annotations (never evaluated here: ``from __future__ import annotations``).
from collections.abc import Callable, Sequence  # noqa: E402
from datetime import date  # noqa: E402
from typing import TYPE_CHECKING, Any  # noqa: E402

if TYPE_CHECKING:
    from kehoach.tracking.obligations import Obligation
    from kehoach.tracking.queries import Loaded


class TrackFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class TrackRole(StrEnum):
    chu_tri = "chu-tri"
    phoi_hop = "phoi-hop"
    any = "any"


_TrackPaths = Annotated[
    list[Path] | None,
    typer.Argument(help="Tệp hoặc thư mục kế hoạch (mặc định: plans/).", show_default=False),
]
_AsOf = Annotated[
    str | None,
    typer.Option("--as-of", help="Tính đến ngày (YYYY-MM-DD hoặc DD/MM/YYYY); mặc định: hôm "
                 "nay theo giờ Việt Nam.", show_default=False),
]
_Agency = Annotated[
    str | None,
    typer.Option("--agency", "-a", help="Cơ quan: mã, tên, tên khác hoặc chữ viết tắt (không "
                 "phân biệt hoa thường, có dấu hay không); gồm cả nhiệm vụ giao cho nhóm có "
                 "cơ quan này.", show_default=False),
]
_Role = Annotated[
    TrackRole,
    typer.Option("--role", help="Vai trò: chu-tri (chủ trì), phoi-hop (phối hợp), any (cả hai)."),
]
_Children = Annotated[
    bool, typer.Option("--include-children", help="Gồm cả các đơn vị trực thuộc cơ quan.")
]
_TrackFmt = Annotated[
    TrackFormat,
    typer.Option("--format", "-f", help="Định dạng: table (bảng), json, csv (mở bằng Excel)."),
]


def _day_arg(text: str, option: str) -> date:
    from kehoach.deadline.clock import parse_day

    try:
        return parse_day(text)
    except ValueError:
        _usage(f"{option}: ngày “{text}” không hợp lệ (viết YYYY-MM-DD hoặc DD/MM/YYYY).")


def _as_of_day(text: str | None) -> date:
    from kehoach.deadline.clock import today_vn

    return today_vn() if text is None else _day_arg(text, "--as-of")


def _track_load(paths: list[Path] | None, day: date, agency: str | None = None,
                role: str = "any", include_children: bool = False,
                status: list[str] | None = None,
                reduce: Callable[[list[tuple[object, ...]]], Any] | None = None) -> Loaded:
    from functools import partial

    from kehoach.diagnostics import formats as report
    from kehoach.plan.registry import AgencyLookupError
    from kehoach.tracking.queries import load, prefilter

    missing = [p for p in paths or [] if not p.exists()]
    if missing:
        _usage(f"Không tìm thấy: {', '.join(str(p) for p in missing)}")
    where = partial(prefilter, agency=agency, role=role, include_children=include_children,
                    status=status or None)
    from kehoach.cli.progress import DelayedProgress

    try:
        with DelayedProgress("Đang đọc kế hoạch") as progress:
            loaded = load(list(paths or []), day, where=where, reduce=reduce, progress=progress)
    except AgencyLookupError as exc:
        print(f"Lỗi: {exc.message_vi()}", file=sys.stderr)
        raise typer.Exit(2) from None
    if loaded.failed:
        sys.stderr.write(report.plain(loaded.failed))
        print("Có tệp không đọc được: kết quả chỉ gồm các kế hoạch đọc được.", file=sys.stderr)
    return loaded


def _query(fn: Callable[..., list[Any]], loaded: Loaded, *args: Any, **kwargs: Any) -> list[Any]:
    """Run a query; an unknown or ambiguous agency is a usage error (exit 2)."""
    from kehoach.plan.registry import AgencyLookupError

    try:
        return fn(loaded.rows, loaded.registry, *args, **kwargs)
    except AgencyLookupError as exc:
        print(f"Lỗi: {exc.message_vi()}", file=sys.stderr)
        raise typer.Exit(2) from None


def _write_out(text: str) -> None:
    """Write exactly these characters as UTF-8 (CSV keeps its BOM and CRLF on Windows too)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
    else:
        buffer.write(text.encode("utf-8"))
        buffer.flush()


def _show_table(headers: Sequence[str], cells: list[list[str]], footer: str,
                wrap: dict[int, int], styles: Sequence[str] | None = None) -> None:
    """Rich in a terminal, aligned plain text in a pipe. Columns in ``wrap`` may wrap, keeping
    the width given; the others keep their cells on one line."""
    from kehoach.tracking import tables

    if not sys.stdout.isatty():
        if cells:
            sys.stdout.write(tables.plain_table(headers, cells))
        print(footer)
        return
    from rich.table import Table
    from rich.text import Text

    from kehoach.cli.console import stdout_console

    console = stdout_console()
    if cells:
        table = Table(highlight=False)
        for i, header in enumerate(headers):
            table.add_column(header, no_wrap=i not in wrap, min_width=wrap.get(i),
                             overflow="fold")
        for i, row in enumerate(cells):
            table.add_row(*(Text(c) for c in row), style=styles[i] if styles else None)
        console.print(table)
    console.print(footer, markup=False)


def _emit_rows(rows: list[Obligation], fmt: TrackFormat, as_of: date, what: str) -> None:
    from kehoach.tracking import tables

    if fmt is TrackFormat.json:
        _write_out(tables.to_json([tables.obligation_record(r) for r in rows]))
    elif fmt is TrackFormat.csv:
        records = [tables.obligation_record(r) for r in rows]
        _write_out(tables.to_csv(records, tables.OBLIGATION_COLUMNS))
    else:
        footer = f"Tính đến ngày {as_of:%d/%m/%Y}: {len(rows)} {what}."
        styles = [tables.STATUS_STYLES.get(r.status, "") for r in rows]
        _show_table(tables.OBLIGATION_HEADERS, tables.obligation_cells(rows), footer,
                    tables.OBLIGATION_WRAP, styles)


def _track_exit(loaded: Loaded) -> None:
    raise typer.Exit(1 if loaded.failed else 0)


@app.command()
def deadline(
    text: Annotated[str, typer.Argument(help="Cụm từ thời hạn, ví dụ: “trước ngày 15/11”.")],
    as_of: _AsOf = None,
    as_json: Annotated[bool, typer.Option("--json", help="In kết quả dạng JSON.")] = False,
) -> None:
    """Đọc một cụm từ thời hạn và giải thích: loại, hạn cuối, số ngày còn lại."""
    import json

    from kehoach.deadline import explain, read_deadline, to_json
    from kehoach.tracking.obligations import deadline_failure

    day = _as_of_day(as_of)
    reading = read_deadline(text, reference=day)
    if as_json:
        _write_out(json.dumps(to_json(reading, day), ensure_ascii=False, indent=2) + "\n")
    else:
        print(explain(reading, day))
    failure = deadline_failure(reading)
    if failure:
        print(f"Lỗi: {failure}", file=sys.stderr)
        raise typer.Exit(1)


@app.command()
def overdue(
    paths: _TrackPaths = None,
    agency: _Agency = None,
    role: _Role = TrackRole.chu_tri,
    include_children: _Children = False,
    as_of: _AsOf = None,
    fmt: _TrackFmt = TrackFormat.table,
) -> None:
    """Nhiệm vụ quá hạn (chưa hoàn thành), quá hạn lâu nhất trước."""
    from kehoach.tracking import queries

    loaded = _track_load(paths, _as_of_day(as_of), agency, role.value, include_children,
                         ["chua-hoan-thanh-qua-han"])
    rows = _query(queries.overdue, loaded, agency, role.value, include_children)
    _emit_rows(rows, fmt, loaded.as_of, "nghĩa vụ quá hạn")
    _track_exit(loaded)


@app.command()
def tasks(
    paths: _TrackPaths = None,
    agency: _Agency = None,
    role: _Role = TrackRole.chu_tri,
    include_children: _Children = False,
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
    as_of: _AsOf = None,
    fmt: _TrackFmt = TrackFormat.table,
) -> None:
    """Danh sách nhiệm vụ theo từng kỳ và từng cơ quan, với tình trạng tính đến ngày."""
    from kehoach.tracking import queries

    unknown = [s for s in status or [] if s.lower().replace("_", "-") not in queries.STATUS_GROUPS]
    if unknown:
        _usage(f"--status: không có tình trạng “{unknown[0]}”.")
    before = _day_arg(due_before, "--due-before") if due_before else None
    after = _day_arg(due_after, "--due-after") if due_after else None
    loaded = _track_load(paths, _as_of_day(as_of), agency, role.value, include_children,
                         status)
    rows = _query(queries.tasks, loaded, agency, role.value, include_children, status or None,
                  before, after)
    _emit_rows(rows, fmt, loaded.as_of, "nghĩa vụ")
    _track_exit(loaded)


@app.command()
def upcoming(
    paths: _TrackPaths = None,
    within: Annotated[int, typer.Option(
        "--within", "-w", min=0, help="Số ngày tới (tính từ ngày --as-of).")] = 30,
    agency: _Agency = None,
    role: _Role = TrackRole.chu_tri,
    include_children: _Children = False,
    as_of: _AsOf = None,
    fmt: _TrackFmt = TrackFormat.table,
) -> None:
    """Nhiệm vụ sắp đến hạn trong số ngày tới, hạn gần nhất trước."""
    from kehoach.tracking import queries

    loaded = _track_load(paths, _as_of_day(as_of), agency, role.value, include_children,
                         ["chua-hoan-thanh-trong-han"])
    rows = _query(queries.upcoming, loaded, within, agency, role.value, include_children)
    _emit_rows(rows, fmt, loaded.as_of, f"nghĩa vụ đến hạn trong {within} ngày tới")
    _track_exit(loaded)


@app.command()
def summary(
    paths: _TrackPaths = None,
    agency: _Agency = None,
    include_children: _Children = False,
    as_of: _AsOf = None,
    fmt: _TrackFmt = TrackFormat.table,
) -> None:
    """Tổng hợp theo cơ quan: hoàn thành đúng hạn/quá hạn, chưa hoàn thành, tỷ lệ đúng hạn."""
    from functools import partial

    from kehoach.tracking import queries, tables

    day = _as_of_day(as_of)
    loaded = _track_load(paths, day, agency, "chu-tri", include_children,
                         reduce=partial(queries.summary_partial, as_of_ordinal=day.toordinal()))
    rows = queries.summary_merge(loaded.partials, loaded.as_of)
    records = [tables.summary_record(r) for r in rows]
    if fmt is TrackFormat.json:
        _write_out(tables.to_json(records))
    elif fmt is TrackFormat.csv:
        _write_out(tables.to_csv(records, tables.SUMMARY_COLUMNS))
    else:
        footer = f"Tính đến ngày {loaded.as_of:%d/%m/%Y}; chỉ tính nghĩa vụ chủ trì."
        _show_table(tables.SUMMARY_HEADERS, tables.summary_cells(rows), footer,
                    tables.SUMMARY_WRAP)
    _track_exit(loaded)

# --- end of deadline and tracking commands ---

# --- render command ---


@app.command()
def render(
    source: Annotated[Path, typer.Argument(help="Tệp kế hoạch (.yaml) hoặc thư mục kế hoạch.")],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Tệp .docx, hoặc thư mục khi xuất cả thư mục "
                     "(mặc định: out/ của kho)."),
    ] = None,
    template: Annotated[
        str | None, typer.Option("--template", "-t", help="Tên mẫu hoặc đường dẫn tệp .j2.")
    ] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Xuất thêm PDF (cần LibreOffice).")] = False,
    force: Annotated[bool, typer.Option("--force", help="Ghi đè tệp đã có.")] = False,
) -> None:
    """Xuất văn bản .docx đúng thể thức (Nghị định 30/2020/NĐ-CP hoặc của Đoàn)."""
    from kehoach.check.checker import check_paths
    from kehoach.diagnostics import formats as report
    from kehoach.fs.repo import display_path
    from kehoach.render import RenderError, convert_to_pdf, render_plan
    from kehoach.render.targets import targets

    if not source.exists():
        _usage(f"Không tìm thấy: {source}")
    result = check_paths([source])
    errors = [d for d in result.diagnostics if d.is_error]
    if errors:
        sys.stderr.write(report.plain(errors))
        print("Kế hoạch còn lỗi: chưa xuất văn bản.", file=sys.stderr)
        raise typer.Exit(1)
    plans = {d.path.resolve(): d.plan for d in result.plans}
    search = [result.root / "templates"] if result.root else []
    try:
        for plan_path, target in targets(source, output, result.root):
            target.parent.mkdir(parents=True, exist_ok=True)
            written = render_plan(plans[plan_path.resolve()], result.registry, target,
                                  template=template, search_dirs=search, force=force,
                                  plan_path=plan_path)
            print(f"Đã ghi {display_path(written)}")
            if pdf:
                print(f"Đã ghi {display_path(convert_to_pdf(written, force=force))}")
    except RenderError as err:
        print(f"Lỗi: {err}", file=sys.stderr)
        raise typer.Exit(1) from None
    except OSError as err:
        from kehoach.fs.oserror import reason_vi

        print(f"Lỗi: không ghi được tệp “{err.filename}”: {reason_vi(err)}.", file=sys.stderr)
        raise typer.Exit(1) from None


# --- end of render command ---

# --- editing commands (fmt, diff, done, undone, extend, git-setup, new) ---


class DiffFormat(StrEnum):
    text = "text"
    json = "json"


@app.command()
def fmt(
    paths: _TrackPaths = None,
    check_only: Annotated[bool, typer.Option(
        "--check", help="Chỉ báo tệp nào cần trình bày lại, không ghi (mã thoát 1 nếu có).")
    ] = False,
) -> None:
    """Đưa kế hoạch về một dạng trình bày YAML thống nhất; giữ nguyên lời văn và chú thích."""
    from kehoach.diagnostics import formats as report
    from kehoach.edit.fmt import format_paths

    missing = [p for p in paths or [] if not p.exists()]
    if missing:
        _usage(f"Không tìm thấy: {', '.join(str(p) for p in missing)}")
    results = format_paths(list(paths or []), check_only=check_only)
    if not results:
        print("Không có tệp .yaml nào để trình bày lại (ngoài kho kế hoạch thì hãy chỉ rõ tệp).",
              file=sys.stderr)
        raise typer.Exit(0)
    failed = [r for r in results if not r.ok]
    changed = [r for r in results if r.ok and r.changed]
    for r in results:
        if r.ok and r.changed:
            print(f"{'Cần trình bày lại' if check_only else 'Đã trình bày lại'}: {r.display}")
        sys.stderr.write(report.plain(r.diagnostics))
    kept = len(results) - len(failed) - len(changed)
    verb = "cần trình bày lại" if check_only else "đã trình bày lại"
    parts = [f"{len(changed)} tệp {verb}", f"{kept} tệp giữ nguyên"]
    if failed:
        parts.append(f"{len(failed)} tệp có lỗi nên không trình bày lại")
    print(", ".join(parts) + ".", file=sys.stderr)
    raise typer.Exit(1 if failed or (check_only and changed) else 0)


@app.command()
def diff(
    versions: Annotated[list[str], typer.Argument(
        help="Hai phiên bản: tệp hoặc git:PHIÊN_BẢN:đường/dẫn (ví dụ git:HEAD~1:plans/a.yaml);"
        " một tệp: so với bản trong git (HEAD).", show_default=False)],
    textconv: Annotated[bool, typer.Option(
        "--textconv", help="In kế hoạch mỗi ý một dòng, cho git diff (xem kehoach git-setup).")
    ] = False,
    fmt: Annotated[DiffFormat, typer.Option(
        "--format", "-f", help="Định dạng: text (lời văn), json.")] = DiffFormat.text,
) -> None:
    """Giải thích thay đổi giữa hai phiên bản của một kế hoạch, theo ngôn ngữ kế hoạch."""
    import json

    from kehoach.diagnostics import formats as report
    from kehoach.review.git import DiffError, load_plan_version
    from kehoach.review.git import textconv as plan_text

    if textconv:
        if len(versions) != 1:
            _usage("--textconv nhận đúng một tệp.")
        try:
            _write_out(plan_text(Path(versions[0])))
        except OSError as exc:
            from kehoach.fs.oserror import reason_vi

            _usage(f"Không đọc được tệp “{versions[0]}”: {reason_vi(exc, reading=True)}.")
        return
    if len(versions) > 2:
        _usage("diff nhận một hoặc hai phiên bản.")
    if len(versions) == 1:
        only = versions[0]
        if only.startswith("git:"):  # that version against the file as it is now
            versions = [only, only[4:].partition(":")[2]]
        else:
            versions = [f"git:HEAD:{only}", only]
    from kehoach.check.checker import load_registry
    from kehoach.fs.repo import find_root
    from kehoach.review.semantic import changes_json, diff_plans, format_changes_vi

    cwd = Path.cwd()
    try:
        old, new = (load_plan_version(v, cwd) for v in versions)
    except DiffError as exc:
        _usage(str(exc))
    broken = [d for doc in (old, new) for d in doc.diagnostics if d.is_error]
    if old.registry is not None or new.registry is not None:
        _usage("diff so sánh hai phiên bản của một kế hoạch; tệp này là danh mục cơ quan (hãy "
               "dùng git diff).")
    if old.plan is None or new.plan is None:
        sys.stderr.write(report.plain(broken))
        print("Lỗi: có phiên bản chưa đọc được thành kế hoạch (lỗi ở trên); chưa so sánh được.",
              file=sys.stderr)
        raise typer.Exit(1)
    registry, _ = load_registry(find_root(cwd))
    changes = diff_plans(old.plan, new.plan, registry)
    if fmt is DiffFormat.json:
        _write_out(json.dumps(changes_json(changes), ensure_ascii=False, indent=2) + "\n")
    else:
        _write_out(format_changes_vi(changes))


_TaskId = Annotated[str, typer.Argument(help="Mã nhiệm vụ (id).", show_default=False)]
_PlanOpt = Annotated[Path | None, typer.Option(
    "--plan", "-p", help="Tệp kế hoạch (mặc định: tìm theo mã nhiệm vụ trong kho).",
    show_default=False)]
_EditAgency = Annotated[str | None, typer.Option(
    "--agency", "-a", help="Cơ quan (khi nhiệm vụ giao cho nhiều cơ quan): mã, tên hoặc chữ "
    "viết tắt.", show_default=False)]
_Occurrence = Annotated[str | None, typer.Option(
    "--occurrence", "-k", help="Kỳ (nhiệm vụ định kỳ): năm (2023) hoặc ngày đến hạn "
    "(15/11/2023).", show_default=False)]
_Note = Annotated[str | None, typer.Option("--note", help="Ghi chú.", show_default=False)]


def _edit_run(task_id: str, plan: Path | None, change: Callable[[Path], Any],
              occurrence: str | None = None) -> None:
    """Find the plan, make one edit, print what was done; a refusal exits 1."""
    from kehoach.diagnostics import formats as report
    from kehoach.edit.lookup import parse_occurrence
    from kehoach.edit.records import EditError, locate_task
    from kehoach.fs.repo import find_root

    if plan is not None and not plan.is_file():
        _usage(f"Không tìm thấy tệp kế hoạch: {plan}")
    if plan is None and find_root(Path.cwd()) is None:
        _usage("Không tìm thấy kho kế hoạch (thư mục có plans/ hoặc kehoach.toml) từ thư mục "
               "này; hãy chạy lệnh trong kho, hoặc chỉ rõ tệp bằng --plan.")
    try:
        parse_occurrence(occurrence)
    except EditError as exc:
        _usage(f"--occurrence: {exc.message_vi}")
    try:
        result = change(plan if plan is not None else locate_task(task_id))
    except EditError as exc:
        print(f"Lỗi: {exc.message_vi}", file=sys.stderr)
        sys.stderr.write(report.plain(exc.diagnostics))
        raise typer.Exit(1) from None
    print(result.message)
    for warning in result.warnings:  # written anyway: odd, not wrong; say so now, not in CI
        print(f"Cảnh báo: {warning.message} ({warning.code})", file=sys.stderr)


@app.command()
def done(
    task_id: _TaskId,
    plan: _PlanOpt = None,
    agency: _EditAgency = None,
    day: Annotated[str | None, typer.Option(
        "--date", "-d", help="Ngày hoàn thành (mặc định: hôm nay).", show_default=False)] = None,
    evidence: Annotated[str | None, typer.Option(
        "--evidence", "-e", help="Minh chứng: số, ký hiệu văn bản báo cáo…", show_default=False)
    ] = None,
    occurrence: _Occurrence = None,
    note: _Note = None,
) -> None:
    """Ghi nhận một nhiệm vụ đã hoàn thành (sửa đúng chỗ, giữ nguyên phần còn lại của tệp)."""
    from kehoach.edit.records import record_done

    when = _day_arg(day, "--date") if day is not None else None
    _edit_run(task_id, plan, lambda path: record_done(
        path, task_id, agency=agency, date=when, evidence=evidence, occurrence=occurrence,
        note=note), occurrence)


@app.command()
def undone(
    task_id: _TaskId,
    plan: _PlanOpt = None,
    agency: _EditAgency = None,
    occurrence: _Occurrence = None,
) -> None:
    """Bỏ một ghi nhận hoàn thành đã ghi nhầm."""
    from kehoach.edit.records import withdraw_done

    _edit_run(task_id, plan, lambda path: withdraw_done(
        path, task_id, agency=agency, occurrence=occurrence), occurrence)


@app.command()
def extend(
    task_id: _TaskId,
    new_deadline: Annotated[str, typer.Argument(
        help="Thời hạn mới, viết như trong văn bản: “quý III/2023”, “trước ngày 30/9/2023”.",
        show_default=False)],
    by: Annotated[str, typer.Option(
        "--by", help="Văn bản cho phép gia hạn (số, ký hiệu).", show_default=False)],
    day: Annotated[str | None, typer.Option(
        "--date", "-d", help="Ngày của văn bản gia hạn (mặc định: hôm nay).", show_default=False)
    ] = None,
    plan: _PlanOpt = None,
    note: _Note = None,
) -> None:
    """Gia hạn một nhiệm vụ; thời hạn gốc vẫn được giữ."""
    from kehoach.deadline.clock import today_vn
    from kehoach.edit.records import extend as extend_task

    if not by.strip() or not new_deadline.strip():
        _usage("gia hạn cần thời hạn mới và văn bản cho phép gia hạn (--by).")
    when = _day_arg(day, "--date") if day is not None else today_vn()
    _edit_run(task_id, plan, lambda path: extend_task(path, task_id, new_deadline, by, when,
                                                      note))


def _textconv_command() -> str:
    """What git runs: ``kehoach`` when it is on PATH, else this very interpreter (a virtual
    environment that is not activated). git runs it through a shell, on Windows too."""
    import shutil

    from kehoach.review.git import TEXTCONV_COMMAND

    if shutil.which("kehoach"):
        return TEXTCONV_COMMAND
    return f'"{Path(sys.executable).as_posix()}" -m kehoach diff --textconv'


@app.command("git-setup")
def git_setup() -> None:
    """Thiết lập kho git để git diff hiện thay đổi của kế hoạch theo từng ý (textconv)."""
    from kehoach.fs.repo import find_root
    from kehoach.review.git import DiffError
    from kehoach.review.git import git_setup as setup

    root = find_root(Path.cwd())
    if root is None:
        _usage("Không tìm thấy kho kế hoạch (thư mục có plans/ hoặc kehoach.toml).")
    try:
        for line in setup(root, _textconv_command()):
            print(line)
    except (DiffError, OSError) as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        raise typer.Exit(1) from None


@app.command()
def new(
    doc_type: Annotated[str, typer.Argument(
        help="Loại văn bản: ke_hoach, chuong_trinh, quy_che, huong_dan, bao_cao…",
        show_default=False)],
    issuer: Annotated[str, typer.Option(
        "--issuer", "-i", help="Mã cơ quan ban hành trong danh mục.", show_default=False)],
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="Tệp sẽ tạo (mặc định: in ra màn hình).", show_default=False)
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Ghi đè tệp đã có.")] = False,
) -> None:
    """Tạo khung một kế hoạch mới (dự thảo) có chú thích hướng dẫn, qua được kehoach check."""
    import os.path

    from kehoach.check.checker import load_registry
    from kehoach.edit.scaffold import new_plan
    from kehoach.fs.repo import display_path, find_root

    root = find_root((output.parent if output else Path.cwd()).absolute()) or find_root(Path.cwd())
    if root is None:
        _usage("Không tìm thấy kho kế hoạch (thư mục có plans/ hoặc kehoach.toml).")
    if output is not None and output.exists() and not force:
        _usage(f"Tệp “{output}” đã có; dùng --force để ghi đè.")
    where = output.parent.absolute() if output else root / "plans"
    schema = os.path.relpath(root / "kehoach.schema.json", where).replace(os.sep, "/")
    registry, _ = load_registry(root)
    if registry.get(issuer) is None:  # a name, as --agency takes: "Sở Nội vụ tỉnh Lạng Sơn"
        from kehoach.plan.registry import AgencyLookupError

        try:
            issuer = registry.find(issuer).id
        except AgencyLookupError as exc:
            if exc.ambiguous:
                _usage(f"--issuer: {exc.message_vi()}")
    try:
        text = new_plan(doc_type, issuer, registry, schema_path=schema)
    except ValueError as exc:
        _usage(str(exc))
    if output is None:
        _write_out(text)
        return
    from kehoach.fs.atomic import write_atomic

    output.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(output, text.encode("utf-8"))
    print(f"Đã tạo {display_path(output)}: hãy điền các chỗ trong [ ] và bỏ dấu # ở phần cần "
          "dùng, rồi chạy kehoach check.")

# --- end of editing commands ---


def _usage(message: str) -> NoReturn:
    print(f"Lỗi: {message}", file=sys.stderr)
    raise typer.Exit(2)


def _utf8_streams() -> None:
    """Vietnamese output must survive Windows consoles and pipes with legacy code pages."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def main() -> None:
    try:  # typer ≥ 0.2x vendors click; older releases use click itself
        from typer._click.exceptions import ClickException, UsageError
    except ImportError:  # pragma: no cover
        from click.exceptions import ClickException, UsageError  # type: ignore[no-redef]

    _utf8_streams()
    localize(app)
    try:
        code = app(standalone_mode=False, prog_name="kehoach")
    except UsageError as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # bare `kehoach`: the help page
            print(exc.format_message())
            sys.exit(2)
        where = exc.ctx.command_path if exc.ctx else "kehoach"
        print(f"Lỗi: {usage_error_vi(exc.format_message())}\nXem: {where} --help",
              file=sys.stderr)
        sys.exit(2)
    except ClickException as exc:
        print(f"Lỗi: {exc.format_message()}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except (KeyboardInterrupt, typer.Abort):
        print("Đã dừng.", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:  # the last guard: a bug must not greet an official as a traceback
        if os.environ.get("KEHOACH_DEBUG"):
            raise
        print(f"Lỗi nội bộ của kehoach ({type(exc).__name__}: {exc}). Hãy báo lỗi kèm tệp kế "
              "hoạch; đặt KEHOACH_DEBUG=1 để xem chi tiết.", file=sys.stderr)
        sys.exit(3)
    sys.exit(code if isinstance(code, int) else 0)
