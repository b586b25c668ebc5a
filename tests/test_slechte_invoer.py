"""Bad input is a 400, never a 500 [issue 13].

(i) Every GET URL of the permission matrix (tests/matrix/) is opened as a role that may see it,
with every query parameter the view reads (recorded while it runs, plus the fields of the page's
own GET forms) and the usual suspects (page, sort, formaat, …) set to nonsense: years 1 and 9999,
an impossible date, text, huge and negative numbers, `__class__`, "²", a NUL byte, broken
percent-encoding. (ii) Every POST form on those pages, for every role that sees it, is sent back
with an out-of-range or broken date in each date field and with a NUL in its text fields: the
answer is the form again with a Dutch error next to the field and everything else still typed.
A new URL in the matrix, or a new form on a page, is covered without editing this file."""

from __future__ import annotations

import importlib
import pkgutil
import re
from contextlib import contextmanager
from datetime import date, timedelta
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from cases.formvelden import DatumVeld
from cases.validators import DATUM_BEREIK_FOUT, validate_datum_bereik
from tests.matrix import alle_entries

ENTRIES = alle_entries()
GET_NAMEN = sorted(n for n, t in ENTRIES.items() if t.methode == "get")

# Parameters list pages commonly read, sent to every page whether it reads them or not.
ALGEMEEN = ("page", "pagina", "sort", "order", "formaat", "format", "status", "regio", "jaar", "van", "tot")
SLECHT = (
    "0001-01-01",
    "9999-12-31",
    "1900-01-01",  # the extremes a date accepts must work too
    "2100-12-31",
    "31-02-2020",
    "abc",
    "-1",
    "0",
    "999999999999999999999",
    "1e400",
    "__class__",
    "²",  # "²".isdigit() is True, int("²") raises
    "",
)
NUL = "a\x00b"
SLECHTE_DATUMS = ("0001-01-01", "9999-12-31", "31-02-2020", "abc")
GRENSDATUMS = ("1900-01-01", "2100-12-31")  # accepted: the page may save them, but never 500
TEKST_TYPES = ("text", "textarea", "search")
# A refused form comes back as the page (200), or with 400 where the view says so (a TLV step).
OPNIEUW = (200, 400)

# Roles tried first for the query strings: the widest reach sees the most filters.
VOORKEUR = (
    "sll",
    "bestuurder",
    "beheer",
    "directeur",
    "ib",
    "sc",
    "tla",
    "lpa",
    "deskundige",
    "cjk",
    "leerkracht",
)


@pytest.fixture
def client(client):
    """A crashing view answers 500 here (as in production) instead of raising into the test."""
    client.raise_request_exception = False
    return client


def _rollen(toegang) -> list[str]:
    # A page no matrix role opens (the admin: superuser only [issue 14]) is asked as the first role.
    return [r for r in VOORKEUR if r in toegang.ok] or list(VOORKEUR[:1])


def _url(naam, world) -> str:
    toegang = ENTRIES[naam]
    return reverse(naam, kwargs=toegang.kwargs(world) if toegang.kwargs else None)


def _inloggen(client, world, rol):
    client.logout()
    if rol:
        client.force_login(world.users[rol])


def _oorzaak(resp) -> str:
    exc = getattr(resp, "exc_info", None)
    return f" ({exc[0].__name__}: {str(exc[1])[:80]})" if exc else ""


def _genegeerd(resp) -> set:
    """The parameters cases/queryparams.py ignored while answering (it says so on the page)."""
    return getattr(resp.wsgi_request, "_passend_genegeerd", set())


def _is_html(resp) -> bool:
    return "html" in resp.get("Content-Type", "")


@contextmanager
def gelezen_parameters():
    """Record every key a view looks up in a QueryDict (request.GET, or a form bound to it)."""
    gelezen: set[str] = set()
    origineel = {m: getattr(QueryDict, m) for m in ("get", "__getitem__", "getlist", "__contains__")}

    def spion(methode):
        def lees(self, key, *args, **kwargs):
            if isinstance(key, str):
                gelezen.add(key)
            return origineel[methode](self, key, *args, **kwargs)

        return lees

    try:
        for m in origineel:
            setattr(QueryDict, m, spion(m))
        yield gelezen
    finally:
        for m, f in origineel.items():
            setattr(QueryDict, m, f)


class _Formulieren(HTMLParser):
    """The forms of a page: method, action and fields with the value the page shows."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.formulieren: list[dict] = []
        self._form = self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = {
                "method": (a.get("method") or "get").lower(),
                "action": a.get("action"),
                "velden": [],
            }
            self.formulieren.append(self._form)
            return
        if self._form is None or not a.get("name") and tag != "option":
            return
        velden = self._form["velden"]
        veld = {"tag": tag, "name": a.get("name"), "value": a.get("value") or "", "id": a.get("id")}
        if tag == "input":
            velden.append({**veld, "type": (a.get("type") or "text").lower(), "checked": "checked" in a})
        elif tag == "button":
            velden.append({**veld, "type": "submit"})
        elif tag == "select":
            self._select = {**veld, "type": "select", "opties": [], "gekozen": None}
            velden.append(self._select)
        elif tag == "option" and self._select is not None:
            self._select["opties"].append(veld["value"])
            if "selected" in a:
                self._select["gekozen"] = veld["value"]
        elif tag == "textarea":
            self._textarea = {**veld, "type": "textarea", "value": ""}
            velden.append(self._textarea)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea["value"] += data


def _formulieren(html: str, pagina_url: str, methode: str) -> list[dict]:
    p = _Formulieren()
    p.feed(html)
    uit = []
    for f in p.formulieren:
        if f["method"] == methode:
            actie = unescape(f["action"] or "")
            f["action"] = urlsplit(actie).path if actie.startswith(("/", "http")) else pagina_url
            uit.append(f)
    return uit


def _getypt(naam: str) -> str:
    return f"Getypt {naam} 42"


def _gegevens(form, *, tekst_leeg: bool = False) -> dict[str, list[str]]:
    """What a user would send: shown values kept, empty text fields typed in (unless
    `tekst_leeg`), empty dates set to today, a choice made, the first button pressed."""
    data: dict[str, list[str]] = {}
    knop_gezien = False
    radio_gekozen = {v["name"] for v in form["velden"] if v["type"] == "radio" and v["checked"]}
    for v in form["velden"]:
        naam, soort = v["name"], v["type"]
        if soort == "select":
            keuze = v["gekozen"] if v["gekozen"] is not None else next((o for o in v["opties"] if o), "")
            data.setdefault(naam, []).append(keuze)
        elif soort == "submit":
            if not knop_gezien:
                data.setdefault(naam, []).append(v["value"])
                knop_gezien = True
        elif soort in ("checkbox", "radio"):
            if v["checked"]:
                data.setdefault(naam, []).append(v["value"] or "on")
            elif soort == "radio" and naam not in radio_gekozen and naam not in data:
                data[naam] = [v["value"]]
        elif soort == "file":
            continue
        elif soort in TEKST_TYPES and not v["value"] and not tekst_leeg:
            data.setdefault(naam, []).append(_getypt(naam))
        elif soort == "date" and not v["value"]:
            data.setdefault(naam, []).append(timezone.localdate().isoformat())
        else:
            data.setdefault(naam, []).append(v["value"])
    return data


def _fout_bij_veld(html: str, veld) -> str | None:
    """The text of the error Django ties to a field (id `<field id>_error`, which the field's
    aria-describedby names), or None."""
    if not veld.get("id"):
        return None
    m = re.search(rf'id="{re.escape(veld["id"])}_error"[^>]*>(.*?)</div>', html, re.S)
    return re.sub(r"<[^>]+>", " ", m.group(1)).strip() if m else None


# --- (i) query strings ----------------------------------------------------------------------------------


@pytest.mark.parametrize("naam", GET_NAMEN)
def test_querystring_nooit_500(naam, world, client):
    """[issue 13] Nonsense in any query parameter of a GET page: a NUL is a 400, anything else a
    normal answer (an ignored value said in Dutch on the page), never a 500."""
    toegang = ENTRIES[naam]
    rol = None if toegang.publiek else _rollen(toegang)[0]
    _inloggen(client, world, rol)
    url = _url(naam, world)
    with gelezen_parameters() as gelezen:
        resp = client.get(f"{url}?_proef=1")
        assert resp.status_code != 500, _oorzaak(resp)
        basis = {}
        if _is_html(resp):
            for f in _formulieren(resp.content.decode(), url, "get"):
                for k, v in _gegevens(f, tekst_leeg=True).items():
                    basis.setdefault(k, v)
        if basis:
            resp = client.get(f"{url}?{urlencode(basis, doseq=True)}")
            assert resp.status_code != 500, _oorzaak(resp)
    gelezen.discard("_proef")
    gelezen.update(basis)
    fouten = []

    def controleer(qs: str, *, nul=False):
        resp = client.get(f"{url}?{qs}")
        if resp.status_code == 500 or (nul and resp.status_code != 400):
            fouten.append(f"?{qs} -> {resp.status_code}{_oorzaak(resp)}")
        elif (
            resp.status_code == 200
            and _is_html(resp)
            and getattr(resp.wsgi_request, "_passend_genegeerd", None)
        ):
            if "in de link" not in resp.content.decode():
                fouten.append(f"?{qs} -> genegeerd zonder melding op de pagina")

    # Parameters the view does not read: all at once per value.
    ongelezen = [p for p in ALGEMEEN if p not in gelezen]
    for waarde in SLECHT:
        controleer(urlencode({p: waarde for p in ongelezen}))
    # Each parameter it reads, the others as the page's own form sends them.
    for p in sorted(gelezen):
        rest = urlencode({k: v for k, v in basis.items() if k != p}, doseq=True)
        for waarde in SLECHT:
            controleer(f"{rest}&{urlencode({p: waarde})}")
        controleer(f"{rest}&{urlencode({p: NUL})}", nul=True)
        controleer(f"{rest}&{p}=%FF%FE")
    controleer(urlencode({"a\x00": "1"}), nul=True)
    assert not fouten, f"{naam} als {rol}: " + "; ".join(fouten)


# --- (ii) forms -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("naam", GET_NAMEN)
def test_formulieren_met_slechte_datum_of_nul(naam, world, client):
    """[issue 13] Every POST form on a page: a date of year 1 or 9999, an impossible or non-date,
    and a NUL in the text fields are refused in Dutch next to the field, the rest of what was
    typed stays in the form, and nothing answers 500 (the accepted extremes 1900 and 2100 neither)."""
    toegang = ENTRIES[naam]
    url = _url(naam, world)
    fouten: list[str] = []
    gezien: set = set()
    grenzen: list[tuple] = []
    for rol in [None] if toegang.publiek else _rollen(toegang):
        _inloggen(client, world, rol)
        resp = client.get(url)
        if resp.status_code != 200 or not _is_html(resp):
            continue
        for form in _formulieren(resp.content.decode(), url, "post"):
            sleutel = (form["action"], tuple(sorted(v["name"] for v in form["velden"])))
            datums = [v for v in form["velden"] if v["type"] == "date"]
            teksten = [v for v in form["velden"] if v["type"] in TEKST_TYPES]
            if sleutel in gezien or not (datums or teksten):
                continue
            gezien.add(sleutel)
            basis = _gegevens(form)
            getypt = [v["name"] for v in teksten if not v["value"]]
            for d in datums:
                grenzen.extend(
                    (rol, form["action"], {**basis, d["name"]: [g]}, d["name"]) for g in GRENSDATUMS
                )
                for slecht in SLECHTE_DATUMS:
                    r = client.post(form["action"], {**basis, d["name"]: [slecht]})
                    waar = f"{form['action']} als {rol}: {d['name']}={slecht}"
                    if r.status_code == 500:
                        fouten.append(f"{waar} -> 500{_oorzaak(r)}")
                        continue
                    if r.status_code not in OPNIEUW:
                        fouten.append(f"{waar} -> {r.status_code} (formulier niet opnieuw getoond)")
                        continue
                    html = r.content.decode()
                    fout = _fout_bij_veld(html, d)
                    if not fout or not re.search(r"(?i)datum", fout):
                        fouten.append(f"{waar} -> geen Nederlandse fout bij het veld ({fout!r})")
                    kwijt = [n for n in getypt if escape(_getypt(n)) not in html]
                    if kwijt:
                        fouten.append(f"{waar} -> getypte waarden kwijt: {kwijt}")
            if teksten:
                data = {**basis, **{t["name"]: [f"Met nul\x00 in {t['name']}"] for t in teksten}}
                r = client.post(form["action"], data)
                waar = f"{form['action']} als {rol}: NUL in tekst"
                if r.status_code == 500:
                    fouten.append(f"{waar} -> 500{_oorzaak(r)}")
                elif r.status_code not in OPNIEUW:
                    fouten.append(f"{waar} -> {r.status_code} (niet geweigerd bij het veld)")
                elif not any("Null-tekens" in (_fout_bij_veld(r.content.decode(), t) or "") for t in teksten):
                    fouten.append(f"{waar} -> geen Nederlandse fout bij een tekstveld")
    # Last, as they may be saved and change what the page shows: the accepted extremes.
    for rol, actie, data, veld in grenzen:
        _inloggen(client, world, rol)
        r = client.post(actie, data)
        if r.status_code == 500:
            fouten.append(f"{actie} als {rol}: {veld}={data[veld][0]} -> 500{_oorzaak(r)}")
    assert not fouten, f"{naam}:\n  " + "\n  ".join(fouten)


def _project_formulieren():
    for app in ("cases", "tlv", "zorgplicht", "verzuim"):
        pakket = importlib.import_module(app)
        for info in pkgutil.walk_packages(pakket.__path__, f"{app}."):
            if ".migrations" not in info.name and ".management" not in info.name:
                importlib.import_module(info.name)

    def onder(klasse):
        for sub in klasse.__subclasses__():
            yield sub
            yield from onder(sub)

    apps = ("cases.", "tlv.", "zorgplicht.", "verzuim.")
    return sorted(
        {k for k in onder(forms.BaseForm) if k.__module__.startswith(apps)}, key=lambda k: k.__qualname__
    )


def test_elk_datumveld_van_het_project_is_een_datumveld():
    """[issue 13] Every date field declared on a form of the project (also those a ModelForm makes
    from a model DateField) checks the 1900–2100 range: a new form cannot forget it."""
    fout = [
        f"{k.__module__}.{k.__qualname__}.{naam}"
        for k in _project_formulieren()
        for naam, veld in k.base_fields.items()
        if isinstance(veld, forms.DateField) and not isinstance(veld, DatumVeld)
    ]
    assert not fout, f"Gebruik cases.formvelden.DatumVeld (of Meta.formfield_callback = modelveld): {fout}"


# --- the rules themselves ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "dag, geldig",
    [
        (date(1899, 12, 31), False),
        (date(1900, 1, 1), True),
        (date(2100, 12, 31), True),
        (date(2101, 1, 1), False),
        (date(1, 1, 1), False),
        (date(9999, 12, 31), False),
    ],
)
def test_datumbereik(dag, geldig):
    """[issue 13] A date between 1 January 1900 and 31 December 2100, else a Dutch message."""
    if geldig:
        validate_datum_bereik(dag)
    else:
        with pytest.raises(ValidationError, match="Vul een datum tussen 1900 en 2100 in."):
            validate_datum_bereik(dag)


def test_datumveld_weigert_en_biedt_het_bereik_aan():
    """[issue 13] The field refuses year 9999 and a 31 February in Dutch; a date picker offers 1900–2100."""
    veld = DatumVeld(widget=forms.DateInput(attrs={"type": "date"}))
    assert veld.widget.attrs["min"] == "1900-01-01" and veld.widget.attrs["max"] == "2100-12-31"
    with pytest.raises(ValidationError) as e:
        veld.clean("9999-12-31")
    assert e.value.messages == [DATUM_BEREIK_FOUT]
    with pytest.raises(ValidationError) as e:
        veld.clean("31-02-2020")
    assert "geldige datum" in e.value.messages[0]
    assert veld.clean("03-02-2026") == date(2026, 2, 3)


def test_nul_in_de_link_is_een_nederlandse_400(world, client):
    """[issue 13] A NUL byte in a query parameter: the Dutch 400 page with the user's menu, no query
    reaches PostgreSQL (which refuses NUL in text)."""
    client.force_login(world.users["directeur"])
    resp = client.get(reverse("verzuim:leerlingen") + "?zoek=a%00b")
    assert resp.status_code == 400
    html = resp.content.decode()
    assert "Deze link klopt niet" in html and "NUL-teken" in html
    assert "Uitloggen" in html  # the normal page frame, with the user's menu


def test_onbekende_regio_wordt_genegeerd_met_melding(world, client):
    """[issue 13] ?regio=abc, a regio of another SWV or a 25-digit number on the TLV list: the list
    shows unfiltered and says in Dutch that the choice was not applied."""
    from cases.models import Regio
    from tests.factories import RegioFactory

    andere = RegioFactory(swv=world.swv_b, naam="Regio Elders")
    client.force_login(world.users["sll"])
    for waarde in ("abc", str(andere.pk), "9" * 25, "²"):
        resp = client.get(reverse("tlv:lijst"), {"regio": waarde})
        assert resp.status_code == 200
        assert "De regio in de link" in resp.content.decode()
    eigen = Regio.objects.get(pk=world.regio.pk)
    resp = client.get(reverse("tlv:lijst"), {"regio": eigen.pk})
    assert "in de link" not in resp.content.decode()
    assert f'<option value="{eigen.pk}" selected>' in resp.content.decode()


def test_absurd_paginanummer_geeft_een_pagina(world, client):
    """[issue 13] ?pagina=999999999999999999999, -1 or abc: the last or first page, never 500."""
    client.force_login(world.users["sll"])
    for waarde in ("999999999999999999999", "-1", "abc", "1e400"):
        assert client.get(reverse("leerling_lijst"), {"pagina": waarde}).status_code == 200


def test_doorlooptijden_onbekend_formaat_en_export_met_slechte_filter(world, client):
    """[issue 13] ?formaat=exe shows the page with a Dutch message; an export with an unusable
    filter is a 400 that says which one (a file cannot show a message); the export links repeat
    only the filters that were understood."""
    client.force_login(world.users["sll"])
    url = reverse("tlv:doorlooptijden")
    resp = client.get(url, {"formaat": "exe"})
    assert resp.status_code == 200 and "Het exportformaat in de link is onbekend" in resp.content.decode()
    resp = client.get(url, {"formaat": "csv", "van": "9999-12-31"})
    assert resp.status_code == 400
    assert "De begindatum in de link is geen geldige datum tussen 1900 en 2100" in resp.content.decode()
    resp = client.get(url, {"van": "0001-01-01", "regio": "abc"})
    html = resp.content.decode()
    assert resp.status_code == 200 and "De begindatum in de link" in html and "De regio in de link" in html
    assert "0001-01-01" not in html and "regio=abc" not in html
    assert client.get(url, {"formaat": "csv", "van": "1900-01-01", "tot": "2100-12-31"}).status_code == 200


def test_thuiszitters_peildatum_buiten_bereik_en_export(world, client):
    """[issue 13] ?peildatum=9999-12-31 on the register: today is used and the page says so (was a
    500 on date arithmetic); the export with that peildatum or ?formaat=exe is a Dutch 400."""
    client.force_login(world.users["sll"])
    resp = client.get(reverse("verzuim:thuiszitters"), {"peildatum": "9999-12-31"})
    html = resp.content.decode()
    assert resp.status_code == 200 and "De peildatum in de link" in html and "vandaag is gebruikt" in html
    assert f"peildatum={timezone.localdate().isoformat()}" in html  # the export links use today
    export = reverse("verzuim:thuiszitters_export")
    resp = client.get(export, {"peildatum": "0001-01-01"})
    assert resp.status_code == 400 and "De peildatum in de link" in resp.content.decode()
    resp = client.get(export, {"formaat": "exe"})
    assert resp.status_code == 400 and "Het exportformaat in de link is onbekend" in resp.content.decode()
    assert client.get(export, {"formaat": "xlsx", "peildatum": "2100-12-31"}).status_code == 200


def test_termijncalculator_jaar_9999(world, client):
    """[issue 13] A zorgplicht term starting 31-12-9999 would end beyond Python's last date (a 500):
    the calculator refuses the date next to the field."""
    client.force_login(world.users["ib"])
    resp = client.get(reverse("termijnen:calculator"), {"soort": "zorgplicht", "start": "9999-12-31"})
    assert resp.status_code == 200
    assert re.search(
        r'id="id_start_error"[^>]*><p>Vul een datum tussen 1900 en 2100 in.', resp.content.decode()
    )


def test_escalatie_vanaf_thuiszitter_weigert_nul_bij_het_veld(world, client):
    """[issue 13] The escalation's aanleiding on a thuiszitter's page was read raw from POST: a NUL
    reached PostgreSQL (500). Now a form refuses it next to the field and keeps the text; an empty
    aanleiding gets the service's message next to the field."""
    from tests.factories.verzuim import leerling_met_ouder
    from verzuim.services.thuiszitters import registreer_thuiszitter

    ll = leerling_met_ouder(school=world.school)
    t = registreer_thuiszitter(
        leerling=ll,
        soort="relatief",
        thuis_sinds=timezone.localdate() - timedelta(days=30),
        regie_bij="SC",
        door=world.users["sll"],
    )
    client.force_login(world.users["sll"])
    url = reverse("verzuim:thuiszitter", kwargs={"pk": t.pk})
    resp = client.post(url, {"actie": "escalatie", "aanleiding": "Geen plek\x00 gevonden"})
    html = resp.content.decode()
    assert resp.status_code == 200
    assert re.search(r'id="id_aanleiding_error"[^>]*><p>Null-tekens', html)
    assert "Geen plek" in html
    resp = client.post(url, {"actie": "escalatie", "aanleiding": ""})
    assert re.search(r'id="id_aanleiding_error"[^>]*><p>Beschrijf de', resp.content.decode())
    resp = client.post(url, {"actie": "escalatie", "aanleiding": "Geen plek gevonden"})
    assert resp.status_code == 302


def test_vakantie_in_beheer_buiten_bereik(world, rf):
    """[issue 13] A school holiday moves every term of its regio: the admin refuses year 9999."""
    from django.contrib import admin

    from cases.admin import SchoolVakantieAdmin
    from cases.termijnen.models.vakanties import SchoolVakantie

    request = rf.get("/")
    request.user = world.users["beheer"]
    form_klasse = SchoolVakantieAdmin(SchoolVakantie, admin.site).get_form(request)
    form = form_klasse(data={"van": "9999-12-31", "tot": "0001-01-01"})
    assert form.errors["van"] == [DATUM_BEREIK_FOUT] and form.errors["tot"] == [DATUM_BEREIK_FOUT]


@pytest.mark.parametrize(
    "functie, waarde, verwacht",
    [
        ("geheel_getal", "12", 12),
        ("geheel_getal", "²", None),
        ("geheel_getal", "9" * 19, None),
        ("geheel_getal", "-1", None),
        ("keuze", "csv", "csv"),
        ("keuze", "__class__", None),
        ("datum", "2026-02-03", date(2026, 2, 3)),
        ("datum", "2026-02-31", None),
        ("datum", "9999-12-31", None),
        ("datum", "03-02-2026", None),
    ],
)
def test_queryparams(functie, waarde, verwacht, rf):
    """[issue 13] The shared readers of the query string: a usable value, or None and one Dutch
    message (an empty value is "not chosen": no message); strikt makes it a 400."""
    from django.contrib.messages.storage.fallback import FallbackStorage

    from cases import queryparams as qp

    request = rf.get("/", {"p": waarde})
    request.session = {}
    request._messages = FallbackStorage(request)
    extra = {"keuzes": ("csv", "xlsx")} if functie == "keuze" else {}
    lees = getattr(qp, functie)
    assert lees(request, "p", label="de proef", **extra) == verwacht
    assert lees(request, "p", label="de proef", **extra) == verwacht  # read twice, said once
    meldingen = [str(m) for m in request._messages]
    assert len(meldingen) == (0 if verwacht is not None else 1)
    if verwacht is None:
        assert meldingen[0].startswith("De proef in de link")
        with pytest.raises(qp.OngeldigeInvoer):
            lees(request, "p", label="de proef", strikt=True, **extra)
    leeg = rf.get("/", {"p": ""})
    leeg.session = {}
    leeg._messages = FallbackStorage(leeg)
    assert lees(leeg, "p", label="de proef", **extra) is None and not list(leeg._messages)
