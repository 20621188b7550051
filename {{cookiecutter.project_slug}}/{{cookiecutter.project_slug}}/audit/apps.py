from django.apps import AppConfig


class AuditConfig(AppConfig):
    """A record of what happened: sign-ins, credentials, refusals, changes of access and data.

    The other apps announce events (``core.events``) without knowing about this one; it
    listens, with Django's own ``user_logged_out``, and hands each event to the sink the
    settings name (``AUDIT_LOG_SINK``).
    """

    name = "{{ cookiecutter.project_slug }}.audit"
    label = "audit"

    def ready(self):
        from django.contrib.auth.signals import user_logged_out

        from {{ cookiecutter.project_slug }}.core.events import occurred

        from .receivers import record_announced, record_logout

        occurred.connect(record_announced, dispatch_uid="audit.record_announced")
        user_logged_out.connect(record_logout, dispatch_uid="audit.record_logout")
