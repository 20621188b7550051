"""Tests of the template: its options, hooks, bakes and the projects it generates."""
