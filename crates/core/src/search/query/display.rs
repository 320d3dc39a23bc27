//! The canonical form of a query: one space between items, clauses before filters, values
//! quoted only when they hold whitespace. It parses back to the same [`Query`].

use super::{Clause, Expr, Filter, Layer, Query};
use std::fmt;

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let clauses = self.clauses.iter().map(|c| c as &dyn fmt::Display);
        let filters = self.filters.iter().map(|c| c as &dyn fmt::Display);
        for (i, item) in clauses.chain(filters).enumerate() {
            write!(f, "{}{item}", if i == 0 { "" } else { " " })?;
        }
        Ok(())
    }
}

impl fmt::Display for Clause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Clause::Must(expr) => write!(f, "{expr}"),
            Clause::Not(expr) => write!(f, "-{expr}"),
            Clause::Any(any) => {
                for (i, expr) in any.iter().enumerate() {
                    write!(f, "{}{expr}", if i == 0 { "" } else { " OR " })?;
                }
                Ok(())
            }
        }
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::Term(term) => f.write_str(term),
            Expr::Phrase(phrase) => write!(f, "\"{phrase}\""),
            Expr::Prefix(prefix) => write!(f, "{prefix}*"),
        }
    }
}

impl fmt::Display for Filter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (name, value) = match self {
            Filter::Country(value) => ("country", value),
            Filter::Subject(value) => ("subject", value),
            Filter::Collection(value) => ("collection", value),
            Filter::Year(from, to) if from == to => return write!(f, "year:{from}"),
            Filter::Year(from, to) => return write!(f, "year:{from}..{to}"),
            Filter::HasCorrected(has) => {
                return write!(f, "{}has:corrected", if *has { "" } else { "-" });
            }
            Filter::Layer(layer) => return write!(f, "layer:{layer}"),
            Filter::Quality(band) => return write!(f, "quality:{}", band.name()),
        };
        if value.contains(char::is_whitespace) {
            write!(f, "{name}:\"{value}\"")
        } else {
            write!(f, "{name}:{value}")
        }
    }
}

impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Layer::Ocr => "ocr",
            Layer::Corrected => "corrected",
        })
    }
}
