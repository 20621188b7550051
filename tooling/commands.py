"""Run commands as the template's checks need them: to completion, output merged, away from
whatever the caller's environment would leak into a generated project.

Shared tooling: ``tests/``, ``benchmarks/``, ``compare/`` and the rest of ``tooling/`` may
import it.
"""

import contextlib
import os
import signal
import subprocess

# Variables that would make a generated project talk to outside services or pick other
# settings than the ones a check asks for; subprocesses never inherit them.
LEAKY_VARIABLES = ("DATABASE_URL", "REDIS_URL", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")
LEAKY_PREFIXES = ("DJANGO_", "PYTEST_")


def isolated_environ(**overrides):
    """The current environment less what would leak into a generated project, plus overrides."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in LEAKY_VARIABLES and not name.startswith(LEAKY_PREFIXES)
    }
    env.update(overrides)
    return env


def run(command, cwd, env=None, timeout=900, input_text=None):
    """Run a command to completion; the result holds stdout and stderr merged, as text."""
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        input=input_text,
        stdin=subprocess.DEVNULL if input_text is None else None,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=timeout,
        check=False,
    )


def describe(result):
    """A failed command's line and output, for an assertion or error message."""
    return f"$ {' '.join(result.args)}\n(exit {result.returncode})\n{result.stdout}"


def stop_process_group(process, timeout=30):
    """Stop a command started with ``start_new_session=True`` and everything it started."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
