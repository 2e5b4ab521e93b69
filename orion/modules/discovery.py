"""Finding module apps on disk, for INSTALLED_APPS (runs before Django is set up)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def discover_module_apps(modules_dir: Path, exclude: Iterable[str] = ()) -> list[str]:
    """Dotted paths of every ``modules/<code>/`` that has an ``apps.py``, sorted.

    Folders starting with ``_`` or ``.`` are skipped, and so is every code
    in ``exclude`` (the deployment leaves those out).
    """
    excluded = set(exclude)
    return [
        f"{modules_dir.name}.{folder.name}"
        for folder in sorted(modules_dir.iterdir())
        if folder.is_dir()
        and not folder.name.startswith(("_", "."))
        and (folder / "apps.py").is_file()
        and folder.name not in excluded
    ]
