//! The `asyncio-playground` command: run a scenario on the virtual clock and print its outcome JSON,
//! its trace, or the equivalent Python program.

use asyncio_playground::program::{event_json, python_source, ScenarioRun};
use asyncio_playground::scenario::Spec;
use std::io::{self, Write};
use std::process::ExitCode;

const HELP: &str = "\
asyncio-playground: what CPython's asyncio does with a scenario, computed by a faithful engine.

Usage:
  asyncio-playground run    '<spec>'   print the outcome as JSON (contract section 4)
  asyncio-playground trace  '<spec>'   print every event of the run as JSON lines
  asyncio-playground python '<spec>'   print the equivalent Python program
  asyncio-playground --help            print this help

<spec> is a URL query string (a leading '?' is allowed), e.g.
  'pattern=gather&tasks=3&sleep=3000,1000,2000&fail=1'

Scenario keys:
  pattern            sequential | manual | taskgroup | wait | gather          (default gather)
  tasks              0..10000 work(i) coroutines       (default: length of a sleep list, else 20)
  sleep              ms 0..600000 for every task, or a comma list of one per task (default 1000)
  fail               comma list of task indices that raise ValueError('Task i failed')
  cancel             comma list of i@ms: loop.call_later(ms, tasks[i].cancel); not with sequential
  interrupt          ms: main is cancelled from outside at that time (like Ctrl-C)
  linger             ms: main catches Exception from the pattern, prints it, sleeps that long
  return_exceptions  0 | 1                                                      (gather only)
  return_when        ALL_COMPLETED | FIRST_COMPLETED | FIRST_EXCEPTION            (wait only)
  timeout            ms                                                           (wait only)
View keys (accepted and ignored here): clock, speed, autorun, embed, theme.
Times in cancel, interrupt, linger and timeout are whole ms from 0 to 600000.

Runs use the virtual clock: times are exact and a long scenario takes no time.
Exit status: 0 for any valid spec, whatever the program did; 2 for an invalid spec or usage.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, spec) = match args.as_slice() {
        [flag] if flag == "--help" || flag == "-h" || flag == "help" => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        [command, spec] => (command.as_str(), spec.as_str()),
        _ => return usage_error("expected a command and one spec; see --help"),
    };
    if !matches!(command, "run" | "trace" | "python") {
        return usage_error(&format!(
            "unknown command {command:?}; expected run, trace or python"
        ));
    }
    let spec = match Spec::parse(spec) {
        Ok(spec) => spec,
        Err(e) => return usage_error(&format!("invalid spec: {e}")),
    };
    let sc = &spec.scenario;
    let text = match command {
        "run" => ScenarioRun::run_virtual(sc, false).to_json() + "\n",
        "python" => python_source(sc),
        _ => {
            let mut run = ScenarioRun::new(sc, true);
            run.run_to_end(&mut asyncio_playground::engine::VirtualClock::default());
            let run = run.run();
            run.trace_from(0)
                .iter()
                .map(|e| event_json(e, run) + "\n")
                .collect()
        }
    };
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = io::stdout().lock().write_all(text.as_bytes());
    ExitCode::SUCCESS
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("asyncio-playground: {message}");
    ExitCode::from(2)
}
