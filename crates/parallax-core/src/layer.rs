//! Typed annotation layers.
//!
//! Each layer is a zero-sized marker type implementing [`Layer`], naming its [`LayerKind`]
//! and its item type. [`Layers`] holds one optional vector per layer: `None` means "not
//! computed", which is different from "computed and empty", and asking for a layer that
//! was not computed is the typed error [`MissingLayer`].

use crate::annotation::*;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A layer that was asked for but not computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the {0} layer has not been computed")]
pub struct MissingLayer(pub LayerKind);

/// A type-level name for one layer of annotations.
pub trait Layer {
    const KIND: LayerKind;
    type Item: Annotation + Clone;
    fn slot(layers: &Layers) -> &Option<Vec<Self::Item>>;
    fn slot_mut(layers: &mut Layers) -> &mut Option<Vec<Self::Item>>;
}

macro_rules! layers {
    ($( $(#[$doc:meta])* $marker:ident, $field:ident, $item:ty, $name:literal; )*) => {
        /// Names every layer, for stage declarations and error messages.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum LayerKind { $($marker,)* }

        impl LayerKind {
            pub const ALL: &'static [LayerKind] = &[$(LayerKind::$marker,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(LayerKind::$marker => $name,)* }
            }
        }

        /// One optional vector per layer; `None` is "not computed".
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        #[serde(default)]
        pub struct Layers {
            $(
                #[serde(skip_serializing_if = "Option::is_none")]
                pub(crate) $field: Option<Vec<$item>>,
            )*
        }

        impl Layers {
            /// The layers that are present.
            pub fn present(&self) -> Vec<LayerKind> {
                let mut kinds = Vec::new();
                $( if self.$field.is_some() { kinds.push(LayerKind::$marker); } )*
                kinds
            }

            /// Visits every span of every present layer.
            pub(crate) fn visit_spans(&self, visit: &mut dyn FnMut(LayerKind, crate::Span)) {
                $(
                    for item in self.$field.iter().flatten() {
                        item.visit_spans(&mut |span| visit(LayerKind::$marker, span));
                    }
                )*
            }
        }

        $(
            $(#[$doc])*
            #[derive(Clone, Copy, Debug)]
            pub struct $marker;

            impl Layer for $marker {
                const KIND: LayerKind = LayerKind::$marker;
                type Item = $item;
                fn slot(layers: &Layers) -> &Option<Vec<$item>> { &layers.$field }
                fn slot_mut(layers: &mut Layers) -> &mut Option<Vec<$item>> { &mut layers.$field }
            }
        )*
    };
}

layers! {
    /// Headline, headings and paragraphs.
    Blocks, blocks, Block, "blocks";
    /// Page furniture that later stages skip.
    Boilerplate, boilerplate, crate::annotation::Boilerplate, "boilerplate";
    /// Sentences of the article text, outside boilerplate, in order, without overlap.
    Sentences, sentences, Sentence, "sentences";
    Tokens, tokens, Token, "tokens";
    Entities, entities, EntityMention, "entities";
    Quantities, quantities, Quantity, "quantities";
    Times, times, TimeExpression, "times";
    Quotes, quotes, Quote, "quotes";
    Claims, claims, Claim, "claims";
    Framing, framing, FramingLabel, "framing";
}

impl fmt::Display for LayerKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
