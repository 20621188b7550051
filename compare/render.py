"""The comparison as text, markdown, JSON, or one self-contained HTML page."""

import difflib
import html
import json
from itertools import groupby

from .report import ROOT

SECTIONS = {
    "options": "Options that differ",
    "files": "Files",
    "dependencies": "Dependencies",
    "settings": "Settings",
    "api": "API surface",
    "migrations": "Migrations",
}


def shown(value):
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "(none)" if value is None else str(value)


def counts(entry):
    if entry["added"] is None:
        return "binary"
    return f"+{entry['added']} -{entry['removed']}"


def file_lines(files):
    """``(app, sign, path, counts)`` for every added (+), removed (-) and changed (~) file,
    by app, then path."""
    signs = {"added": "+", "removed": "-", "changed": "~"}
    rows = [
        (entry["app"], signs[kind], entry["path"], counts(entry))
        for kind, entries in files.items()
        for entry in entries
    ]
    return sorted(rows, key=lambda row: (row[0], row[2]))


def setting_text(change):
    if "added" in change:
        items = [f"+ {item}" for item in change["added"]] + [
            f"- {item}" for item in change["removed"]
        ]
        return ", ".join(items) if items else "order changed"
    return f"{shown(change['a'])} -> {shown(change['b'])}"


def summary_line(files):
    return (
        f"{len(files['added'])} added, {len(files['removed'])} removed, "
        f"{len(files['changed'])} changed"
    )


def text(report):
    lines = [f"A: {report['a']['label']}", f"B: {report['b']['label']}", ""]
    lines.append(SECTIONS["options"])
    lines += [
        f"  {change['option']}: {shown(change['a'])} -> {shown(change['b'])}"
        for change in report["options"]
    ] or ["  (none)"]
    lines += ["", f"{SECTIONS['files']}: {summary_line(report['files'])}"]
    for app, rows in groupby(file_lines(report["files"]), key=lambda row: row[0]):
        lines.append(f"  {app}" if app == ROOT else f"  {app}/")
        lines += [f"    {sign} {path} ({amount})" for _app, sign, path, amount in rows]
    dependencies = report["dependencies"]
    lines += ["", SECTIONS["dependencies"]]
    lines += [f"  + {name}" for name in dependencies["added"]]
    lines += [f"  - {name}" for name in dependencies["removed"]]
    lines += [f"  ~ {item['a']} -> {item['b']}" for item in dependencies["changed"]]
    if not any(dependencies.values()):
        lines.append("  (none)")
    lines += ["", SECTIONS["settings"]]
    lines += [
        f"  {change['setting']}: {setting_text(change)}" for change in report["settings"]
    ] or ["  (none)"]
    lines += ["", SECTIONS["api"]]
    for name, label in (("endpoints", "endpoints"), ("auth_schemes", "auth schemes")):
        found = report["api"][name]
        lines += [f"  + {label[:-1]} {item}" for item in found["added"]]
        lines += [f"  - {label[:-1]} {item}" for item in found["removed"]]
    if not any(
        report["api"][name][kind] for name in report["api"] for kind in ("added", "removed")
    ):
        lines.append("  (none)")
    lines += ["", SECTIONS["migrations"]]
    lines += [f"  + {path}" for path in report["migrations"]["added"]]
    lines += [f"  - {path}" for path in report["migrations"]["removed"]]
    if not any(report["migrations"].values()):
        lines.append("  (none)")
    lines += ["", f"Patch from A to B: {report['patch_lines']} lines"]
    return "\n".join(lines) + "\n"


def markdown_cell(value):
    return str(value).replace("|", "\\|")


def markdown_table(header, rows):
    lines = [f"| {' | '.join(header)} |", f"|{'---|' * len(header)}"]
    lines += [f"| {' | '.join(markdown_cell(cell) for cell in row)} |" for row in rows]
    return lines


def markdown(report):
    lines = [
        f"# {report['a']['label']} → {report['b']['label']}",
        "",
        f"## {SECTIONS['options']}",
        "",
    ]
    lines += markdown_table(
        ["option", "A", "B"],
        [[f"`{c['option']}`", shown(c["a"]), shown(c["b"])] for c in report["options"]],
    )
    lines += ["", f"## {SECTIONS['files']}", "", summary_line(report["files"]), ""]
    lines += markdown_table(
        ["app", "", "file", "lines"],
        [
            [app, sign, f"`{path}`", amount]
            for app, sign, path, amount in file_lines(report["files"])
        ],
    )
    dependencies = report["dependencies"]
    lines += ["", f"## {SECTIONS['dependencies']}", ""]
    lines += markdown_table(
        ["", "dependency"],
        [["+", f"`{name}`"] for name in dependencies["added"]]
        + [["-", f"`{name}`"] for name in dependencies["removed"]]
        + [["~", f"`{item['a']}` → `{item['b']}`"] for item in dependencies["changed"]],
    )
    lines += ["", f"## {SECTIONS['settings']}", ""]
    lines += markdown_table(
        ["setting", "change"],
        [[f"`{change['setting']}`", setting_text(change)] for change in report["settings"]],
    )
    lines += ["", f"## {SECTIONS['api']}", ""]
    rows = []
    for name in ("endpoints", "auth_schemes"):
        rows += [
            ["+", name.replace("_", " ")[:-1], f"`{item}`"] for item in report["api"][name]["added"]
        ]
        rows += [
            ["-", name.replace("_", " ")[:-1], f"`{item}`"]
            for item in report["api"][name]["removed"]
        ]
    lines += markdown_table(["", "kind", "what"], rows)
    lines += ["", f"## {SECTIONS['migrations']}", ""]
    lines += markdown_table(
        ["", "migration"],
        [["+", f"`{path}`"] for path in report["migrations"]["added"]]
        + [["-", f"`{path}`"] for path in report["migrations"]["removed"]],
    )
    lines += ["", f"The patch from A to B has {report['patch_lines']} lines."]
    return "\n".join(lines) + "\n"


def as_json(report):
    return json.dumps(report, indent=2, sort_keys=True) + "\n"


STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1b1b1b; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { border: 1px solid #ccc; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
code, table.diff { font-family: ui-monospace, monospace; font-size: 0.85rem; }
table.diff td { border: none; white-space: pre-wrap; }
.diff_add { background: #e6ffec; } .diff_chg { background: #fff5b1; } .diff_sub { background: #ffebe9; }
.diff_header { color: #777; text-align: right; } .diff_next { display: none; }
details { margin: 0.3rem 0; } summary { cursor: pointer; font-family: ui-monospace, monospace; }
"""


def html_table(header, rows):
    head = "".join(f"<th>{html.escape(cell)}</th>" for cell in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def side_by_side(path, old, new):
    """A two-column diff of one file (``None``: absent on that side)."""

    def lines(content):
        if content is None:
            return []
        try:
            return content.decode("utf-8").splitlines()
        except UnicodeDecodeError:
            return ["(binary file)"]

    table = difflib.HtmlDiff(tabsize=4).make_table(
        lines(old), lines(new), "A", "B", context=old is not None and new is not None, numlines=3
    )
    return f'<details class="file"><summary>{html.escape(path)}</summary>{table}</details>'


def page(report, files_a, files_b):
    """One HTML page holding everything, styles included: no script, no external resource."""
    title = f"{report['a']['label']} → {report['b']['label']}"
    dependencies = report["dependencies"]
    api_rows = [
        [sign, name.replace("_", " ")[:-1], item]
        for name in ("endpoints", "auth_schemes")
        for sign, kind in (("+", "added"), ("-", "removed"))
        for item in report["api"][name][kind]
    ]
    sections = [
        (
            "options",
            html_table(
                ["option", "A", "B"],
                [[c["option"], shown(c["a"]), shown(c["b"])] for c in report["options"]],
            ),
        ),
        (
            "files",
            f"<p>{summary_line(report['files'])}</p>"
            + html_table(["app", "", "file", "lines"], file_lines(report["files"])),
        ),
        (
            "dependencies",
            html_table(
                ["", "dependency"],
                [["+", name] for name in dependencies["added"]]
                + [["-", name] for name in dependencies["removed"]]
                + [["~", f"{item['a']} → {item['b']}"] for item in dependencies["changed"]],
            ),
        ),
        (
            "settings",
            html_table(
                ["setting", "change"],
                [[change["setting"], setting_text(change)] for change in report["settings"]],
            ),
        ),
        ("api", html_table(["", "kind", "what"], api_rows)),
        (
            "migrations",
            html_table(
                ["", "migration"],
                [["+", path] for path in report["migrations"]["added"]]
                + [["-", path] for path in report["migrations"]["removed"]],
            ),
        ),
    ]
    diffs = [
        side_by_side(path, files_a.get(path), files_b.get(path))
        for path in sorted(
            {entry["path"] for entries in report["files"].values() for entry in entries}
        )
    ]
    body = "".join(
        f'<section id="{name}"><h2>{html.escape(SECTIONS[name])}</h2>{content}</section>'
        for name, content in sections
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{STYLE}</style></head><body><h1>{html.escape(title)}</h1>{body}"
        f'<section id="diff"><h2>Side by side</h2>{"".join(diffs)}</section></body></html>\n'
    )
