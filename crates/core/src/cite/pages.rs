//! The page or pages a citation points at: one page (`3`) or a range (`3-5`), numbered from 1
//! as the reader sees them, and checked against the document's page count.

/// A page (`first == last`) or a range of pages, both inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pages {
    pub first: u32,
    pub last: u32,
}

impl Pages {
    /// One page, checked against the document's `count` of pages.
    pub fn one(page: u32, count: u32) -> Result<Pages, String> {
        Pages::range(page, page, count)
    }

    /// A range of pages, checked: from 1, in order, within the document's `count` of pages.
    pub fn range(first: u32, last: u32, count: u32) -> Result<Pages, String> {
        let pages = |n: u32| format!("{n} page{}", if n == 1 { "" } else { "s" });
        if first == 0 || last == 0 {
            return Err("pages are numbered from 1".to_owned());
        }
        if first > last {
            return Err(format!("the range {first}-{last} runs backwards; write {last}-{first}"));
        }
        if last > count {
            return Err(format!("page {last} is past the end: the document has {}", pages(count)));
        }
        Ok(Pages { first, last })
    }

    /// Reads `3` or `3-5` (an en dash or `--` will do too), checked against `count`.
    pub fn parse(text: &str, count: u32) -> Result<Pages, String> {
        let number = |part: &str| {
            part.trim().parse::<u32>().map_err(|_| {
                format!("\"{text}\" is not a page or a range of pages; write 3, or 3-5")
            })
        };
        let text = text.trim();
        let parts: Vec<&str> = text.split(['-', '–']).filter(|part| !part.is_empty()).collect();
        match parts[..] {
            [page] if !text.contains(['-', '–']) => Pages::one(number(page)?, count),
            [first, last] => Pages::range(number(first)?, number(last)?, count),
            _ => Err(format!("\"{text}\" is not a page or a range of pages; write 3, or 3-5")),
        }
    }

    pub fn is_single(self) -> bool {
        self.first == self.last
    }

    /// The pages joined by `dash`: `3`, or `3–5` with an en dash.
    pub fn joined(self, dash: &str) -> String {
        if self.is_single() {
            self.first.to_string()
        } else {
            format!("{}{dash}{}", self.first, self.last)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_page_and_a_range() {
        assert_eq!(Pages::parse("3", 7), Ok(Pages { first: 3, last: 3 }));
        assert_eq!(Pages::parse(" 3-5 ", 7), Ok(Pages { first: 3, last: 5 }));
        assert_eq!(Pages::parse("3--5", 7), Ok(Pages { first: 3, last: 5 }));
        assert_eq!(Pages::parse("3–5", 7).map(|p| p.joined("--")), Ok("3--5".to_owned()));
    }

    #[test]
    fn says_what_is_wrong_with_a_range() {
        assert_eq!(Pages::parse("5-3", 7), Err("the range 5-3 runs backwards; write 3-5".into()));
        assert_eq!(
            Pages::parse("8", 7),
            Err("page 8 is past the end: the document has 7 pages".into())
        );
        assert_eq!(Pages::parse("0", 7), Err("pages are numbered from 1".into()));
        for bad in ["", "three", "3-", "-3", "3-4-5"] {
            let error = Pages::parse(bad, 7).expect_err(bad);
            assert!(error.contains("write 3, or 3-5"), "{bad}: {error}");
        }
    }
}
