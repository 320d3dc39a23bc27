//! Standard output that a closed pipe does not turn into a panic: `readingroom stats documents
//! | head` stops quietly when `head` has read enough, as other command-line tools do.

use std::fmt;
use std::io::{ErrorKind, Write};

/// Writes one line to standard output; a closed pipe ends the program quietly.
pub fn line(args: fmt::Arguments<'_>) {
    let written = writeln!(std::io::stdout().lock(), "{args}");
    match written {
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
