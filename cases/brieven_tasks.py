from celery import shared_task
from django.db import OperationalError


@shared_task(acks_late=True, autoretry_for=(OSError, OperationalError), retry_backoff=True, max_retries=5)
def render_brief_task(brief_id: int) -> None:
    """Render a letter's PDF after the decision committed (idempotent)."""
    from cases.services.brieven import render_brief

    render_brief(brief_id)
