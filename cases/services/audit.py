"""The one place that writes the audit log. Services call `log()`; views never write rows."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from cases.models.audit import AuditActie, AuditRegel


def _als_ip(waarde: str | None) -> str | None:
    try:
        return str(ipaddress.ip_address((waarde or "").strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    """The address of the client, as far as this installation can know it [issue 14].

    `REMOTE_ADDR` is the peer of the web server. Only when `PASSEND_TRUSTED_PROXIES` = N > 0
    proxies of our own sit in front is `X-Forwarded-For` believed, and then only the Nth address
    from the right: each trusted proxy appends the peer it saw, so everything left of that is what
    the client wrote itself and may be anything. A header shorter than the proxy chain was not
    written by our proxies: then REMOTE_ADDR."""
    if request is None:
        return None
    remote = _als_ip(request.META.get("REMOTE_ADDR"))
    vertrouwd = int(getattr(settings, "PASSEND_TRUSTED_PROXIES", 0) or 0)
    if vertrouwd <= 0:
        return remote
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
    if len(hops) < vertrouwd:
        return remote
    return _als_ip(hops[-vertrouwd]) or remote


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
