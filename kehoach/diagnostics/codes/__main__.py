"""``python -m kehoach.diagnostics.codes > docs/codes.md`` regenerates the codes page."""

import sys

from kehoach.diagnostics.codes.pages import markdown

# Bytes, not text: the page is UTF-8 with LF line ends on every platform and console.
sys.stdout.buffer.write(markdown().encode("utf-8"))
