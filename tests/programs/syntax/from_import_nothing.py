from asyncio import
