"""Rules the schema cannot express, one small module each.

Each rule module has a ``CODES`` set, the codes it emits (tests/check/test_codes.py holds it
to what the module's source emits, and each code to the registry in
``kehoach.diagnostics.codes``, which gives every code its severity), and a ``check(ctx)``
generator of findings. ``plan_rules()`` run on every valid plan, ``registry_rules()`` on the
registry.
"""

from __future__ import annotations

from kehoach.check.rules import (
    agencies,
    bodies,
    dates,
    deadlines,
    events,
    footnote_refs,
    issued,
    legal_basis,
    sizes,
    spoofing,
    symbol,
    tasks,
    version,
)
from kehoach.check.rules.base import PlanRule, RegistryRule


def plan_rules() -> list[PlanRule]:
    return [version.check, issued.check, bodies.check, symbol.check, legal_basis.check,
            dates.check, footnote_refs.check, tasks.check, deadlines.check, events.check,
            spoofing.check_plan, sizes.check]


def registry_rules() -> list[RegistryRule]:
    return [agencies.check, spoofing.check_registry]
