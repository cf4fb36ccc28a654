"""Load and validate rule files (YAML), naming file, line, rule and key on error.

A rule file holds `rules:`, a list of rules (see docs/rules.md). Validation is
strict: an unknown key is an error with a "did you mean" suggestion, because a
misspelt `tolerence` silently ignored would change results without a word.
"""
from __future__ import annotations

import difflib
import math
import re
from pathlib import Path

from . import kinds
from .errors import RuleFileError, RuleFileErrors
from .model import Expected, Rule, Severity

RULE_KEYS = {
    "id", "question", "subject", "cues", "context", "kind", "tolerance", "severity",
    "expected", "unit", "cue_threshold", "subject_window", "max_distance", "description", "limit", "values",
    "examples",
}
REQUIRED = ("id", "question", "subject", "kind")
LIMITS = ("lower", "upper")
RULE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
CONTEXT_KEYS = {"require", "exclude"}
EXPECTED_KEYS = {"value", "reference"}
SUBJECT_KEYS = {"term", "aliases"}
TEXT_KEYS = ("question", "description", "kind")


def load_rules(paths: list[str | Path]) -> tuple[Rule, ...]:
    """Every rule in the files or folders `paths`; raises RuleFileErrors naming every mistake."""
    rules: list[Rule] = []
    files, problems = _rule_files(paths)
    for path in files:
        try:
            rules.extend(load_rule_file(path))
        except RuleFileError as error:
            problems.extend(_each(error))
    problems.extend(_duplicates(rules))
    if problems:
        raise RuleFileErrors(problems)
    return tuple(rules)


def _each(error: RuleFileError) -> list[RuleFileError]:
    return list(getattr(error, "errors", [error]))


def rule_files(paths: list[str | Path]) -> list[Path]:
    """The rule files under `paths` (files, or folders walked for *.yaml and *.yml); raises
    RuleFileErrors naming every path that cannot be read."""
    files, problems = _rule_files(paths)
    if problems:
        raise RuleFileErrors(problems)
    return files


def _rule_files(paths: list[str | Path]) -> tuple[list[Path], list[RuleFileError]]:
    from .walk import entry_kind, walk

    files: list[Path] = []
    problems: list[RuleFileError] = []
    for path in map(Path, paths):
        kind, why = entry_kind(str(path))
        if kind == "folder":
            found = walk(str(path), lambda name: name.endswith((".yaml", ".yml")), hidden=True)
            files.extend(Path(p) for _, p in found.files)
            problems.extend(RuleFileError(why, path=p) for p, why in found.unreadable)
        elif kind == "file":
            files.append(path)
        else:
            problems.append(RuleFileError("no such rule file or folder" if why == "no such file or folder" else why,
                                          path=str(path)))
    if not files and not problems:
        problems.append(RuleFileError("no rule files (*.yaml) found", path=", ".join(map(str, paths))))
    return files, problems


def load_rule_file(path: str | Path) -> list[Rule]:
    from . import yamlfile

    path = str(path)
    root = yamlfile.compose(path, RuleFileError)
    if root is None:
        raise RuleFileError("is empty: expected 'rules:' with a list of rules", path=path)
    entries = _rules_node(root, path)
    if not entries:
        raise RuleFileError("holds no rules: 'rules:' is an empty list", path=path)
    rules, problems = [], []
    for node in entries:
        try:
            rules.append(_rule(node, path))
        except RuleFileError as error:
            problems.extend(_each(error))
    if problems:
        raise RuleFileErrors(problems)
    return rules


def _rules_node(root, path: str) -> list:
    import yaml

    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if key.value == "rules" and isinstance(value, yaml.SequenceNode):
                others = [k for k, _ in root.value if k.value != "rules"]
                if others:
                    _fail(path, others[0], None, f"unknown top-level key '{others[0].value}' (only 'rules')")
                return value.value
    if isinstance(root, yaml.SequenceNode):
        return root.value
    _fail(path, root, None, "expected 'rules:' followed by a list of rules")


def _rule(node, path: str) -> Rule:
    """One rule; every mistake in it is collected (RuleFileErrors), not just the first."""
    import yaml

    if not isinstance(node, yaml.MappingNode):
        _fail(path, node, None, "each rule must be a mapping with keys id, question, subject, kind (and cues, context, …)")
    data = _plain(node, path)
    keys = {k.value: (k, v) for k, v in node.value}
    rule_id = str(data.get("id", "?"))
    problems: list[RuleFileError] = []

    def attempt(parse, *args, default=None):
        try:
            return parse(*args)
        except RuleFileError as error:
            problems.extend(_each(error))
            return default

    def where(key: str):
        return keys[key][1] if key in keys else node

    seen = set()
    for key_node, _ in node.value:
        if key_node.value in seen:
            attempt(_fail, path, key_node, rule_id, f"key '{key_node.value}' given twice")
        seen.add(key_node.value)
    if not RULE_ID.fullmatch(rule_id):
        attempt(_fail, path, keys.get("id", (node,))[0], rule_id,
                "key 'id' must start with a letter or digit and hold only letters, digits, '-', '_' and '.'")
    for key, (key_node, _) in keys.items():
        if key not in RULE_KEYS:
            attempt(_fail, path, key_node, rule_id, f"unknown key '{key}'{_suggest(key, RULE_KEYS)}")
    for key in REQUIRED:
        if key not in data or data[key] in (None, "", []):
            attempt(_fail, path, node, rule_id, f"missing required key '{key}'")
    for key in TEXT_KEYS:
        if data.get(key) is not None and not isinstance(data[key], str):
            attempt(_fail, path, where(key), rule_id, f"key '{key}' must be text, not {_shape(data[key])}")

    kind = None
    if data.get("kind") not in (None, "", []):
        try:
            kind = kinds.get(str(data["kind"]))
        except kinds.UnknownKindError as exc:
            attempt(_fail, path, where("kind"), rule_id, f"key 'kind': {exc}")
    context = attempt(_mapping, data.get("context") or {}, CONTEXT_KEYS, "context", path, where("context"), rule_id,
                      default={})
    fields = dict(
        subject=attempt(_terms, data.get("subject") or [], path, where("subject"), rule_id, default=()),
        cues=attempt(_phrases, data["cues"], "cues", path, where("cues"), rule_id, default=())
        if data.get("cues") not in (None, "", []) else (),
        require=attempt(_phrases, context.get("require", []), "context.require", path, where("context"), rule_id,
                        default=()),
        exclude=attempt(_phrases, context.get("exclude", []), "context.exclude", path, where("context"), rule_id,
                        default=()),
        severity=attempt(_severity, data.get("severity", "warning"), path, where("severity"), rule_id),
        cue_threshold=attempt(_number, data.get("cue_threshold", 85), 50, 100, "cue_threshold", path,
                              where("cue_threshold"), rule_id),
        subject_window=attempt(_integer, data.get("subject_window", 3), 0, 20, "subject_window", path,
                               where("subject_window"), rule_id),
        max_distance=attempt(_integer, data.get("max_distance", 10), 0, 100, "max_distance", path,
                             where("max_distance"), rule_id),
        limit=attempt(_limit, data.get("limit"), path, where("limit"), rule_id),
    )
    if "examples" in keys:
        fields["examples"] = attempt(_examples, kind, keys["examples"][1], path, rule_id, default=())
    if kind is not None:  # the keys read through the kind can only be checked once it is known
        values = attempt(_values, kind, data.get("values"), path, where("values"), rule_id, default=())
        fields.update(
            values=values,
            tolerance=0.0 if _relative(kind, data.get("tolerance")) is not None else
            attempt(_tolerance, kind, data.get("tolerance", 0), path, where("tolerance"), rule_id),
            relative_tolerance=attempt(_relative_tolerance, kind, data.get("tolerance"), path, where("tolerance"),
                                       rule_id, default=0.0),
            expected=attempt(_expected, kind, data.get("expected"), path, where("expected"), rule_id, values),
            unit=attempt(_unit, kind, data.get("unit"), path, where("unit"), rule_id),
        )
    if problems:
        raise RuleFileErrors(problems)
    return Rule(
        id=rule_id,
        question=str(data["question"]),
        kind=kind.NAME,
        tolerance_text=str(data.get("tolerance", 0)),
        path=path,
        line=node.start_mark.line + 1,
        description=str(data.get("description") or ""),
        **fields,
    )


def _values(kind, value, path, node, rule_id) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A category rule's declared values: names, or {name, aliases}; none for another kind."""
    if kind.NAME != "category":
        if value is not None:
            _fail(path, node, rule_id, f"key 'values' is for kind 'category' only, not '{kind.NAME}'")
        return ()
    if not isinstance(value, list) or not value:
        _fail(path, node, rule_id, "kind 'category' needs 'values': a list of the names the fact can take "
                                   "(a name, or {name: …, aliases: […]})")
    for item in value:
        if isinstance(item, dict):
            _mapping(item, {"name", "aliases"}, "values", path, node, rule_id)
            if not str(item.get("name") or "").strip():
                _fail(path, node, rule_id, "key 'values': an entry needs a 'name'")
        elif not isinstance(item, str) or not item.strip():
            _fail(path, node, rule_id, f"key 'values': {item!r} is not a name")
    return tuple((name, aliases) for name, aliases in kinds.get("category").names_of(value))


def _examples(kind, node, path, rule_id) -> tuple[tuple[str, str | None, int], ...]:
    """`examples:` — each {text: a sentence, value: what it states, or none}."""
    import yaml

    if not isinstance(node, yaml.SequenceNode) or not node.value:
        _fail(path, node, rule_id, "key 'examples' must be a list of {text: …, value: …} (value: none for a "
                                   "sentence that must not be read as the fact)")
    found = []
    for item in node.value:
        data = _plain(item, path)
        if not isinstance(data, dict) or not str(data.get("text") or "").strip() or "value" not in data:
            _fail(path, item, rule_id, "an example needs 'text' (a sentence) and 'value' (what it states, or none)")
        _mapping(data, {"text", "value"}, "examples", path, item, rule_id)
        value = data["value"]
        if value is None or str(value).strip().lower() == "none":
            value = None
        elif kind is not None and kind.NAME != "category" and kind.parse(str(value)) is None:
            _fail(path, item, rule_id, f"example value '{value}' is not a {kind.NAME} value")
        found.append((str(data["text"]).strip(), None if value is None else str(value), item.start_mark.line + 1))
    return tuple(found)


def _limit(value, path, node, rule_id) -> str | None:
    if value is None:
        return None
    if value not in LIMITS:
        _fail(path, node, rule_id, f"key 'limit': '{value}' is not one of {list(LIMITS)} (the lower or the upper end "
                                   "a statement gives)")
    return str(value)


def _plain(node, path: str):
    from . import yamlfile

    return yamlfile.plain(node, path, RuleFileError)


def _terms(value, path, node, rule_id) -> tuple[str, ...]:
    if isinstance(value, dict):
        value = _mapping(value, SUBJECT_KEYS, "subject", path, node, rule_id)
        aliases = value.get("aliases") or []
        value = [value.get("term")] + ([aliases] if isinstance(aliases, str) else list(aliases))
    return _phrases(value, "subject", path, node, rule_id)


def _phrases(value, key, path, node, rule_id) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) and str(v).strip() for v in value):
        _fail(path, node, rule_id, f"key '{key}' must be a phrase or a list of phrases")
    return tuple(str(v).strip() for v in value)


def _mapping(value, allowed, key, path, node, rule_id) -> dict:
    if not isinstance(value, dict):
        _fail(path, node, rule_id, f"key '{key}' must be a mapping with keys {sorted(allowed)}")
    for name in value:
        if name not in allowed:
            suggestion = _suggest(f"{key}.{name}", {f"{key}.{a}" for a in allowed})
            key_node = next((k for k, _ in getattr(node, "value", ()) if getattr(k, "value", None) == name), node)
            if getattr(node, "flow_style", False) and (" " in str(name) or not suggestion):
                suggestion = (" — inside { … } an unquoted ',' or ': ' ends the text before it; "
                              "quote that text (\"…, …\")")
            _fail(path, key_node, rule_id, f"unknown key '{key}.{name}'{suggestion}")
    return value


RELATIVE_KINDS = ("count", "dose", "duration", "length")  # percent's "5%" is five percentage points
_RELATIVE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*%\s*")


def _relative(kind, value) -> str | None:
    """The number of a relative tolerance ("10%") for a kind that takes one, else None."""
    match = _RELATIVE.fullmatch(value) if isinstance(value, str) and kind is not None else None
    return match.group(1) if match and kind.NAME in RELATIVE_KINDS else None


def _relative_tolerance(kind, value, path, node, rule_id) -> float:
    """'10%' on a count, dose, duration or length: values agree within a tenth of their size."""
    number = _relative(kind, value)
    if number is None:
        return 0.0
    share = float(number) / 100
    if not 0 <= share < 1:
        _fail(path, node, rule_id, f"key 'tolerance': a relative tolerance is under 100%, not {value!r}")
    return share


def _tolerance(kind, value, path, node, rule_id) -> float:
    try:
        tolerance = float(kind.tolerance(value))
    except (ValueError, TypeError, OverflowError) as exc:
        _fail(path, node, rule_id, f"key 'tolerance': {exc}")
    if not math.isfinite(tolerance):
        _fail(path, node, rule_id, f"key 'tolerance': {value!r} is too large to compare")
    return tolerance


def _severity(value, path, node, rule_id) -> Severity:
    try:
        return Severity.parse(str(value))
    except KeyError:
        names = [str(s) for s in Severity]
        _fail(path, node, rule_id, f"key 'severity': '{value}' is not one of {names}{_suggest(str(value), names)}")


def _expected(kind, value, path, node, rule_id, values=()) -> Expected | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        value = {"value": value}
    value = _mapping(value, EXPECTED_KEYS, "expected", path, node, rule_id)
    raw = str(value.get("value", ""))
    parsed = kind.parse(raw, [{"name": n, "aliases": list(a)} for n, a in values]) if kind.NAME == "category" \
        else kind.parse(raw)
    if parsed is None:
        _fail(path, node, rule_id, f"key 'expected.value': '{value.get('value')}' is not a {kind.NAME} value")
    if any(end is not None and not math.isfinite(end) for end in (parsed.low, parsed.high)):
        _fail(path, node, rule_id, f"key 'expected.value': '{value.get('value')}' is too large to compare")
    reference = value.get("reference")
    return Expected(parsed, None if reference is None else str(reference))


def _number(value, low, high, key, path, node, rule_id) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        _fail(path, node, rule_id, f"key '{key}' must be a number from {low} to {high}, not {value!r}")
    return float(value)


def _integer(value, low, high, key, path, node, rule_id) -> int:
    if not isinstance(value, int):
        _fail(path, node, rule_id, f"key '{key}' must be a whole number from {low} to {high}, not {value!r}")
    return int(_number(value, low, high, key, path, node, rule_id))


def _unit(kind, value, path, node, rule_id) -> str | None:
    """The unit must be one the kind reads: '1 <unit>' must parse to a value in it."""
    if value is None:
        return None
    parsed = kind.parse(f"1 {value}")
    if parsed is None or parsed.unit != str(value):
        _fail(path, node, rule_id, f"key 'unit': '{value}' is not a unit of kind '{kind.NAME}' "
                                   f"(e.g. '{kind.UNIT}')")
    return str(value)


def _shape(value) -> str:
    kinds_of = {list: "a list", dict: "a mapping", bool: "true/false", int: "a number", float: "a number"}
    return kinds_of.get(type(value), type(value).__name__) + f" ({str(value)[:40]})"


def _suggest(word: str, choices) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _fail(path: str, node, rule_id: str | None, message: str):
    where = f"rule '{rule_id}': " if rule_id else ""
    raise RuleFileError(where + message, path=path, line=node.start_mark.line + 1,
                        column=node.start_mark.column + 1)


def _duplicates(rules: list[Rule]) -> list[RuleFileError]:
    seen: dict[str, Rule] = {}
    problems = []
    for rule in rules:
        if rule.id in seen:
            first = seen[rule.id]
            problems.append(RuleFileError(f"rule '{rule.id}': id already used at {first.path}:{first.line}",
                                          path=rule.path, line=rule.line))
        else:
            seen[rule.id] = rule
    return problems


def select(rules: tuple[Rule, ...], patterns: tuple[str, ...] | list[str]) -> tuple[Rule, ...]:
    """The rules whose id matches one of the glob `patterns` (all when none); a pattern that
    matches no rule is an error naming the close ids, since a typo would silently check nothing."""
    import fnmatch

    from .errors import ConfigError

    if not patterns:
        return rules
    chosen = set()
    for pattern in patterns:
        matched = {r.id for r in rules if fnmatch.fnmatchcase(r.id, pattern)}
        if not matched:
            close = difflib.get_close_matches(pattern, [r.id for r in rules], n=3)
            hint = f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""
            raise ConfigError(f"--rule '{pattern}' matches no rule{hint}")
        chosen |= matched
    return tuple(r for r in rules if r.id in chosen)
