# Classes: __init__, __repr__, __str__, class attributes, inheritance with super(), static/class methods, async methods
import asyncio


class Worker:
    created = 0
    kind = "generic"

    def __init__(self, name, speed=1.0):
        self.name = name
        self.speed = speed
        self.done = []
        Worker.created += 1

    def __repr__(self):
        return f"Worker({self.name!r}, speed={self.speed})"

    def __str__(self):
        return f"{self.kind} worker {self.name}"

    async def process(self, job):
        await asyncio.sleep(job / self.speed)
        self.done.append(job)
        return f"{self.name} did {job}"

    @staticmethod
    def describe_speed(speed):
        return "fast" if speed > 1 else "normal"

    @classmethod
    def from_text(cls, text):
        name, speed = text.split(":")
        return cls(name, float(speed))


class FastWorker(Worker):
    kind = "fast"

    def __init__(self, name):
        super().__init__(name, speed=4.0)
        self.bonus = 0

    async def process(self, job):
        result = await super().process(job)
        self.bonus += 1
        return result + " quickly"

    def __repr__(self):
        return "Fast" + super().__repr__()


async def main():
    w1 = Worker("ann")
    w2 = FastWorker("bob")
    w3 = Worker.from_text("cyd:2")
    print(repr(w1), repr(w2), repr(w3))
    print(str(w1), str(w2), f"{w3}", [w1, w2])
    print(Worker.created, w2.kind, w1.kind, Worker.describe_speed(w2.speed), w1.describe_speed(1))
    results = await asyncio.gather(w1.process(0.4), w2.process(0.4), w3.process(0.4))
    print(results)
    print(w2.bonus, w2.done, isinstance(w2, Worker), isinstance(w1, FastWorker), issubclass(FastWorker, Worker))
    print(type(w2).__name__, type(w2) is FastWorker, hasattr(w2, "bonus"), getattr(w1, "bonus", "none"))
    setattr(w1, "bonus", 7)
    print(w1.bonus)
    w1.kind = "custom"
    print(str(w1), Worker.kind)


asyncio.run(main())
