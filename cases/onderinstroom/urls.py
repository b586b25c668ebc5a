"""URLs of the onderinstroom [issue 16.10]; included from cases/urls.py."""

from django.urls import path

from cases.onderinstroom import views

urlpatterns = [
    path("onderinstroom/", views.lijst, name="onderinstroom_lijst"),
    path("onderinstroom/nieuw/", views.nieuw, name="onderinstroom_nieuw"),
    path("onderinstroom/<int:pk>/", views.detail, name="onderinstroom_detail"),
    path("onderinstroom/<int:pk>/advies/", views.advies, name="onderinstroom_advies"),
    path("onderinstroom/<int:pk>/overdracht/", views.overdracht, name="onderinstroom_overdracht"),
    path("onderinstroom/<int:pk>/document/", views.document, name="onderinstroom_document"),
    path("onderinstroom/<int:pk>/document/afleveren/", views.afleveren, name="onderinstroom_afleveren"),
    path("onderinstroom/<int:pk>/overgangsarrangement/", views.arrangement, name="onderinstroom_arrangement"),
    path("onderinstroom/<int:pk>/evaluatie/", views.evaluatie, name="onderinstroom_evaluatie"),
    path("onderinstroom/<int:pk>/tlv/", views.tlv, name="onderinstroom_tlv"),
]
