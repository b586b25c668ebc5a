"""Factories for the TLV app: a complete dossier (OPP with akkoord, two OT's with the SC, LVS) and
an aanvraag brought to any state through the real services. All names are invented."""

from __future__ import annotations

from datetime import date

from django.core.files.base import ContentFile
from django.utils import timezone

from cases.dossier.models.documenten import Document
from cases.dossier.models.opp import OPP, OPPAkkoord
from cases.dossier.models.ot import Aanwezige, OTBespreking
from cases.models import Rol
from tests.factories import GebruikerFactory, LeerlingFactory, OuderFactory, RolFactory
from tlv import services
from tlv.models import SC_VRAGEN, Status, TLVAanvraag

PDF = b"%PDF-1.4\n%%EOF\n"


def deskundige(swv, discipline: str, username: str | None = None):
    user = GebruikerFactory(username=username or f"desk_{discipline}_{swv.pk}")
    if not Rol.objects.filter(gebruiker=user, soort="deskundige").exists():
        RolFactory(gebruiker=user, soort="deskundige", swv=swv, discipline=discipline)
    return user


def _door(door):
    return door or GebruikerFactory(username="factory_ib")


def ot(
    leerling,
    *,
    soort="start",
    datum=date(2026, 1, 12),
    sc=True,
    ouders_uitgenodigd=True,
    door=None,
    bao_bao="",
    so_sbo="",
):
    door = _door(door)
    verslag = OTBespreking.objects.create(
        leerling=leerling,
        soort=soort,
        datum=datum,
        ouders_uitgenodigd=ouders_uitgenodigd,
        hulpvraag="Hoe sluiten we aan bij de behoefte aan voorspelbaarheid?",
        gesprek_bao_bao=bao_bao,
        gesprek_so_sbo=so_sbo,
        aangemaakt_door=door,
    )
    Aanwezige.objects.create(bespreking=verslag, naam="I. Testbegeleider", rol="ib")
    if sc:
        Aanwezige.objects.create(bespreking=verslag, naam="S. Teststeunpunt", rol="sc")
    verslag.vaststellen(door=door, op=timezone.now())
    verslag.save()
    return verslag


def opp(
    leerling, *, datum=date(2026, 2, 25), akkoord=True, zienswijze="Ouders steunen de aanvraag.", door=None
):
    door = _door(door)
    plan = OPP.objects.create(
        leerling=leerling, datum=datum, zienswijze_ouders=zienswijze, aangemaakt_door=door
    )
    plan.vaststellen(door=door, op=timezone.now())
    plan.save()
    if akkoord:
        # True: signed on paper with the scan in the dossier; "mondeling": only a spoken akkoord.
        wijze = "mondeling" if akkoord == "mondeling" else "papier"
        for ouder in leerling.ouders.filter(gezag=True):
            scan = document(leerling, "handelingsdeel", datum=datum, door=door) if wijze == "papier" else None
            OPPAkkoord.objects.create(
                opp=plan, ouder=ouder, datum=datum, wijze=wijze, document=scan, vastgelegd_door=door
            )
    return plan


def document(leerling, soort: str, *, datum=date(2026, 2, 20), onderzoeksdatum=None, door=None):
    door = _door(door)
    doc = Document(
        leerling=leerling,
        soort=soort,
        titel=f"Testdocument {soort}",
        datum=datum,
        onderzoeksdatum=onderzoeksdatum,
        mimetype="application/pdf",
        grootte=len(PDF),
        sha256="0" * 64,
        geupload_door=door,
    )
    doc.bestand.save("test.pdf", ContentFile(PDF), save=False)
    doc.save()
    return doc


def compleet_dossier(leerling, door, *, lvs=True):
    ot(leerling, soort="start", datum=date(2026, 1, 12), door=door)
    ot(
        leerling,
        soort="vervolg",
        datum=date(2026, 2, 23),
        door=door,
        bao_bao="Twee scholen gevraagd; beide niet.",
        so_sbo="So past beter dan sbo.",
    )
    opp(leerling, door=door)
    if lvs:
        document(leerling, "lvs", door=door)


def leerling_met_ouders(world, *, groep=4, school=None, **kwargs):
    leerling = LeerlingFactory(swv=world.swv, school=school or world.school, school__groep=groep, **kwargs)
    OuderFactory(leerling=leerling, naam="A. Testouder", gezag=True)
    return leerling


def concept(world, *, leerling=None, compleet=True, **velden) -> TLVAanvraag:
    leerling = leerling or leerling_met_ouders(world)
    if compleet:
        compleet_dossier(leerling, world.users["ib"])
    standaard = {
        "onderwijsbehoeften": "Een kleine groep, voorspelbare structuur en veel nabijheid van de leerkracht.",
        "waarom_niet_regulier": "Ondanks een HGO-arrangement lukt dit niet; twee andere basisscholen evenmin.",  # noqa: E501
        "zienswijze_ouders": "Ouders zien dat hun kind vastloopt en steunen de aanvraag.",
        "ouders_ondertekend_op": date(2026, 3, 2),
        "bestuur_geinformeerd": True,
        "gevraagde_schoolsoort": "so",
    }
    standaard.update(velden)
    return services.maak_aanvraag(door=world.users["ib"], leerling=leerling, **standaard)


def naar(
    world,
    aanvraag: TLVAanvraag,
    doel: str,
    *,
    ontvangen_op=date(2026, 3, 10),
    eerste=None,
    tweede=None,
    strekkingen=("so", "so"),
) -> TLVAanvraag:
    """Bring `aanvraag` to state `doel` along the happy path."""
    u = world.users
    for _ in range(8):
        aanvraag.refresh_from_db()
        if aanvraag.status == doel:
            return aanvraag
        if aanvraag.status == Status.CONCEPT:
            services.dien_in(aanvraag=aanvraag, door=u["directeur"], op=ontvangen_op)
        elif aanvraag.status == Status.INGEDIEND:
            services.keur_formeel_goed(aanvraag=aanvraag, door=u["sll"])
        elif aanvraag.status == Status.INHOUDELIJKE_CHECK:
            services.leg_sc_oordeel_vast(
                aanvraag=aanvraag, door=u["sc"], oordelen={c: (True, "") for c, _ in SC_VRAGEN}
            )
            services.keur_inhoudelijk_goed(aanvraag=aanvraag, door=u["sc"])
        elif aanvraag.status == Status.DESKUNDIGEN_TOEWIJZEN:
            services.wijs_deskundigen_toe(
                aanvraag=aanvraag,
                door=u["tla"],
                eerste=eerste or u["deskundige"],
                tweede=tweede or deskundige(world.swv, "kinderpsychiater"),
            )
        elif aanvraag.status == Status.ADVIEZEN:
            for t, strekking in zip(aanvraag.actieve_toewijzingen(), strekkingen, strict=True):
                services.sla_advies_op(
                    aanvraag=aanvraag,
                    door=t.deskundige,
                    strekking=strekking,
                    categorie="laag" if strekking == "so" else "",
                    motivering="Heeft een kleine groep en nabijheid nodig.",
                    indienen=True,
                )
        elif aanvraag.status == Status.EINDADVIES:
            eerste_d = aanvraag.toewijzing(1).deskundige
            services.schrijf_eindadvies(
                aanvraag=aanvraag,
                door=eerste_d,
                besluit="afgeven",
                gemotiveerd_besluit="De leerling heeft een kleine, voorspelbare groep nodig met nabijheid.",
                doelen="Weer tot leren komen; zelfstandig een taak starten.",
                schoolsoort="so",
                periode="4-5",
                categorie="laag",
            )
            services.stuur_eindadvies_door(aanvraag=aanvraag, door=eerste_d)
        elif aanvraag.status == Status.BIJ_VOORZITTER:
            services.leg_voor(aanvraag=aanvraag, door=u["tla"])
        else:
            break
    aanvraag.refresh_from_db()
    assert aanvraag.status == doel, (aanvraag.status, doel)
    return aanvraag


def afgegeven_tlv(
    world,
    *,
    leerling=None,
    schoolsoort="sbo",
    categorie="",
    van=date(2026, 8, 1),
    tot=date(2028, 7, 31),
    afgegeven_op=date(2026, 6, 15),
    **velden,
):
    """A TLV as issued, without replaying the procedure (its aanvraag stands as decided, at the
    pupil's school): for the register and everything that only reads TLV rows [issue 16.8]."""
    from tlv.models import TLV

    leerling = leerling or leerling_met_ouders(world)
    aanvraag = TLVAanvraag.objects.create(
        swv=world.swv,
        leerling=leerling,
        school=velden.pop("verwijzende_school", None) or leerling.huidige_school,
        status=Status.AFGEGEVEN,
        gevraagde_schoolsoort=schoolsoort,
        ontvangen_op=afgegeven_op,
        besluit_op=afgegeven_op,
        besluit_verzonden_op=afgegeven_op,
        aangemaakt_door=world.users["ib"],
    )
    return TLV.objects.create(
        aanvraag=aanvraag,
        swv=world.swv,
        leerling=leerling,
        kenmerk=f"TLV-{afgegeven_op:%Y}-{aanvraag.pk:05d}",
        soort=aanvraag.soort,
        schoolsoort=schoolsoort,
        categorie=categorie,
        periode=velden.pop("periode", "4-5"),
        ingangsdatum=van,
        einddatum=tot,
        afgegeven_op=afgegeven_op,
        **velden,
    )
