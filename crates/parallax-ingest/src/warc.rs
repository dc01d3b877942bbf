//! WARC archives (`.warc`, `.warc.gz`), read as a stream of records.
//!
//! [`WarcReader`] reads one record at a time from any `BufRead` (for `.warc.gz`, a
//! `MultiGzDecoder` over the file, one gzip member per record as Common Crawl writes
//! them), so an archive is never held in memory whole: at most one record body, capped at
//! [`MAX_RECORD_BYTES`]. A malformed record is returned as an error with its byte offset
//! and the reader resynchronises on the next `WARC/` version line, so one corrupt record
//! never stops the archive. [`http_response`] splits a `response` record's payload into its
//! HTTP status, headers and body (chunked transfer and gzip/deflate content encodings
//! undone).

use std::io::{BufRead, Read};

/// Record bodies larger than this are skipped (read past, not kept).
pub const MAX_RECORD_BYTES: u64 = 32 * 1024 * 1024;

/// One WARC record: its named headers and its block.
#[derive(Debug)]
pub struct WarcRecord {
    /// Byte offset of the record's version line in the (decompressed) stream.
    pub offset: u64,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl WarcRecord {
    /// The value of header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// Why a record could not be read.
#[derive(Debug, thiserror::Error)]
pub enum WarcError {
    #[error("record at byte {offset}: {reason}")]
    Malformed { offset: u64, reason: String },
    #[error("record at byte {offset}: {length}-byte block is larger than the {max}-byte limit; skipped")]
    TooLarge { offset: u64, length: u64, max: u64 },
    #[error("read error at byte {offset}: {source}")]
    Io { offset: u64, source: std::io::Error },
}

/// Reads records one by one; see the module documentation.
pub struct WarcReader<R> {
    reader: R,
    offset: u64,
    /// A version line already read while resynchronising.
    pending_version: Option<(u64, String)>,
    done: bool,
}

impl<R: BufRead> WarcReader<R> {
    pub fn new(reader: R) -> WarcReader<R> {
        WarcReader { reader, offset: 0, pending_version: None, done: false }
    }

    /// Reads one line (up to 64 KiB) including its terminator; `None` at the end.
    fn read_line(&mut self) -> Result<Option<Vec<u8>>, WarcError> {
        let mut line = Vec::new();
        let read = (&mut self.reader)
            .take(64 * 1024)
            .read_until(b'\n', &mut line)
            .map_err(|source| WarcError::Io { offset: self.offset, source })?;
        self.offset += read as u64;
        Ok((read > 0).then_some(line))
    }

    /// Skips to the next line that starts a record; `None` at the end of the stream.
    fn next_version_line(&mut self) -> Result<Option<(u64, String)>, WarcError> {
        if let Some(pending) = self.pending_version.take() {
            return Ok(Some(pending));
        }
        loop {
            let start = self.offset;
            let Some(line) = self.read_line()? else { return Ok(None) };
            if line.starts_with(b"WARC/") {
                return Ok(Some((start, String::from_utf8_lossy(&line).trim().to_owned())));
            }
        }
    }

    fn read_record(&mut self) -> Result<Option<WarcRecord>, WarcError> {
        let Some((offset, _version)) = self.next_version_line()? else { return Ok(None) };
        let mut headers = Vec::new();
        loop {
            let line_start = self.offset;
            let Some(line) = self.read_line()? else {
                return Err(WarcError::Malformed { offset, reason: "the archive ends inside the record's headers".into() });
            };
            if line.starts_with(b"WARC/") {
                self.pending_version = Some((line_start, String::from_utf8_lossy(&line).trim().to_owned()));
                return Err(WarcError::Malformed { offset, reason: "headers without a blank line and block".into() });
            }
            let text = String::from_utf8_lossy(&line);
            let text = text.trim_end_matches(['\r', '\n']);
            if text.is_empty() {
                break;
            }
            match text.split_once(':') {
                Some((name, value)) => headers.push((name.trim().to_owned(), value.trim().to_owned())),
                None => return Err(WarcError::Malformed { offset, reason: format!("header line without a colon: {text:?}") }),
            }
        }
        let length = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("Content-Length"))
            .and_then(|(_, v)| v.parse::<u64>().ok())
            .ok_or_else(|| WarcError::Malformed { offset, reason: "no valid Content-Length header".into() })?;
        if length > MAX_RECORD_BYTES {
            let skipped = std::io::copy(&mut (&mut self.reader).take(length), &mut std::io::sink())
                .map_err(|source| WarcError::Io { offset, source })?;
            self.offset += skipped;
            return Err(WarcError::TooLarge { offset, length, max: MAX_RECORD_BYTES });
        }
        let mut body = Vec::with_capacity(length.min(1 << 20) as usize);
        let read = (&mut self.reader).take(length).read_to_end(&mut body).map_err(|source| WarcError::Io { offset, source })?;
        self.offset += read as u64;
        if (read as u64) < length {
            return Err(WarcError::Malformed { offset, reason: format!("block is {read} bytes, Content-Length says {length}") });
        }
        Ok(Some(WarcRecord { offset, headers, body }))
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<WarcRecord, WarcError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.read_record() {
            Ok(Some(record)) => Some(Ok(record)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(error) => {
                // A read error (a corrupt gzip member, say) leaves no way to resynchronise.
                if matches!(error, WarcError::Io { .. }) {
                    self.done = true;
                }
                Some(Err(error))
            }
        }
    }
}

/// An HTTP response: status code, headers and the decoded body.
#[derive(Debug)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// Parses an HTTP response message (a WARC `response` record's block).
pub fn http_response(message: &[u8]) -> Result<HttpResponse, String> {
    let header_end = memchr::memmem::find(message, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| memchr::memmem::find(message, b"\n\n").map(|i| (i, i + 2)))
        .ok_or("no blank line after the HTTP headers")?;
    let head = String::from_utf8_lossy(&message[..header_end.0]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    if !status_line.starts_with("HTTP/") {
        return Err(format!("not an HTTP status line: {:?}", status_line.chars().take(60).collect::<String>()));
    }
    let status = status_line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).ok_or("no status code")?;
    let headers: Vec<(String, String)> =
        lines.filter_map(|line| line.split_once(':').map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))).collect();
    let mut response = HttpResponse { status, headers, body: message[header_end.1..].to_vec() };
    if response.header("Transfer-Encoding").is_some_and(|v| v.to_ascii_lowercase().contains("chunked")) {
        response.body = dechunk(&response.body);
    }
    match response.header("Content-Encoding").map(str::to_ascii_lowercase).as_deref() {
        Some("gzip" | "x-gzip") => response.body = decompress(flate2::read::MultiGzDecoder::new(response.body.as_slice()))?,
        Some("deflate") => response.body = decompress(flate2::read::ZlibDecoder::new(response.body.as_slice()))?,
        _ => {}
    }
    Ok(response)
}

fn decompress(reader: impl Read) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    reader.take(MAX_RECORD_BYTES).read_to_end(&mut out).map_err(|e| format!("cannot decompress the body: {e}"))?;
    Ok(out)
}

/// Undoes chunked transfer encoding; stops at the last chunk or at malformed input.
fn dechunk(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut pos = 0;
    while pos < body.len() {
        let Some(line_end) = memchr::memchr(b'\n', &body[pos..]).map(|i| pos + i) else { break };
        let size_text = String::from_utf8_lossy(&body[pos..line_end]);
        let Ok(size) = usize::from_str_radix(size_text.trim().split(';').next().unwrap_or("").trim(), 16) else { break };
        if size == 0 {
            break;
        }
        let start = line_end + 1;
        let end = start.saturating_add(size).min(body.len());
        out.extend_from_slice(&body[start..end]);
        pos = end;
        while pos < body.len() && matches!(body[pos], b'\r' | b'\n') {
            pos += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut out =
            format!("WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Length: {}\r\n\r\n", block.len()).into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    #[test]
    fn reads_records_and_skips_a_corrupt_one() {
        let mut archive = record("warcinfo", "", b"software: test");
        archive.extend(b"WARC/1.0\r\nWARC-Type: response\r\nthis line has no colon\r\n\r\nbody\r\n\r\n");
        archive.extend(record("response", "https://a.example/1", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>one</p>"));
        archive.extend(b"WARC/1.0\r\nContent-Length: 999\r\n\r\ntruncated");
        let results: Vec<_> = WarcReader::new(archive.as_slice()).collect();
        assert_eq!(results.len(), 4, "{results:?}");
        assert!(results[0].is_ok());
        assert!(matches!(results[1], Err(WarcError::Malformed { .. })));
        let response = results[2].as_ref().unwrap();
        assert_eq!(response.header("warc-target-uri"), Some("https://a.example/1"));
        let http = http_response(&response.body).unwrap();
        assert_eq!((http.status, http.body.as_slice()), (200, b"<p>one</p>".as_slice()));
        assert!(matches!(results[3], Err(WarcError::Malformed { .. })));
    }

    #[test]
    fn chunked_and_gzip_bodies_are_decoded() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"<p>hello</p>").unwrap();
        let compressed = gz.finish().unwrap();
        let mut message = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        message.extend(format!("{:x}\r\n", 5).as_bytes());
        message.extend(&compressed[..5]);
        message.extend(format!("\r\n{:x}\r\n", compressed.len() - 5).as_bytes());
        message.extend(&compressed[5..]);
        message.extend(b"\r\n0\r\n\r\n");
        assert_eq!(http_response(&message).unwrap().body, b"<p>hello</p>");
        assert!(http_response(b"garbage").is_err());
    }
}
