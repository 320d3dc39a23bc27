//! Importing OCR output in the shapes OCR engines and archives produce. (Being written.)
