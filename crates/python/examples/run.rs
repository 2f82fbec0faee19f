//! Runs a program on the virtual clock and prints its outcome JSON (a development aid; the CLI
//! is the main crate's binary).

fn main() {
    // `PHASES=1`: the time of each phase on stderr; `TRACE=1`: the trace recorded (as the page
    // records it).
    let phases = std::env::var_os("PHASES").is_some();
    let options = asyncio_playground_python::Options {
        record_trace: std::env::var_os("TRACE").is_some(),
        ..Default::default()
    };
    let t0 = std::time::Instant::now();
    let phase = |what: &str| {
        if phases {
            eprintln!("{what}: {:.1} ms", t0.elapsed().as_secs_f64() * 1000.0);
        }
    };
    let path = std::env::args().nth(1).expect("a file");
    let source = std::fs::read_to_string(&path).expect("readable");
    let mut p = match asyncio_playground_python::Program::new(&source, &path, &options) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{}", e.render(&path, &source));
            std::process::exit(2);
        }
    };
    phase("compiled");
    let end = p.run_virtual();
    phase("ran");
    let out = asyncio_playground_python::Outcome::collect(&end);
    phase("collected");
    for l in asyncio_playground_python::vm::interp::with(|i| i.err.borrow().clone()) {
        eprintln!("{}", l.text);
    }
    if let asyncio_playground_python::End::Stopped(why) = &end {
        eprintln!("stopped: {why}");
        std::process::exit(3);
    }
    let json = out.to_json();
    phase("formatted");
    println!("{json}");
    phase("printed");
}
