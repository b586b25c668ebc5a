from django.shortcuts import render


def geen_toegang(request, exception=None):
    reden = str(exception) if exception and str(exception) else None
    return render(request, "403.html", {"reden": reden}, status=403)


def niet_gevonden(request, exception=None):
    return render(request, "404.html", status=404)


def serverfout(request):
    # No context processors beyond the request: the database may be the cause.
    return render(request, "500.html", status=500)


def ongeldig_verzoek(request, exception=None):
    # Only our own refusals carry a Dutch reason; Django's (e.g. too many fields) are technical.
    from cases.queryparams import OngeldigeInvoer

    reden = str(exception) if isinstance(exception, OngeldigeInvoer) and str(exception) else None
    return render(request, "400.html", {"reden": reden}, status=400)
