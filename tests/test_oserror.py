"""System errors are said in Vietnamese, the system's own words kept in brackets."""

from __future__ import annotations

import errno

import pytest

from kehoach.fs.oserror import reason_vi


@pytest.mark.parametrize(("code", "reading", "expected"), [
    (errno.ENOENT, True, "không có tệp này (x)"),
    (errno.ENOENT, False, "thư mục không tồn tại (x)"),
    (errno.EACCES, True, "không có quyền đọc tệp này (x)"),
    (errno.EACCES, False, "không có quyền ghi vào thư mục này (x)"),
    (errno.ENOSPC, False, "ổ đĩa đã đầy (x)"),
    (errno.EISDIR, True, "đây là một thư mục, không phải tệp (x)"),
    (errno.ECONNRESET, True, "x"),  # nothing known: the system's words alone
])
def test_reasons(code, reading, expected):
    assert reason_vi(OSError(code, "x"), reading=reading) == expected
