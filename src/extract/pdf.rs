//! PDF text through pdf-extract. That crate writes diagnostics with `println!` and can panic on
//! unusual files, so the call is isolated: it runs under `catch_unwind` (a panic becomes
//! [`ExtractError::Pdf`], and its message is kept off the terminal by a panic hook that is silent
//! only on the extracting thread while it extracts), and on Unix the process's standard output is
//! pointed at `/dev/null` for the duration of the call while this thread holds the stdout lock, so
//! other threads' output waits rather than being lost and nothing from pdf-extract reaches stdout.

use std::cell::Cell;
use std::io::Write;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

use super::ExtractError;

thread_local! {
    static SILENT: Cell<bool> = const { Cell::new(false) };
}

/// Installs (once) a panic hook that stays quiet on threads that are extracting a PDF.
fn install_quiet_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !SILENT.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// The raw text layer of a PDF (not yet normalised).
pub fn text(body: &[u8]) -> Result<String, ExtractError> {
    install_quiet_hook();
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    let _ = lock.flush();
    let redirect = Redirect::to_null();
    SILENT.with(|s| s.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(|| pdf_extract::extract_text_from_mem(body)));
    SILENT.with(|s| s.set(false));
    let _ = lock.flush();
    drop(redirect);
    drop(lock);
    match result {
        Ok(Ok(text)) => Ok(text),
        Ok(Err(e)) => Err(ExtractError::Pdf(e.to_string())),
        Err(panic) => {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unexpected structure".to_owned());
            Err(ExtractError::Pdf(format!("the PDF reader failed: {msg}")))
        }
    }
}

/// Standard output pointed at `/dev/null` until dropped.
struct Redirect {
    #[cfg(unix)]
    saved: Option<libc::c_int>,
}

impl Redirect {
    #[cfg(unix)]
    fn to_null() -> Self {
        // SAFETY: plain file-descriptor calls on valid arguments; every descriptor opened here is
        // closed or restored in `drop`.
        unsafe {
            let null = libc::open(c"/dev/null".as_ptr(), libc::O_WRONLY);
            if null < 0 {
                return Redirect { saved: None };
            }
            let saved = libc::dup(1);
            if saved < 0 || libc::dup2(null, 1) < 0 {
                libc::close(null);
                if saved >= 0 {
                    libc::close(saved);
                }
                return Redirect { saved: None };
            }
            libc::close(null);
            Redirect { saved: Some(saved) }
        }
    }

    #[cfg(not(unix))]
    fn to_null() -> Self {
        Redirect {}
    }
}

impl Drop for Redirect {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(saved) = self.saved.take() {
            // SAFETY: `saved` is a descriptor duplicated in `to_null` and not closed since.
            unsafe {
                libc::dup2(saved, 1);
                libc::close(saved);
            }
        }
    }
}
