//! WARC/1.0 and 1.1 (the format of the CC-NEWS crawl), streamed record by record
//! from plain or gzip (one member per record, or one for the whole file) input,
//! never loading the file. Only `response` records carrying an HTML page become
//! items; the rest are counted and passed over. A record that lies about its length
//! or is cut off ends the file with a skip that names the record; records before it
//! are kept.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use crate::{Body, RawItem, Skip, SkipKind};

/// The largest WARC header block.
const MAX_HEADER_BYTES: usize = 64 * 1024;

/// Streams the HTML responses of a WARC file as items.
pub struct WarcReader<R> {
    pub(crate) input: R,
    origin: String,
    max_document_bytes: u64,
    record: u64,
    done: bool,
    /// The input ended in a broken or cut-off record.
    pub(crate) failed: bool,
    /// Records passed over: request, metadata, warcinfo, non-HTML responses.
    pub passed_over: u64,
}

impl WarcReader<Box<dyn BufRead + Send>> {
    /// Opens a `.warc` or `.warc.gz` file (gzip is recognised by its magic bytes).
    pub fn open(path: &Path, max_document_bytes: u64) -> Result<Self, Skip> {
        let origin = path.display().to_string();
        let file = std::fs::File::open(path)
            .map_err(|e| Skip::new(&origin, SkipKind::Unreadable, format!("cannot open: {e}")))?;
        let mut buffered = BufReader::with_capacity(1 << 16, file);
        let gzip = buffered.fill_buf().map(|b| b.starts_with(&[0x1f, 0x8b])).unwrap_or(false);
        let input: Box<dyn BufRead + Send> = if gzip {
            Box::new(BufReader::with_capacity(1 << 16, flate2::bufread::MultiGzDecoder::new(buffered)))
        } else {
            Box::new(buffered)
        };
        Ok(WarcReader::new(input, origin, max_document_bytes))
    }
}

impl<R: BufRead> WarcReader<R> {
    /// Reads records from `input`; `origin` names the file in skips.
    pub fn new(input: R, origin: String, max_document_bytes: u64) -> Self {
        WarcReader { input, origin, max_document_bytes, record: 0, done: false, failed: false, passed_over: 0 }
    }

    fn fail(&mut self, reason: String) -> Option<Result<RawItem, Skip>> {
        self.done = true;
        self.failed = true;
        Some(Err(Skip::new(format!("{}#record-{}", self.origin, self.record), SkipKind::Malformed, reason)))
    }

    /// Reads one header line, at most `budget` bytes; `None` at end of input.
    fn line(&mut self, budget: &mut usize) -> Result<Option<String>, String> {
        let mut line = Vec::new();
        let read = (&mut self.input)
            .take(*budget as u64 + 1)
            .read_until(b'\n', &mut line)
            .map_err(|e| format!("read failed: {e}"))?;
        if read == 0 {
            return Ok(None);
        }
        if read > *budget {
            return Err("WARC header block too large".to_string());
        }
        *budget -= read;
        Ok(Some(String::from_utf8_lossy(&line).trim_end_matches(['\r', '\n']).to_string()))
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<RawItem, Skip>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            self.record += 1;
            let mut budget = MAX_HEADER_BYTES;
            // The version line, after any blank lines that end the previous record.
            let version = loop {
                match self.line(&mut budget) {
                    Ok(None) => {
                        self.done = true;
                        return None;
                    }
                    Ok(Some(line)) if line.trim().is_empty() => continue,
                    Ok(Some(line)) => break line,
                    Err(e) => return self.fail(e),
                }
            };
            if !version.starts_with("WARC/") {
                let shown: String = version.chars().take(40).collect();
                return self.fail(format!("not a WARC record (starts with {shown:?})"));
            }
            let mut headers = Vec::new();
            loop {
                match self.line(&mut budget) {
                    Ok(Some(line)) if line.is_empty() => break,
                    Ok(Some(line)) => {
                        if let Some((k, v)) = line.split_once(':') {
                            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
                        }
                    }
                    Ok(None) => return self.fail("file ends inside a WARC header".to_string()),
                    Err(e) => return self.fail(e),
                }
            }
            let header = |name: &str| headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
            let length = match header("content-length").map(|v| v.parse::<u64>()) {
                Some(Ok(n)) => n,
                Some(Err(_)) => {
                    let v = header("content-length").unwrap_or_default().to_string();
                    return self.fail(format!("invalid Content-Length {v:?}"));
                }
                None => return self.fail("WARC record has no Content-Length".to_string()),
            };
            let wanted = header("warc-type") == Some("response")
                && header("content-type").is_some_and(|t| t.to_ascii_lowercase().contains("application/http"));
            let target = header("warc-target-uri").map(|u| u.trim_matches(['<', '>']).to_string());
            let date = header("warc-date").and_then(distill_core::time::parse_date);
            if !wanted || length > self.max_document_bytes + MAX_HEADER_BYTES as u64 {
                let too_large = wanted;
                match std::io::copy(&mut (&mut self.input).take(length), &mut std::io::sink()) {
                    Ok(n) if n == length => {}
                    Ok(_) => return self.fail("file ends inside a record (truncated)".to_string()),
                    Err(e) => return self.fail(format!("read failed: {e}")),
                }
                if too_large {
                    let origin = format!("{}#record-{}", self.origin, self.record);
                    return Some(Err(Skip::new(
                        origin,
                        SkipKind::TooLarge,
                        format!("response of {length} bytes is over the document limit"),
                    )));
                }
                self.passed_over += 1;
                continue;
            }
            let mut block = Vec::with_capacity(length as usize);
            match (&mut self.input).take(length).read_to_end(&mut block) {
                Ok(n) if n as u64 == length => {}
                Ok(_) => return self.fail("file ends inside a record (truncated)".to_string()),
                Err(e) => return self.fail(format!("read failed: {e}")),
            }
            let origin = format!("{}#record-{}", self.origin, self.record);
            match http_html(&block) {
                Ok(Some((charset, body))) => {
                    let mut item = RawItem::new(origin, Body::Html(body));
                    item.url = target;
                    item.fallback_published = date;
                    item.charset = charset;
                    return Some(Ok(item));
                }
                Ok(None) => self.passed_over += 1,
                Err(reason) => return Some(Err(Skip::new(origin, SkipKind::Malformed, reason))),
            }
        }
    }
}

/// An HTML body and its declared charset.
type HtmlBody = (Option<String>, Vec<u8>);

/// Splits an HTTP response block; returns the body if it is a 2xx HTML page.
fn http_html(block: &[u8]) -> Result<Option<HtmlBody>, String> {
    let Some(split) = find(block, b"\r\n\r\n").map(|i| (i, i + 4)).or_else(|| find(block, b"\n\n").map(|i| (i, i + 2)))
    else {
        return Err("HTTP response without a header end".to_string());
    };
    let head = String::from_utf8_lossy(&block[..split.0]);
    let mut lines = head.lines();
    let status: u16 = lines.next().and_then(|l| l.split_whitespace().nth(1)).and_then(|s| s.parse().ok()).unwrap_or(0);
    if !(200..300).contains(&status) {
        return Ok(None);
    }
    let (mut html, mut charset) = (false, None);
    for line in lines {
        let Some((k, v)) = line.split_once(':') else { continue };
        if k.trim().eq_ignore_ascii_case("content-type") {
            let v = v.to_ascii_lowercase();
            html = v.contains("text/html") || v.contains("application/xhtml");
            charset =
                v.split(';').find_map(|p| p.trim().strip_prefix("charset=").map(|c| c.trim_matches('"').to_string()));
        }
    }
    Ok(html.then(|| (charset, block[split.1..].to_vec())))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Writes one WARC/1.1 response record (used by tests and the benchmark to build archives).
pub fn write_response(out: &mut impl std::io::Write, url: &str, date: &str, html: &[u8]) -> std::io::Result<()> {
    let mut http =
        format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n", html.len())
            .into_bytes();
    http.extend_from_slice(html);
    let id = xxhash_rust::xxh3::xxh3_64(url.as_bytes());
    write!(
        out,
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{:08x}-0000-4000-8000-{:012x}>\r\nWARC-Date: {date}\r\nWARC-Target-URI: {url}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        id >> 32,
        id & 0xffff_ffff_ffff,
        http.len()
    )?;
    out.write_all(&http)?;
    out.write_all(b"\r\n\r\n")
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn request(out: &mut Vec<u8>) {
        let http = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n";
        write!(out, "WARC/1.0\r\nWARC-Type: request\r\nContent-Length: {}\r\n\r\n", http.len()).unwrap();
        out.extend_from_slice(http);
        out.extend_from_slice(b"\r\n\r\n");
    }

    fn archive() -> Vec<u8> {
        let mut out = b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\ninfo\r\n\r\n".to_vec();
        request(&mut out);
        write_response(&mut out, "https://a.example/1", "2026-09-14T08:00:00Z", b"<p>One</p>").unwrap();
        let image = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG";
        write!(out, "WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n", image.len()).unwrap();
        out.extend_from_slice(image);
        out.extend_from_slice(b"\r\n\r\n");
        write_response(&mut out, "https://a.example/2", "2026-09-15T08:00:00Z", b"<p>Two</p>").unwrap();
        out
    }

    #[test]
    fn html_responses_become_items_and_the_rest_is_passed_over() {
        let bytes = archive();
        let mut reader = WarcReader::new(&bytes[..], "a.warc".into(), 1 << 20);
        let items: Vec<RawItem> = reader.by_ref().map(|r| r.unwrap()).collect();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].url.as_deref(), Some("https://a.example/1"));
        assert_eq!(items[0].charset.as_deref(), Some("utf-8"));
        assert!(matches!(&items[1].body, Body::Html(b) if b == b"<p>Two</p>"));
        assert!(items[1].fallback_published.is_some() && items[1].published.is_none());
        assert_eq!(reader.passed_over, 3);
    }

    #[test]
    fn gzip_members_per_record_are_streamed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.warc.gz");
        let mut file = std::fs::File::create(&path).unwrap();
        for url in ["https://g.example/1", "https://g.example/2", "https://g.example/3"] {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            write_response(&mut gz, url, "2026-09-14T08:00:00Z", b"<p>x</p>").unwrap();
            file.write_all(&gz.finish().unwrap()).unwrap();
        }
        drop(file);
        let items: Vec<_> = WarcReader::open(&path, 1 << 20).unwrap().collect();
        assert_eq!(items.len(), 3);
        assert!(items.iter().all(|i| i.is_ok()));
    }

    #[test]
    fn truncated_and_lying_records_end_the_file_with_a_named_skip() {
        let full = archive();
        let cut = &full[..full.len() - 12];
        let results: Vec<_> = WarcReader::new(cut, "cut.warc".into(), 1 << 20).collect();
        assert!(results[0].is_ok());
        let last = results.last().unwrap().as_ref().unwrap_err();
        assert!(last.reason.contains("truncated") && last.origin.starts_with("cut.warc#record-"), "{last:?}");

        for bad in ["-5", "99999999999999999999999", "abc"] {
            let text = format!("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: {bad}\r\n\r\nxx");
            let results: Vec<_> = WarcReader::new(text.as_bytes(), "bad.warc".into(), 1 << 20).collect();
            assert_eq!(results.len(), 1);
            assert!(results[0].as_ref().is_err_and(|s| s.reason.contains("Content-Length")), "{bad}: {results:?}");
        }
        let huge = "WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 900000000000\r\n\r\nshort";
        let results: Vec<_> = WarcReader::new(huge.as_bytes(), "huge.warc".into(), 1 << 20).collect();
        assert!(results[0].as_ref().is_err_and(|s| s.reason.contains("truncated")), "{results:?}");
        let results: Vec<_> = WarcReader::new(&b"<html>not warc"[..], "x.warc".into(), 1 << 20).collect();
        assert!(results[0].as_ref().is_err_and(|s| s.reason.contains("not a WARC record")));
    }

    #[test]
    fn a_broken_gzip_member_keeps_the_records_before_it() {
        let mut bytes = Vec::new();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        write_response(&mut gz, "https://g.example/1", "2026-09-14T08:00:00Z", b"<p>x</p>").unwrap();
        bytes.extend_from_slice(&gz.finish().unwrap());
        bytes.extend_from_slice(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 1, 2, 3, 4, 5, 6, 7]);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("broken.warc.gz");
        std::fs::write(&path, bytes).unwrap();
        let results: Vec<_> = WarcReader::open(&path, 1 << 20).unwrap().collect();
        assert!(results[0].is_ok());
        assert!(results.last().unwrap().is_err());
        assert!(results.len() <= 2);
    }
}
