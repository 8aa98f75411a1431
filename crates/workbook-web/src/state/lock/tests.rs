//! The lock's rules (`SECURITY.md`, `ARCHITECTURE.md`), each checked on the host: a fake cipher
//! (deterministic, but it hides the text and refuses a wrong key or changed data, as AES-GCM
//! does), a store that fails on purpose, virtual time, and two "tabs" (two `Lock`s over one
//! store) whose steps interleave where a test holds one of them at a gate.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::future::Future;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use futures::executor::{LocalPool, LocalSpawner};
use futures::task::LocalSpawnExt;

use super::session::RETRY_MS;
use super::{Cipher, CryptoError, Lock, LockError, Runtime, Session};
use crate::state::answer::Answer;
use crate::state::backup::LockedBackup;
use crate::state::store::{
    self, Entry, KeyValueStore, MemoryStore, StoreError, answer_key, aside_key, meta_key,
};
use crate::state::vault::{self, LockRecord, lock_key, sealed_prefix, setting_up_key};

// ---------------------------------------------------------------------------------------------
// Virtual time and tasks.

struct World {
    pool: RefCell<LocalPool>,
    spawner: LocalSpawner,
    now: Cell<u64>,
    timers: RefCell<Vec<(u64, Waker)>>,
}

#[derive(Clone)]
struct Clock(Rc<World>);

impl Clock {
    fn new() -> Clock {
        let pool = LocalPool::new();
        let spawner = pool.spawner();
        Clock(Rc::new(World {
            pool: RefCell::new(pool),
            spawner,
            now: Cell::new(1_000_000),
            timers: RefCell::new(Vec::new()),
        }))
    }

    /// Runs every task until none can go on without time passing (or a gate opening).
    fn run(&self) {
        self.0.pool.borrow_mut().run_until_stalled();
    }

    /// Moves time on to the next timer and wakes it; false when no timer waits.
    fn advance(&self) -> bool {
        let mut timers = self.0.timers.borrow_mut();
        let Some(next) = timers.iter().map(|(at, _)| *at).min() else {
            return false;
        };
        self.0.now.set(next.max(self.0.now.get()));
        let (due, waiting): (Vec<_>, Vec<_>) = timers.drain(..).partition(|(at, _)| *at <= next);
        *timers = waiting;
        drop(timers);
        due.into_iter().for_each(|(_, waker)| waker.wake());
        true
    }

    /// Moves time on by `ms`, running whatever falls due.
    fn pass(&self, ms: u64) {
        let until = self.0.now.get() + ms;
        loop {
            self.run();
            let next = self.0.timers.borrow().iter().map(|(at, _)| *at).min();
            match next {
                Some(at) if at <= until => {
                    self.advance();
                }
                _ => break,
            }
        }
        self.0.now.set(until);
        self.run();
    }

    /// Starts `task`; its result is in the returned cell once it finishes.
    fn start<T: 'static>(&self, task: impl Future<Output = T> + 'static) -> Rc<RefCell<Option<T>>> {
        let result = Rc::new(RefCell::new(None));
        let slot = result.clone();
        self.0
            .spawner
            .spawn_local(async move {
                let value = task.await;
                *slot.borrow_mut() = Some(value);
            })
            .expect("the pool takes tasks");
        result
    }

    /// Runs `task` to its end, letting virtual time pass as its timers need.
    fn block_on<T: 'static>(&self, task: impl Future<Output = T> + 'static) -> T {
        let result = self.start(task);
        loop {
            self.run();
            if let Some(value) = result.borrow_mut().take() {
                return value;
            }
            assert!(
                self.advance(),
                "the task stalled: it waits on a gate nobody opens"
            );
        }
    }
}

struct Sleep {
    world: Rc<World>,
    until: u64,
}

impl Future for Sleep {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.world.now.get() >= self.until {
            Poll::Ready(())
        } else {
            let waker = cx.waker().clone();
            self.world.timers.borrow_mut().push((self.until, waker));
            Poll::Pending
        }
    }
}

impl Runtime for Clock {
    fn now(&self) -> u64 {
        self.0.now.get()
    }

    fn sleep(&self, ms: u32) -> impl Future<Output = ()> {
        Sleep {
            world: self.0.clone(),
            until: self.0.now.get() + u64::from(ms),
        }
    }

    fn spawn(&self, task: impl Future<Output = ()> + 'static) {
        self.0
            .spawner
            .spawn_local(task)
            .expect("the pool takes tasks");
    }
}

/// Lets other tasks run once: every cipher step does this, as Web Crypto's promises do.
async fn yield_once() {
    let mut yielded = false;
    std::future::poll_fn(|cx| {
        if yielded {
            Poll::Ready(())
        } else {
            yielded = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    })
    .await;
}

// ---------------------------------------------------------------------------------------------
// Gates: a test holds a tab at its next step of one kind, does something in another tab, and
// lets it go on.

#[derive(Default)]
struct GateState {
    open: bool,
    reached: bool,
    waiting: Vec<Waker>,
}

#[derive(Clone, Default)]
struct Gate(Rc<RefCell<GateState>>);

impl Gate {
    fn open(&self) {
        let mut state = self.0.borrow_mut();
        state.open = true;
        state.waiting.drain(..).for_each(Waker::wake);
    }

    fn reached(&self) -> bool {
        self.0.borrow().reached
    }

    async fn pass(&self) {
        std::future::poll_fn(|cx| {
            let mut state = self.0.borrow_mut();
            state.reached = true;
            if state.open {
                Poll::Ready(())
            } else {
                state.waiting.push(cx.waker().clone());
                Poll::Pending
            }
        })
        .await;
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Step {
    Derive,
    Seal,
}

// ---------------------------------------------------------------------------------------------
// A fake cipher: a keyed stream and tag from std's SipHash. Not cryptography; it only has to
// behave as the real one does toward the protocols: the text is unreadable, a wrong key or a
// changed byte does not open, every seal differs.

#[derive(Default)]
struct CipherState {
    seed: u64,
    counter: Cell<u64>,
    held: RefCell<Vec<(Step, Gate)>>,
    seals: Cell<usize>,
}

#[derive(Clone, Default)]
struct FakeCipher(Rc<CipherState>);

#[derive(Clone)]
struct FakeKeys(u64);

fn hash(parts: impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    parts.hash(&mut hasher);
    hasher.finish()
}

impl FakeCipher {
    fn seeded(seed: u64) -> FakeCipher {
        FakeCipher(Rc::new(CipherState {
            seed,
            ..CipherState::default()
        }))
    }

    /// Holds the next step of this kind at a gate.
    fn hold(&self, step: Step) -> Gate {
        let gate = Gate::default();
        self.0.held.borrow_mut().push((step, gate.clone()));
        gate
    }

    async fn step(&self, step: Step) {
        yield_once().await;
        let held = {
            let mut held = self.0.held.borrow_mut();
            let found = held.iter().position(|(s, _)| *s == step);
            found.map(|i| held.remove(i).1)
        };
        if let Some(gate) = held {
            gate.pass().await;
        }
    }

    fn next(&self) -> u64 {
        let n = self.0.counter.get() + 1;
        self.0.counter.set(n);
        hash((self.0.seed, n))
    }

    fn stream(key: u64, nonce: u64, data: &[u8]) -> Vec<u8> {
        data.iter()
            .enumerate()
            .map(|(i, byte)| byte ^ (hash((key, nonce, i / 8)) >> (8 * (i % 8))) as u8)
            .collect()
    }
}

impl Cipher for FakeCipher {
    type Keys = FakeKeys;

    fn random_bytes(&self, n: usize) -> Result<Vec<u8>, CryptoError> {
        Ok((0..n).map(|_| self.next() as u8).collect())
    }

    async fn derive(
        &self,
        passphrase: &str,
        salt: &[u8],
        iterations: u32,
    ) -> Result<FakeKeys, CryptoError> {
        self.step(Step::Derive).await;
        Ok(FakeKeys(hash((passphrase, salt, iterations))))
    }

    async fn seal(&self, keys: &FakeKeys, plaintext: &[u8]) -> Result<Vec<u8>, CryptoError> {
        self.step(Step::Seal).await;
        self.0.seals.set(self.0.seals.get() + 1);
        let nonce = self.next();
        let mut out = nonce.to_le_bytes().to_vec();
        out.extend(Self::stream(keys.0, nonce, plaintext));
        out.extend(hash((keys.0, nonce, plaintext)).to_le_bytes());
        Ok(out)
    }

    async fn open(&self, keys: &FakeKeys, sealed: &[u8]) -> Result<Vec<u8>, CryptoError> {
        yield_once().await;
        if sealed.len() < 16 {
            return Err(CryptoError::DoesNotOpen);
        }
        let (nonce, rest) = sealed.split_at(8);
        let (body, tag) = rest.split_at(rest.len() - 8);
        let nonce = u64::from_le_bytes(nonce.try_into().map_err(|_| CryptoError::DoesNotOpen)?);
        let plaintext = Self::stream(keys.0, nonce, body);
        if hash((keys.0, nonce, plaintext.as_slice())).to_le_bytes() != tag {
            return Err(CryptoError::DoesNotOpen);
        }
        Ok(plaintext)
    }

    async fn name(&self, keys: &FakeKeys, key: &str) -> Result<String, CryptoError> {
        yield_once().await;
        Ok(format!("{:016x}", hash((keys.0, "name", key))))
    }

    fn encode(&self, bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    fn decode(&self, text: &str) -> Option<Vec<u8>> {
        (0..text.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
            .collect()
    }
}

// ---------------------------------------------------------------------------------------------
// A store that fails on purpose.

#[derive(Default)]
struct TestStore {
    values: MemoryStore,
    /// Writes that still succeed before the store is full.
    room: Cell<Option<usize>>,
    /// Writes to keys with this prefix "succeed" but store something else.
    garbles: RefCell<Option<String>>,
    writes: Cell<usize>,
}

impl TestStore {
    fn snapshot(&self) -> BTreeMap<String, String> {
        let keys = self.values.keys().unwrap_or_default();
        keys.into_iter()
            .filter_map(|key| {
                let value = self.values.get(&key).ok().flatten()?;
                Some((key, value))
            })
            .collect()
    }

    fn full_after(&self, writes: usize) {
        self.room.set(Some(writes));
    }

    fn has_room(&self) {
        self.room.set(None);
    }

    fn keys_with(&self, prefix: &str) -> Vec<String> {
        self.snapshot()
            .into_keys()
            .filter(|k| k.starts_with(prefix))
            .collect()
    }
}

impl KeyValueStore for TestStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.values.get(key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        match self.room.get() {
            Some(0) => return Err(StoreError::Full),
            Some(n) => self.room.set(Some(n - 1)),
            None => {}
        }
        self.writes.set(self.writes.get() + 1);
        let garbled = self
            .garbles
            .borrow()
            .as_ref()
            .is_some_and(|prefix| key.starts_with(prefix.as_str()));
        self.values
            .set(key, if garbled { "garbled" } else { value })
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.values.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.values.keys()
    }
}

// ---------------------------------------------------------------------------------------------
// A workbook with some answers, and tabs over it.

type TestLock = Lock<FakeCipher, Clock, TestStore>;
type TestSession = Session<FakeCipher, Clock, TestStore>;

const C: &str = "c";
const PASSPHRASE: &str = "green kettle by the sea";
const NEW_PASSPHRASE: &str = "seven quiet lanterns";

fn entry(text: &str, updated: u64) -> String {
    crate::state::json::to_string(&Entry {
        format: store::ENTRY_FORMAT,
        kind: "writing".into(),
        done: false,
        updated,
        answer: Answer::Text { text: text.into() },
    })
    .expect("writes")
}

/// Words no stored byte may show while the lock is on.
const SECRETS: [&str; 4] = [
    "first-thoughts",
    "my private words",
    "kept aside words",
    "week",
];

fn workbook() -> Rc<TestStore> {
    let store = Rc::new(TestStore::default());
    store
        .set(
            &answer_key(C, "first-thoughts"),
            &entry("my private words", 10),
        )
        .expect("set");
    store
        .set(&answer_key(C, "plan"), &entry("a plan", 11))
        .expect("set");
    store
        .set(&aside_key(C, "plan", 0), &entry("kept aside words", 5))
        .expect("set");
    store.set(&meta_key(C), r#"{"last_week":3}"#).expect("set");
    // Another curriculum's answer: the lock of `c` never touches it.
    store
        .set(&answer_key("other", "one"), &entry("not ours", 1))
        .expect("set");
    store.writes.set(0);
    store
}

struct Tab {
    lock: Rc<TestLock>,
    cipher: FakeCipher,
}

fn tab(clock: &Clock, store: &Rc<TestStore>, seed: u64) -> Tab {
    let cipher = FakeCipher::seeded(seed);
    let lock = Lock::new(cipher.clone(), clock.clone(), store.clone(), C);
    Tab { lock, cipher }
}

fn enable(
    clock: &Clock,
    tab: &Tab,
    passphrase: &'static str,
) -> Result<Rc<TestSession>, LockError> {
    let lock = tab.lock.clone();
    clock.block_on(async move { lock.enable(passphrase, 15).await })
}

fn unlock(
    clock: &Clock,
    tab: &Tab,
    passphrase: &'static str,
) -> Result<Rc<TestSession>, LockError> {
    let lock = tab.lock.clone();
    let record = lock.record().ok_or(LockError::Changed)?;
    clock.block_on(async move { lock.unlock(record, passphrase).await })
}

fn settle(clock: &Clock, session: &Rc<TestSession>) -> Result<(), StoreError> {
    let session = session.clone();
    clock.block_on(async move { session.settle().await })
}

/// The readable values of `c` in the store.
fn readable(store: &TestStore) -> BTreeMap<String, String> {
    vault::plain_values(store, C).expect("reads")
}

/// What the lock keeps while on: only the lock record and sealed records (and other curricula's
/// keys), and no stored key or value shows the words or which exercises were answered.
fn assert_nothing_readable(store: &TestStore) {
    for (key, value) in store.snapshot() {
        if key.starts_with("workbook/v1/other/") {
            continue;
        }
        assert!(
            key == lock_key(C) || key.starts_with(&sealed_prefix(C)),
            "{key} is stored while the lock is on"
        );
        for secret in SECRETS {
            assert!(
                !key.contains(secret) && !value.contains(secret),
                "{secret:?} can be read in storage at {key}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Turning the lock on.

#[test]
fn turning_the_lock_on_seals_every_value_and_leaves_nothing_readable() {
    let clock = Clock::new();
    let store = workbook();
    let before = readable(&store);
    let session = enable(&clock, &tab(&clock, &store, 1), PASSPHRASE).expect("turns on");
    assert_eq!(session.vault.snapshot(), before);
    assert_nothing_readable(&store);
    assert_eq!(store.get(&setting_up_key(C)).expect("get"), None);
    assert_eq!(
        store.get(&answer_key("other", "one")).expect("get"),
        Some(entry("not ours", 1))
    );
    // One sealed record per value, and another tab opens every one with the passphrase.
    assert_eq!(store.keys_with(&sealed_prefix(C)).len(), before.len());
    let other = unlock(&clock, &tab(&clock, &store, 2), PASSPHRASE).expect("opens");
    assert_eq!(other.vault.snapshot(), before);
    assert_eq!(other.unopened, 0);
}

#[test]
fn a_full_store_at_any_step_of_turning_the_lock_on_changes_nothing() {
    // How many writes turning the lock on takes, when nothing goes wrong.
    let needed = {
        let clock = Clock::new();
        let store = workbook();
        enable(&clock, &tab(&clock, &store, 1), PASSPHRASE).expect("turns on");
        store.writes.get()
    };
    assert!(needed > 4, "{needed}");
    for room in 0..needed {
        let clock = Clock::new();
        let store = workbook();
        let before = store.snapshot();
        store.full_after(room);
        let outcome = enable(&clock, &tab(&clock, &store, 1), PASSPHRASE);
        assert_eq!(
            outcome.err(),
            Some(LockError::Store(StoreError::Full)),
            "room for {room} writes"
        );
        clock.pass(u64::from(RETRY_MS) * 3);
        assert_eq!(store.snapshot(), before, "room for {room} writes");
    }
}

#[test]
fn a_sealed_copy_or_lock_record_that_does_not_read_back_stops_turning_the_lock_on() {
    for garbled in [sealed_prefix(C), lock_key(C)] {
        let clock = Clock::new();
        let store = workbook();
        let before = store.snapshot();
        *store.garbles.borrow_mut() = Some(garbled.clone());
        let outcome = enable(&clock, &tab(&clock, &store, 1), PASSPHRASE);
        assert_eq!(outcome.err(), Some(LockError::DidNotReadBack), "{garbled}");
        assert_eq!(store.snapshot(), before, "{garbled}");
    }
}

#[test]
fn two_tabs_turning_the_lock_on_at_once_leave_one_lock_that_opens_everything() {
    let clock = Clock::new();
    let store = workbook();
    let before = readable(&store);
    let (a, b) = (tab(&clock, &store, 1), tab(&clock, &store, 2));
    let first = {
        let lock = a.lock.clone();
        clock.start(async move { lock.enable(PASSPHRASE, 15).await.map(|_| ()) })
    };
    let second = {
        let lock = b.lock.clone();
        clock.start(async move { lock.enable(NEW_PASSPHRASE, 15).await.map(|_| ()) })
    };
    clock.pass(1_000);
    let (first, second) = (first.take(), second.take());
    assert_eq!(
        [&first, &second]
            .iter()
            .filter(|o| matches!(o, Some(Ok(()))))
            .count(),
        1,
        "{first:?} {second:?}"
    );
    let loser = if matches!(first, Some(Ok(()))) {
        &second
    } else {
        &first
    };
    assert_eq!(loser, &Some(Err(LockError::Changed)));
    let winner = if matches!(first, Some(Ok(()))) {
        PASSPHRASE
    } else {
        NEW_PASSPHRASE
    };
    let opened = unlock(&clock, &tab(&clock, &store, 3), winner).expect("opens");
    assert_eq!(opened.vault.snapshot(), before);
    // The loser took away every record it wrote.
    assert_eq!(opened.unopened, 0);
    assert_nothing_readable(&store);
}

#[test]
fn words_saved_readable_while_the_lock_is_set_up_are_sealed_too() {
    let clock = Clock::new();
    let store = workbook();
    let a = tab(&clock, &store, 1);
    let gate = a.cipher.hold(Step::Seal);
    let enabling = {
        let lock = a.lock.clone();
        clock.start(async move { lock.enable(PASSPHRASE, 15).await })
    };
    clock.run();
    assert!(gate.reached());
    // Another tab, still without the lock, saves meanwhile: a new answer and a changed one.
    store
        .set(&answer_key(C, "new"), &entry("written meanwhile", 20))
        .expect("set");
    store
        .set(&answer_key(C, "plan"), &entry("a changed plan", 21))
        .expect("set");
    gate.open();
    clock.pass(1_000);
    let session = enabling.take().expect("finished").expect("turns on");
    let values = session.vault.snapshot();
    assert_eq!(
        values.get(&answer_key(C, "new")),
        Some(&entry("written meanwhile", 20))
    );
    assert_eq!(
        values.get(&answer_key(C, "plan")),
        Some(&entry("a changed plan", 21))
    );
    // The version it replaced is kept aside, not dropped.
    assert!(values.values().any(|v| *v == entry("a plan", 11)));
    assert_eq!(readable(&store), BTreeMap::new());
}

// ---------------------------------------------------------------------------------------------
// Unlocking.

#[test]
fn the_wrong_passphrase_opens_nothing_and_changes_nothing() {
    let (clock, store, _) = locked();
    let before = store.snapshot();
    let outcome = unlock(&clock, &tab(&clock, &store, 2), "not the passphrase");
    assert_eq!(outcome.err(), Some(LockError::WrongPassphrase));
    assert_eq!(store.snapshot(), before);
}

#[test]
fn unlocking_while_another_tab_turns_the_lock_off_says_the_lock_changed() {
    let (clock, store, b) = locked();
    let a = tab(&clock, &store, 2);
    let gate = a.cipher.hold(Step::Derive);
    let record = a.lock.record().expect("on");
    let unlocking = {
        let lock = a.lock.clone();
        clock.start(async move { lock.unlock(record, PASSPHRASE).await.map(|_| ()) })
    };
    clock.run();
    assert!(gate.reached());
    let disabling = b.clone();
    clock
        .block_on(async move { disabling.disable().await })
        .expect("turns off");
    gate.open();
    clock.run();
    assert_eq!(unlocking.take(), Some(Err(LockError::Changed)));
    assert!(!a.lock.is_on());
    assert_eq!(readable(&store), b.vault.snapshot());
}

/// A locked workbook beside which an old tab, open since before the lock, saved readable.
fn locked_with_a_leftover() -> (Clock, Rc<TestStore>) {
    let (clock, store, _) = locked();
    // An old tab, open since before the lock, saves readable.
    store
        .set(&answer_key(C, "late"), &entry("saved by an old tab", 30))
        .expect("set");
    (clock, store)
}

#[test]
fn unlocking_takes_in_readable_leftovers_and_removes_them_once_sealed() {
    let (clock, store) = locked_with_a_leftover();
    let session = unlock(&clock, &tab(&clock, &store, 2), PASSPHRASE).expect("opens");
    assert_eq!(
        session.vault.get(&answer_key(C, "late")).expect("get"),
        Some(entry("saved by an old tab", 30))
    );
    assert_nothing_readable(&store);
    let again = unlock(&clock, &tab(&clock, &store, 3), PASSPHRASE).expect("opens");
    assert_eq!(again.vault.snapshot(), session.vault.snapshot());
}

#[test]
fn a_leftover_that_cannot_be_sealed_stays_readable_until_it_can() {
    let (clock, store) = locked_with_a_leftover();
    store.full_after(0);
    let session = unlock(&clock, &tab(&clock, &store, 2), PASSPHRASE).expect("opens");
    assert_eq!(
        store.get(&answer_key(C, "late")).expect("get"),
        Some(entry("saved by an old tab", 30)),
        "removed before it was sealed"
    );
    store.has_room();
    clock.pass(u64::from(RETRY_MS));
    assert_eq!(settle(&clock, &session), Ok(()));
    let again = unlock(&clock, &tab(&clock, &store, 3), PASSPHRASE).expect("opens");
    assert_eq!(
        again.vault.get(&answer_key(C, "late")).expect("get"),
        Some(entry("saved by an old tab", 30))
    );
    assert_nothing_readable(&store);
}

#[test]
fn a_sealed_record_that_does_not_open_is_left_as_it_is() {
    let (clock, store, _) = locked();
    let stranger = format!("{}0123456789abcdef", sealed_prefix(C));
    store.set(&stranger, "00ff").expect("set");
    let session = unlock(&clock, &tab(&clock, &store, 2), PASSPHRASE).expect("opens");
    assert_eq!(session.unopened, 1);
    let changing = session.clone();
    drop(
        clock
            .block_on(async move { changing.change_passphrase(NEW_PASSPHRASE).await })
            .expect("changes"),
    );
    assert_eq!(store.get(&stranger).expect("get").as_deref(), Some("00ff"));
}

// ---------------------------------------------------------------------------------------------
// Saving while the lock is on.

#[test]
fn a_change_is_reported_saved_only_once_its_sealed_record_is_stored() {
    let (clock, store, session) = locked();
    let reports = Rc::new(RefCell::new(Vec::new()));
    let heard = reports.clone();
    session.on_outcome(Rc::new(move |outcome| heard.borrow_mut().push(outcome)));
    let records = store.keys_with(&sealed_prefix(C)).len();
    session
        .vault
        .set(&answer_key(C, "new"), &entry("new words", 40))
        .expect("kept");
    // In the vault at once; in storage, and reported, only once sealed.
    assert_eq!(store.keys_with(&sealed_prefix(C)).len(), records);
    assert!(reports.borrow().is_empty());
    clock.run();
    assert_eq!(store.keys_with(&sealed_prefix(C)).len(), records + 1);
    assert_eq!(*reports.borrow(), vec![Ok(())]);
    assert_nothing_readable(&store);
    let other = unlock(&clock, &tab(&clock, &store, 2), PASSPHRASE).expect("opens");
    assert_eq!(
        other.vault.get(&answer_key(C, "new")).expect("get"),
        Some(entry("new words", 40))
    );
}

#[test]
fn a_full_store_keeps_the_words_says_so_and_tries_again() {
    let (clock, store, session) = locked();
    let reports = Rc::new(RefCell::new(Vec::new()));
    let heard = reports.clone();
    session.on_outcome(Rc::new(move |outcome| heard.borrow_mut().push(outcome)));
    store.full_after(0);
    let _ = session
        .vault
        .set(&answer_key(C, "new"), &entry("new words", 40));
    clock.run();
    assert_eq!(*reports.borrow(), vec![Err(StoreError::Full)]);
    // The next change hears it too, and the words stay in the vault.
    assert_eq!(
        session
            .vault
            .set(&answer_key(C, "more"), &entry("more words", 41)),
        Err(StoreError::Full)
    );
    assert!(session.vault.has_pending());
    store.has_room();
    clock.pass(u64::from(RETRY_MS));
    assert!(!session.vault.has_pending());
    assert_eq!(reports.borrow().last(), Some(&Ok(())));
    let other = unlock(&clock, &tab(&clock, &store, 2), PASSPHRASE).expect("opens");
    assert_eq!(other.vault.snapshot(), session.vault.snapshot());
}

/// A workbook with the lock turned on (by tab 1), and its open session.
fn locked() -> (Clock, Rc<TestStore>, Rc<TestSession>) {
    let clock = Clock::new();
    let store = workbook();
    let session = enable(&clock, &tab(&clock, &store, 1), PASSPHRASE).expect("turns on");
    (clock, store, session)
}

/// Two tabs with the lock open; tab A's save of new words is held while it seals them.
fn a_save_held_in_tab_a() -> (Clock, Rc<TestStore>, Rc<TestSession>, Rc<TestSession>, Gate) {
    let clock = Clock::new();
    let store = workbook();
    let a_tab = tab(&clock, &store, 1);
    let a = enable(&clock, &a_tab, PASSPHRASE).expect("turns on");
    let b = unlock(&clock, &tab(&clock, &store, 2), PASSPHRASE).expect("opens");
    let gate = a_tab.cipher.hold(Step::Seal);
    a.vault
        .set(
            &answer_key(C, "first-thoughts"),
            &entry("typed in tab A", 50),
        )
        .expect("kept");
    clock.run();
    assert!(gate.reached());
    (clock, store, a, b, gate)
}

#[test]
fn another_tab_turning_the_lock_off_mid_save_gets_the_words_readable_not_sealed() {
    let (clock, store, a, b, gate) = a_save_held_in_tab_a();
    let disabling = b.clone();
    clock
        .block_on(async move { disabling.disable().await })
        .expect("turns off");
    gate.open();
    clock.run();
    // A's sealed write was refused: a record under a lock that is gone would never open.
    assert_eq!(store.keys_with(&sealed_prefix(C)), Vec::<String>::new());
    assert!(matches!(a.vault.failure(), Some(StoreError::Other(_))));
    // The storage event then has A write what it had not stored, readable.
    a.write_pending_readable();
    assert_eq!(
        store.get(&answer_key(C, "first-thoughts")).expect("get"),
        Some(entry("typed in tab A", 50))
    );
}

#[test]
fn another_tab_changing_the_passphrase_mid_save_loses_nothing() {
    let (clock, store, a, b, gate) = a_save_held_in_tab_a();
    let changing = b.clone();
    drop(
        clock
            .block_on(async move { changing.change_passphrase(NEW_PASSPHRASE).await })
            .expect("changes"),
    );
    gate.open();
    clock.run();
    a.write_pending_readable();
    // The next unlock, with the new passphrase, seals A's words and removes the readable copy.
    let opened = unlock(&clock, &tab(&clock, &store, 3), NEW_PASSPHRASE).expect("opens");
    assert_eq!(
        opened
            .vault
            .get(&answer_key(C, "first-thoughts"))
            .expect("get"),
        Some(entry("typed in tab A", 50))
    );
    assert_eq!(
        opened.unopened, 0,
        "A wrote a record the new key cannot open"
    );
    assert_nothing_readable(&store);
}

#[test]
fn a_sealed_record_from_another_tab_is_taken_in_unless_ours_is_on_its_way() {
    let clock = Clock::new();
    let store = workbook();
    let a_tab = tab(&clock, &store, 1);
    let a = enable(&clock, &a_tab, PASSPHRASE).expect("turns on");
    let b = unlock(&clock, &tab(&clock, &store, 2), PASSPHRASE).expect("opens");
    let key = answer_key(C, "plan");
    let name = {
        let (b, key) = (b.clone(), key.clone());
        clock
            .block_on(async move { b.name_of(&key).await })
            .expect("named")
    };
    // The `storage` event tells A of the record B wrote: A opens it and shows it.
    b.vault.set(&key, &entry("from tab B", 60)).expect("kept");
    clock.run();
    let sealed = store.get(&name).expect("get");
    let heard = {
        let (a, name) = (a.clone(), name.clone());
        clock.block_on(async move { a.external(&name, sealed).await })
    };
    assert_eq!(heard, Some((key.clone(), Some(entry("from tab B", 60)))));
    assert_eq!(
        a.vault.get(&key).expect("get"),
        Some(entry("from tab B", 60))
    );
    // Now A's own words for the same answer are on their way (held while sealing) when B's
    // next version arrives: A's are written over the record, and B's are kept aside.
    let gate = a_tab.cipher.hold(Step::Seal);
    a.vault.set(&key, &entry("from tab A", 61)).expect("kept");
    clock.run();
    assert!(gate.reached());
    b.vault.set(&key, &entry("B again", 62)).expect("kept");
    clock.run();
    let sealed = store.get(&name).expect("get");
    let heard = {
        let (a, name) = (a.clone(), name.clone());
        clock.block_on(async move { a.external(&name, sealed).await })
    };
    assert_eq!(heard, None);
    gate.open();
    clock.pass(1_000);
    let opened = unlock(&clock, &tab(&clock, &store, 3), PASSPHRASE).expect("opens");
    assert_eq!(
        opened.vault.get(&key).expect("get"),
        Some(entry("from tab A", 61))
    );
    assert!(
        opened
            .vault
            .snapshot()
            .values()
            .any(|v| *v == entry("B again", 62))
    );
}

// ---------------------------------------------------------------------------------------------
// Changing the passphrase.

#[test]
fn a_new_passphrase_reseals_everything_and_the_old_one_opens_nothing() {
    let (clock, store, session) = locked();
    let old_records = store.keys_with(&sealed_prefix(C));
    let old_lock = store.get(&lock_key(C)).expect("get");
    let changing = session.clone();
    let changed = clock
        .block_on(async move { changing.change_passphrase(NEW_PASSPHRASE).await })
        .expect("changes");
    assert_eq!(changed.vault.snapshot(), session.vault.snapshot());
    assert_ne!(store.get(&lock_key(C)).expect("get"), old_lock);
    let new_records = store.keys_with(&sealed_prefix(C));
    assert_eq!(new_records.len(), old_records.len());
    assert!(new_records.iter().all(|name| !old_records.contains(name)));
    assert_eq!(
        unlock(&clock, &tab(&clock, &store, 2), PASSPHRASE).err(),
        Some(LockError::WrongPassphrase)
    );
    let opened = unlock(&clock, &tab(&clock, &store, 3), NEW_PASSPHRASE).expect("opens");
    assert_eq!(opened.vault.snapshot(), session.vault.snapshot());
    assert_nothing_readable(&store);
}

#[test]
fn a_full_store_at_any_step_of_changing_the_passphrase_keeps_the_old_lock() {
    let needed = {
        let clock = Clock::new();
        let store = workbook();
        let session = enable(&clock, &tab(&clock, &store, 1), PASSPHRASE).expect("turns on");
        store.writes.set(0);
        clock
            .block_on(async move { session.change_passphrase(NEW_PASSPHRASE).await })
            .expect("changes");
        store.writes.get()
    };
    for room in 0..needed {
        let clock = Clock::new();
        let store = workbook();
        let session = enable(&clock, &tab(&clock, &store, 1), PASSPHRASE).expect("turns on");
        let before = store.snapshot();
        store.full_after(room);
        let changing = session.clone();
        let outcome =
            clock.block_on(async move { changing.change_passphrase(NEW_PASSPHRASE).await });
        assert_eq!(
            outcome.err(),
            Some(LockError::Store(StoreError::Full)),
            "room for {room} writes"
        );
        clock.pass(u64::from(RETRY_MS) * 3);
        assert_eq!(store.snapshot(), before, "room for {room} writes");
        store.has_room();
        let opened = unlock(&clock, &tab(&clock, &store, 2), PASSPHRASE).expect("old one opens");
        assert_eq!(opened.vault.snapshot(), session.vault.snapshot());
    }
}

#[test]
fn words_saved_while_the_passphrase_changes_are_carried_over() {
    let clock = Clock::new();
    let store = workbook();
    let a_tab = tab(&clock, &store, 1);
    let session = enable(&clock, &a_tab, PASSPHRASE).expect("turns on");
    let gate = a_tab.cipher.hold(Step::Seal);
    let changing = {
        let session = session.clone();
        clock.start(async move { session.change_passphrase(NEW_PASSPHRASE).await })
    };
    clock.run();
    assert!(gate.reached());
    let _ = session.vault.set(
        &answer_key(C, "plan"),
        &entry("typed during the change", 70),
    );
    gate.open();
    clock.pass(1_000);
    let changed = changing.take().expect("finished").expect("changes");
    assert_eq!(
        changed.vault.get(&answer_key(C, "plan")).expect("get"),
        Some(entry("typed during the change", 70))
    );
    let opened = unlock(&clock, &tab(&clock, &store, 2), NEW_PASSPHRASE).expect("opens");
    assert_eq!(opened.vault.snapshot(), changed.vault.snapshot());
    assert_eq!(opened.unopened, 0);
}

#[test]
fn another_tab_turning_the_lock_off_mid_change_leaves_it_off_with_every_word() {
    let clock = Clock::new();
    let store = workbook();
    let a_tab = tab(&clock, &store, 1);
    let a = enable(&clock, &a_tab, PASSPHRASE).expect("turns on");
    let b = unlock(&clock, &tab(&clock, &store, 2), PASSPHRASE).expect("opens");
    let values = a.vault.snapshot();
    let gate = a_tab.cipher.hold(Step::Seal);
    let changing = {
        let a = a.clone();
        clock.start(async move { a.change_passphrase(NEW_PASSPHRASE).await.map(|_| ()) })
    };
    clock.run();
    assert!(gate.reached());
    let disabling = b.clone();
    clock
        .block_on(async move { disabling.disable().await })
        .expect("turns off");
    gate.open();
    clock.pass(1_000);
    assert_eq!(changing.take(), Some(Err(LockError::Changed)));
    assert!(!a_tab.lock.is_on());
    assert_eq!(store.keys_with(&sealed_prefix(C)), Vec::<String>::new());
    assert_eq!(readable(&store), values);
}

// ---------------------------------------------------------------------------------------------
// Turning the lock off.

#[test]
fn turning_the_lock_off_writes_every_value_readable_and_removes_every_sealed_record() {
    let clock = Clock::new();
    let store = workbook();
    let before = readable(&store);
    let session = enable(&clock, &tab(&clock, &store, 1), PASSPHRASE).expect("turns on");
    clock
        .block_on(async move { session.disable().await })
        .expect("turns off");
    assert_eq!(readable(&store), before);
    assert_eq!(store.keys_with(&sealed_prefix(C)), Vec::<String>::new());
    assert_eq!(store.get(&lock_key(C)).expect("get"), None);
}

#[test]
fn a_full_store_at_any_step_of_turning_the_lock_off_keeps_it_whole() {
    let needed = readable(&workbook()).len();
    for room in 0..needed {
        let clock = Clock::new();
        let store = workbook();
        let session = enable(&clock, &tab(&clock, &store, 1), PASSPHRASE).expect("turns on");
        let before = store.snapshot();
        store.full_after(room);
        let disabling = session.clone();
        let outcome = clock.block_on(async move { disabling.disable().await });
        assert_eq!(
            outcome,
            Err(LockError::Store(StoreError::Full)),
            "room {room}"
        );
        assert_eq!(store.snapshot(), before, "room for {room} writes");
    }
}

#[test]
fn a_readable_copy_that_does_not_read_back_keeps_the_lock_on() {
    let (clock, store, session) = locked();
    let before = store.snapshot();
    *store.garbles.borrow_mut() = Some(store::answer_prefix(C));
    let outcome = clock.block_on(async move { session.disable().await });
    assert_eq!(outcome, Err(LockError::DidNotReadBack));
    let after = store.snapshot();
    for (key, value) in &before {
        assert_eq!(after.get(key), Some(value), "{key}");
    }
    assert!(
        after.keys().all(|key| before.contains_key(key)
            || store.get(key).ok().flatten().as_deref() == Some("garbled")),
        "{after:?}"
    );
}

#[test]
fn turning_off_a_lock_another_tab_changed_does_nothing() {
    let (clock, store, a) = locked();
    let b = unlock(&clock, &tab(&clock, &store, 2), PASSPHRASE).expect("opens");
    drop(
        clock
            .block_on(async move { b.change_passphrase(NEW_PASSPHRASE).await })
            .expect("changes"),
    );
    let before = store.snapshot();
    let outcome = clock.block_on(async move { a.disable().await });
    assert_eq!(outcome, Err(LockError::Changed));
    assert_eq!(store.snapshot(), before);
}

// ---------------------------------------------------------------------------------------------
// Orphans, idle time and locked backups.

#[test]
fn sealed_records_without_a_lock_are_removed_unless_a_set_up_is_under_way() {
    let clock = Clock::new();
    let store = workbook();
    let orphan = format!("{}00aa", sealed_prefix(C));
    store.set(&orphan, "0011").expect("set");
    store
        .set(&setting_up_key(C), &clock.now().to_string())
        .expect("set");
    let lock = tab(&clock, &store, 1).lock;
    lock.discard_orphans();
    assert!(
        store.get(&orphan).expect("get").is_some(),
        "another tab is setting up"
    );
    clock.pass(vault::SETTING_UP_MS);
    lock.discard_orphans();
    assert_eq!(store.get(&orphan).expect("get"), None);
    assert_eq!(store.get(&setting_up_key(C)).expect("get"), None);
    // With a lock record, sealed records are never orphans.
    drop(enable(&clock, &tab(&clock, &store, 2), PASSPHRASE).expect("turns on"));
    let records = store.keys_with(&sealed_prefix(C));
    lock.discard_orphans();
    assert_eq!(store.keys_with(&sealed_prefix(C)), records);
}

#[test]
fn the_idle_time_changes_only_a_lock_that_is_still_this_tabs() {
    let (clock, store, a) = locked();
    a.set_idle_minutes(60).expect("changes");
    let record = LockRecord::parse(&store.get(&lock_key(C)).expect("get").expect("on"));
    assert_eq!(record.map(|r| r.idle_minutes), Some(60));
    let b = unlock(&clock, &tab(&clock, &store, 2), PASSPHRASE).expect("opens");
    clock
        .block_on(async move { b.disable().await })
        .expect("turns off");
    assert!(a.set_idle_minutes(5).is_err());
    assert_eq!(store.get(&lock_key(C)).expect("get"), None);
}

#[test]
fn a_locked_backup_opens_with_the_passphrase_and_nothing_else() {
    let clock = Clock::new();
    let store = workbook();
    let a = tab(&clock, &store, 1);
    let session = enable(&clock, &a, PASSPHRASE).expect("turns on");
    let text = "{\"the backup\": \"my private words\"}";
    let sealing = session.clone();
    let file = clock
        .block_on(async move { sealing.seal_backup(text).await })
        .expect("seals");
    assert!(!file.contains("my private words"));
    let file: LockedBackup = crate::state::json::from_str(&file).expect("a locked backup");
    let (lock, right) = (a.lock.clone(), file.clone());
    let opened = clock.block_on(async move { lock.open_backup(&right, PASSPHRASE).await });
    assert_eq!(opened.as_deref(), Ok(text));
    let lock = a.lock.clone();
    let wrong = clock.block_on(async move { lock.open_backup(&file, NEW_PASSPHRASE).await });
    assert_eq!(wrong, Err(LockError::WrongPassphrase));
}
