"""Celery tasks of the tenancy module: thin wrappers around sending email."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_scopes import scopes_disabled

from .models import Invitation


@shared_task  # type: ignore[untyped-decorator]  # celery ships no type information
def send_invitation_email(invitation_id: int, token: str) -> None:
    """Email the invitation link, in the store's default language.

    The token is passed in because only its hash is stored.
    """
    with scopes_disabled():
        invitation = Invitation.objects.select_related("store__platform", "invited_by").filter(pk=invitation_id).first()
    if invitation is None or not invitation.is_pending:
        return
    store = invitation.store
    domain = store.platform.domains.order_by("-is_primary", "domain").first()
    base = f"{settings.ORION_PUBLIC_SCHEME}://{domain.domain if domain else 'localhost'}{settings.ORION_PUBLIC_PORT}"
    context = {
        "invitation": invitation,
        "store": store,
        "accept_url": base + reverse("public:tenancy:invitation_accept", kwargs={"token": token}),
    }
    with translation.override(store.default_language):
        subject = render_to_string("tenancy/email/invitation_subject.txt", context).strip()
        body = render_to_string("tenancy/email/invitation_body.txt", context)
    send_mail(subject, body, None, [invitation.email])
