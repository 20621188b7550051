"""Compare two configurations of the template, and move a generated project between them.

    python -m compare A B [--patch FILE] [--format text|markdown|json|html] [--output FILE]
    python -m compare apply PROJECT_DIR key=value [key=value ...]

See ``docs/compare.md``.
"""
