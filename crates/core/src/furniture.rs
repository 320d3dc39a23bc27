//! Page furniture: stamps, page numbers, sanitization codes and release lines. (Being written.)
