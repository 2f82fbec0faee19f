//! asyncio's library on the future primitive (`Core::create_future` and friends), one module per
//! file of CPython's `Lib/asyncio`: nothing here touches the loop's core.

pub mod as_completed;
pub mod gather;
pub mod locks;
pub mod queues;
pub mod semaphores;
pub mod shield;
pub mod taskgroup;
pub mod timeouts;
pub mod wait;
