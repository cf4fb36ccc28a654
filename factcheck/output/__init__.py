"""Output formats: each renders the plain records of a report (factcheck.records).

Registry: `get(name)` returns a render function `(records, color=False) -> str`;
unknown names fail with the list of known ones. The workbook is written by
`factcheck.output.workbook`, imported only when a workbook is asked for.
"""
from __future__ import annotations

from collections.abc import Callable

from ..errors import ConfigError
from . import json_format, text

FORMATS: dict[str, Callable[..., str]] = {
    "text": text.render,
    "json": json_format.render,
}


def get(name: str) -> Callable[..., str]:
    try:
        return FORMATS[name]
    except KeyError:
        raise ConfigError(f"unknown output format '{name}' (known: {', '.join(FORMATS)})") from None
