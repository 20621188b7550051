"""Bake every valid combination once, fast, and keep each distinct file once.

A bake through Cookiecutter's command line costs about a second, most of it spent again
on every bake: starting Python, compiling each template and path with Jinja, sniffing each
file for binary content, two hook subprocesses, and creating some hundred files on disk.
The bulk path keeps Cookiecutter's own generation and cuts the rest:

- bakes run in-process through Cookiecutter's API, in a pool of processes, one per core;
- the post-generation hook's work runs as its own function (``post_gen.finish``) instead
  of as the subprocess Cookiecutter starts, and the pre-generation hook is not needed:
  the combinations are the ones its ``validate`` accepts. ``tests/test_bake.py`` proves on
  a sample that both paths give byte-identical trees;
- each pool process compiles each Jinja source once (Cookiecutter compiles every path
  name of every bake anew, and Jinja caches no ``from_string``);
- the trees are written to a RAM-backed folder where the system has one (creating a file
  on a journaled disk can cost a millisecond), read back and deleted at once.

What is kept of a bake is its manifest (relative path to content digest) and its local
``.env``; contents are stored once per digest. Most files are identical across many
combinations, so per-file checks (leftovers, compiling, linting) run once per distinct
file and are mapped back to every combination holding it.

Shared tooling: ``tests/``, ``benchmarks/``, ``compare/`` and the rest of ``tooling/`` may
import it.
"""

import hashlib
import os
import pickle
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from multiprocessing import get_context
from pathlib import Path

import jinja2
from cookiecutter.main import cookiecutter
from filelock import FileLock

from tooling.combinations import answers_for, combination_id
from tooling.template import LOCAL_ENV_FILE, TEMPLATE_DIR, post_gen

# Shared-memory file system of Linux, writable by every user like /tmp.
RAM_FOLDER = Path("/dev/shm")  # noqa: S108 - each bake gets a fresh mkdtemp folder inside
# Bakes sent to a pool process at a time: large enough to amortise the round trip, small
# enough to keep the processes evenly busy to the end.
CHUNK = 8


def scratch_folder():
    """Where bulk bakes are written: RAM where the system offers it, else the temp folder."""
    if RAM_FOLDER.is_dir() and os.access(RAM_FOLDER, os.W_OK):
        return str(RAM_FOLDER)
    return None


def digest(content):
    return hashlib.sha256(content).hexdigest()[:32]


def bake_in_process(output_dir, combination):
    """Bake ``combination`` as Cookiecutter does, with the hooks' work done in-process."""
    project = Path(
        cookiecutter(
            str(TEMPLATE_DIR),
            no_input=True,
            extra_context=dict(combination),
            output_dir=str(output_dir),
            accept_hooks=False,
        )
    )
    post_gen.finish(project, answers_for(combination))
    return project


def compile_once():
    """Make Jinja compile each source once in this process (pool processes only).

    The compiled code depends only on the source, its name and the environment's syntax
    settings, which are the same for every bake of this template.
    """
    compile_afresh = jinja2.Environment.compile
    compiled = {}

    def compile_cached(environment, source, name=None, filename=None, raw=False, defer_init=False):
        key = (
            source,
            name,
            filename,
            raw,
            defer_init,
            environment.block_start_string,
            environment.variable_start_string,
            tuple(sorted(environment.extensions)),
        )
        if key not in compiled:
            compiled[key] = compile_afresh(environment, source, name, filename, raw, defer_init)
        return compiled[key]

    jinja2.Environment.compile = compile_cached


# Digests this pool process has already sent to the parent.
_sent = set()


def _bake_chunk(combinations):
    """In a pool process: bake each combination, return manifests and new contents."""
    results = []
    contents = {}
    scratch = tempfile.mkdtemp(dir=scratch_folder())
    try:
        for combination in combinations:
            output = Path(scratch) / "out"
            try:
                project = bake_in_process(output, combination)
            except Exception as error:
                # Raised again in the calling process: say which bake failed.
                raise RuntimeError(
                    f"baking {combination_id(combination)} failed: {error!r}"
                ) from error
            manifest = {}
            local_env = (project / LOCAL_ENV_FILE).read_text(encoding="utf-8")
            for path in sorted(project.rglob("*")):
                relative = path.relative_to(project).as_posix()
                if path.is_file() and relative != LOCAL_ENV_FILE:
                    content = path.read_bytes()
                    key = digest(content)
                    manifest[relative] = key
                    if key not in _sent:
                        _sent.add(key)
                        contents[key] = content
            results.append((combination_id(combination), manifest, local_env))
            shutil.rmtree(output)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return results, contents


@dataclass
class Bakery:
    """Every combination's files, each distinct content stored once."""

    manifests: dict = field(default_factory=dict)  # combination id -> {path: digest}
    local_envs: dict = field(default_factory=dict)  # combination id -> text of its .env
    contents: dict = field(default_factory=dict)  # digest -> bytes
    seconds: float = 0.0  # wall time of the bulk bake
    processes: int = 1

    def files(self, combination):
        """Relative path to bytes of a combination's project, without the ``.env``."""
        return {
            path: self.contents[key]
            for path, key in self.manifests[combination_id(combination)].items()
        }

    def write(self, combination, folder):
        """Write a combination's project, ``.env`` included, into ``folder``."""
        folder = Path(folder)
        for path, content in self.files(combination).items():
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        (folder / LOCAL_ENV_FILE).write_text(
            self.local_envs[combination_id(combination)], encoding="utf-8"
        )
        return folder

    @cached_property
    def holders(self):
        """``(path, digest)`` to the ids of every combination holding that file."""
        found = {}
        for name, manifest in self.manifests.items():
            for path, key in manifest.items():
                found.setdefault((path, key), []).append(name)
        return found

    def files_baked(self):
        return sum(len(manifest) for manifest in self.manifests.values())


def bake_all(combinations, processes=None):
    """Bake ``combinations`` in a pool of processes; the pool never touches this process."""
    processes = processes or os.cpu_count() or 1
    chunks = [combinations[start : start + CHUNK] for start in range(0, len(combinations), CHUNK)]
    bakery = Bakery(processes=processes)
    started = time.perf_counter()
    with ProcessPoolExecutor(
        max_workers=processes, mp_context=get_context("spawn"), initializer=compile_once
    ) as pool:
        for results, contents in pool.map(_bake_chunk, chunks):
            bakery.contents.update(contents)
            for name, manifest, local_env in results:
                bakery.manifests[name] = {
                    sys.intern(path): sys.intern(key) for path, key in manifest.items()
                }
                bakery.local_envs[name] = local_env
    bakery.seconds = time.perf_counter() - started
    return bakery


def shared_bakery(folder, combinations):
    """The bakery of ``combinations``, built once in ``folder`` and loaded by every worker.

    Parallel test workers share the folder: the first to ask builds it with every core
    while the others wait on the lock, then each loads the same file.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stored = folder / "bakery.pickle"
    with FileLock(folder / "bakery.lock", timeout=3600):
        if not stored.exists():
            bakery = bake_all(combinations)
            partial = stored.with_suffix(".partial")
            partial.write_bytes(pickle.dumps(bakery, protocol=pickle.HIGHEST_PROTOCOL))
            partial.replace(stored)
            return bakery
    return pickle.loads(stored.read_bytes())  # noqa: S301 - written by this run


def summary(bakery):
    """The figures the test run reports about the bulk bake."""
    count = len(bakery.manifests)
    return {
        "combinations": count,
        "seconds": bakery.seconds,
        "processes": bakery.processes,
        "seconds_per_combination": bakery.seconds / count if count else 0.0,
        "files_baked": bakery.files_baked(),
        "distinct_files": len(bakery.holders),
    }
