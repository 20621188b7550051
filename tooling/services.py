"""The services on this machine that generated projects can run against: PostgreSQL, Redis.

The tests and the benchmarks use them when they answer and fall back to SQLite and local
memory when they do not; whether that fallback is allowed is the caller's decision.

Shared tooling: ``tests/``, ``benchmarks/``, ``compare/`` and the rest of ``tooling/`` may
import it.
"""

import socket

SERVICES = {"PostgreSQL": 5432, "Redis": 6379}


def reachable(port):
    """Whether something on this machine accepts a connection on ``port``."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def unreachable_services():
    """The services that do not answer, each named with its address for a message."""
    return [f"{name} (127.0.0.1:{port})" for name, port in SERVICES.items() if not reachable(port)]
