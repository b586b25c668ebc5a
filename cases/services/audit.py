"""The one place that writes the audit log. Services call `log()`; views never write rows."""

from __future__ import annotations

import ipaddress
from functools import wraps

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


def _regel(
    *, actie, request=None, user=None, obj=None, leerling=None, swv_id=None, omschrijving=""
) -> AuditRegel:
    """An unsaved row; log() and log_per_swv() save it."""
    if user is None and request is not None:
        user = getattr(request, "user", None)
    if user is not None and not getattr(user, "is_authenticated", False):
        user = None
    if actie not in AuditActie.values:
        raise ValueError(f"Onbekende auditactie {actie!r}")
    return AuditRegel(
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
    if leerling is None and obj is not None and obj.__class__.__name__ == "Leerling":
        leerling = obj
    swv_id = getattr(swv, "pk", None) or getattr(leerling, "swv_id", None) or getattr(obj, "swv_id", None)
    regel = _regel(
        actie=actie,
        request=request,
        user=user,
        obj=obj,
        leerling=leerling,
        swv_id=swv_id,
        omschrijving=omschrijving,
    )
    regel.save()
    return regel


def swv_ids_van(user) -> list[int]:
    """The SWV's the user has a role in: rows about his acts go to each of their beheerders. An ouder
    has no role: his rows go to the SWV's of the children his portal account is linked to [issue 17]."""
    from cases.scope import scope_for

    if user is None:
        return []
    scope = scope_for(user)
    if scope.swv_ids_alle or scope.alles or not getattr(user, "pk", None):
        return sorted(scope.swv_ids_alle)
    from cases.ouderportaal.models.toegang import OuderKoppeling

    return sorted(
        set(
            OuderKoppeling.objects.filter(gebruiker_id=user.pk).values_list(
                "ouder__leerling__swv_id", flat=True
            )
        )
    )


def log_per_swv(
    *, actie: str, request=None, user=None, omschrijving: str = "", swv_ids=None
) -> list[AuditRegel]:
    """One row per SWV of the user's roles (or of `swv_ids`), in one INSERT [issue 14]: a login,
    a list page or a refused attempt belongs to no one leerling, but every SWV the user works for
    must see it. A user without roles (the installation's superuser) gets one row without SWV."""
    if user is None and request is not None:
        user = getattr(request, "user", None)
    if swv_ids is None:
        swv_ids = swv_ids_van(user) if getattr(user, "is_authenticated", False) else []
    regels = [
        _regel(actie=actie, request=request, user=user, swv_id=swv_id, omschrijving=omschrijving)
        for swv_id in (list(swv_ids) or [None])
    ]
    return AuditRegel.objects.bulk_create(regels)


def log_lijst(request, omschrijving: str) -> list[AuditRegel]:
    """A list page that shows pupils' names: one row per page view (not one per pupil), for each
    SWV of the viewer's scope, e.g. "lijst thuiszitters" [issue 14]."""
    return log_per_swv(actie=AuditActie.LIJST_BEKEKEN, request=request, omschrijving=omschrijving)


def log_geweigerd(request, status: int) -> list[AuditRegel]:
    """A 403/404 on a URL with an id: who, from where, which path (ids only, no query string, so
    no search terms or names) [issue 14]. For a foreign id the SWV is unknown: the user's own."""
    return log_per_swv(
        actie=AuditActie.GEWEIGERD,
        request=request,
        omschrijving=f"{request.method} {request.path} gaf {status}",
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


def lijst_gelogd(omschrijving: str):
    """Decorator for every list view that shows pupils' names [issue 14]: a GET answered with 200
    leaves one LIJST_BEKEKEN row per SWV of the viewer (log_lijst), whatever the list holds, in
    one INSERT. Put it below @rol_vereist, so a refused request leaves a GEWEIGERD row instead."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            if (
                request.method == "GET"
                and response.status_code == 200
                and not response.has_header("Content-Disposition")
            ):
                log_lijst(request, omschrijving)
            return response

        wrapper.audit_lijst = omschrijving
        return wrapper

    return decorator
