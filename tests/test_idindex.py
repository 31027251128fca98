"""Checking one plan sees the other plans' task ids, through a remembered scan."""

from __future__ import annotations

import os
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.check import checkdb, idindex
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


@pytest.mark.parametrize("damage", [
    b"{not json",
    b"SQLite format 3\x00" + b"\xff" * 200,  # a header, then nothing SQLite can read
])
def test_a_corrupt_index_is_rebuilt(repo, damage):
    root = repo({"a.yaml": BASE, "b.yaml": BASE})
    assert diagnose(root, "a.yaml") == [(19, 17, "duplicate-task-id")]  # fills the index
    index = cache_dir(root) / checkdb.NAME
    assert index.is_file()
    index.write_bytes(damage)
    assert diagnose(root, "a.yaml") == [(19, 17, "duplicate-task-id")]
    assert diagnose(root, "a.yaml") == [(19, 17, "duplicate-task-id")]  # rebuilt, then read


def _stale(path, seconds=3600):
    """Date the file back, as a file checked out long ago is (its stamp is then trusted)."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns - seconds * 10**9, st.st_mtime_ns - seconds * 10**9))


def _copy_keeping_times(src, dst):
    """What ``cp -p`` and ``tar`` do: new bytes, the old modification time (same size and
    inode here: the plans differ in one character of a task id)."""
    st = dst.stat()
    dst.write_bytes(src.read_bytes())
    os.utime(dst, ns=(st.st_atime_ns, st.st_mtime_ns))
    after = dst.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (st.st_size, st.st_mtime_ns,
                                                                 st.st_ino)


@pytest.mark.skipif(not idindex.CTIME_MEANS_CHANGE, reason="POSIX: the inode change time")
def test_a_copy_with_its_mtime_restored_is_seen_by_its_ctime(repo, monkeypatch):
    root = repo({"a.yaml": BASE, "b.yaml": BASE.replace("id: t1", "id: t2")})
    a, b = root / "plans" / "a.yaml", root / "plans" / "b.yaml"
    _stale(b)
    time.sleep(0.05)  # the stamp's ctime is older than what the copy will set
    monkeypatch.setattr(idindex, "RACY_NS", 0)  # the ctime alone must tell
    assert diagnose(root, "a.yaml") == []  # the index remembers b's stamp and ids
    assert idindex.IdIndex(cache_dir(root))._rows()  # …really
    _copy_keeping_times(a, b)  # now b also defines t1
    assert diagnose(root, "a.yaml") == [(19, 17, "duplicate-task-id")]


@pytest.mark.parametrize("trust_ctime", [True, False])
def test_a_copy_with_its_mtime_restored_is_seen(repo, monkeypatch, trust_ctime):
    """On POSIX by the ctime (or, just after a change, by not trusting a recent stamp); where
    the ctime is the creation time (Windows), by the content's digest."""
    monkeypatch.setattr(idindex, "CTIME_MEANS_CHANGE", trust_ctime)
    root = repo({"a.yaml": BASE, "b.yaml": BASE.replace("id: t1", "id: t2")})
    assert diagnose(root, "a.yaml") == []
    _copy_keeping_times(root / "plans" / "a.yaml", root / "plans" / "b.yaml")
    assert diagnose(root, "a.yaml") == [(19, 17, "duplicate-task-id")]


def test_an_unchanged_plan_is_not_scanned_again(repo, monkeypatch):
    root = repo({"a.yaml": BASE, "b.yaml": BASE.replace("id: t1", "id: t2")})
    monkeypatch.setattr(idindex, "RACY_NS", 0)  # b was written just now: trust it anyway
    assert diagnose(root, "a.yaml") == []
    scanned = []
    monkeypatch.setattr(idindex, "scan_ids", lambda path: scanned.append(path) or [])
    assert diagnose(root, "a.yaml") == []
    assert scanned == []


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
