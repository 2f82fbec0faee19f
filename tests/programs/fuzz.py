"""Generate random, well-formed asyncio programs for the conformance tests.

Usage:
    python3 fuzz.py --seed S --count N --out DIR     write DIR/fuzz_S_0.py ... fuzz_S_{N-1}.py
    python3 fuzz.py --seed S --print [--index I]     write program I (default 0) of seed S to stdout

Program I of seed S depends only on (S, I): the same arguments always give the same files.

Each program is a random tree of tasks within the Python subset (contract python-subset.md,
sections 1-2). main() is the root; every node is a coroutine function of its own that sleeps,
computes, prints what it does, returns a value or raises (built-in or own exception classes),
catches (try/except/else/finally, except*), and starts children with gather, TaskGroup,
create_task + await, wait (each return_when, with and without timeout), as_completed (plain and
async for), wait_for, asyncio.timeout, shield, task.cancel() (with and without msg) or
loop.call_later(..., task.cancel). Nodes also share a Lock, a Semaphore, an Event and a queue,
block the loop with time.sleep, arm call_later timers that print, and swallow or re-raise
CancelledError.

Every program terminates, whatever the schedule: the tree has bounded depth and width, loops are
bounded, the Event is set by a timer armed at the start of main, every queue get has a timeout
and every put is put_nowait or has a timeout, and a node holding the Lock or the Semaphore only
sleeps and prints (no lock is ever awaited while another is held). Nothing printed depends on
set iteration order or addresses: task sets are printed through sorted names.
"""

import argparse
import os
import random
import sys

SLEEPS = ['0', '0', '0.001', '0.01', '0.05', '0.1', '0.1', '0.2', '0.25', '0.5', '1']
SHORT_SLEEPS = ['0', '0.01', '0.05', '0.1']
TIMEOUTS = ['0', '0.05', '0.1', '0.15', '0.3', '0.5', '1']
MAX_DEPTH = 3

PRELUDE = '''\
import asyncio
import time


class FuzzError(Exception):
    pass


class CodedError(FuzzError):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code


STATE = {"counter": 0, "log": []}


def describe(t):
    """A task's state, without addresses."""
    if not t.done():
        return f"{t.get_name()} pending"
    if t.cancelled():
        return f"{t.get_name()} cancelled"
    e = t.exception()
    if e is not None:
        return f"{t.get_name()} failed {type(e).__name__}: {e}"
    return f"{t.get_name()} returned {t.result()!r}"


def outcome(r):
    """One item of a gather(return_exceptions=True) result."""
    if isinstance(r, BaseException):
        return f"{type(r).__name__}: {r}"
    return repr(r)


def names(tasks):
    return sorted(t.get_name() for t in tasks)
'''


class Generator:
    """Builds one program: a list of coroutine functions plus main."""

    def __init__(self, rng):
        self.rng = rng
        self.functions = []   # (name, lines) in the order they are made
        self.count = 0
        self.uses = set()     # shared resources the program needs: lock, sem, event, queue

    # -- helpers ---------------------------------------------------------------------------

    def chance(self, p):
        return self.rng.random() < p

    def pick(self, seq):
        return self.rng.choice(seq)

    def new_name(self):
        self.count += 1
        return f"n{self.count}"

    def child_calls(self, depth, k):
        """k fresh child nodes; returns their call expressions."""
        calls = []
        for j in range(k):
            child = self.node(depth + 1)
            calls.append(f"{child}(x + {j + 1})")
        return calls

    # -- nodes -----------------------------------------------------------------------------

    def node(self, depth):
        """Make a coroutine function for one node of the tree and return its name."""
        name = self.new_name()
        body = self.body(name, depth, self.rng.randint(1, 4))
        if self.chance(0.15):
            body = self.wrap_try(name, body)
        ending = self.ending(name)
        lines = [f"async def {name}(x):"] + ['    ' + line for line in body + ending]
        self.functions.append((name, lines))
        return name

    def body(self, name, depth, n_actions):
        lines = []
        spawns = 0
        for i in range(n_actions):
            can_spawn = depth < MAX_DEPTH and spawns < (3 if depth == 0 else 2 if depth == 1 else 1)
            # main always starts some children: a tree needs a root that branches
            kind = 'spawn' if depth == 0 and i == 0 else self.pick_action(can_spawn, depth)
            if kind == 'spawn':
                spawns += 1
                lines += self.spawn(name, depth)
            else:
                lines += getattr(self, 'act_' + kind)(name)
        return lines

    def pick_action(self, can_spawn, depth):
        weights = {
            'print': 3, 'sleep': 5, 'sleep_guarded': 2, 'compute': 2, 'block': 1, 'maybe_raise': 2,
            'lock': 1, 'sem': 1, 'event': 1, 'produce': 1, 'consume': 1, 'counter': 1,
            'set_event': 0.5, 'timer': 1,
        }
        if depth == 0:
            weights['maybe_raise'] = 0.5
        if can_spawn:
            weights['spawn'] = {0: 10, 1: 8, 2: 4}[depth]
        kinds = list(weights)
        return self.rng.choices(kinds, weights=[weights[k] for k in kinds])[0]

    def ending(self, name):
        r = self.rng.random()
        if r < 0.12:
            return self.raise_stmt(name)
        if r < 0.55:
            return [f'print(f"{name}: returns {{x}}")', 'return x']
        if r < 0.8:
            return [f'return f"{name}:{{x}}"']
        return [f'print(f"{name}: done")']

    def raise_stmt(self, name):
        kind = self.pick(['value', 'coded', 'key', 'zero', 'index', 'type', 'runtime', 'int'])
        if kind == 'value':
            return [f'raise ValueError(f"{name} failed with {{x}}")']
        if kind == 'coded':
            return ['raise CodedError(x)']
        if kind == 'key':
            return ['return {"a": 1}[f"k{x}"]']
        if kind == 'zero':
            return ['return x // (x - x)']
        if kind == 'index':
            return ['return [x][x + 1]']
        if kind == 'type':
            return ['return x + str(x)']
        if kind == 'int':
            return ['return int(f"x{x}")']
        return [f'raise RuntimeError("{name} gave up")']

    def wrap_try(self, name, body):
        """try/except/else/finally around a whole body."""
        out = ['try:'] + ['    ' + l for l in body]
        form = self.pick(['tuple', 'own', 'exception'])
        if form == 'tuple':
            out += ['except (ValueError, KeyError) as e:',
                    f'    print(f"{name}: caught {{type(e).__name__}}: {{e}}")']
        elif form == 'own':
            out += ['except FuzzError as e:',
                    f'    print(f"{name}: caught own {{e!r}}")']
        else:
            out += ['except Exception as e:',
                    f'    print(f"{name}: caught {{type(e).__name__}}")']
        if self.chance(0.5):
            out += ['else:', f'    print(f"{name}: no exception")']
        if self.chance(0.6):
            out += ['finally:', f'    print(f"{name}: finally")']
        return out

    # -- simple actions --------------------------------------------------------------------

    def act_print(self, name):
        return [f'print(f"{name}: at step {{x}}")']

    def act_sleep(self, name):
        d = self.pick(SLEEPS)
        lines = [f'await asyncio.sleep({d})']
        if self.chance(0.6):
            lines.append(f'print(f"{name}: slept {d} ({{x}})")')
        return lines

    def act_sleep_guarded(self, name):
        """A sleep that notices cancellation, and re-raises or swallows it."""
        d = self.pick(SLEEPS)
        lines = ['try:', f'    await asyncio.sleep({d})',
                 'except asyncio.CancelledError as e:',
                 f'    print(f"{name}: cancelled while sleeping {{e.args}}")']
        if self.chance(0.65):
            lines.append('    raise')
        else:
            lines.append(f'    print(f"{name}: swallows the cancel")')
            if self.chance(0.5):
                lines.append('    return "swallowed"')
        return lines

    def act_compute(self, name):
        a, b, m = self.rng.randint(2, 9), self.rng.randint(0, 20), self.pick([7, 11, 50, 101])
        lines = [f'x = (x * {a} + {b}) % {m}']
        if self.chance(0.5):
            lines.append(f'print(f"{name}: computed {{x}}")')
        else:
            lines.append(f'print("{name}: squares", [i * i for i in range(x % 5)])')
        return lines

    def act_timer(self, name):
        d = self.pick(TIMEOUTS)
        return [f'asyncio.get_running_loop().call_later({d}, print, f"{name}: timer armed at step {{x}} fires")']

    def act_block(self, name):
        d = self.pick(['0.001', '0.01', '0.02', '0.05'])
        return [f'time.sleep({d})', f'print(f"{name}: blocked the loop for {d} s")']

    def act_maybe_raise(self, name):
        k = self.rng.randint(2, 5)
        r = self.rng.randint(0, k - 1)
        return [f'if x % {k} == {r}:'] + ['    ' + l for l in self.raise_stmt(name)]

    def act_counter(self, name):
        d = self.pick(SHORT_SLEEPS)
        return ['before = STATE["counter"]', f'await asyncio.sleep({d})',
                'STATE["counter"] = before + 1',
                f'print(f"{name}: counter {{before}} -> {{STATE[\'counter\']}}")']

    def act_lock(self, name):
        self.uses.add('lock')
        d = self.pick(SHORT_SLEEPS)
        return ['async with LOCK:', f'    print(f"{name}: holds the lock")',
                f'    await asyncio.sleep({d})', '    STATE["log"].append(x)',
                f'print(f"{name}: released the lock")']

    def act_sem(self, name):
        self.uses.add('sem')
        d = self.pick(SHORT_SLEEPS)
        return ['async with SEM:', f'    print(f"{name}: in the semaphore, locked={{SEM.locked()}}")',
                f'    await asyncio.sleep({d})']

    def act_event(self, name):
        self.uses.add('event')
        if self.chance(0.5):
            return [f'print(f"{name}: waits for the event")', 'await EVENT.wait()',
                    f'print(f"{name}: event is set")']
        t = self.pick(TIMEOUTS)
        return ['try:', f'    await asyncio.wait_for(EVENT.wait(), {t})',
                f'    print(f"{name}: event arrived")', 'except TimeoutError:',
                f'    print(f"{name}: no event within {t} s")']

    def act_set_event(self, name):
        self.uses.add('event')
        return [f'print(f"{name}: sets the event, was set: {{EVENT.is_set()}}")', 'EVENT.set()']

    def act_produce(self, name):
        self.uses.add('queue')
        n = self.rng.randint(1, 3)
        if self.chance(0.5):
            return [f'for k in range({n}):',
                    '    try:',
                    '        QUEUE.put_nowait((x + k) % 10)',
                    f'        print(f"{name}: put {{(x + k) % 10}}, size {{QUEUE.qsize()}}")',
                    '    except asyncio.QueueFull:',
                    f'        print(f"{name}: queue full")']
        return [f'for k in range({n}):',
                '    try:',
                f'        await asyncio.wait_for(QUEUE.put((x * k) % 10), {self.pick(TIMEOUTS)})',
                f'        print(f"{name}: put {{(x * k) % 10}}")',
                '    except TimeoutError:',
                f'        print(f"{name}: put timed out")']

    def act_consume(self, name):
        self.uses.add('queue')
        t = self.pick(['0.05', '0.1', '0.3'])
        n = self.rng.randint(1, 4)
        return [f'for k in range({n}):',
                '    try:',
                f'        item = await asyncio.wait_for(QUEUE.get(), {t})',
                '    except TimeoutError:',
                f'        print(f"{name}: queue empty for {t} s (empty={{QUEUE.empty()}})")',
                '        break',
                f'    print(f"{name}: got {{item}}")',
                '    QUEUE.task_done()']

    # -- spawning children -----------------------------------------------------------------

    def spawn(self, name, depth):
        kind = self.pick(['gather', 'gather', 'taskgroup', 'taskgroup', 'manual', 'wait', 'wait',
                          'as_completed', 'as_completed_async', 'wait_for', 'timeout', 'shield',
                          'cancel', 'call_later_cancel', 'background', 'await_direct'])
        return getattr(self, 'spawn_' + kind)(name, depth)

    def except_clauses(self, name, what):
        """Handlers for exceptions from awaiting children (never CancelledError: Exception)."""
        form = self.pick(['exception', 'split', 'own'])
        if form == 'exception':
            return ['except Exception as e:',
                    f'    print(f"{name}: {what} raised {{type(e).__name__}}: {{e}}")']
        if form == 'own':
            return ['except FuzzError as e:',
                    f'    print(f"{name}: {what} raised own {{e!r}}")',
                    'except (ValueError, KeyError, IndexError) as e:',
                    f'    print(f"{name}: {what} raised lookup/value {{type(e).__name__}}")',
                    'except Exception as e:',
                    f'    print(f"{name}: {what} raised other {{type(e).__name__}}")']
        return ['except ValueError as e:',
                f'    print(f"{name}: {what} ValueError {{e}}")',
                'except Exception as e:',
                f'    print(f"{name}: {what} {{type(e).__name__}}")']

    def spawn_gather(self, name, depth):
        calls = self.child_calls(depth, self.rng.choice([1, 2, 2, 3, 3]))
        if self.chance(0.5):
            return [f'res = await asyncio.gather({", ".join(calls)}, return_exceptions=True)',
                    f'print(f"{name}: gather ->", [outcome(r) for r in res])']
        return (['try:', f'    res = await asyncio.gather({", ".join(calls)})',
                 f'    print(f"{name}: gather ->", res)']
                + self.except_clauses(name, 'gather'))

    def spawn_taskgroup(self, name, depth):
        calls = self.child_calls(depth, self.rng.choice([1, 2, 2, 3, 3]))
        lines = ['try:', '    async with asyncio.TaskGroup() as tg:']
        for i, c in enumerate(calls):
            if self.chance(0.3):
                lines.append(f'        t{i} = tg.create_task({c}, name="{name}-{i}")')
            else:
                lines.append(f'        t{i} = tg.create_task({c})')
        if self.chance(0.4):
            lines.append(f'        await asyncio.sleep({self.pick(SHORT_SLEEPS)})')
            lines.append(f'        print(f"{name}: group body done")')
        results = ', '.join(f't{i}.result()' for i in range(len(calls)))
        lines.append(f'    print(f"{name}: group ->", [{results}])')
        if self.chance(0.5):
            lines += ['except* ValueError as eg:',
                      f'    print(f"{name}: group ValueErrors", [str(e) for e in eg.exceptions])',
                      'except* Exception as eg:',
                      f'    print(f"{name}: group errors", [type(e).__name__ for e in eg.exceptions])']
        else:
            lines += ['except* Exception as eg:',
                      f'    print(f"{name}: group failed: {{eg!r}}")']
        return lines

    def spawn_manual(self, name, depth):
        calls = self.child_calls(depth, self.rng.choice([1, 2, 2, 3, 3]))
        lines = [f'tasks = [{", ".join(f"asyncio.create_task({c})" for c in calls)}]',
                 'for t in tasks:', '    try:', '        v = await t',
                 f'        print(f"{name}: awaited {{t.get_name()}} -> {{v!r}}")']
        lines += ['    ' + l for l in self.except_clauses(name, 'awaited task')]
        return lines

    def spawn_wait(self, name, depth):
        calls = self.child_calls(depth, self.rng.choice([1, 2, 2, 3, 3]))
        rw = self.pick(['ALL_COMPLETED', 'FIRST_COMPLETED', 'FIRST_EXCEPTION'])
        args = f'tasks, return_when=asyncio.{rw}'
        if self.chance(0.5):
            args += f', timeout={self.pick(TIMEOUTS[1:])}'
        lines = [f'tasks = [{", ".join(f"asyncio.create_task({c})" for c in calls)}]',
                 f'done, pending = await asyncio.wait({args})',
                 f'print(f"{name}: wait {rw} -> done", names(done), "pending", names(pending))',
                 'for t in tasks:',
                 '    if t in done:',
                 f'        print(f"{name}:   {{describe(t)}}")']
        r = self.rng.random()
        if r < 0.4:
            msg = self.pick(['', '"stop"'])
            lines += ['for t in tasks:', '    if t in pending:',
                      f'        t.cancel({msg})',
                      'rest = await asyncio.gather(*[t for t in tasks if t in pending], return_exceptions=True)',
                      f'print(f"{name}: after cancelling ->", [outcome(r) for r in rest])']
        elif r < 0.7:
            lines += ['if pending:',
                      '    await asyncio.wait(pending)',
                      f'    print(f"{name}: the rest ->", [describe(t) for t in tasks if t in pending])']
        return lines

    def spawn_as_completed(self, name, depth):
        calls = self.child_calls(depth, self.rng.choice([1, 2, 2, 3, 3]))
        timeout = f', timeout={self.pick(TIMEOUTS[2:])}' if self.chance(0.4) else ''
        return [f'for i, aw in enumerate(asyncio.as_completed([{", ".join(calls)}]{timeout})):',
                '    try:', '        v = await aw',
                f'        print(f"{name}: as_completed #{{i}} -> {{v!r}}")',
                '    except TimeoutError:',
                f'        print(f"{name}: as_completed timed out at #{{i}}")',
                '        break',
                '    except Exception as e:',
                f'        print(f"{name}: as_completed #{{i}} raised {{type(e).__name__}}")']

    def spawn_as_completed_async(self, name, depth):
        calls = self.child_calls(depth, self.rng.choice([1, 2, 2, 3, 3]))
        timeout = f', timeout={self.pick(TIMEOUTS[2:])}' if self.chance(0.4) else ''
        return [f'tasks = [{", ".join(f"asyncio.create_task({c})" for c in calls)}]',
                'try:',
                f'    async for t in asyncio.as_completed(tasks{timeout}):',
                f'        print(f"{name}: next finished: {{describe(t)}}")',
                'except TimeoutError:',
                f'    print(f"{name}: async for as_completed timed out:", [describe(t) for t in tasks])']

    def spawn_wait_for(self, name, depth):
        (call,) = self.child_calls(depth, 1)
        t = self.pick(TIMEOUTS)
        return (['try:', f'    v = await asyncio.wait_for({call}, {t})',
                 f'    print(f"{name}: wait_for -> {{v!r}}")',
                 'except TimeoutError:', f'    print(f"{name}: wait_for timed out after {t} s")']
                + self.except_clauses(name, 'wait_for'))

    def spawn_timeout(self, name, depth):
        (call,) = self.child_calls(depth, 1)
        t = self.pick(TIMEOUTS)
        lines = ['try:', f'    async with asyncio.timeout({t}) as cm:']
        if self.chance(0.3):
            lines.append('        cm.reschedule(asyncio.get_running_loop().time() + 0.2)')
        lines += [f'        v = await {call}',
                  f'    print(f"{name}: in time -> {{v!r}}, expired={{cm.expired()}}")',
                  'except TimeoutError:', f'    print(f"{name}: timeout({t}) expired")']
        return lines + self.except_clauses(name, 'timeout block')

    def spawn_shield(self, name, depth):
        (call,) = self.child_calls(depth, 1)
        t = self.pick(TIMEOUTS[1:])
        return ([f'inner = asyncio.create_task({call})', 'try:',
                 f'    v = await asyncio.wait_for(asyncio.shield(inner), {t})',
                 f'    print(f"{name}: shielded -> {{v!r}}")',
                 'except TimeoutError:',
                 f'    print(f"{name}: shield timed out, inner done: {{inner.done()}}")']
                + self.except_clauses(name, 'shielded task'))

    def cancelled_child_await(self, name):
        lines = ['try:', '    v = await t',
                 f'    print(f"{name}: the child finished anyway -> {{v!r}}")',
                 'except asyncio.CancelledError as e:']
        if self.chance(0.7):
            lines.append(f'    print(f"{name}: child was cancelled {{e.args}}")')
        else:
            lines += [f'    print(f"{name}: cancelled, passing it on")', '    raise']
        return lines + self.except_clauses(name, 'cancelled child')

    def spawn_cancel(self, name, depth):
        (call,) = self.child_calls(depth, 1)
        msg = self.pick(['', 'msg="enough"', '"by name"'])
        return ([f't = asyncio.create_task({call})', f'await asyncio.sleep({self.pick(SLEEPS)})',
                 f'print(f"{name}: cancel -> {{t.cancel({msg})}}, cancelling={{t.cancelling()}}")']
                + self.cancelled_child_await(name))

    def spawn_call_later_cancel(self, name, depth):
        (call,) = self.child_calls(depth, 1)
        lines = [f't = asyncio.create_task({call})',
                 f'h = asyncio.get_running_loop().call_later({self.pick(TIMEOUTS)}, t.cancel)']
        if self.chance(0.25):
            lines += ['h.cancel()', f'print(f"{name}: changed its mind")']
        return lines + self.cancelled_child_await(name)

    def spawn_background(self, name, depth):
        """Fire and forget: kept in a list, maybe still running when main ends."""
        calls = self.child_calls(depth, self.rng.randint(1, 2))
        return [f'BACKGROUND.append(asyncio.create_task({c}))' for c in calls] + \
               [f'print(f"{name}: started {len(calls)} in the background")']

    def spawn_await_direct(self, name, depth):
        (call,) = self.child_calls(depth, 1)
        return (['try:', f'    v = await {call}', f'    print(f"{name}: awaited directly -> {{v!r}}")']
                + self.except_clauses(name, 'direct await'))

    # -- the program -----------------------------------------------------------------------

    def program(self, header):
        root_body = self.body('main', 0, self.rng.randint(2, 5))
        lines = [header, PRELUDE, 'BACKGROUND = []', '']
        for _, fn in self.functions:
            lines += [''] + fn + ['']
        main = ['', 'async def main():']
        globals_ = []
        setup = []
        if 'lock' in self.uses:
            globals_.append('LOCK')
            setup.append('LOCK = asyncio.Lock()')
        if 'sem' in self.uses:
            globals_.append('SEM')
            setup.append(self.pick(['SEM = asyncio.Semaphore(2)', 'SEM = asyncio.BoundedSemaphore(1)',
                                    'SEM = asyncio.Semaphore(3)']))
        if 'event' in self.uses:
            globals_.append('EVENT')
            setup.append('EVENT = asyncio.Event()')
        if 'queue' in self.uses:
            globals_.append('QUEUE')
            setup.append(self.pick(['QUEUE = asyncio.Queue()', 'QUEUE = asyncio.Queue(maxsize=2)',
                                    'QUEUE = asyncio.LifoQueue()', 'QUEUE = asyncio.PriorityQueue(3)']))
        if globals_:
            main.append(f'    global {", ".join(globals_)}')
        main += ['    ' + s for s in setup]
        main.append('    loop = asyncio.get_running_loop()')
        if 'event' in self.uses:
            main.append(f'    loop.call_later({self.pick(["0.05", "0.2", "0.5", "1"])}, EVENT.set)')
        if self.chance(0.1):
            main += [f'    loop.call_later({self.pick(["0.1", "0.3", "0.6"])}, asyncio.current_task().cancel)',
                     '    print("main: will be interrupted")']
        main.append('    x = 1')
        main += ['    ' + l for l in root_body]
        if self.chance(0.3):
            main += ['    print("main: background", [describe(t) for t in BACKGROUND])']
        main.append('    print(f"main: done at {loop.time():.3f}, counter={STATE[\'counter\']}, log={STATE[\'log\']}")')
        if self.chance(0.1):
            main.append('    raise FuzzError("main fails at the end")')
        lines += main + ['', '', 'asyncio.run(main())', '']
        return '\n'.join(lines)


def generate(seed, index):
    rng = random.Random(f"fuzz:{seed}:{index}")
    header = f"# Fuzz program seed={seed} index={index}: a random tree of tasks (tests/programs/fuzz.py)"
    return Generator(rng).program(header)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--seed', type=int, required=True)
    ap.add_argument('--count', type=int, default=1)
    ap.add_argument('--out')
    ap.add_argument('--print', action='store_true', dest='to_stdout')
    ap.add_argument('--index', type=int, default=0)
    args = ap.parse_args(argv[1:])
    if args.to_stdout:
        sys.stdout.write(generate(args.seed, args.index))
        return 0
    if not args.out:
        ap.error('--out DIR or --print is required')
    os.makedirs(args.out, exist_ok=True)
    for i in range(args.count):
        path = os.path.join(args.out, f"fuzz_{args.seed}_{i}.py")
        with open(path, 'w', encoding='utf-8') as f:
            f.write(generate(args.seed, i))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
