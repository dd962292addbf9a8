//! Stable error codes, one list for the JSON API and the CLI (after meilisearch's
//! `ErrorCode`): each has its name, its HTTP status and its kind. Names never change
//! once published; the README's table lists them.

use serde::Serialize;

/// What went wrong, as a stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Code {
    /// The search query is unusable (empty, too long).
    BadQuery,
    /// A date parameter could not be read.
    BadDate,
    /// A query or path parameter is malformed (not a number, out of range, repeated).
    BadParameter,
    /// The request path is not valid UTF-8 or cannot be decoded.
    BadPath,
    /// No such article, feed or page.
    NotFound,
    /// The route exists but not with this method.
    MethodNotAllowed,
    /// The request body is too large.
    PayloadTooLarge,
    /// The request URI is too long.
    UriTooLong,
    /// Another process held the search index for too long; the store has the data.
    IndexBusy,
    /// The store could not be read or written.
    StoreUnavailable,
    /// Anything else on our side.
    Internal,
}

/// Who is at fault: the caller (fix the request) or the service (retry, report).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The request was wrong.
    InvalidRequest,
    /// The service failed.
    Internal,
}

impl Code {
    /// Every code, in the README's order.
    pub const ALL: [Code; 11] = [
        Code::BadQuery,
        Code::BadDate,
        Code::BadParameter,
        Code::BadPath,
        Code::NotFound,
        Code::MethodNotAllowed,
        Code::PayloadTooLarge,
        Code::UriTooLong,
        Code::IndexBusy,
        Code::StoreUnavailable,
        Code::Internal,
    ];

    /// The stable name, as the JSON `code` field writes it.
    pub fn name(self) -> &'static str {
        match self {
            Code::BadQuery => "bad_query",
            Code::BadDate => "bad_date",
            Code::BadParameter => "bad_parameter",
            Code::BadPath => "bad_path",
            Code::NotFound => "not_found",
            Code::MethodNotAllowed => "method_not_allowed",
            Code::PayloadTooLarge => "payload_too_large",
            Code::UriTooLong => "uri_too_long",
            Code::IndexBusy => "index_busy",
            Code::StoreUnavailable => "store_unavailable",
            Code::Internal => "internal",
        }
    }

    /// The HTTP status the API answers with.
    pub fn status(self) -> u16 {
        match self {
            Code::BadQuery | Code::BadDate | Code::BadParameter | Code::BadPath => 400,
            Code::NotFound => 404,
            Code::MethodNotAllowed => 405,
            Code::PayloadTooLarge => 413,
            Code::UriTooLong => 414,
            Code::IndexBusy | Code::StoreUnavailable => 503,
            Code::Internal => 500,
        }
    }

    /// Whose fault it is.
    pub fn kind(self) -> ErrorKind {
        if self.status() >= 500 { ErrorKind::Internal } else { ErrorKind::InvalidRequest }
    }

    /// Where the code is documented.
    pub fn link(self) -> String {
        format!("https://github.com/distill-news/distill/blob/main/README.md#error-codes:~:text={}", self.name())
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_match_serde() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            assert!(seen.insert(code.name()), "{} twice", code.name());
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.name()));
            assert!((400..600).contains(&code.status()));
        }
    }
}
