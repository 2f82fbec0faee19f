# Docstrings on the module, functions and classes, comments everywhere, and the if __name__ == "__main__" guard
"""A tiny job runner.

The module docstring is a plain expression statement and changes nothing.
"""
import asyncio


class Job:
    """A job with a name and a duration in seconds."""

    def __init__(self, name, duration):
        """Remember the job's name and duration."""
        self.name = name  # the label printed
        self.duration = duration  # seconds

    async def run(self):
        """Sleep for the job's duration, then say so."""
        await asyncio.sleep(self.duration)
        print(f"job {self.name} done")
        return self.name


async def main():
    """Run three jobs concurrently."""
    # Jobs finish in duration order, but gather keeps argument order.
    jobs = [Job("slow", 0.3), Job("fast", 0.1), Job("mid", 0.2)]
    names = await asyncio.gather(*[j.run() for j in jobs])
    print(names, __name__)


if __name__ == "__main__":
    asyncio.run(main())
else:
    print("imported, not run")
