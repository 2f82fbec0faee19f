# "Did you mean" offers an underscored name when the object is the `self` of the method that
# failed (CPython looks at that frame's locals), in the printed traceback only.
import asyncio


class Car:
    def __init__(self):
        self._speed = 10

    def go(self):
        return self.speed

    def other(self, car):
        return car.speed


async def main():
    try:
        Car().other(Car())
    except AttributeError as e:
        print("caught:", e)
    return Car().go()


asyncio.run(main())
