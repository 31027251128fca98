"""What every rule shares: the finding a rule yields and the context it reads."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from kehoach.diagnostics.codes import lookup
from kehoach.diagnostics.severity import Severity
from kehoach.plan.markup import plain
from kehoach.plan.model import Plan, RegistryFile
from kehoach.plan.registry import Registry
from kehoach.plan.walk import ItemRef, TaskRef, item_line, iter_items, iter_tasks


@dataclass(frozen=True)
class Finding:
    """A problem a rule found at a data path; its severity is the code registry's."""

    path: tuple[Any, ...]
    code: str
    message: str
    on_key: bool = False

    def __post_init__(self) -> None:
        lookup(self.code)  # an unregistered code fails where the rule emits it

    @property
    def severity(self) -> Severity:
        return lookup(self.code).severity


def finding(path: tuple[Any, ...], code: str, message: str, on_key: bool = False) -> Finding:
    """What a rule yields: the problem at ``path`` (at its key with ``on_key``)."""
    return Finding(path, code, message, on_key)


@dataclass(frozen=True)
class PlanContext:
    """A plan and its registry; the plan's items and tasks are walked once for all rules
    (a dozen rules walked them a dozen times: a fifth of a cold ``check``)."""

    plan: Plan
    registry: Registry

    @cached_property
    def items(self) -> list[ItemRef]:
        return list(iter_items(self.plan))

    @cached_property
    def tasks(self) -> list[TaskRef]:
        return list(iter_tasks(self.plan, self.items))

    @cached_property
    def texts(self) -> dict[int, str]:
        """Each item's ``subtree_text``, by the item's ``id()`` (the items live as long as the
        context): computed once, bottom-up, instead of once per task and per level."""
        out: dict[int, str] = {}
        for ref in reversed(self.items):  # children come after their parent
            item = ref.item
            out[id(item)] = "\n".join([plain(item_line(item)),
                                        *(out[id(child)] for child in item.muc)])
        return out


@dataclass(frozen=True)
class RegistryContext:
    file: RegistryFile
    registry: Registry


PlanRule = Callable[[PlanContext], Iterator[Finding]]
RegistryRule = Callable[[RegistryContext], Iterator[Finding]]
