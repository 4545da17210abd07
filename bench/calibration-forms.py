#!/usr/bin/env python3
"""Compares ways of stating confidences, each judged out of sample (leave one eval file out).

Usage: bench/calibration-forms.py EVAL.jsonl EVAL.jsonl...   one file per development batch half; never pass a
held-out half that has not been measured yet. Takes about 90 s of CPU.

Runs `./triage batch --no-probes` once over the labelled cases (text only), then re-states confidences from the stored
scores and evidence under each form: fit its constants on all files but one by the log-loss of the true cause, state
the held-out file, pool. Prints pooled ECE, log-loss and Brier, and the in-sample figures beside them. This is the
prototype behind the form Ranking ships (docs/accuracy.md, "Calibration"); `./triage eval --cv` measures the shipped
form in Java. Needs numpy and scipy. A true cause that was not ranked gets its share of the "something else" mass.
"""
import json, math, os, subprocess, sys, tempfile
import numpy as np
from scipy.optimize import minimize

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CAUSES_FILE = os.path.join(ROOT, 'rules/src/main/resources/packs/rdp/causes.tsv')
KINDS = {'codes': 'catalogue', 'client log': 'catalogue', 'event log': 'catalogue', 'text': 'wording',
         'mechanism': 'mechanism', 'environment': 'environment', 'answers': 'answer', 'probes': 'probe'}
CLASSES = ['catalogue', 'mechanism', 'wording', 'environment', 'article']


def load(files):
    labelled = []
    for f in files:
        for line in open(f):
            if line.strip():
                labelled.append((os.path.basename(f), json.loads(line)))
    with tempfile.NamedTemporaryFile('w', suffix='.jsonl', delete=False) as tmp:
        for _, case in labelled:
            tmp.write(json.dumps(case) + '\n')
    out = subprocess.run([os.path.join(ROOT, 'triage'), 'batch', '--no-probes', '--threads', '1', tmp.name],
                         capture_output=True, text=True, check=True).stdout
    os.unlink(tmp.name)
    replies = [json.loads(l) for l in out.splitlines() if l.startswith('{"id"')]
    rows = []
    for (file, case), reply in zip(labelled, replies):
        assert case['id'] == reply['id']
        ids = [c['id'] for c in reply['causes']]
        row = dict(file=file, rank=ids.index(case['cause']) if case['cause'] in ids else -1,
                   scores=np.array([sum(e['weight'] for e in c['evidence']) for c in reply['causes']], float),
                   kinds=set(), cls='none', shared=1)
        if reply['causes']:
            top = reply['causes'][0]['evidence']
            row['kinds'] = {KINDS.get(e['rule'].split(':')[0], 'article') for e in top if e['weight'] > 0} - {'article'}
            row['cls'] = next((k for k in CLASSES if k in row['kinds']), 'article')
            best = max(top, key=lambda e: e['weight'])['text']
            row['shared'] = sum(1 for c in reply['causes'] if any(e['text'] == best for e in c['evidence']))
        rows.append(row)
    return rows


def softmax(scores, t, s0):
    z = np.append(scores, s0) / t
    e = np.exp(z - z.max())
    return e / e.sum()


def lead_form(p, r, feats):
    s = r['scores']
    if len(s) == 0:
        return np.array([1.0])
    rest = softmax(s[1:], p[0], p[1])
    q = rest[0] if len(s) > 1 else 0
    p1 = 1 / (1 + math.exp(-(p[2] + np.dot(p[3:], feats(r, p[1])))))
    p1 = min(0.99, max(p1, (q + (0.01 if len(s) > 1 and s[0] > s[1] else 0)) / (1 + q)))
    return np.append(p1, rest * (1 - p1))


def gap(r, s0):
    s = r['scores']
    return s[0] - max(s0, s[1] if len(s) > 1 else -1e9)


T, S0 = (0.5, 30), (-10, 40)
FREE = (-20, 20)
# name: (distribution(params, row), start, bounds)
FORMS = {
    'softmax, T 3.5 / S0 4.5 as on main (no refit)': (lambda p, r: softmax(r['scores'], 3.5, 4.5), [], []),
    'softmax (T, S0) refitted': (lambda p, r: softmax(r['scores'], p[0], p[1]), [3.5, 4.5], [T, S0]),
    'T per evidence class of the first cause, S0': (
        lambda p, r: softmax(r['scores'], p[CLASSES.index(r['cls'])], p[5]), [3.5] * 5 + [4.5], [T] * 5 + [S0]),
    'S0 per evidence class of the first cause, T': (
        lambda p, r: softmax(r['scores'], p[5], p[CLASSES.index(r['cls'])]), [4.5] * 5 + [3.5], [S0] * 5 + [T]),
    'S0 + k ln(causes sharing the leading evidence)': (
        lambda p, r: softmax(r['scores'], p[0], p[1] + p[2] * math.log(r['shared'])), [3.5, 4.5, 0], [T, S0, FREE]),
    'S0 - k (independent evidence kinds)': (
        lambda p, r: softmax(r['scores'], p[0], p[1] - p[2] * len(r['kinds'])), [3.5, 4.5, 0], [T, S0, FREE]),
    'first: logistic(gap), rest softmax': (
        lambda p, r: lead_form(p, r, lambda r, s0: [gap(r, s0)]), [3.5, 4.5, 0, 0.1], [T, S0, FREE, FREE]),
    'first: logistic(gap, kinds), rest softmax': (
        lambda p, r: lead_form(p, r, lambda r, s0: [gap(r, s0), len(r['kinds'])]), [3.5, 4.5, 0, 0.1, 0],
        [T, S0, FREE, FREE, FREE]),
    'first: logistic(gap, articles only), rest softmax (shipped, T/S0 held)': (
        lambda p, r: lead_form([3.5, 4.5] + list(p), r, lambda r, s0: [gap(r, s0), r['cls'] == 'article']),
        [0, 0.1, 0], [FREE, FREE, FREE]),
    'first: logistic(gap, articles only), rest softmax, all five fitted': (
        lambda p, r: lead_form(p, r, lambda r, s0: [gap(r, s0), r['cls'] == 'article']), [3.5, 4.5, 0, 0.1, 0],
        [T, S0, FREE, FREE, FREE]),
}


def log_truth(d, r, causes):
    if r['rank'] >= 0:
        return math.log(max(d[r['rank']], 1e-300))
    return math.log(max(d[-1], 1e-300)) - math.log(max(1, causes - (len(d) - 1)))


def brier(d, r):
    truth = np.zeros(len(d))
    truth[r['rank']] = 1
    return ((d - truth) ** 2).sum()


def ece(dists, rows):
    bins = [[0, 0.0, 0] for _ in range(5)]
    for d, r in zip(dists, rows):
        b = bins[min(4, int(d[0] / 0.2))]
        b[0] += 1; b[1] += d[0]; b[2] += r['rank'] == 0
    return sum(abs(b[2] - b[1]) for b in bins if b[0]) / len(rows), bins


def fit(form, rows, causes):
    f, start, bounds = form
    if not start:
        return []
    loss = lambda p: -np.mean([log_truth(f(p, r), r, causes) for r in rows])
    return minimize(loss, start, method='L-BFGS-B', bounds=bounds).x


def main():
    files = sys.argv[1:]
    if len(files) < 2:
        sys.exit('usage: bench/calibration-forms.py EVAL.jsonl EVAL.jsonl... (development files only)')
    causes = sum(1 for l in open(CAUSES_FILE) if l.strip() and not l.startswith('#'))
    rows = load(files)
    names = sorted({r['file'] for r in rows})
    print(f'{len(rows)} cases, {len(names)} files, {causes} causes; out of sample = leave one file out')
    print(f'{"form":72s} {"CV ECE":>7s} {"CV LL":>6s} {"CV Br":>6s} {"in ECE":>7s} {"in LL":>6s}')
    for name, form in FORMS.items():
        p = fit(form, rows, causes)
        inside = [form[0](p, r) for r in rows]
        held = [None] * len(rows)
        for name_out in names:
            q = fit(form, [r for r in rows if r['file'] != name_out], causes)
            for i, r in enumerate(rows):
                if r['file'] == name_out:
                    held[i] = form[0](q, r)
        cv_ece, bins = ece(held, rows)
        print(f'{name:72s} {cv_ece:7.3f} {-np.mean([log_truth(d, r, causes) for d, r in zip(held, rows)]):6.3f} '
              f'{np.mean([brier(d, r) for d, r in zip(held, rows)]):6.3f} {ece(inside, rows)[0]:7.3f} '
              f'{-np.mean([log_truth(d, r, causes) for d, r in zip(inside, rows)]):6.3f}  {np.round(p, 3)}', flush=True)
        print('    CV bands: ' + '  '.join(f'{i * 20}-{i * 20 + 20}%: {b[0]} cases stated {b[1] / b[0]:.0%} right '
                                           f'{b[2] / b[0]:.0%}' for i, b in enumerate(bins) if b[0]))


if __name__ == '__main__':
    main()
