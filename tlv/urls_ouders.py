"""The ouders' part of a TLV-aanvraag in the ouderportaal [issue 17], under /ouders/tlv/ (so the
portal's middleware lets ouders in and keeps staff out), namespace "ouders_tlv"."""

from django.urls import path

from tlv import ouders_views

app_name = "ouders_tlv"

urlpatterns = [
    path("aanvraag/<int:pk>/", ouders_views.aanvraag, name="aanvraag"),
    path("aanvraag/<int:pk>/zienswijze/", ouders_views.aanvraag_zienswijze, name="aanvraag_zienswijze"),
]
