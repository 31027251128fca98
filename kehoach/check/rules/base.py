"""What every rule shares: the finding a rule yields and the context it reads."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from kehoach.diagnostics.codes import lookup
from kehoach.diagnostics.severity import Severity
from kehoach.plan.model import Plan, RegistryFile
from kehoach.plan.registry import Registry


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
    plan: Plan
    registry: Registry


@dataclass(frozen=True)
class RegistryContext:
    file: RegistryFile
    registry: Registry


PlanRule = Callable[[PlanContext], Iterator[Finding]]
RegistryRule = Callable[[RegistryContext], Iterator[Finding]]
