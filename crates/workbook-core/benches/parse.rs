//! How much the core costs over bare pulldown-cmark, on the same bytes, in the same run.
//!
//! Parses and validates a curriculum folder (default `content/`, or the folder given as the first
//! argument or in `WORKBOOK_CONTENT`) and, interleaved with it, iterates the bare pulldown-cmark
//! events (with offsets, the options the core uses) over every file's text. Prints the median
//! and the spread of each and their ratio. The aim is a ratio of at most 2.
//!
//! Run with `cargo bench -p workbook-core` (or `cargo xtask bench`). This is a report, not a test:
//! nothing here fails on a slow machine.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use pulldown_cmark::{Options, Parser};
use workbook_core::{Sources, parse};

const ROUNDS: usize = 201;

/// Counts allocations, so the report can say how many each side makes.
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards every call to the system allocator unchanged; it only counts.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller upholds `alloc`'s contract, which is passed on as it is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_of(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    f();
    ALLOCATIONS.load(Ordering::Relaxed) - before
}

fn main() {
    let dir = std::env::args()
        .skip(1)
        .find(|arg| !arg.starts_with('-'))
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("WORKBOOK_CONTENT").map(PathBuf::from))
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content"));
    let files = read_markdown(&dir);
    let bytes: usize = files.iter().map(|(_, text)| text.len()).sum();
    let sources: Sources = files.iter().cloned().collect();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM;

    let mut core = Vec::with_capacity(ROUNDS);
    let mut bare = Vec::with_capacity(ROUNDS);
    // Warm up, then alternate the two so that both see the same machine state.
    for round in 0..ROUNDS + 10 {
        let started = Instant::now();
        let parsed = black_box(parse(black_box(&sources)));
        let core_time = started.elapsed();
        black_box(parsed.diagnostics.len());

        let started = Instant::now();
        let mut events = 0usize;
        for (_, text) in &files {
            for (event, range) in Parser::new_ext(black_box(text), options).into_offset_iter() {
                black_box(&event);
                events += range.len().min(1);
            }
        }
        black_box(events);
        let bare_time = started.elapsed();

        if round >= 10 {
            core.push(core_time);
            bare.push(bare_time);
        }
    }

    let (core_median, core_p10, core_p90) = summary(&mut core);
    let (bare_median, bare_p10, bare_p90) = summary(&mut bare);
    println!(
        "curriculum: {} ({} files, {} KB)",
        dir.display(),
        files.len(),
        bytes / 1024
    );
    println!("rounds: {ROUNDS}, interleaved");
    println!(
        "workbook-core parse + validate: median {:>9.1} µs  (p10 {:.1}, p90 {:.1})",
        micros(core_median),
        micros(core_p10),
        micros(core_p90)
    );
    println!(
        "bare pulldown-cmark events:     median {:>9.1} µs  (p10 {:.1}, p90 {:.1})",
        micros(bare_median),
        micros(bare_p10),
        micros(bare_p90)
    );
    let core_allocations = allocations_of(|| {
        black_box(parse(&sources));
    });
    let bare_allocations = allocations_of(|| {
        for (_, text) in &files {
            black_box(Parser::new_ext(text, options).into_offset_iter().count());
        }
    });
    println!("allocations per run: core {core_allocations}, bare {bare_allocations}");
    let ratio = core_median.as_secs_f64() / bare_median.as_secs_f64();
    println!("ratio core / bare (medians): {ratio:.2}  (aim: at most 2.00)");
}

/// The manifest and the week files it lists: exactly the bytes the core parses.
fn read_markdown(dir: &Path) -> Vec<(String, String)> {
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    };
    let manifest = read(workbook_core::MANIFEST_FILE);
    let mut files = vec![(workbook_core::MANIFEST_FILE.to_string(), manifest.clone())];
    for week in workbook_core::week_files(&manifest) {
        let text = read(&week);
        files.push((week, text));
    }
    files
}

fn summary(times: &mut [Duration]) -> (Duration, Duration, Duration) {
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.1), at(0.9))
}

fn micros(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e6
}
