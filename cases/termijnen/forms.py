"""The termijncalculator's form: every user can compute a legal term by hand [issue 4, domain §11]."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms

from cases import termijnen as regels
from cases.formvelden import DatumInvoer, DatumVeld


@dataclass(frozen=True)
class Voorinstelling:
    label: str
    basis: str
    start_label: str
    weken: int = 0
    werkdagen: int = 0
    atw: bool = True
    opschortbaar: bool = False


VOORINSTELLINGEN: dict[str, Voorinstelling] = {
    "zorgplicht": Voorinstelling(
        "Zorgplicht (6 weken)",
        "WPO art. 40: 6 weken na ontvangst van de schriftelijke aanmelding [002 bijlage 2.2.1]",
        "ontvangst van de schriftelijke aanmelding",
        weken=6,
        opschortbaar=True,
    ),
    "zorgplicht_verlengd": Voorinstelling(
        "Zorgplicht, verlengd (10 weken)",
        "WPO art. 40: eenmaal verlengd met 4 weken, gerekend vanaf de aanmelding [002 bijlage 2.2.1]",
        "ontvangst van de schriftelijke aanmelding",
        weken=10,
        opschortbaar=True,
    ),
    "tlv": Voorinstelling(
        "Beslistermijn TLV-aanvraag (8 weken)",
        "art. 4:13 Awb: 8 weken na ontvangst van de aanvraag; opschorting art. 4:15 Awb",
        "ontvangst van de aanvraag",
        weken=8,
        opschortbaar=True,
    ),
    "bezwaartermijn": Voorinstelling(
        "Bezwaartermijn (6 weken)",
        "art. 6:7 en 6:8 Awb: 6 weken na de dag waarop het besluit is verzonden",
        "verzending van het besluit",
        weken=6,
    ),
    "beslistermijn_bezwaar": Voorinstelling(
        "Beslistermijn op bezwaar (6 weken)",
        "art. 7:10 lid 1 Awb: 6 weken na afloop van de bezwaartermijn",
        "het einde van de bezwaartermijn",
        weken=6,
    ),
    "beslistermijn_bezwaar_commissie": Voorinstelling(
        "Beslistermijn op bezwaar met adviescommissie (12 weken)",
        "art. 7:10 lid 1 Awb: 12 weken na afloop van de bezwaartermijn als een adviescommissie adviseert",
        "het einde van de bezwaartermijn",
        weken=12,
    ),
    "ontvangstbevestiging": Voorinstelling(
        "Ontvangstbevestiging bezwaar (5 werkdagen)",
        "ontvangst bevestigen binnen 5 werkdagen [002 §1.12]",
        "ontvangst van het bezwaarschrift",
        werkdagen=5,
    ),
    "eigen": Voorinstelling("Eigen termijn (weken en dagen)", "", "de startdatum", opschortbaar=True),
}

AANTAL_OPSCHORTINGEN = 3


def _datumveld(label: str, *, required: bool = False, help_text: str = "") -> DatumVeld:
    return DatumVeld(
        label=label,
        required=required,
        help_text=help_text,
        widget=DatumInvoer(),
        error_messages={
            "invalid": "Vul een geldige datum in, bijvoorbeeld 03-02-2026.",
            "required": "Vul deze datum in.",
        },
    )


class TermijnCalculatorForm(forms.Form):
    soort = forms.ChoiceField(
        label="Soort termijn",
        choices=[(k, v.label) for k, v in VOORINSTELLINGEN.items()],
        initial="zorgplicht",
    )
    start = _datumveld(
        "Startdatum (de gebeurtenis)",
        required=True,
        help_text="De dag van de gebeurtenis zelf, bijvoorbeeld de ontvangst van de aanmelding. "
        "De termijn begint de dag daarna.",
    )
    weken = forms.IntegerField(
        label="Weken (alleen bij een eigen termijn)",
        required=False,
        min_value=0,
        max_value=104,
        error_messages={
            "min_value": "Het aantal weken kan niet negatief zijn.",
            "max_value": "Reken met hoogstens 104 weken.",
            "invalid": "Vul een heel getal in.",
        },
    )
    dagen = forms.IntegerField(
        label="Dagen (alleen bij een eigen termijn)",
        required=False,
        min_value=0,
        max_value=730,
        error_messages={
            "min_value": "Het aantal dagen kan niet negatief zijn.",
            "max_value": "Reken met hoogstens 730 dagen.",
            "invalid": "Vul een heel getal in.",
        },
    )
    atw = forms.BooleanField(
        label="Wettelijke termijn: Algemene termijnenwet toepassen (alleen bij een eigen termijn)",
        required=False,
        initial=True,
        help_text="Uitzetten voor een eigen servicenorm of een maximale duur: die schuiven niet op.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for i in range(1, AANTAL_OPSCHORTINGEN + 1):
            self.fields[f"verzoek_{i}"] = _datumveld(f"Opschorting {i}: informatie gevraagd op")
            self.fields[f"ontvangst_{i}"] = _datumveld(
                f"Opschorting {i}: informatie ontvangen op",
                help_text="Geen antwoord binnen de gestelde termijn? Vul dan de dag ná die termijn in.",
            )

    @property
    def opschortingsvelden(self):
        return [(self[f"verzoek_{i}"], self[f"ontvangst_{i}"]) for i in range(1, AANTAL_OPSCHORTINGEN + 1)]

    @property
    def hoofdvelden(self):
        return [self[n] for n in ("soort", "start", "weken", "dagen", "atw")]

    def clean(self):
        data = super().clean()
        instelling = VOORINSTELLINGEN.get(data.get("soort", ""))
        paren = []
        for i in range(1, AANTAL_OPSCHORTINGEN + 1):
            verzoek, ontvangst = data.get(f"verzoek_{i}"), data.get(f"ontvangst_{i}")
            if verzoek and not ontvangst:
                self.add_error(f"ontvangst_{i}", "Vul ook de datum van ontvangst in.")
            elif ontvangst and not verzoek:
                self.add_error(f"verzoek_{i}", "Vul ook de datum van het verzoek in.")
            elif verzoek and ontvangst:
                if ontvangst < verzoek:
                    self.add_error(f"ontvangst_{i}", "De ontvangst ligt vóór het verzoek.")
                else:
                    paren.append((verzoek, ontvangst))
        if instelling is not None:
            if paren and not instelling.opschortbaar:
                self.add_error(
                    None, f"De {instelling.label.split(' (')[0].lower()} kan niet worden opgeschort."
                )
            if data.get("soort") == "eigen" and not (data.get("weken") or data.get("dagen")):
                self.add_error("weken", "Vul bij een eigen termijn het aantal weken en/of dagen in.")
        data["opschortingen"] = paren
        return data

    def berekening(self) -> regels.Berekening:
        data = self.cleaned_data
        instelling = VOORINSTELLINGEN[data["soort"]]
        if instelling.werkdagen:
            return regels.werkdagen_berekening(
                data["start"],
                instelling.werkdagen,
                basis=instelling.basis,
                start_omschrijving=instelling.start_label,
            )
        eigen = data["soort"] == "eigen"
        return regels.termijn_berekening(
            data["start"],
            weken=(data.get("weken") or 0) if eigen else instelling.weken,
            dagen=(data.get("dagen") or 0) if eigen else 0,
            opschortingen=data["opschortingen"],
            atw=bool(data.get("atw")) if eigen else instelling.atw,
            basis=instelling.basis,
            start_omschrijving=instelling.start_label,
        )
