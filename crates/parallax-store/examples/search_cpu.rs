//! Times `Store::search` alone, without the server: one thread runs every query of a file
//! (one URL path or query a line, as `bench/scale.sh` writes them) in order, and the
//! mean CPU time per query is printed (the thread's time on a CPU over the whole run, from
//! `/proc/thread-self/schedstat`, so that other processes on a shared machine do not
//! count; it advances by scheduler ticks, so only the mean over many queries is
//! meaningful) with the median, 99th percentile and mean wall time.
//!
//!     cargo run --release -p parallax-store --example search_cpu -- DB QUERY_FILE [COUNT]

// A benchmark command: printing its figures is its purpose.
#![allow(clippy::print_stdout)]

use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(db), Some(file)) = (args.next(), args.next()) else {
        return Err("usage: search_cpu DB QUERY_FILE [COUNT]".into());
    };
    let count: usize = args.next().map(|n| n.parse()).transpose()?.unwrap_or(2000);
    let store = parallax_store::open(&db)?;
    let queries: Vec<String> = std::fs::read_to_string(&file)?
        .lines()
        .take(count)
        .map(|line| {
            let query = line.strip_prefix("/search?q=").unwrap_or(line);
            query.replace('+', " ").replace("%27", "'").replace("%E2%80%99", "’")
        })
        .collect();
    // Once untimed, so that the file's pages are in memory.
    for query in &queries {
        store.search(query, 30)?;
    }
    let mut times = Vec::with_capacity(queries.len());
    let cpu = thread_cpu_nanos()?;
    let mut hits = 0;
    for query in &queries {
        let start = Instant::now();
        hits += store.search(query, 30)?.len();
        times.push(start.elapsed().as_secs_f64() * 1e3);
    }
    if std::env::var_os("SEARCH_CPU_SLOWEST").is_some() {
        let mut order: Vec<usize> = (0..times.len()).collect();
        order.sort_by(|&a, &b| times[b].total_cmp(&times[a]));
        for &i in order.iter().take(10) {
            println!("{:8.3} ms  {}", times[i], queries[i]);
        }
    }
    let cpu_mean = (thread_cpu_nanos()? - cpu) as f64 / 1e6 / queries.len() as f64;
    times.sort_by(f64::total_cmp);
    let mean = times.iter().sum::<f64>() / times.len() as f64;
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
    println!(
        "{} queries, {hits} hits; CPU per query: mean {cpu_mean:.3} ms; wall per query: p50 {:.3} ms, p99 {:.3} ms, mean {mean:.3} ms",
        times.len(),
        at(0.5),
        at(0.99)
    );
    Ok(())
}

/// Nanoseconds this thread has run on a CPU.
fn thread_cpu_nanos() -> Result<u64, Box<dyn std::error::Error>> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat")?;
    Ok(stat.split_whitespace().next().ok_or("empty schedstat")?.parse()?)
}
