"""What ouders do in the portal, part 1 [issue 17]: sign the handelingsdeel of one OPP version
with an e-mail code [002 L742 'moet worden ondertekend door ouders', L1250 'Schriftelijk akkoord'],
and write their own zienswijze on it. The digital signature counts in the TLV completeness check;
staff see the zienswijze as the ouder's and cannot change it; every read and act is audited."""

from __future__ import annotations

import hashlib
import json

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from django_otp.plugins.otp_email.models import EmailDevice

from cases.dossier import handelingsdeel
from cases.dossier.forms import AkkoordForm
from cases.dossier.models.opp import AkkoordWijze, OPPAkkoord
from cases.dossier.models.ot import OnveranderlijkFout
from cases.models import AuditRegel, Ouder, Zienswijze
from cases.models.audit import AuditActie
from cases.ouderportaal.services import ondertekenen as service
from tests.factories import OuderFactory
from tests.factories.dossier import OPPFactory
from tests.factories.ouderportaal import gezin, gezin_van, ouder_account
from tests.factories.tlv import concept, leerling_met_ouders, opp

pytestmark = pytest.mark.django_db


def _teken_url(plan):
    return reverse("ouders:opp_ondertekenen", args=[plan.pk])


def _code(client, plan) -> str:
    """Ask a code on the page (as the ouder does) and read it from the device (the mail's code)."""
    resp = client.post(_teken_url(plan), {"actie": "code", "gelezen": "on"})
    assert resp.status_code == 200
    return EmailDevice.objects.get(user=resp.wsgi_request.user).token


def _teken(client, plan, *, code, gelezen=True, sha=None):
    body = {"actie": "ondertekenen", "code": code, "sha256": sha or handelingsdeel.sha256(plan)}
    if gelezen:
        body["gelezen"] = "on"
    return client.post(_teken_url(plan), body)


@pytest.fixture
def g(world, client):
    gez = gezin_van(world)
    client.force_login(gez.gebruiker)
    return gez


class TestOndertekenen:
    def test_ondertekenen_met_code_legt_wie_wanneer_hoe_en_sha256_vast(self, g, client):
        """[002 L742, L1250; issue 17] Tick + fresh e-mail code → an OPPAkkoord of this Ouder record,
        today, wijze 'portaal', and the SHA-256 of exactly this version's handelingsdeel."""
        plan = g.opp
        pagina = client.get(_teken_url(plan)).content.decode()
        assert "Het handelingsdeel is het deel van het plan" in pagina
        assert handelingsdeel.sha256(plan) in pagina
        code = _code(client, plan)
        assert len(mail.outbox) == 1 and code in mail.outbox[0].body
        assert g.kind.voornaam not in mail.outbox[0].body  # no child data in the mail
        resp = _teken(client, plan, code=code)
        assert resp.status_code == 302 and resp["Location"] == reverse("ouders:opp", args=[plan.pk])
        akkoord = OPPAkkoord.objects.get(opp=plan, ouder=g.ouder)
        assert akkoord.wijze == AkkoordWijze.DIGITAAL and akkoord.document_id is None
        assert akkoord.vastgelegd_door == g.gebruiker and akkoord.telt_als_handtekening
        assert OPPAkkoord.objects.ondertekend().filter(pk=akkoord.pk).exists()
        # The hash, recomputed here from the documented serialisation of the version's fields.
        plan.refresh_from_db()
        inhoud = {
            "serialisatie": "passend-handelingsdeel-v1",
            "opp": plan.pk,
            "leerling": plan.leerling_id,
            "versie": plan.versie,
            "velden": {v: getattr(plan, v) or "" for v in handelingsdeel.HANDELINGSDEEL},
            "factoren": {
                c: {k: w for k, w in d.items() if w}
                for c, d in (plan.factoren or {}).items()
                if any(d.values())
            },
        }
        verwacht = hashlib.sha256(
            json.dumps(inhoud, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
        ).hexdigest()
        assert akkoord.sha256 == verwacht == handelingsdeel.sha256(plan)
        assert plan.doelen_kind and plan.doelen_kind.encode() in handelingsdeel.canoniek(plan)
        # The OPP page now says it is signed; staff see it in the dossier's OPP page.
        assert (
            "U heeft het handelingsdeel van deze versie ondertekend"
            in client.get(reverse("ouders:opp", args=[plan.pk])).content.decode()
        )

    def test_andere_tekst_geeft_andere_hash(self, g):
        """[issue 17] The hash is of the content: a different text of the handelingsdeel differs."""
        ander = OPPFactory.build(leerling=g.kind, versie=g.opp.versie, pk=g.opp.pk, doelen_kind="iets anders")
        assert handelingsdeel.sha256(ander) != handelingsdeel.sha256(g.opp)

    def test_zonder_vinkje_geweigerd_en_code_blijft_bruikbaar(self, g, client):
        """[issue 17] Not ticked: refused, saying so; nothing signed, the code still works."""
        code = _code(client, g.opp)
        resp = _teken(client, g.opp, code=code, gelezen=False)
        assert resp.status_code == 400 and "Zet eerst een vinkje" in resp.content.decode()
        assert not OPPAkkoord.objects.filter(opp=g.opp).exists()
        assert _teken(client, g.opp, code=code).status_code == 302

    def test_tekst_veranderd_sinds_openen_geweigerd(self, g, client):
        """[issue 17] The page's hash must match the version's text: no signature on unseen text."""
        code = _code(client, g.opp)
        resp = _teken(client, g.opp, code=code, sha="0" * 64)
        assert resp.status_code == 400 and "veranderd sinds u de pagina opende" in resp.content.decode()
        assert not OPPAkkoord.objects.filter(opp=g.opp).exists()

    def test_verkeerde_code_telt_voor_blokkade_en_audit(self, g, client, settings):
        """[issue 17; issue 14] A wrong code: refused, counted by axes toward the lockout, audited as a
        failed second factor; after AXES_FAILURE_LIMIT failures even the right code is refused."""
        settings.AXES_FAILURE_LIMIT = 3
        code = _code(client, g.opp)
        fout = "000000" if code != "000000" else "111111"
        resp = _teken(client, g.opp, code=fout)
        assert resp.status_code == 400 and "De code klopt niet" in resp.content.decode()
        assert "gelezen" in resp.content.decode() and "checked" in resp.content.decode()  # tick kept
        poging = AccessAttempt.objects.get(username=g.gebruiker.username)
        assert poging.failures_since_start == 1
        assert AuditRegel.objects.filter(
            actie=AuditActie.TWEEDE_FACTOR_MISLUKT, omschrijving__contains="handtekening_code"
        ).exists()
        _teken(client, g.opp, code=fout)
        _teken(client, g.opp, code=fout)
        code = _code(client, g.opp)
        resp = _teken(client, g.opp, code=code)
        assert resp.status_code == 400 and "geblokkeerd" in resp.content.decode()
        assert not OPPAkkoord.objects.filter(opp=g.opp).exists()

    def test_oudere_versie_geweigerd(self, g, client):
        """[issue 17] A superseded version cannot be signed: the reason is on the page and a POST fails."""
        OPPFactory(leerling=g.kind, versie=3, vastgesteld=True, aangemaakt_door=g.opp.aangemaakt_door)
        pagina = client.get(_teken_url(g.opp))
        assert pagina.status_code == 200 and "Dit is een oudere versie (versie 1)" in pagina.content.decode()
        resp = _teken(client, g.opp, code="123456")
        assert resp.status_code == 400 and "alleen de nieuwste versie ondertekenen" in resp.content.decode()
        assert not OPPAkkoord.objects.filter(opp=g.opp).exists()
        assert not mail.outbox

    def test_twee_keer_ondertekenen_geweigerd(self, g, client):
        """[issue 17] One signature per ouder per version; the second attempt says it was signed."""
        assert _teken(client, g.opp, code=_code(client, g.opp)).status_code == 302
        resp = _teken(client, g.opp, code="123456")
        assert resp.status_code == 400 and "al ondertekend" in resp.content.decode()
        assert OPPAkkoord.objects.filter(opp=g.opp).count() == 1
        with pytest.raises(ValidationError, match="al ondertekend"):
            service.onderteken_handelingsdeel(
                gebruiker=g.gebruiker, opp=g.opp, gelezen=True, code="1", sha256=handelingsdeel.sha256(g.opp)
            )

    def test_papier_handtekening_telt_ook_als_al_ondertekend(self, g, client):
        """[002 L742] Signed on paper (with the scan) already: no second, digital signature."""
        from tests.factories.tlv import document

        OPPAkkoord.objects.create(
            opp=g.opp,
            ouder=g.ouder,
            datum=g.opp.vastgesteld_op.date(),
            wijze=AkkoordWijze.OP_PAPIER,
            document=document(g.kind, "handelingsdeel"),
            vastgelegd_door=g.opp.aangemaakt_door,
        )
        assert "al ondertekend" in client.get(_teken_url(g.opp)).content.decode()

    def test_concept_zonder_gezag_en_ander_gezin_zijn_404(self, g, world, client):
        """[issue 17] A concept is never signable, another family's OPP and no gezag: 404, GET and POST."""
        assert client.get(_teken_url(g.opp_concept)).status_code == 404
        assert client.post(_teken_url(g.opp_concept), {"actie": "code"}).status_code == 404
        ander = gezin(world.school)
        for url in (_teken_url(ander.opp), reverse("ouders:opp_zienswijze", args=[ander.opp.pk])):
            assert client.get(url).status_code == 404
            assert client.post(url, {"actie": "code", "tekst": "x"}).status_code == 404
        Ouder.objects.filter(pk=g.ouder.pk).update(gezag=False)
        assert client.get(_teken_url(g.opp)).status_code == 404
        assert (
            client.post(reverse("ouders:opp_zienswijze", args=[g.opp.pk]), {"tekst": "x"}).status_code == 404
        )
        assert not mail.outbox and not OPPAkkoord.objects.exists() and not Zienswijze.objects.exists()

    def test_medewerker_kan_niet_digitaal_vastleggen(self, g, world):
        """[issue 17] 'digitaal ondertekend' is the ouder's own act: not a choice in the staff form,
        refused by the staff service."""
        from cases.dossier.services.opp import leg_akkoord_vast

        assert "portaal" not in dict(AkkoordForm.base_fields["wijze"].choices)
        with pytest.raises(ValidationError, match="doet de ouder zelf"):
            leg_akkoord_vast(
                opp=g.opp,
                ouder=g.ouder,
                datum=g.opp.vastgesteld_op.date(),
                wijze=AkkoordWijze.DIGITAAL,
                door=world.users["ib"],
            )


class TestVolledigheidTLV:
    @override_settings(PASSEND_DEMO=False)
    def test_digitale_handtekening_en_portaal_zienswijze_tellen(self, world):
        """[002 §1.4, L742, L1250; issue 17] With only a digital signature of the one ouder with
        gezag and only a zienswijze written in the portal, the TLV completeness rules
        'Handelingsdeel … ondertekend door ouders' and 'Zienswijze van ouders bij het OPP' pass."""
        from tlv.volledigheid import evalueer

        leerling = leerling_met_ouders(world)
        ouder = leerling.ouders.get(gezag=True)
        Ouder.objects.filter(pk=ouder.pk).update(email=f"tlv{ouder.pk}@ouders.example")
        ouder.refresh_from_db()
        gebruiker = ouder_account(ouder)
        plan = opp(leerling, akkoord=False, zienswijze="")
        aanvraag = concept(world, leerling=leerling, compleet=False)

        def uitkomst(code):
            return next(u for u in evalueer(aanvraag) if u.regel.code == code)

        assert not uitkomst("handelingsdeel").voldaan and not uitkomst("zienswijze").voldaan
        apparaat = EmailDevice.objects.get(user=gebruiker)
        service.stuur_code(gebruiker=gebruiker)
        apparaat.refresh_from_db()
        plan.leerling = leerling
        service.onderteken_handelingsdeel(
            gebruiker=gebruiker,
            opp=plan,
            gelezen=True,
            code=apparaat.token,
            sha256=handelingsdeel.sha256(plan),
        )
        assert uitkomst("handelingsdeel").voldaan
        assert not uitkomst("zienswijze").voldaan
        service.schrijf_zienswijze_opp(gebruiker=gebruiker, opp=plan, tekst="Wij steunen dit plan.")
        z = uitkomst("zienswijze")
        assert z.voldaan and "ouderportaal" in z.toelichting


class TestZienswijze:
    def test_schrijven_en_later_een_nieuwe_die_de_oude_niet_wist(self, g, client):
        """[issue 17] The ouder writes a zienswijze; a later one supersedes it; the old one stays."""
        url = reverse("ouders:opp_zienswijze", args=[g.opp.pk])
        assert "Een zienswijze is wat u als ouder vindt" in client.get(url).content.decode()
        assert client.post(url, {"tekst": "Eerste mening."}).status_code == 302
        assert client.post(url, {"tekst": "Tweede mening."}).status_code == 302
        rijen = list(Zienswijze.objects.filter(opp=g.opp).order_by("geschreven_op", "pk"))
        assert [z.tekst for z in rijen] == ["Eerste mening.", "Tweede mening."]
        assert all(z.ouder == g.ouder and z.geschreven_door == g.gebruiker for z in rijen)
        pagina = client.get(reverse("ouders:opp", args=[g.opp.pk])).content.decode()
        assert pagina.index("Tweede mening.") < pagina.index("Eerste mening.")

    def test_lege_of_te_lange_tekst_geweigerd_en_niets_kwijt(self, g, client):
        """[issue 17] Empty: said so. Too long: said how long, and the typed text is on the page."""
        url = reverse("ouders:opp_zienswijze", args=[g.opp.pk])
        resp = client.post(url, {"tekst": "   "})
        assert resp.status_code == 400 and "Het veld is nog leeg" in resp.content.decode()
        lang = "woord " * 1000
        resp = client.post(url, {"tekst": lang})
        assert resp.status_code == 400 and "te lang" in resp.content.decode()
        assert "woord woord woord" in resp.content.decode()
        assert not Zienswijze.objects.exists()

    def test_medewerker_ziet_hem_alleen_lezen_en_kan_hem_niet_wijzigen(self, g, world, client):
        """[issue 17] Stored as the ouder's: staff see 'geschreven door <naam> (ouder) op <datum>';
        no save, update or delete changes it; the staff field for a paper zienswijze stays."""
        z = service.schrijf_zienswijze_opp(gebruiker=g.gebruiker, opp=g.opp, tekst="Van de ouder.")
        z.tekst = "Door school veranderd."
        with pytest.raises(OnveranderlijkFout):
            z.save()
        with pytest.raises(OnveranderlijkFout):
            Zienswijze.objects.filter(pk=z.pk).update(tekst="x")
        with pytest.raises(OnveranderlijkFout):
            Zienswijze.objects.filter(pk=z.pk).delete()
        with pytest.raises(OnveranderlijkFout):
            z.delete()
        assert Zienswijze.objects.get(pk=z.pk).tekst == "Van de ouder."
        client.force_login(world.users["ib"])
        pagina = client.get(reverse("opp_detail", args=[g.opp.pk])).content.decode()
        assert "Van de ouder." in pagina and f"Geschreven door {g.ouder.naam} (ouder) op" in pagina
        assert "Alleen te lezen" in pagina

    def test_staf_ziet_digitale_handtekening_met_hash(self, g, world, client):
        """[issue 17] The dossier's OPP page names the digital signature and its SHA-256."""
        _teken(client, g.opp, code=_code(client, g.opp))
        client.force_login(world.users["ib"])
        pagina = client.get(reverse("opp_detail", args=[g.opp.pk])).content.decode()
        assert "digitaal ondertekend in het ouderportaal" in pagina
        assert handelingsdeel.sha256(g.opp) in pagina


class TestAudit:
    def test_elke_inzage_en_handeling_in_het_auditlog(self, g, client):
        """[issue 17; issue 14] Reading the sign page and the zienswijze page, sending a code, the
        signature and the zienswijze: each a row with the leerling and the ouder's account."""
        client.get(_teken_url(g.opp))
        client.get(reverse("ouders:opp_zienswijze", args=[g.opp.pk]))
        _teken(client, g.opp, code=_code(client, g.opp))
        client.post(reverse("ouders:opp_zienswijze", args=[g.opp.pk]), {"tekst": "Mijn mening."})
        rijen = AuditRegel.objects.filter(leerling=g.kind, gebruiker=g.gebruiker)
        omschrijvingen = list(rijen.values_list("actie", "omschrijving"))
        assert (
            AuditActie.BEKEKEN,
            "ouderportaal: handelingsdeel OPP versie 1 ter ondertekening",
        ) in omschrijvingen
        assert (AuditActie.BEKEKEN, "ouderportaal: zienswijze op OPP versie 1") in omschrijvingen
        assert any(a == AuditActie.AANGEMAAKT and "code per e-mail" in o for a, o in omschrijvingen)
        assert any(a == AuditActie.AANGEMAAKT and "digitaal ondertekend" in o for a, o in omschrijvingen)
        assert (
            AuditActie.AANGEMAAKT,
            "ouderportaal: zienswijze op OPP versie 1 geschreven",
        ) in omschrijvingen


def test_ouder_met_twee_gezagsrecords_tekent_een_keer(world, client):
    """[issue 17] One ouder, one signature: the Ouder record of this account for this child."""
    g = gezin_van(world)
    tweede = OuderFactory(leerling=g.kind, relatie="voogd", naam="Voogd Test", email="")
    assert tweede.gezag
    client.force_login(g.gebruiker)
    _teken(client, g.opp, code=_code(client, g.opp))
    assert list(OPPAkkoord.objects.filter(opp=g.opp).values_list("ouder_id", flat=True)) == [g.ouder.pk]


# --- the ouders' part of the TLV-aanvraagformulier ------------------------------------------------
def _aanvraag(world, g, **velden):
    from tests.factories.tlv import concept

    velden.setdefault("ouders_ondertekend_op", None)
    velden.setdefault("zienswijze_ouders", "")
    return concept(world, leerling=g.kind, compleet=False, **velden)


def _tlv_url(a):
    return reverse("ouders_tlv:aanvraag", args=[a.pk])


def _tlv_code(client, a) -> str:
    resp = client.post(_tlv_url(a), {"actie": "code", "gelezen": "on"})
    assert resp.status_code == 200
    return EmailDevice.objects.get(user=resp.wsgi_request.user).token


def _tlv_teken(client, a, *, code, sha=None):
    from tlv import ouders

    return client.post(
        _tlv_url(a),
        {"actie": "ondertekenen", "gelezen": "on", "code": code, "sha256": sha or ouders.sha256(a)},
    )


class TestAanvraagTLV:
    def test_samenvatting_zonder_adviezen_en_ondertekenen(self, g, world, client):
        """[002 §1.3, §1.4; issue 17] The ouder reads the summary meant for ouders (what is asked and
        why, not the deskundigen' advice) and signs with an e-mail code: who, when, how, SHA-256,
        and `ouders_ondertekend_op` set; the staff page says 'digitaal ondertekend door … in het
        ouderportaal'."""
        from tlv import ouders
        from tlv.models import OuderHandtekeningAanvraag

        a = _aanvraag(world, g)
        pagina = client.get(_tlv_url(a)).content.decode()
        assert a.onderwijsbehoeften in pagina and a.waarom_niet_regulier in pagina
        assert "Een TLV (toelaatbaarheidsverklaring) is" in pagina
        assert "advies" not in pagina.lower().replace("adviseren", "")
        assert "Voor u om te doen" in client.get(reverse("ouders:kind", args=[g.kind.pk])).content.decode()
        resp = _tlv_teken(client, a, code=_tlv_code(client, a))
        assert resp.status_code == 302
        h = OuderHandtekeningAanvraag.objects.get(aanvraag=a)
        assert h.ouder == g.ouder and h.gebruiker == g.gebruiker and h.sha256 == ouders.sha256(a)
        inhoud = json.loads(ouders.canoniek(a))
        assert inhoud["onderwijsbehoeften"] == a.onderwijsbehoeften and "zienswijze_ouders" not in inhoud
        a.refresh_from_db()
        assert a.ouders_ondertekend_op is not None
        client.force_login(world.users["ib"])
        staf = client.get(reverse("tlv:detail", args=[a.pk])).content.decode()
        assert f"digitaal ondertekend door {g.ouder.naam} op" in staf and "in het ouderportaal" in staf

    def test_zienswijze_en_handtekening_tellen_in_de_volledigheid(self, g, world, client):
        """[002 §1.4, bijlage 3.11.1; issue 17] 'Ondertekend TLV-aanvraagformulier (ouders en
        directeur)': the ouders' digital signature and portal zienswijze fill the ouders' part."""
        from tlv import services
        from tlv.volledigheid import evalueer

        a = _aanvraag(world, g)
        assert not a.toestemming_ouders_of_uitzondering() and not a.aanvraagformulier_ingevuld()
        client.post(reverse("ouders_tlv:aanvraag_zienswijze", args=[a.pk]), {"tekst": "Wij willen dit ook."})
        _tlv_teken(client, a, code=_tlv_code(client, a))
        a.refresh_from_db()
        assert a.toestemming_ouders_of_uitzondering() and a.aanvraagformulier_ingevuld()
        services.dien_in(aanvraag=a, door=world.users["directeur"])
        a.refresh_from_db()
        regel = next(u for u in evalueer(a) if u.regel.code == "aanvraagformulier")
        assert regel.voldaan and "digitaal in het ouderportaal" in regel.toelichting
        client.force_login(world.users["sll"])
        staf = client.get(reverse("tlv:detail", args=[a.pk])).content.decode()
        assert "Wij willen dit ook." in staf and f"Geschreven door {g.ouder.naam} (ouder) op" in staf

    def test_weigeringen(self, g, world, client):
        """[issue 17] Twice: refused. Submitted: no longer for ouders (404). Another family, no gezag: 404.
        A wrong code counts toward the lockout."""
        from tlv import services
        from tlv.models import OuderHandtekeningAanvraag

        a = _aanvraag(world, g)
        fout = _tlv_teken(client, a, code="abc")
        assert fout.status_code == 400 and "De code klopt niet" in fout.content.decode()
        assert AccessAttempt.objects.get(username=g.gebruiker.username).failures_since_start == 1
        assert _tlv_teken(client, a, code=_tlv_code(client, a)).status_code == 302
        again = _tlv_teken(client, a, code="123456")
        assert again.status_code == 400 and "al ondertekend" in again.content.decode()
        ander = gezin(world.school)
        b = _aanvraag(world, ander)
        assert client.get(_tlv_url(b)).status_code == 404
        assert (
            client.post(reverse("ouders_tlv:aanvraag_zienswijze", args=[b.pk]), {"tekst": "x"}).status_code
            == 404
        )
        Ouder.objects.filter(pk=g.ouder.pk).update(gezag=False)
        assert client.get(_tlv_url(a)).status_code == 404
        Ouder.objects.filter(pk=g.ouder.pk).update(gezag=True)
        a.refresh_from_db()
        TLVAanvraagModel = type(a)
        TLVAanvraagModel.objects.filter(pk=a.pk).update(zienswijze_ouders="Op papier.")
        a.refresh_from_db()
        services.dien_in(aanvraag=a, door=world.users["directeur"])
        assert client.get(_tlv_url(a)).status_code == 404
        assert OuderHandtekeningAanvraag.objects.filter(aanvraag=a).count() == 1

    def test_audit(self, g, world, client):
        """[issue 17; issue 14] Reading the aanvraag, the code, the signature and the zienswijze: audited."""
        a = _aanvraag(world, g)
        client.get(_tlv_url(a))
        _tlv_teken(client, a, code=_tlv_code(client, a))
        client.post(reverse("ouders_tlv:aanvraag_zienswijze", args=[a.pk]), {"tekst": "Mening."})
        rijen = list(
            AuditRegel.objects.filter(leerling=g.kind, gebruiker=g.gebruiker).values_list(
                "actie", "omschrijving"
            )
        )
        assert (AuditActie.BEKEKEN, "ouderportaal: TLV-aanvraag bekeken") in rijen
        assert any(
            x == AuditActie.AANGEMAAKT and "code per e-mail" in o and "TLV-aanvraag" in o for x, o in rijen
        )
        assert any(x == AuditActie.AANGEMAAKT and "TLV-aanvraag digitaal ondertekend" in o for x, o in rijen)
        assert (AuditActie.AANGEMAAKT, "ouderportaal: zienswijze op TLV-aanvraag geschreven") in rijen


def test_besloten_aanvraag_houdt_het_opp_van_toen(world):
    """[002 §1.4; issue 17] After the decision the school evaluates the OPP and the ouders sign the
    new version in the portal; the decided aanvraag's checklist keeps judging the version it was
    decided on (signed on paper then), an open aanvraag the newest."""
    from datetime import date

    from tlv.models import TLVAanvraag
    from tlv.volledigheid import evalueer

    leerling = leerling_met_ouders(world)
    opp(leerling, datum=date(2026, 2, 25), akkoord=True)
    OPPFactory(
        leerling=leerling,
        versie=2,
        vastgesteld=True,
        datum=date(2026, 11, 16),
        aangemaakt_door=world.users["ib"],
    )
    aanvraag = concept(world, leerling=leerling, compleet=False)

    def handelingsdeel_regel():
        return next(u for u in evalueer(aanvraag) if u.regel.code == "handelingsdeel")

    assert not handelingsdeel_regel().voldaan  # open: the newest version, not yet signed
    TLVAanvraag.objects.filter(pk=aanvraag.pk).update(besluit_op=date(2026, 4, 16))
    aanvraag.refresh_from_db()
    assert handelingsdeel_regel().voldaan


def test_demo_laat_marieke_een_versie_om_te_ondertekenen(world):
    """[issue 17] The demo's evaluation after the TLV: a new vastgesteld version, dated 16 November
    2026, unsigned, signable by the ouder in the portal; building it twice adds nothing."""
    from datetime import date

    from cases.demo.ouderportaal import _opp_na_tlv
    from tests.factories import LeerlingFactory

    kind = LeerlingFactory(swv=world.swv, school=world.school, school__groep=4)
    ouder = OuderFactory(leerling=kind, email=f"demo{kind.pk}@ouders.example")
    gebruiker = ouder_account(ouder)
    OPPFactory(leerling=kind, aangemaakt_door=world.users["ib"], vastgesteld=True, datum=date(2026, 2, 25))
    assert _opp_na_tlv(kind, world.users["ib"]) == 2
    assert _opp_na_tlv(kind, world.users["ib"]) is None
    nieuw = kind.opps.get(versie=2)
    assert nieuw.is_vastgesteld and nieuw.datum == date(2026, 11, 16) and not nieuw.akkoorden.exists()
    nieuw.leerling = kind
    assert service.weigerreden(gebruiker, nieuw) is None
