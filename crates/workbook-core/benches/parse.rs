//! How much the core costs over bare pulldown-cmark, on the same bytes, in the same run.
//!
//! Parses and validates a curriculum folder (default `content/`, or the folder given as the first
//! argument or in `WORKBOOK_CONTENT`) and, interleaved with it, iterates the bare pulldown-cmark
//! events (with offsets, the options the core uses) over every file's text. Prints the median
//! and the spread of each and their ratio. The aim is a ratio of at most 2.
//!
//! Then the same for hostile content, which can bring hundreds of thousands of diagnostics that
//! the core must put in order and cap without slowing to a crawl: that curriculum with
//! [`HOSTILE_LINES`] lines of raw HTML added to its last week (two problems each), and then the
//! same with [`STRAY_LINES`] stray `:::` lines after them. The passes find those before the HTML
//! (they split the file into blocks; the HTML is found when the markdown is read), so every HTML
//! problem is found after problems that come later in the file: the worst order for sorting.
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

/// Lines of raw HTML in the hostile case. Each is `<b>hi</b>`, ten bytes with its newline, so
/// the week still fits under the core's file size limit and is parsed (longer lines, such as
/// `<div onclick="x">hi</div>`, would make it a file too large to read, and the case trivial).
const HOSTILE_LINES: usize = 100_000;

/// Stray `:::` lines after the raw HTML in the second hostile case.
const STRAY_LINES: usize = 5_000;

/// Rounds of the hostile case, which parses a megabyte each time.
const HOSTILE_ROUNDS: usize = 21;

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
    println!("curriculum: {}", dir.display());
    run("as it is", &files, ROUNDS);

    // The hostile case: the last week ends with a paragraph of raw HTML lines.
    let mut hostile = files;
    if let Some((_, last)) = hostile.last_mut() {
        last.push_str("\n\n");
        last.push_str(&"<b>hi</b>\n".repeat(HOSTILE_LINES));
    }
    println!();
    run(
        &format!("with {HOSTILE_LINES} lines of raw HTML in its last week"),
        &hostile,
        HOSTILE_ROUNDS,
    );

    if let Some((_, last)) = hostile.last_mut() {
        last.push_str(&":::\n".repeat(STRAY_LINES));
    }
    println!();
    run(
        &format!("and then {STRAY_LINES} stray `:::` lines (problems found out of order)"),
        &hostile,
        HOSTILE_ROUNDS,
    );
}

/// Times the core and bare pulldown-cmark over `files`, interleaved, and prints the report.
fn run(case: &str, files: &[(String, String)], rounds: usize) {
    let bytes: usize = files.iter().map(|(_, text)| text.len()).sum();
    let sources: Sources = files.iter().cloned().collect();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM;
    let warm_up = (rounds / 20).max(1);

    let mut core = Vec::with_capacity(rounds);
    let mut bare = Vec::with_capacity(rounds);
    let mut diagnostics = 0;
    // Warm up, then alternate the two so that both see the same machine state.
    for round in 0..rounds + warm_up {
        // What the core hands back is freed inside the timing: a caller pays for that too (and
        // diagnostics the core leaves out of its list are freed inside `parse`).
        let started = Instant::now();
        let parsed = black_box(parse(black_box(&sources)));
        diagnostics = black_box(parsed.diagnostics.len());
        drop(parsed);
        let core_time = started.elapsed();

        let started = Instant::now();
        let mut events = 0usize;
        for (_, text) in files {
            for (event, range) in Parser::new_ext(black_box(text), options).into_offset_iter() {
                black_box(&event);
                events += range.len().min(1);
            }
        }
        black_box(events);
        let bare_time = started.elapsed();

        if round >= warm_up {
            core.push(core_time);
            bare.push(bare_time);
        }
    }

    let (core_median, core_p10, core_p90) = summary(&mut core);
    let (bare_median, bare_p10, bare_p90) = summary(&mut bare);
    println!(
        "{case} ({} files, {} KB, {diagnostics} diagnostics)",
        files.len(),
        bytes / 1024
    );
    println!("rounds: {rounds}, interleaved");
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
        for (_, text) in files {
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
