//! Errors that the HTTP stack answers by itself, in the documented shape.
//!
//! hyper parses the request line and the headers before axum sees a request, and it
//! answers three faults there with a bare status line and an empty body, then closes
//! the connection: a request target over 65,534 bytes (414), a head over its buffer
//! or with too many headers (431), and a request line or header that is not HTTP
//! (400). hyper has no hook for that answer, so each connection is wrapped: when a
//! write that hyper makes is exactly such a bare answer, a whole head and nothing
//! else (a 400, 414 or 431 status line, `Content-Length: 0`, no `Content-Type`: no
//! response of the application looks so, every one of those carries a
//! `Content-Type`), the wrapper writes the JSON error `{message, code, type, link}`
//! in its place. The request was never parsed, so its path is unknown: these
//! answers are always JSON.
//!
//! Nothing else is touched: reads pass through, and every other write goes out as
//! hyper wrote it. (A body write could only be mistaken for such a head if it were
//! that exact head and ended where the kernel cut the write; the cost would be that
//! one response, replaced by the JSON error.)

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use distill_library::Code;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};

use crate::api::ApiError;

/// A TCP listener whose connections answer the HTTP stack's own errors as JSON.
pub struct Listener(pub TcpListener);

impl axum::serve::Listener for Listener {
    type Io = Shaped<TcpStream>;
    type Addr = std::net::SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        let (stream, addr) = axum::serve::Listener::accept(&mut self.0).await;
        (Shaped::new(stream), addr)
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        self.0.local_addr()
    }
}

/// A connection whose bare error answers are replaced (see the module docs).
pub struct Shaped<T> {
    inner: T,
    /// The replacement being written, and how much of it is out.
    pending: Option<(Vec<u8>, usize)>,
}

impl<T> Shaped<T> {
    /// Wraps a connection.
    pub fn new(inner: T) -> Shaped<T> {
        Shaped { inner, pending: None }
    }
}

impl<T: AsyncWrite + Unpin> Shaped<T> {
    /// Writes out what is left of a replacement.
    fn poll_pending(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while let Some((bytes, done)) = &mut self.pending {
            if *done == bytes.len() {
                self.pending = None;
                break;
            }
            let n = ready!(Pin::new(&mut self.inner).poll_write(cx, &bytes[*done..]))?;
            if n == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            *done += n;
        }
        Poll::Ready(Ok(()))
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for Shaped<T> {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for Shaped<T> {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        ready!(self.poll_pending(cx))?;
        if let Some(replacement) = replacement(buf) {
            self.pending = Some((replacement, 0));
            // The bare answer counts as written; the replacement goes out in its
            // place, here and in the flush and shutdown that follow it.
            if let Poll::Ready(Err(e)) = self.poll_pending(cx) {
                return Poll::Ready(Err(e));
            }
            return Poll::Ready(Ok(buf.len()));
        }
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        ready!(self.poll_pending(cx))?;
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        ready!(self.poll_pending(cx))?;
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }

    /// Not vectored, so that hyper writes each response head as one flat buffer
    /// that starts with its status line.
    fn is_write_vectored(&self) -> bool {
        false
    }
}

/// The JSON answer that replaces a bare error head, if `head` is one and nothing else.
fn replacement(head: &[u8]) -> Option<Vec<u8>> {
    if !head.starts_with(b"HTTP/1.") || !head.ends_with(b"\r\n\r\n") || head.len() > 1024 {
        return None;
    }
    let end = head.windows(4).position(|w| w == b"\r\n\r\n")?;
    if end + 4 != head.len() {
        return None;
    }
    let head = std::str::from_utf8(&head[..end]).ok()?.to_ascii_lowercase();
    let mut lines = head.split("\r\n");
    let status: u16 = lines.next()?.strip_prefix("http/1.")?.get(2..5)?.parse().ok()?;
    let code = match status {
        400 => Code::BadRequest,
        414 => Code::UriTooLong,
        431 => Code::HeadersTooLarge,
        _ => return None,
    };
    let headers: Vec<(&str, &str)> =
        lines.filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim(), v.trim())).collect();
    let bare = headers.iter().any(|&(k, v)| k == "content-length" && v == "0")
        && !headers.iter().any(|&(k, _)| k == "content-type" || k == "transfer-encoding");
    if !bare {
        return None;
    }
    let message = match code {
        Code::UriTooLong => "the request target is longer than the HTTP parser's limit of 65,534 bytes",
        Code::HeadersTooLarge => "the request's headers are larger than the HTTP parser's buffer",
        _ => "the request line or a header is not valid HTTP",
    };
    let body = crate::api::error_json(&ApiError::new(code, message));
    let mut out = format!(
        "HTTP/1.1 {status} {}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\nx-content-type-options: nosniff\r\n\r\n",
        axum::http::StatusCode::from_u16(status).ok()?.canonical_reason().unwrap_or(""),
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(&body);
    Some(out)
}

#[cfg(test)]
mod tests {
    use tokio::io::AsyncWriteExt;

    use super::*;

    #[test]
    fn bare_error_heads_are_replaced_and_nothing_else() {
        let bare = b"HTTP/1.1 414 URI Too Long\r\ncontent-length: 0\r\nconnection: close\r\ndate: Fri, 04 Dec 2026 10:00:00 GMT\r\n\r\n";
        let out = String::from_utf8(replacement(bare).unwrap()).unwrap();
        assert!(out.starts_with("HTTP/1.1 414 URI Too Long\r\ncontent-type: application/json\r\n"), "{out}");
        let body: serde_json::Value = serde_json::from_str(out.split_once("\r\n\r\n").unwrap().1).unwrap();
        assert_eq!(body["code"], "uri_too_long");
        assert_eq!(body["type"], "invalid_request");
        let length: usize = out.lines().find_map(|l| l.strip_prefix("content-length: ")).unwrap().parse().unwrap();
        assert_eq!(length, out.split_once("\r\n\r\n").unwrap().1.len());
        let head = |status: &str| format!("HTTP/1.1 {status}\r\ncontent-length: 0\r\n\r\n");
        assert!(
            replacement(head("400 Bad Request").as_bytes()).is_some_and(|r| r.windows(11).any(|w| w == b"bad_request"))
        );
        assert!(replacement(head("431 Request Header Fields Too Large").as_bytes()).is_some());
        // Responses of the application are left alone.
        for other in [
            head("404 Not Found"),
            head("200 OK"),
            "HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: 0\r\n\r\n".into(),
            "HTTP/1.1 414 URI Too Long\r\ncontent-type: text/html\r\ncontent-length: 12\r\n\r\n".into(),
            "HTTP/1.1 400 Bad Request\r\ntransfer-encoding: chunked\r\n\r\n".into(),
            "{\"message\":\"HTTP/1.1 414\"}".into(),
            format!("{}body", head("414 URI Too Long")),
            format!("{0}{0}", head("414 URI Too Long")),
        ] {
            assert!(replacement(other.as_bytes()).is_none(), "{other}");
        }
    }

    #[tokio::test]
    async fn the_bare_answer_is_written_in_its_place() {
        let bare = b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n";
        let mut conn = Shaped::new(Vec::new());
        conn.write_all(b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 2\r\n\r\nok").await.unwrap();
        conn.write_all(bare).await.unwrap();
        conn.shutdown().await.unwrap();
        let written = String::from_utf8(conn.inner).unwrap();
        let (first, second) = written.split_once("okHTTP/1.1 400 Bad Request\r\n").unwrap();
        assert!(first.starts_with("HTTP/1.1 200 OK"), "{written}");
        assert!(second.contains("content-type: application/json") && second.ends_with('}'), "{written}");
    }
}
