//! Source → tokens → syntax tree with spans, and the errors found on the way.

pub mod ast;
pub mod error;
pub mod lexer;
pub mod parser;
pub mod token;
pub mod warnings;

pub use error::{CompileError, SyntaxKind};
pub use parser::parse;
