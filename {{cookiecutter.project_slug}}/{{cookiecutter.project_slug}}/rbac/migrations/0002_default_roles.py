from django.contrib.auth.management import create_permissions
from django.db import migrations

from {{ cookiecutter.project_slug }}.rbac.roles import apply_default_roles


def create_default_roles(apps, schema_editor):
    # Django creates permissions after the last migration has run; the roles need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    apply_default_roles(apps.get_model("rbac", "Role"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("documents", "0001_initial"),
        ("rbac", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_default_roles, migrations.RunPython.noop),
    ]
