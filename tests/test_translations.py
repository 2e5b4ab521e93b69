"""Every German, French and Luxembourgish catalog is complete and compiled.

A string left untranslated or fuzzy shows in English to a merchant or shopper
who chose another language, and a ``.po`` edited without recompiling its
``.mo`` changes nothing at run time: both fail here, naming the file.
"""

from __future__ import annotations

import ast
import gettext
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("de", "fr", "lb")
CATALOGS = sorted(
    path
    for language in LANGUAGES
    for path in [
        *ROOT.glob(f"locale/{language}/LC_MESSAGES/django.po"),
        *ROOT.glob(f"modules/*/locale/{language}/LC_MESSAGES/django.po"),
    ]
)


def _entries(po_file: Path) -> list[dict]:
    """The entries of a ``.po`` file: flags, msgid, msgid_plural and msgstr (or msgstr[n]) as Python strings."""
    entries: list[dict] = []
    entry: dict = {"flags": set()}
    key = None
    for line in [*po_file.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if "msgid" in entry:
                entries.append(entry)
            entry, key = {"flags": set()}, None
        elif line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[key] += ast.literal_eval(line)
        else:
            key, _, value = line.partition(" ")
            entry[key] = ast.literal_eval(value)
    return entries


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_catalogs_are_found():
    assert len(CATALOGS) >= 3 * 4  # the framework's and at least core, tenancy and catalog


@pytest.mark.parametrize("po_file", CATALOGS, ids=_name)
def test_every_message_is_translated_and_none_is_fuzzy(po_file: Path):
    messages = [entry for entry in _entries(po_file) if entry["msgid"]]  # the header has an empty msgid
    fuzzy = [entry["msgid"] for entry in messages if "fuzzy" in entry["flags"]]
    untranslated = [
        entry["msgid"] for entry in messages if not all(v for k, v in entry.items() if k.startswith("msgstr"))
    ]
    assert not fuzzy, f"fuzzy in {_name(po_file)}: {fuzzy}"
    assert not untranslated, f"untranslated in {_name(po_file)}: {untranslated}"


@pytest.mark.parametrize("po_file", CATALOGS, ids=_name)
def test_the_compiled_catalog_matches_its_source(po_file: Path):
    with po_file.with_suffix(".mo").open("rb") as mo_file:
        compiled = gettext.GNUTranslations(mo_file)
    for entry in _entries(po_file):
        if not entry["msgid"] or "msgstr" not in entry:  # the header, plural entries
            continue
        msgid = entry["msgid"]
        found = compiled.pgettext(entry["msgctxt"], msgid) if "msgctxt" in entry else compiled.gettext(msgid)
        assert found == entry["msgstr"], f"{_name(po_file)} is not compiled: run msgfmt (or compilemessages)"
