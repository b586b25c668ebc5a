"""Form fields shared by every app [issue 13]. `DatumVeld` is the one date field of the project: it
refuses dates outside 1900–2100 in Dutch next to the field, so a typo such as year 9999 never
reaches a service (where a term of weeks after it would overflow) and the form keeps what was typed.
ModelForms get it for their model DateFields through `Meta.formfield_callback = modelveld`. The
date widget is `DatumInvoer`; `toon_servicefouten` puts a service's refusal on a form [issue 15]."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from cases.validators import DATUM_MAX, DATUM_MIN, validate_datum_bereik


class DatumVeld(forms.DateField):
    default_validators = [validate_datum_bereik]
    default_error_messages = {"invalid": "Vul een geldige datum in, bijvoorbeeld 03-02-2026."}

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if getattr(widget, "input_type", None) == "date":
            # The browser's date picker then offers the same range the server accepts.
            attrs.setdefault("min", DATUM_MIN.isoformat())
            attrs.setdefault("max", DATUM_MAX.isoformat())
        return attrs


def modelveld(db_field: models.Field, **kwargs) -> forms.Field | None:
    """formfield_callback for ModelForms: a model DateField becomes a DatumVeld."""
    if isinstance(db_field, models.DateField) and not isinstance(db_field, models.DateTimeField):
        kwargs.setdefault("form_class", DatumVeld)
    return db_field.formfield(**kwargs)


class DatumInvoer(forms.DateInput):
    """The one date widget: the browser's date picker, its value in ISO (what it needs), so a
    redisplayed form shows the date that was typed or saved."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def toon_servicefouten(form: forms.Form, fout: ValidationError, *, apart: bool = False) -> list[str]:
    """Put a service's ValidationError on the form: a message naming a field of the form goes next
    to that field, any other above the form (or, with `apart`, is only returned so the view can show
    it elsewhere). Returns the messages that name no field of the form."""
    los: list[str] = []
    if hasattr(fout, "error_dict"):
        for veld, fouten in fout.message_dict.items():
            if veld in form.fields:
                form.add_error(veld, fouten)
            else:
                los.extend(fouten)
    else:
        los.extend(fout.messages)
    if not apart:
        for tekst in los:
            form.add_error(None, tekst)
    return los
