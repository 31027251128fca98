"""Operating-system errors in Vietnamese: the system's own words are English on most PCs.

This is the one table of OS error texts: every message about a file that could not be read or
written takes its reason from ``reason_vi``.
"""

from __future__ import annotations

import errno

_BOTH = {
    errno.ENOSPC: "ổ đĩa đã đầy",
    getattr(errno, "EDQUOT", -1): "đã dùng hết hạn mức dung lượng",
    errno.EROFS: "ổ đĩa hoặc thư mục chỉ cho đọc",
    errno.EFBIG: "tệp vượt quá giới hạn kích thước cho phép",
    errno.EIO: "lỗi đọc ghi trên ổ đĩa",
    errno.ENAMETOOLONG: "đường dẫn hoặc tên tệp quá dài",
    errno.ELOOP: "liên kết tượng trưng (symlink) lặp vòng hoặc lồng nhau quá sâu",
    errno.ENOTDIR: "một phần của đường dẫn không phải là thư mục",
    errno.EISDIR: "đây là một thư mục, không phải tệp",
    errno.EBUSY: "tệp hoặc thiết bị đang bận",
    errno.ETXTBSY: "tệp đang được một chương trình dùng",
    errno.EMFILE: "đang mở quá nhiều tệp cùng lúc",
    errno.ENFILE: "hệ thống đang mở quá nhiều tệp cùng lúc",
    errno.EPIPE: "nơi nhận dữ liệu đã đóng (Broken pipe)",
    errno.EBADF: "tệp hoặc luồng ra đã bị đóng",
    errno.ENXIO: "không có thiết bị hoặc nơi nhận cho tệp đặc biệt này",
    errno.ENODEV: "không có thiết bị này",
    errno.EXDEV: "không thể chuyển tệp sang ổ đĩa khác",
    errno.EINVAL: "tên tệp hoặc thao tác không hợp lệ",
    getattr(errno, "ENOLCK", -2): "hệ thống tệp không hỗ trợ khóa tệp",
    getattr(errno, "ESTALE", -3): "tệp trên ổ mạng không còn hợp lệ",
}
_WRITING = {
    **_BOTH,
    errno.EACCES: "không có quyền ghi vào thư mục này",
    errno.EPERM: "không có quyền ghi vào thư mục này",
    errno.ENOENT: "thư mục không tồn tại",
    errno.EEXIST: "tệp đã có",
}
_READING = {
    **_BOTH,
    errno.ENOENT: "không có tệp này",
    errno.EACCES: "không có quyền đọc tệp này",
    errno.EPERM: "không có quyền đọc tệp này",
}


def reason_vi(exc: OSError, *, reading: bool = False) -> str:
    """Why a file operation failed, in Vietnamese (the system's own words in brackets).

    An error kehoach raised itself (``errno`` None, e.g. ``kehoach.fs.reader.ReadError``)
    already says it in Vietnamese: its words are given as they are.
    """
    detail = exc.strerror or str(exc)
    table = _READING if reading else _WRITING
    vi = table.get(exc.errno) if exc.errno is not None else None
    return f"{vi} ({detail})" if vi else detail
