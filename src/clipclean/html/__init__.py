"""The HTML path: one parse, metadata from markup, the main content as blocks."""

from .extract import html_to_draft

__all__ = ["html_to_draft"]
