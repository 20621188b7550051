import logging

from .recorder import record

logger = logging.getLogger(__name__)


def record_announced(sender, event, request, actor, target, strategy, details, **kwargs):
    """Record an event another app announced; a failure is logged, never the announcer's."""
    try:
        record(event, request=request, actor=actor, target=target, strategy=strategy, **details)
    except Exception:
        logger.exception("Could not record a %s event.", event)


def record_logout(sender, request, user, **kwargs):
    """Record Django's logout (a session's, the admin's, a token's), when someone was in."""
    if user is not None:
        record("logout", request=request, actor=user)
