"""Bakes of the template side by side, and what git says separates them.

Each bake runs in-process through Cookiecutter's API (a fraction of a second), in a
scratch folder with a Cookiecutter config of its own, so the user's settings and replay
folder are neither read nor written. The local ``.env`` (a fresh secret per bake) is left
out of every comparison and patch.
"""

import contextlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from tooling.template import bake, project_files, quiet, write_cookiecutter_config

# Who the scratch repositories' commits are by; they never leave the scratch folder.
GIT_IDENTITY = ("-c", "user.name=compare", "-c", "user.email=compare@localhost")


@contextlib.contextmanager
def scratch_folder():
    """A temporary folder, with Cookiecutter's config pointed into it meanwhile."""
    with tempfile.TemporaryDirectory(prefix="compare-") as folder:
        previous = os.environ.get("COOKIECUTTER_CONFIG")
        os.environ["COOKIECUTTER_CONFIG"] = str(write_cookiecutter_config(folder))
        try:
            yield Path(folder)
        finally:
            if previous is None:
                os.environ.pop("COOKIECUTTER_CONFIG", None)
            else:
                os.environ["COOKIECUTTER_CONFIG"] = previous


def bake_quietly(folder, answers):
    """A bake of ``answers`` in ``folder``, without the next steps the hook prints."""
    with quiet():
        return bake(folder, answers)


def git(repository, *arguments, check=True, input_text=None):
    result = subprocess.run(
        ["git", *GIT_IDENTITY, *arguments],
        cwd=repository,
        input=input_text,
        capture_output=True,
        text=True,
        check=False,
    )
    if check and result.returncode != 0:
        raise RuntimeError(f"git {' '.join(arguments)}: {result.stderr.strip()}")
    return result


def write_tree(root, files):
    """Make ``root`` hold exactly ``files`` (path to bytes), its ``.git`` aside."""
    for entry in Path(root).iterdir():
        if entry.name == ".git":
            continue
        if entry.is_dir():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    for path, content in files.items():
        target = Path(root) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def executable_paths(root):
    return {
        path.relative_to(root).as_posix()
        for path in Path(root).rglob("*")
        if path.is_file() and os.access(path, os.X_OK)
    }


def staged_tree(repository, project):
    """Stage ``project``'s files (without the local ``.env``) in ``repository``."""
    write_tree(repository, project_files(project))
    for path in executable_paths(project):
        (Path(repository) / path).chmod(0o755)
    git(repository, "add", "-A")


def difference(old, new):
    """``(patch, changes)`` from the tree ``old`` to ``new``: a git patch (binary-safe, file
    modes kept) that ``git apply`` turns ``old`` into ``new`` with, and per changed path
    ``(status, lines added, lines removed)``, status ``A``, ``D`` or ``M`` (the counts are
    None for a binary file)."""
    with tempfile.TemporaryDirectory(prefix="compare-git-") as repository:
        git(repository, "init", "-q")
        staged_tree(repository, old)
        git(repository, "commit", "-q", "--allow-empty", "-m", "old")
        staged_tree(repository, new)
        patch = git(repository, "diff", "--cached", "--binary", "--no-renames").stdout
        statuses = git(repository, "diff", "--cached", "--name-status", "--no-renames").stdout
        counts = git(repository, "diff", "--cached", "--numstat", "--no-renames").stdout
    lines = {}
    for line in counts.splitlines():
        added, removed, path = line.split("\t", 2)
        lines[path] = (None, None) if added == "-" else (int(added), int(removed))
    changes = {}
    for line in statuses.splitlines():
        status, path = line.split("\t", 1)
        changes[path] = (status[0], *lines.get(path, (None, None)))
    return patch, changes
