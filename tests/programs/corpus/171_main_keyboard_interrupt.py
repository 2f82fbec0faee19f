# main raises KeyboardInterrupt: it escapes asyncio.run, and run_until_complete retrieves it (no "never retrieved" log, main not unretrieved)
import asyncio


async def main():
    await asyncio.sleep(0.1)
    raise KeyboardInterrupt


asyncio.run(main())
