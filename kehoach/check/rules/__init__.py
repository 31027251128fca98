"""Rules the schema cannot express, one small module each.

Each rule module has a ``CODES`` docstring-documented set and a ``check(ctx)`` generator of
findings. ``PLAN_RULES`` run on every valid plan, ``REGISTRY_RULES`` on the registry.
"""

from __future__ import annotations

from kehoach.check.rules import (
    agencies,
    bodies,
    dates,
    deadlines,
    footnote_refs,
    issued,
    legal_basis,
    symbol,
    tasks,
)
from kehoach.check.rules.base import PlanRule, RegistryRule


def plan_rules() -> list[PlanRule]:
    return [issued.check, bodies.check, symbol.check, legal_basis.check, dates.check,
            footnote_refs.check, tasks.check, deadlines.check]


def registry_rules() -> list[RegistryRule]:
    return [agencies.check]
