//! Report metadata read from the forms in the OCR, to fill what a curator has not written.
//! (Being written: so far the reading of dates.)

mod dates;

pub use dates::iso_date;
