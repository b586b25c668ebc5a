import datetime

from django.db import migrations, models


def bestaande_verzoeken(apps, schema_editor):
    """Rows from before the answer period: keep their suspension exactly as it was counted."""
    InformatieVerzoek = apps.get_model("zorgplicht", "InformatieVerzoek")
    for v in InformatieVerzoek.objects.all():
        v.antwoord_uiterlijk = v.ontvangen_op or v.gevraagd_op + datetime.timedelta(days=28)
        v.save(update_fields=["antwoord_uiterlijk"])


class Migration(migrations.Migration):
    dependencies = [
        ("zorgplicht", "0001_aanmelding_baobao_sop"),
    ]

    operations = [
        migrations.AddField(
            model_name="informatieverzoek",
            name="antwoord_uiterlijk",
            field=models.DateField(
                default=datetime.date(2000, 1, 1),
                help_text="Alleen een verzoek met een antwoordtermijn schort de termijn op; komt er niets, dan "
                "eindigt de opschorting na die termijn (art. 4:15 Awb).",
                verbose_name="antwoord uiterlijk op",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(bestaande_verzoeken, migrations.RunPython.noop),
    ]
