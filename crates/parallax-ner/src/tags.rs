//! Entity labels and the BILOU tag set the tagger decodes over.
//!
//! Tag 0 is `O`; every label has four tags, `B` (begin), `I` (inside), `L` (last) and `U`
//! (unit, a one-token entity). Files and callers speak BIO; [`bio_to_bilou`] and
//! [`bilou_to_bio`] convert at the edge, with the same reading of a stray `I-` as the
//! CoNLL scorer (it starts a new entity).

/// The entity labels of the CoNLL-2003 scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    Person,
    Organisation,
    Location,
    Misc,
}

impl Label {
    pub const ALL: [Label; 4] = [Label::Person, Label::Organisation, Label::Location, Label::Misc];

    /// The CoNLL name: `PER`, `ORG`, `LOC`, `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PER",
            Label::Organisation => "ORG",
            Label::Location => "LOC",
            Label::Misc => "MISC",
        }
    }

    pub fn from_conll(name: &str) -> Option<Label> {
        match name {
            "PER" => Some(Label::Person),
            "ORG" => Some(Label::Organisation),
            "LOC" => Some(Label::Location),
            "MISC" => Some(Label::Misc),
            _ => None,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Where a token sits in its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    Begin,
    Inside,
    Last,
    Unit,
}

/// Number of BILOU tags: `O` and four per label.
pub const TAG_COUNT: usize = 1 + 4 * Label::ALL.len();

/// One BILOU tag, stored as its index (0 = `O`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Tag(u8);

impl Tag {
    pub const OUTSIDE: Tag = Tag(0);

    pub fn new(label: Label, position: Position) -> Tag {
        let offset = match position {
            Position::Begin => 0,
            Position::Inside => 1,
            Position::Last => 2,
            Position::Unit => 3,
        };
        Tag((1 + 4 * label.index() + offset) as u8)
    }

    /// The tag with index `index`, if it is one (`index < TAG_COUNT`).
    pub fn from_index(index: usize) -> Option<Tag> {
        (index < TAG_COUNT).then_some(Tag(index as u8))
    }

    pub fn index(self) -> usize {
        self.0 as usize
    }

    pub fn label(self) -> Option<Label> {
        (self.0 > 0).then(|| Label::ALL[(self.0 as usize - 1) / 4])
    }

    pub fn position(self) -> Option<Position> {
        (self.0 > 0).then(|| [Position::Begin, Position::Inside, Position::Last, Position::Unit][(self.0 as usize - 1) % 4])
    }

    /// Whether this tag opens an entity that the next tag must continue (`B`, `I`).
    fn is_open(self) -> bool {
        matches!(self.position(), Some(Position::Begin | Position::Inside))
    }

    /// Whether a sentence may start with this tag.
    pub fn can_start(self) -> bool {
        matches!(self.position(), None | Some(Position::Begin | Position::Unit))
    }

    /// Whether a sentence may end with this tag.
    pub fn can_end(self) -> bool {
        !self.is_open()
    }

    /// Whether `next` may follow `self` in a well-formed BILOU sequence.
    pub fn can_precede(self, next: Tag) -> bool {
        if self.is_open() {
            next.label() == self.label() && matches!(next.position(), Some(Position::Inside | Position::Last))
        } else {
            next.can_start()
        }
    }
}

/// A BIO tag as written in CoNLL files (`O`, `B-PER`, `I-LOC`, …); `None` when malformed.
pub fn parse_bio(tag: &str) -> Option<Option<(bool, Label)>> {
    if tag == "O" {
        return Some(None);
    }
    let (prefix, name) = tag.split_once('-')?;
    let label = Label::from_conll(name)?;
    match prefix {
        "B" => Some(Some((true, label))),
        "I" => Some(Some((false, label))),
        _ => None,
    }
}

/// Entity spans `(start, end, label)` (token indices, `end` exclusive) of a BIO sequence,
/// read as the CoNLL scorer reads it: `I-X` after `O` or after another label starts an
/// entity.
pub fn bio_spans(tags: &[Option<(bool, Label)>]) -> Vec<(usize, usize, Label)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, Label)> = None;
    for (i, tag) in tags.iter().enumerate() {
        match *tag {
            None => {
                if let Some((start, label)) = open.take() {
                    spans.push((start, i, label));
                }
            }
            Some((begin, label)) => {
                let continues = !begin && open.is_some_and(|(_, l)| l == label);
                if !continues {
                    if let Some((start, l)) = open.take() {
                        spans.push((start, i, l));
                    }
                    open = Some((i, label));
                }
            }
        }
    }
    if let Some((start, label)) = open {
        spans.push((start, tags.len(), label));
    }
    spans
}

/// BILOU tags for a BIO sequence.
pub fn bio_to_bilou(tags: &[Option<(bool, Label)>]) -> Vec<Tag> {
    let mut out = vec![Tag::OUTSIDE; tags.len()];
    for (start, end, label) in bio_spans(tags) {
        if end - start == 1 {
            out[start] = Tag::new(label, Position::Unit);
        } else {
            out[start] = Tag::new(label, Position::Begin);
            for tag in &mut out[start + 1..end - 1] {
                *tag = Tag::new(label, Position::Inside);
            }
            out[end - 1] = Tag::new(label, Position::Last);
        }
    }
    out
}

/// Entity spans `(start, end, label)` of a BILOU sequence. Ill-formed runs (which Viterbi
/// never produces) are read leniently: a label change or an `O` closes the open entity.
pub fn bilou_spans(tags: &[Tag]) -> Vec<(usize, usize, Label)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, Label)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let (label, position) = match (tag.label(), tag.position()) {
            (Some(label), Some(position)) => (label, position),
            _ => {
                if let Some((start, label)) = open.take() {
                    spans.push((start, i, label));
                }
                continue;
            }
        };
        let continues = open.is_some_and(|(_, l)| l == label) && matches!(position, Position::Inside | Position::Last);
        if !continues {
            if let Some((start, l)) = open.take() {
                spans.push((start, i, l));
            }
            open = Some((i, label));
        }
        if matches!(position, Position::Last | Position::Unit) {
            if let Some((start, l)) = open.take() {
                spans.push((start, i + 1, l));
            }
        }
    }
    if let Some((start, label)) = open {
        spans.push((start, tags.len(), label));
    }
    spans
}

/// BIO strings (`B-PER`, `I-PER`, `O`) for a BILOU sequence.
pub fn bilou_to_bio(tags: &[Tag]) -> Vec<&'static str> {
    const BEGIN: [&str; 4] = ["B-PER", "B-ORG", "B-LOC", "B-MISC"];
    const INSIDE: [&str; 4] = ["I-PER", "I-ORG", "I-LOC", "I-MISC"];
    let mut out = vec!["O"; tags.len()];
    for (start, end, label) in bilou_spans(tags) {
        out[start] = BEGIN[label.index()];
        for tag in &mut out[start + 1..end] {
            *tag = INSIDE[label.index()];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bio(tags: &[&str]) -> Vec<Option<(bool, Label)>> {
        tags.iter().map(|t| parse_bio(t).unwrap()).collect()
    }

    #[test]
    fn bio_round_trips_through_bilou() {
        let tags = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG", "I-ORG", "I-ORG", "O"];
        let bilou = bio_to_bilou(&bio(&tags));
        let names: Vec<String> = bilou.iter().map(|t| format!("{:?}{:?}", t.position(), t.label())).collect();
        assert_eq!(bilou[0], Tag::new(Label::Person, Position::Begin), "{names:?}");
        assert_eq!(bilou[1], Tag::new(Label::Person, Position::Last));
        assert_eq!(bilou[3], Tag::new(Label::Location, Position::Unit));
        assert_eq!(bilou[4], Tag::new(Label::Location, Position::Unit));
        assert_eq!(bilou[6], Tag::new(Label::Organisation, Position::Inside));
        assert_eq!(bilou_to_bio(&bilou), ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-ORG", "I-ORG", "I-ORG", "O"]);
    }

    #[test]
    fn transitions_follow_bilou() {
        let begin = Tag::new(Label::Person, Position::Begin);
        assert!(begin.can_precede(Tag::new(Label::Person, Position::Last)));
        assert!(!begin.can_precede(Tag::new(Label::Location, Position::Last)));
        assert!(!begin.can_precede(Tag::OUTSIDE));
        assert!(!begin.can_end());
        assert!(Tag::OUTSIDE.can_precede(Tag::new(Label::Misc, Position::Unit)));
        assert!(!Tag::OUTSIDE.can_precede(Tag::new(Label::Misc, Position::Inside)));
        for i in 0..TAG_COUNT {
            assert_eq!(Tag::from_index(i).unwrap().index(), i);
        }
        assert!(Tag::from_index(TAG_COUNT).is_none());
    }
}
