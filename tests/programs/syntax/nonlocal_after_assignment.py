count = 0
async def main():
    x = 1; nonlocal x
