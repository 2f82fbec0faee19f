//! The `asyncio-playground` command: run a Python program or a scenario on the virtual clock and
//! print its outcome JSON or its trace, or print the program a scenario stands for.

use asyncio_playground::program::{python_source, ProgramRun};
use asyncio_playground::python::{
    passes, trace_json, End, Options, Outcome, Program, PROGRAM_THREAD_STACK,
};
use asyncio_playground::scenario::Spec;
use std::io::{self, Read, Write};
use std::process::ExitCode;

const HELP: &str = "\
asyncio-playground: what CPython 3.13's asyncio does with a program, on a virtual clock.

Usage:
  asyncio-playground run    FILE.py | -   print the program's outcome as JSON
  asyncio-playground trace  FILE.py | -   print every event of its run as JSON lines
  asyncio-playground passes FILE.py | -   print each loop pass in which a task steps, as JSON lines
  asyncio-playground run    '<spec>'      print a scenario's outcome as JSON
  asyncio-playground trace  '<spec>'      print every event of a scenario's run as JSON lines
  asyncio-playground passes '<spec>'      print each loop pass of a scenario's run, as JSON lines
  asyncio-playground python '<spec>'      print the Python program a scenario stands for
  asyncio-playground --help               print this help

Options:
  --max-time SECONDS   stop a program once its virtual time passes this (default 86400: 24 hours)

A program is a file of Python within the playground's subset (README: \"The Python you can run\");
'-' reads it from standard input. Anything else is a scenario: a URL query string (a leading
'?' is allowed), e.g. 'pattern=gather&tasks=3&sleep=3000,1000,2000&fail=1'.

Scenario keys:
  pattern            sequential | manual | taskgroup | wait | gather          (default gather)
  tasks              0..10000 work(i) coroutines       (default: length of a sleep list, else 20)
  sleep              ms 0..600000 for every task, or a comma list of one per task (default 1000)
  fail               comma list of task indices that raise ValueError('Task i failed')
  cancel             comma list of i@ms: loop.call_later(ms, tasks[i].cancel); not with sequential
  interrupt          ms: main is cancelled from outside at that time (like Ctrl-C)
  linger             ms: main catches Exception from the pattern and prints it, then sleeps that long
  return_exceptions  0 | 1                                                      (gather only)
  return_when        ALL_COMPLETED | FIRST_COMPLETED | FIRST_EXCEPTION            (wait only)
  timeout            ms                                                           (wait only)
View keys (accepted and ignored here): clock, speed, autorun, embed, theme.
Times in cancel, interrupt, linger and timeout are whole ms from 0 to 600000.

What the program writes on stderr (a traceback, warnings) goes to stderr.
Exit status: 0 when the program ran, whatever it did; 2 for a syntax error, a construct the
playground refuses (seen in the source), an invalid spec or a usage error (the message on
stderr, nothing on stdout); 3 when a run was stopped (a limit, or a refusal reached while
running), with the reason on stderr.
";

/// Exit status for a run that a limit or a refusal stopped.
const STOPPED: u8 = 3;

/// A parsed command line.
struct Command {
    name: String,
    target: String,
    max_time_us: u64,
}

fn parse_args(args: Vec<String>) -> Result<Command, String> {
    let mut rest = Vec::new();
    let mut max_time_us = Options::default().max_time;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--max-time" {
            let value = args.next().ok_or("--max-time needs a number of seconds")?;
            max_time_us = parse_seconds(&value)?;
        } else if let Some(value) = arg.strip_prefix("--max-time=") {
            max_time_us = parse_seconds(value)?;
        } else {
            rest.push(arg);
        }
    }
    match <[String; 2]>::try_from(rest) {
        Ok([name, target]) if matches!(name.as_str(), "run" | "trace" | "passes" | "python") => {
            Ok(Command {
                name,
                target,
                max_time_us,
            })
        }
        Ok([name, _]) => Err(format!(
            "unknown command {name:?}; expected run, trace, passes or python"
        )),
        Err(_) => Err("expected a command and one program or spec; see --help".into()),
    }
}

/// `--max-time` in seconds (a positive number, at most 10 years) as microseconds.
fn parse_seconds(text: &str) -> Result<u64, String> {
    match text.parse::<f64>() {
        Ok(s) if s > 0.0 && s <= 315_360_000.0 => Ok((s * 1e6).round() as u64),
        _ => Err(format!(
            "--max-time {text:?}: expected a number of seconds greater than 0 and at most 315360000 (10 years)"
        )),
    }
}

/// Whether the target names a program (a file, or `-`) rather than a scenario.
fn is_program(target: &str) -> bool {
    target == "-" || target.ends_with(".py") || std::path::Path::new(target).is_file()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag] = args.as_slice() {
        if matches!(flag.as_str(), "--help" | "-h" | "help") {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
    }
    let cmd = match parse_args(args) {
        Ok(cmd) => cmd,
        Err(e) => return usage_error(&e),
    };
    if cmd.name != "python" && is_program(&cmd.target) {
        // On a thread with a stack of its own size: Python code called from native code (a
        // sort's key, `__str__`) nests on the native stack, about 5 KB a level, and a program
        // may nest to CPython's recursion limit that way.
        return std::thread::Builder::new()
            .stack_size(PROGRAM_THREAD_STACK)
            .spawn(move || run_program(&cmd))
            .map_or_else(
                |e| stopped(&format!("cannot start the program's thread: {e}")),
                |t| t.join().unwrap_or(ExitCode::FAILURE),
            );
    }
    let spec = match Spec::parse(&cmd.target) {
        Ok(spec) => spec,
        Err(e) => return usage_error(&format!("invalid spec: {e}")),
    };
    let sc = &spec.scenario;
    if cmd.name == "python" {
        return print_out(&python_source(sc));
    }
    let mut run = ProgramRun::new(sc, cmd.name != "run");
    run.program().run_virtual();
    let outcome = match run.outcome() {
        Some(Ok(outcome)) => outcome,
        Some(Err(why)) => return stopped(&why),
        None => return stopped("the run did not end"),
    };
    print_stderr(outcome.stderr().iter().map(|l| l.text.as_str()));
    print_and_exit(&cmd.name, |out| {
        _ = out.write_all(outcome.to_json().as_bytes())
    })
}

/// Writes what `run` (the outcome JSON), `trace` or `passes` prints of the run that just ended,
/// and ends the process at once with status 0 (the program ran): the system takes the program's
/// memory back in one go, where freeing 100,000 tasks object by object is time spent on nothing.
fn print_and_exit(command: &str, outcome_json: impl FnOnce(&mut dyn Write)) -> ! {
    match command {
        "run" => {
            let mut out = unbuffered_stdout();
            outcome_json(&mut out);
            let _ = out.write_all(b"\n");
        }
        "passes" => _ = print_out(&passes::passes_lines()),
        _ => _ = print_out(&trace_json::trace_lines()),
    }
    let _ = io::stdout().flush();
    let _ = io::stderr().flush();
    asyncio_playground::python::vm::interp::leak();
    std::process::exit(0)
}

/// Standard output without its line buffer: `run` writes one JSON line in pieces of 64 KB,
/// which the line buffer would search for a newline (1% of a run of 100,000 tasks).
fn unbuffered_stdout() -> Box<dyn Write> {
    #[cfg(unix)]
    if let Ok(fd) = std::os::fd::AsFd::as_fd(&io::stdout()).try_clone_to_owned() {
        return Box::new(std::fs::File::from(fd));
    }
    Box::new(io::stdout().lock())
}

/// `run FILE.py`, `trace FILE.py`, `passes FILE.py`.
fn run_program(cmd: &Command) -> ExitCode {
    let (source, filename) = match read_program(&cmd.target) {
        Ok(read) => read,
        Err(e) => return usage_error(&e),
    };
    let options = Options {
        record_trace: cmd.name != "run",
        max_time: cmd.max_time_us,
        ..Options::on_program_thread()
    };
    let mut program = match Program::new(&source, &filename, &options) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{}", e.render(&filename, &source));
            return ExitCode::from(2);
        }
    };
    let end = program.run_virtual();
    let stderr = asyncio_playground::python::vm::interp::with(|i| i.err.borrow().clone());
    print_stderr(stderr.iter().map(|l| l.text.as_str()));
    if let End::Stopped(why) = &end {
        return stopped(why);
    }
    // A closed pipe (`| head`) is not an error worth a message.
    print_and_exit(&cmd.name, |out| _ = Outcome::write_json(&end, out))
}

/// The program's text and the file name its tracebacks show.
fn read_program(target: &str) -> Result<(String, String), String> {
    if target == "-" {
        let mut source = String::new();
        io::stdin()
            .read_to_string(&mut source)
            .map_err(|e| format!("cannot read the program from standard input: {e}"))?;
        return Ok((source, "<stdin>".into()));
    }
    let bytes = std::fs::read(target).map_err(|e| format!("cannot read {target}: {e}"))?;
    let source = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{target} is not UTF-8 text (byte {} is not valid); save it as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })?;
    // CPython names the script by its absolute path (`python3 x.py` shows "/home/me/x.py").
    let shown = std::path::absolute(target)
        .map_or_else(|_| target.to_string(), |p| p.display().to_string());
    Ok((source, shown))
}

fn print_out(text: &str) -> ExitCode {
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = io::stdout().lock().write_all(text.as_bytes());
    ExitCode::SUCCESS
}

fn print_stderr<'a>(lines: impl Iterator<Item = &'a str>) {
    let mut err = io::stderr().lock();
    for line in lines {
        let _ = writeln!(err, "{line}");
    }
}

fn stopped(why: &str) -> ExitCode {
    eprintln!("asyncio-playground: the run was stopped: {why}");
    ExitCode::from(STOPPED)
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("asyncio-playground: {message}");
    ExitCode::from(2)
}
