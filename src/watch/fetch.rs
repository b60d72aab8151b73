//! The HTTP side of the policy watcher: fetches documents over reqwest/rustls, politely and within
//! bounds. Many documents are fetched at once, but never more than a few per host; every request has
//! a connect and a total timeout; transient failures (network errors, timeouts, 5xx, 429) are retried
//! with exponential backoff, honouring `Retry-After`; stored validators make an unchanged page cost a
//! `304`; the body is read as a stream and cut off at a size limit (counted after decompression, so a
//! compression bomb stops there too); redirects are limited, loops and non-http(s) targets refused.
//!
//! The fetcher knows nothing about the store or the catalogue: it turns a [`Request`] into an
//! [`FetchOutcome`], and never panics on what a server sends.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::header::{self, HeaderMap};
use tokio::sync::Semaphore;
use url::Url;

/// The honest User-Agent: the tool, its version and what it does.
pub const USER_AGENT: &str = concat!("vcaudit/", env!("CARGO_PKG_VERSION"), " (policy watcher for schools)");

/// Limits and politeness settings of the fetcher.
#[derive(Debug, Clone)]
pub struct Config {
    /// Documents fetched at the same time, over all hosts.
    pub concurrency: usize,
    /// Requests to one host at the same time.
    pub per_host: usize,
    /// Time to establish a connection.
    pub connect_timeout: Duration,
    /// Time for one whole request, body included.
    pub timeout: Duration,
    /// Retries after the first attempt, for transient failures.
    pub retries: u32,
    /// Wait before the first retry; doubled for each next one.
    pub retry_wait: Duration,
    /// Longest `Retry-After` honoured; a server asking for more is not retried.
    pub max_retry_after: Duration,
    /// Largest body accepted, in bytes after decompression.
    pub max_body: u64,
    /// Redirects followed before giving up.
    pub max_redirects: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            concurrency: 8,
            per_host: 2,
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            retries: 2,
            retry_wait: Duration::from_secs(1),
            max_retry_after: Duration::from_secs(60),
            max_body: 20 * 1024 * 1024,
            max_redirects: 10,
        }
    }
}

/// One document to fetch, with the validators of the stored version.
#[derive(Debug, Clone)]
pub struct Request {
    pub url: Url,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A response with a body (any status).
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub final_url: Url,
    pub content_type: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub body: Vec<u8>,
}

/// What fetching one document gave, after retries.
#[derive(Debug, Clone)]
pub enum FetchOutcome {
    /// A 2xx response with its whole body.
    Ok(Response),
    /// `304 Not Modified`: the stored version is current.
    NotModified { final_url: Url },
    /// A non-2xx status that retrying did not cure.
    Status { status: u16, final_url: Url },
    /// No usable response: network error, timeout, body too large, bad redirect.
    Failed { reason: String },
}

/// The fetcher: one HTTP client and one semaphore per host.
pub struct Fetcher {
    client: reqwest::Client,
    cfg: Config,
    hosts: Mutex<HashMap<String, Arc<Semaphore>>>,
}

/// Why one attempt did not give an answer to keep.
enum Attempt {
    Done(FetchOutcome),
    Retry {
        reason: FetchOutcome,
        wait: Option<Duration>,
    },
}

impl Fetcher {
    /// A fetcher with these settings.
    pub fn new(cfg: Config) -> Result<Self, String> {
        let max = cfg.max_redirects;
        let policy = reqwest::redirect::Policy::custom(move |attempt| {
            let url = attempt.url().clone();
            if !matches!(url.scheme(), "http" | "https") {
                attempt.error(format!("redirected to `{url}`, which is not an http(s) address"))
            } else if attempt.previous().contains(&url) {
                attempt.error(format!("redirect loop at `{url}`"))
            } else if attempt.previous().len() > max {
                attempt.error(format!("more than {max} redirects"))
            } else {
                attempt.follow()
            }
        });
        let client = reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .redirect(policy)
            .connect_timeout(cfg.connect_timeout)
            .timeout(cfg.timeout)
            .https_only(false)
            .build()
            .map_err(|e| format!("cannot set up the HTTP client: {e}"))?;
        Ok(Fetcher {
            client,
            cfg,
            hosts: Mutex::new(HashMap::new()),
        })
    }

    fn host_slot(&self, url: &Url) -> Arc<Semaphore> {
        let key = format!(
            "{}:{}",
            url.host_str().unwrap_or(""),
            url.port_or_known_default().unwrap_or(0)
        );
        let mut hosts = self.hosts.lock().unwrap_or_else(|p| p.into_inner());
        hosts
            .entry(key)
            .or_insert_with(|| Arc::new(Semaphore::new(self.cfg.per_host.max(1))))
            .clone()
    }

    /// Fetches one document, retrying transient failures.
    pub async fn fetch(&self, req: &Request) -> FetchOutcome {
        if !matches!(req.url.scheme(), "http" | "https") {
            return FetchOutcome::Failed {
                reason: format!("`{}` is not an http(s) address", req.url),
            };
        }
        let slot = self.host_slot(&req.url);
        let mut attempt = 0u32;
        loop {
            let result = {
                let _permit = slot.acquire().await;
                // The client's own total timeout bounds the request; this one is a backstop.
                let limit = self.cfg.timeout + Duration::from_millis(500);
                match tokio::time::timeout(limit, self.attempt(req)).await {
                    Ok(a) => a,
                    Err(_) => Attempt::Retry {
                        reason: FetchOutcome::Failed {
                            reason: format!("no complete answer within {}", human(self.cfg.timeout)),
                        },
                        wait: None,
                    },
                }
            };
            match result {
                Attempt::Done(o) => return o,
                Attempt::Retry { reason, wait } => {
                    if attempt >= self.cfg.retries {
                        return reason;
                    }
                    let backoff = self.cfg.retry_wait.saturating_mul(2u32.saturating_pow(attempt));
                    let wait = match wait {
                        Some(w) if w > self.cfg.max_retry_after => return reason,
                        Some(w) => w.max(backoff),
                        None => backoff,
                    };
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                }
            }
        }
    }

    async fn attempt(&self, req: &Request) -> Attempt {
        let mut rb = self.client.get(req.url.clone());
        if let Some(etag) = &req.etag {
            rb = rb.header(header::IF_NONE_MATCH, etag);
        }
        if let Some(lm) = &req.last_modified {
            rb = rb.header(header::IF_MODIFIED_SINCE, lm);
        }
        let mut resp = match rb.send().await {
            Ok(r) => r,
            Err(e) => return classify_error(&e),
        };
        let status = resp.status().as_u16();
        let final_url = resp.url().clone();
        if status == 304 {
            return Attempt::Done(FetchOutcome::NotModified { final_url });
        }
        if status == 429 || status == 503 || (500..600).contains(&status) || status == 408 {
            let wait = if status == 429 || status == 503 {
                retry_after(resp.headers())
            } else {
                None
            };
            return Attempt::Retry {
                reason: FetchOutcome::Status { status, final_url },
                wait,
            };
        }
        if (300..400).contains(&status) {
            // A redirect the client would not follow: its target is no http(s) address.
            if let Some(to) = resp.headers().get(header::LOCATION) {
                let to = String::from_utf8_lossy(to.as_bytes()).into_owned();
                return Attempt::Done(FetchOutcome::Failed {
                    reason: format!("redirected to `{to}`, which is not an http(s) address"),
                });
            }
        }
        if !(200..300).contains(&status) {
            return Attempt::Done(FetchOutcome::Status { status, final_url });
        }
        let headers = resp.headers().clone();
        // Sized from Content-Length when the server gives it (growing the buffer copied every page
        // one and a half times over); never beyond the limit, whatever the header says.
        let expected = resp.content_length().unwrap_or(0).min(self.cfg.max_body);
        let mut body = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
        loop {
            match resp.chunk().await {
                Ok(Some(chunk)) => {
                    if body.len() as u64 + chunk.len() as u64 > self.cfg.max_body {
                        return Attempt::Done(FetchOutcome::Failed {
                            reason: format!("the body is larger than the limit of {} bytes", self.cfg.max_body),
                        });
                    }
                    body.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(e) => return classify_error(&e),
            }
        }
        let text = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
        Attempt::Done(FetchOutcome::Ok(Response {
            status,
            final_url,
            content_type: text(header::CONTENT_TYPE),
            etag: text(header::ETAG),
            last_modified: text(header::LAST_MODIFIED),
            body,
        }))
    }
}

/// Turns a reqwest error into a final or retryable failure with a readable reason.
fn classify_error(e: &reqwest::Error) -> Attempt {
    let reason = FetchOutcome::Failed { reason: describe(e) };
    if e.is_redirect() || e.is_builder() || e.is_decode() {
        Attempt::Done(reason)
    } else {
        Attempt::Retry { reason, wait: None }
    }
}

/// The error with its causes, without the URL noise reqwest adds.
fn describe(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        return "timed out".to_owned();
    }
    // The generic wrappers of reqwest and hyper say nothing a reader needs.
    const WRAPPERS: &[&str] = &["error sending request", "client error (", "error following redirect"];
    let mut parts = Vec::new();
    let mut src: Option<&dyn std::error::Error> = Some(e);
    while let Some(s) = src {
        let mut text = s.to_string();
        if let Some(url) = e.url() {
            text = text.replace(&format!(" for url ({url})"), "");
        }
        let generic = WRAPPERS.iter().any(|w| text.starts_with(w));
        if !generic && !parts.iter().any(|p: &String| p.contains(&text)) {
            parts.push(text);
        }
        src = s.source();
    }
    let what = if e.is_connect() { "cannot connect: " } else { "" };
    if parts.is_empty() {
        format!("{what}{e}")
    } else {
        format!("{what}{}", parts.join(": "))
    }
}

/// `Retry-After` as seconds or as an HTTP date.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let v = headers.get(header::RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = jiff::fmt::rfc2822::parse(v).ok()?.timestamp();
    let now = jiff::Timestamp::now();
    let secs = when.as_second().saturating_sub(now.as_second()).max(0);
    Some(Duration::from_secs(secs as u64))
}

/// A duration as people write it: `500ms`, `2s`, `1.5s`, `3m`.
pub fn human(d: Duration) -> String {
    if d.as_millis() < 1000 {
        format!("{}ms", d.as_millis())
    } else if d.as_millis().is_multiple_of(1000) {
        format!("{}s", d.as_secs())
    } else {
        format!("{:.1}s", d.as_secs_f64())
    }
}

/// Parses `500ms`, `2s`, `1.5`, `3m` (a bare number is seconds).
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let (num, unit) = match s.find(|c: char| !(c.is_ascii_digit() || c == '.')) {
        Some(i) => s.split_at(i),
        None => (s, "s"),
    };
    let n: f64 = num
        .parse()
        .map_err(|_| format!("`{s}` is not a duration like 500ms, 2s or 1m"))?;
    let factor = match unit.trim() {
        "ms" => 0.001,
        "s" | "" => 1.0,
        "m" | "min" => 60.0,
        _ => return Err(format!("`{s}` is not a duration like 500ms, 2s or 1m")),
    };
    Duration::try_from_secs_f64(n * factor).map_err(|_| format!("`{s}` is not a duration like 500ms, 2s or 1m"))
}

/// Parses a size: `20MB`, `512K`, `1000` (bytes).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let upper = s.to_ascii_uppercase();
    let (num, factor) = if let Some(n) = upper.strip_suffix("MB").or_else(|| upper.strip_suffix('M')) {
        (n, 1024 * 1024)
    } else if let Some(n) = upper.strip_suffix("KB").or_else(|| upper.strip_suffix('K')) {
        (n, 1024)
    } else if let Some(n) = upper.strip_suffix('B') {
        (n, 1)
    } else {
        (upper.as_str(), 1)
    };
    num.trim()
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(factor))
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("`{s}` is not a size like 20MB, 512K or 100000"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_sizes_parse() {
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("2"), Ok(Duration::from_secs(2)));
        assert_eq!(parse_duration("1m"), Ok(Duration::from_secs(60)));
        assert!(parse_duration("soon").is_err());
        assert_eq!(parse_size("20MB"), Ok(20 * 1024 * 1024));
        assert_eq!(parse_size("512k"), Ok(512 * 1024));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(parse_size("-1").is_err());
        assert!(parse_size("0").is_err());
    }

    #[test]
    fn retry_after_reads_seconds() {
        let mut h = HeaderMap::new();
        h.insert(header::RETRY_AFTER, "3".parse().unwrap());
        assert_eq!(retry_after(&h), Some(Duration::from_secs(3)));
        h.insert(header::RETRY_AFTER, "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap());
        assert_eq!(retry_after(&h), Some(Duration::ZERO));
    }
}
