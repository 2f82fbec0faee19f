# dict methods: get, items, keys, values, pop, setdefault, update, copy; insertion order; KeyError
import asyncio


async def count_words(text):
    await asyncio.sleep(0.05)
    counts = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return counts


async def main():
    counts = await count_words("the loop runs the task and the task awaits")
    print(counts)
    print(list(counts.keys()), list(counts.values()), list(counts.items())[:2])
    print(counts.get("task"), counts.get("nothing"), counts.get("nothing", 0))
    print(counts.pop("and"), counts.pop("missing", "n/a"), "and" in counts)
    groups = {}
    for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
        groups.setdefault(word[0], []).append(word)
    print(groups, groups.setdefault("a"), groups.setdefault("z", "new"))
    config = {"debug": False, "level": 1}
    config.update({"level": 3, "name": "x"})
    config.update(extra=True)
    config.update([("pairs", 2)])
    print(config)
    snapshot = config.copy()
    config["debug"] = True
    print(snapshot["debug"], config["debug"], snapshot is config)
    for key, value in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{key:>7}: {value}")
    d = {"b": 1, "a": 2}
    d["c"] = 3
    del d["b"]
    d["b"] = 4
    print(d, len(d), {**d, "z": 0})
    try:
        d["missing"]
    except KeyError as e:
        print("KeyError:", e, repr(e))
    try:
        {}.pop("nope")
    except KeyError as e:
        print("KeyError:", e)


asyncio.run(main())
