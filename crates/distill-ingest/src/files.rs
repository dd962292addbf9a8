//! Files and folders: finding inputs, telling their format, reading them within limits.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use crate::{Body, RawItem, ReadConfig, Skip, SkipKind, jsonl};

/// What a file holds, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Html,
    Text,
    Feed,
    JsonLines,
    Warc,
}

pub(crate) fn format_of(path: &Path) -> Result<(Format, bool), String> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_ascii_lowercase();
    let (name, gzip) = match name.strip_suffix(".gz") {
        Some(stripped) => (stripped.to_string(), true),
        None => (name, false),
    };
    let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    let format = match ext {
        "html" | "htm" | "xhtml" | "shtml" => Format::Html,
        "txt" | "text" | "md" | "markdown" => Format::Text,
        "rss" | "atom" | "xml" | "rdf" | "json" => Format::Feed,
        "jsonl" | "ndjson" => Format::JsonLines,
        "warc" => Format::Warc,
        "" => return Err("no file extension: cannot tell the format".to_string()),
        other => return Err(format!("unsupported file type '.{other}'")),
    };
    Ok((format, gzip))
}

/// Expands folders recursively (sorted, hidden files skipped) and keeps files whose
/// format is known; everything else is returned as a skip.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Skip>) {
    let mut files = Vec::new();
    let mut skips = Vec::new();
    let mut stack: Vec<PathBuf> = paths.iter().rev().cloned().collect();
    while let Some(path) = stack.pop() {
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                skips.push(Skip::new(path.display().to_string(), SkipKind::Unreadable, format!("cannot read: {e}")));
                continue;
            }
        };
        if meta.is_dir() {
            match std::fs::read_dir(&path) {
                Ok(entries) => {
                    let mut children: Vec<PathBuf> = entries
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|p| !p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')))
                        .collect();
                    children.sort();
                    // Inside folders, files of unknown type are passed over quietly
                    // (READMEs, manifests); named files are always reported.
                    children.retain(|c| c.is_dir() || format_of(c).is_ok() && !is_sidecar(c));
                    stack.extend(children.into_iter().rev());
                }
                Err(e) => skips.push(Skip::new(
                    path.display().to_string(),
                    SkipKind::Unreadable,
                    format!("cannot list folder: {e}"),
                )),
            }
        } else {
            match format_of(&path) {
                Ok(_) => files.push(path),
                Err(reason) => skips.push(Skip::new(path.display().to_string(), SkipKind::Unsupported, reason)),
            }
        }
    }
    (files, skips)
}

/// Whether a path names a WARC archive, which is streamed record by record
/// ([`crate::WarcReader`]) instead of read whole.
pub fn is_warc(path: &Path) -> bool {
    matches!(format_of(path), Ok((Format::Warc, _)))
}

/// Files in a folder that describe the folder rather than hold articles.
fn is_sidecar(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_ascii_lowercase();
    matches!(
        name.as_str(),
        "manifest.json" | "readme.md" | "readme.txt" | "license.txt" | "ground-truth.json" | "package.json"
    )
}

/// Reads one file into items. A feed or JSON Lines file gives one item per entry;
/// entries that fail are skips, and the rest still count.
pub fn read_file(path: &Path, config: &ReadConfig) -> Vec<Result<RawItem, Skip>> {
    let origin = path.display().to_string();
    let (format, gzip) = match format_of(path) {
        Ok(f) => f,
        Err(reason) => return vec![Err(Skip::new(origin, SkipKind::Unsupported, reason))],
    };
    let limit = match format {
        Format::Html | Format::Text => config.max_document_bytes,
        Format::Feed | Format::JsonLines | Format::Warc => config.max_container_bytes,
    };
    if format == Format::Warc {
        return match crate::WarcReader::open(path, config.max_document_bytes) {
            Ok(reader) => reader.collect(),
            Err(skip) => vec![Err(skip)],
        };
    }
    if format == Format::JsonLines {
        return match open(path, gzip) {
            Ok(reader) => jsonl::read(&origin, BufReader::new(reader.take(limit)), config),
            Err(reason) => vec![Err(Skip::new(origin, SkipKind::Unreadable, reason))],
        };
    }
    let bytes = match read_limited(path, gzip, limit) {
        Ok(b) => b,
        Err((kind, reason)) => return vec![Err(Skip::new(origin, kind, reason))],
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return vec![Err(Skip::new(origin, SkipKind::Empty, "empty file"))];
    }
    match format {
        Format::Html => vec![Ok(RawItem::new(origin, Body::Html(bytes)))],
        Format::Text => vec![Ok(RawItem::new(origin, Body::Text(bytes)))],
        Format::Feed => match crate::feed::parse_feed(&origin, &bytes, None) {
            Ok(feed) => feed.items,
            Err(reason) => vec![Err(Skip::new(origin, SkipKind::Malformed, reason))],
        },
        Format::JsonLines | Format::Warc => unreachable!("handled above"),
    }
}

fn open(path: &Path, gzip: bool) -> Result<Box<dyn Read>, String> {
    let file = File::open(path).map_err(|e| format!("cannot open: {e}"))?;
    Ok(if gzip { Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(file))) } else { Box::new(file) })
}

/// Reads at most `limit` bytes (after decompression); a larger input is an error,
/// not a silently truncated article.
fn read_limited(path: &Path, gzip: bool, limit: u64) -> Result<Vec<u8>, (SkipKind, String)> {
    if !gzip {
        let size = std::fs::metadata(path).map_err(|e| (SkipKind::Unreadable, format!("cannot read: {e}")))?.len();
        if size > limit {
            return Err((SkipKind::TooLarge, format!("file too large: {size} bytes (limit {limit})")));
        }
    }
    let mut bytes = Vec::new();
    open(path, gzip)
        .map_err(|reason| (SkipKind::Unreadable, reason))?
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            if gzip {
                (SkipKind::Malformed, format!("broken gzip data: {e}"))
            } else {
                (SkipKind::Unreadable, format!("read failed: {e}"))
            }
        })?;
    if bytes.len() as u64 > limit {
        return Err((
            SkipKind::TooLarge,
            format!("file too large: more than {limit} bytes{}", if gzip { " after decompression" } else { "" }),
        ));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_walked_and_unknown_files_reported() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/a.html"), "<p>x</p>").unwrap();
        std::fs::write(dir.path().join("b.txt"), "x").unwrap();
        std::fs::write(dir.path().join("README.md"), "x").unwrap();
        std::fs::write(dir.path().join("c.pdf"), "x").unwrap();
        let named = dir.path().join("d.exe");
        std::fs::write(&named, "x").unwrap();
        let (files, skips) = collect_files(&[dir.path().to_path_buf(), named, dir.path().join("missing.html")]);
        let names: Vec<String> = files.iter().map(|f| f.file_name().unwrap().to_string_lossy().into_owned()).collect();
        assert_eq!(names, ["b.txt", "a.html"]);
        assert_eq!(skips.len(), 2);
        assert!(skips[0].reason.contains("unsupported file type '.exe'"), "{skips:?}");
        assert!(skips[1].reason.contains("cannot read"), "{skips:?}");
        assert_eq!(skips.iter().map(|s| s.kind).collect::<Vec<_>>(), [SkipKind::Unsupported, SkipKind::Unreadable]);
    }

    #[test]
    fn gzip_is_read_and_bombs_are_refused() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("page.html.gz");
        let mut gz = flate2::write::GzEncoder::new(File::create(&path).unwrap(), flate2::Compression::best());
        gz.write_all(&vec![b' '; 3 << 20]).unwrap();
        gz.write_all(b"<p>hello</p>").unwrap();
        gz.finish().unwrap();
        let small = ReadConfig { max_document_bytes: 1 << 20, ..ReadConfig::default() };
        let out = read_file(&path, &small);
        assert!(
            matches!(&out[0], Err(s) if s.reason.contains("after decompression") && s.kind == SkipKind::TooLarge),
            "{out:?}"
        );
        let out = read_file(&path, &ReadConfig::default());
        assert!(matches!(&out[0], Ok(RawItem { body: Body::Html(b), .. }) if b.ends_with(b"<p>hello</p>")));
    }

    #[test]
    fn feeds_give_one_item_per_entry() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.rss");
        std::fs::write(&path, r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>Wire</title><item><title>One</title><link>https://w.example/1</link><description>teaser</description>
            <content:encoded><![CDATA[<p>The full body of the first story.</p>]]></content:encoded><dc:creator>Ann Lee</dc:creator>
            <pubDate>Mon, 14 Sep 2026 08:00:00 GMT</pubDate></item><item><title>Empty</title></item></channel></rss>"#).unwrap();
        let out = read_file(&path, &ReadConfig::default());
        assert_eq!(out.len(), 2);
        let first = out[0].as_ref().unwrap();
        assert_eq!(first.title.as_deref(), Some("One"));
        assert_eq!(first.source.as_deref(), Some("Wire"));
        assert_eq!(first.byline.as_deref(), Some("Ann Lee"));
        assert!(matches!(&first.body, Body::Html(b) if String::from_utf8_lossy(b).contains("full body")));
        assert!(out[1].is_err());
        std::fs::write(&path, "<rss><channel><item>").unwrap();
        assert!(
            read_file(&path, &ReadConfig::default())[0]
                .as_ref()
                .is_err_and(|s| s.reason.starts_with("not a valid feed") && s.kind == SkipKind::Malformed)
        );
    }
}
