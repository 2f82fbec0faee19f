//! Prints a program's bytecode (a development aid).
fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let source = std::fs::read_to_string(&path).expect("readable");
    match asyncio_playground_python::program::compile(&source, &path) {
        Ok(code) => print!("{}", code.dis()),
        Err(e) => eprintln!("{}", e.render(&path, &source)),
    }
}
