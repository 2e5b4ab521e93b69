"""Emails of the accounts app, sent by a Celery worker (inline with the embedded default)."""

from __future__ import annotations

from celery import shared_task
from django.core.mail import EmailMultiAlternatives


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)  # type: ignore[untyped-decorator]  # celery is untyped
def send_email(subject: str, body: str, to: list[str], html_body: str | None = None) -> None:
    """Send one rendered email; a mail server that is down is retried with backoff."""
    message = EmailMultiAlternatives(subject, body, None, to)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    message.send()
