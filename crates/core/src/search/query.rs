//! (temporary: replaced by the search-query branch)

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub clauses: Vec<Clause>,
    pub filters: Vec<Filter>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    Must(Expr),
    Not(Expr),
    Any(Vec<Expr>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    Term(String),
    Phrase(String),
    Prefix(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    Country(String),
    Subject(String),
    Collection(String),
    Year(u16, u16),
    HasCorrected(bool),
    Layer(Layer),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layer {
    Ocr,
    Corrected,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    pub message: String,
    pub column: usize,
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "column {}: {}", self.column + 1, self.message)
    }
}

pub fn parse(input: &str) -> Result<Query, QueryError> {
    let clauses =
        input.split_whitespace().map(|w| Clause::Must(Expr::Term(w.to_owned()))).collect();
    Ok(Query { clauses, filters: Vec::new() })
}
