"""Sanitising the rich-text descriptions merchants write (nh3, the Rust ammonia sanitiser).

nh3 parses the fragment like a browser and keeps only an allow-list, so
scripts, styles, event handlers and ``javascript:`` URLs cannot survive in
any spelling; ``bleach`` does the same but is deprecated.
"""

from __future__ import annotations

import html as html_lib

import nh3

ALLOWED_TAGS = frozenset(
    {"p", "br", "strong", "em", "b", "i", "u", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote"}
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "noopener noreferrer nofollow"
# Removed with their content, not just unwrapped: their text is code or CSS, not prose.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "iframe", "object", "noscript", "svg", "math"})


def sanitize_html(value: str) -> str:
    """``value`` with only the allowed tags and attributes; links get ``rel="noopener noreferrer nofollow"``."""
    if not value:
        return ""
    return nh3.clean(
        value,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
    ).strip()


def html_to_text(value: str) -> str:
    """The plain text of an HTML fragment, for search: tags dropped, entities decoded, spaces collapsed."""
    if not value:
        return ""
    # A space before every tag, so "<p>a</p><p>b</p>" reads "a b", not "ab".
    text = nh3.clean(value.replace("<", " <"), tags=set(), clean_content_tags=set(DROPPED_WITH_CONTENT))
    return " ".join(html_lib.unescape(text).split())
