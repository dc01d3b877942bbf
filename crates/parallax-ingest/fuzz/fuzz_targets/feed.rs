//! Feed and OPML bytes → entries as documents, feed URLs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_ingest::feed;

fuzz_target!(|data: &[u8]| {
    let _ = feed::looks_like_feed(data);
    let _ = feed::looks_like_opml(data);
    let _ = feed::read_feed(data, "fuzz", &mut |key| key.to_owned());
    let _ = feed::opml_feed_urls(data);
});
