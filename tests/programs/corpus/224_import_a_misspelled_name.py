# A misspelled name imported from asyncio or random: CPython's ImportError says where the module is
# (the playground: its place in the standard library) and a printed traceback suggests a name.
import asyncio

try:
    from asyncio import Taskgroup
except ImportError as e:
    print(e, "|", e.name, e.name_from)
try:
    from random import randnt
except ImportError as e:
    print(e)
try:
    from time import slep
except ImportError as e:
    print(e)
from asyncio import slep
