# Fuzz seed 40 #30: a failed task waits in an abandoned as_completed iterator's queue; cancelling the iterator's timer lets go of it (Handle.cancel() drops the callback), so CPython logs it as never retrieved
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

BACKGROUND = []


async def n1(x):
    for k in range(1):
        try:
            item = await asyncio.wait_for(QUEUE.get(), 0.05)
        except TimeoutError:
            print(f"n1: queue empty for 0.05 s (empty={QUEUE.empty()})")
            break
        print(f"n1: got {item}")
        QUEUE.task_done()
    time.sleep(0.001)
    print(f"n1: blocked the loop for 0.001 s")
    print(f"n1: at step {x}")
    print(f"n1: done")


async def n3(x):
    print(f"n3: at step {x}")
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print(f"n3: cancelled while sleeping {e.args}")
        print(f"n3: swallows the cancel")
        return "swallowed"
    print(f"n3: done")


async def n4(x):
    print(f"n4: waits for the event")
    await EVENT.wait()
    print(f"n4: event is set")
    print(f"n4: done")


async def n5(x):
    if x % 5 == 1:
        raise CodedError(x)
    x = (x * 5 + 19) % 101
    print("n5: squares", [i * i for i in range(x % 5)])
    return [x][x + 1]


async def n2(x):
    await asyncio.sleep(0.01)
    print(f"n2: slept 0.01 ({x})")
    tasks = [asyncio.create_task(n3(x + 1)), asyncio.create_task(n4(x + 2)), asyncio.create_task(n5(x + 3))]
    try:
        async for t in asyncio.as_completed(tasks, timeout=1):
            print(f"n2: next finished: {describe(t)}")
    except TimeoutError:
        print(f"n2: async for as_completed timed out:", [describe(t) for t in tasks])
    await asyncio.sleep(0.25)
    print(f"n2: done")


async def n8(x):
    print(f"n8: waits for the event")
    await EVENT.wait()
    print(f"n8: event is set")
    time.sleep(0.05)
    print(f"n8: blocked the loop for 0.05 s")
    print(f"n8: at step {x}")
    before = STATE["counter"]
    await asyncio.sleep(0)
    STATE["counter"] = before + 1
    print(f"n8: counter {before} -> {STATE['counter']}")
    return [x][x + 1]


async def n9(x):
    time.sleep(0.01)
    print(f"n9: blocked the loop for 0.01 s")
    print(f"n9: returns {x}")
    return x


async def n10(x):
    x = (x * 8 + 3) % 50
    print(f"n10: computed {x}")
    x = (x * 8 + 18) % 101
    print(f"n10: computed {x}")
    print(f"n10: done")


async def n7(x):
    before = STATE["counter"]
    await asyncio.sleep(0)
    STATE["counter"] = before + 1
    print(f"n7: counter {before} -> {STATE['counter']}")
    async with LOCK:
        print(f"n7: holds the lock")
        await asyncio.sleep(0)
        STATE["log"].append(x)
    print(f"n7: released the lock")
    tasks = [asyncio.create_task(n8(x + 1)), asyncio.create_task(n9(x + 2)), asyncio.create_task(n10(x + 3))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.ALL_COMPLETED)
    print(f"n7: wait ALL_COMPLETED -> done", names(done), "pending", names(pending))
    for t in tasks:
        if t in done:
            print(f"n7:   {describe(t)}")
    return f"n7:{x}"


async def n11(x):
    try:
        print(f"n11: at step {x}")
        print(f"n11: at step {x}")
        await asyncio.sleep(0.01)
    except Exception as e:
        print(f"n11: caught {type(e).__name__}")
    print(f"n11: returns {x}")
    return x


async def n12(x):
    print(f"n12: sets the event, was set: {EVENT.is_set()}")
    EVENT.set()
    try:
        await asyncio.sleep(0.1)
    except asyncio.CancelledError as e:
        print(f"n12: cancelled while sleeping {e.args}")
        print(f"n12: swallows the cancel")
        return "swallowed"
    await asyncio.sleep(0.05)
    if x % 5 == 4:
        raise ValueError(f"n12 failed with {x}")
    print(f"n12: returns {x}")
    return x


async def n6(x):
    for k in range(3):
        try:
            await asyncio.wait_for(QUEUE.put((x * k) % 10), 0.15)
            print(f"n6: put {(x * k) % 10}")
        except TimeoutError:
            print(f"n6: put timed out")
    tasks = [asyncio.create_task(n7(x + 1)), asyncio.create_task(n11(x + 2)), asyncio.create_task(n12(x + 3))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.ALL_COMPLETED)
    print(f"n6: wait ALL_COMPLETED -> done", names(done), "pending", names(pending))
    for t in tasks:
        if t in done:
            print(f"n6:   {describe(t)}")
    if pending:
        await asyncio.wait(pending)
        print(f"n6: the rest ->", [describe(t) for t in tasks if t in pending])
    print(f"n6: waits for the event")
    await EVENT.wait()
    print(f"n6: event is set")
    for k in range(2):
        try:
            QUEUE.put_nowait((x + k) % 10)
            print(f"n6: put {(x + k) % 10}, size {QUEUE.qsize()}")
        except asyncio.QueueFull:
            print(f"n6: queue full")
    return f"n6:{x}"


async def n14(x):
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        print(f"n14: cancelled while sleeping {e.args}")
        print(f"n14: swallows the cancel")
        return "swallowed"
    await asyncio.sleep(0.1)
    print(f"n14: slept 0.1 ({x})")
    print(f"n14: done")


async def n16(x):
    time.sleep(0.01)
    print(f"n16: blocked the loop for 0.01 s")
    return f"n16:{x}"


async def n15(x):
    try:
        BACKGROUND.append(asyncio.create_task(n16(x + 1)))
        print(f"n15: started 1 in the background")
    except (ValueError, KeyError) as e:
        print(f"n15: caught {type(e).__name__}: {e}")
    finally:
        print(f"n15: finally")
    print(f"n15: returns {x}")
    return x


async def n17(x):
    if x % 4 == 3:
        raise RuntimeError("n17 gave up")
    print(f"n17: at step {x}")
    print(f"n17: at step {x}")
    return f"n17:{x}"


async def n13(x):
    try:
        x = (x * 4 + 19) % 101
        print(f"n13: computed {x}")
        tasks = [asyncio.create_task(n14(x + 1)), asyncio.create_task(n15(x + 2)), asyncio.create_task(n17(x + 3))]
        done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED, timeout=1)
        print(f"n13: wait FIRST_COMPLETED -> done", names(done), "pending", names(pending))
        for t in tasks:
            if t in done:
                print(f"n13:   {describe(t)}")
        if x % 2 == 1:
            return x // (x - x)
    except FuzzError as e:
        print(f"n13: caught own {e!r}")
    finally:
        print(f"n13: finally")
    print(f"n13: returns {x}")
    return x


async def main():
    global LOCK, EVENT, QUEUE
    LOCK = asyncio.Lock()
    EVENT = asyncio.Event()
    QUEUE = asyncio.Queue(maxsize=2)
    loop = asyncio.get_running_loop()
    loop.call_later(1, EVENT.set)
    x = 1
    t = asyncio.create_task(n1(x + 1))
    await asyncio.sleep(0.1)
    print(f"main: cancel -> {t.cancel(msg="enough")}, cancelling={t.cancelling()}")
    try:
        v = await t
        print(f"main: the child finished anyway -> {v!r}")
    except asyncio.CancelledError as e:
        print(f"main: child was cancelled {e.args}")
    except Exception as e:
        print(f"main: cancelled child raised {type(e).__name__}: {e}")
    x = (x * 3 + 3) % 101
    print("main: squares", [i * i for i in range(x % 5)])
    before = STATE["counter"]
    await asyncio.sleep(0)
    STATE["counter"] = before + 1
    print(f"main: counter {before} -> {STATE['counter']}")
    for k in range(1):
        try:
            await asyncio.wait_for(QUEUE.put((x * k) % 10), 0.1)
            print(f"main: put {(x * k) % 10}")
        except TimeoutError:
            print(f"main: put timed out")
    try:
        res = await asyncio.gather(n2(x + 1), n6(x + 2), n13(x + 3))
        print(f"main: gather ->", res)
    except FuzzError as e:
        print(f"main: gather raised own {e!r}")
    except (ValueError, KeyError, IndexError) as e:
        print(f"main: gather raised lookup/value {type(e).__name__}")
    except Exception as e:
        print(f"main: gather raised other {type(e).__name__}")
    print(f"main: done at {loop.time():.3f}, counter={STATE['counter']}, log={STATE['log']}")


asyncio.run(main())
