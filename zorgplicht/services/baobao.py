"""Bao-bao: the SC proposes another regular school, records its answer and the ouders' choice."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction

from cases.models import School
from cases.models.audit import AuditActie
from cases.models.organisaties import SchoolSoort
from cases.services.audit import log
from zorgplicht import termijnen
from zorgplicht.models import Aanmelding, Antwoord, BaoBaoVoorstel, is_sc_van_regio, mag_beslissen
from zorgplicht.services.aanmelding import mag_aanmelden
from zorgplicht.services.basis import ZorgplichtFout, _lock, _niet_in_toekomst, _vandaag


def mag_baobao(aanmelding: Aanmelding, user) -> bool:
    """The SC of the regio, or the directeur of the school of aanmelding, searches another school
    [002 bijlage 2.2.1 stap 8]."""
    return is_sc_van_regio(aanmelding, user) or mag_beslissen(aanmelding, user)


def mag_antwoorden(voorstel: BaoBaoVoorstel, user) -> bool:
    """The proposed school itself (directeur, IB'er) answers, or the SC / the school of aanmelding
    records it [002 bijlage 2.2.1 stap 8: 'De nieuwe school mag dezelfde procedure doorlopen']."""
    return mag_baobao(voorstel.aanmelding, user) or mag_aanmelden(user, voorstel.school)


def _eis_baobao(aanmelding: Aanmelding, user) -> None:
    if not mag_baobao(aanmelding, user):
        raise PermissionDenied(
            "Alleen de steunpuntcoördinator of de directeur van de school van aanmelding doet dit."
        )


@transaction.atomic
def stel_school_voor(
    *, aanmelding: Aanmelding, door, school: School, motivering: str = "", request=None
) -> BaoBaoVoorstel:
    aanmelding = _lock(aanmelding)
    _eis_baobao(aanmelding, door)
    if not aanmelding.is_lopend:
        raise ZorgplichtFout("Een andere school voorstellen kan alleen tijdens de onderzoeksperiode.")
    if school.pk == aanmelding.school_id:
        raise ZorgplichtFout({"school": "Dat is de school van aanmelding zelf."})
    if school.swv_id != aanmelding.swv_id or school.soort != SchoolSoort.BAO:
        raise ZorgplichtFout({"school": "Kies een reguliere basisschool in dit samenwerkingsverband."})
    if school.regio_id != aanmelding.school.regio_id and school.bestuur_id != aanmelding.school.bestuur_id:
        raise ZorgplichtFout(
            {
                "school": "Zoek binnen het bestuur of de regio van de school van aanmelding [002 bijlage 2.2.1 stap 8]."  # noqa: E501
            }
        )
    if aanmelding.baobao_voorstellen.filter(school=school).exists():
        raise ZorgplichtFout({"school": "Deze school is al voorgesteld."})
    voorstel = BaoBaoVoorstel.objects.create(
        aanmelding=aanmelding,
        school=school,
        voorgesteld_op=_vandaag(),
        voorgesteld_door=door,
        motivering=motivering,
    )
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=voorstel,
        leerling=aanmelding.leerling,
        omschrijving="bao-bao: school voorgesteld",
    )
    return voorstel


@transaction.atomic
def registreer_antwoord(
    *,
    voorstel: BaoBaoVoorstel,
    door,
    antwoord: str,
    toelichting: str = "",
    op: date | None = None,
    request=None,
) -> BaoBaoVoorstel:
    """The proposed school's answer. It may investigate only within the first school's term; then
    the zorgplicht is shared [002 bijlage 2.2.1 stap 8]."""
    aanmelding = _lock(voorstel.aanmelding)
    voorstel = BaoBaoVoorstel.objects.select_for_update().get(pk=voorstel.pk)
    if not mag_antwoorden(voorstel, door):
        raise PermissionDenied(
            "Het antwoord legt de gevraagde school zelf vast, of de steunpuntcoördinator of de directeur van de "  # noqa: E501
            "school van aanmelding."
        )
    op = op or _vandaag()
    _niet_in_toekomst(op, "op", "datum van het antwoord")
    if antwoord not in Antwoord.values or antwoord == Antwoord.GEVRAAGD:
        raise ZorgplichtFout({"antwoord": "Kies het antwoord van de school."})
    if not aanmelding.is_lopend:
        raise ZorgplichtFout("De onderzoeksperiode is voorbij; het antwoord kan niet meer worden vastgelegd.")
    einde = termijnen.stand(aanmelding, op).einde
    if op > einde:
        raise ZorgplichtFout(
            {
                "op": f"De andere school moet binnen de onderzoekstermijn van de eerste school antwoorden "
                f"(tot en met {einde:%d-%m-%Y}) [002 bijlage 2.2.1 stap 8]."
            }
        )
    voorstel.antwoord, voorstel.antwoord_op, voorstel.antwoord_toelichting = antwoord, op, toelichting
    if antwoord != Antwoord.KAN_PLAATSEN:
        voorstel.gekozen_op = None
    voorstel.save()
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=voorstel,
        leerling=aanmelding.leerling,
        omschrijving=f"bao-bao: antwoord {voorstel.get_antwoord_display()}",
    )
    return voorstel


@transaction.atomic
def registreer_keuze_ouders(
    *, voorstel: BaoBaoVoorstel, door, op: date | None = None, request=None
) -> BaoBaoVoorstel:
    """If several schools fit, the ouders choose [002 bijlage 2.2.1 stap 8]."""
    aanmelding = _lock(voorstel.aanmelding)
    voorstel = BaoBaoVoorstel.objects.select_for_update().get(pk=voorstel.pk)
    _eis_baobao(aanmelding, door)
    if not aanmelding.is_lopend:
        raise ZorgplichtFout(
            "De keuze van de ouders kan alleen tijdens de onderzoeksperiode worden vastgelegd."
        )
    if voorstel.antwoord != Antwoord.KAN_PLAATSEN:
        raise ZorgplichtFout(
            "De ouders kunnen alleen kiezen voor een school die heeft laten weten te kunnen plaatsen."
        )
    aanmelding.baobao_voorstellen.exclude(pk=voorstel.pk).update(gekozen_op=None)
    voorstel.gekozen_op = op or _vandaag()
    voorstel.save(update_fields=["gekozen_op"])
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=voorstel,
        leerling=aanmelding.leerling,
        omschrijving="bao-bao: keuze van de ouders vastgelegd",
    )
    return voorstel
