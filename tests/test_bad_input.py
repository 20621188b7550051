"""Bad answers through the real command line: a clear one-line message, and nothing written."""

import pytest

from tests.template import BAD_SLUGS, TEMPLATE_DIR, pre_gen, run_cookiecutter

# Answers on the command line, and the pieces of the one line that must explain the
# refusal. The pre-generation hook reports ``ERROR: <option>=<value>: ...``; a choice
# outside the list is refused by Cookiecutter itself, in a message naming the option.
BAD_INPUT = {
    **{
        f"slug {slug}": ([f"project_slug={slug}"], [f"ERROR: project_slug={slug!r}: "])
        for slug in BAD_SLUGS
    },
    "no auth": (
        [f"{option}=no" for option in pre_gen.AUTH_OPTIONS],
        ["ERROR: auth_*=", *pre_gen.AUTH_OPTIONS],
    ),
    "email": (["email=jane.example.com"], ["ERROR: email='jane.example.com': "]),
    "timezone": (["timezone=Mars/Base"], ["ERROR: timezone='Mars/Base': "]),
    "choice": (["permission_model=nobody"], ["nobody", "choice variable permission_model"]),
}


@pytest.mark.parametrize(("answers", "pieces"), BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_is_refused(answers, pieces, tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    result = run_cookiecutter(TEMPLATE_DIR, "--no-input", "-o", output, *answers, cwd=tmp_path)
    assert result.returncode != 0, result.stdout
    explained = [
        line for line in result.stdout.splitlines() if all(piece in line for piece in pieces)
    ]
    assert explained, result.stdout
    assert list(output.iterdir()) == []
