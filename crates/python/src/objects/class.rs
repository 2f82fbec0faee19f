//! Classes (built-in and the program's), instances, and the registry of built-in types.

use super::Value;
use std::cell::RefCell;
use std::rc::Rc;

/// What a built-in class's instances are (user classes are `User`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    Object,
    Type,
    NoneType,
    Bool,
    Int,
    Float,
    Str,
    List,
    Tuple,
    Dict,
    Set,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    Coroutine,
    Generator,
    Iterator,
    Module,
    Ellipsis,
    Super,
    StaticMethod,
    ClassMethod,
    /// A built-in exception class.
    Exception,
    /// One of asyncio's classes (its instances are `Value::Native`).
    Asyncio,
    User,
}

/// A class. Attributes live in `dict`, in definition order.
pub struct Class {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    /// `__module__`: `builtins`, `__main__`, `asyncio.exceptions`, …
    pub module: Rc<str>,
    pub bases: Vec<Rc<Class>>,
    /// The method resolution order, this class first.
    pub mro: RefCell<Vec<Rc<Class>>>,
    pub dict: RefCell<Vec<(Rc<str>, Value)>>,
    pub tag: Tag,
}

impl Class {
    /// The name CPython's messages give the type (`tp_name`): the module too for the types of a
    /// C extension (`'_asyncio.Task' object is not callable`), the name alone otherwise.
    pub fn tp_name(&self) -> String {
        if matches!(&*self.module, "_asyncio" | "types") {
            format!("{}.{}", self.module, self.name)
        } else {
            self.name.to_string()
        }
    }

    pub fn new(name: &str, module: &str, bases: Vec<Rc<Class>>, tag: Tag) -> Rc<Class> {
        let cls = Rc::new(Class {
            name: Rc::from(name),
            qualname: Rc::from(name),
            module: Rc::from(module),
            bases,
            mro: RefCell::new(Vec::new()),
            dict: RefCell::new(Vec::new()),
            tag,
        });
        cls.compute_mro();
        cls
    }

    /// C3 linearization (single inheritance is the common case; `ExceptionGroup` has two bases).
    pub fn compute_mro(self: &Rc<Self>) {
        let mut seqs: Vec<Vec<Rc<Class>>> =
            self.bases.iter().map(|b| b.mro.borrow().clone()).collect();
        seqs.push(self.bases.clone());
        let mut out = vec![self.clone()];
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                break;
            }
            let head = seqs
                .iter()
                .map(|s| s[0].clone())
                .find(|h| !seqs.iter().any(|s| s[1..].iter().any(|c| Rc::ptr_eq(c, h))));
            let Some(head) = head else { break };
            for s in &mut seqs {
                if Rc::ptr_eq(&s[0], &head) {
                    s.remove(0);
                }
            }
            out.push(head);
        }
        *self.mro.borrow_mut() = out;
    }

    /// `issubclass(self, other)`.
    pub fn is_subclass(&self, other: &Rc<Class>) -> bool {
        self.mro.borrow().iter().any(|c| Rc::ptr_eq(c, other))
    }

    /// Looks `name` up along the MRO.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        self.mro.borrow().iter().find_map(|c| {
            c.dict
                .borrow()
                .iter()
                .find(|(k, _)| &**k == name)
                .map(|(_, v)| v.clone())
        })
    }

    /// Looks `name` up along the MRO after `after` (for `super()`).
    pub fn lookup_after(&self, after: &Rc<Class>, name: &str) -> Option<Value> {
        let mro = self.mro.borrow();
        let start = mro
            .iter()
            .position(|c| Rc::ptr_eq(c, after))
            .map_or(mro.len(), |i| i + 1);
        mro[start..].iter().find_map(|c| {
            c.dict
                .borrow()
                .iter()
                .find(|(k, _)| &**k == name)
                .map(|(_, v)| v.clone())
        })
    }

    pub fn set_attr(&self, name: Rc<str>, value: Value) {
        let mut d = self.dict.borrow_mut();
        match d.iter_mut().find(|(k, _)| *k == name) {
            Some(slot) => slot.1 = value,
            None => d.push((name, value)),
        }
    }

    /// Whether instances are exceptions.
    pub fn is_exception(&self) -> bool {
        let base = &types().base_exception;
        self.is_subclass(base)
    }

    /// The built-in class this class's instances are made like (a user class's nearest built-in
    /// ancestor: `object`, or an exception class).
    pub fn builtin_base(self: &Rc<Self>) -> Rc<Class> {
        self.mro
            .borrow()
            .iter()
            .find(|c| c.tag != Tag::User)
            .cloned()
            .unwrap_or_else(|| types().object.clone())
    }

    /// The name as a traceback shows it: `ValueError`, `MyError`, `asyncio.exceptions.CancelledError`.
    pub fn display_name(&self) -> String {
        if &*self.module == "builtins" || &*self.module == "__main__" {
            self.qualname.to_string()
        } else {
            format!("{}.{}", self.module, self.qualname)
        }
    }
}

/// An instance of a program's class.
pub struct Instance {
    pub class: Rc<Class>,
    pub attrs: RefCell<Vec<(Rc<str>, Value)>>,
}

impl Instance {
    pub fn get(&self, name: &str) -> Option<Value> {
        self.attrs
            .borrow()
            .iter()
            .find(|(k, _)| &**k == name)
            .map(|(_, v)| v.clone())
    }

    pub fn set(&self, name: Rc<str>, value: Value) {
        let mut a = self.attrs.borrow_mut();
        match a.iter_mut().find(|(k, _)| *k == name) {
            Some(slot) => slot.1 = value,
            None => a.push((name, value)),
        }
    }

    pub fn remove(&self, name: &str) -> bool {
        let mut a = self.attrs.borrow_mut();
        let before = a.len();
        a.retain(|(k, _)| &**k != name);
        a.len() != before
    }
}

/// The built-in classes, made once per thread.
pub struct Types {
    pub object: Rc<Class>,
    pub type_: Rc<Class>,
    pub none: Rc<Class>,
    pub bool_: Rc<Class>,
    pub int: Rc<Class>,
    pub float: Rc<Class>,
    pub str_: Rc<Class>,
    pub list: Rc<Class>,
    pub tuple: Rc<Class>,
    pub dict: Rc<Class>,
    pub set: Rc<Class>,
    pub range: Rc<Class>,
    pub slice: Rc<Class>,
    pub function: Rc<Class>,
    pub builtin_function: Rc<Class>,
    pub method: Rc<Class>,
    pub coroutine: Rc<Class>,
    pub generator: Rc<Class>,
    pub iterator: Rc<Class>,
    pub module: Rc<Class>,
    pub ellipsis: Rc<Class>,
    pub super_: Rc<Class>,
    pub staticmethod: Rc<Class>,
    pub classmethod: Rc<Class>,
    pub base_exception: Rc<Class>,
    /// Every built-in exception class by name (asyncio's among them).
    pub exceptions: Vec<Rc<Class>>,
}

impl Types {
    pub fn exception(&self, name: &str) -> Rc<Class> {
        self.exceptions
            .iter()
            .find(|c| &*c.name == name)
            .cloned()
            .unwrap_or_else(|| panic!("no built-in exception {name}"))
    }
}

/// The built-in exception hierarchy: (name, module, bases).
const EXCEPTIONS: &[(&str, &str, &[&str])] = &[
    ("Exception", "builtins", &["BaseException"]),
    ("ArithmeticError", "builtins", &["Exception"]),
    ("ZeroDivisionError", "builtins", &["ArithmeticError"]),
    ("OverflowError", "builtins", &["ArithmeticError"]),
    ("FloatingPointError", "builtins", &["ArithmeticError"]),
    ("BufferError", "builtins", &["Exception"]),
    ("EOFError", "builtins", &["Exception"]),
    ("MemoryError", "builtins", &["Exception"]),
    ("ReferenceError", "builtins", &["Exception"]),
    ("SystemError", "builtins", &["Exception"]),
    ("LookupError", "builtins", &["Exception"]),
    ("KeyError", "builtins", &["LookupError"]),
    ("IndexError", "builtins", &["LookupError"]),
    ("ValueError", "builtins", &["Exception"]),
    ("TypeError", "builtins", &["Exception"]),
    ("AttributeError", "builtins", &["Exception"]),
    ("NameError", "builtins", &["Exception"]),
    ("UnboundLocalError", "builtins", &["NameError"]),
    ("RuntimeError", "builtins", &["Exception"]),
    ("NotImplementedError", "builtins", &["RuntimeError"]),
    ("RecursionError", "builtins", &["RuntimeError"]),
    ("PythonFinalizationError", "builtins", &["RuntimeError"]),
    ("SyntaxError", "builtins", &["Exception"]),
    ("IndentationError", "builtins", &["SyntaxError"]),
    ("TabError", "builtins", &["IndentationError"]),
    ("AssertionError", "builtins", &["Exception"]),
    ("StopIteration", "builtins", &["Exception"]),
    ("StopAsyncIteration", "builtins", &["Exception"]),
    ("ImportError", "builtins", &["Exception"]),
    ("ModuleNotFoundError", "builtins", &["ImportError"]),
    ("OSError", "builtins", &["Exception"]),
    ("TimeoutError", "builtins", &["OSError"]),
    ("BlockingIOError", "builtins", &["OSError"]),
    ("ChildProcessError", "builtins", &["OSError"]),
    ("ConnectionError", "builtins", &["OSError"]),
    ("BrokenPipeError", "builtins", &["ConnectionError"]),
    ("ConnectionAbortedError", "builtins", &["ConnectionError"]),
    ("ConnectionRefusedError", "builtins", &["ConnectionError"]),
    ("ConnectionResetError", "builtins", &["ConnectionError"]),
    ("FileExistsError", "builtins", &["OSError"]),
    ("FileNotFoundError", "builtins", &["OSError"]),
    ("InterruptedError", "builtins", &["OSError"]),
    ("IsADirectoryError", "builtins", &["OSError"]),
    ("NotADirectoryError", "builtins", &["OSError"]),
    ("PermissionError", "builtins", &["OSError"]),
    ("ProcessLookupError", "builtins", &["OSError"]),
    ("UnicodeError", "builtins", &["ValueError"]),
    ("UnicodeDecodeError", "builtins", &["UnicodeError"]),
    ("UnicodeEncodeError", "builtins", &["UnicodeError"]),
    ("UnicodeTranslateError", "builtins", &["UnicodeError"]),
    ("KeyboardInterrupt", "builtins", &["BaseException"]),
    ("SystemExit", "builtins", &["BaseException"]),
    ("GeneratorExit", "builtins", &["BaseException"]),
    ("BaseExceptionGroup", "builtins", &["BaseException"]),
    (
        "ExceptionGroup",
        "builtins",
        &["BaseExceptionGroup", "Exception"],
    ),
    ("CancelledError", "asyncio.exceptions", &["BaseException"]),
    ("InvalidStateError", "asyncio.exceptions", &["Exception"]),
    ("QueueEmpty", "asyncio.queues", &["Exception"]),
    ("QueueFull", "asyncio.queues", &["Exception"]),
    ("Warning", "builtins", &["Exception"]),
    ("RuntimeWarning", "builtins", &["Warning"]),
    ("BytesWarning", "builtins", &["Warning"]),
    ("DeprecationWarning", "builtins", &["Warning"]),
    ("EncodingWarning", "builtins", &["Warning"]),
    ("FutureWarning", "builtins", &["Warning"]),
    ("ImportWarning", "builtins", &["Warning"]),
    ("PendingDeprecationWarning", "builtins", &["Warning"]),
    ("ResourceWarning", "builtins", &["Warning"]),
    ("SyntaxWarning", "builtins", &["Warning"]),
    ("UnicodeWarning", "builtins", &["Warning"]),
    ("UserWarning", "builtins", &["Warning"]),
    // The playground's own stop: never caught, never shown as an exception.
    ("PlaygroundStop", "playground", &["BaseException"]),
];

fn make_types() -> Types {
    let object = Class::new("object", "builtins", Vec::new(), Tag::Object);
    let b = |name: &str, tag: Tag| Class::new(name, "builtins", vec![object.clone()], tag);
    let int = b("int", Tag::Int);
    let bool_ = Class::new("bool", "builtins", vec![int.clone()], Tag::Bool);
    let base_exception = b("BaseException", Tag::Exception);
    let mut exceptions = vec![base_exception.clone()];
    for (name, module, bases) in EXCEPTIONS {
        let bases = bases
            .iter()
            .map(|n| {
                exceptions
                    .iter()
                    .find(|c: &&Rc<Class>| &*c.name == *n)
                    .cloned()
                    .expect("bases first")
            })
            .collect();
        exceptions.push(Class::new(name, module, bases, Tag::Exception));
    }
    Types {
        type_: b("type", Tag::Type),
        none: b("NoneType", Tag::NoneType),
        float: b("float", Tag::Float),
        str_: b("str", Tag::Str),
        list: b("list", Tag::List),
        tuple: b("tuple", Tag::Tuple),
        dict: b("dict", Tag::Dict),
        set: b("set", Tag::Set),
        range: b("range", Tag::Range),
        slice: b("slice", Tag::Slice),
        function: b("function", Tag::Function),
        builtin_function: b("builtin_function_or_method", Tag::BuiltinFunction),
        method: b("method", Tag::Method),
        coroutine: b("coroutine", Tag::Coroutine),
        generator: b("generator", Tag::Generator),
        iterator: b("iterator", Tag::Iterator),
        module: b("module", Tag::Module),
        ellipsis: b("ellipsis", Tag::Ellipsis),
        super_: b("super", Tag::Super),
        staticmethod: b("staticmethod", Tag::StaticMethod),
        classmethod: b("classmethod", Tag::ClassMethod),
        int,
        bool_,
        object,
        base_exception,
        exceptions,
    }
}

thread_local! {
    static TYPES: Rc<Types> = Rc::new(make_types());
}

/// The built-in classes.
pub fn types() -> Rc<Types> {
    TYPES.with(|t| t.clone())
}
