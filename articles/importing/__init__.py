"""Bringing outside text into articles: Word files, pasted HTML and WordPress exports, all
through one HTML-to-blocks converter (html_to_blocks)."""
