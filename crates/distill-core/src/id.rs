//! Stable ids: an article id is a hash of its normalized canonical URL, or of its
//! content when it has no URL, so ingesting the same thing twice finds the same row.

use xxhash_rust::xxh3::xxh3_64;

/// A 16-hex-digit article id: a type of its own, so that an id is never confused
/// with a title, a URL or another string. Serializes as the plain string.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct ArticleId(String);

impl ArticleId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for ArticleId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for ArticleId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for ArticleId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for ArticleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<String> for ArticleId {
    fn from(id: String) -> Self {
        ArticleId(id)
    }
}

impl From<&str> for ArticleId {
    fn from(id: &str) -> Self {
        ArticleId(id.to_string())
    }
}

impl From<ArticleId> for String {
    fn from(id: ArticleId) -> Self {
        id.0
    }
}

impl PartialEq<str> for ArticleId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for ArticleId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// Query parameters that only track the reader and never change the page.
const TRACKING_PARAMS: &[&str] = &[
    "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref_src", "cmpid", "_ga", "yclid", "ocid",
    "smid", "cid",
];

/// Returns the id of an article: from its URL when it has one, else from its text.
pub fn article_id(url: Option<&str>, text: &str) -> ArticleId {
    match url.and_then(normalize_url) {
        Some(url) => ArticleId(format!("{:016x}", xxh3_64(url.as_bytes()))),
        None => ArticleId(content_hash(text)),
    }
}

/// Returns a 16-hex-digit hash of text with whitespace runs collapsed.
pub fn content_hash(text: &str) -> String {
    let mut normalized = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !normalized.is_empty() {
            normalized.push(' ');
        }
        normalized.push_str(word);
    }
    format!("{:016x}", xxh3_64(normalized.as_bytes()))
}

/// Normalizes an http(s) URL so that copies of one address compare equal: one scheme
/// (http and https name the same article), lowercase host, no default ports,
/// fragments, tracking parameters, `www.` or trailing slashes, AMP variants folded
/// into the canonical page (`amp.` hosts, `/amp/` prefixes, `/amp` and `.amp`
/// suffixes, `.amp.html`, `amp=1`, `outputType=amp`), and the remaining query
/// parameters sorted. Returns `None` for anything that is not an absolute http(s) URL.
pub fn normalize_url(url: &str) -> Option<String> {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let rest = rest.split('#').next().unwrap_or("");
    let (authority, path_query) = match rest.find(['/', '?']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let authority = authority.rsplit('@').next().unwrap_or(authority);
    let mut host = authority.to_ascii_lowercase();
    if host.is_empty() {
        return None;
    }
    for default in [":80", ":443"] {
        if let Some(stripped) = host.strip_suffix(default) {
            host = stripped.to_string();
        }
    }
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let host = host.strip_prefix("amp.").filter(|h| h.contains('.')).unwrap_or(host).to_string();
    let (path, query) = match path_query.split_once('?') {
        Some((p, q)) => (p, q),
        None => (path_query, ""),
    };
    let mut path = path.trim_end_matches('/').to_string();
    for amp in ["/amp", ".amp"] {
        if let Some(stripped) = path.strip_suffix(amp) {
            path = stripped.to_string();
        }
    }
    if let Some(stripped) = path.strip_prefix("/amp/") {
        path = format!("/{stripped}");
    }
    if let Some(stripped) = path.strip_suffix(".amp.html") {
        path = format!("{stripped}.html");
    }
    let mut params: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let key = p.split('=').next().unwrap_or("").to_ascii_lowercase();
            !key.starts_with("utm_")
                && !TRACKING_PARAMS.contains(&key.as_str())
                && key != "amp"
                && !p.eq_ignore_ascii_case("outputtype=amp")
        })
        .collect();
    params.sort_unstable();
    let mut out = format!("https://{host}{path}");
    if !params.is_empty() {
        out.push('?');
        out.push_str(&params.join("&"));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracking_and_case_variants_normalize_alike() {
        let a = normalize_url("HTTPS://WWW.Example.com:443/news/story/?utm_source=x&b=2&a=1#top");
        let b = normalize_url("https://example.com/news/story?a=1&b=2&fbclid=zz");
        assert_eq!(a, b);
        assert_eq!(a.as_deref(), Some("https://example.com/news/story?a=1&b=2"));
    }

    #[test]
    fn amp_variants_and_schemes_are_the_same_page() {
        let canonical = normalize_url("https://example.com/a/story");
        for variant in [
            "https://example.com/a/story/amp",
            "https://example.com/a/story/amp/",
            "https://amp.example.com/a/story",
            "https://example.com/amp/a/story",
            "https://example.com/a/story?amp=1",
            "https://example.com/a/story?outputType=amp",
            "http://example.com/a/story",
            "HTTP://Example.COM:80/a/story",
        ] {
            assert_eq!(normalize_url(variant), canonical, "{variant}");
        }
        assert_eq!(
            normalize_url("https://example.com/a/story.amp.html"),
            normalize_url("https://example.com/a/story.html")
        );
        // A host named just "amp." is not an AMP variant.
        assert_eq!(normalize_url("https://amp.com/x").as_deref(), Some("https://amp.com/x"));
        assert_ne!(normalize_url("https://example.com/a/other"), canonical);
    }

    #[test]
    fn non_http_urls_are_rejected() {
        assert_eq!(normalize_url("javascript:alert(1)"), None);
        assert_eq!(normalize_url("file:///etc/passwd"), None);
        assert_eq!(normalize_url("not a url"), None);
    }

    #[test]
    fn ids_are_stable_and_fall_back_to_content() {
        let a = article_id(Some("https://example.com/x?utm_medium=rss"), "body");
        let b = article_id(Some("https://example.com/x"), "other body");
        assert_eq!(a, b);
        assert_eq!(a.len(), 16);
        assert_eq!(article_id(None, "a  b\n c"), article_id(None, "a b c"));
        assert_ne!(article_id(None, "a b c"), article_id(None, "a b d"));
    }
}
