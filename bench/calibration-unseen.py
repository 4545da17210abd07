#!/usr/bin/env python3
"""Compares forms of the first cause's stated confidence on cases no rule was tuned on.

Usage: bench/calibration-unseen.py RECORDS.jsonl DEV.jsonl...
  RECORDS: bot/src/test/resources/calibration/first-measurements.jsonl (held-out halves as scored when first measured)
  DEV: the development files, named one by one (never a glob: an unmeasured held-out half may sit beside them).

Runs `./triage batch --no-probes` once over the development cases, then fits each form of
P(first cause is right) = logistic(features) by maximum likelihood on the development cases and the recorded ones
together, with an intercept shift for the recorded (their level), leaving one recorded half out at a time; prints the
pooled log-loss of "the first cause is right" and a ten-band ECE on the recorded cases. The form Ranking ships is
"gap"; `./triage eval --fit --records` fits it in Java. Needs numpy. About a minute of CPU.
"""
import json, math, os, subprocess, sys, tempfile
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
T, S0 = 3.5, 4.5


def article_only(evidence):
    return all(e['rule'].startswith('articles:') for e in evidence if e['weight'] > 0)


def development(files):
    cases = [json.loads(l) for f in files for l in open(f) if l.strip()]
    with tempfile.NamedTemporaryFile('w', suffix='.jsonl', delete=False) as tmp:
        for c in cases:
            tmp.write(json.dumps(c) + '\n')
    out = subprocess.run([os.path.join(ROOT, 'triage'), 'batch', '--no-probes', tmp.name],
                         capture_output=True, text=True, check=True).stdout
    os.unlink(tmp.name)
    replies = [json.loads(l) for l in out.splitlines() if l.startswith('{')]
    rows = []
    for case, reply in zip(cases, replies):
        ranked = [(c['id'], sum(e['weight'] for e in c['evidence']), article_only(c['evidence']))
                  for c in reply['causes']]
        rows.append(('dev', case['cause'], ranked))
    return rows


def recorded(path):
    rows = []
    for line in open(path):
        if line.strip():
            o = json.loads(line)
            rows.append((o['fold'], o['cause'], [(r['id'], r['score'], r['articlesOnly']) for r in o['ranked']]))
    return rows


def features(ranked, form):
    s = [r[1] for r in ranked]
    gap = s[0] - max(S0, s[1] if len(s) > 1 else -1e9)
    art = 1.0 if ranked[0][2] else 0.0
    m = max(s + [S0])
    share = math.exp((s[0] - m) / T) / (sum(math.exp((x - m) / T) for x in s) + math.exp((S0 - m) / T))
    share = min(max(share, 1e-6), 1 - 1e-6)
    extra = {'gap': [], 'gap + causes within T points': [math.log(sum(1 for x in s if x >= s[0] - T))],
             'gap + causes ranked': [math.log(len(s))], 'gap + leader score': [s[0] / 10],
             'softmax share (Platt)': None}[form]
    if extra is None:
        return [1, math.log(share / (1 - share)), art]
    return [1, gap, art] + extra


def matrix(rows, form):
    rows = [r for r in rows if r[2]]
    x = np.array([features(r[2], form) + [0.0 if r[0] == 'dev' else 1.0] for r in rows])
    y = np.array([1.0 if r[2][0][0] == r[1] else 0.0 for r in rows])
    return x, y


def fit(x, y, ridge=1e-6):
    w = np.zeros(x.shape[1])
    for _ in range(100):
        p = 1 / (1 + np.exp(-x @ w))
        step = np.linalg.solve((x * (p * (1 - p))[:, None]).T @ x + ridge * np.eye(len(w)), x.T @ (y - p) - ridge * w)
        w += step
        if np.abs(step).sum() < 1e-10:
            break
    return w


def ece(p, y, bands=10):
    total = 0
    for b in range(bands):
        m = (p >= b / bands) & ((p < (b + 1) / bands) if b < bands - 1 else (p <= 1))
        if m.any():
            total += m.sum() / len(p) * abs(p[m].mean() - y[m].mean())
    return total


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    dev, unseen = development(sys.argv[2:]), recorded(sys.argv[1])
    folds = sorted({r[0] for r in unseen})
    print(f'{len(dev)} development cases, {len(unseen)} recorded in {len(folds)} halves')
    for form in ['gap', 'gap + causes within T points', 'gap + causes ranked', 'gap + leader score',
                 'softmax share (Platt)']:
        ps, ys = [], []
        for held in folds:
            x, y = matrix(dev + [r for r in unseen if r[0] != held], form)
            w = fit(x, y)
            xt, yt = matrix([r for r in unseen if r[0] == held], form)
            ps.append(np.clip(1 / (1 + np.exp(-xt @ w)), 1e-4, 0.99))
            ys.append(yt)
        p, y = np.concatenate(ps), np.concatenate(ys)
        loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
        print(f'{form:30s} one recorded half left out: log-loss {loss:.3f}, ECE {ece(p, y):.3f},'
              f' mean stated {p.mean():.3f} vs right {y.mean():.3f}')


if __name__ == '__main__':
    main()
