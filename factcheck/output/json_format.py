"""JSON: the versioned `factcheck-report` format (docs/json-format.md).

One line, not indented: the standard library encodes without indentation in C, about
ten times faster on large reports (pipe through `python -m json.tool` or `jq` to read).
"""
from __future__ import annotations

import json


def render(records: dict, color: bool = False) -> str:
    return json.dumps(records, ensure_ascii=False) + "\n"
