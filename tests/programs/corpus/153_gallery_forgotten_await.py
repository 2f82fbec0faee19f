# Gallery, misconception: calling a coroutine function without await does not run it.
import asyncio


async def send_email(to):
    await asyncio.sleep(0.5)
    print(f"email sent to {to}")


async def main():
    send_email("ann@example.com")  # forgot await: this only makes a coroutine object
    print("main thinks Ann's email is on its way")
    await asyncio.sleep(1)
    await send_email("bob@example.com")
    print("only Bob got an email")


asyncio.run(main())
