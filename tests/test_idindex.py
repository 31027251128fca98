"""Checking one plan sees the other plans' task ids, through a remembered scan."""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.check.idindex import ids_in
from kehoach.fs.cache import cache_dir
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
    assert diagnose(root, "a.yaml") == [(19, 17, "duplicate-task-id")]  # fills the index
    index = cache_dir(root) / "task-ids.json"
    assert index.is_file()
    index.write_text("{not json", encoding="utf-8")
    assert diagnose(root, "a.yaml") == [(19, 17, "duplicate-task-id")]


def test_ids_in_quotes_and_flow_style_are_found(repo):
    other = BASE.replace("          - id: t1\n", "          - {id: \"t1\"}\n          - id: t9\n")
    root = repo({"a.yaml": BASE, "b.yaml": other})
    assert diagnose(root, "a.yaml") == [(19, 17, "duplicate-task-id")]


@pytest.mark.parametrize(("text", "ids"), [
    ("- id: a\n", {"a"}),
    ("      - id: 'b'  # chú thích\n", {"b"}),
    ('  "id" : "c"\n', {"c"}),
    ("nhiem_vu: [{id: d, chu_tri: x}, {chu_tri: y, id: e}]\n", {"d", "e"}),
    ("- - id: f\n", {"f"}),
    ("xid: {id: g}\n", {"g"}),  # a non-key "id" does not hide the key after it
    ("valid: h\nnoi_dung: tài liệu id: i\nids: j\n", set()),
    ("id:\n", set()),
])
def test_what_counts_as_an_id_key(text, ids):
    assert ids_in(text) == ids


# The first pattern, which tried its start at every character: the new scan must find the same.
_REFERENCE = re.compile(r"""(?:^|[{,])[ \t-]*["']?id["']?[ \t]*:[ \t]*["']?([^\s"'#,}\]]+)""",
                        re.MULTILINE)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["id", ":", " ", "\n", "-", "{", "}", ",", "'", '"', "x",
                                 "#", "[", "]", "\t", "đ", "i", "d"]), max_size=60).map("".join))
def test_the_scan_agrees_with_the_reference_pattern(text):
    assert ids_in(text) == {m.group(1) for m in _REFERENCE.finditer(text)}
