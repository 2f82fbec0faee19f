# A chained exception escapes: raise ... from keeps the cause; only the last exception is the outcome
import asyncio


class ConfigError(Exception):
    def __init__(self, key, reason):
        super().__init__(f"bad config key {key!r}: {reason}")
        self.key = key


async def read_setting(settings, key):
    await asyncio.sleep(0.1)
    try:
        return int(settings[key])
    except KeyError as e:
        raise ConfigError(key, "missing") from e
    except ValueError as e:
        raise ConfigError(key, "not a number") from e


async def main():
    settings = {"port": "8080", "workers": "many"}
    print("port", await read_setting(settings, "port"))
    try:
        await read_setting(settings, "timeout")
    except ConfigError as e:
        print("handled:", e)
    print("workers", await read_setting(settings, "workers"))


asyncio.run(main())
