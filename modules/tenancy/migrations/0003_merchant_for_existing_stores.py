from django.db import migrations


def give_stores_a_merchant(apps, schema_editor):
    """Stores made before merchants existed get one merchant per platform, named after it."""
    Store = apps.get_model("tenancy", "Store")
    Merchant = apps.get_model("tenancy", "Merchant")
    for store in Store.objects.filter(merchant__isnull=True).select_related("platform"):
        merchant, _ = Merchant.objects.get_or_create(
            platform=store.platform,
            name=store.platform.name,
            defaults={"email": f"merchant@{store.platform.code}.invalid"},
        )
        Store.objects.filter(pk=store.pk).update(merchant=merchant)


class Migration(migrations.Migration):
    dependencies = [("tenancy", "0002_teams_and_merchants")]

    operations = [migrations.RunPython(give_stores_a_merchant, migrations.RunPython.noop)]
