"""The audit table is append-only in PostgreSQL itself [issue 14]; three new audit actions.

A trigger refuses UPDATE, DELETE and TRUNCATE of cases_auditregel. Two exceptions, both narrow:
- an UPDATE that only sets one of the foreign keys (gebruiker, leerling, swv, content_type) to
  NULL: that is Django's on_delete=SET_NULL when such an object is removed; every other column,
  including gebruikersnaam and object_id, must stay as it was;
- DELETE and TRUNCATE inside a transaction that has set `passend.audit_opschonen = 'ja'`
  (SET LOCAL): only manage.py audit_bewaartermijn does that, after writing its own audit row
  (docs/audit.md). Test flushes of the database do it too (tests/conftest.py).
On SQLite (development, the quick test settings) nothing is installed."""

from django.db import migrations, models

FUNCTIES = r"""
CREATE OR REPLACE FUNCTION passend_auditregel_alleen_toevoegen() RETURNS trigger AS $$
DECLARE
    vergelijk cases_auditregel%ROWTYPE;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        vergelijk := OLD;
        IF NEW.gebruiker_id IS NULL THEN vergelijk.gebruiker_id := NULL; END IF;
        IF NEW.leerling_id IS NULL THEN vergelijk.leerling_id := NULL; END IF;
        IF NEW.swv_id IS NULL THEN vergelijk.swv_id := NULL; END IF;
        IF NEW.content_type_id IS NULL THEN vergelijk.content_type_id := NULL; END IF;
        IF NEW IS DISTINCT FROM vergelijk THEN
            RAISE EXCEPTION 'cases_auditregel is alleen-toevoegen: een auditregel verandert nooit'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    IF coalesce(current_setting('passend.audit_opschonen', true), '') = 'ja' THEN
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'cases_auditregel is alleen-toevoegen: % alleen via manage.py audit_bewaartermijn', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER passend_auditregel_rij
    BEFORE UPDATE OR DELETE ON cases_auditregel
    FOR EACH ROW EXECUTE FUNCTION passend_auditregel_alleen_toevoegen();
CREATE TRIGGER passend_auditregel_truncate
    BEFORE TRUNCATE ON cases_auditregel
    FOR EACH STATEMENT EXECUTE FUNCTION passend_auditregel_alleen_toevoegen();
"""

TERUG = """
DROP TRIGGER IF EXISTS passend_auditregel_truncate ON cases_auditregel;
DROP TRIGGER IF EXISTS passend_auditregel_rij ON cases_auditregel;
DROP FUNCTION IF EXISTS passend_auditregel_alleen_toevoegen();
"""


def _alleen_postgresql(sql):
    def uitvoeren(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)  # "%" in the function body is no placeholder

    return uitvoeren


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0008_audit_tweede_factor_en_blokkade"),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditregel",
            name="actie",
            field=models.CharField(
                choices=[
                    ("bekeken", "bekeken"),
                    ("gedownload", "gedownload"),
                    ("aangemaakt", "aangemaakt"),
                    ("gewijzigd", "gewijzigd"),
                    ("verwijderd", "verwijderd"),
                    ("overgang", "status gewijzigd"),
                    ("gedeeld", "toegang gegeven"),
                    ("ingetrokken", "toegang ingetrokken"),
                    ("ingelogd", "ingelogd"),
                    ("uitgelogd", "uitgelogd"),
                    ("inlog_mislukt", "inloggen mislukt"),
                    ("lijst_bekeken", "lijst bekeken"),
                    ("geweigerd", "toegang geweigerd"),
                    ("opgeschoond", "auditlog opgeschoond"),
                ],
                max_length=20,
            ),
        ),
        migrations.RunPython(_alleen_postgresql(FUNCTIES), _alleen_postgresql(TERUG), elidable=False),
    ]
