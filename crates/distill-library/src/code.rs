//! Stable error codes, one list for the JSON API and the CLI (after meilisearch's
//! `ErrorCode`): each has its name, its HTTP status and its kind. Names never change
//! once published; the README's table lists them.

use serde::Serialize;

/// What went wrong, as a stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, utoipa::ToSchema)]
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
    /// The request is not valid HTTP (a malformed request line or header).
    BadRequest,
    /// No such article, feed or page.
    NotFound,
    /// The route exists but not with this method.
    MethodNotAllowed,
    /// The request body is too large.
    PayloadTooLarge,
    /// The request URI is too long.
    UriTooLong,
    /// The request's headers are too large.
    HeadersTooLarge,
    /// Another process held the search index for too long; the store has the data.
    IndexBusy,
    /// The store could not be read or written.
    StoreUnavailable,
    /// Anything else on our side.
    Internal,
}

/// Who is at fault: the caller (fix the request) or the service (retry, report).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The request was wrong.
    InvalidRequest,
    /// The service failed.
    Internal,
}

impl Code {
    /// Every code, in the README's order.
    pub const ALL: [Code; 13] = [
        Code::BadQuery,
        Code::BadDate,
        Code::BadParameter,
        Code::BadPath,
        Code::BadRequest,
        Code::NotFound,
        Code::MethodNotAllowed,
        Code::PayloadTooLarge,
        Code::UriTooLong,
        Code::HeadersTooLarge,
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
            Code::BadRequest => "bad_request",
            Code::NotFound => "not_found",
            Code::MethodNotAllowed => "method_not_allowed",
            Code::PayloadTooLarge => "payload_too_large",
            Code::UriTooLong => "uri_too_long",
            Code::HeadersTooLarge => "headers_too_large",
            Code::IndexBusy => "index_busy",
            Code::StoreUnavailable => "store_unavailable",
            Code::Internal => "internal",
        }
    }

    /// The HTTP status the API answers with.
    pub fn status(self) -> u16 {
        match self {
            Code::BadQuery | Code::BadDate | Code::BadParameter | Code::BadPath | Code::BadRequest => 400,
            Code::NotFound => 404,
            Code::MethodNotAllowed => 405,
            Code::PayloadTooLarge => 413,
            Code::UriTooLong => 414,
            Code::HeadersTooLarge => 431,
            Code::IndexBusy | Code::StoreUnavailable => 503,
            Code::Internal => 500,
        }
    }

    /// Whose fault it is.
    pub fn kind(self) -> ErrorKind {
        if self.status() >= 500 { ErrorKind::Internal } else { ErrorKind::InvalidRequest }
    }

    /// The code for an error status that carries no code of its own (an answer of
    /// the HTTP stack rather than of distill): the one code with that status, or
    /// the generic one of its class.
    pub fn for_status(status: u16) -> Code {
        match status {
            404 => Code::NotFound,
            405 => Code::MethodNotAllowed,
            413 => Code::PayloadTooLarge,
            414 => Code::UriTooLong,
            431 => Code::HeadersTooLarge,
            500.. => Code::Internal,
            _ => Code::BadRequest,
        }
    }

    /// What the code means, in one line (the README's table).
    pub fn meaning(self) -> &'static str {
        match self {
            Code::BadQuery => "the search query is unusable (empty, too long, too complex)",
            Code::BadDate => "a date parameter is not a date (use YYYY-MM-DD)",
            Code::BadParameter => "a parameter is malformed: not a number, out of range, or given twice",
            Code::BadPath => "the path does not decode to UTF-8",
            Code::BadRequest => "the request is not valid HTTP",
            Code::NotFound => "no such article, feed, page or route",
            Code::MethodNotAllowed => "the route exists, but not for this method (see the Allow header)",
            Code::PayloadTooLarge => "the request body is over the limit",
            Code::UriTooLong => "the request URI is over the limit",
            Code::HeadersTooLarge => "the request headers are over the limit",
            Code::IndexBusy => "another process held the search index too long; the data is stored, retry",
            Code::StoreUnavailable => "the store could not be read or written",
            Code::Internal => "a failure on distill's side",
        }
    }

    /// The code of a search failure.
    pub(crate) fn of_search(e: &distill_search::SearchError) -> Code {
        match e {
            distill_search::SearchError::BadQuery(_) => Code::BadQuery,
            distill_search::SearchError::NoModel(_) => Code::BadParameter,
            distill_search::SearchError::Busy(_) => Code::IndexBusy,
            distill_search::SearchError::Store(_) => Code::StoreUnavailable,
            _ => Code::Internal,
        }
    }

    /// The code of an error, or of the first error in its chain that has one.
    pub fn of(error: &(dyn std::error::Error + 'static)) -> Option<Code> {
        let mut next = Some(error);
        while let Some(e) = next {
            if let Some(coded) = e.downcast_ref::<Coded>() {
                return Some(coded.code);
            }
            if let Some(e) = e.downcast_ref::<crate::LibraryError>() {
                return Some(e.code());
            }
            if e.is::<distill_store::StoreError>() {
                return Some(Code::StoreUnavailable);
            }
            if let Some(e) = e.downcast_ref::<distill_search::SearchError>() {
                return Some(Code::of_search(e));
            }
            next = e.source();
        }
        None
    }

    /// Where the code is documented.
    pub fn link(self) -> String {
        format!("https://github.com/distill-news/distill/blob/main/README.md#error-codes:~:text={}", self.name())
    }
}

/// An error raised with its code by a caller (the CLI's "no article with id").
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Coded {
    /// The code.
    pub code: Code,
    /// What went wrong, for people.
    pub message: String,
}

impl Coded {
    /// An error with its code.
    pub fn new(code: Code, message: impl Into<String>) -> Coded {
        Coded { code, message: message.into() }
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
            assert!(!code.meaning().is_empty());
        }
    }

    #[test]
    fn statuses_and_kinds() {
        for code in Code::ALL {
            // A status that only one code has maps back to it.
            if Code::ALL.iter().filter(|c| c.status() == code.status()).count() == 1 {
                assert_eq!(Code::for_status(code.status()), code, "{code}");
            }
            let caller = code.status() < 500;
            assert_eq!(code.kind() == ErrorKind::InvalidRequest, caller, "{code}");
        }
        assert_eq!(Code::for_status(400), Code::BadRequest);
        assert_eq!(Code::for_status(418), Code::BadRequest);
        assert_eq!(Code::for_status(502), Code::Internal);
    }

    #[test]
    fn codes_are_found_in_error_chains() {
        #[derive(Debug, thiserror::Error)]
        #[error("opening the folder")]
        struct Context(#[source] Coded);
        let chained = Context(Coded::new(Code::NotFound, "no article"));
        assert_eq!(Code::of(&chained), Some(Code::NotFound));
        let busy = crate::LibraryError::from(distill_search::SearchError::Busy(std::time::Duration::from_secs(1)));
        assert_eq!(Code::of(&busy), Some(Code::IndexBusy));
        assert_eq!(Code::of(&std::io::Error::other("x")), None);
    }
}
