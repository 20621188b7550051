from django.contrib.auth.management import create_permissions
from django.db import migrations

# The roles as first created. Later changes belong in rbac/roles.py and reach databases
# through `manage.py setup_roles`, so that this migration never depends on newer apps.
ROLES = {
    "viewer": ["documents.view_document"],
    "editor": ["documents.view_document", "documents.add_document", "documents.change_document"],
    "admin": [
        "documents.view_document",
        "documents.add_document",
        "documents.change_document",
        "documents.delete_document",
        "rbac.manage_roles",
    ],
}


def create_default_roles(apps, schema_editor):
    # Django creates permissions after the last migration has run; the roles need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Role = apps.get_model("rbac", "Role")
    Permission = apps.get_model("auth", "Permission")
    for name, permission_names in ROLES.items():
        role, _ = Role.objects.get_or_create(name=name)
        for permission_name in permission_names:
            app_label, codename = permission_name.split(".")
            role.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("documents", "0001_initial"),
        ("rbac", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_default_roles, migrations.RunPython.noop),
    ]
