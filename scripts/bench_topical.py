#!/usr/bin/env python3
"""Time extraction on topical text against a one-pass regex, in one process (printed, never asserted).

The corpus is `topical_corpus.py`'s: documents made of real articles' paragraphs, numbers
varied; the rules every corpus's, interleaved, so the 25 are the first 25 of the 100.
Per round, in the same process and on the same documents: the floor (one compiled
regex finding every number), extraction with 25 rules, extraction with 100 rules. The
best of `--repeat` rounds is printed, with the ratios the scale issue sets targets for.
`--profile` adds where the 25-rule extraction spends its time.

    python scripts/bench_topical.py [--docs 500] [--repeat 3] [--profile]
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import topical_corpus  # noqa: E402

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def corpus(docs: int, seed: int) -> tuple[Path, Path, Path]:
    out = Path(tempfile.mkdtemp(prefix="factcheck-topical-"))
    topical_corpus.build(out / "100", docs, 100, seed)
    (out / "25" / "rules").mkdir(parents=True)
    files = [f for _, _, f in topical_corpus.topics() if f]
    import yaml
    (out / "25" / "rules" / "topical.yaml").write_text(
        yaml.safe_dump({"rules": topical_corpus.rules(files, 25)}, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return out / "100" / "sources", out / "25" / "rules", out / "100" / "rules"


def best(function, repeat: int) -> tuple[float, object]:
    seconds, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        seconds = min(seconds, time.perf_counter() - start)
    return seconds, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="also print where the 25-rule extraction spends its time")
    args = parser.parse_args()

    from factcheck.extract import extract
    from factcheck.rules import load_rules
    from factcheck.sources import load_sources

    sources, rules25_path, rules100_path = corpus(args.docs, args.seed)
    documents = load_sources([sources]).documents
    rules25, rules100 = load_rules([rules25_path]), load_rules([rules100_path])
    text = "\n".join(d.text for d in documents)
    megabytes = len(text.encode("utf-8")) / 1e6
    extract(documents[:20], rules100)  # the process's first words and patterns, out of every timing

    floor = twenty_five = hundred = float("inf")
    mentions25 = mentions100 = ()
    for _ in range(args.repeat):
        floor = min(floor, best(lambda: sum(1 for _ in NUMBER.finditer(text)), 3)[0])
        seconds, mentions25 = best(lambda: extract(documents, rules25), 1)
        twenty_five = min(twenty_five, seconds)
        seconds, mentions100 = best(lambda: extract(documents, rules100), 1)
        hundred = min(hundred, seconds)

    print(f"topical corpus: {len(documents)} documents, {megabytes:.2f} MB "
          f"({megabytes * 1e3 / len(documents):.1f} KB each); best of {args.repeat} rounds, one core")
    print(f"  floor (one regex, every number)  {floor * 1e3:9.1f} ms  {megabytes / floor:8.1f} MB/s")
    print(f"  extraction, 25 rules             {twenty_five * 1e3:9.1f} ms  {megabytes / twenty_five:8.2f} MB/s  "
          f"{len(mentions25)} mentions")
    print(f"  extraction, 100 rules            {hundred * 1e3:9.1f} ms  {megabytes / hundred:8.2f} MB/s  "
          f"{len(mentions100)} mentions")
    print(f"  25 rules / floor: 1/{twenty_five / floor:.0f} (target 1/10); "
          f"100 rules / 25 rules: {hundred / twenty_five:.2f}x (target <= 2)")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(extract, documents, rules25)
        stream = io.StringIO()
        pstats.Stats(profiler, stream=stream).sort_stats("cumulative").print_stats(35)
        print(stream.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
