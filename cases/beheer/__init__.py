"""The SWV beheerder's own pages, in Dutch [issue 14]: schools, schoolbesturen, regio's, gemeenten,
users with their roles and the deskundigen pool, each only within the SWV('s) he is beheerder of.

    selectors.py  what the beheerder may see (`filter_for_user`, narrowed to his beheer-SWV's)
    services.py   every write, with its audit row and the invitation mail (through the outbox)
    forms.py      shape of what was typed; no superuser, staff or permission fields anywhere
    views.py, urls.py (namespace `beheer`), templates/cases/beheer/
"""
