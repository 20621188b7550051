"""``record``: the one way an event is recorded, and how it waits for the response.

Inside a request, events wait on the request until its response is decided, and
``AuditMiddleware`` then hands them to the sink in one write: a record never changes an
answer, never joins a transaction that is rolled back later, and a failing sink is logged,
never raised. Outside a request (a shell command), an event is written at once.

An event carries who (the actor, and how they signed in), from where (the client IP as the
trusted proxies report it, the request id), what to (the target's type and id), the part
of the data it belongs to (``AccessPolicy.record_partition``) and small details. Details
whose name says secret (a password, token, key or code) are dropped, never written.
"""

import contextvars
import functools
import ipaddress
import logging
import re
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

from {{ cookiecutter.project_slug }}.core.clients import client_ip

logger = logging.getLogger(__name__)

SECRET_NAME = re.compile(r"pass|secret|token|key|code", re.IGNORECASE)
MAX_TEXT = 150
MAX_ITEMS = 20


@dataclass
class Pending:
    """The events of the request being answered, and its id."""

    request: object
    request_id: str
    events: list = field(default_factory=list)


_pending = contextvars.ContextVar("audit_pending", default=None)


@functools.cache
def sink():
    return import_string(settings.AUDIT_LOG_SINK)()


@functools.cache
def access_policy():
    return import_string(settings.DOCUMENTS_ACCESS_POLICY)()


def record(event, *, request=None, actor=None, target=None, strategy=None, **details):
    """Record ``event``; the arguments mean what they mean for ``core.events.announce``."""
    pending = _pending.get()
    if request is None and pending is not None:
        request = pending.request
    actor = actor or request_user(request)
    entry = {
        "id": uuid.uuid4(),
        "occurred_at": timezone.now(),
        "event": event,
        "actor_id": actor.pk if actor else None,
        "actor_username": actor.get_username() if actor else "",
        "strategy": strategy or authenticated_via(request),
        "ip": valid_ip(client_ip(request)),
        "request_id": pending.request_id if pending else "",
        "target_type": target._meta.label_lower if target is not None else "",
        "target_id": str(getattr(target, "public_id", target.pk)) if target is not None else "",
        "partition": access_policy().record_partition(request, target),
        "details": clean_details(event, details),
    }
    if pending is not None:
        pending.events.append(entry)
    else:
        write([entry])


def write(entries):
    """Hand ``entries`` to the sink; a failure is logged (without the entries), not raised."""
    try:
        sink().write(entries)
    except Exception:
        logger.exception("Could not record %d audit events.", len(entries))


def request_user(request):
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def authenticated_via(request):
    """The strategy that authenticated a rest framework request (its authenticator says)."""
    authenticator = getattr(request, "successful_authenticator", None)
    return getattr(authenticator, "strategy", "")


def valid_ip(address):
    """The address if it is one; a misconfigured proxy may forward anything."""
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def clean_details(event, details):
    kept = {}
    for name, value in details.items():
        if SECRET_NAME.search(name):
            logger.warning(
                "Dropped the detail %r of a %s event: secrets are never recorded.", name, event
            )
        else:
            kept[name] = small(value)
    return kept


def small(value):
    """A detail as a short JSON value: texts and lists cut to size."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        return [small(item) for item in list(value)[:MAX_ITEMS]]
    return str(value)[:MAX_TEXT]


def begin_request(request, request_id):
    """Start collecting the events of ``request``; returns what ``end_request`` needs."""
    pending = Pending(request, request_id)
    return pending, _pending.set(pending)


def end_request(pending, token):
    """Stop collecting, and write what the request recorded, if anything."""
    _pending.reset(token)
    if pending.events:
        write(pending.events)
