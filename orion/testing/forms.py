"""Submitting a page's forms as a browser would, untouched: for tests that a form saves what it shows."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any


class _FormFields(HTMLParser):
    """The fields of a page's forms as a browser submits them untouched (no files, only checked boxes)."""

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._select: str | None = None
        self._select_first: str | None = None
        self._select_chosen = False
        self._textarea: str | None = None
        self._multiple = False

    def _add(self, name: str | None, value: str) -> None:
        if name and name != "csrfmiddlewaretoken":
            self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        name = attributes.get("name")
        if tag == "input" and attributes.get("type") not in ("file", "submit", "button"):
            if attributes.get("type") not in ("checkbox", "radio") or "checked" in attributes:
                self._add(name, attributes.get("value") or ("on" if attributes.get("type") == "checkbox" else ""))
        elif tag == "select":
            self._select, self._select_first, self._select_chosen = name, None, False
            self._multiple = "multiple" in attributes
        elif tag == "option" and self._select:
            value = attributes.get("value") or ""  # Django's widgets always write the attribute
            if self._select_first is None:
                self._select_first = value
            if "selected" in attributes:
                self._add(self._select, value)
                self._select_chosen = True
        elif tag == "textarea":
            self._textarea = name
            self._add(name, "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "select" and self._select:
            if not self._select_chosen and not self._multiple and self._select_first is not None:
                self._add(self._select, self._select_first)
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.data[self._textarea][-1] += data


def as_shown(page: Any) -> dict[str, list[str]]:
    """The fields of ``page``'s forms (a test client response) as a browser posts them when nothing is changed."""
    parser = _FormFields()
    parser.feed(page.content.decode())
    return parser.data
