"""Check that programs stay inside the Python subset of contract python-subset.md, sections 1-2.

Usage: python3 subset_lint.py FILE.py...   prints one line per problem, exits 1 if any.

A line that breaks a rule on purpose (a NameError shown on purpose) carries `# lint: ok`.

A syntactic check (the ast module), deliberately conservative: only the modules, module
attributes, builtins, statement and expression forms, dunder methods and method names that the
contract lists are accepted, plus whatever names the program defines itself. It cannot know the
type of a receiver, so a method name is accepted if any listed type (or the program) has it.
"""

import ast
import sys

MODULES = {'asyncio', 'random', 'time'}

MODULE_ATTRS = {
    'asyncio': {
        'run', 'sleep', 'create_task', 'gather', 'wait', 'FIRST_COMPLETED', 'FIRST_EXCEPTION',
        'ALL_COMPLETED', 'wait_for', 'as_completed', 'timeout', 'timeout_at', 'shield',
        'TaskGroup', 'current_task', 'all_tasks', 'get_running_loop', 'get_event_loop', 'Future',
        'Task', 'Lock', 'Event', 'Condition', 'Semaphore', 'BoundedSemaphore', 'Queue',
        'LifoQueue', 'PriorityQueue', 'QueueEmpty', 'QueueFull', 'CancelledError',
        'TimeoutError', 'InvalidStateError', 'iscoroutine', 'isfuture', 'ensure_future'},
    'random': {'seed', 'random', 'uniform', 'randint', 'randrange', 'choice', 'choices',
               'shuffle', 'sample', 'gauss'},
    'time': {'sleep', 'time', 'perf_counter', 'monotonic'},
}

BUILTINS = {
    'print', 'len', 'range', 'enumerate', 'zip', 'sorted', 'reversed', 'sum', 'min', 'max', 'abs',
    'round', 'divmod', 'pow', 'any', 'all', 'map', 'filter', 'isinstance', 'issubclass', 'type',
    'str', 'repr', 'int', 'float', 'bool', 'list', 'tuple', 'dict', 'set', 'hasattr', 'getattr',
    'setattr', 'iter', 'next', 'id', 'hash', 'chr', 'ord', 'format', 'super', 'staticmethod',
    'classmethod', 'True', 'False', 'None', '__name__',
    'BaseException', 'Exception', 'ArithmeticError', 'ZeroDivisionError', 'ValueError',
    'TypeError', 'KeyError', 'IndexError', 'LookupError', 'AttributeError', 'NameError',
    'UnboundLocalError', 'RuntimeError', 'NotImplementedError', 'RecursionError',
    'AssertionError', 'StopIteration', 'StopAsyncIteration', 'TimeoutError',
    'KeyboardInterrupt', 'ExceptionGroup', 'BaseExceptionGroup',
    # The rest of CPython's built-in exceptions: they exist and behave as CPython's (those whose
    # arguments mean more, like an OSError with an errno, are refused when made that way).
    'OSError', 'IOError', 'EnvironmentError', 'ConnectionError', 'ConnectionRefusedError',
    'ConnectionResetError', 'ConnectionAbortedError', 'BrokenPipeError', 'FileNotFoundError',
    'FileExistsError', 'PermissionError', 'EOFError', 'MemoryError', 'OverflowError',
}

DUNDER_METHODS = {'__init__', '__repr__', '__str__', '__enter__', '__exit__', '__aenter__',
                  '__aexit__', '__aiter__', '__anext__'}

METHODS = {
    # str
    'format', 'join', 'split', 'rsplit', 'strip', 'lstrip', 'rstrip', 'upper', 'lower', 'title',
    'startswith', 'endswith', 'replace', 'find', 'count', 'center', 'ljust', 'rjust', 'zfill',
    'splitlines', 'isdigit',
    # list
    'append', 'extend', 'insert', 'pop', 'remove', 'index', 'sort', 'reverse', 'copy', 'clear',
    # dict
    'get', 'items', 'keys', 'values', 'setdefault', 'update',
    # set
    'add', 'discard', 'union',
    # loop, handles
    'time', 'call_soon', 'call_later', 'call_at', 'create_future', 'create_task', 'cancel',
    # Future, Task
    'set_result', 'set_exception', 'result', 'exception', 'done', 'cancelled',
    'add_done_callback', 'remove_done_callback', 'get_name', 'set_name', 'get_coro',
    'cancelling', 'uncancel',
    # Lock, Event, Condition, Semaphore
    'acquire', 'release', 'locked', 'wait', 'set', 'is_set', 'wait_for', 'notify', 'notify_all',
    # queues
    'put', 'put_nowait', 'get_nowait', 'task_done', 'join', 'qsize', 'empty', 'full', 'maxsize',
    # timeouts
    'reschedule', 'expired', 'when',
    # exceptions
    'args', 'message', 'exceptions',
    # the module-level dunder and type(x).__name__
    '__name__',
}


class Checker(ast.NodeVisitor):
    def __init__(self, path, tree):
        self.path = path
        self.problems = []
        self.module_aliases = {}
        self.own_names = set()
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                self.own_names.add(node.name)
                if not isinstance(node, ast.ClassDef):
                    a = node.args
                    for arg in a.posonlyargs + a.args + a.kwonlyargs + [a.vararg, a.kwarg]:
                        if arg is not None:
                            self.own_names.add(arg.arg)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
                self.own_names.add(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                self.own_names.add(node.attr)
            elif isinstance(node, ast.ExceptHandler) and node.name:
                self.own_names.add(node.name)
            elif isinstance(node, ast.arg):
                self.own_names.add(node.arg)
            elif isinstance(node, ast.keyword) and node.arg:
                self.own_names.add(node.arg)
            elif isinstance(node, (ast.Global, ast.Nonlocal)):
                self.own_names.update(node.names)

    def problem(self, node, msg):
        self.problems.append(f'{self.path}:{getattr(node, "lineno", 0)}: {msg}')

    def generic_visit(self, node):
        banned = (ast.Yield, ast.YieldFrom, ast.Match, ast.AnnAssign, ast.TypeAlias, ast.MatMult,
                  ast.BitXor, ast.LShift, ast.RShift, ast.Invert)
        if isinstance(node, banned):
            self.problem(node, f'{type(node).__name__} is outside the subset')
        if isinstance(node, ast.comprehension) and node.is_async:
            self.problem(node, 'async comprehensions are outside the subset')
        if isinstance(node, ast.Constant) and isinstance(node.value, (bytes, complex)):
            self.problem(node, 'bytes/complex literals are outside the subset')
        if isinstance(node, ast.Constant) and node.value is Ellipsis:
            self.problem(node, '... is outside the subset')
        if isinstance(node, ast.Constant) and isinstance(node.value, int) \
                and not isinstance(node.value, bool) and abs(node.value) >= 2 ** 63:
            self.problem(node, 'integer literal outside 64-bit range')
        if isinstance(node, ast.FormattedValue) and node.conversion == ord('a'):
            self.problem(node, '!a conversion is outside the subset')
        super().generic_visit(node)

    def visit_Import(self, node):
        for alias in node.names:
            if alias.name not in MODULES:
                self.problem(node, f'module {alias.name} is not in the subset')
            self.module_aliases[alias.asname or alias.name] = alias.name
        self.generic_visit(node)

    def visit_ImportFrom(self, node):
        if node.module not in MODULES:
            self.problem(node, f'module {node.module} is not in the subset')
            return
        for alias in node.names:
            if alias.asname:
                self.problem(node, 'from-import with "as" is not listed in the subset')
            if alias.name not in MODULE_ATTRS[node.module]:
                self.problem(node, f'{node.module}.{alias.name} is not in the subset')
            self.own_names.add(alias.asname or alias.name)

    def check_function(self, node):
        for d in node.decorator_list:
            if not (isinstance(d, ast.Name) and d.id in ('staticmethod', 'classmethod')):
                self.problem(node, 'decorators other than @staticmethod/@classmethod')
        a = node.args
        for arg in a.posonlyargs + a.args + a.kwonlyargs + [a.vararg, a.kwarg]:
            if arg is not None and arg.annotation is not None:
                self.problem(node, 'annotations are not listed in the subset')
        if node.returns is not None:
            self.problem(node, 'annotations are not listed in the subset')
        if a.posonlyargs:
            self.problem(node, 'positional-only parameters are not listed in the subset')
        if node.name.startswith('__') and node.name.endswith('__') \
                and node.name not in DUNDER_METHODS:
            self.problem(node, f'dunder method {node.name} is outside the subset')
        self.generic_visit(node)

    visit_FunctionDef = check_function
    visit_AsyncFunctionDef = check_function

    def visit_ClassDef(self, node):
        if node.decorator_list or node.keywords:
            self.problem(node, 'class decorators / keywords (metaclass) are outside the subset')
        self.generic_visit(node)

    def visit_With(self, node):
        if len(node.items) != 1:
            self.problem(node, 'with/async with of several items is not listed in the subset')
        self.generic_visit(node)

    visit_AsyncWith = visit_With

    def visit_Name(self, node):
        if isinstance(node.ctx, ast.Load) and node.id not in self.own_names \
                and node.id not in self.module_aliases and node.id not in BUILTINS:
            self.problem(node, f'name {node.id} is neither defined by the program nor in the subset')

    def visit_Attribute(self, node):
        if isinstance(node.value, ast.Name) and node.value.id in self.module_aliases \
                and node.value.id not in self.own_names - set(self.module_aliases):
            module = self.module_aliases[node.value.id]
            if node.attr not in MODULE_ATTRS[module]:
                self.problem(node, f'{module}.{node.attr} is not in the subset')
        elif node.attr not in METHODS and node.attr not in self.own_names:
            self.problem(node, f'attribute .{node.attr} is not listed in the subset')
        self.generic_visit(node)


def check(path):
    with open(path, encoding='utf-8') as f:
        source = f.read()
    tree = ast.parse(source, path)
    checker = Checker(path, tree)
    checker.visit(tree)
    lines = source.split('\n')
    checker.problems = [p for p in checker.problems
                        if '# lint: ok' not in lines[int(p.split(':')[1]) - 1]]
    if not source.startswith('#'):
        checker.problems.append(f'{path}:1: the first line should be a comment saying what it shows')
    return checker.problems


def main(paths):
    problems = []
    for p in paths:
        problems.extend(check(p))
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
