"""Reading a PDF back as a person would: its text, page by page."""

from __future__ import annotations

import io

from pypdf import PdfReader


def pages_of(pdf: bytes) -> int:
    """How many pages the PDF has."""
    return len(PdfReader(io.BytesIO(pdf)).pages)


def text_of(pdf: bytes) -> str:
    """The PDF's text, its lines joined by single spaces (as a person reads it)."""
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
