"""The shared template components (templates/partials/, orion_components) and that modules use them, not copies.

Each component is rendered here the way a page includes it; the last test
keeps per-module copies (``catalog/store/_field.html``, ...) from coming back.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django import forms
from django.core.paginator import Paginator
from django.template import engines
from django.template.loader import render_to_string
from django.test import RequestFactory

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT / "templates" / "partials"
COMPONENT_COPIES = {
    "_field.html",
    "_form_errors.html",
    "_form_fields.html",
    "_pagination.html",
    "_empty_state.html",
    "_confirm.html",
    "_table.html",
}


def render(template_code: str, context: dict | None = None, *, path: str = "/list/") -> str:
    """``template_code`` rendered as a page would, for a GET of ``path``."""
    request = RequestFactory().get(path)
    return engines["django"].from_string(template_code).render(context or {}, request)


def include(name: str, context: dict | None = None, *, path: str = "/list/") -> str:
    return render_to_string(f"partials/{name}", context or {}, request=RequestFactory().get(path))


def squash(html: str) -> str:
    return re.sub(r"\s+", " ", html).strip()


class ContactForm(forms.Form):
    email = forms.EmailField(label="Email address", help_text="We never share it.")
    news = forms.BooleanField(label="Send me news", required=False, help_text="Once a month.")
    size = forms.ChoiceField(label="Size", choices=[("s", "S"), ("m", "M")], widget=forms.RadioSelect)
    token = forms.CharField(widget=forms.HiddenInput)

    def clean(self):
        raise forms.ValidationError("Try again later.")


@pytest.fixture
def bound_form() -> ContactForm:
    form = ContactForm(data={"email": "not an address", "size": "x"})
    form.is_valid()
    return form


# --- field -----------------------------------------------------------------------


def test_a_field_shows_label_input_help_and_errors_the_input_points_at(bound_form):
    html = squash(include("field.html", {"field": bound_form["email"]}))

    assert html.startswith('<div class="field has-error">')
    assert '<label for="id_email">Email address</label>' in html
    assert 'aria-describedby="id_email_helptext id_email_error"' in html and 'aria-invalid="true"' in html
    assert '<div class="help" id="id_email_helptext">We never share it.</div>' in html
    assert '<ul class="errorlist" id="id_email_error"><li>Enter a valid email address.</li></ul>' in html
    assert html.index("id_email_helptext") < html.index('class="errorlist"')


def test_a_valid_field_has_no_error_class_and_a_required_input():
    html = squash(include("field.html", {"field": ContactForm()["email"]}))

    assert html.startswith('<div class="field">')
    assert " required " in html and "errorlist" not in html


def test_a_checkbox_sits_in_its_label():
    html = squash(include("field.html", {"field": ContactForm()["news"]}))

    assert '<div class="field checkbox-field">' in html
    assert re.search(r'<label for="id_news"><input type="checkbox" name="news"[^>]*> Send me news</label>', html)
    assert 'id="id_news_helptext">Once a month.</div>' in html


def test_radio_buttons_are_a_fieldset_whose_legend_is_the_label(bound_form):
    html = squash(include("field.html", {"field": bound_form["size"]}))

    assert html.startswith('<fieldset class="field has-error" aria-describedby="id_size_error">')
    assert "<legend>Size</legend>" in html and "<label" in html and html.endswith("</fieldset>")


def test_extra_classes_and_help_for_screen_readers_only():
    html = squash(include("field.html", {"field": ContactForm()["email"], "class": "wide", "hide_help": True}))

    assert html.startswith('<div class="field wide">')
    assert '<div class="help sr-only" id="id_email_helptext">' in html


# --- form errors -----------------------------------------------------------------


def test_form_errors_show_non_field_and_hidden_field_errors_in_alerts(bound_form):
    html = squash(include("form_errors.html", {"form": bound_form}))

    assert '<div class="alert alert-error" role="alert"><p>Try again later.</p></div>' in html
    assert '<div class="alert alert-error" role="alert"><p>This field is required.</p></div>' in html  # token
    assert "Enter a valid email address." not in html  # shown at its field


def test_form_errors_of_a_formset_are_its_non_form_errors():
    formset_class = forms.formset_factory(forms.Form, min_num=2, validate_min=True)
    formset = formset_class(data={"form-TOTAL_FORMS": "0", "form-INITIAL_FORMS": "0"})
    formset.is_valid()

    html = squash(include("form_errors.html", {"form": formset}))

    assert html == '<div class="alert alert-error" role="alert"><p>Please submit at least 2 forms.</p></div>'


def test_a_form_without_errors_shows_nothing():
    assert include("form_errors.html", {"form": ContactForm()}).strip() == ""


# --- pagination ------------------------------------------------------------------


def pages(number: int):
    return Paginator(range(95), 10).get_page(number)


def links(html: str) -> dict[str, str]:
    """rel (or the link's text) -> href."""
    found = {}
    for attributes, text in re.findall(r"<a ([^>]*)>([^<]*)</a>", html):
        rel = re.search(r'rel="(\w+)"', attributes)
        found[rel.group(1) if rel else text] = re.search(r'href="([^"]*)"', attributes).group(1)
    return found


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        pytest.param(1, {"next": "?q=tent&amp;sort=price&amp;page=2"}, id="first"),
        pytest.param(
            5,
            {"prev": "?q=tent&amp;sort=price&amp;page=4", "next": "?q=tent&amp;sort=price&amp;page=6"},
            id="middle",
        ),
        pytest.param(10, {"prev": "?q=tent&amp;sort=price&amp;page=9"}, id="last"),
    ],
)
def test_pagination_links_keep_the_other_query_parameters(number, expected):
    html = include("pagination.html", {"page": pages(number)}, path=f"/list/?q=tent&sort=price&page={number}")

    assert links(html) == expected
    assert f"Page {number} of 10" in html
    assert '<nav class="pagination" aria-label="Pages">' in html


def test_a_single_page_needs_no_pagination():
    assert include("pagination.html", {"page": Paginator(range(3), 10).get_page(1)}).strip() == ""


def test_numbered_pagination_elides_and_marks_the_current_page():
    page = pages(5)
    html = include(
        "pagination.html",
        {"page": page, "page_range": page.paginator.get_elided_page_range(5, on_each_side=1, on_ends=1)},
        path="/shop/?q=tent&page=5",
    )

    assert '<nav class="pagination pagination-numbered" aria-label="Pages">' in html
    assert '<span class="btn btn-small btn-primary" aria-current="page">5</span>' in html
    assert links(html) == {
        "prev": "?q=tent&amp;page=4",
        "1": "?q=tent&amp;page=1",
        "4": "?q=tent&amp;page=4",
        "6": "?q=tent&amp;page=6",
        "10": "?q=tent&amp;page=10",
        "next": "?q=tent&amp;page=6",
    }
    assert html.count("…") == 2 and "Page 5 of 10" not in html


def test_page_sizes_and_a_label_of_the_page_own_show_even_on_a_single_page():
    html = squash(
        include(
            "pagination.html",
            {
                "page": Paginator(range(3), 25).get_page(1),
                "per_page_choices": [25, 50],
                "per_page": 25,
                "page_label": "Page 1 of 1 · 3 products",
            },
            path="/list/?q=mug",
        )
    )

    assert '<span class="muted">Page 1 of 1 · 3 products</span>' in html
    assert '<strong aria-current="true">25</strong>' in html
    assert '<a href="?q=mug&amp;per_page=50">50</a>' in html
    assert 'rel="next"' not in html and 'rel="prev"' not in html


# --- empty state -----------------------------------------------------------------


def test_an_empty_state_says_so_and_may_offer_a_next_step():
    assert include("empty_state.html", {"message": "No notes <yet>."}).strip() == (
        '<p class="empty">No notes &lt;yet&gt;.</p>'
    )
    html = render(
        '{% include "partials/empty_state.html" with message=_("No products yet.") action_url="/new/" '
        'action_label="Add the first one." id="none" %}'
    )
    assert html.strip() == '<p class="empty" id="none">No products yet. <a href="/new/">Add the first one.</a></p>'


# --- confirm ---------------------------------------------------------------------


def form_of(html: str) -> str:
    return re.search(r"<form [^>]*>.*?</form>", html, re.S).group(0)


def test_a_confirmation_posts_to_the_given_url_with_a_csrf_token():
    html = include(
        "confirm.html",
        {
            "title": "Delete product",
            "text": "Delete “Mug”?",
            "consequence": "This cannot be undone.",
            "note": "Archive it instead.",
            "post_url": "/products/4/delete/",
            "cancel_url": "/products/4/",
        },
    )

    assert "<h1>Delete product</h1>" in html
    assert "<p>Delete “Mug”? This cannot be undone.</p>" in html
    assert '<p class="muted">Archive it instead.</p>' in html
    form = form_of(html)
    assert form.startswith('<form method="post" class="actions" action="/products/4/delete/">')
    assert re.search(r'<input type="hidden" name="csrfmiddlewaretoken" value="\w+">', form)
    assert '<button class="btn btn-danger" type="submit">Delete</button>' in form
    assert '<a class="btn" href="/products/4/">Cancel</a>' in form


def test_a_confirmation_without_a_url_posts_to_its_own_page_with_the_labels_given():
    html = include(
        "confirm.html",
        {"title": "Leave", "text": "Leave?", "confirm_label": "Leave", "cancel_label": "Stay", "cancel_url": "/"},
    )

    form = form_of(html)
    assert form.startswith('<form method="post" class="actions">')
    assert ">Leave</button>" in form and ">Stay</a>" in form and "csrfmiddlewaretoken" in form


def test_the_confirm_tag_takes_its_text_as_markup():
    html = render(
        "{% load orion_components %}"
        '{% confirm title="Delete category" cancel_url="/categories/" post_url="/categories/2/delete/" %}'
        "<p>Delete “Cups”?</p><p>Products are kept.</p>"
        "{% endconfirm %}",
        {"note": "a page variable of the same name does not leak in"},
    )

    assert "<p>Delete “Cups”?</p><p>Products are kept.</p>" in html
    assert "leak" not in html
    assert 'action="/categories/2/delete/"' in form_of(html) and "csrfmiddlewaretoken" in html


# --- table -----------------------------------------------------------------------


def test_a_table_scrolls_sideways_in_its_wrapper():
    html = squash(
        render(
            '{% load orion_components %}{% table id="stock" class="wide" %}'
            "<thead><tr><th>SKU</th>{% th_actions %}</tr></thead><tbody></tbody>{% endtable %}"
        )
    )

    assert html == (
        '<div class="table-scroll"><table class="table wide" id="stock"> '
        '<thead><tr><th>SKU</th><th><span class="sr-only">Actions</span></th></tr></thead><tbody></tbody> '
        "</table></div>"
    )


def test_a_table_without_its_wrapper():
    html = squash(render("{% load orion_components %}{% table scroll=False %}<tbody></tbody>{% endtable %}"))

    assert html == '<table class="table"> <tbody></tbody> </table>'


# --- no copies -------------------------------------------------------------------


def template_dirs() -> list[Path]:
    """Every folder templates are loaded from: the project's and each installed app's."""
    engine = engines["django"].engine
    from django.template.utils import get_app_template_dirs

    return [Path(folder) for folder in [*engine.dirs, *get_app_template_dirs("templates")]]


def test_no_module_keeps_a_copy_of_a_shared_component():
    copies = sorted(
        str(path.relative_to(ROOT))
        for folder in template_dirs()
        for path in folder.rglob("*.html")
        if path.name in COMPONENT_COPIES and path.parent != SHARED
    )

    assert copies == [], f"use the shared component in templates/partials/ instead of a copy: {copies}"


def test_the_meta_test_looks_where_modules_keep_their_templates():
    folders = {str(folder.relative_to(ROOT)) for folder in template_dirs() if folder.is_relative_to(ROOT)}

    assert {"templates", "modules/catalog/templates", "modules/inventory/templates"} <= folders
