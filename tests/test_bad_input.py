"""Bad answers through the real command line: a clear one-line message, and nothing written."""

import pytest

from tests.support import BAD_SLUGS
from tooling.template import TEMPLATE_DIR, pre_gen, run_cookiecutter

# Answers on the command line, and the pieces of the one line that must explain the
# refusal. The pre-generation hook reports ``ERROR: <option>=<value>: ...``; a choice
# outside the list or a boolean that is not one is refused by Cookiecutter itself, before
# any code of the template runs, in a message naming the option (after a traceback that
# only Cookiecutter could leave out).
REFUSED_BY_COOKIECUTTER = {"choice", "audit choice", "boolean"}
BAD_INPUT = {
    **{
        f"slug {slug}": ([f"project_slug={slug}"], [f"ERROR: project_slug={slug!r}: "])
        for slug in BAD_SLUGS
    },
    "no auth": (
        [f"{option}=no" for option in pre_gen.AUTH_OPTIONS],
        ["ERROR: auth_*=", *pre_gen.AUTH_OPTIONS],
    ),
    "mfa without a password login": (
        [
            *(f"{option}=no" for option in pre_gen.PASSWORD_LOGINS),
            "auth_api_key=yes",
            "auth_mfa=yes",
        ],
        ["ERROR: auth_mfa=True: ", *pre_gen.PASSWORD_LOGINS],
    ),
    "email": (["email=jane.example.com"], ["ERROR: email='jane.example.com': "]),
    "email with a newline": (
        ["email=jane@example.com\n"],
        ["ERROR: email='jane@example.com\\n': "],
    ),
    "version": (["version=0.1.0\n"], ["ERROR: version='0.1.0\\n': "]),
    "name on two lines": (["project_name=My\nAPI"], ["ERROR: project_name='My\\nAPI': "]),
    "timezone": (["timezone=Mars/Base"], ["ERROR: timezone='Mars/Base': "]),
    "choice": (["permission_model=nobody"], ["nobody", "choice variable permission_model"]),
    "audit choice": (["audit_log=sometimes"], ["sometimes", "choice variable audit_log"]),
    "boolean": (["auth_token=maybe"], ["maybe", "variable auth_token", "boolean"]),
}


@pytest.mark.parametrize(
    ("case", "answers", "pieces"), [(case, *bad) for case, bad in BAD_INPUT.items()], ids=BAD_INPUT
)
def test_bad_input_is_refused(case, answers, pieces, tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    result = run_cookiecutter(TEMPLATE_DIR, "--no-input", "-o", output, *answers, cwd=tmp_path)
    assert result.returncode != 0, result.stdout
    explained = [
        line for line in result.stdout.splitlines() if all(piece in line for piece in pieces)
    ]
    assert explained, result.stdout
    if case not in REFUSED_BY_COOKIECUTTER:
        assert "Traceback" not in result.stdout
    assert list(output.iterdir()) == []


def test_a_relative_template_path_works(tmp_path):
    """``cookiecutter . --no-input`` from the template folder, as the README shows it."""
    result = run_cookiecutter(
        TEMPLATE_DIR.name, "--no-input", "-o", tmp_path / "output", cwd=TEMPLATE_DIR.parent
    )
    assert result.returncode == 0, result.stdout
    assert (tmp_path / "output" / "my_api" / "manage.py").is_file()
