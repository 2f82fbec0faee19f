//! `co_stacksize`: the deepest a code object's value stack gets, found by following every path
//! through its ops (CPython's `stackdepth()` in `flowgraph.c`), so that a frame allocates its
//! slots and stack once, at their full size.

use super::code::Op;
use crate::objects::Value;

/// How an op leaves the stack: its effect when it falls through to the next op, and where it
/// may jump with what effect.
struct Effect {
    /// `None`: it never falls through (`return`, `raise`, an unconditional jump).
    next: Option<i32>,
    jump: Option<(u32, i32)>,
}

fn falls(n: i32) -> Effect {
    Effect {
        next: Some(n),
        jump: None,
    }
}

/// The effect of `op`, as the instruction loop (`vm/exec.rs`) carries it out. A value a call,
/// an `await` or a `yield` gives back is pushed when the frame resumes, where the op's result
/// stands.
fn effect(op: Op, consts: &[Value]) -> Effect {
    let n = |x: u32| x as i32;
    match op {
        Op::Nop | Op::DeleteFast(_) | Op::DeleteDeref(_) | Op::DeleteGlobal(_) => falls(0),
        Op::DeleteName(_) | Op::LoadAttr(_) | Op::Unary(_) | Op::Rot2 | Op::Rot3 => falls(0),
        Op::ListToTuple | Op::GetIter | Op::PopBlock | Op::CheckExcMatch => falls(0),
        Op::StarBegin | Op::StarMatch | Op::Yield | Op::Await | Op::GetAIter => falls(0),
        Op::WithExit | Op::LoadMethod(_) => falls(0),
        Op::Const(_) | Op::LoadFast(_) | Op::LoadDeref(_) | Op::LoadClosure(_) => falls(1),
        Op::LoadGlobal(_) | Op::LoadName(_) | Op::Dup | Op::PushExcInfo => falls(1),
        Op::GetANext | Op::BeforeWith | Op::BeforeAsyncWith | Op::WithExceptStart => falls(1),
        Op::ImportName(_) | Op::ImportFrom(_) | Op::Super | Op::LoadAssertionError => falls(1),
        Op::Dup2 => falls(2),
        Op::StoreFast(_) | Op::StoreDeref(_) | Op::StoreGlobal(_) | Op::StoreName(_) => falls(-1),
        Op::DeleteAttr(_) | Op::Subscr | Op::Binary(_) | Op::Inplace(_) | Op::Compare(_) => {
            falls(-1)
        }
        Op::Pop | Op::ListAppend(_) | Op::SetAdd(_) | Op::ListExtend | Op::StarArgs => falls(-1),
        Op::SetUpdate | Op::DictUpdate | Op::DictMerge | Op::PopExcept | Op::StarRaised => {
            falls(-1)
        }
        Op::StoreAttr(_) | Op::DeleteSubscr | Op::MapAdd(_) | Op::StarEnd | Op::EndAsyncFor => {
            falls(-2)
        }
        Op::StoreSubscr => falls(-3),
        Op::BuildSlice(k) | Op::BuildTuple(k) | Op::BuildList(k) | Op::BuildSet(k) => {
            falls(1 - n(k))
        }
        Op::BuildConstSet(k) | Op::BuildString(k) => falls(1 - n(k)),
        Op::BuildMap(k) => falls(1 - 2 * n(k)),
        Op::UnpackSequence(k) => falls(n(k) - 1),
        Op::UnpackEx(before, after) => falls(n(before) + n(after)),
        Op::FormatValue(_, spec) => falls(-i32::from(spec)),
        Op::Call(k) | Op::CallMethod(_, k) | Op::BuildClass(_, k) => falls(-n(k)),
        Op::CallKw(k, names) => {
            let kw = match consts.get(names as usize) {
                Some(Value::Tuple(t)) => t.len() as i32,
                _ => 0,
            };
            falls(-n(k) - kw)
        }
        Op::CallEx(kw) => falls(-1 - i32::from(kw)),
        Op::MakeFunction(_, flags) => falls(1 - (flags & 7).count_ones() as i32),
        Op::Jump(t) => Effect {
            next: None,
            jump: Some((t, 0)),
        },
        Op::PopJumpIfFalse(t) | Op::PopJumpIfTrue(t) => Effect {
            next: Some(-1),
            jump: Some((t, -1)),
        },
        Op::JumpIfFalseOrPop(t) | Op::JumpIfTrueOrPop(t) => Effect {
            next: Some(-1),
            jump: Some((t, 0)),
        },
        // Exhausted: the iterator is popped and the loop left.
        Op::ForIter(t) => Effect {
            next: Some(1),
            jump: Some((t, -1)),
        },
        // The handler starts with the stack as it is here, plus the exception.
        Op::SetupExcept(t) => Effect {
            next: Some(0),
            jump: Some((t, 1)),
        },
        Op::Raise(_) | Op::Return | Op::Reraise => Effect {
            next: None,
            jump: None,
        },
    }
}

/// The most values `ops` can have on the stack at once. Paths that would disagree about a
/// depth (a compiler bug) take the deeper one; the stack grows past the result if ever needed,
/// and debug builds check that it never does.
pub fn stack_size(ops: &[Op], consts: &[Value]) -> u32 {
    /// Beyond this the walk stops (a compiler bug that deepens a loop at each turn).
    const CAP: i32 = 1 << 16;
    let mut depth_at: Vec<i32> = vec![-1; ops.len() + 1];
    let mut work = vec![(0u32, 0i32)];
    let mut max = 0;
    while let Some((pc, depth)) = work.pop() {
        let i = pc as usize;
        if i >= ops.len() || depth <= depth_at[i] || depth > CAP {
            continue;
        }
        depth_at[i] = depth;
        max = max.max(depth);
        let e = effect(ops[i], consts);
        if let Some((target, d)) = e.jump {
            max = max.max(depth + d.max(0));
            work.push((target, depth + d));
        }
        if let Some(d) = e.next {
            max = max.max(depth + d);
            work.push((pc + 1, depth + d));
        }
    }
    max.max(0) as u32
}
