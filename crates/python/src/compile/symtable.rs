//! Scopes: which names are locals, cells, free variables or globals, as CPython's symtable decides.

use crate::syntax::ast::*;
use crate::syntax::error::CompileError;
use crate::syntax::token::Span;
use std::collections::HashMap;
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Function,
    Class,
    Comprehension,
    GenExpr,
}

/// Where a name lives, as seen from one scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Where {
    /// A fast local slot.
    Local(u32),
    /// A local captured by an inner function: its slot holds a cell.
    Cell(u32),
    /// A free variable: its slot holds the enclosing scope's cell.
    Free(u32),
    /// A module global (from a function).
    Global,
    /// A module or class namespace entry (module and class bodies).
    Name,
}

#[derive(Default)]
pub struct Scope {
    pub kind: Option<ScopeKind>,
    pub parent: Option<usize>,
    pub params: Vec<Rc<str>>,
    /// Names bound here, in first-binding order.
    pub bound: Vec<Rc<str>>,
    pub used: Vec<Rc<str>>,
    pub globals: Vec<Rc<str>>,
    pub nonlocals: Vec<(Rc<str>, Span)>,
    pub children: Vec<usize>,
    /// Resolved: name → where it lives.
    pub names: HashMap<Rc<str>, Where>,
    /// Resolved slots: locals first, then free variables.
    pub slots: Vec<Rc<str>>,
    pub nlocals: u32,
    pub cells: Vec<u32>,
}

impl Scope {
    fn bind(&mut self, name: &Rc<str>) {
        if !self.bound.contains(name) {
            self.bound.push(name.clone());
        }
    }

    fn use_name(&mut self, name: &Rc<str>) {
        if !self.used.contains(name) {
            self.used.push(name.clone());
        }
    }

    pub fn lookup(&self, name: &str) -> Where {
        self.names.get(name).copied().unwrap_or(match self.kind {
            Some(ScopeKind::Module | ScopeKind::Class) => Where::Name,
            _ => Where::Global,
        })
    }
}

/// The scopes of a program; scope 0 is the module. The compiler finds a node's scope by the
/// position where the node starts.
pub struct SymTable {
    pub scopes: Vec<Scope>,
    pub by_pos: HashMap<(u32, u32), usize>,
}

/// Builds the scope tree and resolves every name.
///
/// # Errors
/// `nonlocal` with no binding; `global` after a use or a binding of the name in its scope.
pub fn analyze(module: &[Stmt]) -> Result<SymTable, CompileError> {
    let mut b = Builder {
        scopes: vec![Scope {
            kind: Some(ScopeKind::Module),
            ..Scope::default()
        }],
        cur: 0,
        by_pos: HashMap::new(),
        error: None,
    };
    b.stmts(module);
    if let Some(e) = b.error {
        return Err(e);
    }
    let mut st = SymTable {
        scopes: b.scopes,
        by_pos: b.by_pos,
    };
    st.resolve(0)?;
    Ok(st)
}

struct Builder {
    scopes: Vec<Scope>,
    cur: usize,
    by_pos: HashMap<(u32, u32), usize>,
    /// The first `global` of a name already used or bound in its scope.
    error: Option<CompileError>,
}

impl Builder {
    fn scope(&mut self) -> &mut Scope {
        &mut self.scopes[self.cur]
    }

    /// symtable.c's checks at a `global` or `nonlocal` statement (`kind`) for the name `n`, in
    /// its order: a parameter, a name used before, a name assigned before.
    fn check_declaration(&mut self, n: &str, kind: &str, at: Span) {
        let scope = self.scope();
        let misuse = if scope.params.iter().any(|p| &**p == n) {
            format!("is parameter and {kind}")
        } else if scope.used.iter().any(|u| &**u == n) {
            format!("is used prior to {kind} declaration")
        } else if scope.bound.iter().any(|b| &**b == n) {
            format!("is assigned to before {kind} declaration")
        } else {
            return;
        };
        let e = CompileError::syntax(format!("name '{n}' {misuse}"), at);
        self.error.get_or_insert(e);
    }

    fn enter(&mut self, kind: ScopeKind, params: Vec<Rc<str>>, at: Span) -> usize {
        let id = self.scopes.len();
        self.by_pos.insert((at.start.line, at.start.col), id);
        self.scopes.push(Scope {
            kind: Some(kind),
            parent: Some(self.cur),
            bound: params.clone(),
            params,
            ..Scope::default()
        });
        self.scopes[self.cur].children.push(id);
        let prev = self.cur;
        self.cur = id;
        prev
    }

    fn stmts(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn target(&mut self, t: &Expr) {
        match &t.kind {
            ExprKind::Name(n) => {
                let n = n.clone();
                self.scope().bind(&n);
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                elts.iter().for_each(|e| self.target(e))
            }
            ExprKind::Starred(e) => self.target(e),
            _ => self.expr(t),
        }
    }

    fn params_defaults(&mut self, p: &Params) {
        for param in p.posonly.iter().chain(&p.args).chain(&p.kwonly) {
            if let Some(d) = &param.default {
                self.expr(d);
            }
        }
        for param in p
            .posonly
            .iter()
            .chain(&p.args)
            .chain(&p.kwonly)
            .chain(&p.vararg)
            .chain(&p.kwarg)
        {
            if let Some(a) = &param.annotation {
                self.expr(a);
            }
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign(targets, value) => {
                self.expr(value);
                targets.iter().for_each(|t| self.target(t));
            }
            StmtKind::AugAssign(t, _, v) => {
                self.expr(v);
                if let ExprKind::Name(n) = &t.kind {
                    let n = n.clone();
                    self.scope().use_name(&n);
                }
                self.target(t);
            }
            StmtKind::AnnAssign(t, ann, v) => {
                self.expr(ann);
                if let Some(v) = v {
                    self.expr(v);
                    self.target(t);
                } else if !matches!(t.kind, ExprKind::Name(_)) {
                    self.expr(t);
                }
            }
            StmtKind::If(c, a, b) | StmtKind::While(c, a, b) => {
                self.expr(c);
                self.stmts(a);
                self.stmts(b);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.expr(iter);
                self.target(target);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::Return(e) => e.iter().for_each(|e| self.expr(e)),
            StmtKind::Delete(ts) => ts.iter().for_each(|t| self.target(t)),
            StmtKind::Global(names) => {
                for n in names {
                    self.check_declaration(n, "global", s.span);
                    if !self.scope().globals.contains(n) {
                        self.scope().globals.push(n.clone());
                    }
                }
            }
            StmtKind::Nonlocal(names) => {
                if matches!(self.scope().kind, Some(ScopeKind::Module)) {
                    let e = CompileError::syntax(
                        "nonlocal declaration not allowed at module level",
                        s.span,
                    );
                    self.error.get_or_insert(e);
                }
                for n in names {
                    self.check_declaration(n, "nonlocal", s.span);
                    self.scope().nonlocals.push((n.clone(), s.span));
                }
            }
            StmtKind::Assert(a, b) => {
                self.expr(a);
                b.iter().for_each(|e| self.expr(e));
            }
            StmtKind::Raise(a, b) => {
                a.iter().for_each(|e| self.expr(e));
                b.iter().for_each(|e| self.expr(e));
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                self.stmts(body);
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t);
                    }
                    if let Some(n) = &h.name {
                        self.scope().bind(n);
                    }
                    self.stmts(&h.body);
                }
                self.stmts(orelse);
                self.stmts(finalbody);
            }
            StmtKind::FunctionDef(f) => {
                f.decorators.iter().for_each(|d| self.expr(d));
                self.params_defaults(&f.params);
                if let Some(r) = &f.returns {
                    self.expr(r);
                }
                let name = f.name.clone();
                self.scope().bind(&name);
                let prev = self.enter(ScopeKind::Function, f.params.names(), s.span);
                self.stmts(&f.body);
                self.cur = prev;
            }
            StmtKind::ClassDef(c) => {
                c.decorators.iter().for_each(|d| self.expr(d));
                for a in &c.bases {
                    match a {
                        Arg::Pos(e) | Arg::Star(e) | Arg::Kw(_, e, _) | Arg::StarStar(e) => {
                            self.expr(e)
                        }
                    }
                }
                let name = c.name.clone();
                self.scope().bind(&name);
                let prev = self.enter(ScopeKind::Class, Vec::new(), s.span);
                self.stmts(&c.body);
                self.cur = prev;
            }
            StmtKind::With { items, body, .. } => {
                for it in items {
                    self.expr(&it.ctx);
                    if let Some(t) = &it.target {
                        self.target(t);
                    }
                }
                self.stmts(body);
            }
            StmtKind::Import(names) => {
                for a in names {
                    let bound = a
                        .asname
                        .clone()
                        .unwrap_or_else(|| Rc::from(a.name.split('.').next().unwrap_or("")));
                    self.scope().bind(&bound);
                }
            }
            StmtKind::ImportFrom(_, names, _) => {
                for a in names {
                    let bound = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.scope().bind(&bound);
                }
            }
            StmtKind::Break | StmtKind::Continue | StmtKind::Pass | StmtKind::Match => {}
        }
    }

    fn comprehension(&mut self, kind: ScopeKind, gens: &[Comprehension], elts: &[&Expr], at: Span) {
        // The first iterable is evaluated outside.
        self.expr(&gens[0].iter);
        let prev = self.enter(kind, vec![Rc::from(".0")], at);
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter);
            }
            self.target(&g.target);
            g.ifs.iter().for_each(|e| self.expr(e));
        }
        elts.iter().for_each(|e| self.expr(e));
        self.cur = prev;
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Name(n) => {
                let n = n.clone();
                self.scope().use_name(&n);
            }
            ExprKind::Const(_) | ExprKind::BigInt(_) => {}
            ExprKind::FString(parts) => self.fparts(parts),
            ExprKind::BinOp(_, a, b) => {
                self.expr(a);
                self.expr(b);
            }
            ExprKind::Unary(_, a)
            | ExprKind::Await(a)
            | ExprKind::Starred(a)
            | ExprKind::YieldFrom(a) => self.expr(a),
            ExprKind::Yield(a) => a.iter().for_each(|e| self.expr(e)),
            ExprKind::BoolOp(_, vs)
            | ExprKind::List(vs)
            | ExprKind::Tuple(vs)
            | ExprKind::Set(vs) => vs.iter().for_each(|e| self.expr(e)),
            ExprKind::Compare(a, rest) => {
                self.expr(a);
                rest.iter().for_each(|(_, e)| self.expr(e));
            }
            ExprKind::Call(f, args) => {
                self.expr(f);
                for a in args {
                    match a {
                        Arg::Pos(e) | Arg::Star(e) | Arg::Kw(_, e, _) | Arg::StarStar(e) => {
                            self.expr(e)
                        }
                    }
                }
            }
            ExprKind::Attribute(a, _) => self.expr(a),
            ExprKind::Subscript(a, b) => {
                self.expr(a);
                self.expr(b);
            }
            ExprKind::Slice(a, b, c) => {
                for x in [a, b, c].into_iter().flatten() {
                    self.expr(x);
                }
            }
            ExprKind::Dict(items) => {
                for (k, v) in items {
                    k.iter().for_each(|k| self.expr(k));
                    self.expr(v);
                }
            }
            ExprKind::ListComp(elt, gens) | ExprKind::SetComp(elt, gens) => {
                self.comprehension(ScopeKind::Comprehension, gens, &[elt], e.span)
            }
            ExprKind::GenExp(elt, gens) => {
                self.comprehension(ScopeKind::GenExpr, gens, &[elt], e.span)
            }
            ExprKind::DictComp(k, v, gens) => {
                self.comprehension(ScopeKind::Comprehension, gens, &[k, v], e.span)
            }
            ExprKind::Lambda(params, body) => {
                self.params_defaults(params);
                let prev = self.enter(ScopeKind::Function, params.names(), e.span);
                self.expr(body);
                self.cur = prev;
            }
            ExprKind::IfExp(a, b, c) => {
                self.expr(a);
                self.expr(b);
                self.expr(c);
            }
            ExprKind::Named(n, v) => {
                self.expr(v);
                // PEP 572: in a comprehension, the name binds in the enclosing non-comprehension scope.
                let mut s = self.cur;
                while matches!(
                    self.scopes[s].kind,
                    Some(ScopeKind::Comprehension | ScopeKind::GenExpr)
                ) {
                    let parent = self.scopes[s].parent.expect("a comprehension has a parent");
                    if !self.scopes[s].nonlocals.iter().any(|(x, _)| x == n) && parent != 0 {
                        self.scopes[s].nonlocals.push((n.clone(), e.span));
                    } else if parent == 0 && !self.scopes[s].globals.contains(n) {
                        self.scopes[s].globals.push(n.clone());
                    }
                    s = parent;
                }
                self.scopes[s].bind(n);
            }
        }
    }

    fn fparts(&mut self, parts: &[FPart]) {
        for p in parts {
            if let FPart::Field { expr, spec, .. } = p {
                self.expr(expr);
                if let Some(spec) = spec {
                    self.fparts(spec);
                }
            }
        }
    }
}

impl SymTable {
    /// Resolves scope `id` and its children.
    fn resolve(&mut self, id: usize) -> Result<(), CompileError> {
        let kind = self.scopes[id].kind;
        if matches!(
            kind,
            Some(ScopeKind::Function | ScopeKind::Comprehension | ScopeKind::GenExpr)
        ) {
            let scope = &self.scopes[id];
            let mut locals: Vec<Rc<str>> = scope.params.clone();
            let nonlocal_names: Vec<Rc<str>> =
                scope.nonlocals.iter().map(|(n, _)| n.clone()).collect();
            for n in &scope.bound {
                if !locals.contains(n) && !scope.globals.contains(n) && !nonlocal_names.contains(n)
                {
                    locals.push(n.clone());
                }
            }
            let mut names = HashMap::new();
            for (i, n) in locals.iter().enumerate() {
                names.insert(n.clone(), Where::Local(i as u32));
            }
            for n in &scope.globals {
                names.insert(n.clone(), Where::Global);
            }
            let scope = &mut self.scopes[id];
            scope.nlocals = locals.len() as u32;
            scope.slots = locals;
            scope.names = names;
            let nonlocals = scope.nonlocals.clone();
            for (n, span) in nonlocals {
                if !self.capture(id, &n) {
                    return Err(CompileError::syntax(
                        format!("no binding for nonlocal '{n}' found"),
                        span,
                    ));
                }
            }
            let used = self.scopes[id].used.clone();
            for n in used {
                if !self.scopes[id].names.contains_key(&n) && !self.capture(id, &n) {
                    self.scopes[id].names.insert(n.clone(), Where::Global);
                }
            }
        } else if kind == Some(ScopeKind::Class) {
            let used = self.scopes[id].used.clone();
            let bound = self.scopes[id].bound.clone();
            for n in used {
                if !bound.contains(&n) {
                    self.capture(id, &n);
                }
            }
        }
        let children = self.scopes[id].children.clone();
        for c in children {
            self.resolve(c)?;
        }
        Ok(())
    }

    /// Makes `name` a free variable of scope `id` if an enclosing function binds it (turning it
    /// into a cell there, and a free variable of every scope in between). False if none does.
    fn capture(&mut self, id: usize, name: &Rc<str>) -> bool {
        let mut chain = Vec::new();
        let mut s = self.scopes[id].parent;
        loop {
            let Some(p) = s else { return false };
            let scope = &self.scopes[p];
            match scope.kind {
                Some(ScopeKind::Module) | None => return false,
                Some(ScopeKind::Class) => chain.push(p),
                _ => match scope.names.get(name).copied() {
                    Some(Where::Local(slot)) => {
                        let scope = &mut self.scopes[p];
                        scope.names.insert(name.clone(), Where::Cell(slot));
                        scope.cells.push(slot);
                        break;
                    }
                    Some(Where::Cell(_) | Where::Free(_)) => break,
                    Some(Where::Global | Where::Name) => return false,
                    None => chain.push(p),
                },
            }
            s = self.scopes[p].parent;
        }
        chain.push(id);
        for sid in chain {
            let scope = &mut self.scopes[sid];
            if !matches!(scope.names.get(name), Some(Where::Free(_) | Where::Cell(_))) {
                let slot = scope.slots.len() as u32;
                scope.slots.push(name.clone());
                scope.names.insert(name.clone(), Where::Free(slot));
            }
        }
        true
    }
}
