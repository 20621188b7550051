"""The template repository's shared tooling: what its tests, benchmarks and compare command
all need of the template.

Where the template lives and what it declares (``template``), running commands away from
the caller's environment (``commands``), the services of this machine (``services``), the
option combinations (``combinations``), bulk bakes (``bakery``), the shared environment
generated projects run in (``environments``) and the full run's shards (``shards``).

``tests/``, ``benchmarks/`` and ``compare/`` import this package; it imports none of them
and nothing of pytest, so a benchmark or the compare command runs without the test suite.
The import contracts in ``pyproject.toml`` (``lint-imports``, run by
``tests/test_imports.py``) hold both directions.
"""
