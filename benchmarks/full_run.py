"""Sum up a full run's JSON lines (``pytest --full --full-summary``) as markdown.

    python3 -m benchmarks.full_run shard-*.jsonl

Needs nothing beyond Python: the CI job that gathers the shards installs nothing.
"""

import json
import sys
from pathlib import Path


def summarise(paths):
    suites = [
        json.loads(line)
        for path in paths
        for line in Path(path).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    failed = sorted(suite["combination"] for suite in suites if suite["outcome"] != "passed")
    cpu = sum(suite["cpu_seconds"] for suite in suites)
    slowest = sorted(suites, key=lambda suite: -suite["seconds"])[:5]
    lines = [
        "## Full run",
        "",
        f"{len(suites)} generated suites, {len(suites) - len(failed)} passed, "
        f"{len(failed)} failed; {cpu / 3600:.2f} h of CPU in suites.",
        "",
    ]
    if failed:
        lines += ["### Failed", "", *(f"- `{name}`" for name in failed), ""]
    lines += ["### Slowest suites", "", "| combination | seconds |", "|---|---|"]
    lines += [f"| `{suite['combination']}` | {suite['seconds']:.0f} |" for suite in slowest]
    return "\n".join(lines), not failed


def main(argv=None):
    paths = sys.argv[1:] if argv is None else argv
    if not paths:
        print("usage: python3 -m benchmarks.full_run SUMMARY.jsonl ...", file=sys.stderr)
        return 2
    text, passed = summarise(paths)
    print(text)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
