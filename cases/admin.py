"""Django's admin, for the installation's superuser only [issue 14].

An SWV's beheerder works in the Dutch product pages under /beheer/ (cases/beheer/), which are scoped
to his own SWV and offer no superuser, staff or permission fields. The admin lives at /systeembeheer/
and lets in nobody but an active superuser, whatever is_staff or model permissions a user holds:
through the admin a beheerder could otherwise give himself a role in another SWV or is_superuser."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db import models

from cases.formvelden import DatumVeld
from cases.models import Gebruiker, Gemeente, Regio, Rol, Samenwerkingsverband, School, Schoolbestuur
from cases.scope import scope_for


def alleen_superuser(request) -> bool:
    """AdminSite.has_permission: an active superuser, nobody else (is_staff is not enough)."""
    user = request.user
    return bool(user.is_active and user.is_superuser)


admin.site.has_permission = alleen_superuser


class ScopedAdmin(admin.ModelAdmin):
    """Rows through the model's own filter_for_user: a beheerder sees only his SWV."""

    def get_queryset(self, request):
        return self.model.objects.filter_for_user(request.user)


class SWVAdmin(admin.ModelAdmin):
    list_display = ["naam", "code"]
    search_fields = ["naam", "code"]

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        scope = scope_for(request.user)
        return qs if scope.alles else qs.filter(pk__in=scope.swv_ids_alle)

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


admin.site.register(Samenwerkingsverband, SWVAdmin)


@admin.register(Regio)
class RegioAdmin(ScopedAdmin):
    list_display = ["naam", "swv"]
    list_filter = ["swv"]


@admin.register(Gemeente)
class GemeenteAdmin(ScopedAdmin):
    list_display = ["naam", "cbs_code", "swv"]
    search_fields = ["naam"]


@admin.register(Schoolbestuur)
class SchoolbestuurAdmin(ScopedAdmin):
    list_display = ["naam", "bestuursnummer", "denominatie", "swv"]
    search_fields = ["naam", "bestuursnummer"]


@admin.register(School)
class SchoolAdmin(ScopedAdmin):
    list_display = ["naam", "brin", "vestiging", "soort", "regio", "gemeente", "bestuur"]
    list_filter = ["soort", "regio", "vakantieregio"]
    search_fields = ["naam", "brin"]
    list_select_related = ["regio", "gemeente", "bestuur"]


class RolInline(admin.TabularInline):
    model = Rol
    extra = 0
    fields = ["soort", "swv", "school", "regio", "gemeente", "groepen", "discipline", "actief"]
    raw_id_fields = ["school"]


@admin.register(Gebruiker)
class GebruikerAdmin(UserAdmin):
    inlines = [RolInline]
    list_display = ["username", "first_name", "last_name", "email", "is_active"]

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        scope = scope_for(request.user)
        if scope.alles:
            return qs
        return qs.filter(rollen__swv_id__in=scope.swv_ids).distinct()


# --- school holidays [issue 4]: national data, corrected by a beheerder; import later years with
# `manage.py importeer_schoolvakanties`.
from cases.termijnen.models.vakanties import SchoolVakantie  # noqa: E402


@admin.register(SchoolVakantie)
class SchoolVakantieAdmin(admin.ModelAdmin):
    # Holidays move every term of the schools in their regio: a year-9999 typo is refused here too.
    formfield_overrides = {models.DateField: {"form_class": DatumVeld}}
    list_display = ["schooljaar", "soort", "regio", "van", "tot", "bron"]
    list_filter = ["schooljaar", "regio", "soort"]
    ordering = ["van", "regio"]
