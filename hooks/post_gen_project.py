"""Remove what the answers did not choose, write the local, git-ignored ``.env``, and say
what to do next.

Pruning is driven by one table, ``OWNED_PATHS``: for each option, the value that owns a
set of paths. When the option has any other value, those paths are deleted. Paths are
relative to the project root; ``{slug}`` stands for the Python package. A path may lie
inside a folder that another option owns (a tenancy migration of the API key app): it goes
when either option was not chosen.

Some code belongs to a fact about the answers rather than to one option: registration
needs a password login, whichever strategy provides it. ``DERIVED_FACTS`` computes such
facts from the answers, and the table owns paths by them exactly as by an option.

Like the pre-generation hook, the module is plain Python until Cookiecutter renders the
placeholder in ``RENDERED_CONTEXT``, so it can be imported and tested.
"""

import json
import re
import secrets
import shutil
import sys
from pathlib import Path

RENDERED_CONTEXT = r"""{{ cookiecutter | jsonify }}"""

# Strategies a user signs in to with a username and password.
PASSWORD_LOGINS = ("auth_session", "auth_token", "auth_jwt")

# Name -> function of the answers and of the facts listed before it. Without a password
# login nobody logs in, registers, or manages API keys through the API (a key cannot mint
# keys, so keys come from the shell and the admin); the admin's login remains.
DERIVED_FACTS = {
    "password_login": lambda known: any(known[option] for option in PASSWORD_LOGINS),
    "api_key_endpoints": lambda known: known["auth_api_key"] and known["password_login"],
    "oauth2_with_jwt": lambda known: known["auth_oauth2"] and known["auth_jwt"],
    "oauth2_throttling": lambda known: known["auth_oauth2"] and known["throttling"],
    "oauth2_api_key_endpoints": lambda known: known["auth_oauth2"] and known["api_key_endpoints"],
    "mfa_oauth2": lambda known: known["auth_mfa"] and known["auth_oauth2"],
    "mfa_throttling": lambda known: known["auth_mfa"] and known["throttling"],
    # The README shows the two-factor walkthrough as curl commands with a token login.
    "mfa_curl_walkthrough": lambda known: (
        known["auth_mfa"] and (known["auth_jwt"] or known["auth_token"])
    ),
    # ...and with sessions alone, as HTTP requests.
    "mfa_http_walkthrough": lambda known: known["auth_mfa"] and not known["mfa_curl_walkthrough"],
    "audit": lambda known: known["audit_log"] != "none",
    # What tells clients apart by address: the rate limits and the lockout, the audit log.
    "client_ips": lambda known: known["throttling"] or known["audit"],
    # Tests of the events each feature announces, next to that feature's own tests.
    "audit_logins": lambda known: known["audit"] and known["password_login"],
    "audit_throttling": lambda known: known["audit"] and known["throttling"],
    "audit_token": lambda known: known["audit"] and known["auth_token"],
    "audit_oauth2": lambda known: known["audit"] and known["auth_oauth2"],
    "audit_api_key": lambda known: known["audit"] and known["auth_api_key"],
    "audit_api_key_endpoints": lambda known: known["audit"] and known["api_key_endpoints"],
    "audit_mfa": lambda known: known["audit"] and known["auth_mfa"],
    "audit_rbac": lambda known: known["audit"] and known["permission_model"] == "rbac",
    "audit_tenancy": lambda known: known["audit"] and known["permission_model"] == "multi_tenant",
    "audit_tenancy_events": lambda known: (
        known["audit_log"] == "database" and known["permission_model"] == "multi_tenant"
    ),
}

OWNED_PATHS = {
    "auth_session": {True: ["{slug}/auth_session"]},
    "auth_token": {True: ["{slug}/auth_token"]},
    "auth_jwt": {True: ["{slug}/auth_jwt"]},
    "auth_oauth2": {True: ["{slug}/auth_oauth2"]},
    "auth_api_key": {True: ["{slug}/auth_api_key", "{slug}/tenancy/tests/test_api_keys.py"]},
    "auth_mfa": {True: ["{slug}/auth_mfa"]},
    "permission_model": {
        "owner": ["{slug}/access/owner.py", "{slug}/documents/tests/test_owner_policy.py"],
        "group": [
            "{slug}/access/group.py",
            "{slug}/documents/migrations/0002_document_group.py",
            "{slug}/documents/tests/test_group_policy.py",
        ],
        "rbac": ["{slug}/documents/migrations/0002_document_newest.py", "{slug}/rbac"],
        "multi_tenant": [
            "{slug}/auth_api_key/migrations/0002_userapikey_tenant.py",
            "{slug}/documents/migrations/0002_document_tenant.py",
            "{slug}/tenancy",
        ],
    },
    # The lockout guards the admin's password login too, which every project has.
    "throttling": {True: ["{slug}/lockout", "{slug}/throttling"]},
    "cors": {True: ["tests/test_cors.py"]},
    "audit": {True: ["{slug}/audit"]},
    "client_ips": {True: ["{slug}/core/clients.py"]},
    # The table and what reads it, or the log lines: one of the two.
    "audit_log": {
        "database": [
            "{slug}/audit/admin.py",
            "{slug}/audit/database.py",
            "{slug}/audit/management",
            "{slug}/audit/migrations",
            "{slug}/audit/models.py",
            "{slug}/audit/serializers.py",
            "{slug}/audit/tests/test_endpoint.py",
            "{slug}/audit/tests/test_retention.py",
            "{slug}/audit/urls.py",
            "{slug}/audit/views.py",
        ],
        "log": ["{slug}/audit/log.py", "{slug}/audit/tests/test_log_sink.py"],
    },
    "audit_logins": {True: ["{slug}/audit/tests/test_logins.py"]},
    "audit_throttling": {True: ["{slug}/audit/tests/test_lockout.py"]},
    "audit_token": {True: ["{slug}/auth_token/tests/test_audit.py"]},
    "audit_oauth2": {True: ["{slug}/auth_oauth2/tests/test_audit.py"]},
    "audit_api_key": {True: ["{slug}/auth_api_key/tests/test_audit_command.py"]},
    "audit_api_key_endpoints": {True: ["{slug}/auth_api_key/tests/test_audit.py"]},
    "audit_mfa": {True: ["{slug}/auth_mfa/tests/test_audit.py"]},
    "audit_rbac": {True: ["{slug}/rbac/tests/test_audit.py"]},
    "audit_tenancy": {True: ["{slug}/tenancy/tests/test_audit.py"]},
    "audit_tenancy_events": {True: ["{slug}/tenancy/tests/test_audit_events.py"]},
    "password_login": {
        True: [
            "{slug}/lockout/tests/test_lockout.py",
            "{slug}/throttling/tests/test_login_rates.py",
            "{slug}/throttling/scoped.py",
            "{slug}/users/login.py",
            "{slug}/users/registration.py",
            "{slug}/users/tests/test_login.py",
            "{slug}/users/tests/test_register.py",
        ]
    },
    "oauth2_with_jwt": {True: ["{slug}/auth_oauth2/tests/test_jwt_coexistence.py"]},
    "oauth2_throttling": {
        True: ["{slug}/auth_oauth2/throttles.py", "{slug}/auth_oauth2/tests/test_throttling.py"]
    },
    "oauth2_api_key_endpoints": {True: ["{slug}/auth_oauth2/tests/test_api_keys.py"]},
    "mfa_oauth2": {True: ["{slug}/auth_mfa/tests/test_oauth2_sign_in.py"]},
    "mfa_throttling": {True: ["{slug}/auth_mfa/tests/test_throttling.py"]},
    "mfa_curl_walkthrough": {True: ["{slug}/auth_mfa/tests/test_readme.py"]},
    "mfa_http_walkthrough": {True: ["{slug}/auth_mfa/tests/test_readme_requests.py"]},
    "api_key_endpoints": {
        True: [
            "{slug}/auth_api_key/permissions.py",
            "{slug}/auth_api_key/serializers.py",
            "{slug}/auth_api_key/tests/test_endpoints.py",
            "{slug}/auth_api_key/urls.py",
            "{slug}/auth_api_key/views.py",
            "{slug}/tenancy/tests/test_api_key_endpoints.py",
        ]
    },
}


def facts(answers, derived=DERIVED_FACTS):
    """The answers together with the facts derived from them, in order."""
    known = dict(answers)
    for name, derive in derived.items():
        known[name] = derive(known)
    return known


def paths_to_remove(context, table=OWNED_PATHS, derived=DERIVED_FACTS):
    """The project-relative paths owned by option values or facts that do not hold."""
    slug = context["project_slug"]
    known = facts(context, derived)
    return sorted(
        path.format(slug=slug)
        for owner, owners in table.items()
        for value, paths in owners.items()
        if known[owner] != value
        for path in paths
    )


def prune(root, paths):
    """Delete each path (file or folder) under ``root``; a missing path is an error.

    A path inside a folder deleted earlier in the same pass went with it. ``paths`` is
    sorted, so a folder comes before anything it contains.
    """
    removed = []
    for relative in map(Path, paths):
        if any(relative.is_relative_to(folder) for folder in removed):
            continue
        target = Path(root) / relative
        if target.is_dir():
            shutil.rmtree(target)
            removed.append(relative)
        else:
            target.unlink()


def write_local_env(root):
    """Give the local settings a fresh secret key, in a file the project's git ignores."""
    env_file = Path(root) / ".env"
    if not env_file.exists():
        env_file.write_text(f"DJANGO_SECRET_KEY={secrets.token_urlsafe(50)}\n", encoding="utf-8")


# The README sections whose first shell block is a next step, and what the step does.
NEXT_STEPS = {
    "Run it locally": "install, create the demo user and serve",
    "Run the tests": "run the tests",
}
SHELL_BLOCK = re.compile(r"^```bash\n(.*?)\n```$", re.MULTILINE | re.DOTALL)


def first_command(readme, heading):
    """The first shell block of the README section headed ``## <heading>``."""
    section = readme.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return SHELL_BLOCK.search(section)[1]


def next_steps(root):
    """What to type after the bake, taken from the generated README so they never disagree."""
    readme = (Path(root) / "README.md").read_text(encoding="utf-8")
    lines = [f"Your project is ready in {root}. Next steps:", "", f"    cd {root}"]
    for heading, purpose in NEXT_STEPS.items():
        lines += [f"    # {purpose}", f"    {first_command(readme, heading)}"]
    lines += ["", f"Read {Path(root) / 'README.md'} for the rest: configuration, API, deployment."]
    return "\n".join(lines)


def finish(root, context):
    """Everything the hook does to the project: prune it, then give it its local ``.env``.

    The template's tests call this in-process for their bulk bakes, and prove it leaves
    the same tree as the hook run by Cookiecutter.
    """
    prune(root, paths_to_remove(context))
    write_local_env(root)


def main():
    root = Path.cwd()
    finish(root, json.loads(RENDERED_CONTEXT))
    print(next_steps(root))
    return 0


if __name__ == "__main__":
    sys.exit(main())
