"""Who may take a step of the TLV-aanvraag (the `permission=` rules of its transitions) and
which aanvragen a user sees [002 bijlage 3.11.2; domain §2]."""

from __future__ import annotations

from django.db import models

from cases.models.rollen import SCHOOLLEIDING, RolSoort
from cases.scope import regiotoegang, schooltoegang, scope_for

# --- permissions: who may take a transition (checked by services with has_transition_perm) -------


def _scope(user):
    return scope_for(user)


def school_directeur(aanvraag, user) -> bool:
    s = _scope(user)
    return s.alles or (RolSoort.DIRECTEUR in s.soorten and aanvraag.school_id in s.school_ids)


def school_medewerker(aanvraag, user) -> bool:
    s = _scope(user)
    return s.alles or (bool(SCHOOLLEIDING & s.soorten) and aanvraag.school_id in s.school_ids)


def sll(aanvraag, user) -> bool:
    s = _scope(user)
    return s.alles or (RolSoort.SLL in s.soorten and aanvraag.swv_id in s.swv_ids)


def sc(aanvraag, user) -> bool:
    s = _scope(user)
    return s.alles or (RolSoort.SC in s.soorten and aanvraag.regio_id in s.regio_ids)


def sll_of_sc(aanvraag, user) -> bool:
    return sll(aanvraag, user) or sc(aanvraag, user)


def tla_voorzitter(aanvraag, user) -> bool:
    s = _scope(user)
    return s.alles or (RolSoort.TLA in s.soorten and aanvraag.swv_id in s.swv_ids)


def ouder_met_gezag(aanvraag, user) -> bool:
    """[issue 17] The user's portal account links to an Ouder record with gezag over this child."""
    from cases.ouderportaal.selectors import ouders_van

    return aanvraag.leerling_id is not None and bool(ouders_van(user, aanvraag.leerling))


def bezwaar_registreren(aanvraag, user) -> bool:
    """The SLL registers a bezwaar; the system registers one for an ouder with gezag who submits it
    in the ouderportaal (tlv/services/bezwaar.py registreer_bezwaar_van_ouder) [issue 17]."""
    return sll(aanvraag, user) or ouder_met_gezag(aanvraag, user)


def bestuurder(aanvraag, user) -> bool:
    s = _scope(user)
    return s.alles or (RolSoort.BESTUURDER in s.soorten and aanvraag.swv_id in s.swv_ids)


def deskundige(aanvraag, user) -> bool:
    """An assigned deskundige, through the object permission granted on assignment."""
    return user.has_perm("tlv.adviseren_tlvaanvraag", aanvraag)


def eerste_deskundige(aanvraag, user) -> bool:
    return (
        deskundige(aanvraag, user)
        and aanvraag.toewijzingen.filter(deskundige=user, volgorde=1, beeindigd_op__isnull=True).exists()
    )


# --- queryset -----------------------------------------------------------------------------------


class AanvraagQuerySet(models.QuerySet):
    def filter_for_user(self, user):
        """School (ib, directeur): their school's aanvragen while the pupil is enrolled there; SC/CJK:
        their regio while the pupil is at school there (access ends with its reason) [issue 14]; SLL, TLA,
        bestuurder, beheerder: their SWV; a deskundige only the aanvragen assigned to him or her,
        while the assignment lasts (django-guardian) [domain §2]."""
        from django.contrib.contenttypes.models import ContentType
        from django.db.models.functions import Cast
        from guardian.models import UserObjectPermission

        from tlv.models.aanvraag import TLVAanvraag

        s = scope_for(user)
        if s.alles:
            return self
        q = models.Q(swv_id__in=s.swv_ids) | regiotoegang(s, regio="regio")
        if SCHOOLLEIDING & s.soorten:
            q |= schooltoegang(s)
        if user.is_authenticated and RolSoort.DESKUNDIGE in s.soorten:
            toegewezen = (
                UserObjectPermission.objects.filter(
                    user_id=user.pk,
                    permission__codename="view_tlvaanvraag",
                    content_type=ContentType.objects.get_for_model(TLVAanvraag),
                )
                .annotate(pk_int=Cast("object_pk", models.BigIntegerField()))
                .values("pk_int")
            )
            q |= models.Q(pk__in=toegewezen)
        return self.filter(q, swv_id__in=s.swv_ids_alle)
