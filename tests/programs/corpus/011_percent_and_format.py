# %-formatting (%s %d %r %f %.2f) and str.format with positional, keyword and indexed fields
import asyncio


async def report(task_id, seconds, label):
    await asyncio.sleep(seconds)
    print("task %d finished after %.2f s (%s)" % (task_id, seconds, label))
    print("repr: %r, str: %s, float: %f" % (label, label, seconds))
    return "%s-%d" % (label, task_id)


async def main():
    results = await asyncio.gather(report(1, 0.25, "fast"), report(2, 0.5, "slow"))
    print("results: %s" % results)
    print("%d%% done" % 100)
    print("%s" % "single value")
    print("%5d|%-5d|%05d" % (42, 42, 42))
    print("{} and {}".format("left", "right"))
    print("{1} before {0}".format("second", "first"))
    print("{name} is {age}".format(name="Grace", age=85))
    print("{0:>8}|{1:.3f}|{2!r}".format("right", 2.0 / 3, "q"))
    print("{:,}".format(10 ** 9))


asyncio.run(main())
