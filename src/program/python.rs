//! The Python program a scenario stands for, as runnable source in the style of the seed articles.
//!
//! Only what the scenario needs is written: no `DELAYS` list when every task sleeps alike, no
//! failure branch when none fails, no `loop` when nothing is armed, no `try` without `linger`.

use crate::engine::ReturnWhen;
use crate::scenario::{Pattern, Scenario, Sleeps};
use crate::time_text::trimmed_thousandths;

/// `ms / 1000` as a Python literal: `1`, `1.5`, `0.001`.
fn seconds(ms: u32) -> String {
    trimmed_thousandths(ms as u64)
}

/// `[a, b, c]`, wrapped to lines of at most 88 characters when long.
fn list_literal(open: &str, close: &str, items: &[String]) -> String {
    let inline = format!("{open}{}{close}", items.join(", "));
    if inline.len() <= 72 {
        return inline;
    }
    let mut out = format!("{open}\n");
    let mut line = String::from("   ");
    for item in items {
        if line.len() + item.len() + 2 > 88 {
            out += line.trim_end();
            out.push('\n');
            line = String::from("   ");
        }
        line += &format!(" {item},");
    }
    out += &line;
    out += &format!("\n{close}");
    out
}

/// The whole program, ending with `asyncio.run(main())`.
pub fn python_source(sc: &Scenario) -> String {
    let mut out = String::from("import asyncio\n");
    let mut constants = String::new();
    let sleep_arg = match &sc.sleeps {
        Sleeps::Each(list) => {
            let items: Vec<String> = list.iter().map(|&ms| seconds(ms)).collect();
            constants += "# seconds each work(i) sleeps\n";
            constants += &format!("DELAYS = {}\n", list_literal("[", "]", &items));
            "DELAYS[value]".to_string()
        }
        _ => seconds(sc.sleep_of(0)),
    };
    if !sc.fail.is_empty() {
        let items: Vec<String> = sc.fail.iter().map(u32::to_string).collect();
        constants += "# the tasks that fail\n";
        constants += &format!("FAILING = {}\n", list_literal("{", "}", &items));
    }
    if !constants.is_empty() {
        out += "\n";
        out += &constants;
    }
    out += "\n\n# coroutine to run concurrently\nasync def work(value):\n";
    out += &format!("    await asyncio.sleep({sleep_arg})\n");
    if !sc.fail.is_empty() {
        out += "    if value in FAILING:\n        raise ValueError(f'Task {value} failed')\n";
    }
    out += "    print(f'>Task {value} done')\n";
    if sc.pattern == Pattern::Gather {
        out += "    return value\n";
    }
    out += "\n\n# main coroutine\nasync def main():\n";
    if sc.interrupt.is_some() || !sc.cancel.is_empty() {
        out += "    loop = asyncio.get_running_loop()\n";
    }
    if let Some(ms) = sc.interrupt {
        out += &format!("    # cancel main from outside, like Ctrl-C\n    loop.call_later({}, asyncio.current_task().cancel)\n", seconds(ms));
    }
    let body = pattern_body(sc);
    match sc.linger {
        None => out += &indent(&body, "    "),
        Some(ms) => {
            out += "    try:\n";
            out += &indent(&body, "        ");
            out += "    except Exception as e:\n";
            out += "        print(f'Caught {type(e).__name__}: {e}')\n";
            out += &format!(
                "    # let the other tasks go on for a while\n    await asyncio.sleep({})\n",
                seconds(ms)
            );
        }
    }
    out += "    # report a final message\n    print('Done.')\n\n\n# start the event loop\nasyncio.run(main())\n";
    out
}

fn indent(body: &[String], by: &str) -> String {
    body.iter().map(|line| format!("{by}{line}\n")).collect()
}

/// The pattern's lines, unindented.
fn pattern_body(sc: &Scenario) -> Vec<String> {
    let n = sc.tasks;
    let create = format!("tasks = [asyncio.create_task(work(i)) for i in range({n})]");
    let cancels: Vec<String> = sc
        .cancel
        .iter()
        .map(|&(i, ms)| format!("loop.call_later({}, tasks[{i}].cancel)", seconds(ms)))
        .collect();
    let mut lines: Vec<String> = Vec::new();
    let mut push = |s: &str| lines.push(s.to_string());
    match sc.pattern {
        Pattern::Sequential => {
            push("# run the coroutines one after another");
            push(&format!("for i in range({n}):"));
            push("    await work(i)");
        }
        Pattern::Manual => {
            push("# issue coroutines as background tasks");
            push(&create);
            cancels.iter().for_each(|c| push(c));
            push("# wait for tasks to complete, manually");
            push("for task in tasks:");
            push("    await task");
        }
        Pattern::TaskGroup => {
            push("# create the task group");
            push("async with asyncio.TaskGroup() as group:");
            push("    # issue coroutines as background tasks");
            push(&format!(
                "    tasks = [group.create_task(work(i)) for i in range({n})]"
            ));
            cancels.iter().for_each(|c| push(&format!("    {c}")));
            push("    # the group waits here for every task");
        }
        Pattern::Wait => {
            push("# issue coroutines as background tasks");
            push(&create);
            cancels.iter().for_each(|c| push(c));
            let mut args = String::from("tasks");
            if let Some(t) = sc.timeout {
                args += &format!(", timeout={}", seconds(t));
            }
            if sc.return_when != ReturnWhen::AllCompleted {
                args += &format!(", return_when=asyncio.{}", sc.return_when.name());
            }
            push("# wait for tasks to complete");
            push(&format!("done, pending = await asyncio.wait({args})"));
        }
        Pattern::Gather => {
            let flag = if sc.return_exceptions {
                ", return_exceptions=True"
            } else {
                ""
            };
            if sc.cancel.is_empty() {
                push("# run the coroutines concurrently, collecting their results in order");
                push(&format!(
                    "results = await asyncio.gather(*[work(i) for i in range({n})]{flag})"
                ));
            } else {
                push("# issue coroutines as background tasks");
                push(&create);
                cancels.iter().for_each(|c| push(c));
                push("# wait for them all, collecting their results in order");
                push(&format!("results = await asyncio.gather(*tasks{flag})"));
            }
        }
    }
    lines
}
