"""``python -m tests.fuzz [--budget 1h] [--calls N] [--seed S] [--only GLOB ...]``.

Fuzzes every target round-robin until the budget (time, calls) is spent, then
prints the counts by category and the first reproducer of each (and of each
target with ``-v``).
"""
from __future__ import annotations

import argparse
import collections
import fnmatch
import sys
import time

from . import _driver, _run, _table, _targets


def _duration(text):
    units = {"s": 1, "m": 60, "h": 3600}
    if text[-1] in units:
        return float(text[:-1]) * units[text[-1]]
    return float(text)


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__)
    ap.add_argument("--budget", default="5m", help="wall time: 90s, 30m, 1h (default 5m)")
    ap.add_argument("--calls", type=int, default=None, help="stop after this many calls")
    ap.add_argument("--seed", type=int, default=0, help="base seed (rounds add to it)")
    ap.add_argument("--per-round", type=int, default=10, help="cases per target per round")
    ap.add_argument("--only", nargs="*", default=None, help="qualified-name globs")
    ap.add_argument("--provider", nargs="*", default=None,
                    help="only targets these plugins (or core) provide")
    ap.add_argument("-v", "--verbose", action="store_true", help="one reproducer per target")
    ap.add_argument("--list", action="store_true", help="list the targets and exit")
    ap.add_argument("--write-known", metavar="PATH", default=None,
                    help="run the suite's cases and write the targets with findings, by owner, "
                         "as the suite's strict xfails (tests/fuzz/_known.py)")
    ap.add_argument("--mine", nargs="*", default=(),
                    help="with --write-known: owners whose findings are not listed (to be fixed)")
    args = ap.parse_args(argv)

    targets = [t for t in _targets.all_targets()
               if not args.only or any(fnmatch.fnmatchcase(t.qualname, g) for g in args.only)]
    if args.provider:
        targets = [t for t in targets if _driver.provider(t) in args.provider]
    if args.list:
        for t in targets:
            print(t.qualname, t.kind, [p.name for p in t.params])
        return 0
    rules = _table.load_rules()
    if args.write_known:
        return _write_known(targets, rules, args.write_known, set(args.mine))
    budget = _duration(args.budget)
    start = time.monotonic()
    counts = collections.Counter()
    first = {}
    per_target = collections.defaultdict(collections.Counter)
    per_owner = collections.defaultdict(collections.Counter)
    by_name = {t.qualname: t for t in targets}
    first_per_target = {}
    calls = 0

    def record(case, finding):
        nonlocal calls
        calls += 1
        if finding is None:
            return
        counts[finding.category] += 1
        per_target[finding.target][finding.category] += 1
        t = by_name.get(finding.target)
        who = _driver.owner(finding, t) if t is not None else "core"
        per_owner[who][finding.category] += 1
        first.setdefault(finding.category, finding)
        first_per_target.setdefault((finding.target, finding.category), finding)

    rnd = 0
    done = False
    while not done:
        for t in targets:
            if time.monotonic() - start > budget or (args.calls and calls >= args.calls):
                done = True
                break
            try:
                _driver.run_target(t, rules, args.per_round, seed=args.seed + rnd, record=record)
            except Exception as exc:  # noqa: BLE001 - a generator bug must not end the run
                counts["fuzzer-error"] += 1
                first.setdefault("fuzzer-error", _run.Finding("fuzzer-error", t.qualname,
                                                              repr(exc), ""))
        rnd += 1
    elapsed = time.monotonic() - start
    print(f"{calls} calls of {len(targets)} targets in {elapsed:.0f} s ({rnd} rounds, "
          f"seed {args.seed})")
    for group, cats in _run.GROUPS.items():
        n = sum(counts[c] for c in cats)
        detail = ", ".join(f"{c} {counts[c]}" for c in cats if counts[c])
        print(f"  {group}: {n}" + (f" ({detail})" if detail else ""))
    if counts["fuzzer-error"]:
        print(f"  fuzzer errors: {counts['fuzzer-error']}")
    print("by owner (silent mismatch / leaked torch error / wrong exception class / input):")
    for who, c in sorted(per_owner.items(), key=lambda kv: -sum(kv[1].values())):
        nums = [sum(c[x] for x in cats) for cats in _run.GROUPS.values()]
        print(f"  {who}: " + " / ".join(map(str, nums)))
    print("targets with findings:", len(per_target))
    for tq, c in sorted(per_target.items(), key=lambda kv: -sum(kv[1].values()))[:40]:
        print(f"  {tq}: " + ", ".join(f"{k} {v}" for k, v in c.most_common()))
    print()
    for cat in _run.CATEGORIES + ("fuzzer-error",):
        if cat in first:
            print(f"first {cat}:\n{first[cat]}\n")
    if args.verbose:
        for (tq, cat), f in sorted(first_per_target.items()):
            print(f"{f}\n")
    return 1 if counts else 0


def _write_known(targets, rules, path, mine):
    import os
    import pprint
    examples = int(os.environ.get("TORCHNP_FUZZ_EXAMPLES", "25"))
    known = {}
    for t in targets:
        found = []
        _driver.run_target(t, rules, examples, record=lambda c, f: f and found.append(f))
        if not found:
            continue
        f = found[0]
        who = _driver.owner(f, t)
        if who in mine:
            print(f"mine: {f}\n")
            continue
        known[t.qualname] = f"{who}: {f.category}: {f.detail[:300]}"
    text = ('"""Targets with an open fuzzer finding in code owned elsewhere (strict xfails).\n\n'
            "Generated by ``python -m tests.fuzz --write-known tests/fuzz/_known.py``: target ->\n"
            '"owner: category: the first finding of the suite\'s cases". Fixing the code makes the\n'
            'test pass (XPASS, strict): then delete the entry.\n"""\n\nKNOWN = '
            + pprint.pformat(known, width=100, sort_dicts=True) + "\n")
    with open(path, "w") as fh:
        fh.write(text)
    print(f"{len(known)} targets with findings written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
