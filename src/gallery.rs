//! The page's example gallery: each example is a program of the conformance corpus (so each is
//! checked against CPython), with what to watch for when it runs.

/// The gallery's groups, in the order the page shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    FourWays,
    Apis,
    Misconceptions,
    Recipes,
}

impl Group {
    pub fn title(self) -> &'static str {
        match self {
            Group::FourWays => "The four ways",
            Group::Apis => "asyncio, one API at a time",
            Group::Misconceptions => "Misconceptions",
            Group::Recipes => "Recipes",
        }
    }
}

/// One example.
#[derive(Debug)]
pub struct Example {
    /// Its stable name in links and tests (`data-name`): lowercase words joined by `-`.
    pub name: &'static str,
    pub group: Group,
    /// A short title (a few words).
    pub title: &'static str,
    /// What to watch for, in one to three sentences, in plain words to a learner.
    pub about: &'static str,
    /// The program's file in the conformance corpus, relative to `tests/programs/corpus`.
    pub file: &'static str,
    pub source: &'static str,
}

/// Every example, group by group.
pub const EXAMPLES: &[Example] = &[
    Example {
        name: "await-one-by-one",
        group: Group::FourWays,
        title: "Await one by one",
        about: "Awaiting a coroutine runs it to its end before the next line runs: work 1 starts \
            only when work 0 is done at 1.5 s, and work 2 at 2 s. No task is created, so \
            everything happens in main's lane, and main takes 3 s, the sum of the three sleeps \
            (1.5 + 0.5 + 1).",
        file: "136_gallery_await_one_by_one.py",
        source: include_str!("../tests/programs/corpus/136_gallery_await_one_by_one.py"),
    },
    Example {
        name: "create-task",
        group: Group::FourWays,
        title: "Create tasks, then await each",
        about: "create_task starts nothing at once: the three tasks begin when main first awaits, \
            then sleep at the same time. main awaits task 0 first, so it hears of work 1 (done at \
            0.5 s) and work 2 (done at 1 s) only at 1.5 s, when work 0 ends. The run takes 1.5 s, \
            the longest sleep, not the 3 s the sleeps add up to.",
        file: "137_gallery_create_task.py",
        source: include_str!("../tests/programs/corpus/137_gallery_create_task.py"),
    },
    Example {
        name: "taskgroup",
        group: Group::FourWays,
        title: "TaskGroup",
        about: "main prints its line before any task starts: the tasks run once main awaits, at \
            the end of the async with block, where the group waits for all three. The block ends \
            at 1.5 s, the longest sleep, and every task is done by then, so main can read each \
            task's result().",
        file: "138_gallery_taskgroup.py",
        source: include_str!("../tests/programs/corpus/138_gallery_taskgroup.py"),
    },
    Example {
        name: "wait",
        group: Group::FourWays,
        title: "asyncio.wait",
        about: "With return_when=FIRST_COMPLETED, wait returns at 0.5 s, as soon as work 1 is \
            done: one task in done, two in pending. The second wait (ALL_COMPLETED, the default) \
            returns at 1.5 s. wait returns sets of tasks, not results, so main reads the results \
            from its own list, in the order it created the tasks.",
        file: "139_gallery_wait.py",
        source: include_str!("../tests/programs/corpus/139_gallery_wait.py"),
    },
    Example {
        name: "gather",
        group: Group::FourWays,
        title: "asyncio.gather",
        about: "The console shows work 1, work 2, then work 0 finishing (at 0.5, 1 and 1.5 s), \
            yet gather returns ['result 0', 'result 1', 'result 2']: the results follow the order \
            of the arguments, not the order in which the tasks finish. gather wraps each \
            coroutine in a task (Task-2 to Task-4), and main waits 1.5 s in all.",
        file: "140_gallery_gather.py",
        source: include_str!("../tests/programs/corpus/140_gallery_gather.py"),
    },
    Example {
        name: "as-completed",
        group: Group::Apis,
        title: "as_completed",
        about: "as_completed hands main each answer as soon as it arrives: beta at 0.5 s, gamma \
            at 1.2 s, alpha at 2 s, not in the order of the arguments as gather would. It wraps \
            the coroutines in tasks, so the three fetches sleep at the same time and all is done \
            at 2 s.",
        file: "141_gallery_as_completed.py",
        source: include_str!("../tests/programs/corpus/141_gallery_as_completed.py"),
    },
    Example {
        name: "wait-for",
        group: Group::Apis,
        title: "wait_for",
        about: "The quick call answers after 0.4 s, inside its 1 s limit. The slow one would take \
            3 s: 1 s after it started, at 1.4 s, wait_for cancels it (it prints that it was \
            cancelled) and raises TimeoutError in main. Since Python 3.12 wait_for runs the \
            coroutine in main's own task, so the timeline has no other lane.",
        file: "142_gallery_wait_for.py",
        source: include_str!("../tests/programs/corpus/142_gallery_wait_for.py"),
    },
    Example {
        name: "timeout",
        group: Group::Apis,
        title: "asyncio.timeout",
        about: "One 2 s budget covers the whole block: download (0.8 s) and unzip (0.7 s) fit, \
            but install starts at 1.5 s with only 0.5 s left. At 2 s the timeout cancels it, so \
            \"install done\" never prints, and the cancellation comes out of the block as a \
            TimeoutError that main catches.",
        file: "143_gallery_timeout.py",
        source: include_str!("../tests/programs/corpus/143_gallery_timeout.py"),
    },
    Example {
        name: "shield",
        group: Group::Apis,
        title: "shield",
        about: "Without shield, the timeout at 0.5 s cancels the draft task itself: its lane ends \
            cancelled. With shield, the timeout at 1 s only stops main's wait: the report task \
            sleeps on, is saved at 2.5 s, and main can still await it.",
        file: "144_gallery_shield.py",
        source: include_str!("../tests/programs/corpus/144_gallery_shield.py"),
    },
    Example {
        name: "taskgroup-failure",
        group: Group::Apis,
        title: "TaskGroup: one fails",
        about: "fast finishes at 0.5 s. When broken raises at 1 s, the group cancels the tasks \
            still running (slow and slower: their lanes end cancelled at 1 s) and raises an \
            ExceptionGroup holding the ValueError, which main catches with except*. main is done \
            at 1 s, not 3 s.",
        file: "145_gallery_taskgroup_failure.py",
        source: include_str!("../tests/programs/corpus/145_gallery_taskgroup_failure.py"),
    },
    Example {
        name: "semaphore",
        group: Group::Apis,
        title: "Semaphore",
        about: "Only two dishes are on the stoves at a time: eggs, stew and tea wait from the \
            start. Each time a dish is ready the next one in line takes its stove: eggs at 0.5 s, \
            stew at 0.8 s, tea at 1.5 s. Dinner is served at 2.8 s, when the stew is done.",
        file: "146_gallery_semaphore.py",
        source: include_str!("../tests/programs/corpus/146_gallery_semaphore.py"),
    },
    Example {
        name: "lock",
        group: Group::Apis,
        title: "Lock",
        about: "Ann takes the lock at once; Bob and Cat find the printer busy and wait. When Ann \
            releases it at 1.5 s Bob gets it, then Cat at 2.5 s, in the order they asked. Only \
            one job prints at a time, so the run takes 4.5 s, the sum of the three (1.5 + 1 + 2).",
        file: "147_gallery_lock.py",
        source: include_str!("../tests/programs/corpus/147_gallery_lock.py"),
    },
    Example {
        name: "event",
        group: Group::Apis,
        title: "Event",
        about: "The three runners wait on go.wait() for the first second: their lanes show them \
            awaiting, not sleeping. When main calls go.set() at 1 s, all three wake up together \
            and start their own sleeps: Bo finishes at 2.5 s, Cy at 3 s, Ada at 3.5 s.",
        file: "148_gallery_event.py",
        source: include_str!("../tests/programs/corpus/148_gallery_event.py"),
    },
    Example {
        name: "queue",
        group: Group::Apis,
        title: "Queue",
        about: "Each worker takes the next job as soon as it is free: B ends its 0.5 s job first \
            and takes the 1.2 s one, A ends at 1.5 s and takes the 0.3 s one. queue.join() \
            returns at 2.4 s, once task_done() has been called for all five jobs. The workers \
            loop forever, so main cancels them: their lanes end cancelled.",
        file: "149_gallery_queue.py",
        source: include_str!("../tests/programs/corpus/149_gallery_queue.py"),
    },
    Example {
        name: "call-later",
        group: Group::Apis,
        title: "loop.call_later",
        about: "call_later and call_soon schedule plain functions (callbacks), not tasks, so they \
            get no lane: they run between the tasks' steps. The call_soon callback runs as soon \
            as main awaits, the reminder at 0.5 s, the alarm at 2 s; the 1 s one never runs \
            because its handle was cancelled.",
        file: "150_gallery_call_later.py",
        source: include_str!("../tests/programs/corpus/150_gallery_call_later.py"),
    },
    Example {
        name: "blocking-sleep",
        group: Group::Misconceptions,
        title: "time.sleep blocks everything",
        about: "With time.sleep the three cooks run one after another, since nothing else can run \
            while one sleeps: the first gather takes 3 s (1 + 0.5 + 1.5). With asyncio.sleep all \
            three start at 3 s and sleep together: toast is done at 3.5 s, eggs at 4 s, tea at \
            4.5 s, so 1.5 s in all.",
        file: "151_gallery_blocking_sleep.py",
        source: include_str!("../tests/programs/corpus/151_gallery_blocking_sleep.py"),
    },
    Example {
        name: "await-in-a-loop",
        group: Group::Misconceptions,
        title: "await in a loop is sequential",
        about: "In the loop each fetch starts only after the previous one is done: 0.6 + 0.4 + \
            1 = 2 s, with no task besides main. gather starts the three at once (three lanes from \
            2 s), so the same fetches take 1 s, the longest one. Both give the same list.",
        file: "152_gallery_await_in_loop.py",
        source: include_str!("../tests/programs/corpus/152_gallery_await_in_loop.py"),
    },
    Example {
        name: "forgotten-await",
        group: Group::Misconceptions,
        title: "A forgotten await",
        about: "Calling send_email without await only creates a coroutine object; its code never \
            runs, so Ann gets no email. Python warns on stderr, RuntimeWarning: coroutine \
            'send_email' was never awaited, as soon as that object is thrown away. With await, \
            Bob's email is sent at 1.5 s.",
        file: "153_gallery_forgotten_await.py",
        source: include_str!("../tests/programs/corpus/153_gallery_forgotten_await.py"),
    },
    Example {
        name: "swallowed-cancel",
        group: Group::Misconceptions,
        title: "A swallowed CancelledError",
        about: "main cancels both tasks at 1 s. polite catches CancelledError, cleans up and \
            raises it again, so it ends cancelled at 1 s. stubborn catches it and carries on: it \
            finishes at 2.5 s as if never cancelled, main waits for it, and gather gets its \
            result instead of a CancelledError. Re-raise CancelledError when you catch it.",
        file: "154_gallery_swallowed_cancel.py",
        source: include_str!("../tests/programs/corpus/154_gallery_swallowed_cancel.py"),
    },
    Example {
        name: "fire-and-forget",
        group: Group::Misconceptions,
        title: "Fire and forget",
        about: "Tuesday's task raises ConnectionError at 0.6 s, but nothing awaits the tasks, so \
            main never hears of it and says all went well. The only trace is the \"Task exception \
            was never retrieved\" log on stderr, written when the failed task is freed (here when \
            main ends and its list of tasks goes away). Await your tasks, gather them or start \
            them in a TaskGroup.",
        file: "155_gallery_fire_and_forget.py",
        source: include_str!("../tests/programs/corpus/155_gallery_fire_and_forget.py"),
    },
    Example {
        name: "race-and-lock",
        group: Group::Misconceptions,
        title: "A race on shared state",
        about: "All four buyers check the seats at 0 s and see 2 left, then pay while the others \
            run: each takes a seat and the count ends at -2. With a Lock around check and update, \
            Ann and Ben book one after the other (at 0.8 s and 1.3 s) and Cat and Dan then find \
            it sold out.",
        file: "156_gallery_race_lock.py",
        source: include_str!("../tests/programs/corpus/156_gallery_race_lock.py"),
    },
    Example {
        name: "gather-vs-taskgroup",
        group: Group::Misconceptions,
        title: "gather vs TaskGroup on failure",
        about: "When b fails at 0.5 s, gather raises its ValueError in main at once but cancels \
            nothing: a and c keep running and finish at 1.5 s and 1 s. In the TaskGroup (from \
            2 s), b's failure at 2.5 s cancels a and c, and the group raises an ExceptionGroup; \
            nothing catches it, so it escapes asyncio.run and Python prints its traceback.",
        file: "157_gallery_gather_vs_taskgroup.py",
        source: include_str!("../tests/programs/corpus/157_gallery_gather_vs_taskgroup.py"),
    },
    Example {
        name: "limited-downloads",
        group: Group::Recipes,
        title: "At most three downloads",
        about: "The Semaphore(3) keeps at most three downloads going: as one ends, the next file \
            in line starts (notes.txt at 0.8 s, slides.pdf at 1 s, data.csv at 1.5 s, photo.png \
            at 2 s). The seven files take 3 s, set by video.mp4, instead of the 7.8 s they would \
            take one by one.",
        file: "158_gallery_limited_downloads.py",
        source: include_str!("../tests/programs/corpus/158_gallery_limited_downloads.py"),
    },
    Example {
        name: "producer-consumer",
        group: Group::Recipes,
        title: "Producer and consumer",
        about: "The baker makes a bread every 0.3 s, the customer needs 0.8 s to eat one. The \
            shelf, a Queue(maxsize=2), fills up, so at 1.5 s the baker's put waits until the \
            customer takes the loaf at 1.9 s: the slow consumer sets the pace. Putting None tells \
            the customer that baking is over; the customer is full at 4.3 s.",
        file: "159_gallery_producer_consumer.py",
        source: include_str!("../tests/programs/corpus/159_gallery_producer_consumer.py"),
    },
    Example {
        name: "wait-for-vs-timeout",
        group: Group::Recipes,
        title: "wait_for or timeout",
        about: "With wait_for each fetch gets its own 1 s and all three fit (0.4, 0.6 and 0.9 s, \
            done at 1.9 s). asyncio.timeout(1.5) then gives the same three fetches one shared \
            budget from 1.9 s: /a and /b use 1 s of it, /c would need 0.9 s more, so the block \
            stops at 3.4 s with a TimeoutError.",
        file: "160_gallery_timeouts.py",
        source: include_str!("../tests/programs/corpus/160_gallery_timeouts.py"),
    },
    Example {
        name: "progress",
        group: Group::Recipes,
        title: "A progress bar",
        about: "as_completed yields the tasks in the order they finish, so the bar grows one step \
            at 0.4, 0.9, 1.2, 1.6 and 2 s, whatever the order of the list. In Python 3.13, async \
            for over as_completed gives back your own tasks, so task.result() tells which file \
            just finished.",
        file: "161_gallery_progress.py",
        source: include_str!("../tests/programs/corpus/161_gallery_progress.py"),
    },
];
