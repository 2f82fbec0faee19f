# Wide characters (emoji, CJK) before an error on its line: the carets count them two columns,
# as CPython's traceback does (_display_width).
import asyncio


async def launch(count):
    await asyncio.sleep(0.1)
    print("🚀 launched:", count + 1)


async def main():
    print("日本語", "✓")
    await launch(None)


asyncio.run(main())
