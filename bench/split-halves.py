#!/usr/bin/env python3
"""Splits development cases into the design half and the check half (issue 13, docs/accuracy.md).

    python3 bench/split-halves.py DEV.jsonl PREFIX   ->  PREFIX-design.jsonl and PREFIX-check.jsonl

A case goes to the design half when the first byte of SHA-256 of its id is even, to the check half when odd, so the
halves stay the same as cases are added. Mechanisms are designed from the design half's misses only; the check half is
measured by counts, its texts not read: a change that lifts design cases and not check cases fits the cases read.
Build DEV.jsonl from the development files only, never a held-out half that has not been measured yet.
"""
import hashlib
import json
import sys


def main(source, prefix):
    with open(prefix + '-design.jsonl', 'w') as design, open(prefix + '-check.jsonl', 'w') as check:
        for line in open(source):
            if not line.strip():
                continue
            case_id = json.loads(line)['id']
            half = design if hashlib.sha256(case_id.encode()).digest()[0] % 2 == 0 else check
            half.write(line)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
