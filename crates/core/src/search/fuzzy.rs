//! (temporary: replaced by the search-normalize branch)

pub fn automaton_distance(chars: usize) -> u32 {
    match chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

pub fn budget(chars: usize) -> f32 {
    automaton_distance(chars) as f32
}

pub fn ocr_distance(query: &str, candidate: &str) -> Option<f32> {
    let a: Vec<char> = query.chars().collect();
    let b: Vec<char> = candidate.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut prev = row[0];
        row[0] = i;
        for j in 1..=b.len() {
            let here = row[j];
            row[j] = (prev + usize::from(a[i - 1] != b[j - 1])).min(row[j] + 1).min(row[j - 1] + 1);
            prev = here;
        }
    }
    let d = row[b.len()] as f32;
    (d <= budget(a.len())).then_some(d)
}
