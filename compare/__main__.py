import argparse
import sys
from pathlib import Path

from tooling.template import project_files

from . import render
from .configurations import BadInput, configuration
from .move import move
from .report import compare, project_python
from .trees import bake_quietly, scratch_folder

FORMATS = {"text": render.text, "markdown": render.markdown, "json": render.as_json}
# What the command exits with when the answers or the project are refused.
REFUSED = 2
CONFLICTS = 1


def compare_command(argv):
    parser = argparse.ArgumentParser(
        prog="python -m compare",
        description="Compare two configurations of the template (see docs/compare.md).",
    )
    parser.add_argument("a", help="defaults, key=value[,key=value...], answers file or project")
    parser.add_argument("b", help="the same, for the configuration to compare A with")
    parser.add_argument("--patch", type=Path, help="write the patch from A to B to this file")
    parser.add_argument("--format", choices=[*FORMATS, "html"], default="text")
    parser.add_argument("--output", type=Path, help="write the report here (default: stdout)")
    arguments = parser.parse_args(argv)
    answers_a, answers_b = configuration(arguments.a), configuration(arguments.b)
    with scratch_folder() as scratch:
        a = bake_quietly(scratch / "a", answers_a)
        b = bake_quietly(scratch / "b", answers_b)
        python = project_python(scratch)
        sections, patch = compare(a, b, answers_a, answers_b, python)
        report = {
            "a": {"label": arguments.a, "answers": answers_a},
            "b": {"label": arguments.b, "answers": answers_b},
            **sections,
            "patch_lines": len(patch.splitlines()),
        }
        if arguments.format == "html":
            output = render.page(report, project_files(a), project_files(b))
        else:
            output = FORMATS[arguments.format](report)
    if arguments.patch:
        arguments.patch.write_text(patch, encoding="utf-8")
    if arguments.output:
        arguments.output.write_text(output, encoding="utf-8")
    else:
        sys.stdout.write(output)
    return 0


def apply_command(argv):
    parser = argparse.ArgumentParser(
        prog="python -m compare apply",
        description="Move a generated project (a clean git work tree) to other answers.",
    )
    parser.add_argument("project", type=Path, help="the generated project's folder")
    parser.add_argument("answers", nargs="+", metavar="key=value", help="the answers to change")
    arguments = parser.parse_args(argv)
    changed, conflicted = move(arguments.project, arguments.answers)
    if not changed:
        print("Nothing to change: the project already has these answers.")
        return 0
    print(f"Changed {len(changed)} files (staged):")
    print("\n".join(f"  {path}" for path in changed))
    if conflicted:
        print(f"Conflicts in {len(conflicted)} files, left with conflict markers to resolve:")
        print("\n".join(f"  {path}" for path in conflicted))
        return CONFLICTS
    return 0


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv[:1] == ["apply"]:
            return apply_command(argv[1:])
        return compare_command(argv)
    except BadInput as refusal:
        for line in refusal.args:
            print(f"ERROR: {line}", file=sys.stderr)
        return REFUSED


if __name__ == "__main__":
    sys.exit(main())
