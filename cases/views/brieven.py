from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from cases.models.audit import AuditActie
from cases.models.brieven import Brief
from cases.services.audit import log
from cases.services.brieven import pdf_bytes


@login_required
def brief_download(request, pk: int):
    """The exact PDF as stored (hash-checked), only for who may see the leerling; audited."""
    brief = get_object_or_404(Brief.objects.filter_for_user(request.user).select_related("leerling"), pk=pk)
    if not brief.is_gerenderd:
        return render(request, "cases/brief_wacht.html", {"brief": brief})
    data = pdf_bytes(brief)
    log(
        actie=AuditActie.GEDOWNLOAD,
        request=request,
        obj=brief,
        leerling=brief.leerling,
        omschrijving=f"brief {brief.soort}",
    )
    resp = HttpResponse(data, content_type="application/pdf")
    resp["Content-Disposition"] = f'attachment; filename="{brief.bestandsnaam}"'
    resp["Cache-Control"] = "private, no-store"
    return resp
