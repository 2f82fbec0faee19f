"""CPython as the oracle: run generated scenario programs on a virtual-time event loop.

Reads JSON lines {"spec": ..., "tasks": n, "program": "<python source>"} on stdin and writes, for
each, one JSON line with the outcome CPython produced (contract section 4, without "spec").

The program runs unmodified. Only what it calls is observed: asyncio.run gets a virtual-time loop
and a task factory; `work`, `asyncio.gather` and `asyncio.wait` are wrapped in coroutines that await
the original (a coroutine awaiting a coroutine adds no loop pass and no callback, so the schedule is
unchanged) and note how each ended and what main received.
"""

import asyncio
import contextlib
import io
import json
import math
import selectors
import sys


class VirtualClock:
    """Virtual time. Each read moves on by STEP (as a real clock does between two reads), so timers
    armed one after another get increasing deadlines; select() jumps to the millisecond of the next
    deadline, where every timer of that millisecond is due at once. `ms` is exact."""

    STEP = 1e-10
    OFFSET = 1e-4

    def __init__(self):
        self.ms = 0
        self.reads = 0

    def time(self):
        self.reads += 1
        return self.ms / 1000 + self.OFFSET + self.reads * self.STEP

    def jump(self, timeout):
        self.ms = max(self.ms, math.floor((self.time() + timeout) * 1000))


class VirtualSelector(selectors.SelectSelector):
    def __init__(self, clock):
        super().__init__()
        self.clock = clock

    def select(self, timeout=None):
        if timeout is None:
            raise RuntimeError("the loop would block forever: nothing ready, no timer armed")
        if timeout > 0:
            self.clock.jump(timeout)
        return []


class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        self.vclock = VirtualClock()
        super().__init__(VirtualSelector(self.vclock))

    def time(self):
        return self.vclock.time()


def error_json(e):
    if isinstance(e, BaseExceptionGroup):
        return {"type": type(e).__name__, "message": e.message,
                "exceptions": [error_json(x) for x in e.exceptions]}
    return {"type": type(e).__name__, "message": str(e)}


def run_program(source, ntasks):
    real_run, real_gather, real_wait = asyncio.run, asyncio.gather, asyncio.wait
    loops, ends, task_index = [], {}, {}
    seen = {"returned": None, "main_end": None}

    def now_ms():
        return loops[0].vclock.ms

    def note(i, state, error=None):
        ends[i] = {"index": i, "state": state, "end_ms": now_ms()}
        if error is not None:
            ends[i]["error"] = error_json(error)

    def run(main_coro, **kwargs):
        namespace = main_coro.cr_frame.f_globals
        work = namespace["work"]

        async def traced_work(*args):
            try:
                value = await work(*args)
            except asyncio.CancelledError:
                note(args[0], "cancelled")
                raise
            except Exception as e:
                note(args[0], "failed", e)
                raise
            note(args[0], "done")
            return value

        namespace["work"] = traced_work

        async def traced_main():
            try:
                return await main_coro
            finally:
                seen["main_end"] = now_ms()

        def cancelled_unstarted(task, i):
            if i not in ends and task.cancelled():
                note(i, "cancelled")

        def factory(loop, coro, **kw):
            task = asyncio.Task(coro, loop=loop, **kw)
            if getattr(coro, "cr_code", None) is traced_work.__code__:
                i = coro.cr_frame.f_locals["args"][0]
                task_index[task] = i
                task.add_done_callback(lambda t, i=i: cancelled_unstarted(t, i))
            return task

        def loop_factory():
            loop = VirtualLoop()
            loop.set_task_factory(factory)
            # "Task exception was never retrieved" goes to stderr at garbage collection: not stdout,
            # not part of the outcome.
            loop.set_exception_handler(lambda loop, context: None)
            loops.append(loop)
            return loop

        return real_run(traced_main(), loop_factory=loop_factory)

    async def gather(*aws, return_exceptions=False):
        results = await real_gather(*aws, return_exceptions=return_exceptions)
        seen["returned"] = {"results": [r if isinstance(r, int) else error_json(r) for r in results]}
        return results

    async def wait(fs, **kw):
        done, pending = await real_wait(fs, **kw)
        seen["returned"] = {"done": sorted(task_index[t] for t in done),
                            "pending": sorted(task_index[t] for t in pending)}
        return done, pending

    out = io.StringIO()
    main = {}
    asyncio.run, asyncio.gather, asyncio.wait = run, gather, wait
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(source, "<scenario>", "exec"), {"__name__": "__main__"})
        main["state"] = "done"
    except asyncio.CancelledError:
        main["state"] = "cancelled"
    except BaseException as e:
        main["state"] = "failed"
        main["error"] = error_json(e)
    finally:
        asyncio.run, asyncio.gather, asyncio.wait = real_run, real_gather, real_wait
    main["end_ms"] = seen["main_end"]
    tasks = [ends.get(i, {"index": i, "state": "not_started", "end_ms": None}) for i in range(ntasks)]
    return {"stdout": out.getvalue().splitlines(), "main": main, "returned": seen["returned"], "tasks": tasks}


def main():
    for line in sys.stdin:
        if line.strip():
            case = json.loads(line)
            outcome = run_program(case["program"], case["tasks"])
            outcome["spec"] = case["spec"]
            print(json.dumps(outcome), flush=True)


if __name__ == "__main__":
    main()
