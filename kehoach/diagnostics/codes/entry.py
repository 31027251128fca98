"""One entry of the code registry: what a diagnostic code means, as ruff documents a rule."""

from __future__ import annotations

from dataclasses import dataclass

from kehoach.diagnostics.severity import Severity

ERROR = Severity.ERROR
WARNING = Severity.WARNING

# Groups, in the order docs/codes.md and ``kehoach explain --all`` list them.
FILE = "Tệp"
YAML = "Cú pháp YAML"
SCHEMA = "Định dạng kế hoạch"
PLAN = "Nội dung kế hoạch"
TASK = "Nhiệm vụ"
REGISTRY = "Danh mục cơ quan"
DEADLINE = "Thời hạn"
CONFIG = "Cấu hình kho"
REPORT = "Phần viết của báo cáo"
INTERNAL = "Lỗi nội bộ của kehoach"
GROUPS = (FILE, YAML, SCHEMA, PLAN, TASK, REGISTRY, DEADLINE, REPORT, CONFIG, INTERNAL)


@dataclass(frozen=True, slots=False)
class Code:
    """A diagnostic code: its severity, title, explanation and a bad and a good example.

    ``security`` marks a code that guards kehoach and its readers against a hostile file
    (resource exhaustion, objects built from tags, values that parsers read differently):
    no repository configuration may switch it off or lower it. ``bad`` and ``good`` are YAML
    (a comment stands in where the problem is not in the text, e.g. a binary file); the
    internal codes, which no author causes, have none.
    """

    name: str
    severity: Severity
    group: str
    title: str
    explanation: str
    bad: str = ""
    good: str = ""
    security: bool = False
