# Docstrings: __doc__ of a function, a coroutine, a class and the module, cleaned as 3.13 does
"""A module docstring."""
import asyncio


async def fetch(url):
    """Fetch one URL.

        Pretend to, by sleeping.
    """
    await asyncio.sleep(0.1)
    return url


class Job:
    """A job to run."""

    def run(self):
        return 1


class Plain(Job):
    pass


def undocumented():
    pass


print(repr(fetch.__doc__))  # lint: ok
print(Job.__doc__, Job().__doc__, Plain.__doc__, undocumented.__doc__)  # lint: ok
print(__doc__)  # lint: ok
print(asyncio.run(fetch("a")))
