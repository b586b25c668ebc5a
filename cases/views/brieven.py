from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from cases.formvelden import DatumInvoer, DatumVeld, toon_servicefouten
from cases.models.audit import AuditActie
from cases.models.brieven import Brief, VerzendWijze
from cases.models.rollen import SCHOOLLEIDING, RolSoort
from cases.navigatie import Paneel
from cases.permissions import rol_vereist
from cases.scope import scope_for
from cases.services.audit import lijst_gelogd, log
from cases.services.brieven import markeer_verzonden, pdf_bytes


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


# --- letters to post [issue 17 'Letters reach ouders'] ---------------------------------------

VERZENDERS_SWV = frozenset({RolSoort.SLL, RolSoort.BEHEERDER})
VERZENDERS = VERZENDERS_SWV | SCHOOLLEIDING


class VerzendForm(forms.Form):
    op = DatumVeld(
        label="Verzonden of uitgereikt op",
        required=False,
        error_messages={"invalid": "Vul een geldige datum in (dd-mm-jjjj)."},
        widget=DatumInvoer(),
    )
    wijze = forms.ChoiceField(
        label="Hoe", choices=[(w.value, w.label) for w in (VerzendWijze.POST, VerzendWijze.UITGEREIKT)]
    )


def _te_versturen(user):
    """The SWV's own letters for the SLL and the beheerder; the school's letters for its IB'er and
    directeur (a TLV letter about their pupil is the SWV's to send)."""
    scope = scope_for(user)
    qs = Brief.objects.filter_for_user(user).te_versturen()
    if scope.heeft(*VERZENDERS_SWV):
        return qs.van_swv(True)
    return qs.van_swv(False)


@rol_vereist(*VERZENDERS)
@lijst_gelogd("lijst brieven te versturen")
def brieven_versturen(request):
    """Letters to ouders whose PDF is ready and not yet sent: print, post, record [issue 17]."""
    qs = _te_versturen(request.user)
    form = VerzendForm(request.POST or None, initial={"op": timezone.localdate(), "wijze": VerzendWijze.POST})
    gekozen = [int(i) for i in request.POST.getlist("brief") if i.isdigit()]
    status = 200
    if request.method == "POST":
        if not gekozen:
            form.add_error(None, "Kies de brieven die u heeft verzonden of uitgereikt.")
        if form.is_valid() and gekozen:
            brieven = list(qs.filter(pk__in=gekozen))
            if len(brieven) != len(set(gekozen)):
                form.add_error(None, "Een gekozen brief staat niet (meer) in deze lijst; ververs de pagina.")
            else:
                try:
                    with transaction.atomic():
                        for b in brieven:
                            markeer_verzonden(
                                brief=b,
                                door=request.user,
                                wijze=form.cleaned_data["wijze"],
                                op=form.cleaned_data["op"],
                                request=request,
                            )
                except ValidationError as exc:
                    toon_servicefouten(form, exc)
                else:
                    messages.success(
                        request,
                        f"{len(brieven)} {'brief' if len(brieven) == 1 else 'brieven'} vastgelegd als "
                        f"verzonden op {form.cleaned_data['op'] or timezone.localdate():%d-%m-%Y}.",
                    )
                    return redirect("brieven_versturen")
        status = 400
    pagina = Paginator(
        qs.select_related("leerling", "content_type").order_by("aangemaakt_op", "pk"), 50
    ).get_page(request.GET.get("pagina"))
    return render(
        request,
        "cases/brieven_versturen.html",
        {"pagina": pagina, "form": form, "gekozen": set(gekozen)},
        status=status,
    )


def paneel_brieven_versturen(user, scope) -> Paneel | None:
    """Mijn werk: letters ready to be posted, oldest first [issue 17]."""
    if not scope.heeft(*VERZENDERS):
        return None
    qs = _te_versturen(user)
    aantal = qs.count()
    if not aantal:
        return None
    return Paneel(
        titel="Brieven versturen",
        template="cases/panelen/brieven_versturen.html",
        context={
            "aantal": aantal,
            "oudste": qs.order_by("aangemaakt_op").values_list("aangemaakt_op", flat=True)[0],
        },
        volgorde=15,
        aantal=aantal,
    )
