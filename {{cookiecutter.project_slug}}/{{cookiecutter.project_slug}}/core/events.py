"""Events the features announce, for whoever keeps a record of them.

A feature calls ``announce`` where something worth a record happens: a sign-in, a
credential issued or revoked, a change of who may do what, a change to the data. It does
not know who listens. An app that keeps records connects to ``occurred``; without one,
announcing costs a signal with no receivers.

An event's name is ``<subject>.<what happened>`` (``login.failed``, ``credential.issued``),
owned by the feature that announces it. Its details are small, JSON-friendly values that
never hold a secret: no password, token, key or code. A target is named by its
``public_id`` when it has one (how the API names it), else by its primary key.
"""

from django.dispatch import Signal

# Sent with the keyword arguments of ``announce``; ``sender`` is the event's name.
occurred = Signal()


def announce(event, *, request=None, actor=None, target=None, strategy=None, **details):
    """Say that ``event`` happened.

    ``request`` is the request it happened in, when the caller has it (a rest framework
    request also says how the caller authenticated); ``actor`` the user who did it, when
    that is not the request's user (a login, a shell command); ``target`` the object it
    happened to; ``strategy`` how the actor signed in, when the request cannot tell.
    """
    occurred.send(
        sender=event,
        event=event,
        request=request,
        actor=actor,
        target=target,
        strategy=strategy,
        details=details,
    )
