"""Move a generated project to other answers, keeping its local edits.

The project's recorded answers and the new ones are baked at the same template revision;
the difference between the two bakes is applied to the project with ``git apply --3way``:
a file the user never touched takes the change as it is, an edited one is merged, and
where both changed the same lines git leaves conflict markers, which are reported. The
answers file is one of the generated files, so the patch updates it too.
"""

import tempfile
from pathlib import Path

from tooling.template import ANSWERS_FILE, project_files

from .configurations import BadInput, checked, parse_overrides, read_answers_file
from .trees import bake_quietly, difference, git, scratch_folder


def repository_of(project):
    """``(top folder, project's path inside it)`` of the clean git work tree holding it."""
    found = git(project, "rev-parse", "--show-toplevel", check=False)
    if found.returncode != 0:
        raise BadInput(
            f"{project}: not in a git repository. Fix: commit the project to git first "
            "(git init && git add -A && git commit -m 'Generated project')."
        )
    top = Path(found.stdout.strip()).resolve()
    if git(project, "status", "--porcelain").stdout.strip():
        raise BadInput(
            f"{project}: the git work tree has uncommitted changes. Fix: commit or stash "
            "them, so that what the move changes can be told apart (and undone)."
        )
    return top, Path(project).resolve().relative_to(top).as_posix()


def move(project, overrides):
    """Apply the change from the project's answers to them plus ``overrides``.

    Returns ``(changed paths, conflicted paths)``; refuses (``BadInput``) a project outside
    git or with uncommitted changes, and answers the template would refuse.
    """
    project = Path(project)
    if not (project / ANSWERS_FILE).is_file():
        raise BadInput(
            f"{project}: no {ANSWERS_FILE}. Fix: name the folder of a generated project."
        )
    top, inside = repository_of(project)
    old = checked(read_answers_file(project))
    new = checked({**old, **parse_overrides(",".join(overrides))})
    with scratch_folder() as scratch:
        a = bake_quietly(scratch / "a", old)
        b = bake_quietly(scratch / "b", new)
        patch, changes = difference(a, b)
        if not changes:
            return [], []
        # The merge needs the files as generated (the patch's preimages) in the project's
        # object store, whatever the user has done to them since.
        paths = "".join(f"{a / path}\n" for path in project_files(a))
        git(top, "hash-object", "-w", "--stdin-paths", input_text=paths)
    with tempfile.NamedTemporaryFile("w", suffix=".patch", encoding="utf-8") as patch_file:
        patch_file.write(patch)
        patch_file.flush()
        directory = [] if inside == "." else [f"--directory={inside}"]
        applied = git(top, "apply", "--3way", *directory, patch_file.name, check=False)
    conflicted = git(top, "diff", "--name-only", "--diff-filter=U").stdout.split()
    if applied.returncode != 0 and not conflicted:
        raise RuntimeError(f"git apply --3way failed: {applied.stderr.strip()}")
    prefix = "" if inside == "." else f"{inside}/"
    return sorted(prefix + path for path in changes), sorted(conflicted)
