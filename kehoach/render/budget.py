"""How much a template may do: the limits, the budget that counts, and sizes checked up front.

A repository's templates are hostile input. Jinja's sandbox keeps them away from Python's
internals, not from asking for ``range(100000)`` inside ``range(100000)`` or for a string of
10**9 characters. So a render gets a budget (``Budget``): every loop iteration, call, operator,
filter, include and printed value costs a step; every string or list an operator, filter or
method builds is counted, its size known *before* it is built; the clock is read at every step.
A limit reached raises ``LimitExceeded``, which ``templating`` reports as a ``RenderError``
naming the template's file and line. The numbers are in ``docs/guarantees.md``.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from typing import Any

from kehoach.errors import KehoachError

MAX_STEPS = 2_000_000  # steps in one render (the packaged templates: ~12 per item of the plan)
MAX_SECONDS = 5.0  # wall clock for everything a template does (a 10 MiB plan: ~0.5 s)
MAX_RANGE = 100_000  # items of one range() (Jinja's own sandbox limit)
MAX_VALUE = 4 * 1024 * 1024  # characters (or items) of one value built by the template
MAX_BUILT = 32 * 1024 * 1024  # characters (or items) of all values built in one render
MAX_OUTPUT = 32 * 1024 * 1024  # characters of the rendered block stream
MAX_INT_BITS = 14_000  # about 4,200 decimal digits, under Python's 4,300-digit print limit
MAX_TEMPLATE_BYTES = 1024 * 1024  # one template file


class LimitExceeded(KehoachError):
    """A template asked for more than a render may do; ``message_vi`` says which limit."""

    def __init__(self, message_vi: str):
        self.message_vi = message_vi
        super().__init__(message_vi)


def _n(number: int) -> str:
    return f"{number:,}".replace(",", ".")


class Budget:
    """What one render has spent: steps, characters built, characters printed, time."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Start again from nothing: an environment that renders many pages (the web view's)
        gives each render the whole budget, as a fresh environment would."""
        self.steps = 0
        self.built = 0
        self.output = 0
        self.deadline = time.monotonic() + MAX_SECONDS

    def step(self, cost: int = 1) -> bool:
        """Count work; ``True`` so that it can stand in a condition of generated code."""
        self.steps += cost
        if self.steps > MAX_STEPS:
            raise LimitExceeded(f"quá {_n(MAX_STEPS)} bước xử lý (vòng lặp, lời gọi, phép "
                                "tính) — mẫu có vòng lặp lồng nhau quá lớn hoặc không dừng")
        if time.monotonic() > self.deadline:
            raise LimitExceeded(f"chạy quá {MAX_SECONDS:g} giây")
        return True

    @staticmethod
    def fits(size: int) -> None:
        """Refuse a value of ``size`` characters (or items) before it is built."""
        if size > MAX_VALUE:
            raise LimitExceeded(f"tạo một giá trị dài {_n(size)} ký tự (phần tử), quá giới hạn "
                                f"{_n(MAX_VALUE)}")

    def build(self, size: int) -> None:
        """Count a value about to be built, ``size`` characters (or items) long."""
        self.fits(size)
        self.built += size
        if self.built > MAX_BUILT:
            raise LimitExceeded(f"tạo tổng cộng quá {_n(MAX_BUILT)} ký tự (phần tử)")

    def emit(self, size: int) -> None:
        """Count characters of the rendered stream."""
        self.output += size
        if self.output > MAX_OUTPUT:
            raise LimitExceeded(f"kết quả dài quá {_n(MAX_OUTPUT)} ký tự")


def check_int(value: Any) -> Any:
    """``value`` itself, unless it is an integer past ``MAX_INT_BITS``."""
    if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        raise LimitExceeded(f"tạo một số nguyên quá lớn (hơn {_n(MAX_INT_BITS)} bit)")
    return value


def printed_size(value: Any, limit: int = MAX_VALUE) -> int:
    """An upper bound of the characters ``str(value)`` takes, counted without building it.

    A list holding one long string a million times is small in memory and huge on paper; this
    walks containers (a Jinja ``namespace`` too) and stops as soon as ``limit`` is passed, so
    its own cost is bounded by ``limit``.
    """
    total, stack = 0, [value]
    while stack and total <= limit:
        item = stack.pop()
        if isinstance(item, str):
            total += len(item)
        elif isinstance(item, list | tuple | set | frozenset | dict):
            total += 2 + 2 * len(item)
            if total <= limit:
                stack.extend(item.items() if isinstance(item, dict) else item)
        elif isinstance(item, int):
            total += item.bit_length() // 3 + 2
        else:
            attrs = _namespace_attrs(item)
            total += 32
            if attrs is not None:
                stack.append(attrs)
    return total


def _namespace_attrs(item: Any) -> dict[str, Any] | None:
    """The attributes of a Jinja ``namespace()`` (its repr prints them all)."""
    from jinja2.utils import Namespace

    if isinstance(item, Namespace):
        return item._Namespace__attrs
    return None


# --- printf-style formatting: ``"%05d" % n`` and the ``format`` filter ----------------------

_CONVERSION = re.compile(
    r"%(?:\((?P<key>[^()]*)\))?(?P<flags>[#0 +-]*)(?P<width>\*|\d+)?"
    r"(?:\.(?P<precision>\*|\d+))?[hlL]?(?P<type>[diouxXeEfFgGcrsa%])"
)


def printf(budget: Budget, template: str, args: Any) -> str:
    """``template % args``, one conversion at a time, each one's size known before it is made.

    Python's own ``%`` is used for every conversion, so the result is the same; what changes is
    that a width of 10**9, or ``%s`` of a huge value, is refused before it is built.
    """
    mapping = args if isinstance(args, Mapping) else None
    queue = list(args) if isinstance(args, tuple) else [args] if mapping is None else []
    pieces: list[str] = []
    total, position = 0, 0
    for match in _CONVERSION.finditer(template):
        literal = template[position:match.start()]
        if "%" in literal:
            raise ValueError(f"định dạng “%” không hiểu được: {literal[literal.index('%'):]!r}")
        pieces.append(literal)
        pieces.append(_convert(match, mapping, queue))
        total += len(pieces[-2]) + len(pieces[-1])
        budget.fits(total)
        position = match.end()
    if "%" in template[position:]:
        raise ValueError("định dạng “%” không hiểu được")
    if queue and mapping is None:
        raise TypeError("not all arguments converted during string formatting")
    pieces.append(template[position:])
    budget.build(total + len(pieces[-1]))
    return "".join(pieces)


def _convert(match: re.Match[str], mapping: Mapping[str, Any] | None, queue: list[Any]) -> str:
    spec = match.group(0)
    if match["type"] == "%":
        return "%"
    stars = [_pop(queue) for part in ("width", "precision") if match[part] == "*"]
    written = [int(match[p]) for p in ("width", "precision") if match[p] and match[p] != "*"]
    for number in (*stars, *written):
        if isinstance(number, int) and abs(number) > MAX_VALUE:
            raise LimitExceeded(f"định dạng “{spec}” đòi độ rộng {_n(abs(number))}, quá giới "
                                f"hạn {_n(MAX_VALUE)}")
    if match["key"] is not None:
        if mapping is None:
            raise TypeError("format requires a mapping")
        value = mapping[match["key"]]
        spec = spec.replace(f"({match['key']})", "", 1)
    else:
        value = _pop(queue)
    size = printed_size(value) if match["type"] in "rsa" else 0
    if size > MAX_VALUE:
        raise LimitExceeded(f"định dạng “{spec}” in một giá trị dài {_n(size)} ký tự")
    return spec % (*stars, value)


def _pop(queue: list[Any]) -> Any:
    if not queue:
        raise TypeError("not enough arguments for format string")
    return queue.pop(0)


# --- sizes known before a string method or filter builds its result -------------------------

_WIDTH = re.compile(r"\d+")


def check_format_spec(spec: str) -> None:
    """A ``str.format`` field's spec (``{:>10}``): no width or precision past ``MAX_VALUE``."""
    for digits in _WIDTH.findall(spec):
        if len(digits) > 12 or int(digits) > MAX_VALUE:
            raise LimitExceeded(f"định dạng “{{:{spec}}}” đòi độ rộng quá giới hạn "
                                f"{_n(MAX_VALUE)}")


def joined_size(items: list[Any], separator: str) -> int:
    return sum(printed_size(i) for i in items) + len(separator) * max(len(items) - 1, 0)


def replaced_size(text: str, old: str, new: str, count: int = -1) -> int:
    hits = len(text) + 1 if old == "" else text.count(old)
    if count is not None and count >= 0:
        hits = min(hits, count)
    return len(text) + hits * (len(new) - len(old))


def method_size(name: str, text: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    """The size of ``text.name(*args)`` for the string methods that can grow; 0 for others."""
    if name in ("center", "ljust", "rjust", "zfill"):
        width = args[0] if args else kwargs.get("width", 0)
        return max(len(text), width) if isinstance(width, int) else 0
    if name == "replace" and len(args) >= 2 and isinstance(args[0], str):
        count = args[2] if len(args) > 2 else kwargs.get("count", -1)
        return replaced_size(text, args[0], str(args[1]), count)
    return 0


def indented_size(text: str, width: Any) -> int:
    step = len(width) if isinstance(width, str) else width if isinstance(width, int) else 0
    return len(text) + (text.count("\n") + 1) * max(step, 0)
