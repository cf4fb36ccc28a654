"""Time reading 1 MB of the inputs that once took quadratic time (issue 17), and ordinary text.

Each input is read as a source is (decode, the format's reader, sentence splitting) at
100 KB and 1 MB; the ratio of the two is what tests/test_linear.py bounds (at most 15x for
10x the input), the 1 MB time is the absolute figure (goal: under 2 s).

    python scripts/bench_inputs.py [--size BYTES]
"""
from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck import readers  # noqa: E402
from factcheck.model import Document, Source  # noqa: E402
from factcheck.segment import split_sentences  # noqa: E402

LINE = "The Tallis Bridge opened in 1884 and was widened in 1931, the council says.\n"
INPUTS = {  # name: (format, a line before the run, the unit repeated)
    "text": ("text", "", LINE),
    "full stops": ("text", LINE, "."),
    "?!": ("text", LINE, "?!"),
    "'. A' runs": ("text", LINE, ". A"),
    "html page": ("html", "<!doctype html><title>T</title>", f"<p>{LINE}</p>\n"),
    "html unclosed <a ": ("html", "<p>" + LINE, "<a "),
    "html <": ("html", "<p>" + LINE, "<"),
    "html no </head>": ("html", "<html><head><title>T</title><body>", f"<p>{LINE}</p>\n"),
    "markdown page": ("markdown", "# Title\n\n", f"- {LINE}"),
    "markdown ](": ("markdown", LINE, "]("),
    "markdown ![": ("markdown", LINE, "!["),
    "markdown [": ("markdown", LINE, "["),
    "markdown `": ("markdown", LINE, "`"),
}


def make(name: str, size: int) -> tuple[str, str]:
    fmt, head, unit = INPUTS[name]
    return fmt, head + unit * max(1, (size - len(head)) // len(unit))


def read_time(fmt: str, content: str) -> float:
    """Seconds to read `content` as a source is read: its reader, then its sentences, with the
    cyclic garbage collector paused as the engines pause it (extract.paused_gc)."""
    gc.collect()
    gc.disable()
    try:
        started = time.perf_counter()
        readable = readers.get(fmt)(content)
        document = Document(Source("bench", "bench"), readable.text, None, readable.anchors)
        split_sentences(readable.text, document.locate)
        return time.perf_counter() - started
    finally:
        gc.enable()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="the larger size, in bytes (default 1 MB)")
    args = parser.parse_args()
    small = args.size // 10
    print(f"{'input':20} {'format':9} {small // 1000:>6} KB {args.size // 1000:>6} KB  ratio")
    for name in INPUTS:
        fmt, little = make(name, small)
        _, big = make(name, args.size)
        a, b = read_time(fmt, little), read_time(fmt, big)
        print(f"{name:20} {fmt:9} {a:8.3f} s {b:8.3f} s  {b / max(a, 1e-6):5.1f}x", flush=True)


if __name__ == "__main__":
    main()
