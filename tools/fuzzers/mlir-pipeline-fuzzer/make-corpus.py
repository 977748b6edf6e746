#!/usr/bin/env python3
"""Writes the seed corpus of mlir-pipeline-fuzzer from the test suite.

  tools/fuzzers/mlir-pipeline-fuzzer/make-corpus.py

Every model of test/ and examples/ at the level s2s-compile takes (s2s ops
and tensors, no memref/vector/llvm IR), split at `// -----` and stripped of
comment lines, becomes tools/fuzzers/corpus/mlir/<path>-<n>.mlir. Chunks a
verifier test expects to fail are kept: mutations may make them valid.
The generation examples (SKIP: whole models whose every run takes tens of
seconds in the sanitized build) are left out: their ops are in the smaller
tests. Seeds named regression-*.mlir (inputs that once failed) are kept.
"""

import hashlib
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[3]
OUT = ROOT / "tools" / "fuzzers" / "corpus" / "mlir"
# Text that marks IR below the model level.
LOWER_LEVEL = re.compile(r"memref<|\bvector<|\bllvm\.|!llvm|\bomp\.|\bgpu\.|"
                         r"bufferization\.|\bmemref\.")
SKIP = {"examples/dates/dates.mlir",
        "examples/transformer_decoder/transformer.mlir"}


def chunks(path):
    text = path.read_text()
    for chunk in re.split(r"^// -----.*$", text, flags=re.M):
        lines = [line for line in chunk.splitlines()
                 if not line.lstrip().startswith("//")]
        body = "\n".join(lines).strip()
        if "func.func" in body and "s2s." in body and not LOWER_LEVEL.search(body):
            yield body + "\n"


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.mlir"):
        if not old.name.startswith("regression-"):
            old.unlink()
    seen = set()
    count = 0
    for top in ("test", "examples"):
        for path in sorted((ROOT / top).rglob("*.mlir")):
            if str(path.relative_to(ROOT)) in SKIP:
                continue
            for i, chunk in enumerate(chunks(path)):
                digest = hashlib.sha1(chunk.encode()).hexdigest()
                if digest in seen:
                    continue
                seen.add(digest)
                name = str(path.relative_to(ROOT).with_suffix(""))
                name = re.sub(r"[^A-Za-z0-9_.-]", "_", name)
                (OUT / f"{name}-{i}.mlir").write_text(chunk)
                count += 1
    print(f"wrote {count} seeds to {OUT.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
