"""Template tags for the shared components whose content is written in the page.

The other shared components are plain includes of ``templates/partials/``
(field, form_errors, pagination, empty_state, confirm); these two take a block
of markup, which an include cannot:

- ``{% table id="products" class="product-table" %}<thead>…</thead><tbody>…</tbody>{% endtable %}``:
  a ``table.table`` in a ``div.table-scroll`` that scrolls sideways on a phone
  instead of widening the page (``scroll=False``: no wrapper);
- ``{% confirm title=title cancel_url=url %}<p>…</p>{% endconfirm %}``:
  ``partials/confirm.html`` with this markup as its text (the other parameters
  are the partial's);
- ``{% th_actions %}``: the header cell of a column of row actions, named for
  screen readers only.
"""

from __future__ import annotations

from collections.abc import Callable

from django import template
from django.template.base import FilterExpression, NodeList, Parser, Token, token_kwargs
from django.template.context import Context
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

register = template.Library()


class ComponentNode(template.Node):
    """Renders ``template_name`` in the current context, with the tag's arguments and its block as ``content_name``."""

    def __init__(
        self,
        template_name: str,
        content_name: str,
        defaults: dict[str, object],
        nodelist: NodeList,
        kwargs: dict[str, FilterExpression],
    ) -> None:
        self.template_name = template_name
        self.content_name = content_name
        self.defaults = defaults
        self.nodelist = nodelist
        self.kwargs = kwargs

    def render(self, context: Context) -> SafeString:
        # Defaults for every parameter: a page variable of the same name must not leak into the component.
        values = {**self.defaults, **{name: value.resolve(context) for name, value in self.kwargs.items()}}
        values[self.content_name] = mark_safe(self.nodelist.render(context).strip())
        assert context.template is not None  # set while a template renders
        partial = context.template.engine.get_template(self.template_name)
        with context.push(**values):
            return partial.render(context)


def _component(template_name: str, content_name: str, **defaults: object) -> Callable[[Parser, Token], ComponentNode]:
    def compile_tag(parser: Parser, token: Token) -> ComponentNode:
        name, *bits = token.split_contents()
        kwargs = token_kwargs(bits, parser)
        if bits:
            raise template.TemplateSyntaxError(f"'{name}' takes only name=value arguments, not {bits[0]!r}")
        nodelist = parser.parse((f"end{name}",))
        parser.delete_first_token()
        return ComponentNode(template_name, content_name, defaults, nodelist, kwargs)

    return compile_tag


register.tag("table", _component("partials/table.html", "content", id="", scroll=True, **{"class": ""}))
register.tag(
    "confirm",
    _component(
        "partials/confirm.html",
        "body",
        text="",
        consequence="",
        note="",
        post_url="",
        confirm_label="",
        cancel_label="",
    ),
)


@register.simple_tag
def th_actions() -> SafeString:
    return format_html('<th><span class="sr-only">{}</span></th>', _("Actions"))
