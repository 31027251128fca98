"""The one error type of the render path: its message is for the official, in Vietnamese."""

from __future__ import annotations


class RenderError(Exception):
    """Rendering failed for a reason the author can fix; ``str(err)`` says how, in Vietnamese."""
