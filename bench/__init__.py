"""The performance benchmark of 回音: `python -m bench [--cases N] [--json FILE]`.

Builds (or reuses) a realistic database at the given scale and measures the operations the
office waits for, each beside its target and, where asked, beside the plain SQL floor.
"""
