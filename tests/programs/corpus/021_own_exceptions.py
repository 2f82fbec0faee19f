# Own exception classes, with and without __init__, hierarchies, args, str(), raise from, catching by base class
import asyncio


class AppError(Exception):
    pass


class NetworkError(AppError):
    def __init__(self, host, code):
        super().__init__(f"{host} answered {code}")
        self.host = host
        self.code = code


class RetryExhausted(AppError):
    def __init__(self, attempts):
        self.attempts = attempts

    def __str__(self):
        return f"gave up after {self.attempts} attempts"


async def request(host, code):
    await asyncio.sleep(0.1)
    if code >= 500:
        raise NetworkError(host, code)
    if code >= 400:
        raise AppError("client error", code)
    return code


async def with_retries(host, code, attempts):
    for attempt in range(1, attempts + 1):
        try:
            return await request(host, code)
        except NetworkError as e:
            print(f"attempt {attempt}: {e} (code {e.code})")
    raise RetryExhausted(attempts)


async def main():
    print(await with_retries("ok.example", 200, 3))
    try:
        await with_retries("down.example", 503, 2)
    except AppError as e:
        print(type(e).__name__, "-", e, "-", e.args, "-", e.attempts)
    try:
        await request("bad.example", 404)
    except NetworkError:
        print("not reached")
    except AppError as e:
        print("AppError args:", e.args, "str:", str(e), "repr:", repr(e))
    try:
        try:
            await request("down.example", 500)
        except NetworkError as e:
            raise RuntimeError("request failed") from e
    except RuntimeError as e:
        print(e, "| caused by", repr(e.args), isinstance(e, Exception))
    e = NetworkError("h", 1)
    print(repr(e), e.args, isinstance(e, AppError), issubclass(RetryExhausted, Exception))
    print(repr(AppError()), str(AppError()), repr(AppError("a", 2)), str(AppError("a", 2)))


asyncio.run(main())
