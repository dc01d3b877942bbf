//! Fetching URLs: one GET with a timeout, a size cap, a user agent that says who is
//! asking, a bounded number of redirects, and compressed bodies (gzip) accepted and
//! decoded. Failures are messages naming the URL, never panics.

use std::time::Duration;
use ureq::ResponseExt;

/// How pages are fetched.
#[derive(Clone, Debug)]
pub struct FetchConfig {
    /// The whole request, connection to last byte.
    pub timeout: Duration,
    /// Bodies longer than this are refused.
    pub max_bytes: u64,
    pub max_redirects: u32,
    pub user_agent: String,
}

impl Default for FetchConfig {
    fn default() -> FetchConfig {
        FetchConfig {
            timeout: Duration::from_secs(30),
            max_bytes: crate::MAX_INPUT_BYTES,
            max_redirects: 5,
            user_agent: format!("parallax/{} (news comparison; offline-first research tool)", env!("CARGO_PKG_VERSION")),
        }
    }
}

/// A fetched resource.
#[derive(Debug)]
pub struct Fetched {
    /// The URL after redirects.
    pub url: String,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

/// Whether an input names a URL rather than a file.
pub fn is_url(input: &str) -> bool {
    input.starts_with("http://") || input.starts_with("https://")
}

/// GETs `url`; a non-2xx status, a timeout, too many redirects or too large a body is an
/// error message.
pub fn fetch(url: &str, config: &FetchConfig) -> Result<Fetched, String> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(config.timeout))
        .max_redirects(config.max_redirects)
        .user_agent(config.user_agent.as_str())
        .http_status_as_error(false)
        .build()
        .into();
    let mut response = agent.get(url).call().map_err(|e| format!("cannot fetch: {e}"))?;
    let status = response.status();
    if !status.is_success() {
        return Err(format!("the server answered {status}"));
    }
    let final_url = response.get_uri().to_string();
    let content_type = response.headers().get("content-type").and_then(|v| v.to_str().ok()).map(str::to_owned);
    let body = response.body_mut().with_config().limit(config.max_bytes).read_to_vec().map_err(|e| format!("cannot read the body: {e}"))?;
    Ok(Fetched { url: final_url, content_type, body })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpListener;

    /// Serves each canned response once, in order, on a local port; returns the base URL
    /// and the requests it received.
    fn serve(responses: Vec<Vec<u8>>) -> (String, std::thread::JoinHandle<Vec<String>>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let handle = std::thread::spawn(move || {
            let mut requests = Vec::new();
            for response in responses {
                let (mut stream, _) = listener.accept().unwrap();
                let mut buf = [0u8; 4096];
                let n = stream.read(&mut buf).unwrap_or(0);
                requests.push(String::from_utf8_lossy(&buf[..n]).into_owned());
                let _ = stream.write_all(&response);
            }
            requests
        });
        (base, handle)
    }

    #[test]
    fn fetches_with_user_agent_redirects_and_gzip() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"<p>hello</p>").unwrap();
        let body = gz.finish().unwrap();
        let mut ok = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )
        .into_bytes();
        ok.extend(body);
        let redirect = b"HTTP/1.1 301 Moved\r\nLocation: /final\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_vec();
        let (base, server) = serve(vec![redirect, ok]);
        let fetched = fetch(&format!("{base}/start"), &FetchConfig::default()).unwrap();
        assert_eq!(fetched.body, b"<p>hello</p>");
        assert_eq!(fetched.url, format!("{base}/final"));
        assert_eq!(fetched.content_type.as_deref(), Some("text/html"));
        let requests = server.join().unwrap();
        assert!(requests[0].to_ascii_lowercase().contains("user-agent: parallax/"), "{}", requests[0]);
    }

    #[test]
    fn errors_name_the_problem() {
        let not_found = b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_vec();
        let big = b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\n".iter().copied().chain([b'x'; 100]).collect();
        let (base, server) = serve(vec![not_found, big]);
        assert!(fetch(&format!("{base}/missing"), &FetchConfig::default()).unwrap_err().contains("404"));
        let small = FetchConfig { max_bytes: 10, ..FetchConfig::default() };
        assert!(fetch(&format!("{base}/big"), &small).is_err());
        server.join().unwrap();
        assert!(fetch("http://127.0.0.1:1/nothing-listens", &FetchConfig { timeout: Duration::from_secs(2), ..FetchConfig::default() })
            .is_err());
    }
}
