"""Diagnostics as SARIF 2.1.0, the format code-scanning tools read (GitHub, GitLab, VS Code's
SARIF viewer): one run of the tool ``kehoach``, its rules from the code registry."""

from __future__ import annotations

import json
from collections.abc import Sequence

from kehoach import __version__
from kehoach.diagnostics.codes import CODES
from kehoach.diagnostics.diagnostic import Diagnostic

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def sarif(diagnostics: Sequence[Diagnostic]) -> str:
    used = sorted({d.code for d in diagnostics})
    rules = [{"id": code, "name": code, "shortDescription": {"text": CODES[code].title},
              "fullDescription": {"text": CODES[code].explanation},
              "defaultConfiguration": {"level": CODES[code].severity.value}}
             for code in used]
    results = [{
        "ruleId": d.code, "ruleIndex": used.index(d.code), "level": d.severity.value,
        "message": {"text": d.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": d.path.replace("\\", "/")},
            "region": {"startLine": max(d.line, 1), "startColumn": max(d.column, 1)},
        }}],
    } for d in diagnostics]
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "kehoach", "version": __version__, "rules": rules}},
        "results": results,
    }]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
