"""Times a generated scenario program on CPython with the conformance oracle's virtual-time loop.

Usage: python cpython_run.py PROGRAM_FILE REPEATS. Prints one line per repetition: the seconds
asyncio.run took (interpreter start-up and compilation excluded; printing goes to a memory buffer,
as the engine records its lines in memory).
"""

import asyncio
import contextlib
import io
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "conformance"))
from oracle import VirtualLoop  # noqa: E402


def main():
    source = open(sys.argv[1]).read()
    code = compile(source, "<scenario>", "exec")
    real_run = asyncio.run
    for _ in range(int(sys.argv[2])):
        took = []

        def run(coro, **kwargs):
            start = time.perf_counter()
            try:
                return real_run(coro, loop_factory=VirtualLoop)
            finally:
                took.append(time.perf_counter() - start)

        asyncio.run = run
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(code, {"__name__": "__main__"})
        except BaseException:
            pass
        finally:
            asyncio.run = real_run
        print(f"{took[0]:.6f}", flush=True)


if __name__ == "__main__":
    main()
