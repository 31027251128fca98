"""The typer application, its root options and ``main()``: the last guard before a user sees
anything. Commands live in the ``*_cmd`` modules beside this one."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Annotated

import typer

from kehoach import __version__
from kehoach.cli.typer_adapter import (
    ClickException,
    Group,
    NoArgsIsHelpError,
    UsageError,
    localize,
    usage_error_vi,
)
from kehoach.textnorm import printable

app = typer.Typer(
    name="kehoach",
    help="Kế hoạch hành chính dưới dạng YAML: kiểm tra, theo dõi thời hạn, xuất văn bản .docx.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    cls=Group,
)


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


def _utf8_streams() -> None:
    """Vietnamese output must survive Windows consoles and pipes with legacy code pages."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


@contextmanager
def _only_command(args: Sequence[str]) -> Iterator[None]:
    """Typer builds every command before it runs one (reading each function's signature and
    annotations: ~30 ms of every run). When the first argument names a command, the app holds
    only that command meanwhile; anything else (help, a group, a typo, shell completion)
    sees them all."""
    commands = app.registered_commands
    name = args[0] if args and "_KEHOACH_COMPLETE" not in os.environ else None
    only = [c for c in commands if name is not None and name == _command_name(c)]
    if len(only) == 1:
        app.registered_commands = only
    try:
        yield
    finally:
        app.registered_commands = commands


def _command_name(info: typer.models.CommandInfo) -> str | None:
    """The name typer gives a command: its own, or its function's (``git_setup``: git-setup)."""
    if info.name or info.callback is None:
        return info.name
    return info.callback.__name__.lower().replace("_", "-")


def main() -> None:
    from kehoach.errors import KehoachError
    from kehoach.fs.atomic import AtomicWriteError
    from kehoach.fs.stdio import OutputError, guard_stdout, is_broken_pipe

    closed = guard_stdout()
    if closed:
        print(f"Lỗi: {closed}", file=sys.stderr)
        sys.exit(2)
    _utf8_streams()
    localize(app)
    try:
        with _only_command(sys.argv[1:]):
            code = app(standalone_mode=False, prog_name="kehoach")
        sys.stdout.flush()
    except OutputError as exc:
        # `kehoach tasks | head` : the reader chose to stop; say nothing, as cat and git do.
        if not is_broken_pipe(exc):
            print(f"Lỗi: {exc.message_vi}", file=sys.stderr)
        sys.exit(1)
    except AtomicWriteError as exc:  # a file no command caught
        print(f"Lỗi: {exc.message_vi}", file=sys.stderr)
        sys.exit(1)
    except NoArgsIsHelpError as exc:  # bare `kehoach`: the help page
        print(exc.format_message())
        sys.exit(2)
    except UsageError as exc:
        where = exc.ctx.command_path if exc.ctx else "kehoach"
        print(f"Lỗi: {usage_error_vi(exc.format_message())}\nXem: {where} --help",
              file=sys.stderr)
        sys.exit(2)
    except KehoachError as exc:  # the user's to fix, and no command said it more precisely
        print(f"Lỗi: {exc.message_vi}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except ClickException as exc:
        print(f"Lỗi: {exc.format_message()}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except (KeyboardInterrupt, typer.Abort):
        print("Đã dừng.", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:  # the last guard: a bug must not greet an official as a traceback
        if os.environ.get("KEHOACH_DEBUG"):
            raise
        print(f"Lỗi nội bộ của kehoach ({type(exc).__name__}: {printable(str(exc))}). Hãy báo "
              "lỗi kèm tệp kế hoạch; đặt KEHOACH_DEBUG=1 để xem chi tiết.", file=sys.stderr)
        sys.exit(3)
    sys.exit(code if isinstance(code, int) else 0)
