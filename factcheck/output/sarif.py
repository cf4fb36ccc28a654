"""SARIF 2.1.0: findings for code-scanning tools (GitHub code scanning, IDE viewers).

One run. Each rule is a reportingDescriptor; each finding a result located at its
first statement (for a draft finding, the draft's own), with the other statements
as related locations, the finding id as partial fingerprint and a suppression when
an inline directive or a baseline silences it. Paths are relative URIs under
`%SRCROOT%`, the folder factcheck ran in, or, for a file outside it, under a base of
its own folder (ROOT1, …): never '..' out of a base, never a machine's absolute path.
Columns count Unicode code points.
See docs/formats.md for the full mapping.
"""
from __future__ import annotations

import json
import os
from pathlib import Path, PurePath
from urllib.parse import quote as percent_encode

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SUPPRESSION_KINDS = {"inline": "inSource", "baseline": "external"}
MIME_TYPES = {
    "text": "text/plain", "markdown": "text/markdown", "html": "text/html",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def render(records: dict, color: bool = False) -> str:
    return json.dumps(sarif_log(records), indent=2, ensure_ascii=False) + "\n"


def sarif_log(records: dict, root: Path | None = None) -> dict:
    """The SARIF log as a dict; absolute paths are made relative to `root` (default: cwd)."""
    root = Path.cwd() if root is None else root
    descriptors = _descriptors(records)
    rule_index = {d["id"]: i for i, d in enumerate(descriptors)}
    documents = records["sources"] + records.get("drafts", [])
    statement_paths = [st["path"] for f in records["findings"] for st in f["statements"]]
    bases = Bases(root, [s["path"] for s in documents] + statement_paths)
    artifacts = [_artifact(s, bases) for s in documents]
    artifact_index = {s["path"]: i for i, s in enumerate(documents)}
    locate = lambda statement: _physical_location(statement, bases, artifact_index)  # noqa: E731
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "factcheck", "version": records["tool"]["version"], "rules": descriptors}},
            "originalUriBaseIds": bases.described(),
            "columnKind": "unicodeCodePoints",
            "artifacts": artifacts,
            "invocations": [_invocation(records)],
            "results": [_result(f, rule_index, locate) for f in records["findings"]],
        }],
    }


def _descriptors(records: dict) -> list[dict]:
    """One reportingDescriptor per rule, plus any rule a finding names that the rules lack."""
    descriptors = [_descriptor(r) for r in records["rules"]]
    known = {d["id"] for d in descriptors}
    for finding in records["findings"]:
        if finding["rule"] not in known:
            known.add(finding["rule"])
            descriptors.append(_descriptor({"id": finding["rule"], "question": finding["question"],
                                            "severity": finding["severity"]}))
    return descriptors


def _descriptor(rule: dict) -> dict:
    question = rule.get("question") or rule["id"]
    details = [question]
    if rule.get("kind"):
        details.append(f"Value kind: {rule['kind']}.")
    expected = rule.get("expected")
    if expected:
        details.append(f"Expected: {expected['text']}.")
        if expected.get("reference"):
            details.append(f"Reference: {expected['reference'].rstrip('.')}.")
    if rule.get("path"):
        details.append(f"Rule defined in {rule['path']}:{rule.get('line') or 1}.")
    properties = {"tags": ["factcheck"] + ([rule["kind"]] if rule.get("kind") else [])}
    if rule.get("kind"):
        properties["kind"] = rule["kind"]
    if expected:
        properties["expected"] = expected["text"]
    return {
        "id": rule["id"],
        "shortDescription": {"text": question},
        "fullDescription": {"text": " ".join(details)},
        "defaultConfiguration": {"level": LEVELS[rule["severity"]]},
        "properties": properties,
    }


def _result(finding: dict, rule_index: dict[str, int], locate) -> dict:
    statements = finding["statements"]
    result = {
        "ruleId": finding["rule"],
        "ruleIndex": rule_index[finding["rule"]],
        "level": LEVELS[finding["severity"]],
        "message": {"text": finding["message"]},
        "locations": [{"physicalLocation": locate(statements[0])}] if statements else [],
        "partialFingerprints": {"factcheck/v1": finding["id"]},
        "properties": {"type": finding["type"], "sources": list(finding["sources"])},
    }
    related = [
        {"id": number, "physicalLocation": locate(s), "message": {"text": _said(s)}}
        for number, s in enumerate(statements[1:], start=1)
    ]
    if related:
        result["relatedLocations"] = related
    if finding.get("suppressed"):
        result["suppressions"] = [_suppression(finding["suppressed"])]
    return result


def _said(statement: dict) -> str:
    value = f" ({statement['value_shown']})" if statement.get("value_shown") else ""
    return f"{statement['source']}{value}: \"{statement['quote']}\""


def _suppression(suppressed: dict) -> dict:
    suppression = {"kind": SUPPRESSION_KINDS.get(suppressed.get("by"), "external"), "status": "accepted"}
    if suppressed.get("reason"):
        suppression["justification"] = suppressed["reason"]
    return suppression


def _physical_location(statement: dict, bases: Bases, artifact_index: dict[str, int]) -> dict:
    location = {"artifactLocation": _artifact_location(statement["path"], bases, artifact_index.get(statement["path"]))}
    region = {"startLine": statement["line"], "startColumn": statement["column"]}
    if statement.get("end_line"):  # exact, from the file's own positions
        region["endLine"], region["endColumn"] = statement["end_line"], statement["end_column"]
    elif (end := _end_column(statement)) is not None:
        region["endColumn"] = end
    region["snippet"] = {"text": statement["quote"]}
    location["region"] = region
    return location


def _end_column(statement: dict) -> int | None:
    """Just past the value, when the value's words sit on one line of the file.

    Exact for text copied verbatim from the file; markup removed inside the value
    (Markdown emphasis, an HTML entity) would shift it.
    """
    span = statement.get("span")
    if not span:
        return None
    words = statement["quote"][span["start"]:span["end"]]
    if not words or "\n" in words or "\r" in words:
        return None
    return statement["column"] + len(words)


def _artifact(source: dict, bases: Bases) -> dict:
    artifact = {"location": _artifact_location(source["path"], bases), "roles": ["analysisTarget"]}
    if source.get("title"):
        artifact["description"] = {"text": source["title"]}
    if MIME_TYPES.get(source.get("format")):
        artifact["mimeType"] = MIME_TYPES[source["format"]]
    if source.get("sha256"):
        artifact["hashes"] = {"sha-256": source["sha256"]}
    artifact["properties"] = {k: source[k] for k in ("id", "role", "publisher", "date") if source.get(k)}
    return artifact


def _artifact_location(path: str, bases: Bases, index: int | None = None) -> dict:
    location = bases.uri(path)
    if index is not None:
        location["index"] = index
    return location


class Bases:
    """The uriBaseIds of a log: %SRCROOT% (the folder factcheck ran in) and, for files outside
    it, one per folder holding them (ROOT1, ROOT2, … in path order), so no URI climbs out of
    its base with '..' and no machine's absolute path is written into the log."""

    def __init__(self, root: Path, paths=()) -> None:
        self.root = root.resolve()
        outside = sorted({str(folder) for folder in map(self._outside_folder, paths) if folder is not None})
        self.ids = {folder: f"ROOT{n}" for n, folder in enumerate(outside, start=1)}

    def _absolute(self, path: str) -> Path:
        pure = PurePath(path.replace("\\", "/"))
        return Path(os.path.normpath(pure if pure.is_absolute() else self.root / pure))

    def _outside_folder(self, path: str) -> Path | None:
        absolute = self._absolute(path)
        return None if absolute.is_relative_to(self.root) else absolute.parent

    def uri(self, path: str) -> dict:
        absolute = self._absolute(path)
        if absolute.is_relative_to(self.root):
            base, relative = SRCROOT, absolute.relative_to(self.root)
        else:
            folder = str(absolute.parent)
            base = self.ids.setdefault(folder, f"ROOT{len(self.ids) + 1}")
            relative = PurePath(absolute.name)
        return {"uri": percent_encode(relative.as_posix(), safe="/"), "uriBaseId": base}

    def described(self) -> dict:
        bases = {SRCROOT: {"description": {"text": "The folder factcheck was run in."}}}
        for folder, base in sorted(self.ids.items(), key=lambda item: int(item[1][4:])):
            bases[base] = {"description": {"text": f"A folder outside the one factcheck was run in, named "
                                                   f"'{PurePath(folder).name}'."}}
        return bases


def artifact_uri(path: str, root: Path, bases: Bases | None = None) -> dict:
    """`{"uri", "uriBaseId"}` for a path: relative to %SRCROOT% under root, else to its own
    folder's base (see Bases)."""
    return (bases or Bases(root, [path])).uri(path)


def _invocation(records: dict) -> dict:
    notifications = [{"level": "error", "message": {"text": str(p)}} for p in records["problems"]]
    notifications += [{"level": "warning", "message": {"text": str(w)}} for w in records.get("warnings", [])]
    invocation = {"executionSuccessful": not records["problems"]}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return invocation
