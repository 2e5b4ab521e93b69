"""Data files that code reads (the demo's platforms and catalogues): TOML, and errors that name the file and the entry.

TOML is read with the standard library (``tomllib``). A loader collects every
problem of a file in a ``Problems`` and raises them together, so a typo is
reported as ``<file>: <entry>: <what is wrong>`` before anything is written.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from django.conf import settings


class DataFileError(ValueError):
    """A data file that cannot be used; the message names the file and every bad entry, one a line."""


def display_path(path: Path) -> str:
    """``path`` relative to the project when it is inside it (as the error messages show it)."""
    try:
        return str(Path(path).resolve().relative_to(Path(settings.BASE_DIR).resolve()))
    except ValueError:
        return str(path)


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with Path(path).open("rb") as file:
            return tomllib.load(file)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise DataFileError(f"{display_path(path)}: {error}") from error


class Problems:
    """What is wrong with one data file, entry by entry; ``check()`` raises them all in one ``DataFileError``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.messages: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.messages.append(f"{where}: {message}" if where else message)

    def table(self, where: str, entry: Any, *, required: Iterable[str], optional: Iterable[str] = ()) -> bool:
        """Whether ``entry`` is a table with the ``required`` keys and no key outside both lists (else noted)."""
        if not isinstance(entry, Mapping):
            self.add(where, f"expected a table, got {entry!r}")
            return False
        required = list(required)
        missing = [key for key in required if key not in entry]
        unknown = [key for key in entry if key not in required and key not in optional]
        for key in missing:
            self.add(where, f'"{key}" is missing')
        for key in unknown:
            self.add(where, f'unknown key "{key}" (allowed: {", ".join([*required, *optional])})')
        return not missing

    def text(self, where: str, key: str, value: Any) -> bool:
        if isinstance(value, str) and value.strip():
            return True
        self.add(where, f'"{key}" must be a non-empty string, got {value!r}')
        return False

    def strings(self, where: str, key: str, value: Any) -> bool:
        if isinstance(value, list) and all(isinstance(item, str) and item for item in value):
            if len(set(value)) == len(value):
                return True
            self.add(where, f'"{key}" lists a value twice: {value!r}')
            return False
        self.add(where, f'"{key}" must be a list of strings, got {value!r}')
        return False

    def check(self) -> None:
        if self.messages:
            raise DataFileError("\n".join(f"{display_path(self.path)}: {message}" for message in self.messages))
