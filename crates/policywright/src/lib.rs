//! Policywright's core: from an owner's answers to a finished privacy policy.
//!
//! Data flows one way: a [`Project`] (the saved answers) is checked by [`validate`], assembled
//! into a [`PolicyDocument`] by [`assemble`], and turned into files by a [`render::Renderer`].
//! The same project always gives byte-identical output. Nothing here depends on the desktop app.

pub mod assemble;
mod atomic;
pub mod authorities;
pub mod catalogue;
pub mod claims;
pub mod defaults;
pub mod document;
pub mod examples;
pub mod export;
pub mod export_places;
pub mod facts;
pub mod law;
pub mod library;
pub mod model;
pub mod preview;
pub mod project_file;
pub mod recent;
pub mod recovery;
pub mod render;
pub mod scale;
pub mod text;
pub mod validate;
pub mod versions;
pub mod web_address;

pub use assemble::{APP_VERSION, AssembleError, assemble};
pub use document::{PolicyDocument, Reason, Section};
pub use facts::Facts;
pub use library::Library;
pub use model::Project;
pub use validate::{Finding, Severity, validate};
