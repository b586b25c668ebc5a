from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from cases.forms import InlogForm, WachtwoordResetForm
from cases.views import account

admin.site.site_header = "Passend – systeembeheer"
admin.site.site_title = "Passend systeembeheer"
admin.site.index_title = "Organisaties en gebruikers"

auth_urls = [
    path("inloggen/", auth_views.LoginView.as_view(authentication_form=InlogForm), name="login"),
    path("tweede-stap/", account.tweede_stap, name="tweede_stap"),  # [issue 14]
    path("tweede-stap/instellen/", account.instellen, name="tweede_stap_instellen"),
    path("tweede-stap/qr.svg", account.qr, name="tweede_stap_qr"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("wachtwoord/wijzigen/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("wachtwoord/gewijzigd/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path(
        "wachtwoord/vergeten/",
        auth_views.PasswordResetView.as_view(form_class=WachtwoordResetForm),
        name="password_reset",
    ),
    path("wachtwoord/verstuurd/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "wachtwoord/nieuw/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("wachtwoord/klaar/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]

urlpatterns = [
    path("account/", include(auth_urls)),
    # Django admin: the installation's superuser only (cases/admin.py); the SWV beheerder has /beheer/.
    path("systeembeheer/", admin.site.urls),
    path("beheer/", include("cases.beheer.urls")),
    path("tlv/", include("tlv.urls")),
    path("zorgplicht/", include("zorgplicht.urls")),
    path("verzuim/", include("verzuim.urls")),
    path("ouders/tlv/", include("tlv.urls_ouders")),  # the ouders' part of a TLV-aanvraag [issue 17]
    path("ouders/", include("cases.ouderportaal.urls")),  # the ouderportaal [issue 17]
    path("", include("cases.urls")),
]

handler400 = "cases.views.fouten.ongeldig_verzoek"
handler403 = "cases.views.fouten.geen_toegang"
handler404 = "cases.views.fouten.niet_gevonden"
handler500 = "cases.views.fouten.serverfout"
