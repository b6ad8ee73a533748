//! Splits a story file into its YAML front matter and Markdown body, keeping
//! track of the line each part starts on.

/// The two parts of a story file.
#[derive(Debug, Clone, PartialEq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// Lines before the YAML starts (the opening `---`).
    pub yaml_line_offset: u32,
    pub body: &'a str,
    /// Byte offset of the body in the text.
    pub body_start: usize,
    /// 1-based line on which the body starts.
    pub body_first_line: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SplitError {
    /// The file does not start with `---`.
    Missing,
    /// The opening `---` has no closing one.
    Unclosed,
}

/// Front matter is a `---` line, YAML, and a closing `---` (or `...`) line.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().ok_or(SplitError::Missing)?;
    if first.trim_end() != "---" {
        return Err(SplitError::Missing);
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    let mut line_no = 1u32;
    for line in lines {
        line_no += 1;
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                yaml_line_offset: 1,
                body: &text[offset + line.len()..],
                body_start: offset + line.len(),
                body_first_line: line_no + 1,
            });
        }
        offset += line.len();
    }
    Err(SplitError::Unclosed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_yaml_from_body_and_counts_lines() {
        let s = split("---\nname: A\n---\n\nHello\n").unwrap();
        assert_eq!(s.yaml, "name: A\n");
        assert_eq!(s.body, "\nHello\n");
        assert_eq!(s.body_start, 16);
        assert_eq!(s.body_first_line, 4);
    }

    #[test]
    fn windows_line_endings_are_accepted() {
        let s = split("---\r\nname: A\r\n---\r\nHi").unwrap();
        assert_eq!(s.yaml, "name: A\r\n");
        assert_eq!(s.body, "Hi");
    }

    #[test]
    fn a_block_that_never_closes_is_reported() {
        assert_eq!(split("---\nname: A\n\nbody\n"), Err(SplitError::Unclosed));
        assert_eq!(split("name: A\n"), Err(SplitError::Missing));
        assert_eq!(split(""), Err(SplitError::Missing));
    }
}
