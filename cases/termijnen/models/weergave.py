"""How a term names itself on a page and in the daily e-mail: whose it is and which case it is
on [issue 20.4]. Lists select_related("leerling") and prefetch_related("zaak") (a GenericForeignKey
prefetch: one query per kind of case), so these cost no queries."""

from __future__ import annotations

from django.urls import reverse
from django.utils.text import capfirst

from cases import termijnen as regels
from cases.models.leerling import Leerling


class TermijnWeergave:
    """Mixed into Termijn (cases/termijnen/models/termijnen.py)."""

    @property
    def leerling_naam(self) -> str:
        return self.leerling.volledige_naam if self.leerling_id else ""

    @property
    def eigen_omschrijving(self) -> str:
        """The description, unless it only repeats the kind ("Beslistermijn TLV-aanvraag")."""
        eigen, soort = self.omschrijving.strip(), self.soort_label
        if (
            not eigen
            or eigen.casefold().startswith(soort.casefold())
            or soort.casefold().startswith(eigen.casefold())
        ):
            return ""
        return eigen

    @property
    def kop(self) -> str:
        """ "<leerling> – <soort>" (with the description when it adds something), as every list
        and the daily e-mail name a term."""
        soort = self.soort_label + (f" ({self.eigen_omschrijving})" if self.eigen_omschrijving else "")
        return f"{self.leerling_naam} – {soort}" if self.leerling_naam else soort

    @property
    def tekst(self) -> str:
        return f"{self.kop}: laatste dag {regels.formatteer_datum(self.einde)}"

    @property
    def zaak_object(self):
        return self.zaak if self.object_id is not None else None

    @property
    def zaak_url(self) -> str:
        """The case's own page, else the pupil's dossier; empty for a term without either."""
        zaak = self.zaak_object
        if zaak is not None and hasattr(zaak, "get_absolute_url"):
            return zaak.get_absolute_url()
        if self.leerling_id:
            return reverse("dossier", kwargs={"pk": self.leerling_id})
        return ""

    @property
    def zaak_label(self) -> str:
        zaak = self.zaak_object
        if zaak is not None and not isinstance(zaak, Leerling):
            return capfirst(zaak._meta.verbose_name)
        return "Dossier" if self.leerling_id else ""
