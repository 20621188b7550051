from {{ cookiecutter.project_slug }}.core.clients import client_ip
from {{ cookiecutter.project_slug }}.throttling.counters import FixedWindowCounter
from {{ cookiecutter.project_slug }}.users.models import username_key


class LoginAttempt:
    """One password check, counted against the failure limits of its username.

    Failures count per username and client IP (``login_failures``), so guessing from one
    address stops early without locking the owner out from theirs, and per username
    whatever the IP (``login_failures_any_ip``, higher), against guessing spread over many
    addresses. The username is counted by ``username_key``, which gives every spelling the
    database's lookup takes for one user the same key, so case, a dotted capital I or a
    number do not open another count.

    The counts are taken before the check and given back when the password was right or the
    attempt was refused: they hold failures plus checks in flight, so concurrent attempts
    each get their own count and no more than the limit are ever checked. A success does not
    reset earlier failures, so an attacker cannot interleave the owner's logins.
    """

    SCOPES = ("login_failures", "login_failures_any_ip")

    def __init__(self, username, request):
        name = username_key(username)
        per_ip, any_ip = (FixedWindowCounter(scope) for scope in self.SCOPES)
        self.windows = [
            (per_ip, per_ip.window(name, client_ip(request))),
            (any_ip, any_ip.window(name)),
        ]

    def begin(self):
        """Count the attempt; False, and nothing counted, if a limit is already reached."""
        counts = [(counter, counter.hit(window)) for counter, window in self.windows]
        if all(counter.allows(count) for counter, count in counts):
            return True
        self.give_back()
        return False

    def give_back(self):
        for counter, window in self.windows:
            counter.undo(window)
