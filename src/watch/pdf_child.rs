//! PDF text in a child process. The PDF reader runs in a child of this same executable, started
//! with [`WORKER`] set in its environment, the body on its standard input and the text on its
//! standard output, so that a hostile PDF cannot take the watch run down
//! with it: a stack overflow or an abort in the reader (deeply nested arrays are enough) ends only
//! the child, and a reader that does not finish is killed after the extraction time limit. The
//! child also keeps the reader's own printing off the run's output.
//!
//! The child answers `ok` or `err` on its first line, then the text or the reason. Only the
//! `vcaudit` executable can be such a child: it turns children on with [`enable`] (another program
//! running a watch in-process, such as an example, reads PDFs in its own process, as does a run
//! whose child cannot be started).

use std::io::{Read, Write};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::extract::{self, pdf, ExtractError, Extracted};

/// The environment variable that makes the executable a PDF reader for its parent.
pub const WORKER: &str = "VCAUDIT_PDF_TEXT_WORKER";

static ENABLED: AtomicBool = AtomicBool::new(false);

/// Lets [`extract`] read PDFs in child processes of the current executable, which must answer to
/// [`WORKER`] by calling [`serve`].
pub fn enable() {
    ENABLED.store(true, Ordering::Relaxed);
}

/// Whether PDFs are read in child processes (else in this process, see [`extract`]).
pub fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

/// The child's side: reads a PDF from standard input, writes the answer to standard output.
pub fn serve() -> std::io::Result<()> {
    let mut body = Vec::new();
    std::io::stdin().lock().read_to_end(&mut body)?;
    let answer = match pdf::text(&body) {
        Ok(text) => format!("ok\n{text}"),
        Err(ExtractError::Pdf(reason)) => format!("err\n{reason}"),
        Err(e) => format!("err\n{e}"),
    };
    let mut out = std::io::stdout().lock();
    out.write_all(answer.as_bytes())?;
    out.flush()
}

/// Extracts a PDF's text in a child process; `None` when it did not finish within `limit`.
pub fn extract(body: &[u8], limit: Duration) -> Option<Result<Extracted, ExtractError>> {
    let Some(mut child) = spawn() else {
        return Some(pdf::text(body).and_then(|raw| extract::from_pdf_text(&raw)));
    };
    let (tx, rx) = std::sync::mpsc::channel();
    if let (Some(mut stdin), Some(mut stdout)) = (child.stdin.take(), child.stdout.take()) {
        let body = body.to_vec();
        // Writing and reading on their own threads: a child that stops reading its input, or
        // writes more than a pipe holds, cannot block this one.
        std::thread::spawn(move || {
            let _ = stdin.write_all(&body);
        });
        std::thread::spawn(move || {
            let mut answer = Vec::new();
            let read = stdout.read_to_end(&mut answer);
            let _ = tx.send(read.map(|_| answer));
        });
    }
    let answer = rx.recv_timeout(limit);
    let Ok(Ok(answer)) = answer else {
        let _ = child.kill();
        let _ = child.wait();
        return match answer {
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => None,
            _ => Some(Err(ExtractError::Pdf(
                "the PDF reader's output could not be read".into(),
            ))),
        };
    };
    let status = child.wait().ok();
    Some(match answer.split_first_chunk::<3>() {
        Some((b"ok\n", text)) => extract::from_pdf_text(&String::from_utf8_lossy(text)),
        _ => match answer.strip_prefix(b"err\n") {
            Some(reason) => Err(ExtractError::Pdf(String::from_utf8_lossy(reason).into_owned())),
            None => Err(ExtractError::Pdf(format!(
                "the PDF reader crashed ({})",
                status.map_or_else(|| "no exit status".to_owned(), |s| s.to_string())
            ))),
        },
    })
}

/// A PDF reader: this same executable with [`WORKER`] set.
fn spawn() -> Option<Child> {
    if !enabled() {
        return None;
    }
    let exe = std::env::current_exe().ok()?;
    Command::new(exe)
        .env(WORKER, "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()
}
