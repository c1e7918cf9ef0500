"""The plain-text path: already-scraped text to blocks."""

from .blocks import text_to_blocks

__all__ = ["text_to_blocks"]
