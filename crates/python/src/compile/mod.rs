//! The compiler: syntax tree → code objects (one per module, function, class body, lambda and
//! comprehension), with the names resolved by [`symtable`]. Statements are in `stmt.rs`,
//! expressions in `expr.rs`.

mod blocks;
pub mod code;
mod docstring;
mod expr;
mod literal_checks;
mod stack_size;
mod stmt;
pub mod symtable;

use crate::objects::Value;
use crate::syntax::ast::Stmt;
use crate::syntax::error::CompileError;
use crate::syntax::token::Span;
use code::{Code, CodeKind, Op, Signature};
use std::rc::Rc;
use symtable::{SymTable, Where};

/// A block the compiled code is inside, that `break`, `continue` and `return` must leave properly.
#[derive(Clone)]
enum FBlock {
    /// A loop: where `continue` goes, the jumps `break` makes, and how many stack items it holds
    /// (a `for` loop's iterator).
    Loop {
        start: u32,
        breaks: Vec<usize>,
        items: u32,
    },
    /// A `try` body (its handler is set up).
    Try,
    /// A `try` body with a `finally` (set up), whose body runs when leaving.
    Finally(Rc<Vec<Stmt>>),
    /// An `except` body: its cleanup handler is set up and the handled exception must be
    /// popped; `name` is deleted.
    Handler { name: Option<Rc<str>> },
    /// A `with` body: `__exit__` (awaited for `async with`) is called when leaving.
    With { is_async: bool },
    /// An `except*` clause body.
    StarHandler,
    /// A `finally` body run because of an exception (set up, with that exception handled).
    FinallyEnd,
}

/// The code being built for one scope.
struct Unit {
    scope: usize,
    kind: CodeKind,
    name: Rc<str>,
    qualname: Rc<str>,
    tb_name: Rc<str>,
    ops: Vec<Op>,
    spans: Vec<Span>,
    consts: Vec<Value>,
    names: Vec<Rc<str>>,
    codes: Vec<Rc<Code>>,
    fblocks: Vec<FBlock>,
    span: Span,
    first_line: u32,
    sig: Signature,
    uses_super: bool,
    /// Inside an `async def` (or an async comprehension): `await` is allowed.
    is_async: bool,
    /// The docstring, cleaned as CPython 3.13's compiler cleans it.
    doc: Option<Rc<str>>,
}

pub struct Compiler {
    st: SymTable,
    units: Vec<Unit>,
    filename: Rc<str>,
}

/// Compiles a parsed module.
///
/// # Errors
/// Syntax errors found after parsing (`'await' outside async function`, `'return' outside
/// function`, …) and scope errors.
pub fn compile_module(body: &[Stmt], filename: &str) -> Result<Rc<Code>, CompileError> {
    let st = symtable::analyze(body)?;
    let mut c = Compiler {
        st,
        units: Vec::new(),
        filename: Rc::from(filename),
    };
    c.push_unit(
        0,
        CodeKind::Module,
        Rc::from("<module>"),
        Rc::from("<module>"),
        1,
    );
    c.unit().doc = docstring::of(body);
    c.stmts(body)?;
    c.emit_const(Value::None);
    c.emit(Op::Return);
    Ok(c.pop_unit())
}

impl Compiler {
    fn unit(&mut self) -> &mut Unit {
        self.units.last_mut().expect("a unit is being compiled")
    }

    fn push_unit(
        &mut self,
        scope: usize,
        kind: CodeKind,
        name: Rc<str>,
        qualname: Rc<str>,
        line: u32,
    ) {
        let tb_name = if matches!(kind, CodeKind::Comprehension | CodeKind::AsyncComprehension) {
            self.units
                .last()
                .map_or(name.clone(), |u| u.tb_name.clone())
        } else {
            name.clone()
        };
        let is_async = matches!(kind, CodeKind::AsyncFunction | CodeKind::AsyncComprehension);
        self.units.push(Unit {
            scope,
            kind,
            name,
            qualname,
            tb_name,
            ops: Vec::new(),
            spans: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            codes: Vec::new(),
            fblocks: Vec::new(),
            span: Span::default(),
            first_line: line,
            sig: Signature::default(),
            uses_super: false,
            is_async,
            doc: None,
        });
    }

    fn pop_unit(&mut self) -> Rc<Code> {
        let u = self.units.pop().expect("a unit is being compiled");
        let scope = &self.st.scopes[u.scope];
        let _ = &self.filename;
        let stack_size = stack_size::stack_size(&u.ops, &u.consts);
        Rc::new(Code {
            def_names: Rc::new(crate::objects::function::Names {
                name: u.name,
                qualname: u.qualname,
                first_line: u.first_line,
            }),
            kind: u.kind,
            ops: u.ops,
            spans: u.spans,
            consts: u.consts,
            names: u.names,
            codes: u.codes,
            slots: scope.slots.clone(),
            nlocals: scope.nlocals,
            stack_size,
            cells: scope.cells.clone(),
            sig: u.sig,
            tb_name: u.tb_name,
            uses_super: u.uses_super,
            doc: u.doc,
        })
    }

    /// The scope of the node that starts at `span`.
    fn scope_at(&self, span: Span) -> usize {
        self.st
            .by_pos
            .get(&(span.start.line, span.start.col))
            .copied()
            .expect("every scope node was analyzed")
    }

    /// The qualified name of something named `name` defined in the current unit.
    fn qualname_for(&self, name: &str) -> Rc<str> {
        let u = self.units.last().expect("a unit is being compiled");
        match u.kind {
            CodeKind::Module => Rc::from(name),
            CodeKind::Class => Rc::from(format!("{}.{name}", u.qualname)),
            _ => Rc::from(format!("{}.<locals>.{name}", u.qualname)),
        }
    }

    fn emit(&mut self, op: Op) -> usize {
        let u = self.unit();
        u.ops.push(op);
        u.spans.push(u.span);
        u.ops.len() - 1
    }

    fn here(&mut self) -> u32 {
        self.unit().ops.len() as u32
    }

    /// Points the jump at `at` to the current position.
    fn patch(&mut self, at: usize) {
        let target = self.here();
        self.patch_to(at, target);
    }

    fn patch_to(&mut self, at: usize, target: u32) {
        let op = &mut self.unit().ops[at];
        *op = match *op {
            Op::Jump(_) => Op::Jump(target),
            Op::PopJumpIfFalse(_) => Op::PopJumpIfFalse(target),
            Op::PopJumpIfTrue(_) => Op::PopJumpIfTrue(target),
            Op::JumpIfFalseOrPop(_) => Op::JumpIfFalseOrPop(target),
            Op::JumpIfTrueOrPop(_) => Op::JumpIfTrueOrPop(target),
            Op::ForIter(_) => Op::ForIter(target),
            Op::SetupExcept(_) => Op::SetupExcept(target),
            other => other,
        };
    }

    fn add_const(&mut self, v: Value) -> u32 {
        let u = self.unit();
        u.consts.push(v);
        u.consts.len() as u32 - 1
    }

    fn emit_const(&mut self, v: Value) {
        let i = self.add_const(v);
        self.emit(Op::Const(i));
    }

    fn name_index(&mut self, name: &Rc<str>) -> u32 {
        let u = self.unit();
        if let Some(i) = u.names.iter().position(|n| n == name) {
            return i as u32;
        }
        u.names.push(name.clone());
        u.names.len() as u32 - 1
    }

    /// The index of an attribute's, a global's or a namespace entry's name, mangled as
    /// `_Py_Mangle` does inside a class: `__secret` is `_Account__secret` there (not a dunder,
    /// nor in a class whose name is all underscores).
    fn mangled_index(&mut self, name: &Rc<str>) -> u32 {
        let name = self.mangle(name);
        self.name_index(&name)
    }

    fn mangle(&self, name: &Rc<str>) -> Rc<str> {
        if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
            return name.clone();
        }
        let Some(class) = self.units.iter().rev().find(|u| u.kind == CodeKind::Class) else {
            return name.clone();
        };
        let stripped = class.name.trim_start_matches('_');
        if stripped.is_empty() {
            return name.clone();
        }
        Rc::from(format!("_{stripped}{name}"))
    }

    fn lookup(&self, name: &str) -> Where {
        let u = self.units.last().expect("a unit is being compiled");
        self.st.scopes[u.scope].lookup(name)
    }

    fn load_name(&mut self, name: &Rc<str>) {
        match self.lookup(name) {
            Where::Local(i) => self.emit(Op::LoadFast(i)),
            Where::Cell(i) | Where::Free(i) => self.emit(Op::LoadDeref(i)),
            Where::Global => {
                let i = self.mangled_index(name);
                self.emit(Op::LoadGlobal(i))
            }
            Where::Name => {
                let i = self.mangled_index(name);
                self.emit(Op::LoadName(i))
            }
        };
    }

    fn store_name(&mut self, name: &Rc<str>) {
        match self.lookup(name) {
            Where::Local(i) => self.emit(Op::StoreFast(i)),
            Where::Cell(i) | Where::Free(i) => self.emit(Op::StoreDeref(i)),
            Where::Global => {
                let i = self.mangled_index(name);
                self.emit(Op::StoreGlobal(i))
            }
            Where::Name => {
                let i = self.mangled_index(name);
                self.emit(Op::StoreName(i))
            }
        };
    }

    fn delete_name(&mut self, name: &Rc<str>) {
        match self.lookup(name) {
            Where::Local(i) => self.emit(Op::DeleteFast(i)),
            Where::Cell(i) | Where::Free(i) => self.emit(Op::DeleteDeref(i)),
            Where::Global => {
                let i = self.mangled_index(name);
                self.emit(Op::DeleteGlobal(i))
            }
            Where::Name => {
                let i = self.mangled_index(name);
                self.emit(Op::DeleteName(i))
            }
        };
    }

    fn in_function(&self) -> bool {
        self.units
            .iter()
            .rev()
            .any(|u| !matches!(u.kind, CodeKind::Module | CodeKind::Class))
            && !matches!(
                self.units.last().map(|u| u.kind),
                Some(CodeKind::Module | CodeKind::Class)
            )
    }
}
