"""Roles and audit actions only as enums in product code [issue 15].

Product code (cases, tlv, zorgplicht, verzuim, config; not migrations) names a role as a `RolSoort`
member or one of the named groups of cases/models/rollen.py (SCHOOLLEIDING, SWV_BUREAU, ...), and an
audit action as an `AuditActie` member. The checker below parses every file and lists each bare string
used as a role or an audit action; the first tests show it does catch each pattern, the last that the
tree is clean. A line that holds strings which only look like roles (demo user names) says so with
`# geen-rol`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from cases.models.audit import AuditActie
from cases.models.rollen import RolSoort

ROOT = Path(__file__).resolve().parent.parent
APPS = ("cases", "tlv", "zorgplicht", "verzuim", "config")
ROLWAARDEN = frozenset(RolSoort.values)
MARKER = "# geen-rol"

# Helpers whose positional arguments are roles: every string there is a bare role.
ROLCHECKS = {"rol_vereist", "eis_rol", "heeft", "_rollen_op_school", "_heeft"}
# Helpers with other positional arguments too (a url name): only role-valued strings count.
ROLCHECKS_GEMENGD = {"_url"}
ROL_KEYWORDS = {"soort", "rol", "rollen", "soorten"}


def _is_str(n) -> bool:
    return isinstance(n, ast.Constant) and isinstance(n.value, str)


def _is_rol(n) -> bool:
    return _is_str(n) and n.value in ROLWAARDEN


def _is_lid(n) -> bool:
    return isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "RolSoort"


def _naam(call: ast.Call) -> str:
    f = call.func
    return f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")


def _rol_keyword(arg: str | None) -> bool:
    return bool(arg) and (arg in ROL_KEYWORDS or arg.endswith("__soort") or arg.endswith("__soort__in"))


def _elementen(n):
    return n.elts if isinstance(n, (ast.Tuple, ast.List, ast.Set)) else [n]


def _choices_leden(tree) -> set[int]:
    """Nodes of the member definitions of TextChoices classes (`IB = "ib", "intern begeleider"`)."""
    ids: set[int] = set()
    for c in ast.walk(tree):
        if isinstance(c, ast.ClassDef) and any("Choices" in ast.unparse(b) for b in c.bases):
            for stmt in c.body:
                if isinstance(stmt, ast.Assign):
                    ids.update(id(n) for n in ast.walk(stmt.value))
    return ids


def kale_strings(source: str, naam: str = "<snippet>") -> list[str]:
    """`file:line: what` for every bare role or audit-action string in `source`."""
    tree = ast.parse(source)
    regels = source.splitlines()
    overslaan = _choices_leden(tree)
    gevonden: dict[tuple[int, int], str] = {}

    def meld(n, wat: str) -> None:
        if id(n) in overslaan or MARKER in regels[n.lineno - 1]:
            return
        gevonden.setdefault((n.lineno, n.col_offset), f"{naam}:{n.lineno}: {wat} {n.value!r}")

    for n in ast.walk(tree):
        if isinstance(n, ast.Call):
            f = _naam(n)
            for a in n.args:
                for e in _elementen(a):
                    if (f in ROLCHECKS and _is_str(e)) or (f in ROLCHECKS_GEMENGD and _is_rol(e)):
                        meld(e, f"rol als string aan {f}()")
            for kw in n.keywords:
                if _rol_keyword(kw.arg):
                    for e in _elementen(kw.value):
                        if _is_rol(e):
                            meld(e, f"rol als string in {kw.arg}=")
                if kw.arg == "actie" and _is_str(kw.value):
                    meld(kw.value, "auditactie als string in actie=")
        elif isinstance(n, ast.Compare):
            delen = [n.left, *n.comparators]
            attrs = {d.attr for d in delen if isinstance(d, ast.Attribute)}
            if attrs & {"soort", "soorten"}:
                for d in delen:
                    for e in _elementen(d):
                        if _is_rol(e):
                            meld(e, "rol als string vergeleken met .soort")
            if "actie" in attrs:
                for d in delen:
                    if _is_str(d):
                        meld(d, "auditactie als string vergeleken met .actie")
        elif isinstance(n, (ast.Tuple, ast.List, ast.Set)):
            strings = [e for e in n.elts if _is_str(e)]
            rest = [e for e in n.elts if not _is_str(e)]
            if not strings or not all(_is_rol(e) for e in strings):
                continue
            # two or more roles and nothing else that is text, or a role among members/groups
            if len(strings) >= 2 or any(_is_lid(e) or isinstance(e, ast.Starred) for e in rest):
                for e in strings:
                    meld(e, "rol als string in een rij rollen")
    return [gevonden[k] for k in sorted(gevonden)]


def _productcode():
    for app in APPS:
        for p in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in p.parts:
                yield p


FOUT = {
    "rol_vereist": '@rol_vereist("ib", RolSoort.DIRECTEUR)\ndef v(request): ...\n',
    "eis_rol": 'eis_rol(door, "directeur", melding="x")\n',
    "heeft": 'if scope.heeft("beheer"):\n    pass\n',
    "heeft_anders": 'scope.heeft("iets")\n',
    "_rollen_op_school": 'mag = _rollen_op_school(a, user, "directeur")\n',
    "_url": 'u = _url(user, "verzuim:melding", pk, "ib")\n',
    "_heeft": 'k = _heeft(request, ("sll", "bestuurder"))\n',
    "soort=": 'Rol.objects.filter(soort="directeur")\n',
    "rollen=": 'registreer_nav("Auditlog", "audit_zoeken", rollen=["beheer"])\n',
    "rol=": 'maak(rol="sc")\n',
    "__soort": 'Gebruiker.objects.filter(rollen__soort="sc")\n',
    "__soort__in": 'Rol.objects.filter(soort__in=["sc", "cjk"])\n',
    "soort ==": 'x = [r for r in rollen if r.soort == "beheer"]\n',
    "soort !=": 'x = r.soort != "leerkracht"\n',
    "soort in": 'x = r.soort in ("directeur", RolSoort.IB)\n',
    "in soorten": 'x = "sll" in scope.soorten\n',
    "tuple": 'LEZERS = ("ib", "directeur")\n',
    "list": 'x = ["sc", "cjk"]\n',
    "set": 'x = {"ib", "directeur"} & s.soorten\n',
    "gemengde rij": 'ALLE = (*SCHOOLLEIDING, "sc", RolSoort.CJK)\n',
    "actie=": 'log(actie="aangemaakt", request=request)\n',
    "actie= onbekend": 'log(actie="iets_nieuws", request=request)\n',
    "actie ==": 'x = regel.actie == "gewijzigd"\n',
}


@pytest.mark.parametrize("geval", sorted(FOUT))
def test_checker_vangt_elk_patroon(geval):
    """[issue 15] The guard can fail: each pattern on a small snippet is reported with its line."""
    bron = "\n" + FOUT[geval]  # the finding is on line 2
    gevonden = kale_strings(bron, "snippet.py")
    assert gevonden, f"{geval}: niet gevonden"
    assert all(g.startswith("snippet.py:2: ") for g in gevonden), gevonden


def test_checker_laat_enums_en_lookalikes_met_rust():
    """[issue 15] Members, groups, other enums with the same values and the marker pass."""
    bron = (
        "class AanwezigeRol(models.TextChoices):\n"
        '    IB = "ib", "intern begeleider"\n'
        '    LEERKRACHT = "leerkracht", "leerkracht"\n'
        "@rol_vereist(*SCHOOLLEIDING, RolSoort.SC)\n"
        "def v(request): ...\n"
        "eis_rol(door, RolSoort.DIRECTEUR, melding='Alleen de directeur.')\n"
        "Rol.objects.filter(soort=RolSoort.DIRECTEUR, school=s)\n"
        'b.ot(ll, soort="start")\n'
        'aanwezigen = [("Ilse Bouwmeester", "ib", "")]\n'
        'fields = ["deskundige", "school"]\n'
        'q.select_related("deskundige")\n'
        'x = wie == "leerkracht"\n'
        'TEAMS = {"OBS": ("ib", "directeur", "sc")}  # geen-rol: gebruikersnamen\n'
        "log(actie=AuditActie.AANGEMAAKT, request=request)\n"
        "x = r.soort in SWV_BUREAU\n"
    )
    assert kale_strings(bron) == []


def test_geen_kale_rol_of_auditactie_in_productcode():
    """[issue 15] No bare role or audit-action string anywhere in the product code."""
    bestanden = list(_productcode())
    assert len(bestanden) > 100  # the walk found the code
    gevonden = []
    for p in bestanden:
        gevonden += kale_strings(p.read_text(), str(p.relative_to(ROOT)))
    assert gevonden == [], "Kale rol- of auditstrings (gebruik RolSoort/AuditActie):\n" + "\n".join(gevonden)


def test_groepen_zijn_rolsoorten():
    """[issue 15] The named groups hold RolSoort members only, and the scope sets cover every role once."""
    from cases.models import rollen

    groepen = [
        "SCHOOLGEBONDEN",
        "REGIOGEBONDEN",
        "SWVGEBONDEN",
        "GEMEENTEGEBONDEN",
        "SCHOOLLEIDING",
        "SWV_BUREAU",
        "SWV_REGIE",
        "BOVENSCHOOLS",
    ]
    for naam in groepen:
        groep = getattr(rollen, naam)
        assert groep and all(isinstance(r, RolSoort) for r in groep), naam
    scope = [rollen.SCHOOLGEBONDEN, rollen.REGIOGEBONDEN, rollen.SWVGEBONDEN, rollen.GEMEENTEGEBONDEN]
    assert sorted(r for s in scope for r in s) == sorted(RolSoort)
    assert AuditActie.AANGEMAAKT == "aangemaakt"  # values unchanged: rows and tests compare them
