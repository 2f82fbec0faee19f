# Gallery, misconception: an exception in a task nobody awaits goes unseen.
import asyncio


async def send_report(day, seconds):
    await asyncio.sleep(seconds)
    if day == "Tuesday":
        raise ConnectionError(f"mail server down on {day}")
    print(f"report for {day} sent")


async def main():
    reports = []
    for day, seconds in [("Monday", 0.3), ("Tuesday", 0.6), ("Wednesday", 0.9)]:
        reports.append(asyncio.create_task(send_report(day, seconds)))  # never awaited
    await asyncio.sleep(1.5)
    print("main: all reports sent, I think")


asyncio.run(main())
