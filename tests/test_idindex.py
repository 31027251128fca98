"""Checking one plan sees the other plans' task ids, through a remembered scan."""

from __future__ import annotations

import os

from tests.conftest import diagnose
from tests.test_check_rules import BASE


def test_a_later_edit_to_another_plan_is_seen(repo):
    root = repo({"a.yaml": BASE, "b.yaml": BASE.replace("id: t1", "id: t2")})
    assert diagnose(root, "a.yaml") == []  # fills the index
    other = root / "plans" / "b.yaml"
    other.write_text(BASE, encoding="utf-8")  # now b also defines t1
    st = other.stat()
    os.utime(other, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert diagnose(root, "a.yaml") == [(19, 17, "duplicate-task-id")]


def test_a_corrupt_index_is_rebuilt(repo):
    root = repo({"a.yaml": BASE, "b.yaml": BASE})
    index = next(iter(__import__("pathlib").Path(os.environ["KEHOACH_CACHE_DIR"]).glob(
        "task-ids.json")), None)
    if index is not None:
        index.write_text("{not json", encoding="utf-8")
    assert diagnose(root, "a.yaml") == [(19, 17, "duplicate-task-id")]


def test_ids_in_quotes_and_flow_style_are_found(repo):
    other = BASE.replace("          - id: t1\n", "          - {id: \"t1\"}\n          - id: t9\n")
    root = repo({"a.yaml": BASE, "b.yaml": other})
    assert diagnose(root, "a.yaml") == [(19, 17, "duplicate-task-id")]
