"""Summarises DialogueOracle's lines: top-1/top-3 per mode, the planner's misses by cause, and a table by question.

usage: summary.py ORACLE.tsv [all|even|odd]   (even/odd: the case's line number in the evaluated file)
"""
import collections
import sys

rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1])]
half = sys.argv[2] if len(sys.argv) > 2 else 'all'
if half != 'all':
    rows = [r for r in rows if (int(r[0]) % 2 == 0) == (half == 'even')]
n = len(rows)


def share(k):
    return f"{100 * k / n:5.1f} % ({k})"


modes = [("text only", 3), ("planner, <= 3 questions", 4), ("(a) all known answers at once", 5),
         ("(b) best single known answer", 6), ("best <= 3 known answers", 8)]
print(f"cases {n} ({half})")
for name, col in modes:
    ranks = [int(r[col]) for r in rows]
    print(f"  {name:32s} top-1 {share(sum(x == 0 for x in ranks))}   top-3 {share(sum(x < 3 for x in ranks))}")

causes = collections.Counter()
for r in rows:
    if int(r[4]) == 0:
        continue
    if r[10] == '{}':
        causes['no answer known'] += 1
    elif min(int(r[5]), int(r[8])) == 0:
        causes['planner asked nothing or the wrong question (known answers would make it first)'] += 1
    else:
        causes['answer known, its weights do not make the label first'] += 1
print("planner's misses (label not first after the dialogue), by cause")
for k, v in causes.most_common():
    print(f"  {v:4d}  {k}")

table = collections.defaultdict(collections.Counter)
for r in rows:
    before = int(r[3])
    asked = dict(x.split('=') for x in r[9].split()) if r[9] else {}
    for q, v in asked.items():
        table[q]['asked'] += 1
        table[q]['answered'] += v != 'unknown'
    for single in (r[13].split() if len(r) > 13 else []):
        qa, rank = single.rsplit(':', 1)
        q, rank = qa.split('=')[0], int(rank)
        t = table[q]
        t['known'] += 1
        t['up'] += rank < before
        t['down'] += rank > before
        t['to first'] += rank == 0 and before != 0
        t['off first'] += before == 0 and rank != 0
        t['known, not asked'] += q not in asked
        t['would make first, not asked'] += q not in asked and rank == 0 and before != 0
cols = ['known', 'asked', 'answered', 'known, not asked', 'up', 'down', 'to first', 'off first',
        'would make first, not asked']
print("by question (known: the case states it; up/down/to first/off first: that answer alone, against text only)")
print(f"  {'question':20s}" + ''.join(f"{c[:12]:>13s}" for c in cols))
for q in sorted(table):
    print(f"  {q:20s}" + ''.join(f"{table[q][c]:13d}" for c in cols))
