# Seed article 000, example 1: create_task() then await the task (asyncio.run added, as the text says)
import asyncio

async def function_which_will_run_in_parallel():
    # Add what you want to do here
    print('function_which_will_run_in_parallel completed')

# Orchestrate function 
async def main():
    task = asyncio.create_task(function_which_will_run_in_parallel())
    await task

asyncio.run(main())
