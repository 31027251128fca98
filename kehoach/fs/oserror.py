"""Operating-system errors in Vietnamese: the system's own words are English on most PCs."""

from __future__ import annotations

import errno

_WRITING = {
    errno.ENOSPC: "ổ đĩa đã đầy",
    getattr(errno, "EDQUOT", -1): "đã dùng hết hạn mức dung lượng",
    errno.EROFS: "ổ đĩa hoặc thư mục chỉ cho đọc",
    errno.EACCES: "không có quyền ghi vào thư mục này",
    errno.EPERM: "không có quyền ghi vào thư mục này",
    errno.EFBIG: "tệp vượt quá giới hạn kích thước cho phép",
    errno.EIO: "lỗi đọc ghi trên ổ đĩa",
    errno.ENOENT: "thư mục không tồn tại",
}
_READING = {
    **_WRITING,
    errno.ENOENT: "không có tệp này",
    errno.EACCES: "không có quyền đọc tệp này",
    errno.EPERM: "không có quyền đọc tệp này",
    errno.EISDIR: "đây là một thư mục, không phải tệp",
}


def reason_vi(exc: OSError, *, reading: bool = False) -> str:
    """Why a file operation failed, in Vietnamese (the system's own words in brackets)."""
    detail = exc.strerror or str(exc)
    table = _READING if reading else _WRITING
    vi = table.get(exc.errno) if exc.errno is not None else None
    return f"{vi} ({detail})" if vi else detail
