"""The command line: parse arguments, call one library function, print. Nothing else lives
here. ``app`` and ``main`` are in ``cli.app``; each command family has its ``*_cmd`` module,
imported here so that its commands register on the app."""

from kehoach.cli import (
    check_cmd,
    edit_cmd,
    explain_cmd,
    import_cmd,
    office_cmd,
    render_cmd,
    review_cmd,
    setup_cmd,
    site_cmd,
    tracking_cmd,
)
from kehoach.cli.app import app, main

__all__ = [
    "app", "check_cmd", "edit_cmd", "explain_cmd", "import_cmd", "main", "office_cmd",
    "render_cmd", "review_cmd", "setup_cmd", "site_cmd", "tracking_cmd",
]
