"""What separates two bakes, section by section, as plain data (see ``render.py``)."""

import ast
import json
import re
import tomllib
from pathlib import Path

from tooling.commands import describe, isolated_environ, run
from tooling.environments import PROJECT_ENVS_DIR, project_environment
from tooling.template import quiet

from .trees import difference

SETTINGS_FILE = "config/settings/base.py"
MIGRATION = re.compile(r"/migrations/\d{4}_\w+\.py$")
# A requirement's name, before any extra, version or marker.
REQUIREMENT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*")
# Where a project's files belong: its package's apps, else the top folder.
ROOT = "(project root)"


def option_changes(a, b):
    return [
        {"option": name, "a": a.get(name), "b": b.get(name)}
        for name in a
        if a.get(name) != b.get(name)
    ]


def app_of(path, slugs):
    parts = path.split("/")
    if len(parts) > 2 and parts[0] in slugs:
        return parts[1]
    return parts[0] if len(parts) > 1 else ROOT


def file_changes(changes, slugs):
    """``{"added": [...], "removed": [...], "changed": [...]}``, each file with its app and
    line counts (None for binary files)."""
    files = {"added": [], "removed": [], "changed": []}
    kinds = {"A": "added", "D": "removed", "M": "changed"}
    for path, (status, added, removed) in sorted(changes.items()):
        files[kinds[status]].append(
            {"path": path, "app": app_of(path, slugs), "added": added, "removed": removed}
        )
    return files


def dependencies(project):
    """``{name: requirement}`` of the project's runtime and ``dev`` dependencies."""
    pyproject = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))
    declared = [
        *pyproject["project"]["dependencies"],
        *pyproject.get("dependency-groups", {}).get("dev", []),
    ]
    return {REQUIREMENT_NAME.match(item)[0].lower(): item for item in declared}


def added_removed(a, b):
    return {"added": sorted(set(b) - set(a)), "removed": sorted(set(a) - set(b))}


def dependency_changes(a, b):
    mine, theirs = dependencies(a), dependencies(b)
    return {
        **added_removed(mine, theirs),
        "changed": [
            {"name": name, "a": mine[name], "b": theirs[name]}
            for name in sorted(set(mine) & set(theirs))
            if mine[name] != theirs[name]
        ],
    }


def value_of(node, known):
    """A settings expression as data: literals and lists of them as Python values, names
    of earlier settings by their value, anything else (an environment read) as its source."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        items = []
        for element in node.elts:
            if isinstance(element, ast.Starred) and isinstance(
                known.get(ast.unparse(element.value)), list
            ):
                items += known[ast.unparse(element.value)]
            else:
                items.append(value_of(element, known))
        return items
    if isinstance(node, ast.Dict):
        return {
            ast.unparse(key) if key is None else value_of(key, known): value_of(value, known)
            for key, value in zip(node.keys, node.values, strict=True)
        }
    if isinstance(node, ast.Name) and node.id in known:
        return known[node.id]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = value_of(node.left, known), value_of(node.right, known)
        if isinstance(left, list) and isinstance(right, list):
            return left + right
    return ast.unparse(node)


def read_settings(project):
    """``{name: value}`` of the settings module's assignments, those under a top-level
    ``if`` named ``NAME (if CONDITION)`` / ``NAME (else)``."""
    tree = ast.parse((project / SETTINGS_FILE).read_text(encoding="utf-8"))
    found = {}

    def collect(statements, suffix=""):
        for statement in statements:
            if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
                target = statement.targets[0]
                if isinstance(target, ast.Name) and target.id.isupper():
                    found[target.id + suffix] = value_of(statement.value, found)
            elif isinstance(statement, ast.If) and not suffix:
                condition = ast.unparse(statement.test)
                collect(statement.body, f" (if {condition})")
                collect(statement.orelse, f" (if not {condition})")

    collect(tree.body)
    return found


def flattened(settings):
    """Settings that are dicts, such as ``REST_FRAMEWORK``, one entry per key."""
    flat = {}
    for name, value in settings.items():
        if isinstance(value, dict):
            flat.update({f"{name}[{key!r}]": item for key, item in value.items()})
        else:
            flat[name] = value
    return flat


def setting_changes(a, b):
    mine, theirs = flattened(read_settings(a)), flattened(read_settings(b))
    changes = []
    for name in [*mine, *(name for name in theirs if name not in mine)]:
        old, new = mine.get(name), theirs.get(name)
        if old == new:
            continue
        change = {"setting": name}
        if isinstance(old, list) and isinstance(new, list):
            change.update(
                added=[item for item in new if item not in old],
                removed=[item for item in old if item not in new],
            )
        else:
            change.update(a=old, b=new)
        changes.append(change)
    return changes


def openapi_schema(python, project):
    """The project's OpenAPI schema, as drf-spectacular generates it."""
    schema = project / "schema.json"
    command = [python, "manage.py", "spectacular", "--format", "openapi-json", "--file", schema]
    result = run(
        command, project, env=isolated_environ(DJANGO_SETTINGS_MODULE="config.settings.test")
    )
    if result.returncode != 0:
        raise RuntimeError(describe(result))
    try:
        return json.loads(schema.read_text(encoding="utf-8"))
    finally:
        schema.unlink()


def api_surface(schema):
    endpoints = [
        f"{method.upper()} {path}"
        for path, operations in schema.get("paths", {}).items()
        for method in operations
        if method in {"get", "post", "put", "patch", "delete"}
    ]
    schemes = schema.get("components", {}).get("securitySchemes", {})
    return endpoints, list(schemes)


def api_changes(python, a, b):
    (endpoints_a, schemes_a), (endpoints_b, schemes_b) = (
        api_surface(openapi_schema(python, project)) for project in (a, b)
    )
    return {
        "endpoints": added_removed(endpoints_a, endpoints_b),
        "auth_schemes": added_removed(schemes_a, schemes_b),
    }


def migration_changes(files):
    return {
        kind: [entry["path"] for entry in files[kind] if MIGRATION.search(entry["path"])]
        for kind in ("added", "removed")
    }


def project_python(scratch):
    """The shared environment that runs generated projects (built on first use)."""
    with quiet():
        return project_environment(PROJECT_ENVS_DIR, Path(scratch) / "requirements")


def compare(a, b, answers_a, answers_b, python):
    """Every section of the comparison of the projects ``a`` and ``b`` (paths of bakes of
    ``answers_a`` and ``answers_b``), and the patch from ``a`` to ``b``."""
    patch, changes = difference(a, b)
    files = file_changes(changes, {answers_a["project_slug"], answers_b["project_slug"]})
    return {
        "options": option_changes(answers_a, answers_b),
        "files": files,
        "dependencies": dependency_changes(a, b),
        "settings": setting_changes(a, b),
        "api": api_changes(python, a, b),
        "migrations": migration_changes(files),
    }, patch
