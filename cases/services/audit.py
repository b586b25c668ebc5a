"""The one place that writes the audit log. Services call `log()`; views never write rows."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType

from cases.models.audit import AuditActie, AuditRegel


def client_ip(request) -> str | None:
    if request is None:
        return None
    # Behind the production proxy the first X-Forwarded-For hop is the client.
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    ip = forwarded.split(",")[0].strip() if forwarded else request.META.get("REMOTE_ADDR")
    return ip or None


def _omschrijving(obj) -> str:
    """Name the object without personal data: model name and id (never a BSN or a name)."""
    if obj is None:
        return ""
    return f"{obj._meta.verbose_name} #{obj.pk}"


def log(
    *,
    actie: str,
    request=None,
    user=None,
    obj=None,
    leerling=None,
    swv=None,
    omschrijving: str = "",
) -> AuditRegel:
    if user is None and request is not None:
        user = getattr(request, "user", None)
    if user is not None and not getattr(user, "is_authenticated", False):
        user = None
    if leerling is None and obj is not None and obj.__class__.__name__ == "Leerling":
        leerling = obj
    swv_id = getattr(swv, "pk", None) or getattr(leerling, "swv_id", None) or getattr(obj, "swv_id", None)
    if actie not in AuditActie.values:
        raise ValueError(f"Onbekende auditactie {actie!r}")
    return AuditRegel.objects.create(
        gebruiker=user,
        gebruikersnaam=getattr(user, "username", "") or "",
        actie=actie,
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None else "",
        object_omschrijving=_omschrijving(obj),
        leerling=leerling,
        swv_id=swv_id,
        omschrijving=omschrijving[:300],
        ip=client_ip(request),
    )


def log_inzage(*, request, leerling, obj=None, omschrijving: str = "") -> AuditRegel:
    """A read of a leerling dossier (or one of its parts) is an act the AVG expects logged."""
    return log(
        actie=AuditActie.BEKEKEN,
        request=request,
        obj=obj or leerling,
        leerling=leerling,
        omschrijving=omschrijving,
    )
