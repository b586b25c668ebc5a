"""Role × URL matrix for the zorgplicht app [issue 6]. The aanmelding lives at world.school
(regio A): its directeur and IB'er act, the SC of regio A searches bao-bao places, SWV roles read.
A leerkracht has no part in the zorgplicht; the CJK and LPA no write access."""

from datetime import date

from tests.factories.zorgplicht import aanmelding, op
from tests.matrix import Toegang
from zorgplicht import services
from zorgplicht.models import BaoBaoVoorstel

LEZERS = frozenset({"ib", "directeur", "sc", "cjk", "sll", "tla", "bestuurder", "beheer"})
SCHOOL = frozenset({"ib", "directeur"})
DIRECTEUR = frozenset({"directeur"})
BAOBAO = frozenset({"sc", "directeur"})
OVERZICHT = frozenset({"sc", "cjk", "sll", "tla", "bestuurder", "beheer"})


def _a(w):
    return {"pk": aanmelding(w).pk}


def _voorstel(w):
    from tests.factories import SchoolFactory

    a = aanmelding(w)
    andere = SchoolFactory(swv=w.swv, regio=w.regio, gemeente=w.gemeente, naam="OBS Matrixschool")
    with op(date(2026, 2, 10)):
        v = services.stel_school_voor(aanmelding=a, door=w.users["sc"], school=andere)
    return {"pk": BaoBaoVoorstel.objects.get(pk=v.pk).pk}


def _brief(w):
    from cases.models import Brief
    from tests.factories.brieven import MINI_PDF

    a = aanmelding(w)
    b = Brief.objects.get(object_id=a.pk, soort="zorgplicht_ontvangstbevestiging")
    import hashlib

    from django.core.files.base import ContentFile

    b.sha256 = hashlib.sha256(MINI_PDF).hexdigest()
    b.pdf.save(b.bestandsnaam, ContentFile(MINI_PDF))
    return {"pk": a.pk, "brief_pk": b.pk}


MATRIX = {
    "zorgplicht:lijst": Toegang(ok=LEZERS),
    "zorgplicht:overzicht": Toegang(ok=OVERZICHT),
    "zorgplicht:nieuw": Toegang(ok=SCHOOL),
    # Object pages: a role that may open the page but cannot see this aanmelding gets 404.
    "zorgplicht:detail": Toegang(ok=LEZERS, kwargs=_a),
    "zorgplicht:start_onderzoek": Toegang(ok=SCHOOL, kwargs=_a),
    "zorgplicht:informatie": Toegang(ok=SCHOOL, kwargs=_a),
    "zorgplicht:informatie_ontvangen": Toegang(ok=SCHOOL, kwargs=_a),
    "zorgplicht:verlengen": Toegang(ok=DIRECTEUR, kwargs=_a),
    "zorgplicht:besluit": Toegang(ok=DIRECTEUR, kwargs=_a),
    "zorgplicht:afsluiten": Toegang(ok=DIRECTEUR, kwargs=_a),
    "zorgplicht:niet_van_toepassing": Toegang(ok=DIRECTEUR, kwargs=_a),
    "zorgplicht:baobao": Toegang(ok=BAOBAO, kwargs=_a),
    "zorgplicht:baobao_antwoord": Toegang(ok=BAOBAO, kwargs=_voorstel),
    "zorgplicht:baobao_keuze": Toegang(ok=BAOBAO, kwargs=_voorstel),
    "zorgplicht:brief": Toegang(ok=LEZERS, kwargs=_brief),
    "zorgplicht:sop_lijst": Toegang(ok=frozenset({"sc", "directeur", "ib"})),
    "zorgplicht:sop": Toegang(
        ok=frozenset({"sc", "directeur", "ib"}), kwargs=lambda w: {"school_pk": w.school.pk}
    ),
}
