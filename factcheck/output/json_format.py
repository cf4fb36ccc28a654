"""JSON: the versioned `factcheck-report` format (docs/json-format.md)."""
from __future__ import annotations

import json


def render(records: dict, color: bool = False) -> str:
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"
