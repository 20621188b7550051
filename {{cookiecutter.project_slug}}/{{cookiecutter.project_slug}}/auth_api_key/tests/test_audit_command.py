"""``create_api_key``, as the audit log records it: who got a key, never the key."""

import re
from io import StringIO

from django.core.management import call_command


def test_a_key_created_from_the_shell_is_recorded(user, recorded):
    output = StringIO()

    call_command("create_api_key", "alice", "--name", "ci", stdout=output)

    prefix, key = re.search(
        r"API key (\S+) for alice \(shown once\): (\S+)", output.getvalue()
    ).groups()
    [event] = recorded("credential.issued")
    assert (event["actor_username"], event["strategy"]) == ("alice", "command")
    assert (event["target_id"], event["details"]) == (prefix, {"kind": "api_key"})
    assert key not in str(event)
