//! Heap bytes per pending task, as the bench measures them (100,000 tasks asleep, main awaiting
//! their gather), with and without the trace: `cargo run --release --example memory_per_task`.
use asyncio_playground::python::{memory, Next, Options, Program};

fn per_task(record_trace: bool) -> f64 {
    let n = 100_000u32;
    let source = format!(
        "import asyncio\n\nasync def work(i):\n    await asyncio.sleep(1000)\n    return i\n\n\
         async def main():\n    await asyncio.gather(*[work(i) for i in range({n})])\n\nasyncio.run(main())\n"
    );
    // The previous program's state goes when the next one starts: let it go before counting.
    drop(Program::new("pass", "main.py", &Options::default()));
    let before = memory::live_bytes();
    let options = Options {
        record_trace,
        ..Options::default()
    };
    let mut program = Program::new(&source, "main.py", &options).expect("it compiles");
    while let Next::Ready = program.next_action() {
        let now = program.now();
        program.run_pass(now);
    }
    memory::live_bytes().saturating_sub(before) as f64 / f64::from(n)
}

fn main() {
    println!("trace recorded: {:.0} B", per_task(true));
    println!("trace off: {:.0} B", per_task(false));
}
