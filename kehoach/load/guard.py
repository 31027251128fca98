"""Values the loader refuses, whatever the schema says: too many, too long, too large, outside
the calendar, or holding characters no document can print.

The limits themselves are in ``kehoach.plan.limits``. Each refusal is a positioned problem;
the loader (``kehoach.load.parse``) calls these only where the text could hold such a value,
so that an ordinary plan pays nothing for them.
"""

from __future__ import annotations

import re

import yaml

from kehoach.plan.limits import MAX_INT_DIGITS, MAX_TEXT, MAX_VALUES, calendar_vi

# What libyaml refuses as a raw character (C0 controls but tab and line ends, DEL, C1 but NEL,
# surrogates, U+FFFE, U+FFFF). A double-quoted escape ("\v", "\x1f", "\uFFFE") is the only way
# such a character reaches the data; XML, hence .docx, cannot hold most of them.
FORBIDDEN = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ESCAPE = re.compile(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL)
_SIMPLE = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v",
           "f": "\f", "r": "\r", "e": "\x1b", "N": "\x85", "_": "\xa0", "L": "\u2028",
           "P": "\u2029"}


def escape_offset(source: str) -> int | None:
    """Offset in ``source`` (a double-quoted scalar as written) of the first escape that gives
    a forbidden character, or None."""
    for m in _ESCAPE.finditer(source):
        code = m.group()[1:]
        if len(code) > 1:
            try:
                char = chr(int(code[1:], 16))
            except (ValueError, OverflowError):
                continue
        else:
            char = _SIMPLE.get(code, "")
        if char and FORBIDDEN.match(char):
            return m.start()
    return None


def forbidden_message(char: str) -> str:
    return (f"Chuỗi có ký tự điều khiển hoặc không in được (U+{ord(char):04X}, viết bằng mã "
            "thoát “\\”): văn bản in ra không chứa được ký tự này; hãy xóa nó.")


def number_vi(n: int) -> str:
    """A count as Vietnamese writes it: 15.000."""
    return f"{n:,}".replace(",", ".")


def text_too_long_message(length: int) -> str:
    return (f"Đoạn văn dài {number_vi(length)} ký tự, quá giới hạn {number_vi(MAX_TEXT)} ký tự "
            "của một giá trị; hãy tách thành nhiều mục.")


def number_too_large_message(value: str) -> str:
    digits = len(value.lstrip("+-"))
    return (f"Số có {number_vi(digits)} chữ số, quá giới hạn {MAX_INT_DIGITS} chữ số; nếu đó là "
            "chữ, hãy đặt trong dấu nháy kép.")


def out_of_calendar_message(shown: str) -> str:
    return (f"Ngày “{shown}” nằm ngoài khoảng thời gian kehoach tính được ({calendar_vi()}).")


def may_hold_too_many(text: str) -> bool:
    """Whether ``text`` could hold more than ``MAX_VALUES`` values (cheap, never wrong the
    other way).

    Every value is introduced by an indicator: a mapping entry by ``:`` (or ``?``, or ``{`` for
    the first entry of a flow mapping) — key, value and at most the mapping itself; a sequence
    entry by ``-`` (or ``,`` or ``[`` in flow) — the entry and at most the sequence itself.
    Prose holds these characters too, which only makes the bound looser.
    """
    if len(text) <= MAX_VALUES:
        return False
    pairs = text.count(":") + text.count("?") + text.count("{")
    entries = text.count("-") + text.count(",") + text.count("[")
    return 1 + 3 * pairs + 2 * entries > MAX_VALUES


def count_values(text: str, loader: type) -> tuple[int, int] | None:
    """Line and column of the value past ``MAX_VALUES``, or None when there are not that many.

    Counts libyaml's events without building nodes, so that a file of a million tiny values
    is refused in a fraction of a second and a few megabytes, before any node exists. A
    syntax error stops the count: composing reports it (having built fewer values).
    """
    parser = loader(text)
    count = 0
    try:
        while True:
            event = parser.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                return None
            if isinstance(event, yaml.NodeEvent) and not isinstance(event, yaml.AliasEvent):
                count += 1
                mark = event.start_mark
                if count > MAX_VALUES and mark is not None:
                    return mark.line + 1, mark.column + 1
    except yaml.YAMLError:
        return None
    finally:
        parser.dispose()


def too_many_values_message() -> str:
    return (f"Tệp có hơn {number_vi(MAX_VALUES)} giá trị YAML (khóa, chuỗi, danh sách…); hãy "
            "tách kế hoạch thành nhiều tệp.")
