"""How much the fuzzers run, and an in-process CLI for long runs (a helper module: no tests).

``make test`` runs a short slice that is the same on every run (``derandomize``: Hypothesis
derives each test's examples from the test itself), so CI never fails by luck. ``make fuzz``
sets ``KEHOACH_FUZZ_SCALE`` (examples multiplied; 64 gives over 100,000 inputs in all) and
``KEHOACH_FUZZ_INPROCESS=1``: examples are then random, a failure is kept in Hypothesis's
database (``.hypothesis/``) and replayed first next time, and the CLI fuzzer calls
``kehoach.cli.main()`` in this process instead of forking one process per run — the same
code path, a hundred times the throughput.

Why Hypothesis and not atheris: the inputs worth throwing at kehoach are structured (plans,
then mutated, dumped in every YAML style, damaged as text), which Hypothesis's strategies
build and shrink to a minimal failing plan; the fuzzers were already written with it; and it
runs wherever kehoach runs, Windows included, while atheris needs a clang-built CPython
extension (no Windows wheels) and mutates raw bytes, whose coverage guidance mostly explores
libyaml's C scanner, which kehoach does not own.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings

SCALE = max(1, int(os.environ.get("KEHOACH_FUZZ_SCALE", "1")))
DEEP = SCALE > 1
"""A long run (``make fuzz``): random examples; else the fixed slice CI runs."""
IN_PROCESS = os.environ.get("KEHOACH_FUZZ_INPROCESS") == "1" or not hasattr(os, "fork")


def dump(data: Any, **options: Any) -> str:
    """YAML text of ``data`` by libyaml's emitter (the pure-Python one is most of the time an
    example takes to generate)."""
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, **options)


def fuzz_settings(examples: int, **extra: Any) -> settings:
    """Settings of a fuzz test asking for ``examples`` per run of ``make test``."""
    return settings(
        max_examples=examples * SCALE, deadline=None, derandomize=not DEEP,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                               HealthCheck.function_scoped_fixture,
                               HealthCheck.filter_too_much],
        **extra)


@dataclass
class Run:
    """What a CLI run gave: the fields of ``forkrun.Run`` the fuzzers read."""

    code: int | None
    stdout: str
    stderr: str
    signal: int | None = None
    timed_out: bool = False

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


class InProcess:
    """``kehoach.cli.main()`` called here, with its own argv, folder and captured streams.

    typer builds the click command from the app on every call (140 ms, most of a short run);
    a process does it once, so here it is built once too.
    """

    def __enter__(self) -> InProcess:
        import typer.main

        self._build = typer.main.get_command
        built: dict[int, Any] = {}

        def once(app: Any) -> Any:
            if id(app) not in built:
                built[id(app)] = self._build(app)
            return built[id(app)]

        typer.main.get_command = once
        return self

    def __exit__(self, *exc: object) -> None:
        import typer.main

        typer.main.get_command = self._build

    def run(self, argv: list[str] | None = None, *, cwd: Path, code: str | None = None,
            **_: Any) -> Run:
        assert argv is not None and code is None, "in process, only CLI commands run"
        from kehoach.cli import main

        out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
        err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
        saved = sys.argv, os.getcwd()
        status: int | None = 70
        try:
            os.chdir(cwd)
            sys.argv = ["kehoach", *argv]
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    main()
                    status = 0
                except SystemExit as exc:
                    status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None
                                                                       else 1)
        finally:
            sys.argv = saved[0]
            os.chdir(saved[1])
        return Run(status, _text(out), _text(err))


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    return stream.buffer.getvalue().decode("utf-8", "replace")  # type: ignore[attr-defined]
