//! Standard output that a closed pipe does not turn into a panic: `readingroom stats documents
//! | head` stops quietly when `head` has read enough, as other command-line tools do.

use std::fmt;
use std::io::{ErrorKind, Write};

/// Writes one line to standard output; a closed pipe ends the program quietly.
pub fn line(args: fmt::Arguments<'_>) {
    written(writeln!(std::io::stdout().lock(), "{args}"));
}

/// Writes `text` to standard output as it is (a citation's own line ends, RIS's CR LF
/// included); a closed pipe ends the program quietly.
pub fn text(text: &str) {
    written(std::io::stdout().lock().write_all(text.as_bytes()));
}

/// Writes `value` as pretty JSON and a line break to standard output, serialized as it is
/// written; a closed pipe ends the program quietly.
pub fn json_pretty<T: serde::Serialize>(value: &T) {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    written(
        serde_json::to_writer_pretty(&mut out, value)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
            .and_then(|()| out.flush()),
    );
}

/// Ends the program quietly after a closed pipe, and with an error after any other failure.
fn written(result: std::io::Result<()>) {
    match result {
        Ok(()) => {}
        Err(e) if e.kind() == ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => {
            eprintln!("readingroom: error: cannot write to standard output: {e}");
            std::process::exit(1);
        }
    }
}

/// `println!`, through [`line`].
macro_rules! outln {
    () => { $crate::output::line(format_args!("")) };
    ($($arg:tt)*) => { $crate::output::line(format_args!($($arg)*)) };
}
pub(crate) use outln;
