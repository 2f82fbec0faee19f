//! Runs a program on the virtual clock and prints its outcome JSON (a development aid; the CLI
//! is the main crate's binary).

fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let source = std::fs::read_to_string(&path).expect("readable");
    let mut p = match asyncio_playground_python::Program::new(&source, &path, &Default::default()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{}", e.render(&path, &source));
            std::process::exit(2);
        }
    };
    let end = p.run_virtual();
    let out = asyncio_playground_python::Outcome::collect(&end);
    for l in asyncio_playground_python::vm::interp::with(|i| i.err.borrow().clone()) {
        eprintln!("{}", l.text);
    }
    if let asyncio_playground_python::End::Stopped(why) = &end {
        eprintln!("stopped: {why}");
        std::process::exit(3);
    }
    println!("{}", out.to_json());
}
