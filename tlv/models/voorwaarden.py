"""The facts and the named conditions of the TLV-aanvraag: a mixin of TLVAanvraag (tlv/models/
aanvraag.py), whose transitions name these conditions. The one-line docstring of a condition is
the rule and its source; it is what a user reads when a step is refused (cases.workflow)."""

from __future__ import annotations

from datetime import date

from cases.termijnen import plus_werkdagen
from cases.workflow import Weigerteksten
from tlv.models.keuzes import HerindicatieOptie, Soort


class AanvraagVoorwaarden:
    """Mixin of TLVAanvraag: how a refused step is worded, and what the conditions and the pages
    read from an aanvraag."""

    # A refused step lists every reason, the role included (cases.workflow).
    weigerteksten = Weigerteksten(
        status="Deze stap is niet mogelijk in de status '{status}'.",
        voorwaarde="Niet voldaan: {regel}",
        rol="Deze stap hoort niet bij uw rol voor deze aanvraag.",
        rol_is_reden=True,
    )

    # --- facts used by the conditions and the UI ------------------------------------------------

    @property
    def peildatum(self) -> date:
        from django.utils import timezone

        return timezone.localdate()

    def zonder_toestemming_uiterlijk_indienen(self) -> date | None:
        """First day the aanvraag may be sent: 5 werkdagen after ouders were informed [002 §1.13]."""
        if not self.zt_ouders_geinformeerd_op:
            return None
        return plus_werkdagen(self.zt_ouders_geinformeerd_op, 5)

    def zonder_toestemming_gebreken(self, op: date | None = None) -> list[str]:
        """The unmet conditions of §1.13, in Dutch (empty when all six are recorded and met)."""
        op = op or self.peildatum
        gebreken = []
        velden = [
            "zt_zorgen_gedeeld",
            "zt_intensieve_ondersteuning",
            "zt_andere_school_gemeld",
            "zt_deskundige_aangekondigd",
        ]
        for veld in velden:
            if not getattr(self, veld).strip():
                gebreken.append(f"Niet vastgelegd: {self._meta.get_field(veld).verbose_name} [002 §1.13].")
        if not self.zt_ouders_geinformeerd_op:
            gebreken.append("Niet vastgelegd: wanneer ouders de mededeling en het OPP kregen [002 §1.13].")
        else:
            vroegst = self.zonder_toestemming_uiterlijk_indienen()
            if op < vroegst:
                gebreken.append(
                    f"Ouders hebben nog geen 5 werkdagen gehad om te reageren: indienen kan vanaf "
                    f"{vroegst:%d-%m-%Y} [002 §1.13]."
                )
        if not self.zt_verzenddatum_gemeld:
            gebreken.append(
                "Niet vastgelegd: de verzenddatum die de school aan ouders heeft genoemd [002 §1.13]."
            )
        elif op < self.zt_verzenddatum_gemeld:
            gebreken.append(
                f"De school heeft ouders {self.zt_verzenddatum_gemeld:%d-%m-%Y} als verzenddatum genoemd; "
                "eerder indienen kan niet [002 §1.13]."
            )
        return gebreken

    def opschortingen_paren(self, *, tot: date | None = None) -> list[tuple[date, date]]:
        """(verzoek, ontvangst) pairs for the term; an open request counts up to `tot` (Awb 4:15)."""
        paren = []
        for o in self.opschortingen.all():
            if o.ontvangen_op:
                paren.append((o.verzoek_op, o.ontvangen_op))
            elif tot is not None and tot > o.verzoek_op:
                paren.append((o.verzoek_op, tot))
        return paren

    def open_opschorting(self):
        return next((o for o in self.opschortingen.all() if o.ontvangen_op is None), None)

    def actieve_toewijzingen(self):
        return [t for t in self.toewijzingen.all() if t.beeindigd_op is None]

    def toewijzing(self, volgorde: int):
        return next((t for t in self.actieve_toewijzingen() if t.volgorde == volgorde), None)

    def adviezen_ingediend(self) -> list:
        uit = []
        for t in self.actieve_toewijzingen():
            advies = getattr(t, "advies", None)
            if advies is not None and advies.ingediend_op:
                uit.append(advies)
        return uit

    def eindadvies_of_none(self):
        return getattr(self, "eindadvies", None)

    # --- named conditions (one-line docstring = the rule and its source) ------------------------

    def aanvraagformulier_ingevuld(self) -> bool:
        """Het aanvraagformulier beschrijft de onderwijs- en ondersteuningsbehoeften en de zienswijze van ouders [002 bijlage 3.11.1]."""  # noqa: E501
        return bool(self.onderwijsbehoeften.strip() and self.heeft_zienswijze_ouders())

    def heeft_zienswijze_ouders(self) -> bool:
        """Typed by the school (on paper), or written by an ouder in the ouderportaal [issue 17]."""
        if self.zienswijze_ouders.strip():
            return True
        return bool(self.pk) and self.ouder_zienswijzen.exists()

    def toestemming_ouders_of_uitzondering(self) -> bool:
        """Ouders hebben de aanvraag ondertekend, of alle zes voorwaarden voor een aanvraag zonder toestemming zijn vastgelegd en vervuld [002 §1.3, §1.13]."""  # noqa: E501
        if self.zonder_toestemming:
            return not self.zonder_toestemming_gebreken()
        return self.ouders_ondertekend_op is not None

    def herindicatie_optie_gekozen(self) -> bool:
        """Bij een herindicatie is gekozen voor optie 1 (dossier) of optie 2 (herindicatiegesprek) [002 §1.21]."""  # noqa: E501
        return self.soort != Soort.HERINDICATIE or self.herindicatie_optie is not None

    def dossieroptie_toegestaan(self) -> bool:
        """Optie 1 (advies op basis van het dossier) kan alleen als schoolsoort en categorie gelijk blijven aan de huidige TLV; een andere categorie gaat altijd naar de TLA-commissie [002 L820, L825]."""  # noqa: E501
        from tlv.herindicatie import dossieroptie_bezwaren

        return not dossieroptie_bezwaren(self)

    def herindicatiegesprek_gevoerd(self) -> bool:
        """Bij optie 2 is het herindicatiegesprek met ouders, school en SC gevoerd en de uitkomst vastgelegd [002 L820-821]."""  # noqa: E501
        from tlv.herindicatie import laatste_gesprek, optie

        return optie(self) != HerindicatieOptie.GESPREK or laatste_gesprek(self) is not None

    def zonder_toestemming_na_gesprek(self) -> bool:
        """Geen overeenstemming met ouders in het herindicatiegesprek: de aanvraag volgt de procedure 'aanvraag zonder toestemming van ouders' [002 L821, §1.13]."""  # noqa: E501
        from tlv.herindicatie import laatste_gesprek, optie
        from tlv.models.herindicatie import GesprekUitkomst

        g = laatste_gesprek(self) if optie(self) == HerindicatieOptie.GESPREK else None
        return g is None or g.uitkomst != GesprekUitkomst.OUDERS_NIET_EENS or self.zonder_toestemming

    def commissie_vereist(self) -> bool:
        from tlv.herindicatie import commissie_redenen

        return bool(commissie_redenen(self))

    def geen_commissie_vereist(self) -> bool:
        """De aanvraag hoeft niet langs de TLA-commissie: bij een herindicatie zonder consensus tussen school en SC, of met een andere categorie, bespreekt de commissie haar [002 L822-825]."""  # noqa: E501
        return not self.commissie_vereist()

    def verdeeld_of_commissie_vereist(self) -> bool:
        """De adviezen zijn niet unaniem, of de herindicatie moet langs de TLA-commissie (geen consensus, of een andere categorie) [002 §1.7, L822-825]."""  # noqa: E501
        return len(self.adviezen_ingediend()) == 2 and (
            not self.adviezen_unaniem() or self.commissie_vereist()
        )

    def commissie_heeft_besproken(self) -> bool:
        """Een herindicatie die langs de TLA-commissie moet, is daar eerst besproken [002 L822-825]."""
        return not self.commissie_vereist() or self.besproken_in_vergadering()

    def bestuur_is_geinformeerd(self) -> bool:
        """De directeur heeft het schoolbestuur op de hoogte gebracht van de aanvraag [002 §1.3, bijlage 3.11.1]."""  # noqa: E501
        return self.bestuur_geinformeerd

    def formeel_compleet(self) -> bool:
        """Het dossier bevat de formele onderdelen: handtekeningen, OPP of overdrachtsdocument en LVS-gegevens [002 bijlage 3.11.1 'Secretaresse']."""  # noqa: E501
        from tlv.volledigheid import evalueer

        return all(u.voldaan for u in evalueer(self) if u.regel.formeel)

    def dossier_compleet(self) -> bool:
        """Het dossier is compleet volgens alle regels van §1.4 [002 §1.4: 'Aanvragen die niet aan de criteria voldoen, worden niet in behandeling genomen']."""  # noqa: E501
        from tlv.volledigheid import evalueer

        return all(u.voldaan for u in evalueer(self))

    def geen_open_informatieverzoek(self) -> bool:
        """Er staat geen informatieverzoek meer open [Awb 4:15; 002 §1.9]."""
        return self.open_opschorting() is None

    def informatieverzoek_met_termijn(self) -> bool:
        """Er is een informatieverzoek vastgelegd met wat ontbreekt en een antwoordtermijn [Awb 4:15; 002 §1.9]."""  # noqa: E501
        o = self.open_opschorting()
        return o is not None and bool(o.ontbreekt.strip()) and o.antwoord_uiterlijk is not None

    def informatie_is_ontvangen(self) -> bool:
        """De opgevraagde informatie is ontvangen en de ontvangstdatum is vastgelegd [Awb 4:15]."""
        return self.open_opschorting() is None and self.opschortingen.exists()

    def sc_oordeel_positief(self) -> bool:
        """De steunpuntcoördinator heeft elke vraag van §1.4 beoordeeld en als voldoende aangemerkt [002 §1.4]."""  # noqa: E501
        from tlv.models.besluit import SC_VRAGEN

        oordelen = {o.vraag: o.voldoet for o in self.sc_oordelen.all()}
        return all(oordelen.get(code) is True for code, _ in SC_VRAGEN)

    def twee_deskundigen_toegewezen(self) -> bool:
        """Er zijn twee deskundigen uit de pool toegewezen [002 §1.6, bijlage 3.11.1 'pool van deskundigen']."""  # noqa: E501
        return self.toewijzing(1) is not None and self.toewijzing(2) is not None

    def eerste_is_gedragsdeskundige(self) -> bool:
        """De eerste deskundige is een gedragsdeskundige: orthopedagoog of psycholoog [002 §1.6, bijlage 3.11.1]."""  # noqa: E501
        from cases.models.rollen import GEDRAGSDESKUNDIGEN

        t = self.toewijzing(1)
        return t is not None and t.discipline in GEDRAGSDESKUNDIGEN

    def tweede_andere_discipline(self) -> bool:
        """De tweede deskundige is een kinder- of jeugdpsycholoog, pedagoog, kinderpsychiater, maatschappelijk werker, arts of deskundige vo: een andere expertise dan de eerste [002 L657, §1.6]."""  # noqa: E501
        from cases.models.rollen import TWEEDE_DESKUNDIGEN

        een, twee = self.toewijzing(1), self.toewijzing(2)
        return (
            een is not None
            and twee is not None
            and twee.discipline in TWEEDE_DESKUNDIGEN
            and een.discipline != twee.discipline
            and (een.deskundige_id != twee.deskundige_id)
        )

    def geen_belangenverstrengeling(self) -> bool:
        """Geen van de deskundigen is betrokken bij de school van de leerling [002 §1.6, bijlage 3.11.1 'Wettelijke kaders']."""  # noqa: E501
        from tlv.models.advies import conflict_voor

        return not any(conflict_voor(t.deskundige, self) for t in self.actieve_toewijzingen())

    def beide_adviezen_ingediend(self) -> bool:
        """Beide deskundigen hebben hun advies onafhankelijk van elkaar ingediend [002 bijlage 3.11.1]."""
        return len(self.adviezen_ingediend()) == 2

    def eindadvies_compleet(self) -> bool:
        """Het eindadvies bevat het gemotiveerde besluit, de doelen, de schoolsoort, de periode en de bekostigingscategorie [002 §1.11]."""  # noqa: E501
        e = self.eindadvies_of_none()
        return e is not None and not e.gebreken()

    def adviezen_unaniem(self) -> bool:
        """De twee adviezen zijn unaniem: het geschreven eindadvies volstaat voor de directeur-bestuurder [002 §1.7]."""  # noqa: E501
        adviezen = self.adviezen_ingediend()
        return len(adviezen) == 2 and adviezen[0].strekking == adviezen[1].strekking

    def adviezen_niet_unaniem(self) -> bool:
        """De twee adviezen zijn niet unaniem: de aanvraag gaat naar de TLA-vergadering [002 §1.7]."""
        return len(self.adviezen_ingediend()) == 2 and not self.adviezen_unaniem()

    def besproken_in_vergadering(self) -> bool:
        """De aanvraag staat op de agenda van een TLA-vergadering die heeft plaatsgevonden [002 §1.7]."""
        return self.vergadering_id is not None and self.vergadering.datum <= self.peildatum

    def verdeeld_advies_besproken(self) -> bool:
        """Een niet-unaniem advies is eerst besproken in de TLA-vergadering [002 §1.7]."""
        return self.adviezen_unaniem() or self.besproken_in_vergadering()

    def vragen_bestuurder_vastgelegd(self) -> bool:
        """De directeur-bestuurder heeft zijn vragen aan de commissie vastgelegd [002 §1.7]."""
        return bool(self.vragen_bestuurder.strip())

    def eindadvies_kent_toe(self) -> bool:
        """Het eindadvies luidt: TLV afgeven [002 §1.10]."""
        e = self.eindadvies_of_none()
        return e is not None and e.besluit == "afgeven"

    def eindadvies_wijst_af(self) -> bool:
        """Het eindadvies luidt: TLV niet toekennen [002 §1.10]."""
        e = self.eindadvies_of_none()
        return e is not None and e.besluit == "niet_toekennen"

    def eindadvies_houdt_aan(self) -> bool:
        """Het eindadvies luidt: besluit aanhouden [002 §1.10]."""
        e = self.eindadvies_of_none()
        return e is not None and e.besluit == "aanhouden"

    def afwijking_ingangsdatum_beredeneerd(self) -> bool:
        """Een afwijkende ingangsdatum heeft een reden van de steunpuntcoördinator [002 §1.16]."""
        return self.ingangsdatum_afwijkend is None or bool(self.ingangsdatum_afwijking_reden.strip())

    def bezwaar_is_geregistreerd(self) -> bool:
        """Er is een bezwaarschrift geregistreerd met de datum van ontvangst [002 §1.12]."""
        return self.bezwaren.filter(beslist_op__isnull=True).exists()

    def bezwaar_klaar_voor_beslissing(self) -> bool:
        """Ontvangst is bevestigd en de bemiddelingscommissie heeft geadviseerd, of het bezwaar is te laat zonder verschoonbare reden [002 §1.12; Awb 6:11]."""  # noqa: E501
        b = self.bezwaren.filter(beslist_op__isnull=True).first()
        return (
            b is not None
            and b.bevestigd_op is not None
            and (b.bemiddeling_advies_op is not None or b.niet_ontvankelijk)
        )
