//! Slices of one large archive that separate jobs read: a WARC file (plain, or gzip
//! with a member per record as CC-NEWS writes it) or a plain JSON Lines file is cut
//! at record boundaries into byte ranges of about a given size, so that many workers
//! share one file. A slice is named `PATH#bytes=START-END` in the job queue; its
//! reader seeks to START and reads the records that lie before END, never the rest
//! of the file.

use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use crate::files::{Format, format_of};
use crate::{RawItem, ReadConfig, Skip, SkipKind, WarcReader, jsonl};

/// The records of `path` between two of its record boundaries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slice {
    /// The archive.
    pub path: PathBuf,
    /// The offset of the first record (of its gzip member, when compressed).
    pub start: u64,
    /// The offset just past the last record.
    pub end: u64,
}

impl fmt::Display for Slice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}#bytes={}-{}", self.path.display(), self.start, self.end)
    }
}

impl Slice {
    /// Reads a slice's name (`PATH#bytes=START-END`); `None` for anything else, a
    /// plain path included.
    pub fn parse(input: &str) -> Option<Slice> {
        let (path, range) = input.rsplit_once("#bytes=")?;
        let (start, end) = range.split_once('-')?;
        let (start, end) = (start.parse().ok()?, end.parse().ok()?);
        (start < end && format_of(Path::new(path)).is_ok()).then(|| Slice { path: PathBuf::from(path), start, end })
    }

    /// The slice's items, read from its own bytes only.
    pub fn read(&self, config: &ReadConfig) -> Box<dyn Iterator<Item = Result<RawItem, Skip>> + Send> {
        let origin = self.to_string();
        let opened = File::open(&self.path).and_then(|mut file| {
            file.seek(SeekFrom::Start(self.start))?;
            Ok(BufReader::with_capacity(1 << 16, file.take(self.end - self.start)))
        });
        let mut input = match opened {
            Ok(input) => input,
            Err(e) => {
                return Box::new(std::iter::once(Err(Skip::new(
                    origin,
                    SkipKind::Unreadable,
                    format!("cannot read: {e}"),
                ))));
            }
        };
        match format_of(&self.path) {
            Ok((Format::Warc, _)) => {
                let gzip = input.fill_buf().map(|b| b.starts_with(&[0x1f, 0x8b])).unwrap_or(false);
                let input: Box<dyn BufRead + Send> = if gzip {
                    Box::new(BufReader::with_capacity(1 << 16, flate2::bufread::MultiGzDecoder::new(input)))
                } else {
                    Box::new(input)
                };
                Box::new(WarcReader::new(input, origin, config.max_document_bytes))
            }
            Ok((Format::JsonLines, false)) => Box::new(jsonl::read(&origin, input, config).into_iter()),
            _ => Box::new(std::iter::once(Err(Skip::new(
                origin,
                SkipKind::Unsupported,
                "only WARC and plain JSON Lines files are read in slices",
            )))),
        }
    }
}

/// Cuts `path` into slices of about `size` bytes at record boundaries. A file that
/// cannot be cut (one gzip member for a whole WARC, a compressed JSON Lines file,
/// another format, or one no larger than `size`) is a single slice covering it.
pub fn split(path: &Path, size: u64, config: &ReadConfig) -> Result<Vec<Slice>, Skip> {
    let origin = || path.display().to_string();
    let length = std::fs::metadata(path)
        .map_err(|e| Skip::new(origin(), SkipKind::Unreadable, format!("cannot read: {e}")))?
        .len();
    let whole = vec![Slice { path: path.to_path_buf(), start: 0, end: length }];
    if length <= size.max(1) {
        return Ok(whole);
    }
    let boundaries = match format_of(path) {
        Ok((Format::Warc, _)) => warc_boundaries(path, config.max_document_bytes),
        Ok((Format::JsonLines, false)) => line_boundaries(path, size, length),
        _ => return Ok(whole),
    }
    .map_err(|e| Skip::new(origin(), SkipKind::Unreadable, format!("read failed: {e}")))?;
    let mut slices = Vec::new();
    let mut start = 0;
    for boundary in boundaries.into_iter().chain([length]) {
        if boundary > start && (boundary - start >= size || boundary == length) {
            slices.push(Slice { path: path.to_path_buf(), start, end: boundary });
            start = boundary;
        }
    }
    Ok(if slices.is_empty() { whole } else { slices })
}

/// A reader that counts the bytes taken from it, by `read` or by `consume`.
struct Counting<R> {
    inner: R,
    taken: u64,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.taken += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amount: usize) {
        self.inner.consume(amount);
        self.taken += amount as u64;
    }
}

/// The offsets at which a WARC record may start a slice. Plain: the end of every
/// record read. Gzip: the end of every member that ends between records; when a
/// record spans members (or the data is broken), cutting stops there and the rest
/// is one slice, which its reader reports on.
fn warc_boundaries(path: &Path, max_document_bytes: u64) -> std::io::Result<Vec<u64>> {
    let mut input = Counting { inner: BufReader::with_capacity(1 << 16, File::open(path)?), taken: 0 };
    let gzip = input.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    let origin = path.display().to_string();
    let mut boundaries = Vec::new();
    if !gzip {
        let mut records = WarcReader::new(&mut input, origin, max_document_bytes);
        while records.next().is_some() {
            if records.failed {
                break;
            }
            boundaries.push(records.input.taken);
        }
        return Ok(boundaries);
    }
    while !input.fill_buf()?.is_empty() {
        let member = BufReader::new(flate2::bufread::GzDecoder::new(&mut input));
        let mut records = WarcReader::new(member, origin.clone(), max_document_bytes);
        while records.next().is_some() {
            if records.failed {
                return Ok(boundaries);
            }
        }
        drop(records);
        boundaries.push(input.taken);
    }
    Ok(boundaries)
}

/// The offsets just past the first line end at or after each multiple of `size`.
fn line_boundaries(path: &Path, size: u64, length: u64) -> std::io::Result<Vec<u64>> {
    let mut file = BufReader::with_capacity(1 << 16, File::open(path)?);
    let mut boundaries = Vec::new();
    let mut at = size;
    while at < length {
        file.seek(SeekFrom::Start(at - 1))?;
        let skipped = file.skip_until(b'\n')? as u64;
        let boundary = at - 1 + skipped;
        if boundary >= length {
            break;
        }
        boundaries.push(boundary);
        at = boundary + size;
    }
    Ok(boundaries)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;
    use crate::{read_file, write_warc_response};

    /// A WARC of `n` pages, with a request record between them; gzip with a member
    /// per record, or one member for the whole file.
    fn warc(path: &Path, n: usize, gzip: Option<bool>) {
        let mut records: Vec<Vec<u8>> = Vec::new();
        for i in 0..n {
            let mut record = Vec::new();
            let page = format!("<p>Page {i} {}</p>", "words ".repeat(i % 7 * 20));
            write_warc_response(
                &mut record,
                &format!("https://w.example/{i}"),
                "2026-09-14T08:00:00Z",
                page.as_bytes(),
            )
            .unwrap();
            records.push(record);
            records.push(b"WARC/1.0\r\nWARC-Type: request\r\nContent-Length: 4\r\n\r\nGET \r\n\r\n".to_vec());
        }
        let gz = |bytes: &[u8]| {
            let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            encoder.write_all(bytes).unwrap();
            encoder.finish().unwrap()
        };
        let bytes: Vec<u8> = match gzip {
            None => records.concat(),
            Some(true) => records.iter().flat_map(|r| gz(r)).collect(),
            Some(false) => gz(&records.concat()),
        };
        std::fs::write(path, bytes).unwrap();
    }

    fn urls(items: impl Iterator<Item = Result<RawItem, Skip>>) -> Vec<String> {
        items.map(|item| item.unwrap().url.unwrap()).collect()
    }

    /// Every slice's items, in order, by reading each slice by its name.
    fn sliced(path: &Path, size: u64) -> (usize, Vec<String>) {
        let slices = split(path, size, &ReadConfig::default()).unwrap();
        let mut read = Vec::new();
        for (i, slice) in slices.iter().enumerate() {
            assert_eq!(Slice::parse(&slice.to_string()).as_ref(), Some(slice));
            assert_eq!(slice.start, if i == 0 { 0 } else { slices[i - 1].end }, "slices tile the file");
            read.extend(urls(slice.read(&ReadConfig::default())));
        }
        assert_eq!(slices.last().unwrap().end, std::fs::metadata(path).unwrap().len());
        (slices.len(), read)
    }

    #[test]
    fn warc_slices_hold_each_record_once() {
        let dir = tempfile::tempdir().unwrap();
        for (name, gzip) in [("plain.warc", None), ("records.warc.gz", Some(true))] {
            let path = dir.path().join(name);
            warc(&path, 40, gzip);
            let whole = urls(read_file(&path, &ReadConfig::default()).into_iter());
            assert_eq!(whole.len(), 40);
            let size = std::fs::metadata(&path).unwrap().len() / 7;
            let (count, read) = sliced(&path, size);
            assert!((6..=8).contains(&count), "{name}: {count} slices of about {size} bytes");
            assert_eq!(read, whole, "{name}");
            // Slices smaller than a record: one each (plain: a page with the records
            // read past after it; gzip: a member each).
            let (count, read) = sliced(&path, 1);
            assert_eq!((count, read), (if gzip.is_some() { 80 } else { 41 }, whole), "{name}");
        }
    }

    #[test]
    fn what_cannot_be_cut_is_one_slice() {
        let dir = tempfile::tempdir().unwrap();
        let one_member = dir.path().join("one.warc.gz");
        warc(&one_member, 20, Some(false));
        let small = dir.path().join("small.warc");
        warc(&small, 2, None);
        let page = dir.path().join("page.html");
        std::fs::write(&page, "<p>".repeat(1000)).unwrap();
        for path in [&one_member, &small, &page] {
            let length = std::fs::metadata(path).unwrap().len();
            let size = if path == &small { length } else { 100 };
            let slices = split(path, size, &ReadConfig::default()).unwrap();
            assert_eq!(slices, [Slice { path: path.clone(), start: 0, end: length }], "{}", path.display());
        }
        assert_eq!(
            urls(split(&one_member, 100, &ReadConfig::default()).unwrap()[0].read(&ReadConfig::default())).len(),
            20
        );
    }

    #[test]
    fn a_broken_archive_is_cut_up_to_the_break_and_its_reader_names_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cut.warc.gz");
        warc(&path, 10, Some(true));
        let mut bytes = std::fs::read(&path).unwrap();
        let keep = bytes.len() - 40;
        bytes.truncate(keep);
        std::fs::write(&path, &bytes).unwrap();
        let slices = split(&path, 1, &ReadConfig::default()).unwrap();
        assert_eq!(slices.len(), 20, "a slice for each of the 19 whole members, then the rest");
        let last: Vec<_> = slices.last().unwrap().read(&ReadConfig::default()).collect();
        assert!(
            last.iter()
                .any(|r| r.as_ref().is_err_and(|s| s.origin.contains("#bytes=") && s.kind == SkipKind::Malformed)),
            "{last:?}"
        );
    }

    #[test]
    fn json_lines_are_cut_after_a_line_end() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.jsonl");
        let lines: Vec<String> = (0..50)
            .map(|i| {
                format!("{{\"url\":\"https://j.example/{i}\",\"text\":\"Story {i}. {}\"}}", "More. ".repeat(i % 5))
            })
            .collect();
        // No line end after the last line.
        std::fs::write(&path, lines.join("\n")).unwrap();
        let whole = urls(read_file(&path, &ReadConfig::default()).into_iter());
        assert_eq!(whole.len(), 50);
        for size in [1, 64, 500, 5000] {
            let (_, read) = sliced(&path, size);
            assert_eq!(read, whole, "size {size}");
        }
        assert_eq!(sliced(&path, 1).0, 50);
        let gz = dir.path().join("a.jsonl.gz");
        std::fs::write(&gz, std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(split(&gz, 1, &ReadConfig::default()).unwrap().len(), 1, "compressed lines are not cut");
    }

    #[test]
    fn only_slice_names_parse() {
        assert_eq!(
            Slice::parse("/a/b.warc.gz#bytes=10-20"),
            Some(Slice { path: "/a/b.warc.gz".into(), start: 10, end: 20 })
        );
        for input in [
            "/a/b.warc.gz",
            "/a/b.warc#bytes=20-10",
            "/a/b.warc#bytes=1-x",
            "/a/b#bytes=1-2",
            "https://x.example/#bytes=1-2",
        ] {
            assert_eq!(Slice::parse(input), None, "{input}");
        }
    }
}
