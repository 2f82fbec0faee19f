"""Check programs against the harness: each gives an outcome, twice the same, within the subset.

Usage:
    python3 check.py FILE.py...                   check these programs (e.g. corpus/*.py)
    python3 check.py --fuzz SEEDS COUNT [--keep DIR]
                                                  generate COUNT programs for each seed in SEEDS
                                                  (e.g. 0-5 or 0,3) with fuzz.py and check them

For every program: the harness must give an outcome without harness_error, the same outcome and the
same passes on a second run, within the real-time budget (0.5 s of CPU for the corpus, 1 s for fuzz
programs; a child's CPU time is measured), and subset_lint.py must find nothing. Prints one line per
failing program and a summary; exits 1 if anything failed. Runs one program at a time.
"""

import os
import resource
import sys
import tempfile

import harness
import subset_lint
import fuzz


def child_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_timed(path, passes):
    before = child_cpu()
    result = harness.run_in_child(path, passes)
    return result, child_cpu() - before


def check_file(path, budget):
    problems = []
    first, cpu = run_timed(path, False)
    if 'harness_error' in first:
        return [f"harness_error: {first['harness_error']}"], cpu
    second, cpu2 = run_timed(path, True)
    if 'harness_error' in second:
        return [f"second run: harness_error: {second['harness_error']}"], cpu
    if first['outcome'] != second['outcome']:
        problems.append('the second run gave a different outcome')
    third, _ = run_timed(path, True)
    if third.get('passes') != second.get('passes'):
        problems.append('the passes differ between two runs')
    cpu = max(cpu, cpu2)
    if cpu > budget:
        problems.append(f'took {cpu:.2f} s of CPU (budget {budget} s)')
    problems += subset_lint.check(path)
    return problems, cpu


def parse_seeds(text):
    seeds = []
    for part in text.split(','):
        if '-' in part:
            a, b = part.split('-')
            seeds += list(range(int(a), int(b) + 1))
        else:
            seeds.append(int(part))
    return seeds


def main(argv):
    args = argv[1:]
    budget = 0.5
    keep = None
    if '--keep' in args:
        i = args.index('--keep')
        keep = args[i + 1]
        del args[i:i + 2]
    if args and args[0] == '--fuzz':
        seeds, count = parse_seeds(args[1]), int(args[2])
        out = keep or tempfile.mkdtemp(prefix='fuzz-')
        os.makedirs(out, exist_ok=True)
        paths = []
        for s in seeds:
            fuzz.main(['fuzz.py', '--seed', str(s), '--count', str(count), '--out', out])
            paths += [os.path.join(out, f'fuzz_{s}_{i}.py') for i in range(count)]
        budget = 1.0
    else:
        paths = args
    harness.setup_parent(py_task=False, cpython_set_order=False)
    failed, total_cpu, slowest = 0, 0.0, (0.0, None)
    for path in paths:
        problems, cpu = check_file(path, budget)
        total_cpu += cpu
        slowest = max(slowest, (cpu, path))
        if problems:
            failed += 1
            for p in problems:
                print(f'{path}: {p}', flush=True)
    print(f'{len(paths)} programs, {failed} failed; CPU per run: total {total_cpu:.2f} s, '
          f'slowest {slowest[0]:.3f} s ({slowest[1]})')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
