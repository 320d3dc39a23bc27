//! Extracting report metadata from the report form in the OCR. (Being written.)
