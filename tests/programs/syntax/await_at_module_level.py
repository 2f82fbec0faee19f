import asyncio

x = await asyncio.sleep(0)
