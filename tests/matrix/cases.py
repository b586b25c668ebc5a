from tests.matrix import ALLE_ROLLEN, Toegang

MATRIX = {
    "home": Toegang(ok=ALLE_ROLLEN),
    "login": Toegang(ok=ALLE_ROLLEN, publiek=True),
    # The second step [issue 14]: a verified session is sent on; with a linked app there is no QR.
    "tweede_stap": Toegang(ok=ALLE_ROLLEN, ok_status=302),
    "tweede_stap_instellen": Toegang(ok=ALLE_ROLLEN, ok_status=302),
    "tweede_stap_qr": Toegang(ok=ALLE_ROLLEN, ok_status=404),
    "logout": Toegang(ok=ALLE_ROLLEN, publiek=True, methode="post", ok_status=302),
    "password_change": Toegang(ok=ALLE_ROLLEN),
    "password_change_done": Toegang(ok=ALLE_ROLLEN),
    "password_reset": Toegang(ok=ALLE_ROLLEN, publiek=True),
    "password_reset_done": Toegang(ok=ALLE_ROLLEN, publiek=True),
    "password_reset_confirm": Toegang(
        ok=ALLE_ROLLEN, publiek=True, kwargs=lambda w: {"uidb64": "MQ", "token": "ongeldig-token"}
    ),
    "password_reset_complete": Toegang(ok=ALLE_ROLLEN, publiek=True),
    # The admin: the installation's superuser only [issue 14]; every role, also the beheerder with
    # is_staff, is sent to the admin login (tests/security/test_beheer.py has the superuser).
    "admin:index": Toegang(ok=frozenset(), geweigerd=302),
}
