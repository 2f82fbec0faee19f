"""Run one asyncio program under CPython on virtual time and print its outcome JSON.

This is the CPython side of the program conformance tests: CPython 3.13 is the oracle, and this
module is how it is asked. The program runs unmodified (its source is compiled with its real
file name and executed as `__main__`); only the time module's clocks, the event loop (through
the event loop policy, so asyncio.run and asyncio.Runner are called as usual: its selector, time,
`create_task`, `call_soon` and `call_at`), the timer ordering and `sys.stdout` are replaced, in
ways that do not change what the program observes, plus the three set iterations below.

Usage:
    python3 harness.py FILE.py            one line: the outcome JSON (contract python-subset.md s. 6)
    python3 harness.py --passes FILE.py   one JSON line per loop pass in which a program task steps
    python3 harness.py --batch            file paths on stdin, one line of JSON per file on stdout
    python3 harness.py --batch --passes   the same with the passes beside the outcome, and the
                                          program's plain callbacks as they ran ({pass, by})
    --py-task                             use the pure-Python Task (asyncio.tasks._PyTask); diagnostic
    --cpython-set-order                   keep CPython's set iteration orders (see patch_set_orders)

The virtual clock (the rules the Rust engine implements too):
- Time is an integer number of microseconds, starting at 0. `loop.time()`, `time.monotonic()` and
  `time.perf_counter()` return `us / 1e6`; `time.time()` returns `1700000000.0 + us / 1e6`.
- `time.sleep(s)` advances the clock by `round(s * 1e6)` us with nothing else running.
- A timer armed for `when` (seconds, a float) is due at `round(when * 1e6)` us. Timers due at the
  same microsecond fire in the order they were armed.
- When the loop has nothing ready and a timer pending (`select(timeout > 0)`), the clock jumps to
  the earliest timer's deadline rounded up to the next whole millisecond (never backwards).
  With nothing ready and no timer (`select(None)`), the program waits forever: the run stops with
  a harness error.
- Milliseconds in the outcome are `(us + 500) // 1000`.
- Where asyncio iterates a *set* of tasks or awaitables in an order the program can see (and that
  varies between CPython runs, as it follows object addresses), the harness picks one of CPython's
  possible orders: creation order for the cancels of a TaskGroup abort and of asyncio.run's
  shutdown, argument order for the tasks as_completed makes from coroutines (patch_set_orders).

What the outcome records (contract python-subset.md section 6):
- stdout lines split on "\n"; a line's time is when its "\n" was written; a last line without a
  newline counts, at the time of its last write.
- For every task: its final name (get_name() when the run is over), the coroutine's __qualname__,
  and, taken at the moment its future completes (not when its done-callbacks run, a pass later),
  its state, end time and the repr of its result or its error.
- main is the first task asyncio.run (or Runner.run) made; tasks lists all others in creation
  order, without asyncio.run's shutdown_asyncgens/shutdown_default_executor tasks.
- traceback: frames of the escaped exception's __traceback__ in the program's file, outermost
  first, and traceback.format_exception_only(e, show_group=True) split into lines.
- unretrieved: failed tasks whose _log_traceback is still set after asyncio.run returned.
- The recursion limit is raised by the harness's own stack depth, so RecursionError comes at the
  same depth as under `python3 FILE.py`.

Each program runs in a forked child of this process (asyncio is imported once, here), so every
program starts fresh: task names start at Task-1, `random.seed(0)` is in effect, the clock is 0.
A child that crashes or runs longer than 20 s of real time gives a harness error, never a hang.
Nothing but the requested JSON goes to stdout; diagnostics go to stderr.
"""

import asyncio
import asyncio.base_events
import asyncio.base_futures
import asyncio.events
import asyncio.queues
import asyncio.runners
import asyncio.taskgroups
import asyncio.tasks
import builtins
import functools
import gc
import io
import json
import os
import random
import re
import select
import selectors
import signal
import sys
import sysconfig
import time
import traceback
import types
import warnings
import weakref

REAL_TIME_LIMIT_S = 20.0
VIRTUAL_TIME_LIMIT_US = 24 * 3600 * 1_000_000
TIME_OFFSET = 1700000000.0

# The real time functions, kept before anything is patched (the parent needs a real clock to
# enforce the 20 s limit; the virtual sleep calls the real one only to raise its errors).
REAL_MONOTONIC = time.monotonic
REAL_SLEEP = time.sleep


class HarnessError(Exception):
    """A run that cannot give an outcome (waits forever, runs past the limits, crashes)."""


# --------------------------------------------------------------------------------------------
# The virtual clock
# --------------------------------------------------------------------------------------------

class VirtualClock:
    """Integer microseconds. `marks` notes, for the stdout capture, how many chunks had been
    written when the clock moved, so each written chunk gets the time at which it was written
    without the writer having to run any Python code (see CapturedStdout)."""

    def __init__(self):
        self.us = 0
        self.stdout = None  # the CapturedStdout of the run, if any

    def seconds(self):
        return self.us / 1e6

    def advance_to(self, us):
        if us <= self.us:
            return
        if us > VIRTUAL_TIME_LIMIT_US:
            abort_run(f"virtual time passes 24 hours (a jump to {us // 1000} ms)")
        self.us = us
        if self.stdout is not None:
            self.stdout.marks.append((len(self.stdout.chunks), us))


CLOCK = VirtualClock()


def ms_of(us):
    """Milliseconds as the outcome reports them: rounded to the nearest, halves up."""
    return (us + 500) // 1000


def ceil_to_ms(us):
    return -(-us // 1000) * 1000


def virtual_monotonic():
    return CLOCK.us / 1e6


def virtual_time():
    return TIME_OFFSET + CLOCK.us / 1e6


def virtual_sleep(secs):
    """time.sleep: block the whole program for `secs` of virtual time. Arguments CPython rejects
    (negative, NaN, infinite, too large, not a number) are handed to the real time.sleep, which
    raises the very same exception at once without sleeping."""
    if isinstance(secs, (int, float)) and secs == secs and 0 <= secs <= 9e9:
        CLOCK.advance_to(CLOCK.us + round(secs * 1e6))
        return None
    return REAL_SLEEP(secs)


def patch_time_module():
    """Replace the time module's clocks before the program runs, so that `from time import sleep`
    in the program gets the virtual one too."""
    time.monotonic = virtual_monotonic
    time.perf_counter = virtual_monotonic
    time.time = virtual_time
    time.sleep = virtual_sleep


# --------------------------------------------------------------------------------------------
# Timers: deadlines in whole microseconds, ties broken by arming order
# --------------------------------------------------------------------------------------------

class VirtualTimerHandle(asyncio.events.TimerHandle):
    """A TimerHandle with its deadline in integer microseconds (`_us`) and its arming sequence
    number (`_seq`). `_when` is set to `_us / 1e6` so that the loop's own float comparisons
    (`_when >= now + resolution`) agree exactly with the integer ones."""

    __slots__ = ('_us', '_seq')


TIMER_SEQ = [0]


def timer_key(handle):
    return (handle._us, handle._seq)


def patch_timer_ordering():
    """heapq is not stable: order timers by (deadline in us, arming sequence)."""
    TH = asyncio.events.TimerHandle

    def lt(self, other):
        if isinstance(other, TH):
            return timer_key(self) < timer_key(other)
        return NotImplemented

    def le(self, other):
        if isinstance(other, TH):
            return timer_key(self) <= timer_key(other)
        return NotImplemented

    def gt(self, other):
        if isinstance(other, TH):
            return timer_key(self) > timer_key(other)
        return NotImplemented

    def ge(self, other):
        if isinstance(other, TH):
            return timer_key(self) >= timer_key(other)
        return NotImplemented

    TH.__lt__, TH.__le__, TH.__gt__, TH.__ge__ = lt, le, gt, ge


# --------------------------------------------------------------------------------------------
# Set iteration orders
# --------------------------------------------------------------------------------------------

def creation_index(task):
    rec = RUN.records.get(task) if RUN is not None else None
    return rec.index if rec is not None else float('inf')


def patch_set_orders():
    """asyncio iterates sets of tasks in three places where the program can see the order. A set
    of tasks iterates by object address, which changes from one CPython run to the next (try
    as_completed of coroutines twice). Each replacement below is the 3.13 code with the set
    iterated in one fixed order that CPython could also have produced."""
    TaskGroup = asyncio.taskgroups.TaskGroup

    def _abort(self):
        # taskgroups.TaskGroup._abort: cancel the unfinished children in creation order.
        self._aborting = True

        for t in sorted(self._tasks, key=creation_index):
            if not t.done():
                t.cancel()

    TaskGroup._abort = _abort

    def _cancel_all_tasks(loop):
        # runners._cancel_all_tasks: cancel what is left at shutdown in creation order.
        to_cancel = sorted(asyncio.tasks.all_tasks(loop), key=creation_index)
        if not to_cancel:
            return

        for task in to_cancel:
            task.cancel()

        loop.run_until_complete(asyncio.tasks.gather(*to_cancel, return_exceptions=True))

        for task in to_cancel:
            if task.cancelled():
                continue
            if task.exception() is not None:
                loop.call_exception_handler({
                    'message': 'unhandled exception during asyncio.run() shutdown',
                    'exception': task.exception(),
                    'task': task,
                })

    asyncio.runners._cancel_all_tasks = _cancel_all_tasks

    AsCompleted = asyncio.tasks._AsCompletedIterator

    def __init__(self, aws, timeout):
        # tasks._AsCompletedIterator.__init__: wrap the awaitables in argument order (duplicates
        # dropped, as set(aws) drops them), so tasks made from coroutines get their names and
        # their first steps in that order.
        self._done = asyncio.queues.Queue()
        self._timeout_handle = None

        loop = asyncio.events.get_event_loop()
        todo = [asyncio.tasks.ensure_future(aw, loop=loop) for aw in dict.fromkeys(aws)]
        for f in todo:
            f.add_done_callback(self._handle_completion)
        if todo and timeout is not None:
            self._timeout_handle = (
                loop.call_later(timeout, self._handle_timeout)
            )
        self._todo = set(todo)
        self._todo_left = len(todo)

    AsCompleted.__init__ = __init__


# --------------------------------------------------------------------------------------------
# Task records
# --------------------------------------------------------------------------------------------

SHUTDOWN_CODES = (
    asyncio.base_events.BaseEventLoop.shutdown_asyncgens.__code__,
    asyncio.base_events.BaseEventLoop.shutdown_default_executor.__code__,
)


class TaskRecord:
    """What is known of one task. It holds the task only weakly: a task the program drops is
    freed as in `python3 FILE.py`, and logs "Task exception was never retrieved" then."""

    def __init__(self, task, index, created_us, is_main):
        self.ref = weakref.ref(task)
        self.task_id = id(task)
        self.name = task.get_name()
        self.logged = False  # it was freed with its exception unretrieved (and said so)
        self.index = index  # creation order
        coro = task.get_coro()
        self.coro = getattr(coro, '__qualname__', type(coro).__name__)
        self.created_us = created_us
        self.is_main = is_main
        self.state = 'pending'
        self.end_us = None
        self.value = None  # {"result": repr} or {"error": {...}}

    @property
    def task(self):
        return self.ref()

    def current_name(self):
        task = self.ref()
        return self.name if task is None else task.get_name()


class Run:
    """Everything recorded about one program run."""

    def __init__(self, path, record_passes):
        self.path = path
        self.record_passes = record_passes
        self.records = weakref.WeakKeyDictionary()  # live task -> its TaskRecord
        self.order = []        # every TaskRecord, in creation order
        self.main = None       # the TaskRecord of the first asyncio.run's main task
        self.passes = []
        self.callbacks = []    # the program's plain callbacks as they ran: {pass, by}
        self.program_handles = {}  # id(handle) -> (weakref to it, its kind), until it runs
        self.pass_count = {}   # loop -> number of passes so far
        self.stdout = None


RUN = None


def completion_marker(task):
    """The first done-callback of every task. It never runs: VirtualLoop.call_soon recognises it
    when the task's completion schedules its callbacks, records the task's end and does not queue
    it, so the ready queue (and the pass count) stays exactly as CPython's."""


def repr_info_without_marker(future, _original=asyncio.base_futures._future_repr_info):
    """base_futures._future_repr_info (what every future's and task's repr is made of), with the
    harness's completion_marker left out of its `cb=[...]` list, which then lists and counts the
    program's callbacks as CPython does."""
    info = _original(future)
    at = next((i for i, part in enumerate(info) if part.startswith('cb=[')), None)
    if at is not None:
        del info[at]
        callbacks = [cb for cb in future._callbacks if cb[0] is not completion_marker]
        if callbacks:
            info.insert(at, asyncio.base_futures._format_callbacks(callbacks))
    return info


asyncio.base_futures._future_repr_info = repr_info_without_marker


def quietly(fn, *args):
    """Call fn (a repr or str that may run the program's own __repr__/__str__) with its prints
    discarded and its exceptions turned into text."""
    saved = sys.stdout
    sink = []
    sys.stdout = types.SimpleNamespace(write=sink.append, flush=tuple)
    try:
        return fn(*args)
    except BaseException as e:  # noqa: BLE001 - a broken __repr__ must not break the harness
        return f'<{fn.__name__} failed: {type(e).__name__}>'
    finally:
        sys.stdout = saved


def error_json(e):
    """The contract's error object: type and str(), and for groups their message and members."""
    if isinstance(e, BaseExceptionGroup):
        return {'type': type(e).__name__, 'message': quietly(lambda: e.message),
                'exceptions': [error_json(x) for x in e.exceptions]}
    return {'type': type(e).__name__, 'message': quietly(str, e)}


def record_completion(task):
    """Called at the moment a task's future completes (from call_soon, see completion_marker).
    Reads `_exception`/`_result` directly: `exception()` would mark the exception retrieved."""
    rec = RUN.records.get(task)
    if rec is None or rec.end_us is not None:
        return
    rec.end_us = CLOCK.us
    rec.name = task.get_name()
    if task.cancelled():
        rec.state = 'cancelled'
    elif task._exception is not None:
        rec.state = 'failed'
        rec.value = {'error': error_json(task._exception)}
    else:
        rec.state = 'done'
        rec.value = {'result': quietly(repr, task._result)}


# --------------------------------------------------------------------------------------------
# The loop: virtual selector, timers, task creation, completion, passes
# --------------------------------------------------------------------------------------------

def is_step_callback(cb):
    """Is this callback a task's __step or __wakeup (of any task, C or pure-Python)?"""
    return type(cb).__name__ == 'TaskStepMethWrapper' or (
        isinstance(getattr(cb, '__self__', None), asyncio.Future)
        and getattr(cb, '__name__', None) in ('task_wakeup', '__step', '__wakeup'))


def is_task_step(handle):
    """Is this ready handle a step or wakeup of one of the program's tasks?"""
    cb = handle._callback
    owner = getattr(cb, '__self__', None)
    return owner is not None and owner in RUN.records and is_step_callback(cb)


def program_callback_kind(callback, args, timer, direct):
    """Which of the program's plain callbacks a callback being scheduled is: 'call_soon' or
    'call_later' when the program's own code scheduled it (`direct`), 'add_done_callback' when a
    done future schedules a callback that is not asyncio's own; None for a task's step or wakeup
    and for asyncio's own callbacks."""
    if is_step_callback(callback):
        return None
    if not timer and len(args) == 1 and asyncio.isfuture(args[0]) and args[0].done():
        f = callback
        while isinstance(f, functools.partial):
            f = f.func
        module = getattr(getattr(f, '__func__', f), '__module__', None) or ''
        return None if module == 'asyncio' or module.startswith('asyncio.') else 'add_done_callback'
    if direct:
        return 'call_later' if timer else 'call_soon'
    return None


def note_program_callback(handle, callback, args, timer, depth):
    """Notes `handle` if it is one of the program's plain callbacks; `depth` is the frame of the
    code that asked the loop for it."""
    if RUN is None or not RUN.record_passes:
        return
    direct = sys._getframe(depth + 1).f_code.co_filename == RUN.path
    kind = program_callback_kind(callback, args, timer, direct)
    if kind is not None and type(handle) in (asyncio.events.Handle, VirtualTimerHandle):
        handle.__class__ = ProgramTimerHandle if timer else ProgramHandle
        RUN.program_handles[id(handle)] = (weakref.ref(handle), kind)


def note_callback_run(handle):
    """A program's plain callback is about to run: note its pass and kind."""
    ref, kind = RUN.program_handles.pop(id(handle), (None, None))
    if ref is not None and ref() is handle:
        RUN.callbacks.append({'pass': RUN.pass_count.get(handle._loop, 0), 'by': kind})


class ProgramHandle(asyncio.events.Handle):
    """A handle of the program's plain callbacks, its class swapped in when it is scheduled: its
    run is noted. Only these handles run through this one more frame (a task's steps keep the
    stack depth the program sees), and it keeps its class's name in reprs."""

    __slots__ = ()

    def _run(self):
        note_callback_run(self)
        return asyncio.events.Handle._run(self)


class ProgramTimerHandle(VirtualTimerHandle):
    """ProgramHandle for a timer's handle."""

    __slots__ = ()

    def _run(self):
        note_callback_run(self)
        return asyncio.events.Handle._run(self)


ProgramHandle.__name__ = ProgramHandle.__qualname__ = 'Handle'
ProgramTimerHandle.__name__ = ProgramTimerHandle.__qualname__ = VirtualTimerHandle.__name__


def note_pass(loop):
    """Called at the start of every pass (select() is called exactly once per _run_once, before
    the due timers are moved to the ready queue): record which program tasks step in it."""
    n = RUN.pass_count.get(loop, 0) + 1
    RUN.pass_count[loop] = n
    if RUN.record_passes:
        steps = [h._callback.__self__.get_name() for h in loop._ready
                 if not h._cancelled and is_task_step(h)]
        if steps:
            RUN.passes.append({'pass': n, 'ms': ms_of(CLOCK.us), 'steps': steps})


class VirtualSelector(selectors.SelectSelector):
    """Never waits: it moves the virtual clock to where the real one would be when epoll
    returned. It keeps SelectSelector's bookkeeping (the loop registers its self-pipe)."""

    loop = None

    def select(self, timeout=None):
        note_pass(self.loop)
        if timeout is None:
            pending = [r.current_name() for r in RUN.order if r.task is not None and not r.task.done()]
            abort_run('the program waits forever: nothing is ready and no timer is armed '
                      f'(at {ms_of(CLOCK.us)} ms; pending tasks: {", ".join(pending) or "none"})')
        if timeout > 0:
            CLOCK.advance_to(ceil_to_ms(self.loop._scheduled[0]._us))
        return []


class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        selector = VirtualSelector()
        super().__init__(selector)
        selector.loop = self

    def call_exception_handler(self, context):
        """The default handler (it logs to stderr), after noting a task freed unretrieved."""
        fut = context.get('future')
        if context.get('message') == 'Task exception was never retrieved' and RUN is not None:
            for rec in reversed(RUN.order):
                if rec.task_id == id(fut) and rec.ref() in (None, fut):
                    rec.logged = True
                    break
        super().call_exception_handler(context)

    def time(self):
        return CLOCK.us / 1e6

    def call_at(self, when, callback, *args, context=None):
        """BaseEventLoop.call_at, with the deadline in whole microseconds and a sequence number."""
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, 'call_at')
        us = round(when * 1e6)
        timer = VirtualTimerHandle(us / 1e6, callback, args, self, context)
        timer._us = us
        TIMER_SEQ[0] += 1
        timer._seq = TIMER_SEQ[0]
        if timer._source_traceback:
            del timer._source_traceback[-1]
        asyncio.base_events.heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        # Asked for by the program: directly, or through call_later.
        caller = sys._getframe(1).f_code
        note_program_callback(timer, callback, args, True,
                              2 if caller is asyncio.base_events.BaseEventLoop.call_later.__code__ else 1)
        return timer

    def call_soon(self, callback, *args, context=None):
        if callback is completion_marker:
            record_completion(args[0])
            return None
        handle = super().call_soon(callback, *args, context=context)
        note_program_callback(handle, callback, args, False, 1)
        return handle

    def create_task(self, coro, *, name=None, context=None):
        """BaseEventLoop.create_task (no task factory: in 3.13.0 a factory does not get the name,
        and create_task then calls set_name(None), which renames the task 'None'), plus a record."""
        task = super().create_task(coro, name=name, context=context)
        code = getattr(coro, 'cr_code', None)
        if code not in SHUTDOWN_CODES:
            is_main = (RUN.main is None
                       and sys._getframe(1).f_code is asyncio.runners.Runner.run.__code__)
            rec = TaskRecord(task, len(RUN.order), CLOCK.us, is_main)
            RUN.records[task] = rec
            RUN.order.append(rec)
            if is_main:
                RUN.main = rec
            task.add_done_callback(completion_marker)
        return task


class VirtualPolicy(asyncio.DefaultEventLoopPolicy):
    """asyncio.run and asyncio.Runner get their loop from the policy: no argument of theirs
    changes, and set_event_loop is called as in a normal run."""
    _loop_factory = VirtualLoop


# --------------------------------------------------------------------------------------------
# stdout capture
# --------------------------------------------------------------------------------------------

class CapturedStdout:
    """sys.stdout for the program. `write` is a list's append and `flush` a builtin, so print()
    runs no Python frame: a print at the deepest recursion level behaves as with the real
    stdout. Times come from the clock's marks."""

    encoding = 'utf-8'
    errors = 'strict'

    def __init__(self):
        self.chunks = []
        self.marks = [(0, CLOCK.us)]
        self.write = self.chunks.append
        self.flush = tuple

    def isatty(self):
        return False

    def lines(self):
        """(lines, ms): completed lines and the time each was completed; a last line without a
        newline counts, at the time of its last write."""
        lines, times = [], []
        current, current_us = [], None
        marks, mi, us = self.marks, 0, 0
        for i, chunk in enumerate(self.chunks):
            while mi < len(marks) and marks[mi][0] <= i:
                us = marks[mi][1]
                mi += 1
            if not isinstance(chunk, str):
                chunk = str(chunk)
            parts = chunk.split('\n')
            for part in parts[:-1]:
                current.append(part)
                lines.append(''.join(current))
                times.append(ms_of(us))
                current = []
            if parts[-1]:
                current.append(parts[-1])
                current_us = us
        if current:
            lines.append(''.join(current))
            times.append(ms_of(current_us))
        return lines, times


# --------------------------------------------------------------------------------------------
# Running the program and building the outcome
# --------------------------------------------------------------------------------------------

def python_depth():
    f, n = sys._getframe(1), 0
    while f is not None:
        n += 1
        f = f.f_back
    return n


def exec_program(path):
    """Execute the program as __main__. Returns the exception that escaped it, or None."""
    with open(path, encoding='utf-8') as f:
        source = f.read()
    module = types.ModuleType('__main__')
    module.__file__ = path
    module.__builtins__ = builtins
    sys.modules['__main__'] = module
    sys.argv = [path]
    try:
        code = compile(source, path, 'exec')
    except SyntaxError as e:
        return e
    # The program's <module> frame sits on top of the harness's frames: give the recursion
    # limit that many more, so RecursionError comes at the same depth as in `python3 FILE.py`.
    sys.setrecursionlimit(sys.getrecursionlimit() + python_depth())
    try:
        exec(code, module.__dict__)
    except BaseException as e:  # noqa: BLE001 - SystemExit and KeyboardInterrupt count too
        return e
    return None


def traceback_json(e, path):
    if e is None:
        return None
    frames = []
    tb = e.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename == path:
            frames.append({'line': tb.tb_lineno, 'function': code.co_name})
        tb = tb.tb_next
    text = ''.join(quietly(lambda: traceback.format_exception_only(e, show_group=True)))
    lines = [without_stdlib_path(line.rstrip()) for line in text.split('\n') if line.strip()]
    return {'frames': frames, 'exception': lines}


HARNESS_FILE = os.path.abspath(__file__)
STDLIB = sysconfig.get_paths()['stdlib']

# A frame line of a printed traceback: whatever margin (exception groups draw `|`), then `  File`.
FRAME_LINE = re.compile(r'^(?P<margin>.*?)  File "(?P<file>[^"]*)", line \d+')


def collapse_foreign_frames(text, path):
    """Each run of frames from files other than the program's becomes one `...` line (with the
    margin it had), as the playground prints asyncio's own frames."""
    out, lines, i = [], text.split('\n'), 0
    while i < len(lines):
        m = FRAME_LINE.match(lines[i])
        if m is None or m['file'] == path:
            out.append(lines[i])
            i += 1
            continue
        body = m['margin'] + '    '
        i += 1
        while i < len(lines) and lines[i].startswith(body) and not FRAME_LINE.match(lines[i]):
            i += 1
        if m['file'] == HARNESS_FILE:
            continue  # the harness's own frames, above the program's: `python3 FILE.py` has none
        elided = m['margin'] + '  ...'
        if not out or out[-1] != elided:
            out.append(elided)
    return without_stdlib_path('\n'.join(out))


def without_stdlib_path(text):
    """CPython names asyncio's installed files (a warning issued in its code, a callback listed in
    a future's repr); the playground names them by their place in the standard library
    (`asyncio/events.py:89: RuntimeWarning: …`, `cb=[gather.<locals>._done_callback() at
    asyncio/tasks.py:820]`)."""
    return text.replace(STDLIB + '/', '')


def printed_traceback(e, path):
    """What `python3 FILE.py` prints for the exception that escaped it: from the program's own
    <module> frame (the harness's frames above it are not shown)."""
    if e is None:
        return ''
    tb = e.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != path:
        tb = tb.tb_next
    return ''.join(quietly(lambda: traceback.format_exception(type(e), e, tb)))


def task_json(rec):
    out = {'name': rec.current_name(), 'coro': rec.coro, 'created_ms': ms_of(rec.created_us),
           'state': rec.state, 'end_ms': None if rec.end_us is None else ms_of(rec.end_us)}
    if rec.value:
        out.update(rec.value)
    return out


def main_json(rec):
    if rec is None:
        return None
    out = {'state': rec.state, 'end_ms': None if rec.end_us is None else ms_of(rec.end_us)}
    if rec.value:
        out.update(rec.value)
    return out


def outcome_json(escaped):
    lines, times = RUN.stdout.lines()
    lines = [without_stdlib_path(line) for line in lines]
    others = [r for r in RUN.order if r is not RUN.main]
    unretrieved = [r.current_name() for r in RUN.order
                   if r.state == 'failed' and (r.logged or (r.task is not None and r.task._log_traceback))]
    return {
        'stdout': lines,
        'stdout_ms': times,
        'main': main_json(RUN.main),
        'tasks': [task_json(r) for r in others],
        'traceback': traceback_json(escaped, RUN.path),
        'unretrieved': unretrieved,
    }


# --------------------------------------------------------------------------------------------
# The child process: one program, its result written as JSON to a pipe
# --------------------------------------------------------------------------------------------

RESULT_FD = [None]


def send_result(result):
    data = json.dumps(result).encode()
    fd = RESULT_FD[0]
    while data:
        n = os.write(fd, data)
        data = data[n:]
    os.close(fd)


def abort_run(message):
    """Stop the run at once with a harness error, without unwinding through the program."""
    partial = None
    try:
        partial = outcome_json(None)
    except Exception:  # noqa: BLE001 - the error message matters more than the partial outcome
        pass
    send_result({'harness_error': message, 'partial': partial, 'passes': RUN.passes})
    os._exit(0)


def child_main(path, record_passes, result_fd):
    """Runs in the forked child: set the run up, execute the program, send the result."""
    global RUN
    RESULT_FD[0] = result_fd
    os.dup2(2, 1)  # anything written to fd 1 by accident goes to stderr, not into the JSON
    try:
        RUN = Run(path, record_passes)
        random.seed(0)
        RUN.stdout = CapturedStdout()
        CLOCK.stdout = RUN.stdout
        sys.stdout = RUN.stdout
        stderr = sys.stderr = io.StringIO()
        escaped = exec_program(path)
        # The escaped exception is printed while it is alive (it keeps its frames' locals, as in
        # `python3 FILE.py`); what is freed with it reports afterwards.
        sys.stdout = sys.__stderr__
        outcome = outcome_json(escaped)
        stderr.write(printed_traceback(escaped, path))
        # What the escaped exception kept alive goes as at interpreter exit, where no frame runs:
        # the warnings module writes such a warning as `<sys>:0: …`, with neither a source line
        # nor the tracemalloc hint.
        def at_exit(message, category, filename, lineno, file=None, line=None):
            stderr.write(f'<sys>:0: {category.__name__}: {message}\n')
        saved_showwarning, warnings.showwarning = warnings.showwarning, at_exit
        try:
            escaped = None
            gc.collect()
        finally:
            warnings.showwarning = saved_showwarning
        sys.stderr = sys.__stderr__
        result = {'outcome': outcome, 'stderr': collapse_foreign_frames(stderr.getvalue(), path),
                  'passes': RUN.passes, 'callbacks': RUN.callbacks}
    except BaseException:  # noqa: BLE001 - an error of the harness itself
        sys.stdout = sys.__stderr__
        result = {'harness_error': 'harness failure: ' + traceback.format_exc()}
    send_result(result)
    os._exit(0)


def run_in_child(path, record_passes):
    """Fork, run the program in the child, and return its result dict (never hangs)."""
    sys.stdout.flush()
    sys.stderr.flush()
    rfd, wfd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(rfd)
        try:
            child_main(path, record_passes, wfd)
        finally:
            os._exit(70)
    os.close(wfd)
    chunks, deadline, timed_out = [], REAL_MONOTONIC() + REAL_TIME_LIMIT_S, False
    while True:
        left = deadline - REAL_MONOTONIC()
        if left <= 0:
            timed_out = True
            break
        ready, _, _ = select.select([rfd], [], [], left)
        if ready:
            data = os.read(rfd, 1 << 16)
            if not data:
                break
            chunks.append(data)
    os.close(rfd)
    if timed_out:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    if timed_out:
        return {'harness_error': f'the program ran over {REAL_TIME_LIMIT_S:g} s of real time'}
    try:
        return json.loads(b''.join(chunks))
    except ValueError:
        return {'harness_error': f'the harness child crashed (wait status {status})'}


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------

def setup_parent(py_task, cpython_set_order):
    """Install the patches once, in the parent, before any fork."""
    patch_time_module()
    patch_timer_ordering()
    if not cpython_set_order:
        patch_set_orders()
    asyncio.set_event_loop_policy(VirtualPolicy())
    if py_task:
        asyncio.tasks.Task = asyncio.Task = asyncio.tasks._PyTask


def emit(obj):
    sys.stdout.write(json.dumps(obj) + '\n')
    sys.stdout.flush()


def report_error_to_stderr(path, result):
    print(f'harness: {path}: {result["harness_error"]}', file=sys.stderr)
    if result.get('partial'):
        print(f'harness: partial outcome: {json.dumps(result["partial"])}', file=sys.stderr)


def run_single(path, record_passes):
    result = run_in_child(path, record_passes)
    if record_passes:
        for p in result.get('passes') or []:
            emit(p)
    if 'harness_error' in result:
        report_error_to_stderr(path, result)
        emit({'harness_error': result['harness_error']})
        return 1
    if not record_passes:
        emit(result['outcome'])
    return 0


def run_batch(record_passes):
    status = 0
    for line in sys.stdin:
        path = line.strip()
        if not path:
            continue
        result = run_in_child(path, record_passes)
        if 'harness_error' in result:
            report_error_to_stderr(path, result)
            emit({'file': path, 'harness_error': result['harness_error']})
            status = 1
        else:
            line = {'file': path, 'outcome': result['outcome'], 'stderr': result['stderr']}
            if record_passes:
                line['passes'] = result['passes']
                line['callbacks'] = result['callbacks']
            emit(line)
    return status


def main(argv):
    args = argv[1:]
    record_passes = '--passes' in args
    batch = '--batch' in args
    py_task = '--py-task' in args
    cpython_set_order = '--cpython-set-order' in args
    files = [a for a in args if not a.startswith('--')]
    unknown = [a for a in args if a.startswith('--') and a not in ('--passes', '--batch', '--py-task', '--cpython-set-order')]
    if unknown or (batch and files) or (not batch and len(files) != 1):
        print(__doc__.split('\n\n')[2], file=sys.stderr)
        return 2
    setup_parent(py_task, cpython_set_order)
    if batch:
        return run_batch(record_passes)
    return run_single(files[0], record_passes)


if __name__ == '__main__':
    sys.exit(main(sys.argv))
