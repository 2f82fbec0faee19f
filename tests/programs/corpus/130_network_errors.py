# Simulated network failures raise the built-in OSError family, caught by their base classes
import asyncio


async def fetch(host, fail):
    await asyncio.sleep(0.1)
    if fail == "refused":
        raise ConnectionRefusedError(f"{host} refused the connection")
    if fail == "reset":
        raise ConnectionResetError(f"{host} reset the connection")
    if fail == "missing":
        raise FileNotFoundError(f"{host}/index.html")
    return f"{host}: 200"


async def main():
    hosts = [("a.example", None), ("b.example", "refused"), ("c.example", "reset"), ("d.example", "missing")]
    results = await asyncio.gather(*(fetch(h, f) for h, f in hosts), return_exceptions=True)
    for r in results:
        kind = "connection" if isinstance(r, ConnectionError) else "os" if isinstance(r, OSError) else "ok"
        print(kind, type(r).__name__, r)
    print(IOError is OSError, EnvironmentError is OSError, issubclass(TimeoutError, OSError))
    try:
        raise EOFError("no more input")
    except Exception as e:
        print(repr(e))
    await fetch("e.example", "refused")


asyncio.run(main())
