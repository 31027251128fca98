"""The environment templates run in: Jinja's immutable sandbox, held to ``bounds``.

What a template can do that costs time or memory, and where it is counted:

- loops: the code generator puts a step at the head of every loop body and in every loop
  filter (``{% for x in xs if … %}``), macro and call block; includes cost a step per load;
- operators ``+ - * / // % **`` are intercepted (``call_binop``): sizes of ``"x" * n``,
  ``[x] * n``, ``a + b`` and integer sizes are checked before the result is made, ``%`` on a
  string goes through ``bounds.printf``; ``~`` goes through ``concat_values``;
- calls (``call``): a step each; only an allow-list of methods of built-in types is reachable
  (``is_safe_attribute``), the growing ones (``center``, ``replace``, ``join``…) sized first;
  ``str.format`` goes through a formatter that checks every field's width and size;
- filters: a step each; the growing ones sized first; ``pprint``, ``urlize``, ``xmlattr``,
  ``tojson`` (HTML helpers, of no use in a Word document) and the ``lipsum`` global are gone;
- printed values (``finalize``) and every buffer joined (``concat``) count towards
  ``MAX_OUTPUT``; ``range`` is held to ``MAX_RANGE``.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable
from string import Formatter
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator
from jinja2.exceptions import FilterArgumentError
from jinja2.filters import make_attrgetter
from jinja2.runtime import Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedFormatter
from jinja2.utils import pass_environment

from kehoach.render import budget as bounds
from kehoach.render.budget import MAX_RANGE, Budget, LimitExceeded

# Methods of built-in types a template may call; anything else is refused as unsafe.
_STR_METHODS = frozenset({
    "capitalize", "casefold", "center", "count", "endswith", "find", "format", "format_map",
    "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "islower", "isnumeric",
    "isspace", "istitle", "isupper", "join", "ljust", "lower", "lstrip", "partition",
    "removeprefix", "removesuffix", "replace", "rfind", "rindex", "rjust", "rpartition",
    "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "swapcase", "title",
    "upper", "zfill",
})
_ALLOWED_METHODS: dict[type, frozenset[str]] = {
    str: _STR_METHODS,
    list: frozenset({"count", "index"}),
    tuple: frozenset({"count", "index"}),
    dict: frozenset({"get", "items", "keys", "values"}),
    dt.date: frozenset({"isoformat", "isoweekday", "weekday"}),
}
_BUILT_INS = (str, bytes, list, tuple, dict, set, frozenset, int, float, complex, dt.date)
_REMOVED_FILTERS = ("pprint", "urlize", "xmlattr", "tojson")
# Filters whose result is a new string or list: its size is counted as built.
_BUILDING_FILTERS = frozenset({
    "capitalize", "center", "e", "escape", "forceescape", "format", "indent", "join", "list",
    "lower", "replace", "reverse", "sort", "string", "striptags", "title", "trim", "truncate",
    "unique", "upper", "wordwrap", "dictsort",
})


# What an include or a macro call costs, in loop steps (measured: ~5 µs and ~3 µs, a loop
# step ~0.3 µs), so that the step limit, not the clock, stops fan-outs of them.
INCLUDE_STEPS = 16
MACRO_STEPS = 8
_STEP = "_kehoach_step"  # a marker: never an attribute a template can name (underscore)


def _step_node(lineno: int) -> nodes.EnvironmentAttribute:
    return nodes.EnvironmentAttribute(_STEP, lineno=lineno)


class BoundedCodeGenerator(CodeGenerator):
    """Jinja's code generator with a step in every loop, macro and ``~``-join it writes.

    The step is an ``EnvironmentAttribute`` node with a marker name (Jinja forbids new node
    types), written out as a call of ``environment.budget.step()``.
    """

    def visit_EnvironmentAttribute(self, node: nodes.EnvironmentAttribute, frame: Any) -> None:
        if node.name == _STEP:
            self.write("environment.budget.step()")
        else:
            super().visit_EnvironmentAttribute(node, frame)

    def visit_For(self, node: nodes.For, frame: Any) -> None:
        if not _charged(node.body):
            node.body = [nodes.ExprStmt(_step_node(node.lineno), lineno=node.lineno), *node.body]
            if node.test is not None:
                node.test = nodes.And(_step_node(node.lineno), node.test, lineno=node.lineno)
        super().visit_For(node, frame)

    def macro_body(self, node: Any, frame: Any) -> Any:
        if not _charged(node.body):
            node.body = [nodes.ExprStmt(_step_node(node.lineno), lineno=node.lineno), *node.body]
        return super().macro_body(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Any) -> None:
        self.write("environment.concat_values((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


def _charged(body: list[nodes.Node]) -> bool:
    """Whether a body already starts with its step (a node may be compiled more than once)."""
    first = body[0] if body else None
    return isinstance(first, nodes.ExprStmt) and isinstance(
        first.node, nodes.EnvironmentAttribute) and first.node.name == _STEP


class BoundedEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox with a ``Budget``: one environment per render."""

    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "%", "**"})
    code_generator_class = BoundedCodeGenerator

    def __init__(self, *, finalize: Callable[[Any], str], **options: Any) -> None:
        self.budget = Budget()
        self._finalize_value = finalize
        super().__init__(finalize=self._print, autoescape=False, **options)
        self.globals["range"] = self._range
        self.globals.pop("lipsum", None)
        for name in _REMOVED_FILTERS:
            self.filters.pop(name, None)
        self.filters.update(join=_join, sum=_sum, format=_format)
        for name, func in list(self.filters.items()):
            self.filters[name] = self._counted_filter(name, func)

    # --- what the generated code calls ----------------------------------------------------

    def concat(self, pieces: Iterable[str]) -> str:
        """Join a buffer or the whole stream, counting it before the join allocates."""
        parts = []
        total = 0
        for piece in pieces:
            total += len(piece)
            if total > bounds.MAX_OUTPUT:
                self.budget.emit(total)
            parts.append(piece)
        self.budget.emit(total)
        return "".join(parts)

    def concat_values(self, values: tuple[Any, ...]) -> str:
        """``a ~ b``: sized before the strings are made."""
        self.budget.step()
        self.budget.build(sum(bounds.printed_size(v) for v in values))
        return "".join(str(v) for v in values)

    def _print(self, value: Any) -> str:
        self.budget.step()
        size = bounds.printed_size(value, bounds.MAX_OUTPUT - self.budget.output)
        if self.budget.output + size > bounds.MAX_OUTPUT:
            self.budget.emit(size)
        return self._finalize_value(value)

    def _range(self, *args: int) -> range:
        self.budget.step()
        numbers = range(*args)
        try:
            too_long = len(numbers) > MAX_RANGE
        except OverflowError:  # longer than a C integer can count
            too_long = True
        if too_long:
            raise LimitExceeded(f"range() có hơn {MAX_RANGE:,} phần tử".replace(",", "."))
        return numbers

    def get_template(self, name: Any, parent: str | None = None, globals: Any = None) -> Any:
        self.budget.step(INCLUDE_STEPS)
        return super().get_template(name, parent, globals)

    # --- the sandbox's hooks --------------------------------------------------------------

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if not super().is_safe_attribute(obj, attr, value):
            return False
        if isinstance(obj, _BUILT_INS) and callable(value):
            allowed = next((m for t, m in _ALLOWED_METHODS.items() if isinstance(obj, t)), ())
            return attr in allowed
        return True

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.budget.step()
        if operator == "%" and isinstance(left, str):
            return bounds.printf(self.budget, left, right)
        _size_binop(self.budget, operator, left, right)
        return bounds.check_int(self.binop_table[operator](left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        __self.budget.step(MACRO_STEPS if isinstance(__obj, Macro) else 1)
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str) and getattr(__obj, "__name__", "") == "join" and args:
            args = (list(args[0]), *args[1:])
            __self.budget.fits(bounds.joined_size(args[0], owner))
        elif isinstance(owner, str):
            __self.budget.fits(bounds.method_size(__obj.__name__, owner, args, kwargs))
        result = super().call(__context, __obj, *args, **kwargs)
        if isinstance(owner, str) and isinstance(result, str | list) and result is not owner:
            __self.budget.build(len(result))
        return bounds.check_int(result)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        owner: str = value.__self__
        formatter = _BoundedFormatter(self)
        is_map = value.__name__ == "format_map"

        def bounded(*args: Any, **kwargs: Any) -> str:
            if is_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                kwargs, args = args[0], ()
            formatter.total = 0
            result = formatter.vformat(owner, args, kwargs)
            self.budget.build(len(result))
            return result

        return functools.update_wrapper(bounded, value)

    def _counted_filter(self, name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        check = _FILTER_CHECKS.get(name)
        passes = getattr(func, "jinja_pass_arg", None) is not None
        building = name in _BUILDING_FILTERS
        budget = self.budget

        @functools.wraps(func)
        def counted(*args: Any, **kwargs: Any) -> Any:
            budget.step()
            if check is not None:
                check(*(args[1:] if passes else args), **kwargs)
            result = func(*args, **kwargs)
            if building and isinstance(result, str | list):
                budget.build(len(result))
            return bounds.check_int(result)

        return counted


class _BoundedFormatter(SandboxedFormatter):
    """``str.format`` in the sandbox, every field's width and printed size checked first."""

    total = 0

    def format_field(self, value: Any, format_spec: str) -> Any:
        bounds.check_format_spec(format_spec)
        self.total += bounds.printed_size(value)
        Budget.fits(self.total)
        text = Formatter.format_field(self, value, format_spec)
        self.total += len(text)
        Budget.fits(self.total)
        return text


def _size_binop(budget: Budget, operator: str, left: Any, right: Any) -> None:
    sized = (str, list, tuple)
    if operator == "*":
        if isinstance(left, int) and isinstance(right, int):
            if left.bit_length() + right.bit_length() > bounds.MAX_INT_BITS + 1:
                bounds.check_int(1 << (bounds.MAX_INT_BITS + 1))
        elif isinstance(left, sized) and isinstance(right, int):
            budget.build(len(left) * max(right, 0))
        elif isinstance(right, sized) and isinstance(left, int):
            budget.build(len(right) * max(left, 0))
    elif operator == "**" and isinstance(left, int) and isinstance(right, int):
        if abs(left) > 1 and right > 0 and (left.bit_length() - 1) * right > bounds.MAX_INT_BITS:
            bounds.check_int(1 << (bounds.MAX_INT_BITS + 1))
    elif operator == "+" and isinstance(left, sized) and isinstance(right, sized):
        budget.build(len(left) + len(right))


# --- filters replaced or checked before they run ---------------------------------------------


@pass_environment
def _join(environment: Any, value: Iterable[Any], d: str = "", attribute: Any = None) -> str:
    """Jinja's ``join``, its result sized before it is made."""
    items = list(value)
    if attribute is not None:
        getter = make_attrgetter(environment, attribute)
        items = [getter(item) for item in items]
    Budget.fits(bounds.joined_size(items, str(d)))
    return str(d).join(str(item) for item in items)


@pass_environment
def _sum(environment: Any, iterable: Iterable[Any], attribute: Any = None, start: Any = 0) -> Any:
    """Jinja's ``sum``, for numbers only (adding up lists one by one takes quadratic time)."""
    if not isinstance(start, int | float):
        raise TypeError("bộ lọc sum chỉ cộng các số")
    getter = make_attrgetter(environment, attribute) if attribute is not None else None
    total = start
    for item in iterable:
        value = getter(item) if getter else item
        if not isinstance(value, int | float):
            raise TypeError("bộ lọc sum chỉ cộng các số")
        total = bounds.check_int(total + value)
    return total


def _check_width(limit_name: str) -> Callable[..., None]:
    def check(value: Any = None, count: Any = None, fill_with: Any = None, **_: Any) -> None:
        if isinstance(count, int) and count > MAX_RANGE:
            raise LimitExceeded(f"bộ lọc {limit_name}({count:,}) quá giới hạn "
                                f"{MAX_RANGE:,}".replace(",", "."))

    return check


def _check_printed(factor: int) -> Callable[..., None]:
    def check(value: Any = None, *args: Any, **kwargs: Any) -> None:
        Budget.fits(bounds.printed_size(value) * factor)

    return check


def _check_center(value: Any = "", width: Any = 80, **_: Any) -> None:
    if isinstance(width, int):
        Budget.fits(max(len(str(value)), width))


def _check_indent(value: Any = "", width: Any = 4, *args: Any, **kwargs: Any) -> None:
    Budget.fits(bounds.indented_size(str(value), kwargs.get("width", width)))


def _check_wordwrap(value: Any = "", width: Any = 79, break_long_words: Any = True,
                    wrapstring: Any = None, *args: Any, **kwargs: Any) -> None:
    wrapstring = kwargs.get("wrapstring", wrapstring)
    Budget.fits(len(str(value)) * (1 + len(str(wrapstring or "\n"))))


def _check_replace(value: Any = "", old: Any = "", new: Any = "", count: Any = None) -> None:
    Budget.fits(bounds.replaced_size(str(value), str(old), str(new),
                                     count if isinstance(count, int) else -1))


@pass_environment
def _format(environment: Any, value: Any, *args: Any, **kwargs: Any) -> str:
    """Jinja's ``format`` (``"%05d"|format(n)``), one conversion at a time, each sized first."""
    if args and kwargs:
        raise FilterArgumentError("không dùng được cả tham số theo vị trí lẫn theo tên")
    return bounds.printf(environment.budget, str(value), kwargs or args)


_FILTER_CHECKS: dict[str, Callable[..., None]] = {
    "batch": _check_width("batch"),
    "slice": _check_width("slice"),
    "center": _check_center,
    "indent": _check_indent,
    "wordwrap": _check_wordwrap,
    "replace": _check_replace,
    "string": _check_printed(1),
    "e": _check_printed(6),
    "escape": _check_printed(6),
    "forceescape": _check_printed(6),
}
