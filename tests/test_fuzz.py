"""A schema-driven fuzzer finds no 5xx in generated projects (see ``project_fuzz.py``).

Three configurations cover every strategy and three permission models between them; each
runs the fuzzer, as one more test module, with its own fixtures and settings.
"""

import shutil

import pytest

from tooling.combinations import combination_id, default_combination
from tooling.commands import describe, isolated_environ, run
from tooling.template import TEMPLATE_DIR, bake

pytestmark = pytest.mark.generated

FUZZED = [
    {**default_combination(), "auth_mfa": True, "permission_model": "group"},
    {
        **default_combination(),
        "auth_session": False,
        "auth_jwt": False,
        "auth_token": True,
        "auth_api_key": True,
        "permission_model": "multi_tenant",
        "audit_log": "log",
    },
    {
        **default_combination(),
        "auth_session": False,
        "auth_oauth2": True,
        "permission_model": "rbac",
        "audit_log": "none",
    },
]


@pytest.mark.parametrize("combination", FUZZED, ids=combination_id)
def test_no_operation_answers_a_server_error(combination, project_python, tmp_path):
    project = bake(tmp_path, combination)
    shutil.copy(TEMPLATE_DIR / "tests" / "project_fuzz.py", project / "tests" / "test_fuzz_api.py")

    result = run(
        [project_python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_fuzz_api.py"],
        cwd=project,
        env=isolated_environ(),
        timeout=1800,
    )

    assert result.returncode == 0, describe(result)
