"""Rendering: the view of each kind, the Jinja environment, post-processing, output."""
from .document import render, render_bytes

__all__ = ["render", "render_bytes"]
