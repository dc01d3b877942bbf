//! A reader for BRAT standoff annotation (`.ann`) files as PolNeAR uses them: `T` lines
//! are typed text spans by character offset (possibly discontinuous, `a b;c d`), `E` lines
//! join them into attribution relations (`Attribution:T4 Content:T3 Cue:T2 Source:T1`).

use std::collections::HashMap;

/// A possibly discontinuous span in characters: half-open ranges.
pub type CharSpan = Vec<(usize, usize)>;

/// One attribution relation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Relation {
    pub source: Option<CharSpan>,
    pub cue: Option<CharSpan>,
    pub content: Option<CharSpan>,
}

/// Parses the relations of one `.ann` file. Malformed lines are skipped and counted.
pub fn parse_relations(ann: &str) -> (Vec<Relation>, usize) {
    let mut spans: HashMap<&str, CharSpan> = HashMap::new();
    let mut malformed = 0;
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let mut fields = line.splitn(3, '\t');
        let (Some(id), Some(kind_and_offsets)) = (fields.next(), fields.next()) else {
            malformed += 1;
            continue;
        };
        let Some((_, offsets)) = kind_and_offsets.split_once(' ') else {
            malformed += 1;
            continue;
        };
        let ranges: Option<CharSpan> = offsets
            .split(';')
            .map(|range| {
                let (a, b) = range.trim().split_once(' ')?;
                Some((a.parse().ok()?, b.parse().ok()?))
            })
            .collect();
        match ranges {
            Some(ranges) => {
                spans.insert(id, ranges);
            }
            None => malformed += 1,
        }
    }
    let mut relations = Vec::new();
    for line in ann.lines().filter(|l| l.starts_with('E')) {
        let Some(arguments) = line.split('\t').nth(1) else {
            malformed += 1;
            continue;
        };
        let mut relation = Relation::default();
        let mut is_attribution = false;
        for argument in arguments.split_whitespace() {
            let Some((role, id)) = argument.split_once(':') else { continue };
            let span = spans.get(id).cloned();
            match role {
                "Attribution" | "Attribution-no-source" => is_attribution = true,
                "Source" => relation.source = span,
                "Cue" => relation.cue = span,
                "Content" => relation.content = span,
                _ => {}
            }
        }
        if is_attribution {
            relations.push(relation);
        }
    }
    (relations, malformed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_relations_with_discontinuous_spans() {
        let ann = "T1\tSource 0 5\tPolls\nT2\tCue 6 10\tshow\nT3\tContent 11 20;25 30\tx\nT4\tAttribution 6 10\tshow\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\nbroken line\n";
        let (relations, malformed) = parse_relations(ann);
        assert_eq!(malformed, 0);
        assert_eq!(
            relations,
            vec![Relation { source: Some(vec![(0, 5)]), cue: Some(vec![(6, 10)]), content: Some(vec![(11, 20), (25, 30)]) }]
        );
    }
}
